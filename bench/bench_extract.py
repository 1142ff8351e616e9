"""Extraction throughput on corpus/real (articles per second on one core).

    python bench/bench_extract.py [CORPUS_DIR] [--repeat N]

Reads every file first (I/O is not measured), then extracts: the SaudiNewsNet
jsonl dump row by row, the Arabic Newspapers Corpus and BBC files one by one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ssg.extract import ExtractError, ExtractOptions, extract_bytes, extract_dataset  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    real = args.corpus / "real"
    if not real.is_dir():
        print(f"skip: {real} not found", file=sys.stderr)
        return 0
    options = ExtractOptions()
    dumps = [(p.relative_to(real).as_posix(), p.read_bytes()) for p in sorted(real.rglob("*.jsonl")) if p.name != "manifest.jsonl"]
    files = [(p.relative_to(real).as_posix(), p.read_bytes()) for p in sorted(real.rglob("*.txt"))]
    best = None
    for _ in range(max(1, args.repeat)):
        count = errors = 0
        t0 = time.perf_counter()
        for rel, data in dumps:
            for _n, result in extract_dataset(data, rel_path=rel, fmt="jsonl", options=options):
                count += 1
                errors += isinstance(result, ExtractError)
        for rel, data in files:
            count += 1
            try:
                extract_bytes(data, rel_path=rel, options=options)
            except ExtractError:
                errors += 1
        elapsed = time.perf_counter() - t0
        best = elapsed if best is None else min(best, elapsed)
    rate = count / best
    print(f"{count} articles ({errors} rejected) in {best:.3f} s: {rate:,.0f} articles/s on one core")
    return 0


if __name__ == "__main__":
    sys.exit(main())
