"""``ssg inspect``: the record the build would use for each file, as JSON lines or a summary.

It runs the build's own read step (``read.extractions``) with the site's settings, so what it
prints is what the build uses: extraction, front matter and sidecar overrides included.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator

from . import extract, read, scan
from .config import SiteConfig
from .errors import ContentError, printable
from .model import SourceFile

SUMMARY_FIELDS = ("title", "published", "category", "section", "source", "author", "dek", "language", "encoding")


def _files(path: Path, config: SiteConfig) -> Iterator[tuple[Path, str]]:
    """(root, rel_path) of every content file at or under ``path``."""
    if path.is_dir():
        for rel in scan.walk(path, config.ignore):
            if scan.kind_of(rel) == "content":
                yield path, rel
    else:
        yield path.parent, path.name


def _sidecar(root: Path, rel: str) -> str | None:
    return next((name for name in scan.sidecar_names(rel) if (root / name).is_file()), None)


def inspect_paths(paths: list[Path], config: SiteConfig, *, explain: bool = False) -> Iterator[tuple[dict, str]]:
    for path in paths:
        if not path.exists():
            record = extract.to_record(str(path), extract.ExtractError("not_found", "no such file or folder"))
            yield record, printable(f"{path}: error: no such file or folder")
            continue
        for root, rel in _files(path, config):
            shown = str(root / rel) if path.is_dir() else str(path)
            source = SourceFile(rel_path=rel, stamp="", sidecar=_sidecar(root, rel))
            try:
                data, sidecar = scan.load(root, source)
                items = read.extractions(source, data, sidecar, config)
            except extract.ExtractError as exc:
                items = [(None, exc, {})]
            except ContentError as exc:
                items = [(None, extract.ExtractError("unreadable", exc.message, line=exc.line), {})]
            except OSError as exc:
                items = [(None, extract.ExtractError("unreadable", f"cannot read: {exc.strerror}"), {})]
            for line, item, _extra in items:
                name = shown if line is None else f"{shown}#L{line}"
                record = extract.to_record(name, item)
                yield record, summary(record, explain=explain)


def summary(record: dict, *, explain: bool) -> str:
    if record.get("error"):
        err = record["error"]
        where = f":{err['line']}" if err.get("line") else ""
        return printable(f"{record['path']}{where}: error: {err['message']}")
    lines = [record["path"]]
    for name in SUMMARY_FIELDS:
        value = record.get(name)
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
