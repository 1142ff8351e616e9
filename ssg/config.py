"""site.toml -> SiteConfig: a typed, frozen config. Unknown keys are errors with a did-you-mean.

``parse_config(mapping)`` is pure; ``load_config(path)`` does the I/O. Every field carries its
documentation in ``metadata["doc"]``; tests check that docs/configuration.md names every key.
"""
from __future__ import annotations

import difflib
import hashlib
import json
import re
import string
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import ConfigError

FROZEN = dict(frozen=True, slots=True, kw_only=True)
BUNDLED_THEMES = Path(__file__).parent / "themes"   # a link to the repository's themes/, so wheels carry it


def _doc(text: str, *, output: bool = True) -> dict:
    return {"doc": text, "output": output}


@dataclass(**FROZEN)
class FeedConfig:
    limit: int = field(default=20, metadata=_doc("Newest N articles in each feed."))
    full_text: bool = field(default=False, metadata=_doc("Put the whole article in feeds (else the summary)."))
    rss: bool = field(default=True, metadata=_doc("Write RSS 2.0 feeds (feed.xml)."))
    atom: bool = field(default=True, metadata=_doc("Write Atom feeds (atom.xml)."))
    json: bool = field(default=True, metadata=_doc("Write JSON Feed 1.1 feeds (feed.json)."))
    per_term: bool = field(default=True, metadata=_doc("Write feeds for every taxonomy term, not only the main feed."))
    term_formats: tuple = field(default=("rss",), metadata=_doc(
        "Formats of each term's feeds (category, tag, author, source), of those on: any of \"rss\", \"atom\", \"json\"."))


@dataclass(**FROZEN)
class PagesConfig:
    search: bool = field(default=True, metadata=_doc("The search page and its index (search/); false: none, and no search box in the header."))
    authors: bool = field(default=True, metadata=_doc("A page (and feed) for each author, and the authors' index; false: an article names its author without a link."))
    sources: bool = field(default=True, metadata=_doc("A page (and feed) for each source, and the sources' index; false: an article names its source without a link."))
    dates: bool = field(default=True, metadata=_doc("Day, month and year pages and the archive page; false: none, and no links to them."))


@dataclass(**FROZEN)
class BuildConfig:
    workers: int = field(default=0, metadata=_doc("Worker processes; 0 = all cores (no fewer).", output=False))
    strict: bool = field(default=False, metadata=_doc("Fail the build (exit 1) on any bad content file.", output=False))
    size_warning_mb: int = field(default=900, metadata=_doc("Warn when output/ grows past this many MB (GitHub Pages allows 1 GB).", output=False))


