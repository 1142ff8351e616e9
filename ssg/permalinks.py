"""The slug map: ``permalinks.toml`` in the site folder pins each published article's URL.

The build only *reads* it (it is an input like content/, so a clean build and an incremental
build agree). ``ssg pin`` writes it: it adds the URL of every article not yet pinned, and when
an article's front matter asks for a different ``permalink`` than its pinned one it moves the pin
and records the old URL under ``[redirects]`` so that a redirect page stays behind.

    [articles]                       # pin key (content path; see pin_key) -> URL, site-relative
    "raw/reference.txt" = "2021/09/بعد-أسبوع/"
    "dump.jsonl#https://example.com/a/1" = "2015/07/خبر/"
    [redirects]                      # old URL -> new URL
    "2021/09/old-title/" = "2021/09/بعد-أسبوع/"
"""
from __future__ import annotations

import json
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConfigError

FILE = "permalinks.toml"


@dataclass(frozen=True, slots=True)
class Permalinks:
    articles: dict = field(default_factory=dict)
    redirects: dict = field(default_factory=dict)


def load(site_dir: Path) -> Permalinks:
    path = site_dir / FILE
    if not path.exists():
        return Permalinks()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid TOML: {exc}", path=str(path)) from None
    unknown = set(data) - {"articles", "redirects"}
    if unknown:
        raise ConfigError(f"unknown table {sorted(unknown)[0]!r}; expected [articles] and [redirects]", path=str(path))
    clean = lambda table: {str(k): str(v).strip("/") + "/" for k, v in data.get(table, {}).items()}
    return Permalinks(articles=clean("articles"), redirects=clean("redirects"))


def pin_key(a) -> str:
    """What an article's pin is filed under: its key, the content file's path; for a row of a
    dataset dump that gives its article's address (``source_url``), the path and that address
    (``dump.jsonl#https://...``), not the row's line (``dump.jsonl#L12``), which every row
    inserted or removed above it moves: the pin would go to another row."""
    return f"{a.source_path}#{a.source_url}" if a.source_url and a.key != a.source_path else a.key


def by_article(pins: dict[str, str], articles) -> dict[str, str]:
    """The pinned URLs by article key (what ``assemble`` looks them up by). A row pinned by its
    line before rows were pinned by URL keeps that pin until ``ssg pin`` files it anew (``updated``)."""
    if not pins:
        return {}
    found = {}
    for a in articles:
        url = pins.get(pin_key(a)) or pins.get(a.key)
        if url is not None:
            found[a.key] = url
    return found


def updated(current: Permalinks, urls: dict[str, str], wanted: dict[str, str | None],
            refiled: dict[str, str] | None = None) -> Permalinks:
    """Pin every article's URL; an explicit new permalink moves the pin and leaves a redirect.
    ``urls`` and ``wanted`` are by pin key (``pin_key``). ``refiled``: article key -> pin key of
    the rows whose pin is now filed by URL: a pin under the article key moves there."""
    articles, redirects = dict(current.articles), dict(current.redirects)
    for key, new_key in (refiled or {}).items():
        if key in articles and new_key not in articles:
            articles[new_key] = articles.pop(key)
    for key, url in sorted(urls.items()):
        explicit = wanted.get(key)
        old = articles.get(key)
        if old and explicit and explicit.strip("/") + "/" != old:
            redirects[old] = explicit.strip("/") + "/"
            articles[key] = explicit.strip("/") + "/"
        elif not old:
            articles[key] = url
    return Permalinks(articles=articles, redirects=redirects)


def dump(links: Permalinks) -> str:
    q = lambda s: json.dumps(s, ensure_ascii=False)     # a TOML basic string is a JSON string
    lines = ["# Pinned article URLs: commit this file. Written by `ssg pin`; see docs/permalinks.md.", "", "[articles]"]
    lines += [f"{q(k)} = {q(v)}" for k, v in sorted(links.articles.items())]
    lines += ["", "[redirects]"] + [f"{q(k)} = {q(v)}" for k, v in sorted(links.redirects.items())]
    return "\n".join(lines) + "\n"


def save(site_dir: Path, links: Permalinks) -> Path:
    path = site_dir / FILE
    tmp = path.with_suffix(".toml.tmp")
    tmp.write_text(dump(links), encoding="utf-8")
    tmp.replace(path)
    return path
