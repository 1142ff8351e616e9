"""ssg's Jinja environment writes exactly what plain Jinja writes: its speed-ups (dict keys looked
up first, globals as one dict, output escaped without a Markup per value, calls of plain
functions without Jinja's context checks, tojson through orjson) change no byte."""
from __future__ import annotations

import json

import pytest
from jinja2 import DictLoader, Environment, pass_context, pass_environment, pass_eval_context
from markupsafe import Markup, escape

from ssg import render
from ssg.render import ViewEnvironment

TEMPLATES = {
    "_m.html": (
        "{% macro box(x, y='<b>') %}<i title=\"{{ x }}\">{{ x }}{{ y }}{{ caller() if caller else '' }}</i>{% endmacro %}"
        "{% macro labels() %}{{ site.label }}{% endmacro %}"
    ),
    "base.html": "<title>{% block title %}{{ page.title }}{% endblock %}</title>{% block main %}{% endblock %}",
    "page.html": (
        "{% extends 'base.html' %}{% from '_m.html' import box, labels with context %}"
        "{% block main %}"
        "{{ page.text }}|{{ page.safe }}|{{ page.text|safe }}|{{ page.number }}|{{ page.float }}|{{ page.none }}|"
        "{{ page.flag }}|{{ page.obj }}|{{ page.html }}|{{ page.text|e }}|{{ page.text ~ page.safe }}|"
        "{{ page.text ~ page.number }}|{{ page.text|upper }}|{{ page.text|replace('&', '&amp;') }}|"
        "{{ box(page.text) }}|{% call box(page.safe, page.text) %}{{ page.text }}{% endcall %}|{{ labels() }}|"
        "{% set s %}{{ page.text }}{{ page.safe }}{% endset %}{{ s }}|{{ s ~ page.text }}|"
        "{% filter upper %}{{ page.text }}{% endfilter %}|"
        "{% for t in page.tags %}<li>{{ t }}{{ loop.index }}</li>{% endfor %}|"
        "{% autoescape false %}{{ page.text }}{% endautoescape %}|{{ '<const>' }}|{{ page.text[1:] }}|"
        "{{ page.text if page.flag else page.safe }}|{{ [page.text, page.safe] }}|{{ {'k': page.text} }}|"
        "{% include 'inc.html' %}"
        "{% endblock %}"
    ),
    "inc.html": "<p>{{ page.text }}{{ site.label }}</p>",
    "calls.html": (
        "{% set v = 'outer' %}"
        "{{ plain(page.text) }}|{{ plain(page.text, sep='&') }}|{{ page.get('text') }}|{{ page.get('nope', '<d>') }}|"
        "{{ ctx() }}|{{ env_fn() }}|{{ eval_fn() }}|{{ obj_ctx() }}|{{ obj_plain() }}|{{ method(page.text) }}|"
        "{{ ctx_method() }}|{{ stops() is undefined }}|{{ page.tags.index(page.tags[0]) if page.tags else '' }}|"
        "{{ page.text.upper() }}|{{ getitem('k') }}|{{ markup(page.text) }}|"
        "{% for t in page.tags %}{% set v = 'loop' ~ loop.index %}{{ plain(t) }}{{ ctx() }}{{ page.get('text') }}{% endfor %}|"
        "{% block b %}{% set v = 'block' %}{{ ctx() }}{{ plain(v, sep='|') }}{% endblock %}"
    ),
}


class _Obj:
    def __str__(self):
        return "<obj & \"q\">"


class _Html:
    def __html__(self):
        return "<em>already safe</em>"


VALUES = [
    {"text": "نص <عربي> & \"مقتبس\" 'x'", "safe": Markup("<b>safe & sound</b>"), "number": 42, "float": 1.5,
     "none": None, "flag": True, "obj": _Obj(), "html": _Html(), "tags": ["<a>", "ب&ت", Markup("<c>")],
     "title": "A & B <c>"},
    {"text": "", "safe": Markup(""), "number": 0, "float": -0.0, "none": None, "flag": False, "obj": _Obj(),
     "html": _Html(), "tags": [], "title": ""},
    {"text": "\x00<>&'\"\u200f\U0001F600", "safe": Markup("&amp;"), "number": -1, "float": float("inf"), "none": None,
     "flag": 1, "obj": _Obj(), "html": _Html(), "tags": ["'"], "title": "'\""},
]


