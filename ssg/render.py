"""Stage 5a: RenderJob -> bytes for HTML pages, through Jinja2.

Templates are looked up in the site's ``templates/`` first, then in the theme's, file by file.
Each worker process calls ``init_worker`` once (Jinja environment, read-only body store, the
cards of every article); ``render(job)`` is then pure with respect to that state.
"""
from __future__ import annotations

import hashlib
import json
import types
from pathlib import Path

import markupsafe
import orjson
from markupsafe import Markup
from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined, Template, TemplateError as JinjaError, TemplateSyntaxError
from jinja2.runtime import Context

from .cache import BodyStore
from .config import SiteConfig, theme_roots
from .errors import TemplateError
from .model import RenderJob
from .urls import absolute, href

CARD_TEMPLATE = "_card.html"   # listings call card_html(key); plan.py folds its digest into their fingerprints


def theme_dirs(config: SiteConfig) -> list[Path]:
    """[site theme folder or bundled theme folder] for config.theme."""
    return [folder for folder in theme_roots(config) if folder.is_dir()][:1]


def template_paths(config: SiteConfig) -> list[Path]:
    return [config.root / "templates"] + [d / "templates" for d in theme_dirs(config)]


def static_paths(config: SiteConfig) -> list[Path]:
    """Theme static first, then the site's static/ (later wins)."""
    return [d / "static" for d in theme_dirs(config)] + [config.root / "static"]


def json_for_script(value) -> Markup:
    """JSON safe inside <script> (no "</script>", no HTML entities), Arabic kept as UTF-8.
    (Three ``str.replace`` passes: ``str.translate`` with a dict looks up every character.)
    orjson writes what ``json.dumps(ensure_ascii=False, separators=(",", ":"))`` writes for
    strings, integers, booleans, None, lists and dicts, in ~1 us instead of ~6 (an article's
    JSON-LD); what it refuses (non-str keys, integers past 64 bits, other types) goes to json.
    A float may be spelled otherwise (1e16, not 1e+16): the same number."""
    try:
        text = orjson.dumps(value).decode()
    except TypeError:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


try:
    from markupsafe import _escape_inner     # markupsafe 3: the C escaping that escape() wraps in a Markup
except ImportError:                          # (markupsafe 2: escape() is all C; nothing to gain)
    _escape_inner = None
_MARKUP_ESCAPE = markupsafe.escape


def _escape_for_output(value) -> str:
    """``{{ value }}`` with autoescape on: a str escaped as a plain str, a Markup as it is, anything
    else (a number, None, an object with ``__html__``) as markupsafe escapes it. Jinja's compiled
    templates call ``escape`` only where they write a value out (``CodeGenerator._output_child_pre``),
    and what they write is joined into a str, so the text is the same as markupsafe's; a Markup
    built for each value written, a Python-level ``__new__``, was ~10% of rendering an article or
    listing page (alternated A/B in one process; tests/unit/test_render_env.py compares the output
    with plain Jinja's)."""
    kind = type(value)
    if kind is str:
        return _escape_inner(value)
    if kind is Markup:          # (markupsafe would copy it: a page's body, every card on a listing)
        return value
    return _MARKUP_ESCAPE(value)


class OutputTemplate(Template):
    """A template whose output calls ``_escape_for_output`` instead of markupsafe's ``escape``."""

    @classmethod
    def from_code(cls, environment, code, globals, uptodate=None):
        template = super().from_code(environment, code, globals, uptodate)
        namespace = template.root_render_func.__globals__      # the module's namespace: its functions' globals
        if _escape_inner is not None and namespace.get("escape") is _MARKUP_ESCAPE:
            namespace["escape"] = _escape_for_output
        return template


_BUILTIN_CALLABLES = (types.BuiltinFunctionType, types.MethodWrapperType)   # dict.get, cards.__getitem__...


