"""Stage 1: walk content/ and stat every file; reuse the cached digest when the stamp matches.

Only stats here: the bytes are read (and hashed) by read.py in worker processes, from the same
open file, so the digest always describes the bytes that were parsed (the stat is taken first:
an edit racing the build shows up as a changed stamp next time).
"""
from __future__ import annotations

import bisect
import errno
import fnmatch
import itertools
import os
import re
import stat
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, Mapping

from .errors import printable
from .model import SIDECAR_SUFFIXES, SourceFile

CONTENT_SUFFIXES = (".md", ".markdown", ".txt", ".html", ".htm", ".jsonl", ".csv")
ASSET_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".pdf", ".mp3", ".mp4", ".webm")


def is_ignored(rel_path: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(part, pat) for part in rel_path.split("/") for pat in patterns)


def kind_of(rel_path: str) -> str | None:
    """"content", "sidecar", "asset" or None (ignored) for a path under content/."""
    low = rel_path.lower()
    if low.endswith(SIDECAR_SUFFIXES):
        return "sidecar"
    if low.endswith(CONTENT_SUFFIXES):
        return "content"
    if low.endswith(ASSET_SUFFIXES):
        return "asset"
    return None


def sidecar_names(rel_path: str) -> tuple[str, ...]:
    """The sidecar names a content file may have: "a/x.txt" -> ("a/x.meta.toml", "a/x.meta.json")."""
    base = rel_path.rsplit(".", 1)[0]
    return tuple(base + suffix for suffix in SIDECAR_SUFFIXES)


def _stamp(st: os.stat_result) -> str:
    return f"{st.st_mtime_ns}:{st.st_size}"


def size_of(source: SourceFile) -> int:
    """A source's size in bytes, from its stamp ("mtime:size", then "|" and its sidecar's; "!"
    and a problem for an unusable entry: 0)."""
    if not source.stamp or source.stamp[0] == "!":
        return 0
    return int(source.stamp.split("|", 1)[0].rpartition(":")[2])


def pair_sidecars(contents: Iterable[str], present: Callable[[str], bool]) -> dict[str, str]:
    """Content file -> its sidecar: the first of ``sidecar_names`` that is ``present``."""
    pairs = {}
    for rel in contents:
        sidecar = next((name for name in sidecar_names(rel) if present(name)), None)
        if sidecar:
            pairs[rel] = sidecar
    return pairs


class Unusable:
    """In a walk's result, in place of a stat: an entry that cannot be used, and why (a file name
    that is not UTF-8, a symlink loop, a file that cannot be stat'ed, a folder that cannot be listed).
    ``scan`` makes each one a source that ``load`` refuses, so the read stage reports it as a
    skipped file and the build goes on."""

    __slots__ = ("problem",)
    st_mtime_ns = st_size = st_mode = 0

    def __init__(self, problem: str):
        self.problem = problem

    def __repr__(self) -> str:
        return f"Unusable({self.problem!r})"


def _utf8(name: str) -> bool:
    """Whether a name from the file system is text (os.fsdecode makes bytes that are not UTF-8 lone surrogates)."""
    try:
        name.encode("utf-8")
        return True
    except UnicodeEncodeError:
        return False


NOT_UTF8 = "its name is not valid UTF-8 (rename it)"


def walk(root: Path, ignore: tuple[str, ...]) -> dict[str, os.stat_result | Unusable]:
    """rel_path -> stat for every regular file under root (sorted by path, ignored parts skipped).
    An entry that cannot be used is an ``Unusable`` (a folder's rel_path then ends in "/"); its
    name, when not UTF-8, is given with the bytes escaped (``errors.printable``)."""
    ignored = re.compile("|".join(fnmatch.translate(pat) for pat in ignore)).match if ignore else None
    found: dict[str, os.stat_result | Unusable] = {}
    stack = [""]
    while stack:
        rel_dir = stack.pop()
        prefix = rel_dir + "/" if rel_dir else ""
        try:
            entries = os.scandir(root / rel_dir)
        except FileNotFoundError:
            continue
        except OSError as exc:
            if rel_dir:                        # (a folder the user cannot list: its files are not built)
                found[prefix] = Unusable(f"{exc.strerror or exc}: the folder's files are skipped")
            continue
        with entries:
            for entry in entries:
                name = entry.name
                if ignored and ignored(name):
                    continue
                if not name.isascii() and not _utf8(name):      # (isascii: a C test, ~10x cheaper than encoding)
                    found[prefix + printable(name) + ("/" if _is_dir(entry) else "")] = Unusable(NOT_UTF8)
                    continue
                try:
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(prefix + name)
                    elif entry.is_file():
                        found[prefix + name] = entry.stat()
                except OSError as exc:         # a symlink loop; a folder without x permission
                    found[prefix + name] = Unusable(exc.strerror or str(exc))
    return dict(sorted(found.items()))


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def rewalk(root: Path, ignore: tuple[str, ...], previous: dict[str, os.stat_result], changed: set[str]) -> dict[str, os.stat_result]:
    """``walk``'s result, from the last one and the paths (relative to root) that changed since:
    each changed file is stat'ed again, each changed folder walked again, and what is gone is
    dropped. ssg watch passes the paths its observer saw; the result is what ``walk`` would give."""
    files = dict(previous)
    gone, names = [], None
    for rel in changed:
        if rel not in files:
            names = list(previous) if names is None else names        # (sorted, as walk gives them)
            i = bisect.bisect_left(names, rel + "/")
            if i < len(names) and names[i].startswith(rel + "/"):
                gone.append(rel + "/")         # a folder that was walked: its files go, and come back below
    if gone:
        prefixes = tuple(gone)
        files = {k: v for k, v in files.items() if not k.startswith(prefixes)}
    moved = bool(gone)                         # whether files came or went (then the order is made again)
    for rel in changed:
        if is_ignored(rel, ignore):
            continue
        if not _utf8(rel):
            moved = True
            files[printable(rel)] = Unusable(NOT_UTF8)
            continue
        path = root / rel
        try:
            if stat.S_ISDIR(os.lstat(path).st_mode):
                files.update((f"{rel}/{k}", v) for k, v in walk(path, ignore).items())
                moved = True
                continue
            st = path.stat()                   # like walk: a link to a file counts, with the file's stat
        except FileNotFoundError:
            moved = files.pop(rel, None) is not None or moved
            continue
        except OSError as exc:                 # a symlink loop, a folder without x permission: as walk gives it
            moved = moved or rel not in files
            files[rel] = Unusable(exc.strerror or str(exc))
            continue
        if stat.S_ISREG(st.st_mode):
            moved = moved or rel not in files
            files[rel] = st                    # an edit keeps its place
        else:
            moved = files.pop(rel, None) is not None or moved
    if not moved:
        return files                           # edits only: still in sorted order
    return dict(sorted(files.items()))


