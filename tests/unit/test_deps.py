import pytest

from ssg.deps import TemplateGraph, fingerprint
from ssg.errors import TemplateError


def graph(tmp_path, files):
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    return TemplateGraph([tmp_path])


def test_closure_follows_extends_include_and_import(tmp_path):
    g = graph(tmp_path, {"base.html": "{% include '_h.html' %}{% block b %}{% endblock %}", "_h.html": "h",
                         "page.html": "{% extends 'base.html' %}{% from '_m.html' import m %}", "_m.html": "{% macro m() %}{% endmacro %}",
                         "other.html": "x"})
    assert g.closure("page.html") == {"page.html", "base.html", "_h.html", "_m.html"}


def test_a_dynamic_reference_depends_on_every_template(tmp_path):
    g = graph(tmp_path, {"dyn.html": "{% include name %}", "a.html": "a", "b.html": "b"})
    assert g.closure("dyn.html") == {"dyn.html", "a.html", "b.html"}


def test_editing_an_included_template_changes_the_digest(tmp_path):
    g = graph(tmp_path, {"page.html": "{% include '_h.html' %}", "_h.html": "one"})
    before = g.closure_digest("page.html")
    (tmp_path / "_h.html").write_text("two")
    assert TemplateGraph([tmp_path]).closure_digest("page.html") != before


def test_syntax_error_names_file_and_line(tmp_path):
    g = graph(tmp_path, {"bad.html": "ok\n{% if %}"})
    with pytest.raises(TemplateError) as info:
        g.closure("bad.html")
    assert "bad.html:2" in str(info.value)


def test_fingerprint_is_order_sensitive_and_stable():
    assert fingerprint({"b": 1, "a": 2}) == fingerprint({"a": 2, "b": 1})
    assert fingerprint("x", "y") != fingerprint("y", "x")
