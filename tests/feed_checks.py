"""Feed validators' rules as functions: each takes a feed's bytes and the URL it is served at and
returns the problems it finds (an empty list: valid). Used by tests/test_feed_validity.py.

- Atom: the RELAX NG schema of RFC 4287 (Appendix B, ``tests/data/atom.rnc``, converted with
  rnc2rng and run by lxml), the schema's two Schematron rules, and what the W3C Feed Validation
  Service checks beyond the schema: atom:id an absolute IRI, one rel="self" link naming the feed's
  own URL, RFC 3339 dates, unique entry ids, valid xml:lang, type="html" text that is HTML and no
  relative URL in it.
- RSS 2.0: the elements the RSS 2.0 specification requires, and the W3C validator's errors and
  warnings for what we write: RFC 822 dates (four-digit year, a real zone, the right weekday),
  unique guids whose isPermaLink is right, an atom:link rel="self" equal to the feed's URL, a valid
  language, absolute URLs (ASCII, as RSS 2.0 wants URLs, not IRIs), an item with a title or a
  description, HTML in description and content:encoded with no relative URL, well-formed UTF-8.
- JSON Feed 1.1: a JSON Schema written from the specification (``tests/data/jsonfeed-1.1.schema.json``)
  with its "date-time" and "uri" formats checked here, and what the schema cannot say: unique item
  ids, feed_url equal to the feed's own URL, the HTML of content_html.

The W3C validator (its source is the w3c/feedvalidator repository) is not a package to install:
these are our own checks of the rules it documents, written for the feeds ssg makes (no RSS 1.0,
no enclosures, no iTunes or Media RSS).
"""
from __future__ import annotations

import functools
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

import html5lib
import jsonschema
import langcodes
import rnc2rng
from html5lib.html5parser import ParseError
from lxml import etree

DATA = Path(__file__).resolve().parent / "data"
ATOM = "http://www.w3.org/2005/Atom"
A = "{%s}" % ATOM
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# ------------------------------------------------------------------ values


# RFC 3339 §5.6 date-time: seconds required, a zone required (W3C's InvalidRFC3339Date)
_RFC3339 = re.compile(r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))")
# RFC 822 as RFC 2822 §3.3 writes it: a four-digit year, seconds optional, a numeric zone or a
# named one of RFC 822 (the military letters but Z are ambiguous: RFC 2822 §4.3)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_RFC822 = re.compile(r"(?:(%s), )?(\d{1,2}) (%s) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? ([+-]\d{4}|UT|GMT|[ECMP][SD]T|Z)"
                     % ("|".join(_DAYS), "|".join(_MONTHS)))
_NAMED_ZONES = {"UT": 0, "GMT": 0, "Z": 0, "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7}
# A language tag's syntax (RFC 5646 §2.1, without grandfathered tags); its subtags must be in the
# IANA registry too (langcodes). W3C's validator checks the primary subtag against ISO 639.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}(-[A-Za-z]{4})?(-([A-Za-z]{2}|\d{3}))?"
                           r"(-([A-Za-z\d]{5,8}|\d[A-Za-z\d]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z\d]{2,8})+)*(-x(-[A-Za-z\d]{1,8})+)?")
# RFC 3986's characters of a URI (unreserved, reserved and "%"); an IRI (RFC 3987) adds any
# non-ASCII character but the private-use and the non-characters
_URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
_IRI_CHARS = re.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
                        "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd]+")
_PERCENT_OK = re.compile(r"%(?![0-9A-Fa-f]{2})")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:")
# A feed older than the web or newer than now is a bug (W3C's ImplausibleDate: before 1990, or in the future)
_EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)


def rfc3339(value: str | None) -> datetime | str:
    """The instant, or why the value is not an RFC 3339 date-time."""
    m = _RFC3339.fullmatch(value or "")
    if not m:
        return f"{value!r} is not an RFC 3339 date-time"
    try:
        when = datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError as error:
        return f"{value!r}: {error}"
    if m.group(9) and (int(m.group(9)) > 23 or int(m.group(10)) > 59):
        return f"{value!r}: no such zone offset"
    return when


