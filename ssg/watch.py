"""Watch mode: ``build()`` in a loop. Classify, debounce, then the same incremental build as ``ssg build``.

There is no second, "smart" rebuild path here (Zola PR #1114): every settled burst of changes
calls ``build(config)``, and fingerprints decide what re-renders. This module only decides
*when* to build, and with which config:

- ``classify(path, config)`` is pure: CONTENT, TEMPLATE, THEME_STATIC, CONFIG, OTHER or IGNORED.
  Output, cache and staging folders, VCS folders and editor temporary files are IGNORED.
- ``Debouncer``: a burst settles after ``quiet`` seconds without events, or ``cap`` seconds after
  its first event, whichever comes first; only the last change per path is kept. When every
  file the burst wrote has been closed, renamed into place or deleted (inotify tells us), the
  writes are known to be complete and ``settle`` seconds of quiet are enough.
- ``Watcher``: a watchdog observer (native events, or polling with ``poll=True``) feeding one loop
  thread. A CONFIG change reloads site.toml first; an invalid one is reported and the last good
  config stays in use. A failed build is reported in one line and the loop keeps going.
  Only the inputs are watched (site.toml, permalinks.toml, content/, templates/, static/, themes/),
  never output/ (100k article folders would exhaust inotify watches for nothing).
"""
from __future__ import annotations

import enum
import fnmatch
import os
import sys
import threading
import time
import warnings
from pathlib import Path
from typing import Any, Callable, Mapping

from watchdog.events import (DirCreatedEvent, DirDeletedEvent, DirMovedEvent, FileClosedEvent, FileCreatedEvent,
                             FileDeletedEvent, FileModifiedEvent, FileMovedEvent, FileSystemEventHandler)

from .build import build
from .config import SiteConfig, load_config, with_overrides
from .errors import SsgError, printable
from .model import BuildReport
from .permalinks import FILE as PERMALINKS
from .scan import is_ignored


class ChangeKind(enum.Enum):
    CONTENT = "content"
    TEMPLATE = "template"
    THEME_STATIC = "static"
    CONFIG = "config"
    OTHER = "other"        # inside the site folder, but not an input (README.md, scripts/...)
    IGNORED = "ignored"    # output, cache, VCS folders, editor temporary files


REBUILD = frozenset({ChangeKind.CONTENT, ChangeKind.TEMPLATE, ChangeKind.THEME_STATIC, ChangeKind.CONFIG})
TEMP_FILES = ("*~", ".#*", "#*#", "*.swp", "*.swx", "*.swo", "*.swpx", "*.tmp", "*.temp", "4913", ".DS_Store",
              "Thumbs.db", "*.part", "*.crdownload", ".goutputstream-*", "*.kate-swp", "*___jb_tmp___",
              "*___jb_old___", ".~lock.*#", "*.orig", "*.rej")
SKIP_DIRS = frozenset({".git", ".hg", ".svn", ".ssg-cache", ".ssg-staging", "__pycache__", "node_modules", ".venv",
                       ".idea", ".vscode"})
EVENTS = [FileCreatedEvent, DirCreatedEvent, FileModifiedEvent, FileClosedEvent, FileDeletedEvent, DirDeletedEvent,
          FileMovedEvent, DirMovedEvent]       # not opened/closed-no-write/attrib: a build's own reads trigger those


def is_temp_file(name: str) -> bool:
    return any(fnmatch.fnmatchcase(name, pat) for pat in TEMP_FILES)


