"""Stage 6: put bytes in output/ so that a failed build leaves the last good site in place.

Workers write changed files into a staging folder inside output/ (``.ssg-staging/``); only after
every job has succeeded does ``commit`` move them into place with ``os.replace`` and ``prune``
remove outputs that are no longer planned. A file whose bytes are already identical is not
written at all, so mtimes and deploy diffs stay small.
"""
from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from .config import SiteConfig
from .errors import OutputError
from .model import WriteResult

STAGING = ".ssg-staging"


def check_output_safe(config: SiteConfig) -> Path:
    """Refuse an output folder that is /, the home folder, the site folder or holds content/."""
    out = config.output_path
    root = config.root.resolve()
    content = config.content_path
    home = Path.home().resolve()
    if out == Path(out.anchor) or out == home or out == root:
        raise OutputError(f"refusing to use {out} as the output folder (it would replace the {'site folder' if out == root else 'folder'})")
    if content == out or content.is_relative_to(out):
        raise OutputError(f"refusing output folder {out}: it contains the content folder {content}")
    if out.is_relative_to(content):
        raise OutputError(f"refusing output folder {out}: it is inside the content folder {content}")
    if (root / "templates").resolve().is_relative_to(out) or (root / "site.toml").resolve().is_relative_to(out):
        raise OutputError(f"refusing output folder {out}: it contains the site's own files")
    if out.exists() and not out.is_dir():
        raise OutputError(f"output path {out} exists and is not a folder")
    return out


def prepare(out: Path) -> Path:
    staging = out / STAGING
    if staging.exists():
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    return staging


def staged_name(rel: str) -> str:
    """Staged files sit flat in one folder: creating (and removing) a mirror tree of folders
    costs more than writing the files on some file systems."""
    return hashlib.blake2b(rel.encode(), digest_size=12).hexdigest()


def write_output(out: Path, staging: Path, rel: str, data: bytes, fingerprint: str) -> WriteResult:
    """Stage ``data`` for ``rel`` unless output/rel already holds exactly these bytes."""
    target = out / rel
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return WriteResult(output=rel, fingerprint=fingerprint, written=False, size=len(data))
    except OSError:
        pass
    (staging / staged_name(rel)).write_bytes(data)
    return WriteResult(output=rel, fingerprint=fingerprint, written=True, size=len(data))


def commit(out: Path, staging: Path, written: list[str]) -> None:
    """Move every staged file into place (each os.replace is atomic), then drop the staging folder."""
    made: set[str] = set()
    for rel in sorted(written):
        parent = os.path.dirname(rel)
        if parent and parent not in made:
            os.makedirs(out / parent, exist_ok=True)
            made.add(parent)
        os.replace(staging / staged_name(rel), out / rel)
    shutil.rmtree(staging, ignore_errors=True)


def abort(staging: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)


def existing_outputs(out: Path) -> set[str]:
    """Every file under output/ (relative, POSIX), the staging folder left out."""
    found: set[str] = set()
    stack = [(str(out), "")]
    while stack:
        path, prefix = stack.pop()
        try:
            entries = os.scandir(path)
        except OSError:
            continue
        with entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    if not (prefix == "" and entry.name == STAGING):
                        stack.append((entry.path, prefix + entry.name + "/"))
                else:
                    found.add(prefix + entry.name)
    return found


def prune(out: Path, remove: set[str]) -> None:
    """Delete outputs that are no longer planned, and the folders they leave empty."""
    dirs = set()
    for rel in remove:
        (out / rel).unlink(missing_ok=True)
        dirs.update(Path(rel).parents)
    for d in sorted((d for d in dirs if str(d) != "."), key=lambda p: len(p.parts), reverse=True):
        try:
            (out / d).rmdir()
        except OSError:
            pass
