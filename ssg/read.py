"""Stage 2: bytes -> Articles (+ bodies). Pure: ``read_source(source, data, sidecar, config)``.

Three kinds of content:
- Markdown with YAML (``---``) or TOML (``+++``) front matter, rendered by cmark-gfm
  (CommonMark and GitHub's tables, strikethrough and autolinks; ``ssg.cmark``) and sanitised by nh3;
- raw news text (``.txt``), whose metadata the extractor (``ssg.extract``) finds;
- dataset dumps (``.jsonl``/``.csv``): one article per line or row.
A sidecar ``NAME.meta.toml``/``NAME.meta.json`` overrides any field of any of them.
"""
from __future__ import annotations

import dataclasses
import hashlib
import html
import json
import re
import tomllib
import unicodedata
from datetime import date as date_type, datetime, time
from typing import Container

import nh3
import yaml

from . import cmark, extract, search
from .extract.markup import FRONT_MATTER
from .extract.text import fold
from .config import SiteConfig
from .deps import code_digest, library_versions
from .errors import ContentError
from .model import SIDECAR_SUFFIXES, Article, Problem, ReadResult, SourceFile
from .urls import slugify

READER_VERSION = "3"
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml when PyYAML was built with it: ~10x faster
FIELD_ALIASES = {
    "categories": "category", "lang": "language", "description": "dek", "subtitle": "dek",
    "authors": "author", "lastmod": "updated", "modified": "updated",
    "published": "date", "keywords": "tags",
    # what scrapers and other tools write: the key a field is known by wins over its alias
    "headline": "title", "standfirst": "dek", "summary": "dek", "excerpt": "dek", "byline": "author",
    "publisher": "source", "publication": "source", "outlet": "source", "site_name": "source", "desk": "category",
    "published_at": "date", "publish_date": "date", "pubdate": "date", "date_published": "date", "first_published": "date",
    "updated_at": "updated", "last_modified": "updated", "date_modified": "updated",
}


