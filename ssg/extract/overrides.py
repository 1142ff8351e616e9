"""Sidecar files (NAME.meta.toml / NAME.meta.json) and front-matter overrides."""

from __future__ import annotations

import html
import json
import re
import tomllib
from dataclasses import replace
from datetime import date, datetime

from .dates import find_dates
from .errors import ExtractError
from .model import Extraction
from .text import clean, fold

__all__ = ["OVERRIDE_KEYS", "apply_overrides", "parse_sidecar"]

_STR_FIELDS = ("title", "category", "section", "source", "author", "agency", "dek", "language", "dir", "url", "hijri")
OVERRIDE_KEYS = _STR_FIELDS + ("published", "tags", "subheadings", "paragraphs")
_WORDED = frozenset({"title", "category", "section", "source", "author", "agency", "dek"})
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]{1,31});")


def _text(value: str) -> str:
    """A field of words as a reader sees it: the HTML character references a scraper left in it
    decoded (``&nbsp;سلطان الميموني``, ``Q&amp;A``), as the Markdown body's are, then trimmed."""
    if "&" in value and _ENTITY.search(value):
        value = html.unescape(value)
    return clean(value)


def parse_sidecar(data: bytes, *, name: str) -> dict:
    """Parse a sidecar file; the format follows the file name (.toml / .json)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExtractError("bad_sidecar", f"{name}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    lower = name.lower()
    try:
        if lower.endswith(".json"):
            value = json.loads(text) if text.strip() else {}
        elif lower.endswith(".toml"):
            value = tomllib.loads(text)
        else:
            raise ExtractError("bad_sidecar", f"{name}: sidecar must end in .meta.toml or .meta.json")
    except json.JSONDecodeError as exc:
        raise ExtractError("bad_sidecar", f"{name}: invalid JSON: {exc.msg}", line=exc.lineno) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        line = None
        if "(at line " in msg:
            try:
                line = int(msg.split("(at line ", 1)[1].split(",", 1)[0])
            except ValueError:
                line = None
        raise ExtractError("bad_sidecar", f"{name}: invalid TOML: {msg}", line=line) from None
    if not isinstance(value, dict):
        raise ExtractError("bad_sidecar", f"{name}: must hold a table/object, not {type(value).__name__}")
    return value


def _code(origin: str) -> str:
    """An override of the wrong type: the sidecar's fault, or the front matter's."""
    return "bad_sidecar" if origin == "sidecar" else "bad_front_matter"


def _published(value, origin: str, day_first: bool = True) -> tuple[datetime | None, str | None]:
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return value, "second" if value.second or value.microsecond else "minute"
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day), "day"
    if isinstance(value, str):
        s = value.strip()
        try:
            dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
            if len(s) <= 10:
                return dt, "day"
            return dt, "second" if s.count(":") >= 2 else "minute"
        except ValueError:
            hits = [h for h in find_dates(fold(s), day_first=day_first) if h.hijri is None]
            if hits:
                return hits[0].value, hits[0].precision
    raise ExtractError(_code(origin), f"{origin}: 'published' is not a date: {value!r}")


def _str_list(value, key: str, origin: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(x for x in (_text(v) for v in value.split(",")) if x)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(x for x in (_text(v) for v in value) if x)
    raise ExtractError(_code(origin), f"{origin}: '{key}' must be a string or a list of strings")


def apply_overrides(extraction: Extraction, overrides: dict, *, origin: str, day_first: bool = True) -> Extraction:
    """Return a copy where every known key of ``overrides`` wins over the extracted
    value (``None``/"" clears a field); evidence rule = ``override:{origin}``.
    Unknown keys are left for the caller and noted in warnings. ``day_first``: how a date
    such as 04-09-2021 reads (the site's setting)."""
    if not overrides:
        return extraction
    changes: dict = {}
    evidence = list(extraction.evidence)
    warnings = list(extraction.warnings)
    rule = f"override:{origin}"
    for key, value in overrides.items():
        if key in _STR_FIELDS:
            if value is not None and not isinstance(value, str):
                raise ExtractError(_code(origin), f"{origin}: '{key}' must be a string")
            v = (_text(value) if key in _WORDED else clean(value)) if value else None
            changes[key] = v or None
            evidence.append((key, rule, None, v or ""))
        elif key == "published":
            dt, precision = _published(value, origin, day_first)
            changes["published"] = dt
            changes["published_precision"] = precision
            evidence.append(("published", rule, None, dt.isoformat() if dt else ""))
        elif key == "tags":
            changes["tags"] = _str_list(value, key, origin)
            evidence.append(("tags", rule, None, ", ".join(changes["tags"])))
        elif key == "subheadings":
            changes["subheadings"] = _str_list(value, key, origin)
            evidence.append(("subheadings", rule, None, " | ".join(changes["subheadings"])))
        elif key == "paragraphs":
            if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                raise ExtractError(_code(origin), f"{origin}: 'paragraphs' must be a list of strings")
            changes["blocks"] = tuple(("p", clean(v)) for v in value if clean(v))
            evidence.append(("paragraphs", rule, None, f"{len(changes['blocks'])} paragraphs"))
        else:
            warnings.append(f"override key '{key}' is not an article field (left to the caller)")
    if "dir" not in changes and "language" in changes and changes["language"]:
        lang = changes["language"].split("-")[0].lower()
        changes["dir"] = "rtl" if lang in {"ar", "fa", "ur", "he", "ps", "ku", "yi", "dv", "sd", "ug"} else "ltr"
    changes["evidence"] = tuple(evidence)
    changes["warnings"] = tuple(dict.fromkeys(warnings))
    return replace(extraction, **changes)
