"""Random batches of article changes, for the tests that compare what ssg watch patches with what a
build from scratch makes (test_assemble.py, test_plan.py)."""
from __future__ import annotations

from typing import Callable, Iterator


def change_batch(rng, arts: dict, make: Callable, edit: Callable, keys: Iterator[str], *, add: float, delete: float,
                 keep: int, sizes: tuple[int, ...]) -> None:
    """One batch of ``rng.choice(sizes)`` changes to ``arts`` (key -> Article): a new article
    (``make(next(keys))``) with probability ``add``, a deletion with ``delete`` while more than
    ``keep`` are left, else ``edit`` of a random one."""
    for _ in range(rng.choice(sizes)):
        roll = rng.random()
        if roll < add:
            key = next(keys)
            arts[key] = make(key)
        elif roll < add + delete and len(arts) > keep:
            del arts[rng.choice(sorted(arts))]
        else:
            key = rng.choice(sorted(arts))
            arts[key] = edit(arts[key])
