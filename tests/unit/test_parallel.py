"""parallel.py: the one module that knows about processes."""
from __future__ import annotations

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


def test_a_process_that_never_asks_for_a_background_result_exits_without_waiting_for_it():
    """A build that fails before it asks for the listing of output/ leaves at once, instead of
    waiting at exit for the child (the child, with no ``then``, is not joined)."""
    import subprocess
    import sys
    code = ("import time; from ssg import parallel; "
            "parallel.background(time.sleep, 600, workers=2); print('left')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and done.stdout.strip() == "left"


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
