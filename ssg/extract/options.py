"""Extraction settings: everything configurable lives in one frozen, hashable value.

``parse_extract_options`` turns the ``[extract]`` table of ``site.toml`` into
:class:`ExtractOptions`; unknown keys are rejected with a suggestion.
"""

from __future__ import annotations

import codecs
import difflib
import hashlib
import re
from dataclasses import dataclass, field, fields
from typing import Any

__all__ = [
    "DatasetMapping",
    "ExtractOptions",
    "Profile",
    "parse_extract_options",
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """Rules for one source (site, outlet), extending the default rule set.

    A profile applies to a file when ``paths`` (globs on the path relative to the
    content root) match, when one of its ``site_names`` is printed on a line of the
    file, when a dataset row's source id is in ``ids``, or when ``url_pattern``
    matches the article URL.
    """

    name: str
    site_names: tuple[str, ...] = ()
    source: str | None = None  # the name to report; default: the site name as printed
    paths: tuple[str, ...] = ()
    ids: tuple[str, ...] = ()
    url_pattern: str | None = None
    boilerplate: tuple[str, ...] = ()  # regexes: a body line matching one is dropped
    strip: tuple[str, ...] = ()  # regexes: matching text is cut from a paragraph
    category_labels: tuple[str, ...] = ()  # extra "Label:" words that introduce a category
    category_from_url: str | None = None  # regex, group 1 = category slug
    timezone: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DatasetMapping:
    """Field names of a dataset dump (.jsonl / .csv); defaults fit SaudiNewsNet."""

    title: str | None = "title"
    content: str | None = "content"
    date: str | None = "date_extracted"
    author: str | None = "author"
    source: str | None = "source"
    url: str | None = "url"
    category: str | None = None
    tags: str | None = None
    dek: str | None = None
    source_names: tuple[tuple[str, str], ...] = ()  # source id -> name as printed


@dataclass(frozen=True, slots=True, kw_only=True)
class ExtractOptions:
    day_first: bool = True
    timezone: str | None = None
    encoding: str | None = None
    encodings: tuple[tuple[str, str], ...] = ()
    profiles: tuple[Profile, ...] = ()
    dataset: DatasetMapping = field(default_factory=DatasetMapping)
    boilerplate: tuple[str, ...] = ()  # extra site-wide boilerplate regexes
    site_names: tuple[str, ...] = ()  # extra site names recognised everywhere
    subheadings: bool = True  # detect short unpunctuated lines between paragraphs

    @property
    def digest(self) -> str:
        """Stable hash of every setting (for build caches)."""
        return hashlib.sha256(repr(_canon(self)).encode("utf-8")).hexdigest()[:16]


def _canon(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return (type(value).__name__,) + tuple(
            (f.name, _canon(getattr(value, f.name))) for f in fields(value)
        )
    if isinstance(value, tuple):
        return tuple(_canon(v) for v in value)
    return value


# ---------------------------------------------------------------------------
# site.toml [extract] parsing

_TOP_KEYS = (
    "day_first",
    "timezone",
    "encoding",
    "encodings",
    "profiles",
    "dataset",
    "boilerplate",
    "site_names",
    "subheadings",
)
_PROFILE_KEYS = tuple(f.name for f in fields(Profile))
_DATASET_KEYS = tuple(f.name for f in fields(DatasetMapping))


def _unknown(key: str, where: str, allowed: tuple[str, ...]) -> ValueError:
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.5)
    hint = f"; did you mean '{close[0]}'?" if close else f"; known keys: {', '.join(allowed)}"
    return ValueError(f"unknown key '{key}' in [{where}]{hint}")


def _check_keys(mapping: dict, where: str, allowed: tuple[str, ...]) -> None:
    if not isinstance(mapping, dict):
        raise ValueError(f"[{where}] must be a table, got {type(mapping).__name__}")
    for key in mapping:
        if key not in allowed:
            raise _unknown(str(key), where, allowed)


def _str_tuple(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where} must be a string or a list of strings")


def _regexes(value: Any, where: str) -> tuple[str, ...]:
    out = _str_tuple(value, where)
    for pattern in out:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: bad regular expression {pattern!r}: {exc}") from None
    return out


def _check_encoding(name: Any, where: str) -> str:
    if not isinstance(name, str):
        raise ValueError(f"{where} must be a string")
    try:
        codecs.lookup(name)
    except LookupError:
        raise ValueError(f"{where}: unknown encoding {name!r}") from None
    return name


def _check_timezone(name: Any, where: str) -> str | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise ValueError(f"{where} must be an IANA timezone name")
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{where}: unknown timezone {name!r}") from None
    return name


def _pairs(value: Any, where: str, check=None) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    items: list[tuple[Any, Any]]
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, (list, tuple)):
        items = []
        for item in value:
            if isinstance(item, (list, tuple)) and len(item) == 2:
                items.append((item[0], item[1]))
            else:
                raise ValueError(f"{where} must be a table or a list of [key, value] pairs")
    else:
        raise ValueError(f"{where} must be a table")
    out = []
    for k, v in items:
        if not isinstance(k, str) or not isinstance(v, str):
            raise ValueError(f"{where}: keys and values must be strings")
        out.append((k, check(v, f"{where}.{k}") if check else v))
    return tuple(out)