def digest_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def read_digest(config: SiteConfig) -> str:
    """Everything besides the bytes that changes what read_source returns: its code (this module
    and every ssg module it imports, at any depth), the libraries ssg uses, and the settings."""
    parts = [READER_VERSION, code_digest("read"), library_versions(), search.FORMAT, getattr(extract, "__version__", ""), config.untitled, config.language, config.timezone, config.day_first,
             config.slug_max_length, config.slug_ascii, config.sanitize_html, config.extract, config.pages.search]
    return hashlib.blake2b(json.dumps(parts, sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


DATASET_SUFFIXES = (".jsonl", ".csv")      # a file of rows, an article each
ROW = object()     # the extra key of a dataset row's digest: no front matter or sidecar can name it

_OPTIONS: dict[str, extract.ExtractOptions] = {}
_LAST_OPTIONS: list = [None, None]               # the last config asked about, and its options


def extract_options(config: SiteConfig) -> extract.ExtractOptions:
    if _LAST_OPTIONS[0] is config:                # (a config is frozen: its options are its options;
        return _LAST_OPTIONS[1]                   #  read_digest is ~15 µs, asked for by every article)
    key = read_digest(config)
    if key not in _OPTIONS:
        try:
            _OPTIONS[key] = extract.parse_extract_options(dict(config.extract), timezone=config.timezone,
                                                          day_first=config.day_first)
        except ValueError as exc:
            from .errors import ConfigError
            raise ConfigError(str(exc), path=str(config.root / "site.toml")) from None
    _LAST_OPTIONS[:] = [config, _OPTIONS[key]]
    return _OPTIONS[key]


# --------------------------------------------------------------------------- entry point

def extractions(source: SourceFile, data: bytes, sidecar: bytes | None, config: SiteConfig,
                part: tuple[int, int] | None = None, read_rows: Container[str] = frozenset()):
    """One content file -> [(line or None, Extraction | ExtractError, extra keys)], overrides applied.

    Shared by the build (``read_source``) and ``ssg inspect``, so inspect shows exactly what the
    build uses. Raises ExtractError/ContentError for a file that cannot be used at all.
    ``part``: of a dataset's rows, only part k of n (``extract_dataset``). A dataset row's extra
    keys hold its digest (``ROW``); a row whose digest is in ``read_rows`` is not extracted: None."""
    path = source.rel_path
    overrides = extract.parse_sidecar(sidecar, name=source.sidecar) if sidecar is not None else {}
    known, side_extra = split_overrides(_normalise_meta(overrides), "sidecar")
    suffix = path.rsplit(".", 1)[-1].lower()
    if suffix in ("md", "markdown"):
        ex, extra = _read_markdown(path, data, config)
        items = [(None, ex, extra)]
    elif suffix in ("jsonl", "csv"):
        options = extract_options(config)
        return [(line, row if row is None or isinstance(row, extract.ExtractError) else extract.safe_row(row, options, path, line),
                 {ROW: digest} if digest else {})
                for line, digest, row in extract.dataset_rows(data, rel_path=path, fmt=suffix, options=options, part=part, known=read_rows)]
    else:
        items = [(None, extract.extract_bytes(data, rel_path=path, options=extract_options(config)), {})]
    if known:
        items = [(line, extract.apply_overrides(ex, known, origin="sidecar", day_first=extract_options(config).day_first), extra) for line, ex, extra in items]
    unknown = sorted(k for k in side_extra if k not in SIDECAR_EXTRAS)
    if unknown:           # (a sidecar is ssg's own file: a key it does not know is a typo, not another tool's)
        note = f"{source.sidecar}: {', '.join(map(repr, unknown))} not a key ssg reads (ignored); see docs/content.md"
        items = [(line, dataclasses.replace(ex, warnings=(*ex.warnings, note)), extra) for line, ex, extra in items]
    items = [(line, _localise(ex, config), extra) for line, ex, extra in items]
    return [(line, ex, {**extra, **side_extra}) for line, ex, extra in items]


def read_source(source: SourceFile, data: bytes, sidecar: bytes | None, config: SiteConfig,
                part: tuple[int, int] | None = None, previous: ReadResult | None = None) -> ReadResult:
    """One content file -> a ReadResult. Never raises for bad content: problems are returned.
    ``part`` (k, n): a dataset's rows of part k of n only, which ``whole`` puts together.
    ``previous``: the last read of this dataset file under the same reader (``build.reader_key``):
    a row it read already (its article's ``source_digest`` is the row's digest) is its article
    and warnings again, at its new line, without being extracted (nor its body and terms made:
    the cache has them). A sidecar that scan found no article for (``x.meta.toml`` without an
    ``x.*`` content file beside it, or the second sidecar of one) is read as nothing, with a warning."""
    path = source.rel_path
    if path.lower().endswith(SIDECAR_SUFFIXES):
        return ReadResult(source=source, problems=(Problem(path=path, severity="warning", message=unused_sidecar(path)),))
    seen = _rows_of(previous) if previous is not None else {}
    try:
        items = extractions(source, data, sidecar, config, part, read_rows=seen)
    except (extract.ExtractError, ContentError) as exc:
        where = source.sidecar if isinstance(exc, extract.ExtractError) and sidecar is not None and exc.code == "bad_sidecar" else path
        return ReadResult(source=source, problems=(Problem(path=where, message=unprefixed(exc.message, where), line=exc.line),))
    articles, bodies, terms_of, problems = [], [], [], []
    for line, item, extra in items:
        if item is None:                           # a row read before: its article, at its line now
            article, warnings = seen[extra[ROW]]
            key = f"{path}#L{line}"
            articles.append(article if article.key == key else dataclasses.replace(article, key=key))
            problems += [dataclasses.replace(p, line=line) for p in warnings]
            continue
        if isinstance(item, extract.ExtractError):
            problems.append(Problem(path=path, message=unprefixed(item.message, path), line=line or item.line))
            continue
        key = path if line is None else f"{path}#L{line}"
        try:
            item, article, body, terms, warnings = article_of(key, source, item, extra, config)
        except ContentError as exc:
            problems.append(Problem(path=path, message=exc.message, line=line or exc.line))
            continue
        problems += [Problem(path=path, line=line, message=w, severity="warning") for w in warnings]
        articles.append(article)
        bodies.append((article.body_digest, body))
        terms_of.append((article.terms_digest, terms))
    result = ReadResult(source=source, articles=tuple(articles), bodies=tuple(bodies), terms=tuple(terms_of), problems=tuple(problems))
    return result if part is not None else whole(source, [result])


def _rows_of(previous: ReadResult) -> dict[str, tuple[Article, list[Problem]]]:
    """A dataset file's last read as row digest -> (its article, its warnings); of two equal rows, the first."""
    first: dict[str, Article] = {}
    for a in previous.articles:
        first.setdefault(a.source_digest, a)
    at: dict[int, list[Problem]] = {_line_of(a): [] for a in first.values()}
    for p in previous.problems:
        if p.severity == "warning" and p.line in at:
            at[p.line].append(p)
    return {d: (a, at[_line_of(a)]) for d, a in first.items()}


def whole(source: SourceFile, parts: list[ReadResult]) -> ReadResult:
    """A file's ReadResult from those of its parts (``read_source(part=...)``), as if read at once:
    articles and problems in line order."""
    if len(parts) == 1:
        articles, bodies, terms, problems = parts[0].articles, parts[0].bodies, parts[0].terms, parts[0].problems
    else:
        # A part's bodies and terms are those of its articles that were extracted now (not of a row
        # read before, nor any when the read workers send a result: they go to the cache on their
        # own), keyed by digest: put in the articles' order.
        articles = tuple(sorted((a for p in parts for a in p.articles), key=_line_of))
        bodies, terms = _in_order(articles, "body_digest", parts, "bodies"), _in_order(articles, "terms_digest", parts, "terms")
        problems = tuple(sorted((q for p in parts for q in p.problems), key=lambda q: q.line or 0))
    if not articles and len(problems) > 2 and all(p.severity == "error" for p in problems):
        # a dataset file none of whose rows is an article (a manifest, say): one line, not one per row
        first = problems[0]
        problems = (Problem(path=source.rel_path, message=f"no row is an article ({len(problems)} rows; line {first.line}: {first.message})"),)
    return ReadResult(source=source, articles=articles, bodies=bodies, terms=terms, problems=problems)


def _in_order(articles: tuple[Article, ...], field: str, parts: list[ReadResult], kind: str) -> tuple:
    """The parts' (digest, value) pairs of ``kind`` in the order of the articles whose ``field`` they are."""
    pool: dict[str, list] = {}
    for p in parts:
        for pair in getattr(p, kind):
            pool.setdefault(pair[0], []).append(pair)
    return tuple(pool[d].pop() for d in (getattr(a, field) for a in articles) if pool.get(d))


def _line_of(article: Article) -> int:
    """The line an article of a dataset starts at (its key is PATH#Lline)."""
    _, mark, line = article.key.rpartition("#L")
    return int(line) if mark else 0


def unused_sidecar(path: str) -> str:
    """What the build says of a sidecar that overrides nothing (``scan`` gives it as a source)."""
    name = path.rsplit("/", 1)[-1]
    suffix = next(s for s in SIDECAR_SUFFIXES if name.lower().endswith(s))
    base = name[: -len(suffix)]
    told = f"overrides nothing, so it is ignored: no content file of its name ({base}.md, {base}.txt, ...) is beside it"
    if suffix != SIDECAR_SUFFIXES[0]:
        told += f", or {base}{SIDECAR_SUFFIXES[0]} is, and is the one used"
    return told + " (a sidecar takes its article's name: x.txt -> x.meta.toml)"


def unprefixed(message: str, name: str) -> str:
    """An extractor's message without the file name it starts with ("d.csv: 2 fields, ..."): the
    problem line names the file once, before it."""
    return message[len(name) + 2:] if message.startswith(name + ": ") else message


def _warnings(item, article: Article) -> list[str]:
    out = list(getattr(item, "warnings", ()) or ())
    if article.date is None:
        out.append("no date found: listed as undated")
    return out


# --------------------------------------------------------------------------- markdown

def split_front_matter(text: str, path: str) -> tuple[dict, str]:
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text.lstrip("\ufeff")
    fence, raw = match.group(1), match.group(2)
    try:
        meta = tomllib.loads(raw) if fence == "+++" else (simple_yaml(raw) or yaml.load(raw, Loader=_YAML_LOADER) or {})
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError, OverflowError) as exc:   # (2024-02-30: ValueError)
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ContentError(f"invalid front matter: {first}", path=path, line=(line + 2) if line is not None else None) from None
    if not isinstance(meta, dict):
        raise ContentError("front matter must be a mapping of keys to values", path=path)
    body = text[match.end():]
    return meta, body[2:] if body.startswith("\r\n") else body[1:] if body.startswith("\n") else body


# Most front matter is one `key: value` a line, as our generator and most scrapers write it. That
# much YAML is read here without the YAML parser (whose making of Python objects costs more than
# rendering the article's Markdown): a value is a double-quoted string (the only escapes: \" and
# \\), a plain scalar or a one-line list of those. PyYAML's own resolver decides what a plain
# scalar is (str, int, bool, null, date...) and its safe constructor builds it, so the result is
# what ``yaml.load`` gives; anything else (other escapes, comments after a value, nesting,
# multi-line values, anchors, tags, tabs, odd characters) is left to ``yaml.load``.
# tests/unit/test_front_matter.py checks this against yaml.load on generated front matter.
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_STR_TAG = "tag:yaml.org,2002:str"
_SCALAR_TAGS = frozenset(f"tag:yaml.org,2002:{t}" for t in ("null", "bool", "int", "float", "timestamp"))
_NOT_SIMPLE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]")
_KEY_LINE = re.compile(r"([A-Za-z_][A-Za-z0-9_-]*):(?: +(.+))?")
_QUOTED = re.compile(r'"((?:[^"\\]|\\["\\])*)"')            # escapes: \" and \\ only
_ESCAPE = re.compile(r'\\(["\\])')
_FLOW_ITEM = re.compile(r""" *(?:"((?:[^"\\]|\\["\\])*)"|([^ ,\[\]{}#&*!|>'"%@`?:\\-][^,\[\]{}#:"'\\]*?)) *(,|\Z)""")
_PLAIN_FIRST = frozenset("-?:,[]{}#&*!|>'\"%@` ")
_NO = object()


