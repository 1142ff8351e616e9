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


def permalink(pattern: str, *, slug: str, date: datetime | None, category: str | None = None) -> str:
    """Fill a pattern such as "/{year}/{month}/{slug}/" -> "2021/09/slug/" (site-relative)."""
    values = {
        "slug": slug,
        "year": f"{date.year:04d}" if date else "",
        "month": f"{date.month:02d}" if date else "",
        "day": f"{date.day:02d}" if date else "",
    }
    if "{category}" in pattern:
        values["category"] = slugify(category) if category else "uncategorised"
    path = pattern.format(**values)
    if "//" in path:
        path = re.sub(r"/{2,}", "/", path)
    path = path.strip("/")
    return path + "/" if path else ""


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
