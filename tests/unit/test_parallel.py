"""parallel.py: the one module that knows about processes."""
from __future__ import annotations

import functools
import os
import time

import pytest

from ssg import parallel


def _square(x: int) -> int:
    return x * x


def _pid_and_square(x: int) -> tuple[int, int]:
    return os.getpid(), x * x


def _fail(message: str):
    raise ValueError(message)


def test_run_yields_in_input_order_with_workers_and_inline():
    items = list(range(500))
    assert list(parallel.run(_square, items, workers=2, chunksize=8)) == [x * x for x in items]
    assert list(parallel.run(_square, items, workers=1)) == [x * x for x in items]


def test_run_really_uses_other_processes_for_large_inputs():
    pids = {pid for pid, _ in parallel.run(_pid_and_square, range(400), workers=2, chunksize=8)}
    assert os.getpid() not in pids and pids


def test_background_returns_the_result_computed_in_another_process():
    result = parallel.background(_pid_and_square, 7, workers=2)
    pid, value = result()
    assert value == 49 and pid != os.getpid()


def test_background_raises_what_the_call_raised():
    result = parallel.background(_fail, "broken index", workers=2)
    with pytest.raises(ValueError, match="broken index"):
        result()


def test_background_with_one_worker_runs_here_when_asked():
    result = parallel.background(_pid_and_square, 3, workers=1)
    assert result() == (os.getpid(), 9)


def _write_pid(path):
    import pathlib
    pathlib.Path(path).write_text(str(os.getpid()))


@pytest.mark.parametrize("workers", [1, 2])
def test_background_then_runs_after_the_result_in_the_same_process(tmp_path, workers):
    marker = tmp_path / "then.txt"
    result = parallel.background(_pid_and_square, 5, workers=workers, then=lambda: _write_pid(marker))
    pid, value = result()
    for _ in range(100):                         # the child may still be running ``then``
        if marker.exists() and marker.read_text():
            break
        time.sleep(0.05)
    assert value == 25 and marker.read_text() == str(pid)


LATE = []          # filled after the standby is forked


def _pid_and_late(x: int) -> tuple[int, int, list]:
    return os.getpid(), x * x, list(LATE)


def test_a_standby_runs_the_call_on_what_it_was_sent_not_on_what_this_process_made_after_it(tmp_path):
    spare = parallel.standby(workers=2)
    try:
        LATE.append("made after the fork")
        marker = tmp_path / "then.txt"
        result = parallel.background(_pid_and_late, 6, workers=2, standby=spare, then=functools.partial(_write_pid, marker))
        pid, value, late = result()
        assert pid == spare.process.pid != os.getpid() and value == 36
        assert late == []                           # its memory is this process's before LATE grew
        spare.process.join(30)                      # it runs ``then`` after the result, then ends
        assert spare.process.exitcode == 0 and marker.read_text() == str(pid)
        # once used, a standby is not used again: the next call forks as usual
        assert parallel.background(_pid_and_late, 2, workers=2, standby=spare)()[2] == ["made after the fork"]
    finally:
        LATE.clear()
        spare.close()


def test_an_unused_standby_ends_when_closed_and_a_failure_in_it_is_raised_here():
    spare = parallel.standby(workers=2)
    spare.close()
    spare.process.join(30)
    assert spare.process.exitcode == 0 and spare.closed and not spare.sent
    spare = parallel.standby(workers=2)
    with pytest.raises(ValueError, match="broken index"):
        parallel.background(_fail, "broken index", workers=2, standby=spare)()
    assert parallel.standby(workers=1) is None       # one worker: the call runs inline