def simple_yaml(raw: str) -> dict | None:
    """``yaml.safe_load(raw)`` for front matter of simple ``key: value`` lines; None for any other."""
    if _NOT_SIMPLE.search(raw):
        return None
    meta: dict = {}
    for line in raw.split("\n"):
        if not line or line[0] == "#":
            continue
        match = _KEY_LINE.fullmatch(line)
        if match is None:
            return None
        key, value = match.groups()
        if not _str_key(key):
            return None
        if value is None:
            meta[key] = None
            continue
        if value[-1] == " ":
            return None
        if value[0] == '"':
            quoted = _QUOTED.fullmatch(value)
            if quoted is None:
                return None
            meta[key] = _unquote(quoted.group(1))
        elif value[0] == "[":
            found = _flow_list(value[1:-1]) if value[-1] == "]" else None
            if found is None:
                return None
            meta[key] = found
        else:
            if value[0] in _PLAIN_FIRST or "#" in value or ": " in value or value[-1] == ":":
                return None
            found = _plain_scalar(value)
            if found is _NO:
                return None
            meta[key] = found
    return meta or None                           # no key at all: yaml.load says None or fails


_STR_KEYS: dict[str, bool] = {}


def _str_key(key: str) -> bool:
    """Whether YAML reads the plain key as a string (not as true, null, a number...); remembered."""
    found = _STR_KEYS.get(key)
    if found is None:
        found = _RESOLVER.resolve(yaml.ScalarNode, key, (True, False)) == _STR_TAG
        if len(_STR_KEYS) < 4096:
            _STR_KEYS[key] = found
    return found


