"""The persistent state in .ssg-cache/cache.sqlite: source stamps, read results, bodies, search
terms, outputs; and beside it the search index's working state (``IndexStore``, search-index.pickle).

- Keys are content digests, never mtimes alone (``git checkout`` resets every mtime).
- The whole store is dropped when the schema, ssg or Python version changes, or when the file is
  unreadable: a cache is never trusted across versions, and a broken one is discarded with a warning.
- The parent is the only writer; workers open it read-only (``BodyStore``) to fetch bodies.
- Writes go in two transactions per build: read results, bodies and terms once reading is done (so the
  render workers can see them), the source stamps and output fingerprints once the outputs are in place.
"""
from __future__ import annotations

import functools
import os
import pickle
import shutil
import sqlite3
import sys
import threading
import zlib
from pathlib import Path
from typing import Iterable

import zstandard

from .model import ReadResult

SCHEMA = 3                # 3: bodies and search terms packed with zstd (2: zlib)
FILE = "cache.sqlite"

_TABLES = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (rel_path TEXT PRIMARY KEY, stamp TEXT NOT NULL, digest TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reads (rel_path TEXT NOT NULL, digest TEXT NOT NULL, reader TEXT NOT NULL,
                                  result BLOB NOT NULL, PRIMARY KEY (rel_path, digest, reader));
CREATE TABLE IF NOT EXISTS bodies (digest TEXT PRIMARY KEY, html BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS terms (digest TEXT PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS outputs (output TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, size INTEGER NOT NULL);
"""


class CacheDamaged(Exception):
    """A row of the cache that cannot be decoded, or one that should be there and is not: the
    build discards the whole cache and builds again from scratch (``build.build``)."""


# What decoding a damaged pickle or packed body raises
_DAMAGE = (pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, KeyError, TypeError, ValueError,
           UnicodeDecodeError, zstandard.ZstdError)


def unpickled(blob: bytes, what: str):
    """``pickle.loads(blob)``, a blob that does not unpickle being CacheDamaged."""
    try:
        return pickle.loads(blob)
    except _DAMAGE as exc:
        raise CacheDamaged(f"a damaged {what} ({type(exc).__name__}: {exc})") from None


def discard(directory: Path) -> None:
    """Remove the whole cache (the database, the search index's state, compiled templates)."""
    shutil.rmtree(directory, ignore_errors=True)


def version_key(ssg_version: str) -> str:
    return f"schema={SCHEMA};ssg={ssg_version};python={sys.version_info[0]}.{sys.version_info[1]}"


class Cache:
    """The parent's read-write handle. ``warning`` says why an old cache was discarded, if it was."""

    def __init__(self, directory: Path, ssg_version: str):
        self.directory = directory
        self.path = directory / FILE
        self.warning: str | None = None
        directory.mkdir(parents=True, exist_ok=True)
        wanted = version_key(ssg_version)
        try:
            self.db = self._connect()
            found = self.db.execute("SELECT value FROM meta WHERE key='version'").fetchone()
            if found and found[0] != wanted:
                self.warning = f"{self.path}: cache from another version ({found[0]}) discarded"
                self._reset()
        except sqlite3.DatabaseError as exc:
            self.warning = f"{self.path}: unreadable cache discarded ({exc})"
            self._reset()
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('version', ?)", (wanted,))
        self.db.commit()

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level="DEFERRED")
        # 16 KB pages for a new file (an existing one keeps its own): a packed body (~2.4 KB) took
        # a 4 KB page nearly alone. The rows of the 10k bench cache inserted ten times over as a cold
        # 100k build does (bodies and terms 512 at a time, then the read results), alternated:
        # 4.0-4.7 -> 3.3-3.7 s of the parent's CPU, 535 -> 497 MB; a body's lookup the same (58-63 us).
        db.execute("PRAGMA page_size=16384")
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(_TABLES)
        db.execute("SELECT count(*) FROM sources").fetchone()   # touch the file: raises if corrupt
        return db

    def _reset(self) -> None:
        try:
            self.db.close()
        except Exception:
            pass
        for suffix in ("", "-wal", "-shm"):
            path = Path(str(self.path) + suffix)
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)             # (a folder where the file should be)
            else:
                path.unlink(missing_ok=True)
        self.db = self._connect()

    # -- sources and read results
    def source_stamps(self) -> dict[str, tuple[str, str]]:
        return {rel: (stamp, digest) for rel, stamp, digest in self.db.execute("SELECT rel_path, stamp, digest FROM sources")}

    def read_keys(self, reader: str, rel_paths: list[str] | None = None) -> frozenset[tuple[str, str]]:
        """Every (rel_path, digest) with a cached ReadResult for this reader version (only those
        of ``rel_paths`` when given: a watch build after one edit need not load 100k keys)."""
        if rel_paths is None:
            rows = self.db.execute("SELECT rel_path, digest FROM reads WHERE reader=?", (reader,))
            return frozenset((rel, digest) for rel, digest in rows)
        found = set()
        for rel in rel_paths:
            found.update(self.db.execute("SELECT rel_path, digest FROM reads WHERE reader=? AND rel_path=?", (reader, rel)))
        return frozenset(found)

    def read_result(self, reader: str, rel_path: str, digest: str) -> ReadResult:
        row = self.db.execute("SELECT result FROM reads WHERE rel_path=? AND digest=? AND reader=?",
                              (rel_path, digest, reader)).fetchone()
        if row is None:
            raise CacheDamaged(f"the read of {rel_path} is missing")
        return unpickled(row[0], f"read of {rel_path}")

    def reads(self, reader: str, wanted: set[tuple[str, str]]) -> Iterable[ReadResult]:
        """The cached ReadResults among ``wanted``, unpickled one row at a time (never all blobs at once)."""
        rows = self.db.execute("SELECT rel_path, digest, result FROM reads WHERE reader=?", (reader,))
        for rel, digest, blob in rows:
            if (rel, digest) in wanted:
                yield unpickled(blob, f"read of {rel}")

    def put_reads(self, reader: str, rows: Iterable[tuple[str, str, bytes]]) -> None:
        """(rel_path, digest, pickled ReadResult) rows: the read workers pickle, the parent only inserts."""
        self.db.executemany("INSERT OR REPLACE INTO reads VALUES (?, ?, ?, ?)",
                            ((rel, digest, reader, blob) for rel, digest, blob in rows))

    def put_bodies(self, bodies: Iterable[tuple[str, bytes]]) -> None:
        """(digest, ``pack_body(html)``) pairs: the read workers pack, the parent only inserts."""
        self.db.executemany("INSERT OR IGNORE INTO bodies VALUES (?, ?)", bodies)

    def put_terms(self, terms: Iterable[tuple[str, bytes]]) -> None:
        """(digest, ``pack_body(search terms)``) pairs, as ``put_bodies``."""
        self.db.executemany("INSERT OR IGNORE INTO terms VALUES (?, ?)", terms)

    def commit(self) -> None:
        self.db.commit()

    # -- outputs
    def output_names(self) -> list[str]:
        return [row[0] for row in self.db.execute("SELECT output FROM outputs")]

    def outputs(self) -> dict[str, tuple[str, int]]:
        """output -> (fingerprint, size) as of the last successful build."""
        return {o: (f, s) for o, f, s in self.db.execute("SELECT output, fingerprint, size FROM outputs")}

    def finish(self, *, sources: dict[str, tuple[str, str]], outputs: dict[str, tuple[str, int]], reader: str,
               live_reads: set[tuple[str, str]], live_bodies: set[str] | None, live_terms: set[str] | None = None,
               previous_sources: dict[str, tuple[str, str]], previous_outputs: dict[str, tuple[str, int]]) -> None:
        """Record this build: stamps, fingerprints; forget reads and bodies no source uses any more.

        Only the rows that changed are written, so an incremental build of a 100k archive does not
        rewrite 250k rows."""
        db = self.db
        _sync(db, "sources", sources, previous_sources)
        _sync(db, "outputs", outputs, previous_outputs)
        db.execute("DELETE FROM reads WHERE reader<>?", (reader,))
        # The reads of files that changed or went away; then a full sweep only when rows remain that
        # no source uses (a build that failed after reading leaves some), so an edit costs O(1) here.
        db.executemany("DELETE FROM reads WHERE rel_path=? AND digest=?",
                       [(rel, d) for rel, (_, d) in previous_sources.items() if (rel, d) not in live_reads])
        if db.execute("SELECT count(*) FROM reads WHERE reader=?", (reader,)).fetchone()[0] > len(live_reads):
            stale = [key for key in db.execute("SELECT rel_path, digest FROM reads WHERE reader=?", (reader,))
                     if tuple(key) not in live_reads]
            db.executemany("DELETE FROM reads WHERE rel_path=? AND digest=?", stale)
        # Bodies and terms are keyed by content, so a stale one is harmless: sweep once they are 5% over.
        for table, live in (("bodies", live_bodies), ("terms", live_terms)):
            if live is not None and db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] > len(live) * 1.05 + 20:
                db.execute("CREATE TEMP TABLE IF NOT EXISTS live (digest TEXT PRIMARY KEY)")
                db.execute("DELETE FROM live")
                db.executemany("INSERT OR IGNORE INTO live VALUES (?)", ((d,) for d in live))
                db.execute(f"DELETE FROM {table} WHERE digest NOT IN (SELECT digest FROM live)")
        db.commit()

    def last_build(self) -> tuple[str, bytes] | None:
        """(inputs key, pickled BuildReport) of the last successful build."""
        row = self.db.execute("SELECT value FROM meta WHERE key='last_key'").fetchone()
        blob = self.db.execute("SELECT value FROM meta WHERE key='last_report'").fetchone()
        return (row[0], blob[0]) if row and blob else None

    def set_last_build(self, key: str | None, report: bytes) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('last_key', ?)", (key or "",))
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('last_report', ?)", (report,))
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def _sync(db: sqlite3.Connection, table: str, new: dict[str, tuple], old: dict[str, tuple]) -> None:
    """Make ``table`` (key + two columns) hold ``new``, writing only the rows that differ from ``old``."""
    gone = [(k,) for k in old if k not in new]
    changed = [(k, *v) for k, v in new.items() if old.get(k) != v]
    key = "rel_path" if table == "sources" else "output"
    db.executemany(f"DELETE FROM {table} WHERE {key}=?", gone)
    db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?)", changed)


