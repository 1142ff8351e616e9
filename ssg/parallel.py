"""The only module that knows about processes.

``run(fn, items, init=..., init_args=..., workers=N)`` yields ``fn(item)`` in input order.
Workers are forked where the platform allows it, so large read-only state handed to ``init``
(the site's cards, the config) is shared copy-on-write instead of pickled. ``workers=1`` runs
inline, with no pool: the same code path for debugging and tests.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
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
    try:
        with ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start, initargs=(init, init_args)) as pool:
            yield from pool.map(fn, items, chunksize=chunksize)
    finally:
        gc.unfreeze()


def _start(init: Callable | None, init_args: tuple) -> None:
    """A worker collects its own garbage, even when forked from a parent that paused collection."""
    gc.enable()
    if init:
        init(*init_args)


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
