"""Saved web pages: a ``.html``/``.htm`` file, or a ``.txt`` that holds a page's HTML.

Two readers, each doing what it does best, then merged field by field:

* trafilatura (https://trafilatura.readthedocs.io) reads the markup: the article's main text
  without the menus, sidebars, "most read" boxes and footers around it (it scores the page's
  blocks, a job no line-by-line reading does as well), and the metadata the page declares
  (``<title>``, Open Graph and ``article:`` meta tags, JSON-LD, ``<time>`` elements; htmldate for
  the date);
* the raw-text extractor (``core``) reads the page's visible text, a line per block, as it reads
  any scraped page: the dateline, the byline, the breadcrumb, the masthead and the standfirst
  that a page prints but does not declare (most Arabic sites give no ``article:published_time``,
  and htmldate does not read "12 مايو 2024").

What the markup declares wins; the printed text fills the gaps, and gives the body when
trafilatura finds none. trafilatura is imported on the first page only (~0.25 s).
"""

from __future__ import annotations

import re
from datetime import datetime

from .core import (_BY_RE, _RTL_LANGS, ArticleParts, _apply_tz, _byline_name, _extract_lines, _language, _profiles_for, _rules_for,
                   _site_suffix, _terminal, extract_text)
from .dates import find_dates
from .errors import ExtractError
from .model import Extraction
from .options import ExtractOptions
from .text import clean, fold

__all__ = ["extract_page", "looks_like_html"]

_HTML_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
# Elements that start a new line of the visible text; their contents, or nothing, for the others.
_BLOCK = frozenset("""address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot td th tr
    ul caption legend option button label""".split())
_HIDDEN = frozenset("script style noscript template svg iframe object head select".split())
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]*>")
_AUTHOR_SEP = re.compile(r"\s*;\s*")
_CONTENT = re.compile(r"[^\W_]|[»›>«‹<→←]")      # letters and digits, and a breadcrumb's arrows


def looks_like_html(text: str) -> bool:
    """A document that starts as HTML does (``<!DOCTYPE html``, ``<html``), after an XML
    declaration or comments: a scraper's saved page, whatever its file's name."""
    return _HTML_START.match(text[:4096]) is not None


def extract_page(text: str, *, options: ExtractOptions, rel_path: str = "", encoding: str | None = None) -> Extraction:
    """One saved page (decoded) -> the article. Raises ExtractError (``no_content``) when neither
    reader finds an article's text in it."""
    import trafilatura                                  # (lazy: ~0.25 s, and only archives of pages need it)

    tree = trafilatura.load_html(_XML_DECLARATION.sub("", text, count=1))    # (lxml refuses str with one)
    if tree is None:
        raise ExtractError("not_text", "the HTML could not be parsed")
    lines = visible_text(tree)
    try:
        printed = extract_text(lines, options=options, rel_path=rel_path, encoding=encoding) if lines.strip() else None
    except ExtractError:
        printed = None
    doc = trafilatura.bare_extraction(tree, with_metadata=True, include_comments=False, include_tables=True,
                                      include_formatting=False, include_images=False, output_format="python",
                                      date_extraction_params=_DATE_PARAMS)
    main = _blocks(doc.body) if doc is not None and doc.body is not None else []
    body = ArticleParts()
    if any(kind == "p" for kind, _ in main) and _agree(main, printed):
        # trafilatura's main text read as a dataset's body is: our rules for what ends an
        # article's text (credits, "read also" lines, related lists, share bars) apply to it too
        _extract_lines("\n\n".join(t for _, t in main), body, options, rel_path, body_only=True)
        heads = {t for k, t in main if k == "h"}
        blocks = [("h" if t in heads else k, t) for k, t in body.blocks]
    else:
        blocks = list(printed.blocks) if printed is not None else []
    if not any(kind == "p" and len(text.split()) >= 4 for kind, text in blocks):
        raise ExtractError("no_content", "no article text found in the HTML page")
    return _merge(doc, printed, body, blocks, tree, options, rel_path, encoding)