@dataclass(**FROZEN)
class SiteConfig:
    title: str = field(default="أرشيف الأخبار", metadata=_doc("Site title."))
    description: str = field(default="", metadata=_doc("One-line description for feeds and meta tags."))
    base_url: str = field(default="http://127.0.0.1:8000/", metadata=_doc("Absolute http:// or https:// URL of the site root, may carry a subpath (https://user.github.io/archive/); no spaces."))
    language: str = field(default="ar", metadata=_doc("Site language (BCP 47); sets <html lang dir> and feed language."))
    timezone: str = field(default="UTC", metadata=_doc("IANA zone applied to dates that give none (e.g. Asia/Riyadh)."))
    theme: str = field(default="default", metadata=_doc("Theme folder name under themes/ (site's own first, then the bundled ones); a name found in neither is an error."))
    content_dir: str = field(default="content", metadata=_doc("Content folder, relative to the site folder; it must exist (it may be empty).", output=False))
    output_dir: str = field(default="output", metadata=_doc("Output folder, relative to the site folder.", output=False))
    paginate_by: int = field(default=30, metadata=_doc(
        "Articles per listing page. Numbered pages count from the oldest (page/1/) and are made once full; "
        "the landing page shows the newest."))
    permalink: str = field(default="/{year}/{month}/{slug}/", metadata=_doc("Article URL pattern: {year} {month} {day} {slug} {category} (another placeholder is an error)."))
    permalink_undated: str = field(default="/undated/{slug}/", metadata=_doc("URL pattern for articles with no date: {slug} {category} ({year}, {month} and {day} are errors here)."))
    slug_max_length: int = field(default=80, metadata=_doc("Longest slug, in characters (at least 1)."))
    slug_ascii: bool = field(default=False, metadata=_doc("Transliterate slugs to ASCII instead of keeping Arabic letters."))
    day_first: bool = field(default=True, metadata=_doc("Read ambiguous numeric dates as day-first (04-09-2021 = 4 September)."))
    sanitize_html: bool = field(default=True, metadata=_doc("Sanitise raw HTML inside Markdown with nh3."))
    cname: str = field(default="", metadata=_doc("Custom domain written to output/CNAME for GitHub Pages."))
    author: str = field(default="", metadata=_doc("Site owner/publisher name for feeds and NewsArticle data."))
    arabic_digits: bool = field(default=False, metadata=_doc("Show dates with Arabic-Indic digits."))
    show_hijri: bool = field(default=False, metadata=_doc("Show the Hijri date beside the Gregorian one."))
    related_count: int = field(default=4, metadata=_doc("Related articles shown on an article page (0: none)."))
    ignore: tuple = field(default=("README.md", "README.txt", "LICENSE*", "_*", ".*"), metadata=_doc("Glob patterns (matched on each path part) that scan skips in content/. A list given replaces the defaults: repeat the ones to keep (ignore = [\"README.md\", \"README.txt\", \"LICENSE*\", \"_*\", \".*\", \"drafts\"])."))
    untitled: str = field(default="skip", metadata=_doc("A text with no headline found: 'skip' it (reported), or 'first-line': use its first line (cut at 14 words) as the headline, with a warning."))
    duplicates: str = field(default="keep-first", metadata=_doc("Articles with the same normalised text: 'keep-first' (by path) keeps one and reports the rest; 'keep-all' only reports."))
    feeds: FeedConfig = field(default_factory=FeedConfig, metadata=_doc("[feeds] table."))
    pages: PagesConfig = field(default_factory=PagesConfig, metadata=_doc("[pages] table: the kinds of page made."))
    build: BuildConfig = field(default_factory=BuildConfig, metadata=_doc("[build] table.", output=False))
    extract: Mapping[str, Any] = field(default_factory=dict, metadata=_doc("[extract] table: rules for raw text; see docs/content.md."))
    extra: Mapping[str, Any] = field(default_factory=dict, metadata=_doc("[extra] table: free-form values for themes."))
    # Resolved paths (set by load_config; not keys of site.toml).
    site_dir: str = field(default=".", metadata={"internal": True})

    @property
    def root(self) -> Path:
        return Path(self.site_dir)

    @property
    def content_path(self) -> Path:
        return (self.root / self.content_dir).resolve()

    @property
    def output_path(self) -> Path:
        return (self.root / self.output_dir).resolve()

    @property
    def cache_path(self) -> Path:
        return (self.root / ".ssg-cache").resolve()

    @property
    def base_path(self) -> str:
        """The URL path of the site root: "/" or "/archive/"."""
        rest = self.base_url.split("://", 1)[-1]
        path = "/" + rest.split("/", 1)[1] if "/" in rest else "/"
        return path if path.endswith("/") else path + "/"

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def dir(self) -> str:
        return "rtl" if self.language.split("-")[0].lower() in RTL_LANGUAGES else "ltr"

    @property
    def digest(self) -> str:
        """Hash of every setting that changes output (not workers, paths or strictness)."""
        return hashlib.blake2b(json.dumps(_output_values(self), sort_keys=True, default=str).encode(), digest_size=16).hexdigest()


FEED_FILES = {"rss": "feed.xml", "atom": "atom.xml", "json": "feed.json"}   # a feed format -> its file name
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur", "ps", "ku", "ckb", "yi", "dv", "sd", "ug"})
TABLES = {"feeds": FeedConfig, "pages": PagesConfig, "build": BuildConfig}
FREE_TABLES = {"extract", "extra"}
# Renamed keys are declarations: old name -> new name.
RENAMED = {"baseurl": "base_url", "lang": "language", "paginate": "paginate_by", "content": "content_dir", "output": "output_dir"}


def _output_values(obj: Any) -> dict:
    out = {}
    for f in fields(obj):
        if f.metadata.get("internal") or not f.metadata.get("output", True):
            continue
        value = getattr(obj, f.name)
        out[f.name] = _output_values(value) if f.name in TABLES else value
    return out


def _public_fields(cls) -> dict:
    return {f.name: f for f in fields(cls) if not f.metadata.get("internal")}


def _unknown(key: str, valid, where: str) -> ConfigError:
    near = difflib.get_close_matches(key, list(valid), n=1, cutoff=0.5)
    hint = f"; did you mean '{near[0]}'?" if near else f"; valid keys: {', '.join(sorted(valid))}"
    return ConfigError(f"unknown key '{key}' in {where}{hint}")


