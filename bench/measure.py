"""Run one command and measure it: wall, CPU, peak memory, files written, output size.

The command runs as a child in its own session. ``os.wait4`` gives that child's own resource
usage (user and system CPU, and ``ru_maxrss``: the largest resident set of the child or any of
the descendants it waited for). Because a multi-process build holds several processes at once,
a sampler thread also sums PSS (proportional set size, so pages shared by forked workers count
once) over the whole process tree every ``SAMPLE_S`` seconds (``SAMPLE_SLOW_S`` after the first five); its peak is ``tree_pss_mb``.

Files written are found by comparing ``path -> (size, mtime_ns)`` snapshots of the output dir
taken before and after the run (outside the timed window).
"""
from __future__ import annotations

import dataclasses
import os
import signal
import subprocess
import threading
import time
from pathlib import Path

SAMPLE_S = 0.1
SAMPLE_SLOW_S = 0.5


@dataclasses.dataclass(slots=True)
class Run:
    """What one measured command did."""

    command: list[str]
    status: str  # ok | failed | timeout
    returncode: int | None
    wall_s: float
    user_s: float
    sys_s: float
    max_rss_mb: float
    tree_pss_mb: float
    files_written: int
    files_removed: int
    files_total: int
    output_bytes: int
    output_disk_bytes: int
    load_before: float  # 1-minute load average when the run started (other work on the machine)
    log: str

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """relative path -> (size, mtime_ns, allocated bytes) for every file under root."""
    out: dict[str, tuple[int, int, int]] = {}
    if not root.is_dir():
        return out
    stack = [str(root)]
    skip = len(str(root)) + 1
    while stack:
        with os.scandir(stack.pop()) as it:
            for entry in it:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                else:
                    st = entry.stat(follow_symlinks=False)
                    out[entry.path[skip:]] = (st.st_size, st.st_mtime_ns, st.st_blocks * 512)
    return out


def _tree(pid: int) -> list[int]:
    """pid and all its descendants, from /proc/<pid>/task/*/children."""
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        try:
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except OSError:
            continue
    return found


def _pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class _Sampler(threading.Thread):
    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak_kb, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        start = time.monotonic()
        while not self.done.is_set():
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(p) for p in _tree(self.pid)))
            # Reading smaps_rollup walks page tables: sample fast at first, then back off so
            # the sampler stays far below 1% of a core on long builds.
            self.done.wait(SAMPLE_S if time.monotonic() - start < 5 else SAMPLE_SLOW_S)


def measure(command: list[str], *, out_dir: Path, log: Path, cwd: Path | None = None,
            timeout: float | None = None, env: dict | None = None) -> Run:
    """Run command to completion (or until timeout) and return its measurements."""
    before = snapshot(out_dir)
    load = os.getloadavg()[0]
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as logf:
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                                stdout=logf, stderr=subprocess.STDOUT, start_new_session=True)
        sampler = _Sampler(proc.pid)
        sampler.start()
        timed_out = threading.Event()

        def kill() -> None:
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        if timer:
            timer.cancel()
        sampler.done.set()
        sampler.join()
    proc.returncode = code = os.waitstatus_to_exitcode(status)
    if timed_out.is_set():  # kill any grandchildren left behind
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    after = snapshot(out_dir)
    written = sum(1 for path, st in after.items() if before.get(path, (None, None))[:2] != st[:2])
    return Run(
        command=[str(c) for c in command],
        status="timeout" if timed_out.is_set() else ("ok" if code == 0 else "failed"),
        returncode=code, wall_s=wall, user_s=usage.ru_utime, sys_s=usage.ru_stime,
        max_rss_mb=usage.ru_maxrss / 1024, tree_pss_mb=sampler.peak_kb / 1024,
        files_written=written, files_removed=len(before.keys() - after.keys()),
        files_total=len(after), output_bytes=sum(st[0] for st in after.values()),
        output_disk_bytes=sum(st[2] for st in after.values()), load_before=load, log=str(log),
    )
