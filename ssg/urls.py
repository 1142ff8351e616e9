"""Slugs, permalinks and output paths. Pure functions.

URLs inside the site are *site-relative* ("2021/09/slug/"): the theme joins them with the
base path, so a GitHub Pages subpath works everywhere.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from datetime import datetime
from urllib.parse import quote

from slugify import slugify as _slugify

from .model import TAXONOMIES

# Arabic diacritics (harakat, tanween, shadda, sukun, superscript alef), Quranic marks and tatweel.
_ARABIC_MARKS = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]")
# python-slugify's regex for what to drop: keep letters and digits of any script.
_DISALLOWED = r"[^\w\-]+"


def strip_arabic_marks(text: str) -> str:
    return _ARABIC_MARKS.sub("", text)


@functools.lru_cache(maxsize=1 << 16)
def slugify(text: str, *, max_length: int = 80, ascii_only: bool = False) -> str:
    """An Arabic-keeping slug: marks and tatweel stripped, lower-case Latin, hyphens, capped length."""
    text = unicodedata.normalize("NFC", strip_arabic_marks(text))
    if ascii_only:
        slug = _slugify(text, max_length=max_length, word_boundary=True)
    else:
        slug = _slugify(text, allow_unicode=True, max_length=max_length, word_boundary=True,
                        regex_pattern=_DISALLOWED)
        slug = slug.replace("_", "-").strip("-")
    return slug or "article"


def permalink(pattern: str, *, slug: str, date: datetime | None, category: str | None = None, ascii_only: bool = False) -> str:
    """Fill a pattern such as "/{year}/{month}/{slug}/" -> "2021/09/slug/" (site-relative); the
    category slugified too (ASCII with ``ascii_only``, the site's ``slug_ascii``)."""
    values = {
        "slug": slug,
        "year": f"{date.year:04d}" if date else "",
        "month": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "",
    }
    if "{category}" in pattern:
        values["category"] = slugify(category, ascii_only=ascii_only) if category else "uncategorised"
    path = pattern.format(**values)
    if "//" in path:
        path = re.sub(r"/{2,}", "/", path)
    path = path.strip("/")
    return path + "/" if path else ""


# What a slug may hold: one URL segment of letters, digits, "-" and "_" (a slug the site makes
# holds nothing else; a front matter's may).
_SEGMENT_OK = re.compile(r"[\w\-]+")
_NOT_SEGMENT = re.compile(_DISALLOWED)
# The first segments of the site's own pages and files (plan.py): an article's URL never starts with
# one (tests/test_build.py checks the list against a built site's top level).
SITE_ROOTS = frozenset({"index.html", "404.html", "feed.xml", "atom.xml", "feed.json", "sitemap.xml", "news-sitemap.xml",
                        "robots.txt", "CNAME", "page", "archive", "search", "sitemaps"}
                       | {prefix for _, _, prefix, _ in TAXONOMIES})      # (category/, tag/, author/…)
# A date archive's page and its numbered pages: "2024/", "2024/03/", "2024/03/15/", "2024/03/page/2/"
_PERIOD = re.compile(r"\d{4}/(?:\d{2}/){0,2}(?:page/\d+/)?")


def url_segment(text: str) -> str:
    """A slug as one URL segment: diacritics dropped, any run of other characters than letters,
    digits, "-" and "_" one "-" ("../../x" -> "x", "a/b" -> "a-b", "index.html" -> "index-html");
    "" when nothing is left."""
    if _SEGMENT_OK.fullmatch(text):
        return text
    return _NOT_SEGMENT.sub("-", unicodedata.normalize("NFC", strip_arabic_marks(text))).strip("-")


def site_path(url: str) -> str:
    """A site-relative URL that stays inside the site and that a link reaches as written: empty,
    "." and ".." segments dropped ("../../../tmp/x/" -> "tmp/x/", "/" -> "", the home page), and in
    each segment a run of the characters a link cannot hold as they are (a "?" or "#" that would end
    the path, a "%" that would start an escape, spaces, control characters, quotes, brackets and
    the like) one "-" ("x?y=1#z/" -> "x-y=1-z/", "%2e%2e/w/" -> "2e-2e/w/"); letters of any script,
    with their marks, are kept."""
    parts = [p for p in url.split("/") if p not in ("", ".", "..")]
    if any(map(_NOT_PATH.search, parts)):
        parts = [q for q in (_NOT_PATH.sub("-", p).strip("-") for p in parts) if q not in ("", ".", "..")]
    return "/".join(parts) + "/" if parts else ""


_NOT_PATH = re.compile(r"[\s\x00-\x1f\x7f?#%\\\"'<>`^{}|\[\]]+")


def own_url(url: str, roots: frozenset[str]) -> str:
    """``url`` (from ``site_path``), or the nearest URL that none of the site's own pages has:
    "" is the home page; a first segment in ``roots`` (the site's pages, feeds and static
    folders) or starting with "." is suffixed ("archive/" -> "archive-2/", "tag/x/" ->
    "tag-2/x/"); a date archive's URL has its last segment suffixed ("2024/03/15/" ->
    "2024/03/15-2/"); a segment "index.html" is "index-html"."""
    if not url:
        return "article/"
    parts = url[:-1].split("/")
    parts = ["index-html" if p == "index.html" else p for p in parts]
    if parts[0] in roots or parts[0][:1] == ".":
        parts[0] = parts[0].lstrip(".") + "-2"
    url = "/".join(parts) + "/"
    return url[:-1] + "-2/" if _PERIOD.fullmatch(url) else url      # (then its last segment is not all digits)


def period_url(y: int, m: int | None = None, d: int | None = None) -> str:
    """A date archive page's site-relative URL: a year, a month or a day ("2024/03/15/")."""
    return f"{y:04d}/" + (f"{m:02d}/" if m else "") + (f"{d:02d}/" if d else "")


def output_path(url: str) -> str:
    """Site-relative URL -> file path in output/: "a/b/" -> "a/b/index.html"."""
    if not url or url.endswith("/"):
        return url + "index.html"
    return url


def resolve_collisions(wanted: list[tuple[str, str]]) -> dict[str, str]:
    """(key, url) pairs in a deterministic order -> key -> unique url ("-2", "-3" … appended)."""
    taken: set[str] = set()
    result = {}
    for key, url in wanted:
        candidate, n = url, 1
        while candidate in taken:
            n += 1
            candidate = url[:-1] + f"-{n}/" if url.endswith("/") else f"{url}-{n}"
        taken.add(candidate)
        result[key] = candidate
    return result


def href(base_path: str, url: str) -> str:
    """Site-relative URL -> root-relative href under the base path.

    Slugs hold only letters, digits and hyphens, so the IRI is kept readable (Arabic stays
    Arabic in the HTML source); feeds and sitemaps use ``absolute``, which percent-encodes."""
    return base_path + url


def absolute(base_url: str, url: str) -> str:
    base = base_url if base_url.endswith("/") else base_url + "/"
    return quote(base + url, safe=":/#?=&%-._~")


def term_slug(name: str, *, ascii_only: bool = False) -> str:
    return slugify(name, max_length=60, ascii_only=ascii_only)