def scan(root: Path, ignore: tuple[str, ...], known: Mapping[str, tuple[str, str]],
         files: dict[str, os.stat_result] | None = None) -> tuple[tuple[SourceFile, ...], tuple[SourceFile, ...]]:
    """-> (content sources, assets). ``known`` is the cache's rel_path -> (stamp, digest);
    ``files``: the walk of root when the caller has it already (``rewalk``).

    A source keeps its cached digest only when its stamp is unchanged; otherwise its digest is
    "" and read.py reads and hashes it.
    """
    files = walk(root, ignore) if files is None else files
    kinds = {rel: kind_of(rel) for rel in files}
    sidecar_of = pair_sidecars((rel for rel, kind in kinds.items() if kind == "content" and type(files[rel]) is not Unusable),
                               lambda name: name in files and type(files[name]) is not Unusable) \
        if "sidecar" in kinds.values() else {}
    used = set(sidecar_of.values())
    sources, assets = [], []
    for rel, st in files.items():
        kind = kinds[rel]
        if type(st) is Unusable:
            if kind is not None or rel.endswith("/"):        # (what ssg would not use is not reported)
                sources.append(_source(rel, st, known))
        elif kind == "content":
            sidecar = sidecar_of.get(rel)
            sources.append(_source(rel, st, known, sidecar, files[sidecar] if sidecar else None))
        elif kind == "asset":
            assets.append(SourceFile(rel_path=rel, stamp=_stamp(st)))
        elif kind == "sidecar" and rel not in used:
            sources.append(_source(rel, st, known))          # overrides nothing: read.py says so (a typo in its name)
    return tuple(sources), tuple(assets)


def rescan(files: dict[str, os.stat_result], known: Mapping[str, tuple[str, str]],
           last_files: dict[str, os.stat_result], last: dict[str, tuple[SourceFile, bool]]) -> tuple[tuple, tuple] | None:
    """``scan`` after ``rewalk`` (ssg watch). ``last``: rel -> (record, is content) of the last
    scan. A file whose stat is the very object of the last walk (rewalk keeps the entries it did
    not stat again) keeps its record, unless that content record had no digest yet. None when a
    sidecar is among the files looked at, or may have gained or lost its article: then ``scan``
    decides in full."""
    sources, assets = [], []
    for rel, st in files.items():
        record = last.get(rel)
        if record is not None and record[0].sidecar:
            return None
        if last_files.get(rel) is st:
            if record is None:
                if kind_of(rel) == "sidecar":
                    return None                            # its article may be gone: it may override nothing now
                continue                                   # neither content nor asset
            if not record[1]:
                assets.append(record[0])
                continue
            if record[0].digest:
                sources.append(record[0])
                continue
        kind = kind_of(rel)
        if type(st) is Unusable:
            if kind is not None or rel.endswith("/"):
                sources.append(_source(rel, st, known))
                last[rel] = (sources[-1], True)
            continue
        if kind == "sidecar":
            return None
        if kind == "content":
            if any(name in files for name in sidecar_names(rel)):
                return None                                # (a new file beside a sidecar that overrode nothing)
            sources.append(_source(rel, st, known))
            last[rel] = (sources[-1], True)
        elif kind == "asset":
            assets.append(SourceFile(rel_path=rel, stamp=_stamp(st)))
            last[rel] = (assets[-1], False)
    return tuple(sources), tuple(assets)