def _flow_list(inner: str) -> list | None:
    if not inner.strip(" "):
        return []
    out, pos = [], 0
    while True:
        match = _FLOW_ITEM.match(inner, pos)
        if match is None:
            return None
        quoted, plain, comma = match.groups()
        if quoted is not None:
            out.append(_unquote(quoted))
        else:
            value = _plain_scalar(plain)
            if value is _NO:
                return None
            out.append(value)
        pos = match.end()
        if not comma:
            return out
        if pos == len(inner):                     # a trailing comma
            return None


def _unquote(text: str) -> str:
    return _ESCAPE.sub(r"\1", text) if "\\" in text else text


def _plain_scalar(value: str):
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag == _STR_TAG:
        return value
    if tag not in _SCALAR_TAGS:
        return _NO
    try:
        return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    except Exception:                             # e.g. 2024-02-30: yaml.load raises it as it always did
        return _NO


OVERRIDABLE = frozenset({"title", "published", "category", "section", "tags", "source", "author", "agency",
                         "dek", "language", "dir", "url", "hijri", "subheadings", "paragraphs"})


def _localise(ex: extract.Extraction, config: SiteConfig) -> extract.Extraction:
    """A date given without a zone is in the site's timezone."""
    if ex.published is not None and ex.published.tzinfo is None:
        return dataclasses.replace(ex, published=ex.published.replace(tzinfo=config.tz))
    return ex