def visible_text(tree) -> str:
    """The page's text as a browser shows it, a line per block (paragraph, heading, list item,
    table cell, ``<br>``), the ``<title>`` first: what "select all, copy" of the page gives, less
    the lines that are links and nothing else (menus, "most read" and related lists, "print |
    send" bars: on a page, a headline in a list of links is another article's). A breadcrumb
    stays: its arrows are not links."""
    from lxml import etree

    lines: list[str] = []
    line: list[str] = []
    linked = [0, 0]                      # the line's letters inside links, and outside them

    def add(text: str, in_link: bool) -> None:
        line.append(text)
        linked[0 if in_link else 1] += len(_CONTENT.findall(text))

    def end_line() -> None:
        text = " ".join("".join(line).split())
        if text and not (linked[0] and not linked[1]):
            lines.append(text)
        line.clear()
        linked[:] = [0, 0]

    title = tree.find(".//title")
    if title is not None and title.text and title.text.strip():
        lines.append(" ".join(title.text.split()))
    body = tree.find(".//body")
    skip = links = 0
    for event, el in etree.iterwalk(body if body is not None else tree, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        hidden = tag in _HIDDEN or (tag != "" and el.get("hidden") is not None)
        if event == "start":
            if hidden:
                skip += 1
            elif not skip:
                if tag in _BLOCK:
                    end_line()
                links += tag == "a"
                if el.text and tag:
                    add(el.text, links > 0)
            continue
        if hidden:
            skip -= 1
        elif not skip:
            links -= tag == "a"
            if tag in _BLOCK:
                end_line()
        if el.tail and not skip:
            add(el.tail, links > 0)
    end_line()
    return "\n\n".join(lines)


def _agree(main: list[tuple[str, str]], printed: Extraction | None) -> bool:
    """Whether trafilatura's main text holds, as paragraphs of their own, most of the sentences
    that the line-by-line reading took for the body: not so when it took a layout table, or the
    whole page, for the article (old portals), and the printed reading's body is used instead."""
    if printed is None:
        return True
    theirs = {_key(t) for _, t in main}
    ours = [_key(t) for t in printed.paragraphs if len(t.split()) >= 8]
    return not ours or 2 * sum(t in theirs for t in ours) >= len(ours)


def _key(text: str) -> str:
    return " ".join(fold(text).split()).lower()


def _page_title(tree) -> str:
    title = tree.find(".//title")
    return clean(title.text or "") if title is not None else ""


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _blocks(body) -> list[tuple[str, str]]:
    """trafilatura's main text (its own XML: ``head``, ``p``, ``list/item``, ``quote``,
    ``table/row/cell``) -> our blocks: ("h", subheading) and ("p", paragraph)."""
    out: list[tuple[str, str]] = []
    for el in body:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "head":
            kind_texts = [("h", _text(el))]
        elif tag == "list":
            kind_texts = [("p", _text(item)) for item in el.iter("item")]
        elif tag == "table":
            kind_texts = [("p", " | ".join(t for t in map(_text, row.iter("cell")) if t)) for row in el.iter("row")]
        else:
            kind_texts = [("p", _text(el))]
        out += [(k, t) for k, t in kind_texts if t]
    return out


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b) and _key(a) == _key(b)


def _author(value: str | None, rules, site: str | None) -> str | None:
    """A declared author as a byline prints it: label words cut ("كتب أحمد سالم", "By Ann Lee"),
    several names joined, and none when it is the site's own name."""
    names = []
    for name in _AUTHOR_SEP.split(clean(value or "")):
        m = _BY_RE.match(fold(name))
        name = _byline_name(name[m.start(2):].strip() if m else name, rules)
        if name and not _same(name, site):
            names.append(name)
    if not names:
        return None
    return ("، " if re.search("[\u0600-\u06ff]", names[0]) else ", ").join(names)


def _date(value: str | None, tzname: str | None) -> tuple[datetime, str] | None:
    """htmldate's "2024-05-12T14:30:00+0300" -> (datetime, precision); midnight with no zone is
    a day (htmldate gives a date alone so)."""
    try:
        when = datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    if when is None:
        return None
    if when.tzinfo is None and (when.hour, when.minute, when.second) == (0, 0, 0):
        return _apply_tz(when, False, tzname), "day"
    return _apply_tz(when, False, tzname), "second" if when.second else "minute"