def classify(path: str | Path, config: SiteConfig) -> ChangeKind:
    """What a change to ``path`` (absolute, or relative to the site folder) means. Pure."""
    root = Path(os.path.abspath(config.root))
    path = Path(os.path.abspath(root / path))
    if is_temp_file(path.name):
        return ChangeKind.IGNORED
    for folder in (config.output_path, config.cache_path):
        if path == folder or path.is_relative_to(folder):
            return ChangeKind.IGNORED
    content = config.content_path
    base = content if path.is_relative_to(content) else root
    if not path.is_relative_to(base) or SKIP_DIRS.intersection(path.relative_to(base).parts):
        return ChangeKind.IGNORED
    if path == root / "site.toml":
        return ChangeKind.CONFIG
    if path == root / PERMALINKS:
        return ChangeKind.CONTENT                 # the slug map is read by every build, like content/
    if base == content:
        rel = path.relative_to(content).as_posix()
        return ChangeKind.IGNORED if rel != "." and is_ignored(rel, tuple(config.ignore)) else ChangeKind.CONTENT
    parts = path.relative_to(root).parts
    if parts[:1] == ("themes",) and len(parts) > 2 and parts[1] == config.theme:
        parts = parts[2:]
    elif parts[:1] == ("themes",):
        return ChangeKind.TEMPLATE if len(parts) <= 2 else ChangeKind.OTHER   # a theme folder came or went
    if parts[:1] == ("templates",):
        return ChangeKind.TEMPLATE
    if parts[:1] == ("static",):
        return ChangeKind.THEME_STATIC
    return ChangeKind.OTHER


class Debouncer:
    """Collects changes until a burst settles, at most ``cap`` s after its first event.

    A burst settles after ``quiet`` s without events while some file it touched may still be
    being written (created or modified and not closed since; a polling observer never reports
    closes), or after ``settle`` s once every such write has completed (closed, renamed into place
    or deleted). An editor's save ends with a close or a rename, so its burst settles in ``settle``."""

    def __init__(self, quiet: float = 0.15, cap: float = 2.0, clock: Callable[[], float] = time.monotonic,
                 settle: float = 0.03):
        self.quiet, self.cap, self.clock, self.settle = quiet, cap, clock, min(settle, quiet)
        self.changes: dict[str, ChangeKind] = {}
        self.writing: set[str] = set()     # paths created or modified and not closed, moved or deleted since
        self.first = self.last = 0.0

    def __bool__(self) -> bool:
        return bool(self.changes)

    def add(self, path: str, kind: ChangeKind, *, done: bool = False) -> None:
        """``done``: this event completes a write of ``path`` (closed, moved or deleted)."""
        now = self.clock()
        if not self.changes:
            self.first = now
        self.changes.pop(path, None)
        self.changes[path] = kind              # the last event per path wins
        (self.writing.discard if done else self.writing.add)(path)
        self.last = now

    def wait_time(self) -> float | None:
        """Seconds until the batch is due (0: due now); None when nothing is pending."""
        if not self.changes:
            return None
        quiet = self.quiet if self.writing else self.settle
        return max(0.0, min(self.last + quiet, self.first + self.cap) - self.clock())

    def take(self) -> dict[str, ChangeKind]:
        changes, self.changes = self.changes, {}
        self.writing.clear()
        return changes


def load(site_dir: str | Path, overrides: Any = None) -> SiteConfig:
    """site.toml plus command-line overrides (an argparse namespace) or keyword overrides (a mapping)."""
    config = load_config(site_dir)
    if isinstance(overrides, Mapping):
        return with_overrides(config, **{k: v for k, v in overrides.items() if k != "force"})
    if overrides is None:
        return config
    absolute = lambda p: str(Path(p).resolve()) if p else None      # noqa: E731  (as ssg.cli does)
    return with_overrides(config, base_url=getattr(overrides, "base_url", None),
                          content_dir=absolute(getattr(overrides, "content", None)),
                          output_dir=absolute(getattr(overrides, "output", None)),
                          workers=getattr(overrides, "jobs", None), strict=getattr(overrides, "strict", None))


def _stderr(line: str) -> None:
    print(printable(line), file=sys.stderr, flush=True)       # (a file name with a newline or ESC in it: one safe line)


