"""The only module that knows about processes.

``run(fn, items, init=..., init_args=..., workers=N)`` yields ``fn(item)`` in input order;
``bands(fn, items, band_of, ...)`` yields them as they finish, each worker working through one
band of the items sorted by ``band_of`` (what it touches of the inherited state stays in its band);
``background(fn, *args, then=...)`` runs one call beside the parent (the search index while the
rest is planned and rendered), then ``then()`` in the same process once the result is handed
over; given a ``standby`` (a process forked early, while the parent was small), the call runs
there on pickled arguments instead of in a fork of the parent as it is by then. It returns a
``Pending``, whose ``sentinel`` ``bands(busy=...)`` holds a worker back for while it works; its
``make_first`` gives the call's first argument where the call runs (in the forked child, off
this process's path and out of its memory).
Workers are forked where the platform allows it, so large read-only state handed to ``init``
(the site's cards, the config) is shared copy-on-write instead of pickled. ``workers=1`` runs
inline, with no pool: the same code path for debugging and tests.
"""
from __future__ import annotations

import functools
import gc
import itertools
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Callable, Iterable, Iterator, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def run(fn: Callable[[T], R], items: Iterable[T], *, init: Callable | None = None, init_args: tuple = (),
        workers: int = 0, chunksize: int = 64) -> Iterator[R]:
    items = list(items)
    workers = workers or default_workers()
    if workers == 1 or len(items) < 2 * chunksize:
        if init:
            init(*init_args)
        yield from map(fn, items)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    chunksize = max(1, min(chunksize, len(items) // (workers * 4) or 1))
    # Objects the forked workers inherit go to the permanent generation first: a worker's
    # collections then never touch them, so their pages stay shared instead of being copied.
    gc.freeze()
    token = _inherit((fn, items))
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start, initargs=(init, init_args)) as pool:
            if context.get_start_method() == "fork":
                # The forked workers inherit the items: send them indices, not pickled items
                # (a 100k-page plan's views would otherwise be pickled once more on the way).
                yield from pool.map(functools.partial(_nth, token), range(len(items)), chunksize=chunksize)
            else:
                yield from pool.map(fn, items, chunksize=chunksize)
    finally:
        _INHERITED.pop(token, None)
        gc.unfreeze()


def _forks(workers: int) -> bool:
    """Whether work goes to forked processes: more than one worker (0: all cores), and fork here."""
    return (workers or default_workers()) > 1 and "fork" in multiprocessing.get_all_start_methods()


def bands(fn: Callable[[T], R], items: Iterable[T], band_of: Callable[[T], object], *, init: Callable | None = None,
          init_args: tuple = (), workers: int = 0, chunksize: int = 64, busy: Iterable = ()) -> Iterator[R]:
    """``fn(item)`` for every item, yielded as chunks finish (not in input order). The items are
    ranked by ``band_of(item)`` (None: no preference, spread over the bands) and cut into one
    band of consecutive ranks per worker, kept in input order; each forked worker works through
    its own band's chunks from the front, then takes chunks from the back of the band with the most left (so no worker idles
    while another has a long band). What a worker reads of the state it inherited stays mostly
    within its band: the render stage banded by date, each worker touches (and copies on write,
    as reference counts change) and caches about half of the article cards instead of all of
    them (docs/benchmarks.md). Where fork is missing, with one worker or few items: ``run``.
    ``busy``: sentinels (``Pending.sentinel``) of processes already at work on this machine's cores;
    a worker is held back for each until it ends (the last band's worker then starts on its band,
    less what the others took from its back), at least one starts at once."""
    items = list(items)
    workers = workers or default_workers()
    if not _forks(workers) or len(items) < 2 * chunksize:
        yield from run(fn, items, init=init, init_args=init_args, workers=workers, chunksize=chunksize)
        return
    keys = [band_of(item) for item in items]
    keyed = sorted((i for i, k in enumerate(keys) if k is not None), key=keys.__getitem__)
    loose = [i for i, k in enumerate(keys) if k is None]
    per = -(-len(keyed) // workers)
    parts = [sorted(keyed[w * per:(w + 1) * per] + loose[w::workers]) for w in range(workers)]   # in input order within a band
    chunks = [[part[c:c + chunksize] for c in range(0, len(part), chunksize)] for part in parts]
    context = multiprocessing.get_context("fork")
    ends = context.Array("i", [n for cs in chunks for n in (0, len(cs))], lock=True)   # per band: next front, back
    token = _inherit((fn, items, chunks, ends))
    busy = [b for b in busy if b is not None and not multiprocessing.connection.wait([b], 0)][:workers - 1]
    gc.freeze()
    children, readers, live = [], [], []

    def start(w: int) -> None:
        reader, writer = context.Pipe(duplex=False)
        child = context.Process(target=_band_worker, args=(token, w, writer, init, init_args), name="ssg-band", daemon=True)
        child.start()
        writer.close()
        children.append(child)
        readers.append(reader)
        live.append(reader)

    try:
        for w in range(workers - len(busy)):
            start(w)
        while live:
            for reader in multiprocessing.connection.wait(live + busy):
                if reader in busy:                  # a process that was at work has ended: a core is free
                    busy.remove(reader)
                    start(len(children))
                    continue
                try:
                    kind, value = reader.recv()
                except EOFError:
                    raise RuntimeError("a worker process died") from None
                if kind == "done":
                    live.remove(reader)
                elif kind == "error":
                    raise value
                else:
                    yield from value
    finally:
        gc.unfreeze()
        _INHERITED.pop(token, None)
        for child in children:
            if child.is_alive():
                child.terminate()
            child.join()
        for reader in readers:
            reader.close()


def _band_worker(token: int, band: int, writer, init: Callable | None, init_args: tuple) -> None:
    fn, items, chunks, ends = _INHERITED[token]
    try:
        _start(init, init_args)
        while True:
            with ends.get_lock():
                if ends[2 * band] < ends[2 * band + 1]:
                    at = (band, ends[2 * band])
                    ends[2 * band] += 1
                else:
                    left = [(ends[2 * b + 1] - ends[2 * b], b) for b in range(len(chunks))]
                    most, other = max(left)
                    if most <= 0:
                        break
                    ends[2 * other + 1] -= 1
                    at = (other, ends[2 * other + 1])
            writer.send(("chunk", [fn(items[i]) for i in chunks[at[0]][at[1]]]))
        writer.send(("done", None))
    except KeyboardInterrupt:               # Ctrl-C reaches this process too; the parent reports it
        pass
    except BaseException as exc:            # raised in the parent
        try:
            writer.send(("error", exc))
        except Exception:                   # an exception that does not pickle
            writer.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        writer.close()


# What a forked child finds in its copy of this module: work handed over without pickling.
_INHERITED: dict[int, tuple] = {}
_TOKENS = itertools.count()


def _inherit(work: tuple) -> int:
    token = next(_TOKENS)
    _INHERITED[token] = work
    return token


def _nth(token: int, i: int):
    fn, items = _INHERITED[token]
    return fn(items[i])


class Standby:
    """A process forked early, while the parent is still small, that waits for one call
    (``background(..., standby=it)``), sent to it pickled.

    A child forked late shares the parent's whole heap copy-on-write; as the parent goes on
    working it touches its objects (reference counts), and each page it touches is copied: the
    search index's process, forked while the planner held 100,000 articles and their cards,
    reached ~1.1 GB of PSS at 100k, most of it such copies, where the same work in a fresh
    process peaks at ~420 MB (docs/benchmarks.md). A standby holds only what it is sent.
    ``close()`` lets an unused one exit (a build that failed before it planned)."""

    def __init__(self, process, tasks, results):
        self.process, self.tasks, self.results = process, tasks, results
        self.sent = self.closed = False

    @property
    def used(self) -> bool:
        return self.sent or self.closed

    def submit(self, fn: Callable[..., R], args: tuple, kwargs: dict, then: Callable[[], None] | None) -> Pending:
        self.sent = True
        try:
            self.tasks.send((fn, args, kwargs, then))
        finally:
            self.tasks.close()
        return _receiver(self.results, self.process, fn)

    def close(self) -> None:
        if not self.used:
            self.closed = True
            self.tasks.close()          # the standby reads the end of its input and exits
            self.results.close()


def standby(workers: int = 0) -> Standby | None:
    """A ``Standby`` forked now; None where ``background`` would run inline (one worker, no fork)."""
    if not _forks(workers):
        return None
    context = multiprocessing.get_context("fork")
    task_reader, task_writer = context.Pipe(duplex=False)
    result_reader, result_writer = context.Pipe(duplex=False)
    child = context.Process(target=_stand_by, args=(task_reader, task_writer, result_reader, result_writer),
                            name="ssg-standby", daemon=False)       # joined at exit: it may run a ``then``
    child.start()
    task_reader.close()
    result_writer.close()
    return Standby(child, task_writer, result_reader)


def _stand_by(tasks, parents_tasks, parents_results, writer) -> None:
    _end_with_parent()
    parents_tasks.close()                   # (inherited: with them open here, no end of input would come)
    parents_results.close()
    try:
        fn, args, kwargs, then = tasks.recv()
    except (EOFError, KeyboardInterrupt):   # closed unused
        writer.close()
        return
    finally:
        tasks.close()
    _serve(writer, fn, args, kwargs, then)


def background(fn: Callable[..., R], *args, workers: int = 0, then: Callable[[], None] | None = None,
               standby: Standby | None = None, make_first: Callable[[], object] | None = None, **kwargs) -> Pending:
    """Start ``fn(*args, **kwargs)`` in a forked process now; the function returned waits for the
    result (and raises what it raised). The child inherits the arguments copy-on-write, nothing
    is pickled on the way in. ``then()`` runs in the child after the result has been sent (the
    search index saves its state for the next build there, while this process renders); such a
    child is joined when this process exits, one without ``then`` is not waited for (a build
    that failed before asking for the result leaves at once). With one worker, or where fork is
    missing, ``fn`` (and ``then``) run in this process when the result is asked for: the same
    calls, later. ``standby``: an unused ``Standby`` to run the call in, on pickled arguments.
    ``make_first()``: the call's first argument, made where the call runs: by the forked child,
    from what it inherited, while this process goes on (a one-article build at 100k: the search
    index's 100,000 docs, ~0.9 s, made beside the planner instead of before it goes on); here
    before a standby is sent it; here, when an inline call runs."""
    if standby is not None and not standby.used:
        return standby.submit(fn, _with_first(make_first, args), kwargs, then)
    if not _forks(workers):
        def inline() -> R:
            value = fn(*_with_first(make_first, args), **kwargs)
            if then is not None:
                then()
            return value
        return Pending(inline)
    context = multiprocessing.get_context("fork")
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=_serve, args=(writer, fn, args, kwargs, then, make_first), name="ssg-background",
                            daemon=then is None)
    gc.freeze()
    try:
        child.start()                       # forked here, with the work inherited
    finally:
        gc.unfreeze()
    writer.close()
    return _receiver(reader, child, fn)


def _with_first(make_first: Callable[[], object] | None, args: tuple) -> tuple:
    """``args``, after the first argument ``make_first()`` makes (here and now), if any."""
    return (make_first(), *args) if make_first else args


_UNREAD: dict[int, object] = {}      # id(process) -> a process whose result nobody has asked for yet


class Pending:
    """A call started in the background; calling this waits for its result (and raises what it
    raised). ``sentinel``: ready when the process doing the call has ended, its ``then`` done
    (None: the call runs in this process, when the result is asked for)."""

    def __init__(self, result: Callable[[], R], sentinel=None):
        self._result, self.sentinel = result, sentinel

    def __call__(self) -> R:
        return self._result()


def _receiver(reader, child, fn) -> Pending:
    """A thread takes the child's result in as soon as it is sent: a child blocked on a full pipe
    until the result is asked for would hold its memory (at 100k the search index's process,
    ~430 MB, through the render stage, which runs before the index's files are asked for) and
    put off its ``then``."""
    _UNREAD[id(child)] = child
    got: list = []

    def receive() -> None:
        try:
            got.append(reader.recv())
        except (EOFError, OSError):
            pass
        finally:
            reader.close()
    taker = threading.Thread(target=receive, name="ssg-receiver", daemon=True)
    taker.start()

    def result():
        _UNREAD.pop(id(child), None)
        taker.join()
        if not got:
            child.join(5)
            raise RuntimeError(f"the background process ({getattr(fn, '__name__', fn)}) died "
                               f"(exit code {child.exitcode})") from None
        ok, value = got[0]
        if not ok:
            raise value
        return value
    return Pending(result, child.sentinel)


def wait_for_background() -> None:
    """Join the background processes that run on after their result (``then``: the search index
    saving its state); the others are left, as at a normal exit. One whose result was never asked
    for (the build failed while planning or rendering) is stopped: it may still be at work, and
    what its ``then`` would save belongs to a build that failed."""
    for child in list(_UNREAD.values()):
        child.terminate()
    _UNREAD.clear()
    for child in multiprocessing.active_children():
        if not child.daemon:
            child.join()


def _serve(writer, fn, args, kwargs, then, make_first=None) -> None:
    _end_with_parent()
    gc.enable()
    try:
        try:
            out = (True, fn(*_with_first(make_first, args), **kwargs))
        except BaseException as exc:            # sent back, raised in the parent
            out = (False, exc)
        try:
            writer.send(out)
        except OSError:                         # the parent is gone: no one to report to
            return
        finally:
            writer.close()
        if then is not None and out[0]:
            then()
    except KeyboardInterrupt:                   # Ctrl-C reaches this process too; the parent reports it
        pass


def _start(init: Callable | None, init_args: tuple) -> None:
    """A worker collects its own garbage, even when forked from a parent that paused collection."""
    _end_with_parent()
    gc.enable()
    if init:
        init(*init_args)


_WATCHED = 0          # the process whose parent a thread is watching (``_end_with_parent``)


def _end_with_parent() -> None:
    """End this child when the process that forked it is gone. A parent killed outright (SIGKILL,
    the OOM killer) cannot stop its children, and one waiting on a pipe that a sibling still holds
    open would sleep on under init for ever. A thread looks at the parent's pid once a second
    (Linux's PR_SET_PDEATHSIG would fire when the forking *thread* ends, which in ssg watch is
    not the process)."""
    global _WATCHED
    if _WATCHED == os.getpid():
        return
    _WATCHED = os.getpid()
    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(1)
    threading.Thread(target=watch, name="ssg-end-with-parent", daemon=True).start()


@contextmanager
def no_collection():
    """Pause the cycle collector: a build makes millions of long-lived objects, and each full
    collection would walk them all (1.3 s of a 6 s one-article rebuild at 100k). Garbage cycles
    made meanwhile are collected when it resumes."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
