"""Where a build's time goes: each stage's wall time and the CPU time of this process and of the
worker processes it waited for, in one in-process build.

    python bench/stages.py SITE_DIR [--cold | --force] [-j N] [--output DIR]

``--cold`` removes SITE_DIR/output (or ``--output``) and SITE_DIR/.ssg-cache first. ``--output``
on a tmpfs (/dev/shm) takes most of the file system's noise out of an A/B comparison. *faults* are minor page
faults (a forked worker's first write to a page it shares with the parent is one: a page copied,
in system time). Worker CPU and faults are counted when the workers end (``os.times``), so the
search index process beside the planner, which lives on to save its state, is not in the plan
row. Used for the stage tables in docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ssg import build as build_module  # noqa: E402
from ssg.config import load_config, with_overrides  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("site", type=Path)
    ap.add_argument("--cold", action="store_true", help="remove output/ and .ssg-cache/ first")
    ap.add_argument("-j", "--jobs", type=int, default=None)
    ap.add_argument("--force", action="store_true", help="re-render every output (identical bytes are not written: CPU without file-system noise)")
    ap.add_argument("--output", type=Path, default=None, help="the output folder (default: the site's)")
    args = ap.parse_args(argv)
    config = with_overrides(load_config(args.site), workers=args.jobs,
                            output_dir=str(args.output.resolve()) if args.output else None)
    if args.cold:
        for path in (config.output_path, config.cache_path):
            shutil.rmtree(path, ignore_errors=True)
    rows = []

    def faults():
        return (resource.getrusage(resource.RUSAGE_SELF).ru_minflt,
                resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt)

    def timed(timer, name, fn, *a, **kw):
        wall, before, flt = time.perf_counter(), os.times(), faults()
        result = fn(*a, **kw)
        after, flt2 = os.times(), faults()
        rows.append((name, time.perf_counter() - wall,
                     after.user - before.user + after.system - before.system,
                     after.children_user - before.children_user + after.children_system - before.children_system,
                     after.system - before.system, after.children_system - before.children_system,
                     flt2[0] - flt[0], flt2[1] - flt[1]))
        timer.timings.append((name, rows[-1][1]))
        return result

    build_module._Timer.__call__ = timed
    started = time.perf_counter()
    report = build_module.build(config, force=args.force)
    print(f"{report.articles} articles, {len(report.written)} files written, {time.perf_counter() - started:.2f} s")
    print(f"{'stage':10} {'wall s':>8} {'parent CPU':>11} {'workers CPU':>12} {'parent sys':>11} {'workers sys':>12}"
          f" {'parent faults':>14} {'workers faults':>15}")
    for name, wall, parent, children, psys, csys, pflt, cflt in rows:
        print(f"{name:10} {wall:8.2f} {parent:11.2f} {children:12.2f} {psys:11.2f} {csys:12.2f} {pflt:14d} {cflt:15d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