def rfc822(value: str | None) -> datetime | str:
    """The instant, or why the value is not an RFC 822 date (with RFC 2822's four-digit year)."""
    m = _RFC822.fullmatch(value or "")
    if not m:
        return f"{value!r} is not an RFC 822 date with a four-digit year"
    weekday, day, month, year, hour, minute, second, zone = m.groups()
    if zone[0] in "+-":
        if int(zone[1:3]) > 23 or int(zone[3:]) > 59:
            return f"{value!r}: no such zone offset"
        offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:])) * (-1 if zone[0] == "-" else 1)
    else:
        offset = timedelta(hours=_NAMED_ZONES[zone])
    try:
        when = datetime(int(year), _MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second or 0),
                        tzinfo=timezone(offset))
    except ValueError as error:
        return f"{value!r}: {error}"
    if weekday and _DAYS[when.weekday()] != weekday:
        return f"{value!r}: the day is a {_DAYS[when.weekday()]}"      # W3C's IncorrectDOW
    return when


def plausible(when: datetime, what: str) -> list[str]:
    if when < _EARLIEST or when > datetime.now(timezone.utc) + timedelta(days=1):
        return [f"{what}: implausible date {when.isoformat()}"]
    return []


def language_tag(value: str | None) -> bool:
    return bool(value) and bool(_LANGUAGE_TAG.fullmatch(value)) and langcodes.tag_is_valid(value)


def absolute_iri(value: str | None, *, ascii_only: bool = False) -> bool:
    """An absolute IRI (RFC 3987), or URI with ``ascii_only`` (RFC 3986); http(s) ones with a host."""
    if not value or not _SCHEME.match(value) or _PERCENT_OK.search(value):
        return False
    if not (_URI_CHARS if ascii_only else _IRI_CHARS).fullmatch(value):
        return False
    parts = urlsplit(value)
    return parts.scheme not in ("http", "https") or bool(parts.hostname) and value.startswith(parts.scheme + "://")


# ------------------------------------------------------------------ HTML inside feeds

# What the W3C validator warns about in HTML that feeds carry (its SecurityRisk): elements that
# run code, embed other documents or submit forms, event handlers, and script URLs.
_UNSAFE_ELEMENTS = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
                    "button", "select", "textarea", "link", "meta", "base", "noscript", "template", "svg", "math"}
# Attributes that hold a URL: an absolute one each, as the feed is read far from the page
_URL_ATTRIBUTES = {"href", "src", "cite", "poster", "longdesc", "usemap", "action", "formaction", "background", "data"}
_HTML_PARSER = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)


@functools.lru_cache(maxsize=4096)
def html_problems(markup: str) -> tuple[str, ...]:
    """HTML as a feed carries it (RSS description and content:encoded, Atom type="html", JSON
    Feed content_html): parsed by an HTML parser without a parse error (W3C's NotHtml), nothing
    unsafe (SecurityRisk), every URL absolute (ContainsRelRef: a reader has no base to resolve it
    against)."""
    try:
        fragment = _HTML_PARSER.parseFragment(markup)
    except ParseError as error:
        return (f"not HTML: {error}",)
    found = []
    for element in fragment.iter():
        if not isinstance(element.tag, str):
            continue                                            # a comment
        name = element.tag.lower()
        if name in _UNSAFE_ELEMENTS:
            found.append(f"unsafe element <{name}>")
        for attribute, value in element.attrib.items():
            attribute = attribute.lower()
            if attribute.startswith("on") or attribute in ("style", "srcdoc"):
                found.append(f"unsafe attribute {attribute}= on <{name}>")
            if attribute in _URL_ATTRIBUTES or attribute == "srcset":
                urls = [c.split()[0] for c in value.split(",") if c.strip()] if attribute == "srcset" else [value.strip()]
                for url in urls:
                    if not _SCHEME.match(url):
                        found.append(f"relative URL {attribute}={url!r} on <{name}>")
                    elif url.split(":", 1)[0].lower() in ("javascript", "vbscript"):
                        found.append(f"script URL {attribute}={url!r} on <{name}>")
    return tuple(found)


def _html_text(value: str | None, what: str) -> list[str]:
    return [f"{what}: {p}" for p in html_problems(value or "")]


def _plain_text_problems(value: str | None, what: str) -> list[str]:
    """A title is text: HTML end tags in it are shown as markup by some readers and dropped by
    others (W3C's ContainsHTML)."""
    tags = re.findall(r"</([A-Za-z][A-Za-z0-9]*)\s*>", value or "")
    return [f"{what}: holds HTML (</{tags[0]}>)"] if tags else []


# ------------------------------------------------------------------ XML


def _xml(data: bytes) -> tuple[etree._Element | None, list[str]]:
    """The parsed document, or the reasons a validator stops there: not UTF-8, not well-formed."""
    problems = []
    if not re.match(rb"<\?xml version=['\"]1.0['\"] encoding=['\"](?i:utf-8)['\"]", data):
        problems.append("the XML declaration does not say version 1.0 and encoding UTF-8")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, problems + [f"not UTF-8: {error}"]
    try:
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as error:
        return None, problems + [f"not well-formed: {error}"]
    return root, problems