def test_a_process_that_never_asks_for_a_background_result_exits_without_waiting_for_it():
    """A build that fails before it asks for the listing of output/ leaves at once, instead of
    waiting at exit for the child (the child, with no ``then``, is not joined)."""
    import subprocess
    import sys
    code = ("import time; from ssg import parallel; "
            "parallel.background(time.sleep, 600, workers=2); print('left')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "left"


@pytest.mark.parametrize("kind", ["background", "standby", "pool"])
def test_children_end_when_their_parent_is_killed_outright(kind):
    """SIGKILL gives a build no chance to stop its workers: they end by themselves within seconds
    instead of sleeping on under init (an audit found one to three after every kill)."""
    import signal
    import subprocess
    import sys
    start = {"background": "parallel.background(time.sleep, 600, workers=2)",
             "standby": "s = parallel.standby(2); parallel.background(time.sleep, 600, workers=2, standby=s)",
             "pool": "list(parallel.run(time.sleep, [600] * 200, workers=2, chunksize=1))"}[kind]
    code = f"import time, threading; from ssg import parallel; threading.Timer(0.5, lambda: print('up', flush=True)).start(); {start}; time.sleep(600)"
    parent = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert parent.stdout.readline().strip() == "up"
        time.sleep(1.0)
        children = [int(p) for p in open(f"/proc/{parent.pid}/task/{parent.pid}/children").read().split()]
        assert children
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(os.path.exists(f"/proc/{c}") and open(f"/proc/{c}/stat").read().split()[2] != "Z" for c in children):
        time.sleep(0.2)
    alive = [c for c in children if os.path.exists(f"/proc/{c}") and open(f"/proc/{c}/stat").read().split()[2] != "Z"]
    for c in alive:
        os.kill(c, signal.SIGKILL)
    assert not alive


def _slow_then(path):
    time.sleep(1.0)
    _write_pid(path)


def test_wait_for_background_joins_a_child_still_running_then(tmp_path):
    """``build.leave`` ends the ssg program with os._exit: before that, the index's process must
    have finished saving its state (its ``then``)."""
    marker = tmp_path / "saved.txt"
    result = parallel.background(_pid_and_square, 6, workers=2, then=lambda: _slow_then(marker))
    pid, _ = result()
    assert not marker.exists()                   # ``then`` is still sleeping
    parallel.wait_for_background()
    assert marker.read_text() == str(pid)


def _big(x: int) -> bytes:
    return b"x" * (1 << 20)                      # more than a pipe holds


def _slow_big(x: int) -> bytes:
    time.sleep(600)
    return _big(x)


@pytest.mark.parametrize("standby", [False, True])
def test_wait_for_background_stops_a_child_whose_result_nobody_asked_for(tmp_path, standby):
    """A build that failed while planning never asks for the index's result: leaving must not wait
    for a child still at work (nor let it go on to save a failed build's state)."""
    marker = tmp_path / "saved.txt"
    spare = parallel.standby(workers=2) if standby else None
    parallel.background(_slow_big, 1, workers=2, standby=spare, then=functools.partial(_write_pid, marker))
    started = time.monotonic()
    parallel.wait_for_background()
    assert time.monotonic() - started < 30 and not marker.exists()


@pytest.mark.parametrize("standby", [False, True])
def test_a_background_result_is_taken_in_when_sent_so_the_child_ends_before_it_is_asked_for(tmp_path, standby):
    """The result (more than a pipe holds) is received as soon as it is sent: the child goes on to
    its ``then`` and ends, its memory freed, while this process is still busy (a one-shot build
    renders its pages before it asks for the search index's files)."""
    import multiprocessing.connection
    marker = tmp_path / "saved.txt"
    spare = parallel.standby(workers=2) if standby else None
    pending = parallel.background(_big, 1, workers=2, standby=spare, then=functools.partial(_write_pid, marker))
    assert multiprocessing.connection.wait([pending.sentinel], timeout=60) == [pending.sentinel]
    assert marker.read_text()                    # ``then`` ran, in the child, before the result was asked for
    assert pending() == _big(1)


def test_a_background_call_run_here_has_no_process_to_wait_for():
    pending = parallel.background(_square, 4, workers=1)
    assert pending.sentinel is None and pending() == 16


def _pid_and_when(x: int) -> tuple[int, float]:
    time.sleep(0.01)
    return os.getpid(), time.monotonic()


def _sleep_then_report(seconds: float) -> float:
    time.sleep(seconds)
    return time.monotonic()


def test_bands_hold_a_worker_back_while_a_busy_process_works_then_start_it():
    """``busy``: a process already at work on a core (the search index's, while the pages render).
    One worker runs until it ends; then the second starts and takes part of the work."""
    busy = parallel.background(_sleep_then_report, 2.0, workers=2)
    got = list(parallel.bands(_pid_and_when, range(600), lambda x: x, workers=2, chunksize=4, busy=[busy.sentinel]))   # ~6 s for one worker
    ended = busy()
    pids = {pid for pid, _ in got}
    assert len(got) == 600 and len(pids) == 2 and os.getpid() not in pids
    first = min(got, key=lambda r: r[1])[0]
    late = pids - {first}
    assert all(when > ended for pid, when in got if pid in late)      # the held worker started after it ended
    assert any(when < ended for pid, when in got if pid == first)     # while the other was already at work


def test_bands_with_a_busy_process_already_ended_hold_no_worker_back():
    busy = parallel.background(_square, 2, workers=2)
    busy()
    import multiprocessing.connection
    multiprocessing.connection.wait([busy.sentinel], timeout=60)
    got = list(parallel.bands(_slow_pid_of, range(400), lambda x: x, workers=2, chunksize=4, busy=[busy.sentinel]))   # ~0.4 s a band
    assert sorted(x for _, x in got) == list(range(400)) and len({pid for pid, _ in got}) == 2


def _slow_pid_of(x: int) -> tuple[int, int]:
    time.sleep(0.002)
    return os.getpid(), x


def _fail_at(x: int) -> int:
    if x == 333:
        raise ValueError(f"bad item {x}")
    return x


def test_bands_give_every_result_once_each_worker_from_its_own_band():
    """Each worker starts on its own band (items sorted by key, cut in two), so the first chunks
    each worker finishes hold items of one band only."""
    items = list(range(1000))
    got = list(parallel.bands(_slow_pid_of, items, lambda x: -x, workers=2, chunksize=16))   # ~1 s a band
    assert sorted(x for _, x in got) == items and os.getpid() not in {pid for pid, _ in got}
    first = {}
    for pid, x in got:
        first.setdefault(pid, []).append(x)
    assert len(first) == 2
    halves = sorted(("new" if xs[0] >= 500 else "old") for xs in first.values())
    assert halves == ["new", "old"]
    for xs in first.values():
        assert all((x >= 500) == (xs[0] >= 500) for x in xs[:16])


def _slow_below_200(x: int) -> tuple[int, int]:
    if x < 200:
        time.sleep(0.005)
    return os.getpid(), x


def test_bands_steal_from_a_slow_band_and_take_items_without_a_key():
    """Band 0 (items 0-199) is slow, band 1 (200-399) fast: the worker of band 1 then takes chunks
    from the back of band 0 instead of idling. Items without a key are spread over the bands."""
    items = list(range(400)) + [-1, -2, -3]
    got = list(parallel.bands(_slow_below_200, items, lambda x: x if x >= 0 else None, workers=2, chunksize=8))
    assert sorted(x for _, x in got) == sorted(items)
    by_pid: dict[int, set] = {}
    for pid, x in got:
        by_pid.setdefault(pid, set()).add(x)
    fast = next(xs for xs in by_pid.values() if 399 in xs)
    stolen = {x for x in fast if 0 <= x < 200}
    assert stolen and min(stolen) > 0 and 199 in stolen      # from the back of band 0


def test_bands_raise_what_a_worker_raised_and_run_inline_with_one_worker():
    with pytest.raises(ValueError, match="bad item 333"):
        list(parallel.bands(_fail_at, range(1000), lambda x: x, workers=2, chunksize=16))
    assert sorted(parallel.bands(_square, range(300), lambda x: x, workers=1)) == sorted(x * x for x in range(300))



MADE_IN: list[int] = []


def _made_here() -> tuple[int, int]:
    MADE_IN.append(os.getpid())
    return os.getpid(), 2


def _pid_and_arguments(made: tuple[int, int], plain: int, *, kw: int) -> tuple[int, tuple, int, int]:
    return os.getpid(), made, plain, kw


def test_a_first_argument_is_made_where_the_call_runs():
    """``make_first``: called by the forked child (never in this process); here for a standby,
    which is sent the argument pickled; here, when it runs, for an inline call."""
    MADE_IN.clear()
    try:
        pid, made, plain, kw = parallel.background(_pid_and_arguments, 5, kw=6, make_first=_made_here, workers=2)()
        assert pid != os.getpid() and made == (pid, 2) and (plain, kw) == (5, 6)
        assert MADE_IN == []                                  # (the child's list is its own)
        spare = parallel.standby(workers=2)
        pid, made, plain, kw = parallel.background(_pid_and_arguments, 5, kw=6, make_first=_made_here, workers=2, standby=spare)()
        assert pid == spare.process.pid != os.getpid() and made == (os.getpid(), 2) and (plain, kw) == (5, 6)
        MADE_IN.clear()
        pending = parallel.background(_pid_and_arguments, 5, kw=6, make_first=_made_here, workers=1)
        assert MADE_IN == []                                  # not before the result is asked for
        assert pending() == (os.getpid(), (os.getpid(), 2), 5, 6)
    finally:
        MADE_IN.clear()