def split_overrides(meta: dict, origin: str) -> tuple[dict, dict]:
    """Front matter / sidecar keys -> (Extraction fields, extra keys such as slug, draft, updated).
    ``origin`` ("front-matter", "sidecar") names where a value of the wrong type was found."""
    known, extra = {}, {}
    for key, value in meta.items():
        key = "published" if key == "date" else key
        if key == "tags":
            _check_tags(value, origin)
            value = list(_tags(value))
        elif key in _EXTRA_TYPES and value is not None and not isinstance(value, _EXTRA_TYPES[key][0]):
            raise _bad_type(origin, f"'{key}' must be {_EXTRA_TYPES[key][1]}")
        (known if key in OVERRIDABLE else extra)[key] = value
    return known, extra


# The keys of a sidecar that are not an extraction's fields and that the build reads.
SIDECAR_EXTRAS = frozenset({"slug", "permalink", "draft", "updated"})
# The extra keys whose values the build uses as they are: the type each must have.
_EXTRA_TYPES = {"slug": ((str, int), "a string"), "permalink": (str, "a string"), "draft": (bool, "true or false")}


def _check_tags(value, origin: str) -> None:
    """Tags are a string ("a, b") or a list of strings (numbers taken as written: [2024, x])."""
    scalar = (str, int, float)
    if value is None or isinstance(value, str) or (isinstance(value, list) and all(
            isinstance(v, scalar) and not isinstance(v, bool) for v in value)):
        return
    raise _bad_type(origin, "'tags' must be a string or a list of strings")


def _bad_type(origin: str, problem: str) -> extract.ExtractError:
    """A value of the wrong type: the sidecar's fault (reported on it) or the front matter's."""
    return extract.ExtractError("bad_sidecar" if origin == "sidecar" else "bad_front_matter", f"{origin}: {problem}")


# GFM's autolink takes the full stop that ends a sentence glued to an address into the address
# ("…فيه.yousef.nassar@alghad.Jo" -> mailto:.yousef…, which no mail program takes): the dots go
# back before the link
_MAILTO_DOTS = re.compile(r'<a href="mailto:(\.+)([^"<>]*)">\1\2</a>')