class ViewContext(Context):
    """``call`` (every function or method a template calls: ``page.get(...)``, ``card(key)``,
    ``card_html(key)``, ``lang_marks(...)``) goes straight to a builtin, or to a Python function
    or method that asks for no context (no ``jinja_pass_arg``, which ``pass_context`` and its
    kin set), instead of Jinja's checks for both on every call: ~15% of rendering an article or
    listing page (alternated A/B in one process). The rest (macros, callable objects, functions
    that take the context) go through Jinja's ``call``; tests/unit/test_render_env.py compares
    every kind with plain Jinja's output."""

    def call(self, obj, /, *args, **kwargs):
        kind = type(obj)
        if kind in _BUILTIN_CALLABLES or (kind is types.FunctionType and "jinja_pass_arg" not in obj.__dict__) or (
                kind is types.MethodType and type(obj.__func__) is types.FunctionType
                and "jinja_pass_arg" not in obj.__func__.__dict__):
            if kwargs:              # what Jinja passes for a context, inside loops and blocks
                kwargs.pop("_block_vars", None)
                kwargs.pop("_loop_vars", None)
            try:
                return obj(*args, **kwargs)
            except StopIteration:
                return self.environment.undefined("value was undefined because a callable raised a StopIteration exception")
        return super().call(obj, *args, **kwargs)


class ViewEnvironment(Environment):
    """Views are plain dicts, so ``page.title`` looks the key up first. Jinja's default tries the
    attribute first and gets the key after an AttributeError, which was ~10% of rendering an
    article page. (A dict key now wins over a dict method of the same name: ``page.items`` is
    the listing's items, as a template author would expect.)"""

    template_class = OutputTemplate
    context_class = ViewContext

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)

    def make_globals(self, d):
        """A template's globals as one plain dict, not Jinja's ChainMap over the environment's:
        every render copies them into its context, and copying a ChainMap goes key by key in
        Python (~4% of rendering an article or listing page, A/B in one process). So a template
        sees the environment's globals as they were when it was loaded: ``Renderer`` sets
        ``card_html`` before it loads any."""
        return {**self.globals, **(d or {})}


def make_env(config: SiteConfig, cache_dir: Path | None = None) -> Environment:
    """``cache_dir``: keep compiled templates there (Jinja's bytecode cache, keyed by each template's
    source), so each worker and each watch build loads them instead of compiling them again.

    Jinja's compiler folds a filter over a constant into the code (``'css/style.css'|href`` is the
    string "/archive/css/style.css" in the compiled template), so the code holds the address it
    was compiled for: the cache is kept in a folder of its own per ``base_url``. (Kept in one
    folder, a build for another address loaded the last address's links from it, --force or not.)"""
    baked = hashlib.blake2b(config.base_url.encode(), digest_size=6).hexdigest()
    env = ViewEnvironment(
        loader=FileSystemLoader([str(p) for p in template_paths(config) if p.is_dir()]),
        autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=StrictUndefined,
        auto_reload=False, cache_size=-1,
        bytecode_cache=FileSystemBytecodeCache(str(_mkdir(cache_dir / "templates" / baked))) if cache_dir else None,
    )
    base_path, base_url = config.base_path, config.base_url
    env.filters["href"] = lambda url: href(base_path, url or "")
    env.filters["absolute"] = lambda url: absolute(base_url, url or "")
    env.filters["tojson"] = json_for_script
    env.filters["iso"] = iso
    env.filters["compact"] = compact
    env.globals["lang_marks"] = lang_marks
    return env


# Helpers every page calls, in Python: as Jinja macros and filter chains they were ~18% of
# rendering an article page (a macro call costs a new context; ``dict(ld|items|rejectattr(1,
# "none"))`` a filter call per key). A/B in one process, 3,000 bench article pages: 0.336 -> 0.274 ms.

def iso(value: str) -> str:
    """A date-time for datetime="": seconds are optional in HTML, so ":00" is left out."""
    return value[:16] + value[19:] if len(value) in (19, 25) and value[16:19] == ":00" else value