def _environments():
    kw = dict(autoescape=True, trim_blocks=True, lstrip_blocks=True)
    envs = ViewEnvironment(loader=DictLoader(TEMPLATES), **kw), Environment(loader=DictLoader(TEMPLATES), **kw)
    for env in envs:
        env.globals.update(CALLABLES)
    return envs


@pass_context
def _ctx(context):
    return f"<ctx v={context.get('v')}>"


class _CallableWithContext:
    @pass_context
    def __call__(self, context):
        return f"<obj {context.get('v')}>"


class _Callable:
    def __call__(self, *args):
        return "<plain obj>"


class _Holder:
    def method(self, x):
        return f"<m {x}>"

    @pass_context
    def ctx_method(self, context):
        return f"<cm {context.get('v')}>"


def _stops():
    raise StopIteration


CALLABLES = {
    "plain": lambda x, sep=",": f"<{x}{sep}>", "ctx": _ctx,
    "env_fn": pass_environment(lambda env: f"<env {env.autoescape}>"),
    "eval_fn": pass_eval_context(lambda ec: f"<eval {ec.autoescape}>"),
    "obj_ctx": _CallableWithContext(), "obj_plain": _Callable(), "method": _Holder().method,
    "ctx_method": _Holder().ctx_method, "stops": _stops, "getitem": {"k": "<v>"}.__getitem__, "markup": Markup,
}


def test_calls_of_every_kind_give_what_plain_jinja_gives():
    """Builtins, functions, methods (fast path) and functions that take the context, callable
    objects, macros (Jinja's path), in loops and blocks, and a StopIteration."""
    ours, plain = _environments()
    for page in VALUES:
        got = ours.get_template("calls.html").render(page=page)
        assert got == plain.get_template("calls.html").render(page=page)
    assert "<ctx v=loop1>" in ours.get_template("calls.html").render(page=VALUES[0]).replace("&lt;", "<").replace("&gt;", ">")


@pytest.mark.parametrize("page", VALUES)
def test_pages_are_byte_for_byte_what_plain_jinja_writes(page):
    ours, plain = _environments()
    site = {"label": "<تسمية> & co"}
    got = ours.get_template("page.html").render(page=page, site=site)
    want = plain.get_template("page.html").render(page=page, site=site)
    assert got == want
    assert got.startswith(f"<title>{escape(page['title'])}</title>{escape(page['text'])}|")     # escaped at all


def test_the_output_escaping_is_in_use_where_markupsafe_has_it_in_c():
    """The speed-up applies (markupsafe 3's escape() is Python around a C function): if Jinja
    stops compiling output through ``escape``, this says the gain is gone, not the output."""
    if render._escape_inner is None:
        pytest.skip("markupsafe < 3: escape() is C already")
    ours, _ = _environments()
    template = ours.get_template("page.html")
    assert template.root_render_func.__globals__["escape"] is render._escape_for_output
    assert render._escape_for_output("<&>") == "&lt;&amp;&gt;" and type(render._escape_for_output("x")) is str
    assert render._escape_for_output(Markup("<b>")) == Markup("<b>")


def test_tojson_writes_what_json_writes_and_is_safe_inside_a_script():
    """orjson where it writes what json writes; json where orjson refuses (non-str keys, big integers)."""
    from ssg.render import json_for_script
    values = [{"headline": "نص </script> & \"x\" \u2028 \\", "n": -1, "b": True, "z": None, "l": [1, "<!--"]},
              {1: "int key", "k": {"@type": "Person"}}, 2 ** 70, "\x00\x1f\x7f\ufeff", [], {}, "😀"]
    for value in values:
        got = str(json_for_script(value))
        plain = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        assert got == plain.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        assert "<" not in got and json.loads(got) == json.loads(plain)