def pack_body(html: str) -> bytes:
    """Zstandard at level 1. On the bench's bodies (1,000 of them, twelve rounds alternated with
    the zlib this replaced, Huffman coding only): packed in 38 us instead of 65, unpacked in 15
    instead of 41, to 39% of the size instead of 52%. A read worker packs each body and its
    search terms; a render worker unpacks each body it shows."""
    return _packer().compress(html.encode())


def unpack_body(blob: bytes) -> str:
    try:
        return _unpacker().decompress(blob).decode()
    except _DAMAGE as exc:
        raise CacheDamaged(f"a damaged body or search terms ({type(exc).__name__}: {exc})") from None


_ZSTD = threading.local()     # a zstd context is not safe for two threads at once (ssg watch builds in one)


def _packer() -> zstandard.ZstdCompressor:
    if (packer := getattr(_ZSTD, "packer", None)) is None:
        packer = _ZSTD.packer = zstandard.ZstdCompressor(level=1)
    return packer


def _unpacker() -> zstandard.ZstdDecompressor:
    if (unpacker := getattr(_ZSTD, "unpacker", None)) is None:
        unpacker = _ZSTD.unpacker = zstandard.ZstdDecompressor()
    return unpacker


class BodyStore:
    """Read-only access to bodies, opened once per worker process."""

    def __init__(self, directory: Path):
        self.db = sqlite3.connect(f"file:{directory / FILE}?mode=ro", uri=True, check_same_thread=False)

    def get(self, digest: str) -> str:
        row = self.db.execute("SELECT html FROM bodies WHERE digest=?", (digest,)).fetchone()
        if row is None:
            raise CacheDamaged(f"body {digest} missing from the cache")
        return unpack_body(row[0])

    def terms(self, digests: list[str]) -> dict[str, str]:
        """digest -> search terms, looked up 500 digests a query. (A cold 100k build asks for 4,096
        at a time: a pass over the whole table for each of those 25 batches took 4.9 s, these
        lookups 1.9 s, decompression included.)"""
        wanted, found = set(digests), {}
        batch_list = sorted(wanted)
        for start in range(0, len(batch_list), 500):
            batch = batch_list[start: start + 500]
            rows = self.db.execute(f"SELECT digest, data FROM terms WHERE digest IN ({','.join('?' * len(batch))})", batch)
            found.update((d, unpack_body(blob)) for d, blob in rows)
        if len(found) < len(wanted):
            raise CacheDamaged(f"{len(wanted) - len(found)} articles' search terms missing from the cache, e.g. {min(wanted - found.keys())}")
        return found

    def close(self) -> None:
        self.db.close()