def compact(mapping: dict) -> dict:
    """The mapping without its None values (the JSON-LD of an article leaves out what it lacks)."""
    return {k: v for k, v in mapping.items() if v is not None}


def lang_marks(lang: str | None, direction: str, site_language: str) -> Markup:
    """An article's own text (headline, dek, body; a card's title and summary) is marked with its
    lang and dir when it is in another language than the site's, whose language and direction
    the page keeps; else dir="auto"."""
    if lang and lang != site_language:
        return Markup(' lang="%s" dir="%s"') % (lang, direction)
    return Markup(' dir="auto"')


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


class Renderer:
    def __init__(self, config: SiteConfig, globals_view: dict, cards: dict, cache_dir: Path | None):
        self.env = make_env(config, cache_dir)
        self.root = config.root.resolve()
        self.site = globals_view
        self.cards = cards
        self.bodies = BodyStore(cache_dir) if cache_dir else None
        self._cards: dict[tuple[str, bool], Markup] = {}
        self.env.globals["card_html"] = self.card_html

    def card_html(self, key: str, with_summary: bool = False) -> Markup:
        """A card's HTML, rendered once per worker and reused on every listing that shows it."""
        memo = (key, bool(with_summary))
        if memo not in self._cards:
            template = self.env.get_template(CARD_TEMPLATE)
            self._cards[memo] = Markup(template.render(site=self.site, c=self.cards[key], with_summary=with_summary))
        return self._cards[memo]

    def render(self, job: RenderJob) -> bytes:
        body = self.bodies.get(job.body_keys[0]) if job.body_keys and self.bodies else ""     # (the cache's, not a template's, problem)
        try:
            template = self.env.get_template(job.template)
            text = template.render(site=self.site, page=job.view, card=self.cards.__getitem__, body=body,
                                   output=job.output)
        except TemplateSyntaxError as exc:
            raise TemplateError(f"template syntax error: {exc.message} (while rendering {job.output})",
                                path=self._shown(exc.filename) or job.template, line=exc.lineno) from None
        except TemplateError:
            raise
        except Exception as exc:           # a template's own mistake: {{ 1/0 }}, a self-include, bad UTF-8...
            filename, line = _template_frame(exc.__traceback__)
            raise TemplateError(f"{_problem(exc)} (while rendering {job.output})",
                                path=self._shown(filename) or job.template, line=line) from None
        return text.encode("utf-8")

    def _shown(self, filename: str | None) -> str | None:
        """A template file as the error names it: relative to the site folder when inside it."""
        if not filename:
            return None
        try:
            return Path(filename).relative_to(self.root).as_posix()
        except ValueError:
            return filename


def _template_frame(tb) -> tuple[str | None, int | None]:
    """The innermost template file and line in a traceback. Jinja rewrites the frames of compiled
    templates to carry the template's file name and line; a template that could not be loaded
    shows up as the loader's ``get_source`` frame, whose ``filename`` is the file it read."""
    found: tuple[str | None, int | None] = (None, None)
    seen = 0
    while tb is not None and seen < 10_000:        # (a RecursionError's traceback is ~1,000 frames)
        frame, seen = tb.tb_frame, seen + 1
        name = frame.f_code.co_filename
        if "__jinja_exception__" in frame.f_globals:      # (jinja2.debug.fake_traceback's frames)
            found = (name, tb.tb_lineno)
        elif frame.f_code.co_name == "get_source" and isinstance(frame.f_locals.get("filename"), str) \
                and "jinja2" in name:
            found = (frame.f_locals["filename"], None)
        tb = tb.tb_next
    return found


def _problem(exc: BaseException) -> str:
    """The error as one line a template author can act on."""
    if isinstance(exc, RecursionError):
        return "templates include, extend or call each other without end (RecursionError)"
    if isinstance(exc, UnicodeDecodeError):
        return f"not valid UTF-8 (byte {exc.start}); templates must be UTF-8"
    if isinstance(exc, JinjaError):
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    text = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
