"""Where a build's memory is, over time: the PSS of each process of its tree, sampled.

    python bench/pss_timeline.py [--every 0.5] [--out log.txt] -- ssg build SITE [...]

Runs the command, samples /proc/<pid>/smaps_rollup of the command and every descendant (the read
and render workers, the search index's process) every ``--every`` seconds, and prints the peak of
the tree's sum, which processes made it up, and one line every ~5 s: seconds, tree MB, each
process's MB (in the order /proc lists the tree: the parent first). The command's own output
goes to ``--out``. ``bench/measure.py`` keeps only the peak sum; this is for finding which
process and which stage hold it (it found the read workers' cmark-gfm leak, docs/benchmarks.md).
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from measure import _pss_kb, _tree  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    ap.add_argument("--out", type=Path, default=Path("pss-timeline-command.log"), help="the command's output")
    ap.add_argument("command", nargs=argparse.REMAINDER, help="-- then the command")
    args = ap.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        ap.error("give the command after --")
    with args.out.open("w") as log:
        proc = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        start, peak, rows = time.monotonic(), (0, 0.0, []), []
        while proc.poll() is None:
            sizes = [_pss_kb(p) // 1024 for p in _tree(proc.pid)]
            at = time.monotonic() - start
            rows.append((at, sizes))
            if sum(sizes) > peak[0]:
                peak = (sum(sizes), at, sizes)
            time.sleep(args.every)
    print(f"peak {peak[0]} MB at {peak[1]:.1f} s: {peak[2]} (exit {proc.returncode}; output in {args.out})")
    step = max(1, int(5 / args.every))
    for at, sizes in rows[::step]:
        print(f"{at:7.1f} s {sum(sizes):6d} MB  {sizes}")
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