def _read_markdown(path: str, data: bytes, config: SiteConfig) -> tuple[extract.Extraction, dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(f"not valid UTF-8 (byte {exc.start}); Markdown files must be UTF-8") from None
    if "\x00" in text:
        raise ContentError("not a text file (NUL bytes)")
    meta, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"), path)
    rendered = cmark.to_html(body)        # CommonMark + GFM tables, strikethrough, autolinks; raw HTML kept
    if 'href="mailto:.' in rendered:
        rendered = _MAILTO_DOTS.sub(r'\1<a href="mailto:\2">\2</a>', rendered)
    if config.sanitize_html:
        rendered = sanitized(rendered, body)
    paragraphs = tuple(t for t in map(_plain, _paragraphs(rendered)) if t)
    headings = tuple(t for t in map(_plain, _HEADING.findall(rendered)) if t)
    lang = meta.get("language") or meta.get("lang") or config.language
    base = extract.Extraction(
        title=None, published=None, published_precision=None, hijri=None, category=None, section=None,
        tags=(), source=None, author=None, agency=None, dek=None, subheadings=headings,
        blocks=tuple(("p", p) for p in paragraphs), language=str(lang), dir=_dir(str(lang)),
        encoding="utf-8", url=None, warnings=(), evidence=(),
    )
    known, extra = split_overrides(_normalise_meta(meta), "front-matter")
    extra["_html"] = rendered
    return extract.apply_overrides(base, known, origin="front-matter", day_first=extract_options(config).day_first), extra


def _normalise_meta(meta: dict) -> dict:
    out = {}
    given = {str(k).lower() for k in meta}
    for key, value in meta.items():
        name = str(key).lower()
        key = FIELD_ALIASES.get(name, name)
        if key != name and (key in given or key in out):
            continue                              # ("title" and "headline" both given: the title; two aliases: the first)
        if key == "category" and isinstance(value, list):
            value = value[0] if value else None
        if key == "author" and isinstance(value, list):
            value = ", ".join(str(v) for v in value)
        out[key] = value
    return out


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


# nh3's attributes, and ``dir`` on every element: a writer's <span dir="rtl"> or <p dir="ltr"> in
# Markdown is how a mixed Arabic and Latin text reads in the right order (nh3 keeps only lang and title).
_KEPT_ATTRIBUTES = {tag: set(names) for tag, names in nh3.ALLOWED_ATTRIBUTES.items()} | \
    {"*": {*nh3.ALLOWED_ATTRIBUTES.get("*", ()), "lang", "title", "dir"}}


def sanitized(rendered: str, markdown: str) -> str:
    """``nh3.clean(rendered)`` for ``rendered = cmark.to_html(markdown)``, without parsing the HTML
    again when nh3 would find nothing to remove.

    cmark-gfm writes raw HTML only from a "<" in the Markdown, and every attribute (a link's href,
    an image's src, a table cell's align, a code block's class, a list's start) as ``name="…"``;
    in text it escapes ``"`` as ``&quot;``, so '="' is never text. With no "<" in the Markdown, no
    '="' in the HTML and no control character, the HTML is tags nh3 keeps as they are, and nh3's
    output differs from cmark's only in how html5ever writes it back: ``"`` unescaped in text,
    void tags without " /", a no-break space as ``&nbsp;``. Those replacements give nh3's bytes
    (tests/unit/test_read.py compares the two on generated Markdown). Nineteen news bodies in
    twenty have no link or raw HTML: each skips ~50 µs of parsing, ~5% of reading an article."""
    if "<" in markdown or '="' in rendered or _CONTROL.search(rendered):
        return nh3.clean(rendered, attributes=_KEPT_ATTRIBUTES)
    if "&quot;" in rendered:
        rendered = rendered.replace("&quot;", '"')
    if " />" in rendered:
        rendered = rendered.replace("<br />", "<br>").replace("<hr />", "<hr>")
    if "\xa0" in rendered:
        rendered = rendered.replace("\xa0", "&nbsp;")
    return rendered


def _paragraphs(rendered: str) -> list[str]:
    """What ``re.findall(r"<p>(.*?)</p>", rendered, re.S)`` finds, by ``str.find`` (~4x faster)."""
    out, pos, find = [], 0, rendered.find
    while (start := find("<p>", pos)) >= 0 and (end := find("</p>", start + 3)) >= 0:
        out.append(rendered[start + 3: end])
        pos = end + 4
    return out


_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
_TAG = re.compile(r"<[^>]+>")


def _plain(fragment: str) -> str:
    """Rendered (already sanitised) HTML -> its text, for summaries and duplicate detection."""
    if "<" in fragment:
        fragment = _TAG.sub("", fragment)
    return " ".join(html.unescape(fragment).split())


def _dir(language: str) -> str:
    return "rtl" if language.split("-")[0].lower() in {"ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv", "sd", "ug"} else "ltr"


# --------------------------------------------------------------------------- extraction -> Article

def _coerce_date(value, config: SiteConfig, field: str) -> datetime | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date_type):
        dt = datetime.combine(value, time(0, 0))
    else:
        text = str(value).strip()
        try:
            dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            dt = _parse_loose_date(text, config)
            if dt is None:
                raise ContentError(f"unparseable {field} {text!r}") from None
    return dt if dt.tzinfo else dt.replace(tzinfo=config.tz)


def _parse_loose_date(text: str, config: SiteConfig) -> datetime | None:
    """A front-matter date that is not ISO 8601, read by the extractor's own date rules (and its
    day_first: the site's, or [extract]'s where that table sets it)."""
    from .extract.dates import find_dates          # (not at import: its patterns are compiled then, ~0.1 s)
    hits = [h for h in find_dates(fold(text), day_first=extract_options(config).day_first) if h.hijri is None]
    return hits[0].value if hits else None


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = unicodedata.normalize("NFC", str(text)).strip()
    return text or None