def _check_type(name: str, value: Any, default: Any, where: str) -> Any:
    if isinstance(default, bool):
        ok = isinstance(value, bool)
    elif isinstance(default, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(default, str):
        ok = isinstance(value, str)
    elif isinstance(default, tuple):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, dict)
    if not ok:
        raise ConfigError(f"'{name}' in {where} must be {_TOML_KINDS.get(type(default), 'a table')}, "
                          f"not {_TOML_KINDS.get(type(value), 'a ' + type(value).__name__)} ({value!r})")
    return value


# What a value is called in TOML, for errors ('must be a list of strings, not a string ("rss")').
_TOML_KINDS = {bool: "true or false", int: "a whole number", float: "a decimal number", str: "a string",
               tuple: "a list of strings", list: "a list", dict: "a table"}


def _parse_table(cls, table: Mapping[str, Any], where: str):
    valid = _public_fields(cls)
    values = {}
    for key, value in table.items():
        key = RENAMED.get(key, key)
        if key not in valid:
            raise _unknown(key, valid, where)
        if key in TABLES:
            if not isinstance(value, dict):
                raise ConfigError(f"'{key}' in {where} must be a table")
            values[key] = _parse_table(TABLES[key], value, f"[{key}]")
        elif key in FREE_TABLES:
            values[key] = _check_type(key, value, {}, where)
        else:
            default = cls.__dataclass_fields__[key].default
            values[key] = _check_type(key, value, default, where)
    return cls(**values)


def parse_config(mapping: Mapping[str, Any], *, site_dir: str = ".") -> SiteConfig:
    """Pure: a mapping (from TOML or tests) -> a validated SiteConfig."""
    mapping = dict(mapping)
    if isinstance(mapping.get("site"), dict):          # allow a [site] table as well as top-level keys
        inside = mapping.pop("site")
        both = sorted({RENAMED.get(k, k) for k in inside} & {RENAMED.get(k, k) for k in mapping})
        if both:
            raise ConfigError(f"'{both[0]}' is set twice, at the top and in [site]: keep one")
        mapping = {**inside, **mapping}
    config = _parse_table(SiteConfig, mapping, "site.toml")
    config = _ascii_hosts(replace(config, site_dir=site_dir, language=config.language.replace("_", "-")))
    validate(config)
    return config


def _ascii_hosts(config: SiteConfig) -> SiteConfig:
    """A domain in another script (https://أخبار.مصر/archive/, cname = "أخبار.مصر") as browsers,
    DNS and GitHub Pages know it: in IDNA's ASCII form (xn--...), so that the site's absolute URLs
    do not percent-encode the host as they do a path."""
    def ascii_host(host: str, key: str) -> str:
        try:
            return host.encode("idna").decode("ascii")
        except UnicodeError:
            raise ConfigError(f"{key} has a host that is not a domain name: {host!r}") from None
    url = urlsplit(config.base_url)
    if "://" in config.base_url and url.hostname and not url.hostname.isascii():
        netloc = ascii_host(url.hostname, "base_url") + (f":{url.port}" if url.port else "")
        config = replace(config, base_url=url._replace(netloc=netloc).geturl())
    if config.cname and not config.cname.isascii() and "/" not in config.cname:
        config = replace(config, cname=ascii_host(config.cname, "cname"))
    return config


def validate(config: SiteConfig) -> None:
    if "://" not in config.base_url:
        raise ConfigError(f"base_url must be absolute (https://host/path/), not {config.base_url!r}")
    url = urlsplit(config.base_url)
    if url.scheme not in ("http", "https") or not url.netloc or any(c.isspace() for c in config.base_url):
        raise ConfigError(f"base_url must be an http:// or https:// address with a host and no spaces "
                          f"(https://host/path/), not {config.base_url!r}")
    if "//" in url.path:
        raise ConfigError(f"base_url has an empty path segment ('//'), not a page's address: {config.base_url!r}")
    if not config.title.strip():
        raise ConfigError("title must not be empty: it names the site on every page and in its feeds")
    if not LANGUAGE_TAG.fullmatch(config.language):
        raise ConfigError(f"language must be a language tag such as ar, en, fr or ar-SA, not {config.language!r}")
    if config.cname and not CNAME.fullmatch(config.cname):
        raise ConfigError(f"cname must be a domain alone, such as news.example.com (no https:// or path), not {config.cname!r}")
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"unknown timezone {config.timezone!r} (use an IANA name such as Asia/Riyadh)") from None
    if config.paginate_by < 1:
        raise ConfigError("paginate_by must be at least 1")
    if config.slug_max_length < 1:
        raise ConfigError(f"slug_max_length must be at least 1, not {config.slug_max_length}")
    if config.related_count < 0:
        raise ConfigError(f"related_count must be 0 (none) or more, not {config.related_count}")
    if config.build.workers < 0:
        raise ConfigError(f"[build] workers must be 0 (all cores) or more, not {config.build.workers}")
    if config.build.size_warning_mb < 0:
        raise ConfigError(f"[build] size_warning_mb must be 0 or more, not {config.build.size_warning_mb}")
    _check_pattern("permalink", config.permalink, PERMALINK_FIELDS)
    _check_pattern("permalink_undated", config.permalink_undated, UNDATED_FIELDS)
    if "{slug}" not in config.permalink or "{slug}" not in config.permalink_undated:
        raise ConfigError("permalink patterns must contain {slug}")
    if config.untitled not in ("skip", "first-line"):
        raise ConfigError(f"untitled must be 'skip' or 'first-line', not {config.untitled!r}")
    if config.duplicates not in ("keep-first", "keep-all"):
        raise ConfigError(f"duplicates must be 'keep-first' or 'keep-all', not {config.duplicates!r}")
    if config.feeds.limit < 1:
        raise ConfigError("[feeds] limit must be at least 1")
    unknown = [f for f in config.feeds.term_formats if f not in FEED_FILES]
    if unknown:
        raise ConfigError(f"[feeds] term_formats: unknown format {unknown[0]!r} (use \"rss\", \"atom\" or \"json\")")


LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")      # BCP 47's common shape (ar, en-GB, zh-Hant-TW)
CNAME = re.compile(r"(?=.{1,253}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,62}")
PERMALINK_FIELDS = ("year", "month", "day", "slug", "category")
UNDATED_FIELDS = ("slug", "category")          # (an undated article has no year, month or day)


def _check_pattern(key: str, pattern: str, known: tuple[str, ...]) -> None:
    """Every {placeholder} of a permalink pattern is one it can be filled with."""
    names = " ".join(f"{{{name}}}" for name in known)
    try:
        parts = list(string.Formatter().parse(pattern))
    except ValueError as exc:                 # a lone "{" or "}"
        raise ConfigError(f"{key} {pattern!r}: {exc} (placeholders: {names})") from None
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if name not in known or spec or conversion:
            whole = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            why = "is not known for an undated article" if name in PERMALINK_FIELDS and not (spec or conversion) \
                else "is not a placeholder"
            raise ConfigError(f"{key} {pattern!r}: {whole} {why}; the placeholders are {names}")


def with_overrides(config: SiteConfig, **overrides: Any) -> SiteConfig:
    """Command-line flags win over the file: the config a build uses. Its content folder must be
    there (it may be empty): a misspelt folder would otherwise build an empty site."""
    build = {k: overrides.pop(k) for k in ("workers", "strict") if overrides.get(k) is not None}
    overrides = {k: v for k, v in overrides.items() if v is not None}
    content_given = "content_dir" in overrides
    config = replace(config, **overrides)
    if build:
        config = replace(config, build=replace(config.build, **build))
    config = _ascii_hosts(config)
    validate(config)
    if not config.content_path.is_dir():
        origin = "--content" if content_given else f"content_dir = {config.content_dir!r}" \
            if config.content_dir != "content" else "the default content_dir"
        raise ConfigError(f"content folder not found ({origin})", path=str(config.content_path))
    return config


def load_config(site_dir: str | Path = ".") -> SiteConfig:
    """Read SITE_DIR/site.toml (optional: a folder with only content/ builds with the defaults)."""
    site_dir = Path(site_dir).resolve()
    if not site_dir.is_dir():
        raise ConfigError(f"{site_dir}: site folder not found")
    path = site_dir / "site.toml"
    if not path.exists():
        return parse_config({}, site_dir=str(site_dir))
    try:
        mapping = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read: {exc}", path=str(path)) from None
    try:
        config = parse_config(mapping, site_dir=str(site_dir))
    except ConfigError as exc:
        raise ConfigError(exc.message, path=str(path)) from None
    looked = theme_roots(config)
    if not any(folder.is_dir() for folder in looked):
        raise ConfigError(f"theme {config.theme!r} not found: looked in {' and '.join(map(str, looked))}", path=str(path))
    return config


def theme_roots(config: SiteConfig) -> list[Path]:
    """Where the theme's folder may be: the site's themes/, then the bundled themes."""
    return [config.root / "themes" / config.theme, BUNDLED_THEMES / config.theme]


def documented_keys() -> list[str]:
    """Every key a user can set, as "key" or "table.key" (used by the docs test)."""
    keys = []
    for name, f in _public_fields(SiteConfig).items():
        if name in TABLES:
            keys += [f"{name}.{sub}" for sub in _public_fields(TABLES[name])]
        else:
            keys.append(name)
    return keys
