"""Reuse of values made by the previous build in the same process (``ssg watch``).

Each stage asks ``memo.get(table, name, key)`` before making a value and ``memo.put(...)`` after:
a value is reused only when the key (every input it was made from) equals last time's.
"""
from __future__ import annotations

from collections import Counter


class Memo:
    """What the previous build in this process made, for ``ssg watch``: the assembled site, a card,
    a related list, an article job or a search doc is reused when every input it was made from is
    the same as last time. Unchanged articles are the very same objects from one watch build to the next (the read
    results are kept in memory), so most checks are identity comparisons.

    A one-shot build plans through the same code with ``keep=False``: nothing is stored, every
    lookup misses, and nothing is held for the render stage. The memo is only valid for one config
    (the caller keeps one per config digest)."""

    def __init__(self, keep: bool = False):
        self.keep = keep
        self.tables: dict[str, dict] = {}
        self.made: Counter = Counter()      # table -> values made (not reused) by the last plan

    def get(self, table: str, name, key):
        entry = self.tables.get(table, {}).get(name)
        if entry is not None and entry[0] == key:
            return entry[1]
        self.made[table] += 1
        return None

    def put(self, table: str, name, key, value):
        if self.keep:
            self.tables.setdefault(table, {})[name] = (key, value)
        return value

    def entry(self, table: str, name=None) -> tuple | None:
        """(key, value) as the last build put it, whatever this build's key: what a stage patches
        from (ssg watch), or None."""
        return self.tables.get(table, {}).get(name)

    def last(self, table: str, name=None):
        """The value of ``entry``, or None."""
        found = self.entry(table, name)
        return None if found is None else found[1]

    def same(self, table: str, name, objects: tuple):
        """Like ``get``, for a key of objects compared by identity (``is``), not equality."""
        entry = self.tables.get(table, {}).get(name)
        if entry is not None and len(entry[0]) == len(objects) and all(a is b for a, b in zip(entry[0], objects)):
            return entry[1]
        self.made[table] += 1
        return None