def _tags(value) -> tuple[str, ...]:
    if not value:
        return ()
    if isinstance(value, str):
        value = re.split(r"[,،]", value)
    seen = []
    for tag in value:
        tag = _clean(str(tag))
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def _nfc(text: str) -> str:
    """The text as a page gives it: NFC (the extractor keeps a body's characters as the file has
    them; the Nu checker warns of a text run not in NFC, and a search box's query is NFC)."""
    return text if not text or unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


def body_html(ex: extract.Extraction) -> str:
    parts = []
    for kind, text in ex.blocks:
        tag = "h2" if kind == "h" else "p"
        parts.append(f"<{tag}>{_escape(text)}</{tag}>")
    return "\n".join(parts)


_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _escape(text: str) -> str:
    return html.escape(_ILLEGAL.sub("", text), quote=False)


def summarize(ex: extract.Extraction, limit: int = 160) -> str:
    text = ex.dek or next((t for k, t in ex.blocks if k == "p"), "")
    text = " ".join(_ILLEGAL.sub("", text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + "…"


def article_of(key: str, source: SourceFile, item: extract.Extraction, extra: dict, config: SiteConfig):
    """What the build makes of one extraction -> (the extraction as used, ``titled``; the article;
    its body html; its search terms; its warnings). ContentError: the build skips it. Shared by
    ``read_source`` and ``ssg inspect``, so inspect shows what the build keeps, warns and skips."""
    item = titled(item, config)
    article, body, terms = _article(key, source, item, extra, config)
    return item, article, body, terms, _warnings(item, article)


def titled(ex: extract.Extraction, config: SiteConfig) -> extract.Extraction:
    """With ``untitled = "first-line"``, an extraction without a headline takes its first line
    (cut at 14 words) as one, with a warning; otherwise it is as it was."""
    if _clean(ex.title) or config.untitled != "first-line" or not ex.blocks:
        return ex
    return dataclasses.replace(ex, title=" ".join(ex.blocks[0][1].split()[:14]), blocks=ex.blocks[1:] or ex.blocks,
                               warnings=(*ex.warnings, "no headline found: its first line is used (untitled = 'first-line')"))


def _article(key: str, source: SourceFile, ex: extract.Extraction, extra: dict, config: SiteConfig) -> tuple[Article, str, str]:
    """-> the article, its body html and its search terms (the last two go to the cache by digest)."""
    title = _clean(ex.title)
    if not title:
        raise ContentError("no title found (set untitled = 'first-line' in site.toml to use the first line)")
    date = _coerce_date(ex.published, config, "date")
    updated = _coerce_date(extra.get("updated"), config, "updated") if extra.get("updated") else None
    html_body = extra.get("_html") or body_html(ex)
    html_body = _nfc(_ILLEGAL.sub("", html_body))
    body_digest = digest_bytes(html_body.encode())
    language = ex.language or config.language
    text = "\n".join(t for _, t in ex.blocks) if ex.blocks else _plain(html_body)
    words = text.split()                      # one split for the search terms and the word count
    summary = _nfc(summarize(ex))
    category, section, source_name, author = _clean(ex.category), _clean(ex.section), _clean(ex.source), _clean(ex.author)
    tags = _tags(ex.tags)
    search_terms = search.analyse({
        "title": title, "text": text, "summary": summary, "section": section or category,
        "source": source_name, "author": author, "tags": list(tags),
    }, words=words) if config.pages.search else ""         # (a third of reading an article: not made for a site without search)
    slug = extra.get("slug") or slugify(title, max_length=config.slug_max_length, ascii_only=config.slug_ascii)
    article = Article(
        key=key, source_path=source.rel_path, source_digest=extra.get(ROW) or source.digest, title=_ILLEGAL.sub("", title),
        date=date, updated=updated, slug=str(slug), language=language, dir=ex.dir or _dir(language),
        category=category, section=section, tags=tags, source=source_name,
        author=author, agency=_clean(ex.agency), dek=_clean(ex.dek), summary=summary,
        hijri=ex.hijri, url_override=extra.get("permalink"), source_url=_clean(ex.url), body_digest=body_digest,
        text_fingerprint=extract.text_fingerprint(ex), word_count=len(words) if ex.blocks else 0,
        draft=bool(extra.get("draft", False)), terms_digest=digest_bytes(b"terms\x00" + search_terms.encode()),
    )
    return article, html_body, search_terms