def _merge(doc, printed: Extraction | None, body: ArticleParts, blocks: list[tuple[str, str]], tree, options: ExtractOptions,
           rel_path: str, encoding: str | None) -> Extraction:
    rules = _rules_for(options)
    parts = ArticleParts()
    parts.encoding = encoding
    got = printed or Extraction()

    def put(field: str, declared, rule: str):
        if not parts.set(field, declared, f"html:{rule}", text=str(declared)):
            parts.set(field, getattr(got, field), "html:printed", text=str(getattr(got, field)))

    url = clean(doc.url or "") if doc is not None else ""
    profiles = _profiles_for(options, rel_path, url=url or None)
    tzname = next((p.timezone for p in profiles if p.timezone), None) or options.timezone
    title, site = clean(doc.title or "") if doc is not None else "", None
    split = _site_suffix(title, rules) if title else None
    if split:
        title, site = split
    elif got.title and _same(title, _page_title(tree)):
        title = None            # the <title> alone (no og:title, JSON-LD or single <h1>): "Site :: Section" as often as a headline
    put("title", title or None, "title")
    put("source", (clean(doc.sitename or "") if doc is not None else "") or site, "site_name")
    put("author", _author(doc.author, rules, parts.source) if doc is not None else None, "author")
    parts.set("author", body.author, "html:credit", text=body.author or "")      # "وكالات" closing the text
    parts.set("agency", body.agency, "html:credit", text=body.agency or "")
    put("category", clean(doc.categories[0]) if doc is not None and doc.categories else None, "section")
    declared = _date(doc.date, tzname) if doc is not None else None
    if declared and declared[1] == "day" and got.published and got.published.date() == declared[0].date():
        declared = None                                 # the printed date of the same day has its time
    if declared:
        parts.set("published", declared[0], "html:date", text=doc.date)
        parts.precision, parts.tz_given = declared[1], declared[0].tzinfo is not None
    elif got.published is not None:
        parts.set("published", got.published, "html:printed", text=got.published.isoformat())
        parts.precision = got.published_precision
    parts.hijri = got.hijri
    parts.section, parts.url = got.section, url or got.url
    parts.set("agency", got.agency, "html:printed", text=got.agency or "")
    parts.tags = [clean(t) for t in (doc.tags if doc is not None and doc.tags else got.tags)]
    # the standfirst: the one printed under the headline, else a declared description printed as
    # a paragraph of its own without a full stop (a description that is the body's first
    # sentence, or the first paragraph cut short, is not one)
    paras = [t for k, t in blocks if k == "p"]
    description = clean(doc.description or "") if doc is not None else ""
    dek = got.dek
    if dek and (_same(dek, title) or (paras and _same(dek, paras[0][:len(dek)]) and not _same(dek, paras[0]))):
        dek = None
    if dek is None and description and len(paras) > 1 and any(_same(description, t) for t in paras[:2]) \
            and not _terminal(description):
        dek = description
    parts.set("dek", dek, "html:dek")
    blocks = [(k, t) for k, t in blocks if not (_same(t, parts.title) or _same(t, parts.dek))]
    # what the main text may still open with: a kicker, the section's name, a date or "Updated"
    # line (a few words, or a date in a dozen, and no full stop, before the first sentence)
    while len(blocks) > 1 and blocks[0][0] == "p" and not _terminal(blocks[0][1]) and (
            len(blocks[0][1].split()) <= 6 or len(blocks[0][1].split()) <= 12 and find_dates(fold(blocks[0][1]), day_first=options.day_first)):
        blocks = blocks[1:]
    parts.blocks = blocks
    lang = (tree.get("lang") or "").split("-")[0].lower() if tree is not None else ""
    if lang.isalpha() and 2 <= len(lang) <= 3:
        parts.language = lang
        parts.dir = "rtl" if lang in _RTL_LANGS else "ltr"
    else:
        _language(parts, profiles)
    parts.warnings = list(got.warnings)
    return parts.freeze()