def _langs(root: etree._Element) -> list[str]:
    return [f"xml:lang={e.get(XML_LANG)!r} on <{etree.QName(e).localname}> is not a language tag"
            for e in root.iter() if e.get(XML_LANG) is not None and not language_tag(e.get(XML_LANG))]


# ------------------------------------------------------------------ Atom


@functools.cache
def atom_schema() -> etree.RelaxNG:
    rng = rnc2rng.dumps(rnc2rng.loads((DATA / "atom.rnc").read_text(encoding="utf-8")))
    # rnc2rng declares the schema's "local" prefix as xmlns:local="", which XML namespaces forbid;
    # the grammar names the empty namespace as ns="" and needs no prefix for it
    rng = re.sub(r'\s+xmlns:local=""', "", rng)
    return etree.RelaxNG(etree.fromstring(rng.encode("utf-8")))


def atom_problems(data: bytes, url: str) -> list[str]:
    root, problems = _xml(data)
    if root is None:
        return problems
    schema = atom_schema()
    if not schema.validate(root.getroottree()):
        problems += [f"RELAX NG (RFC 4287): line {e.line}: {e.message}" for e in schema.error_log]
    if root.tag != A + "feed":
        return problems + [f"the root is {root.tag}, not atom:feed"]
    entries = root.findall(A + "entry")
    # Appendix B's Schematron rules
    if root.find(A + "author") is None and any(e.find(A + "author") is None for e in entries):
        problems.append("an entry has no author and neither has the feed (RFC 4287 §4.1.1)")
    for i, entry in enumerate(entries):
        links = entry.findall(A + "link")
        if entry.find(A + "content") is None and not any(link.get("rel", "alternate") == "alternate" for link in links):
            problems.append(f"entry {i}: neither a rel=\"alternate\" link nor content (RFC 4287 §4.1.2)")
    problems += _langs(root)
    # atom:id: an absolute IRI (W3C's InvalidIRI / InvalidFullLink), unique among the entries (DuplicateEntries)
    ids = [root.findtext(A + "id")] + [e.findtext(A + "id") for e in entries]
    problems += [f"atom:id {v!r} is not an absolute IRI" for v in ids if not absolute_iri(v)]
    seen = set()
    for v in ids[1:]:
        if v in seen:
            problems.append(f"two entries have the id {v!r}")
        seen.add(v)
    # links: absolute; one rel="self" naming the feed's URL (MissingSelf, SelfDoesntMatchLocation);
    # at most one rel="alternate" of a type and language (DuplicateAtomLink)
    for scope, element in [("feed", root)] + [(f"entry {i}", e) for i, e in enumerate(entries)]:
        links = element.findall(A + "link")
        problems += [f"{scope}: link href {link.get('href')!r} is not an absolute IRI"
                     for link in links if not absolute_iri(link.get("href"))]
        alternates = [(link.get("type"), link.get("hreflang")) for link in links if link.get("rel", "alternate") == "alternate"]
        if len(alternates) != len(set(alternates)):
            problems.append(f"{scope}: two rel=\"alternate\" links of the same type and hreflang")
        if scope != "feed":
            continue
        problems += _self_link(links, url, "application/atom+xml", 'rel="self" link', 'rel="self" links')
        if not alternates:
            problems.append("no rel=\"alternate\" link to the feed's page")
    # dates: RFC 3339 (InvalidRFC3339Date), plausible (ImplausibleDate), published not after updated
    newest = feed_updated = None
    for scope, element in [("feed", root)] + [(f"entry {i}", e) for i, e in enumerate(entries)]:
        stamps = {}
        for name in ("updated", "published"):
            value = element.findtext(A + name)
            if value is None:
                continue
            when = rfc3339(value)
            if isinstance(when, str):
                problems.append(f"{scope}: {name}: {when}")
                continue
            problems += plausible(when, f"{scope}: {name}")
            stamps[name] = when
        if "updated" in stamps and "published" in stamps and stamps["published"] > stamps["updated"]:
            problems.append(f"{scope}: published after updated")
        if scope != "feed" and "updated" in stamps:
            newest = max(newest or stamps["updated"], stamps["updated"])
        elif scope == "feed":
            feed_updated = stamps.get("updated")
    if newest and feed_updated and newest > feed_updated:
        problems.append("an entry was updated after its feed's updated")
    # text constructs and content: titles not empty; type="html" holds escaped HTML, checked as HTML
    for element in root.iter(A + "title", A + "subtitle", A + "summary", A + "content", A + "rights"):
        name = etree.QName(element).localname
        kind = element.get("type", "text")
        if name == "title" and not (element.text or "").strip():
            problems.append("an empty title")
        if len(element):
            if kind != "xhtml":
                problems.append(f"<{name} type=\"{kind}\"> holds elements: HTML must be escaped")
            continue
        if kind == "html":
            problems += _html_text(element.text, f"<{name} type=\"html\">")
        elif kind == "text" and name == "title":
            problems += _plain_text_problems(element.text, "title")
    return problems


