"""``ssg inspect``: the record the build would use for each file, as JSON lines or a summary.

It runs the build's own read step with the site's settings: ``read.extractions`` (extraction,
front matter and sidecar overrides, the ``[extract]`` rules and profiles) and ``read.article_of``
(the headline fallback of ``untitled``, and what the build skips or leaves out as a draft). A file
inside the site's content folder is read under its path there, as the build reads it, so a
profile's ``paths`` apply; the site is the one given with ``--site``, or else the nearest folder
above the first path that holds a site.toml.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from . import extract, read, scan
from .config import SiteConfig
from .errors import ContentError, printable
from .model import SourceFile

SUMMARY_FIELDS = ("title", "published", "category", "section", "tags", "source", "author", "dek", "language", "encoding")


def find_site(paths: list[Path]) -> Path:
    """The nearest folder at or above the first path that holds a site.toml; else the current folder."""
    if paths:
        start = paths[0].resolve()
        for folder in ([start] if start.is_dir() else []) + list(start.parents):
            if (folder / "site.toml").is_file():
                return folder
    return Path(".")


def _sources(path: Path, config: SiteConfig) -> Iterator[tuple[Path, SourceFile, str]]:
    """(root, source, shown name) of every content file at or under ``path``: relative to the
    content folder when inside it (as the build names them), else to ``path``'s own folder."""
    content = config.content_path
    resolved = path.resolve()
    inside = resolved == content or resolved.is_relative_to(content)
    if path.is_dir():
        prefix = resolved.relative_to(content).as_posix() + "/" if inside and resolved != content else ""
        found, _ = scan.scan(resolved, config.ignore, {})
        for source in found:
            rel = prefix + source.rel_path
            sidecar = prefix + source.sidecar if source.sidecar else None
            yield (content if inside else resolved), SourceFile(rel_path=rel, stamp=source.stamp, sidecar=sidecar), \
                str(path / source.rel_path)
    else:
        root = content if inside else resolved.parent
        rel = resolved.relative_to(root).as_posix()
        if scan.kind_of(rel) == "sidecar":          # the article it overrides, if one does take it
            article = _article_of_sidecar(resolved, config)
            if article is not None:
                folder = rel.rpartition("/")[0]
                rel, path = (f"{folder}/" if folder else "") + article, path.parent / article
        sidecar = next((name for name in scan.sidecar_names(rel) if (root / name).is_file()), None) \
            if scan.kind_of(rel) == "content" else None
        yield root, SourceFile(rel_path=rel, stamp="", sidecar=sidecar), str(path)


def _article_of_sidecar(path: Path, config: SiteConfig) -> str | None:
    """The name of the content file beside ``path`` whose sidecar it is, as ``scan`` pairs them."""
    names = set(os.listdir(path.parent))
    pairs = scan.pair_sidecars(sorted(n for n in names if scan.kind_of(n) == "content" and not scan.is_ignored(n, config.ignore)),
                               names.__contains__)
    return next((name for name, sidecar in pairs.items() if sidecar == path.name), None)


def inspect_paths(paths: list[Path], config: SiteConfig, *, explain: bool = False) -> Iterator[tuple[dict, str]]:
    for path in paths:
        if not path.exists():
            record = extract.to_record(str(path), extract.ExtractError("not_found", "no such file or folder"))
            yield record, summary(record, explain=explain)
            continue
        for root, source, shown in _sources(path, config):
            for record in records(root, source, shown, config):
                yield record, summary(record, explain=explain)


def records(root: Path, source: SourceFile, shown: str, config: SiteConfig) -> list[dict]:
    """The build's reading of one content file: a record for each article, each with ``draft``;
    one the build skips carries an ``error`` (code ``skipped`` when read but left out)."""
    if scan.kind_of(source.rel_path) == "sidecar":       # a sidecar no article takes
        return [extract.to_record(shown, extract.ExtractError("ignored", read.unused_sidecar(source.rel_path))) | {"draft": False}]
    try:
        data, sidecar = scan.load(root, source)
        items = read.extractions(source, data, sidecar, config)
    except extract.ExtractError as exc:
        if exc.code == "bad_sidecar" and source.sidecar:      # (the sidecar's fault: named, with its line)
            where = source.sidecar + (f":{exc.line}" if exc.line else "")
            exc = extract.ExtractError(exc.code, f"{where}: {read.unprefixed(exc.message, source.sidecar)}")
        items = [(None, exc, {})]
    except ContentError as exc:
        items = [(None, extract.ExtractError("unreadable", exc.message, line=exc.line), {})]
    except OSError as exc:
        items = [(None, extract.ExtractError("unreadable", f"cannot read: {exc.strerror or exc}"), {})]
    out = []
    for line, item, extra in items:
        name = shown if line is None else f"{shown}#L{line}"
        if isinstance(item, extract.ExtractError):
            record = extract.to_record(name, item)
            record["error"]["message"] = read.unprefixed(item.message, source.rel_path)
        else:
            key = source.rel_path if line is None else f"{source.rel_path}#L{line}"
            try:
                used, article, _body, _terms, warnings = read.article_of(key, source, item, extra, config)
            except ContentError as exc:
                record = extract.to_record(name, read.titled(item, config))
                record["error"] = {"code": "skipped", "message": exc.message, "line": exc.line}
            else:
                record = extract.to_record(name, used)
                record["warnings"] = list(warnings)
                record["draft"] = article.draft
        record.setdefault("draft", False)
        out.append(record)
    return out


def summary(record: dict, *, explain: bool) -> str:
    if record.get("error"):
        err = record["error"]
        where = f":{err['line']}" if err.get("line") and "#L" not in record["path"] else ""   # (a row: d.csv#L3)
        return printable(f"{record['path']}{where}: skipped: {err['message']}")
    lines = [record["path"]]
    if record.get("draft"):
        lines.append(f"  {'draft':<12} true: left out of the build")
    for name in SUMMARY_FIELDS:
        value = record.get(name)
        if name == "tags":
            value = ", ".join(value) if value else None
        if value is None:
            continue
        how = record["evidence"].get(name) if explain else None
        note = f"    [{how['rule']}" + (f", line {how['line']}" if how.get("line") else "") + "]" if how else ""
        lines.append(f"  {name:<12} {value}{note}")
    if record.get("subheadings"):
        lines.append(f"  {'subheadings':<12} {' | '.join(record['subheadings'])}")
    paragraphs = record.get("paragraphs") or []
    lines.append(f"  {'paragraphs':<12} {len(paragraphs)}" + (f": {paragraphs[0][:70]}…" if paragraphs else ""))
    for warning in record.get("warnings") or []:
        lines.append(f"  warning      {warning}")
    return "\n".join(map(printable, lines))
