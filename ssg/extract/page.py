"""Saved web pages: a ``.html``/``.htm`` file, or a ``.txt`` that holds a page's HTML.

Two readers, each doing what it does best, then merged field by field:

* trafilatura (https://trafilatura.readthedocs.io) reads the markup: the article's main text
  without the menus, sidebars, "most read" boxes and footers around it (it scores the page's
  blocks, a job no line-by-line reading does as well), and the metadata the page declares
  (``<title>``, ``og:site_name``, ``article:section``, authors, tags, the canonical URL);
* the raw-text extractor (``core``) reads the page's visible text, a line per block, as it reads
  any scraped page: the dateline, the byline, the breadcrumb, the masthead and the standfirst
  that a page prints but does not declare (most Arabic sites give no ``article:published_time``,
  and htmldate does not read "12 مايو 2024"); once more from the headline's line down, where
  the standfirst, the byline and the date are.

The date the markup declares is read here (meta tags, JSON-LD, microdata, the ``<time>`` under the
headline): htmldate, asked through trafilatura, gives some of them at the day only or gives the
modification time, so its guess comes last. What the markup declares wins; the printed text fills
the gaps, and gives the body when trafilatura finds none. trafilatura is imported on the first page
only (~0.25 s). docs/content.md, "Saved web pages", has the rules.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from .core import (_BARE_DOMAIN, _BY_RE, _END_PUNCT, _RTL_LANGS, ArticleParts, _apply_tz, _byline_name,
                   _extract_lines, _is_bio, _language, _profiles_for, _rules_for, _site_suffix, _terminal,
                   extract_text)
from .dates import find_dates
from .errors import ExtractError
from .model import Extraction
from .options import ExtractOptions
from .text import clean, fold, nfc

__all__ = ["extract_feed_item", "extract_page", "looks_like_feed", "looks_like_html"]

_HTML_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
# Elements that start a new line of the visible text; their contents, or nothing, for the others.
_BLOCK = frozenset("""address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure
    footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot td th tr
    ul caption legend option button label""".split())
_SCREEN_READER = re.compile(r"(?:^|\s)(?:visually-hidden|sr-only|screen-reader-text|screen-reader-only|element-invisible|hidden|d-none)(?=\s|$)")
_ASIDE = re.compile(r"comment|related|sidebar|widget|popular|most-read|recommend", re.IGNORECASE)
# An editor's name for a page nobody titled ("Untitled Document" of Dreamweaver, FrontPage's "New Page 1")
_PLACEHOLDER_TITLE = re.compile(r"untitled(?: document| page)?(?:\s*-?\s*\d+)?|new page\s*\d*|document sans (?:nom|titre)|"
                                r"sin t[ií]tulo|unbenannt|home page|homepage|index|صفحة جديدة|بدون عنوان|مستند بدون عنوان", re.IGNORECASE)
_TRAIL_CLASS = re.compile(r"breadcrumb", re.IGNORECASE)
_SPACED = frozenset("span time a button label small".split())
_ARABIC_END = re.compile("[\u0600-\u06ff]$")       # ("و<a>الرياض</a>", "لـ<a>…": one word)
_HIDDEN = frozenset("script style noscript template svg iframe object head select".split())
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%dT%H:%M:%S%z"}
_CHAPO_CLASS = re.compile(r"(?:^|[\s_-])(?:chapo|chapeau|standfirst|lead|excerpt|intro|sapo|dek|summary|subtitle|subhead)(?:$|[\s_-])",
                          re.IGNORECASE)
_LABEL_ALONE = re.compile(r"(?:by|par|por|von|بقلم|كتب|كتبت|بواسطة|written by|écrit par|escrito por)\W*", re.IGNORECASE)
_FEED_START = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss[\s>]|feed[\s>]|rdf:RDF)", re.I | re.S)
_XML_DECLARATION = re.compile(r"\A\ufeff?\s*<\?xml[^>]*>")
_SITE_FIRST = re.compile(r"^([^|:]{2,60}?)\s+(?:::|\||»)\s+(.{10,})$")
_SEPARATED = re.compile(r"^(.{10,}?)\s+(?:\||-|–|—|::|ـ)\s+([^|\-–—:ـ]+)$")
_AUTHOR_SEP = re.compile(r"\s*;\s*")
_CONTENT = re.compile(r"[^\W_]|[»›>«‹<→←]")      # letters and digits, and a breadcrumb's arrows


def looks_like_feed(text: str) -> bool:
    """An RSS or Atom document (a scraper that saved a feed's item, or the feed itself)."""
    return _FEED_START.match(text[:4096]) is not None


def extract_feed_item(text: str, *, options: ExtractOptions, rel_path: str = "", encoding: str | None = None) -> Extraction:
    """A saved RSS 2.0 or Atom document -> its first item, read as the page it describes: the
    item's title, link, date (RFC 822 or ISO 8601), author, category and the channel's title are
    the page's declared metadata; its full content (``content:encoded``, Atom ``content``; else
    ``description``) is the page's body. Raises ExtractError (``not_text``) when no item is found."""
    from email.utils import parsedate_to_datetime
    from html import escape

    from lxml import etree

    try:
        root = etree.fromstring(_XML_DECLARATION.sub("", text, count=1).strip().encode(), etree.XMLParser(recover=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        raise ExtractError("not_text", "the feed could not be parsed")

    def first(el, *names) -> str:
        for name in names:
            found = el.find(name)
            value = found is not None and ("".join(found.itertext()).strip() or found.get("term") or found.get("href"))
            if value:
                return value
        return ""

    atom = "{http://www.w3.org/2005/Atom}"
    item = root.find(".//item")
    if item is None:
        item = root.find(f".//{atom}entry")
    if item is None:
        raise ExtractError("not_text", "the feed holds no item")
    channel = root.find("channel")
    site = first(channel if channel is not None else root, "title", f"{atom}title")
    title = first(item, "title", f"{atom}title")
    when = first(item, "pubDate", f"{atom}published", "{http://purl.org/dc/elements/1.1/}date", f"{atom}updated")
    try:
        when = parsedate_to_datetime(when).isoformat() if when and not when[:4].isdigit() else when
    except (TypeError, ValueError):
        when = ""
    author = first(item, "{http://purl.org/dc/elements/1.1/}creator", "author", f"{atom}author/{atom}name")
    category = first(item, "category", f"{atom}category")
    link = first(item, "link", f"{atom}link")
    body = first(item, "{http://purl.org/rss/1.0/modules/content/}encoded", f"{atom}content", "description", f"{atom}summary")
    meta = "".join(f'<meta property="{name}" content="{escape(value)}">' for name, value in (
        ("og:title", title), ("og:site_name", site), ("article:published_time", when), ("article:section", category),
        ("og:url", link)) if value)
    if author:
        meta += f'<meta name="author" content="{escape(author)}">'
    page = (f"<!DOCTYPE html><html><head><title>{escape(title)}</title>{meta}</head>"
            f"<body><article><h1>{escape(title)}</h1>{body}</article></body></html>")
    got = extract_page(page, options=options, rel_path=rel_path, encoding=encoding)
    if author and got.author is None:        # (trafilatura leaves out a name as short as "بنا")
        got = replace(got, author=clean(author), evidence=got.evidence + (("author", "feed:author", None, author),))
    summary = _feed_summary(first(item, "description", f"{atom}summary"), body, got)
    if summary and got.dek is None:
        got = replace(got, dek=summary, evidence=got.evidence + (("dek", "feed:description", None, summary),))
    return got


_ELLIPSIS_END = re.compile(r"(?:\[\s*(?:…|\.\.\.|&hellip;)\s*\]|…|\.\.\.)\s*$")


def _feed_summary(desc: str, body: str, got: Extraction) -> str | None:
    """An item's description beside its full text (``content:encoded``, Atom ``content``) is its
    standfirst when it is one: a short text of its own, not the text's opening cut with "[…]" (a
    WordPress excerpt) nor a paragraph of it (``got``: the full text as read)."""
    if not desc or desc == body or "<" in desc:
        return None
    text = clean(desc)
    if not text or len(text.split()) > 60 or _ELLIPSIS_END.search(text):
        return None
    return None if " ".join(text.split())[:80] in " ".join(" ".join(t.split()) for _, t in got.blocks) else text


def _without_echoes(lines: str) -> str:
    """The page's rows without a short row printed again right under itself (a byline under its
    photo, "أبها: محمد الدعفيس" as the picture's caption and as the byline)."""
    rows = lines.split("\n\n")
    kept = [r for i, r in enumerate(rows) if not (i and r == rows[i - 1] and len(r.split()) <= 8)]
    return lines if len(kept) == len(rows) else "\n\n".join(kept)


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
    lines = _without_echoes(visible_text(tree))
    try:
        printed = extract_text(lines, options=options, rel_path=rel_path, encoding=encoding) if lines.strip() else None
    except ExtractError:
        printed = None
    # (fast: without trafilatura's fallback extractors, readability and jusText: the same fields on
    # the 28 test pages in half the time, ~27 -> ~15 ms a page; the printed reading is the fallback)
    doc = trafilatura.bare_extraction(tree, fast=True, with_metadata=True, include_comments=False, include_tables=True,
                                      include_formatting=False, include_images=False, output_format="python",
                                      date_extraction_params=_DATE_PARAMS)
    main = _blocks(doc.body) if doc is not None and doc.body is not None else []
    body = ArticleParts()
    rows = lines.split("\n\n")
    if any(kind == "p" for kind, _ in main) and _agree(main, rows):
        # trafilatura's main text read as a dataset's body is: our rules for what ends an
        # article's text (credits, "read also" lines, related lists, share bars) apply to it too
        _extract_lines("\n\n".join(t for _, t in main), body, options, rel_path, body_only=True)
        heads = {t for k, t in main if k == "h"}
        blocks = [("h" if t in heads else k, t) for k, t in body.blocks]
    else:
        blocks = list(printed.blocks) if printed is not None else []
    bold = _bold_lines(tree)                # "<p><strong>الكراس المدعم</strong></p>": a subheading
    if bold:
        blocks = [("h" if k == "p" and _key(t) in bold else k, t) for k, t in blocks]
    if not any(kind == "p" and len(text.split()) >= 4 for kind, text in blocks):
        raise ExtractError("no_content", "no article text found in the HTML page")
    return _merge(doc, printed, body, blocks, tree, rows, options, rel_path, encoding)


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
    if title is not None and title.text and title.text.strip() and not _PLACEHOLDER_TITLE.fullmatch(title.text.strip()):
        lines.append(" ".join(title.text.split()))
    body = tree.find(".//body")
    skip = links = 0
    for event, el in etree.iterwalk(body if body is not None else tree, events=("start", "end")):
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        hidden = tag in _HIDDEN or (tag != "" and (el.get("hidden") is not None or _SCREEN_READER.search(el.get("class") or "")
                                                  or "display:none" in (el.get("style") or "").replace(" ", "")))
        trail = tag in ("ol", "ul", "nav", "div", "p") and _TRAIL_CLASS.search(f"{el.get('class') or ''} {el.get('aria-label') or ''}")
        if event == "start":
            if trail and not skip:
                # a breadcrumb whose separators are the style sheet's: its items on one line, "الرئيسية » اقتصاد"
                end_line()
                items = [t for t in (" ".join("".join(a.itertext()).split()) for a in el.iter("a", "span", "li")
                                     if not len(a)) if t]
                if items:
                    lines.append(" » ".join(dict.fromkeys(items)))
                skip += 1
            elif hidden:
                skip += 1
            elif not skip:
                if tag in _BLOCK:
                    end_line()
                elif tag in _SPACED and line and line[-1][-1:].isalnum() and (tag != "a" or not _ARABIC_END.search(line[-1])):
                    line.append(" ")            # <span>Breaking</span><a>Bank of England…</a>: two words
                links += tag == "a"
                if el.text and tag:
                    add(el.text, links > 0)
            continue
        if hidden or trail and skip:
            skip -= 1
        elif not skip:
            links -= tag == "a"
            if tag in _BLOCK:
                end_line()
        if el.tail and not skip:
            add(el.tail, links > 0)
    end_line()
    return "\n\n".join(lines)


def _agree(main: list[tuple[str, str]], rows: list[str]) -> bool:
    """Whether trafilatura's main text is made of the page's own lines: most of its paragraphs
    are lines of the visible text. Not so when it took a layout table, or the whole page, for the
    article (old portals: the cells run together), and the printed reading's body is used."""
    ours = {_key(row) for row in rows}
    theirs = [_key(t) for k, t in main if k == "p" and len(t.split()) >= 8]
    return not theirs or 2 * sum(t in ours for t in theirs) >= len(theirs)


def _key(text: str) -> str:
    return " ".join(fold(nfc(text)).split()).lower()      # (a page's text and its fields read, NFC, are compared as one)


def _words_key(text: str) -> str:
    """``_key`` of the words alone: a declared name as a library cleaned it ("جدة «الشرق الأوسط")
    is the printed one ("جدة: «الشرق الأوسط»")."""
    return " ".join(re.findall(r"[^\W_]+", fold(text).lower()))


def _page_title(tree) -> str:
    title = tree.find(".//title")
    text = clean(title.text or "") if title is not None else ""
    return "" if _PLACEHOLDER_TITLE.fullmatch(text) else text


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split())


def _bold_lines(tree) -> set[str]:
    """The texts of paragraphs that are one bold run alone, short and unpunctuated: a page's
    subheadings set in bold ("<p><strong>Vendors' concerns</strong></p>")."""
    out = set()
    for p in tree.iter("p"):
        kids = [c for c in p if isinstance(c.tag, str)]
        if len(kids) != 1 or kids[0].tag not in ("strong", "b") or (p.text or "").strip() or (kids[0].tail or "").strip():
            continue
        text = _text(kids[0])
        if text and len(text.split()) <= 12 and not _END_PUNCT.search(text):
            out.add(_key(text))
    return out


def _chapo(tree) -> str | None:
    """A standfirst the page marks as one: "<p class="chapo">", "lead", "standfirst", "excerpt"."""
    for p in tree.iter("p", "div", "h2"):
        if _CHAPO_CLASS.search(p.get("class") or ""):
            text = _text(p)
            if 8 <= len(text.split()) <= 60:
                return text
    return None


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
        if name and not _same(name, site) and not _LABEL_ALONE.fullmatch(fold(name)):
            names.append(name)
    if not names:
        return None
    return ("، " if re.search("[\u0600-\u06ff]", names[0]) else ", ").join(names)


def _date(value: str | None, tzname: str | None) -> tuple[datetime, str] | None:
    """htmldate's "2024-05-12T14:30:00+0300" -> (datetime, precision); midnight with no zone is
    a day (htmldate gives a date alone so)."""
    when = _iso(value) if value else None
    if when is None:
        return None
    if when.tzinfo is None and (when.hour, when.minute, when.second) == (0, 0, 0):
        return _apply_tz(when, False, tzname), "day"
    return _apply_tz(when, False, tzname), "second" if when.second else "minute"


_CATEGORY_CLASS = frozenset("cat cat-label category category-label post-category entry-category article-category "
                            "section-label post-cat news-category".split())


def _rel_category(tree) -> str | None:
    """The first link marked as the post's category: ``rel="category tag"`` (a blog engine's markup),
    or, above the headline, a link of a category's class (``<a class="cat-label">``)."""
    before_h1 = True
    for el in tree.iter("a", "h1"):
        if el.tag == "h1":
            before_h1 = False
            continue
        rel = (el.get("rel") or "").lower().split()
        classes = set((el.get("class") or "").lower().split())
        if "category" in rel or before_h1 and classes & _CATEGORY_CLASS:
            text = clean(" ".join("".join(el.itertext()).split()))
            if text and len(text.split()) <= 6:
                return text
    return None


def _merge(doc, printed: Extraction | None, body: ArticleParts, blocks: list[tuple[str, str]], tree, rows: list[str],
           options: ExtractOptions, rel_path: str, encoding: str | None) -> Extraction:
    rules = _rules_for(options)
    parts = ArticleParts()
    parts.encoding = encoding
    got = printed or Extraction()
    url = clean(doc.url or "") if doc is not None else ""
    profiles = _profiles_for(options, rel_path, url=url or None)
    tzname = next((p.timezone for p in profiles if p.timezone), None) or options.timezone
    title, site = clean(doc.title or "") if doc is not None else "", None
    if title and _PLACEHOLDER_TITLE.fullmatch(title):
        title = ""
    split = (_site_suffix(title, rules) or _site_prefix(title, rules) or _confirmed_suffix(title, got.title, tree)) if title else None
    if split:
        title, site = split
    elif got.title and _same(title, _page_title(tree)):
        title = None            # the <title> alone (no og:title, JSON-LD or single <h1>): "Site :: Section" as often as a headline
    if title and got.title and not _same(title, got.title):
        # a declared title (og:title, JSON-LD) that differs from the headline the page prints and its
        # <title> repeats: the printed one ("… into 140 apartments" over og:title's "… into apartments")
        page = _page_title(tree)
        page_split = _site_suffix(page, rules) or _site_prefix(page, rules)
        h1 = [" ".join("".join(h.itertext()).split()) for h in tree.iter("h1")]
        if len(h1) == 1 and _same(h1[0], got.title) and _same(page_split[0] if page_split else page, h1[0]):
            title = got.title
    parts.set("title", title or None, "html:title", text=title or "")
    parts.set("title", got.title, "html:printed", text=got.title or "")
    # What the page prints from its headline down (standfirst, byline, date), read without the
    # masthead, menus, tickers and "today" dates above it.
    at = _title_row(rows, parts.title)
    under = _read_under(rows, at, options, rel_path, encoding) or got
    sitename = (clean(doc.sitename or "") if doc is not None else "") or site
    if sitename and _BARE_DOMAIN.fullmatch(sitename) and (site or got.source):
        sitename = site                 # trafilatura's fallback, the URL's host: the title's or the printed name is better
    if parts.title and (not sitename or _same(sitename, parts.title)):
        # the site's name beside the headline in the <title>: when trafilatura's fallback, a part of the <title>, is
        # the headline ("Headline | The Cape Ledger"), or when its title was the <title> already cut ("صحيفة الوطن
        # :: Headline" gave the headline alone)
        page = _page_title(tree)
        page_split = (_site_suffix(page, rules) or _site_prefix(page, rules)) if page else None
        from_page = page_split[1] if page_split and _same(page_split[0], parts.title) else None
        sitename = (site or from_page) if sitename else from_page
    parts.set("source", sitename, "html:site_name", text=sitename or "")
    parts.set("source", got.source, "html:printed", text=got.source or "")
    declared = _author(doc.author, rules, parts.source) if doc is not None else None
    printed_by = under.author if under.author and _words_key(under.author) else None
    if printed_by and (declared is None or _words_key(declared.split("،")[0].split(",")[0]) in _words_key(printed_by)
                       or _words_key(printed_by) in _words_key(declared)):        # ("Wanjiru Kamau Published": a byline's element run on)
        parts.set("author", printed_by, "html:printed-byline", text=printed_by)      # (as printed: "A and B")
    parts.set("author", declared, "html:author", text=declared or "")
    parts.set("author", body.author, "html:credit", text=body.author or "")      # "وكالات" closing the text
    for agency in (under.agency, body.agency, got.agency):
        parts.set("agency", agency, "html:credit", text=agency or "")
    parts.set("category", clean(doc.categories[0]) if doc is not None and doc.categories else None, "html:section",
              text=doc.categories[0] if doc is not None and doc.categories else "")
    parts.set("category", _rel_category(tree), "html:rel-category")      # WordPress's <a rel="category tag">
    parts.set("category", got.category or under.category, "html:printed", text=got.category or under.category or "")
    parts.set("category", _line_above(rows, at, rules), "html:line-above-headline")
    # the date: declared in the markup, else printed under the headline with its time, else the
    # first <time datetime> under the headline, else printed anywhere, else htmldate's (asked for
    # the original date, it takes the oldest of a "most read" list as often as the article's)
    guessed = _date(doc.date, tzname) if doc is not None else None
    guessed = (*guessed, "html:date") if guessed else (None, None, "")
    timed = under.published_precision in ("minute", "second")
    element = _time_under_headline(tree, tzname)
    if timed and element[0] is not None and element[0].replace(tzinfo=None, second=0) == under.published.replace(tzinfo=None, second=0):
        timed = False                   # the same minute: the element's value has its seconds and zone
    for when, precision, rule in (_declared_date(tree, tzname),
                                   (under.published, under.published_precision, "html:printed") if timed else (None, None, ""),
                                   element,
                                   (under.published, under.published_precision, "html:printed"),
                                   (got.published, got.published_precision, "html:printed"), guessed):
        if when is not None:
            parts.set("published", when, rule, text=when.isoformat())
            parts.precision, parts.tz_given = precision, when.tzinfo is not None
            break
    parts.hijri = under.hijri or got.hijri
    parts.section, parts.url = got.section, url or got.url
    parts.tags = [clean(t) for t in (doc.tags if doc is not None and doc.tags else got.tags)]
    # the standfirst: the one printed under the headline, else a declared description printed as
    # a paragraph of its own without a full stop (a description that is the body's first
    # sentence, or the first paragraph cut short, is not one)
    paras = [t for k, t in blocks if k == "p"]
    description = clean(doc.description or "") if doc is not None else ""
    dek = under.dek
    if dek and (_same(dek, parts.title) or (paras and _same(dek, paras[0][:len(dek)]) and not _same(dek, paras[0]))):
        dek = None
    if dek is None and description and len(paras) > 1 and any(_same(description, t) for t in paras[:2]) \
            and not _terminal(description):
        dek = description
    if dek is None:
        dek = _chapo(tree)
    parts.set("dek", dek, "html:dek")
    blocks = [(k, t) for k, t in blocks if not (_same(t, parts.title) or _same(t, parts.dek))]
    # what the main text may still open with: a kicker, the section's name, a date or "Updated"
    # line (a few words, or a date in a dozen, and no full stop, before the first sentence)
    while len(blocks) > 1 and blocks[0][0] == "p" and not _terminal(blocks[0][1]) and (
            len(blocks[0][1].split()) <= 6 or len(blocks[0][1].split()) <= 12 and find_dates(fold(blocks[0][1]), day_first=options.day_first)):
        blocks = blocks[1:]
    if parts.author and len(blocks) > 1 and blocks[-1][0] == "p" and _is_bio(blocks[-1][1], parts.author):
        blocks = blocks[:-1]                # the writer's tagline under the text
    parts.blocks = blocks
    lang = (tree.get("lang") or "").split("-")[0].lower() if tree is not None else ""
    if lang.isalpha() and 2 <= len(lang) <= 3:
        parts.language = lang
        parts.dir = "rtl" if lang in _RTL_LANGS else "ltr"
    else:
        _language(parts, profiles)
    parts.warnings = list(got.warnings)
    return parts.freeze()


def _site_prefix(title: str, rules) -> tuple[str, str] | None:
    """"موقع تهامة الإخباري :: Headline", "Site | Headline": a site's name first."""
    m = _SITE_FIRST.match(title)
    if m and _site_suffix(m.group(2) + " - " + m.group(1), rules):
        return m.group(2).strip(), m.group(1).strip()
    return None


def _confirmed_suffix(title: str, printed: str | None, tree) -> tuple[str, str] | None:
    """"Headline | سايس أنفو": what follows the last separator is the site's name when the page
    prints the part before it as its headline (its ``<h1>`` or the printed reading's title)."""
    m = _SEPARATED.match(title)
    if m is None or len(m.group(2).split()) > 5:
        return None
    h1 = tree.find(".//h1")
    heads = [printed, _text(h1) if h1 is not None else None]
    return (m.group(1).strip(), m.group(2).strip()) if any(_same(m.group(1), h) for h in heads) else None


def _title_row(rows: list[str], title: str | None) -> int | None:
    """The visible text's line that prints the headline (past the ``<title>`` line), if one does."""
    key = _key(title) if title else None
    return next((i for i, row in enumerate(rows[1:], 1) if _key(row) == key), None) if key else None


def _line_above(rows: list[str], at: int | None, rules) -> str | None:
    """A section's name printed right above the headline's line ("Business"): a word or three, not
    a menu word, a date or a sentence."""
    if not at or at < 2:
        return None
    row = rows[at - 1]
    if len(row.split()) <= 3 and not re.search(r"[\d.:!?؟،,|]", row) and not rules.nav_item.match(fold(row)) \
            and not rules.tail_boiler.match(fold(row)) and not rules.boilerplate(fold(row)):
        return row
    return None


def _read_under(rows: list[str], at: int | None, options: ExtractOptions, rel_path: str, encoding: str | None) -> Extraction | None:
    """The raw-text reading of the page's visible text from the headline's line down, or None when
    the headline is not printed on a line of its own."""
    if at is None:
        return None
    try:
        return extract_text("\n\n".join(rows[at:]), options=options, rel_path=rel_path, encoding=encoding)
    except ExtractError:
        return None


# Where pages declare their publication time (htmldate, asked through trafilatura, gives some of
# these at the day only, or the modification time instead): Open Graph's article:published_time
# and its kin, schema.org's datePublished (JSON-LD or microdata).
_PUBLISHED_META = frozenset(("article:published_time", "og:article:published_time", "article.published", "datepublished",
                             "publishdate", "publish-date", "publish_date", "pubdate", "dc.date.issued", "dcterms.issued",
                             "sailthru.date", "parsely-pub-date", "date"))


def _declared_date(tree, tzname: str | None) -> tuple[datetime | None, str | None, str]:
    import json

    values: list[str] = []
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if name in _PUBLISHED_META and meta.get("content"):
            values.append(meta.get("content"))
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" and script.text:
            try:
                values += _json_dates(json.loads(script.text))
            except ValueError:
                pass
    for el in tree.iterfind(".//*[@itemprop='datePublished']"):
        values.append(el.get("datetime") or el.get("content") or el.get("title") or "")   # (Blogger's <abbr title=…>)
    found = [(when, value) for value in map(str.strip, values) for when in [_iso(value)] if when is not None]
    if not found:
        return None, None, ""
    when, value = found[0]
    if when.utcoffset() is not None and not when.utcoffset():
        # og:published_time in UTC (Yoast writes it so), JSON-LD in the site's offset: the same
        # instant, as the page prints it
        when, value = next(((w, v) for w, v in found[1:] if w.utcoffset() and w == when), (when, value))
    has_time = "T" in value or re.search(r"\d:\d", value) is not None
    precision = ("second" if when.second else "minute") if has_time else "day"
    return _apply_tz(when, False, tzname), precision, "html:declared-date"


def _time_under_headline(tree, tzname: str | None) -> tuple[datetime | None, str | None, str]:
    """The first ``<time datetime>`` printed under the page's ``<h1>`` (within 200 elements, and
    before an ``<aside>``: a list of other articles' times; an article's own ``<footer>`` may hold it)."""
    passed, seen = False, 0
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        if not passed:
            passed = el.tag == "h1"
            continue
        seen += 1
        if seen > 200 or el.tag == "aside" or _ASIDE.search(el.get("class") or "") or _ASIDE.search(el.get("id") or ""):
            break
        if el.tag == "time" and el.get("datetime"):
            value = el.get("datetime").strip()
            when = _iso(value)
            if when is not None and re.search(r"\d:\d", value):
                return _apply_tz(when, False, tzname), "second" if when.second else "minute", "html:time-under-headline"
    return None, None, ""


def _json_dates(data) -> list[str]:
    """Every ``datePublished`` in a JSON-LD document (nested in ``@graph`` or lists), in order."""
    found: list[str] = []
    stack = [data]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _iso(value: str) -> datetime | None:
    value = value.replace("Z", "+00:00").replace("z", "+00:00")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?[+-]\d{4}", value):
        value = value[:-2] + ":" + value[-2:]                # Drupal's "+0400"
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