# ------------------------------------------------------------------ RSS 2.0

_RSS_ITEM_ONCE = ("title", "link", "description", "guid", "pubDate", "author", "comments", "source", CONTENT + "encoded")
_RSS_CHANNEL_ONCE = ("title", "link", "description", "language", "copyright", "managingEditor", "webMaster", "pubDate",
                     "lastBuildDate", "generator", "docs", "cloud", "ttl", "image", "rating", "textInput", "skipHours", "skipDays")
# the same thing said twice, by RSS and by an extension (W3C's DuplicateItemSemantics)
_SAME_MEANING = (("author", DC + "creator"), ("pubDate", DC + "date"), ("guid", A + "id"), ("category", DC + "subject"))


def rss_problems(data: bytes, url: str) -> list[str]:
    root, problems = _xml(data)
    if root is None:
        return problems
    if root.tag != "rss" or root.get("version") != "2.0":
        return problems + [f"the root is <{root.tag} version={root.get('version')!r}>, not <rss version=\"2.0\">"]
    channels = root.findall("channel")
    if len(channels) != 1 or len(root) != 1:
        return problems + ["<rss> holds one <channel> and nothing else"]
    channel = channels[0]
    # RSS's own elements are in no namespace, extensions in one (W3C's UndefinedElement)
    for element in root.iter():
        if isinstance(element.tag, str) and "}" not in element.tag and element.tag not in (
                "rss", "channel", "item", "category", "enclosure", "image", "url", "width", "height", "textInput", "name",
                "cloud", "skipHours", "hour", "skipDays", "day", *_RSS_ITEM_ONCE, *_RSS_CHANNEL_ONCE):
            problems.append(f"<{element.tag}> is not an RSS 2.0 element")
    for name in ("title", "link", "description"):
        if channel.find(name) is None or not (channel.findtext(name) or "").strip():
            problems.append(f"the channel has no {name} (RSS 2.0: required)")
    problems += [f"the channel has {len(channel.findall(n))} <{n}>" for n in _RSS_CHANNEL_ONCE if len(channel.findall(n)) > 1]
    for name in ("link", "docs"):
        if channel.find(name) is not None and not _http_url(channel.findtext(name)):
            problems.append(f"channel <{name}> {channel.findtext(name)!r} is not an absolute http(s) URL")
    problems += _plain_text_problems(channel.findtext("title"), "channel title")
    language = channel.findtext("language")
    if language is not None and not language_tag(language):
        problems.append(f"<language>{language}</language> is not a language tag")
    # atom:link rel="self" (W3C's MissingAtomSelfLink), naming the feed's own URL (SelfDoesntMatchLocation)
    problems += _self_link(channel.findall(A + "link"), url, "application/rss+xml", 'atom:link rel="self"', 'atom:link rel="self"')
    for name in ("pubDate", "lastBuildDate"):
        if channel.find(name) is not None:
            when = rfc822(channel.findtext(name))
            problems += [f"channel {name}: {when}"] if isinstance(when, str) else plausible(when, f"channel {name}")
    guids = set()
    for i, item in enumerate(channel.findall("item")):
        scope = f"item {i}"
        children = [c.tag for c in item if isinstance(c.tag, str)]
        problems += [f"{scope}: {children.count(n)} <{n}>" for n in _RSS_ITEM_ONCE if children.count(n) > 1]
        problems += [f"{scope}: both <{a}> and <{b}>" for a, b in _SAME_MEANING if a in children and b in children]
        if not (item.findtext("title") or "").strip() and not (item.findtext("description") or "").strip():
            problems.append(f"{scope}: neither a title nor a description (RSS 2.0)")
        if CONTENT + "encoded" in children and ("description" not in children
                                                 or children.index("description") > children.index(CONTENT + "encoded")):
            problems.append(f"{scope}: content:encoded without a description before it")
        link = item.findtext("link")
        if link is not None and not _http_url(link):
            problems.append(f"{scope}: <link> {link!r} is not an absolute http(s) URL")
        guid = item.find("guid")
        if guid is None:
            problems.append(f"{scope}: no guid (W3C's MissingGuid)")
        else:
            value, permalink = guid.text or "", guid.get("isPermaLink", "true")
            if permalink not in ("true", "false"):
                problems.append(f"{scope}: isPermaLink={permalink!r}")
            elif permalink == "true" and not (_http_url(value) and value == link):
                problems.append(f"{scope}: guid {value!r} has isPermaLink=\"true\" but is not the item's URL {link!r}")
            if value in guids:
                problems.append(f"{scope}: the guid {value!r} again")
            guids.add(value)
        if item.find("pubDate") is not None:
            when = rfc822(item.findtext("pubDate"))
            problems += [f"{scope}: pubDate: {when}"] if isinstance(when, str) else plausible(when, f"{scope}: pubDate")
        problems += _plain_text_problems(item.findtext("title"), f"{scope}: title")
        for name in ("description", CONTENT + "encoded"):
            if item.find(name) is not None:
                problems += _html_text(item.findtext(name), f"{scope}: <{name.replace(CONTENT, 'content:')}>")
        for category in item.findall("category"):
            if not (category.text or "").strip():
                problems.append(f"{scope}: an empty category")
    return problems


