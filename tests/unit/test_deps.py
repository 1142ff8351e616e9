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


def test_the_modules_a_module_imports_are_found_at_any_depth(tmp_path, monkeypatch):
    from ssg import deps

    names = {p.relative_to(deps._PACKAGE).as_posix() for p in deps.imported_modules(["read"])}
    assert {"read.py", "cmark.py", "search.py", "model.py", "extract/__init__.py", "extract/core.py",
            "extract/text.py", "extract/dates.py"} <= names                # directly, and through extract
    assert not names & {"plan.py", "render.py", "build.py", "feeds.py", "write.py", "assemble.py"}
    # every form of relative import, at module level or in a function, and packages on the way
    package = tmp_path / "pkg"
    (package / "sub" / "deep").mkdir(parents=True)
    files = {"a.py": "from . import b\ndef f():\n    from .sub import c\n", "b.py": "", "sub/__init__.py": "",
             "sub/c.py": "from ..d import x\nfrom .deep.e import y\nfrom . import (  # two\n    f,  # one\n    g as h,\n)\n",
             "sub/f.py": "", "sub/g.py": "", "d.py": "x = 1\n", "sub/deep/__init__.py": "",
             "sub/deep/e.py": "import os\nfrom os import path\ny = 2\n", "unused.py": ""}
    for name, text in files.items():
        (package / name).write_text(text)
    monkeypatch.setattr(deps, "_PACKAGE", package)
    found = {p.relative_to(package).as_posix() for p in deps.imported_modules(["a"])}
    assert found == set(files) - {"unused.py"}
    deps.code_digest.cache_clear()
    try:
        everything, of_a = deps.code_digest(), deps.code_digest("a")
        (package / "unused.py").write_text("z = 3\n")
        deps.code_digest.cache_clear()
        assert deps.code_digest("a") == of_a and deps.code_digest() != everything
        (package / "d.py").write_text("x = 2\n")
        deps.code_digest.cache_clear()
        assert deps.code_digest("a") != of_a
    finally:
        deps.code_digest.cache_clear()


def test_library_versions_are_the_installed_ones_first_on_the_path(tmp_path, monkeypatch):
    from importlib import metadata

    from ssg import deps

    deps.library_versions.cache_clear()
    try:
        found = dict(deps.library_versions())
        assert {"nh3", "cmarkgfm", "pyyaml", "python-slugify", "charset-normalizer"} <= found.keys()
        assert all(version == metadata.version(name) for name, version in found.items())
        (tmp_path / "nh3-99.1.dist-info").mkdir()              # a copy found before the installed one
        monkeypatch.syspath_prepend(str(tmp_path))
        deps.library_versions.cache_clear()
        assert dict(deps.library_versions())["nh3"] == "99.1"
    finally:
        deps.library_versions.cache_clear()