def records(sources: tuple[SourceFile, ...], assets: tuple[SourceFile, ...]) -> dict[str, tuple[SourceFile, bool]]:
    """rel -> (record, is content): what ``rescan`` starts from."""
    found = {s.rel_path: (s, True) for s in sources}
    found.update((a.rel_path, (a, False)) for a in assets)
    return found


def patch(root: Path, last_scan: tuple[tuple, tuple], files: dict[str, os.stat_result], known: Mapping[str, tuple[str, str]],
          last_files: dict[str, os.stat_result], last: dict[str, tuple[SourceFile, bool]], where: dict[str, int],
          rels: set[str]) -> tuple[tuple, tuple] | None:
    """``rescan`` for the common watch cases, in O(changes) but for copies of the sources tuple:
    files edited, added or deleted, every changed path a file and no sidecar among them.
    ``where``: rel -> index in last scan's sources (kept up to date here); ``rels`` must also hold
    the content files whose last record had no digest yet. None when the case does not apply
    (then ``rescan``)."""
    sources, assets = last_scan
    gone, came = [], []
    for rel in rels:
        st = files.get(rel)
        if type(st) is Unusable:
            return None                        # (rescan makes it a skipped source)
        if st is None:
            if rel in last_files:
                gone.append(rel)
            elif (root / rel).is_dir():
                return None                    # a folder: its files may have changed unreported
            continue                           # a temporary or ignored file, come and gone
        if rel not in last_files:
            came.append(rel)
            continue
        record = last.get(rel)
        if st is last_files[rel] and (record is None or not record[1] or record[0].digest):
            continue
        if record is not None and record[0].sidecar:
            return None
        kind = kind_of(rel)
        if kind == "content" and rel in where:
            new = _source(rel, st, known)
            sources = sources[:where[rel]] + (new,) + sources[where[rel] + 1:]
            last[rel] = (new, True)
        elif kind == "asset":
            new = SourceFile(rel_path=rel, stamp=_stamp(st))
            assets = tuple(new if a.rel_path == rel else a for a in assets)
            last[rel] = (new, False)
        elif kind is not None:
            return None                        # a sidecar, or a file that was not content before
    if len(files) != len(last_files) + len(came) - len(gone):
        return None                            # files came or went unreported (a folder moved)
    if not gone and not came:
        return sources, assets
    if any(kind_of(rel) == "sidecar" or (rel in last and last[rel][0].sidecar) for rel in gone) or \
            any(kind_of(rel) == "sidecar" or any(name in files for name in sidecar_names(rel)) for rel in came):
        return None                            # a sidecar came or went, or a file with one: scan decides
    listed = list(sources)
    for i in sorted((where[rel] for rel in gone if rel in where), reverse=True):
        del listed[i]
    gone_assets = {rel for rel in gone if rel in last and not last[rel][1]}
    other = [a for a in assets if a.rel_path not in gone_assets] if gone_assets else list(assets)
    for rel in gone:
        last.pop(rel, None)
    for rel in came:
        kind = kind_of(rel)
        if kind is not None:
            new = _source(rel, files[rel], known) if kind == "content" else SourceFile(rel_path=rel, stamp=_stamp(files[rel]))
            bisect.insort(listed if kind == "content" else other, new, key=_REL)
            last[rel] = (new, kind == "content")
    where.clear()
    where.update(zip(map(_REL, listed), itertools.count()))
    return tuple(listed), tuple(other)


_REL = attrgetter("rel_path")


def _source(rel: str, st: os.stat_result, known: Mapping[str, tuple[str, str]], sidecar: str | None = None,
            sidecar_st: os.stat_result | None = None) -> SourceFile:
    """A content file's record: its cached digest while its stamp (its own and its sidecar's) is
    the cached one. An ``Unusable`` entry's stamp is "!" and its problem, which ``load`` raises."""
    if type(st) is Unusable:
        return SourceFile(rel_path=rel, stamp="!" + st.problem)
    stamp = _stamp(st) + (f"|{_stamp(sidecar_st)}" if sidecar else "")
    cached = known.get(rel)
    return SourceFile(rel_path=rel, stamp=stamp, digest=cached[1] if cached and cached[0] == stamp else "", sidecar=sidecar)


def load(root: Path, source: SourceFile) -> tuple[bytes, bytes | None]:
    """The bytes of a content file and of its sidecar (None when it has none). OSError for a file
    that cannot be read, and for an entry the walk found unusable (``Unusable``)."""
    if source.stamp and source.stamp[0] == "!":
        raise OSError(errno.EIO, source.stamp[1:])
    data = _read(os.path.join(root, source.rel_path))
    sidecar = _read(os.path.join(root, source.sidecar)) if source.sidecar else None
    return data, sidecar


def _read(path: str) -> bytes:
    """``Path(path).read_bytes()`` unbuffered and without a Path: ~11 instead of ~20 µs a file,
    100,000 times in a cold build."""
    with open(path, "rb", buffering=0) as f:
        return f.read()