def _http_url(value: str | None) -> bool:
    return absolute_iri(value, ascii_only=True) and value.split(":", 1)[0] in ("http", "https")


# ------------------------------------------------------------------ JSON Feed 1.1


@functools.cache
def json_feed_validator() -> jsonschema.protocols.Validator:
    schema = json.loads((DATA / "jsonfeed-1.1.schema.json").read_text(encoding="utf-8"))
    # jsonschema checks a format only with an optional package installed, else passes it quietly:
    # these two are checked here, always
    formats = jsonschema.FormatChecker(formats=())
    formats.checks("date-time")(lambda value: not isinstance(value, str) or isinstance(rfc3339(value), datetime))
    formats.checks("uri")(lambda value: not isinstance(value, str) or absolute_iri(value, ascii_only=True))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=formats)


def json_feed_problems(data: bytes, url: str) -> list[str]:
    try:
        feed = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        return [f"not UTF-8 JSON: {error}"]
    problems = [f"JSON Feed 1.1 schema: {'/'.join(map(str, e.absolute_path)) or '(feed)'}: {e.message}"
                for e in json_feed_validator().iter_errors(feed)]
    if not isinstance(feed, dict) or not isinstance(feed.get("items"), list):
        return problems
    if feed.get("feed_url") != url:
        problems.append(f"feed_url is {feed.get('feed_url')!r}, not the feed's URL {url!r}")
    for where, value in [("feed", feed.get("language"))] + [(f"item {i}", item.get("language"))
                                                          for i, item in enumerate(feed["items"]) if isinstance(item, dict)]:
        if value is not None and not language_tag(value):
            problems.append(f"{where}: language {value!r} is not a language tag")
    ids = [item.get("id") for item in feed["items"] if isinstance(item, dict)]
    problems += [f"the item id {v!r} again" for i, v in enumerate(ids) if v in ids[:i]]
    for i, item in enumerate(feed["items"]):
        if not isinstance(item, dict):
            continue
        for name in ("date_published", "date_modified"):
            when = rfc3339(item[name]) if isinstance(item.get(name), str) else None
            if isinstance(when, datetime):
                problems += plausible(when, f"item {i}: {name}")
        if isinstance(item.get("content_html"), str):
            problems += _html_text(item["content_html"], f"item {i}: content_html")
        problems += _plain_text_problems(item.get("title") if isinstance(item.get("title"), str) else "", f"item {i}: title")
    return problems


CHECKS = {"feed.xml": rss_problems, "atom.xml": atom_problems, "feed.json": json_feed_problems}


def _self_link(links: list, url: str, media_type: str, name: str, plural: str) -> list[str]:
    """One rel="self" link among ``links``, naming the feed's own URL (W3C's MissingSelf /
    SelfDoesntMatchLocation), of the feed's media type if it gives one."""
    selves = [link for link in links if link.get("rel") == "self"]
    if len(selves) != 1:
        return [f"{len(selves)} {plural}, not one"]
    if selves[0].get("href") != url:
        return [f"the {name} is {selves[0].get('href')!r}, not the feed's URL {url!r}"]
    if selves[0].get("type") not in (None, media_type):
        return [f"the {name}'s type is {selves[0].get('type')!r}"]
    return []