class Watcher:
    """Build, then rebuild after every settled burst of changes, on one loop thread.

    ``on_build(watcher)`` runs after each build attempt. Tests call ``mark()`` before touching files
    and ``wait_idle(after=mark)`` to block until those changes have been built.
    """

    def __init__(self, site_dir: str | Path, overrides: Any = None, *, poll: bool = False,
                 on_build: Callable[["Watcher"], None] | None = None, quiet: float = 0.15, cap: float = 2.0,
                 log: Callable[[str], None] = _stderr, debug: bool = False):
        self.site_dir, self.overrides, self.poll = Path(site_dir).resolve(), overrides, poll
        self.on_build, self.log, self.debug = on_build, log, debug
        self.force = bool(overrides.get("force") if isinstance(overrides, Mapping) else getattr(overrides, "force", False))
        self.config = load(self.site_dir, overrides)          # an invalid config at start is fatal
        self.last_report: BuildReport | None = None
        self.generation = 0            # build attempts so far
        self.events = 0                # relevant events seen so far
        self.config_error: str | None = None
        self.build_error: str | None = None
        self.problems: tuple[str, ...] = ()    # skipped files that were fine when watching began
        self._baseline: set[str] | None = None
        self._cond = threading.Condition()
        self._pending = Debouncer(quiet, cap)
        self._building = self._stopping = False
        self._observer = self._thread = None
        self._watches: dict[Path, tuple[Any, int]] = {}

    # -- lifecycle
    def start(self) -> "Watcher":
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
        # watchdog's inotify observer, registering a new folder's subtree, may meet a folder it has
        # just registered (folders made quickly, as by a checkout or an unzip) and warns on stderr
        # that the same callback "will be Overwritten": harmless, and noise in `ssg watch`'s output.
        warnings.filterwarnings("ignore", message=r"Callback with id .* already exists for watch", category=RuntimeWarning)
        self._observer = PollingObserver() if self.poll else Observer()
        self._sync_watches()
        self._observer.start()
        self._build({})
        self._thread = threading.Thread(target=self._loop, name="ssg-watch", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        if self._observer:
            self._observer.stop()
            self._observer.join(5)
        if self._thread:
            self._thread.join(30)

    def __enter__(self) -> "Watcher":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def error(self) -> str | None:
        """What the browser overlay shows: config error, build error, then newly skipped files."""
        parts = [e for e in (self.config_error, self.build_error) if e] + [f"skipped: {p}" for p in self.problems]
        return "\n".join(parts) or None

    def mark(self) -> int:
        return self.events

    def wait_idle(self, timeout: float = 10.0, *, after: int | None = None) -> BuildReport | None:
        """Block until nothing is pending or building (and, with ``after``, until an event after it came)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while (after is not None and self.events <= after) or self._pending or self._building:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(f"watcher not idle after {timeout} s (events={self.events}, after={after})")
                self._cond.wait(left)
            return self.last_report

    def wait_build(self, after: int, timeout: float = 30.0) -> int:
        """Block until ``generation > after`` or stop; returns the generation (used by serve's event stream)."""
        with self._cond:
            self._cond.wait_for(lambda: self.generation > after or self._stopping, timeout)
            return self.generation

    # -- events
    def notice(self, path: str, *, done: bool = False) -> None:
        """Queue a changed path (called from the observer thread, or by hand); ``done``: see Debouncer.add."""
        kind = classify(path, self.config)
        if kind not in REBUILD:
            return
        with self._cond:
            self._pending.add(path, kind, done=done)
            self.events += 1
            self._cond.notify_all()

    def _sync_watches(self) -> None:
        """Watch site.toml's folder (not recursively) and each input folder that exists (recursively)."""
        wanted = {self.site_dir: False, self.config.content_path: True}
        wanted.update({self.site_dir / d: True for d in ("templates", "static", "themes")})
        for path, (watch, ino) in list(self._watches.items()):
            if path not in wanted or _inode(path) != ino:    # gone, replaced or no longer an input
                self._observer.unschedule(watch)
                del self._watches[path]
        handler = _Handler(self)
        for path, recursive in wanted.items():
            if path not in self._watches and path.is_dir():
                watch = self._observer.schedule(handler, str(path), recursive=recursive, event_filter=EVENTS)
                self._watches[path] = (watch, _inode(path))

    # -- the loop
    def _loop(self) -> None:
        while True:
            with self._cond:
                while (wait := self._pending.wait_time()) != 0.0 and not self._stopping:
                    self._cond.wait(wait)
                if self._stopping:
                    return
                batch = self._pending.take()
                self._building = True
            try:
                if ChangeKind.CONFIG in batch.values():
                    self._reload()
                self._sync_watches()
                self._build(batch)
            except Exception as exc:        # never let the loop die
                self.log(f"error: watcher: {type(exc).__name__}: {exc}")
            finally:
                with self._cond:
                    self._building = False
                    self._cond.notify_all()

    def _reload(self) -> None:
        try:
            self.config = load(self.site_dir, self.overrides)
            self.config_error = None
            self.log(f"[{_now()}] site.toml reloaded")
        except SsgError as exc:
            self.config_error = f"{exc} (still using the last good site.toml)"
            self.log(f"[{_now()}] error: {self.config_error}")

    def _build(self, batch: dict[str, ChangeKind]) -> None:
        report, error = None, None
        try:
            report = build(self.config, force=self.force and self.generation == 0, keep_memory=True,
                           changed=set(batch) if self.generation else None)
        except SsgError as exc:
            error = str(exc)
        except Exception as exc:            # an ssg bug: still one line, and the loop goes on
            if self.debug:
                import traceback
                traceback.print_exc()
            error = f"internal error: {type(exc).__name__}: {exc}"
        with self._cond:
            self.generation += 1
            self.build_error = error
            if report is not None:
                self.last_report = report
                self._note_problems(report)
            self._cond.notify_all()
        self.log(self._line(batch, report, error))
        if self.on_build:
            try:
                self.on_build(self)
            except Exception as exc:
                self.log(f"error: on_build: {type(exc).__name__}: {exc}")

    def _note_problems(self, report: BuildReport) -> None:
        errors = [str(p) for p in report.problems if p.severity == "error"]
        if self._baseline is None:
            self._baseline = set(errors)
            for p in report.problems:
                self.log(f"{'warning' if p.severity == 'warning' else 'skipped'}: {p}")
        new = tuple(e for e in errors if e not in self._baseline)
        for line in new:
            if line not in self.problems:
                self.log(f"skipped: {line}")
        self.problems = new

    def _line(self, batch: dict[str, ChangeKind], report: BuildReport | None, error: str | None) -> str:
        # the change named is one still there (an editor's atomic save leaves its temporary name in the batch too)
        first = next((p for p in batch if os.path.exists(p)), next(iter(batch), None))
        what = "built" if not batch else f"{_short(first, self.site_dir)}" + (
            f" and {len(batch) - 1} more" if len(batch) > 1 else "")
        if error:
            return f"[{_now()}] {what}: error: {error}"
        return (f"[{_now()}] {what}: {len(report.rendered)} rendered, {len(report.written)} written, "
                f"{len(report.removed)} removed in {report.seconds:.2f} s")


class _Handler(FileSystemEventHandler):
    def __init__(self, watcher: Watcher):
        self.watcher = watcher

    def on_any_event(self, event) -> None:
        if event.event_type not in ("created", "modified", "closed", "deleted", "moved"):
            return
        if event.is_directory and event.event_type == "modified":
            return
        done = event.is_directory or event.event_type in ("closed", "deleted", "moved")
        for path in (event.src_path, getattr(event, "dest_path", "")):
            if path:
                self.watcher.notice(os.fsdecode(path), done=done)


def _inode(path: Path) -> int:
    try:
        return path.stat().st_ino
    except OSError:
        return -1


def _now() -> str:
    return time.strftime("%H:%M:%S")


def _short(path: str, root: Path) -> str:
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path


def watch(site_dir: str | Path = ".", *, overrides: Any = None, poll: bool = False) -> int:
    """``ssg watch``: build, then rebuild on every change until Ctrl+C."""
    watcher = Watcher(site_dir, overrides, poll=poll, debug=bool(getattr(overrides, "debug", False)))
    watcher.start()
    watcher.log(f"watching {watcher.site_dir} ({'polling' if poll else 'native events'}); press Ctrl+C to stop")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        watcher.stop()
    return 0