def _profile(name: str | None, table: Any, where: str) -> Profile:
    _check_keys(table, where, _PROFILE_KEYS)
    name = table.get("name", name)
    if not isinstance(name, str) or not name:
        raise ValueError(f"[{where}] needs a 'name'")
    url_pattern = table.get("url_pattern")
    cat_url = table.get("category_from_url")
    for key, pattern in (("url_pattern", url_pattern), ("category_from_url", cat_url)):
        if pattern is not None:
            _regexes(pattern, f"{where}.{key}")
    source = table.get("source")
    language = table.get("language")
    if source is not None and not isinstance(source, str):
        raise ValueError(f"{where}.source must be a string")
    if language is not None and not isinstance(language, str):
        raise ValueError(f"{where}.language must be a string")
    return Profile(
        name=name,
        site_names=_str_tuple(table.get("site_names"), f"{where}.site_names"),
        source=source,
        paths=_str_tuple(table.get("paths"), f"{where}.paths"),
        ids=_str_tuple(table.get("ids"), f"{where}.ids"),
        url_pattern=url_pattern,
        boilerplate=_regexes(table.get("boilerplate"), f"{where}.boilerplate"),
        strip=_regexes(table.get("strip"), f"{where}.strip"),
        category_labels=_str_tuple(table.get("category_labels"), f"{where}.category_labels"),
        category_from_url=cat_url,
        timezone=_check_timezone(table.get("timezone"), f"{where}.timezone"),
        language=language,
    )


def _dataset(table: Any) -> DatasetMapping:
    where = "extract.dataset"
    _check_keys(table, where, _DATASET_KEYS)
    kwargs: dict[str, Any] = {}
    for key in _DATASET_KEYS:
        if key not in table:
            continue
        value = table[key]
        if key == "source_names":
            kwargs[key] = _pairs(value, f"{where}.source_names")
        elif value is None or value is False or value == "":
            kwargs[key] = None
        elif isinstance(value, str):
            kwargs[key] = value
        else:
            raise ValueError(f"{where}.{key} must be a field name (string)")
    return DatasetMapping(**kwargs)


def parse_extract_options(
    mapping: dict | None, *, timezone: str | None, day_first: bool = True
) -> ExtractOptions:
    """Build :class:`ExtractOptions` from the ``[extract]`` table of site.toml.

    ``timezone``/``day_first`` are the site-wide values; keys of the same name in
    ``[extract]`` win over them. Raises ``ValueError`` with a one-line message.
    """
    mapping = {} if mapping is None else mapping
    _check_keys(mapping, "extract", _TOP_KEYS)
    df = mapping.get("day_first", day_first)
    if not isinstance(df, bool):
        raise ValueError("extract.day_first must be true or false")
    sub = mapping.get("subheadings", True)
    if not isinstance(sub, bool):
        raise ValueError("extract.subheadings must be true or false")
    tz = _check_timezone(mapping.get("timezone", timezone), "extract.timezone")
    enc = mapping.get("encoding")
    if enc is not None:
        enc = _check_encoding(enc, "extract.encoding")
    profiles_value = mapping.get("profiles", ())
    profiles: list[Profile] = []
    if isinstance(profiles_value, dict):
        for name, table in profiles_value.items():
            profiles.append(_profile(name, table, f"extract.profiles.{name}"))
    elif isinstance(profiles_value, (list, tuple)):
        for i, table in enumerate(profiles_value):
            profiles.append(_profile(None, table, f"extract.profiles[{i}]"))
    else:
        raise ValueError("extract.profiles must be a table of tables or an array of tables")
    return ExtractOptions(
        day_first=df,
        timezone=tz,
        encoding=enc,
        encodings=_pairs(mapping.get("encodings"), "extract.encodings", _check_encoding),
        profiles=tuple(profiles),
        dataset=_dataset(mapping["dataset"]) if "dataset" in mapping else DatasetMapping(),
        boilerplate=_regexes(mapping.get("boilerplate"), "extract.boilerplate"),
        site_names=_str_tuple(mapping.get("site_names"), "extract.site_names"),
        subheadings=sub,
    )