def fetch_terms(directory: Path, digests: list[str]) -> dict[str, str]:
    """``BodyStore(directory).terms(digests)`` on a connection of its own (the search index's
    process opens one when it needs the terms of docs it has not seen)."""
    store = BodyStore(directory)
    try:
        return store.terms(digests)
    finally:
        store.close()


class IndexStore:
    """The search index's working state between one-shot builds (.ssg-cache/search-index.pickle),
    so that a build after a few new or edited articles updates the index instead of building
    it again (10 s at 100k articles). A first line names the format and ssg's code and holds a
    CRC of the rest: a state from other code is ignored, an unreadable one ignored with a warning.
    Saved by the process that built the index, after it handed the files over (``search.save_index``)."""

    FILE = "search-index.pickle"

    def __init__(self, directory: Path, stamp: str):
        self.path = directory / self.FILE
        self.stamp = stamp

    def usable(self) -> bool:
        """Whether a state saved by this code is there (its CRC is checked by ``load``)."""
        try:
            with self.path.open("rb") as f:
                return _first_line(f)[0] == self.stamp
        except OSError:
            return False

    def load(self) -> tuple[object | None, str | None]:
        """-> (state or None, warning or None). Streamed: the CRC is checked in chunks, then the
        state unpickled from the file, so no copy of the ~200 MB file is held beside it."""
        try:
            f = self.path.open("rb")
        except OSError:
            return None, None
        with f:
            stamp, crc = _first_line(f)
            if stamp != self.stamp:
                return None, None
            try:
                start, found = f.tell(), 0
                for chunk in iter(functools.partial(f.read, 1 << 20), b""):
                    found = zlib.crc32(chunk, found)
                if crc != f"{found:08x}":
                    raise ValueError("checksum mismatch")
                f.seek(start)
                return pickle.load(f), None
            except Exception as exc:     # a state that cannot be read is never used
                return None, f"{self.path}: unreadable search index state ignored ({exc}); the index is built from scratch"

    def save(self, state: object) -> None:
        """Pickled straight into the file (no ~200 MB bytes object in memory), the CRC taken on the
        way; the first line is written again with it at the end."""
        tmp = self.path.with_name(f"{self.FILE}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as f:
                f.write(f"{self.stamp} {0:08x}\n".encode("ascii"))
                sink = _Crc(f)
                pickle.dump(state, sink, protocol=5)
                f.seek(0)
                f.write(f"{self.stamp} {sink.crc:08x}\n".encode("ascii"))
            os.replace(tmp, self.path)
        except OSError:                  # a full disk: the next build starts from scratch, or the older state
            tmp.unlink(missing_ok=True)
        except BaseException:            # Ctrl-C: leave no partial file behind
            tmp.unlink(missing_ok=True)
            raise


def _first_line(f) -> tuple[str, str]:
    """An index state file's first line -> (stamp, CRC of the rest)."""
    stamp, _, crc = f.readline(1024).rstrip(b"\n").decode("ascii", "replace").rpartition(" ")
    return stamp, crc


class _Crc:
    """A write-only file that passes bytes on and keeps their CRC-32."""

    def __init__(self, f):
        self.f, self.crc = f, 0

    def write(self, data) -> int:
        self.crc = zlib.crc32(data, self.crc)
        return self.f.write(data)
