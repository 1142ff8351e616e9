"""Score the extractor against a gold directory.

    python -m ssg.tools.score_gold DIR [--json] [--config site.toml] [--show N]

Every ``*.expected.json`` under DIR (recursively, bad/ included) names its input
file. Strings are compared after Unicode NFC with whitespace runs (NBSP included)
folded to one space; ``published`` is compared at the expected precision (and a
naive expectation needs a naive result); ``paragraphs`` is scored by per-file F1
over the multiset of paragraphs, averaged over files. Files whose expectation is
an error must fail with that code; the other files under bad/ must give an
article with the expected encoding and the expected special checks
(paragraph_count, first/last paragraph, paragraphs_sha256, decoded_text_sha256).
Exit status: 0 when every target is met, 1 when one is missed, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from datetime import datetime
from pathlib import Path

from ssg.extract import ExtractError, ExtractOptions, decode, extract_text, parse_extract_options
from ssg.extract.text import squash

TARGETS = {
    "title": 0.98,
    "published": 0.98,
    "category": 0.95,
    "source": 0.95,
    "author": 0.95,
    "paragraphs": 0.97,
    "bad_outcome": 1.0,
}
STRING_FIELDS = ("title", "category", "section", "source", "author", "dek", "language", "encoding")
ORDER = ("title", "published", "category", "section", "source", "author", "dek", "subheadings",
         "paragraphs", "language", "encoding", "bad_outcome")


def _norm(value):
    if value is None:
        return None
    return squash(str(value))


def _cmp_published(exp: dict, got) -> bool:
    e = exp.get("published")
    if e is None:
        return got.published is None
    if got.published is None:
        return False
    ev = datetime.fromisoformat(e)
    gv = got.published
    if (ev.tzinfo is None) != (gv.tzinfo is None):
        return False
    if ev.tzinfo is not None and ev.utcoffset() != gv.utcoffset():
        return False
    precision = exp.get("published_precision") or "second"
    keys = {"day": 3, "minute": 5, "second": 6}.get(precision, 6)
    et = (ev.year, ev.month, ev.day, ev.hour, ev.minute, ev.second)[:keys]
    gt = (gv.year, gv.month, gv.day, gv.hour, gv.minute, gv.second)[:keys]
    return et == gt


def _f1(expected: list[str], got: list[str]) -> float:
    e = Counter(_norm(p) for p in expected)
    g = Counter(_norm(p) for p in got)
    if not e and not g:
        return 1.0
    inter = sum((e & g).values())
    if not inter:
        return 0.0
    p = inter / sum(g.values())
    r = inter / sum(e.values())
    return 2 * p * r / (p + r)


def _specials(exp: dict, got, text: str | None) -> list[str]:
    problems = []
    paras = list(got.paragraphs)
    if "paragraph_count" in exp and len(paras) != exp["paragraph_count"]:
        problems.append(f"paragraph_count {len(paras)} != {exp['paragraph_count']}")
    if "first_paragraph" in exp and (not paras or _norm(paras[0]) != _norm(exp["first_paragraph"])):
        problems.append("first_paragraph differs")
    if "last_paragraph" in exp and (not paras or _norm(paras[-1]) != _norm(exp["last_paragraph"])):
        problems.append("last_paragraph differs")
    if "paragraphs_sha256" in exp:
        digest = hashlib.sha256("\n".join(paras).encode("utf-8")).hexdigest()
        if digest != exp["paragraphs_sha256"]:
            problems.append("paragraphs_sha256 differs")
    if "decoded_text_sha256" in exp and text is not None:
        if hashlib.sha256(text.encode("utf-8")).hexdigest() != exp["decoded_text_sha256"]:
            problems.append("decoded_text_sha256 differs")
    return problems


def score(root: Path, options: ExtractOptions) -> dict:
    files = sorted(root.rglob("*.expected.json"))
    stats: dict[str, list] = {k: [] for k in ORDER}
    mismatches: list[dict] = []
    started = time.perf_counter()
    for exp_path in files:
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        src = exp_path.parent / exp.get("file", exp_path.name.replace(".expected.json", ".txt"))
        rel = src.relative_to(root).as_posix()
        in_bad = "bad" in src.relative_to(root).parts[:-1]
        data = src.read_bytes()
        text = None
        try:
            text, enc = decode(data, rel_path=rel, options=options)
            got = extract_text(text, options=options, rel_path=rel, encoding=enc)
        except ExtractError as exc:
            got = exc
        if exp.get("expect") == "error":
            ok = isinstance(got, ExtractError) and got.code == exp.get("error")
            stats["bad_outcome"].append(ok)
            if not ok:
                mismatches.append({"file": rel, "field": "error", "expected": exp.get("error"),
                                   "got": got.code if isinstance(got, ExtractError) else "article"})
            continue
        if isinstance(got, ExtractError):
            for field in ORDER:
                if field == "bad_outcome":
                    if in_bad:
                        stats[field].append(False)
                elif field == "paragraphs":
                    if "paragraphs" in exp:
                        stats[field].append(0.0)
                elif field == "published" and "published" in exp:
                    stats[field].append(False)
                elif field in exp:
                    stats[field].append(False)
            mismatches.append({"file": rel, "field": "error", "expected": "article", "got": got.code})
            continue
        for field in STRING_FIELDS:
            if field not in exp:
                continue
            ok = _norm(exp[field]) == _norm(getattr(got, field))
            stats[field].append(ok)
            if not ok:
                mismatches.append({"file": rel, "field": field, "expected": exp[field], "got": getattr(got, field)})
        if "published" in exp:
            ok = _cmp_published(exp, got)
            stats["published"].append(ok)
            if not ok:
                mismatches.append({"file": rel, "field": "published", "expected": exp["published"],
                                   "got": got.published.isoformat() if got.published else None})
        if "subheadings" in exp:
            ok = [_norm(s) for s in exp["subheadings"]] == [_norm(s) for s in got.subheadings]
            stats["subheadings"].append(ok)
            if not ok:
                mismatches.append({"file": rel, "field": "subheadings", "expected": exp["subheadings"],
                                   "got": list(got.subheadings)})
        if "paragraphs" in exp:
            f1 = _f1(exp["paragraphs"], list(got.paragraphs))
            stats["paragraphs"].append(f1)
            if f1 < 1.0:
                e = Counter(_norm(p) for p in exp["paragraphs"])
                g = Counter(_norm(p) for p in got.paragraphs)
                mismatches.append({"file": rel, "field": "paragraphs", "f1": round(f1, 4),
                                   "missing": [p[:80] for p in (e - g)], "extra": [p[:80] for p in (g - e)]})
        if in_bad:
            problems = _specials(exp, got, text)
            if "encoding" in exp and _norm(exp["encoding"]) != _norm(got.encoding):
                problems.append("encoding differs")
            stats["bad_outcome"].append(not problems)
            if problems:
                mismatches.append({"file": rel, "field": "bad_outcome", "problems": problems})
    elapsed = time.perf_counter() - started
    table = {}
    passed = True
    for field in ORDER:
        values = stats[field]
        if not values:
            continue
        n = len(values)
        value = sum(float(v) for v in values) / n
        target = TARGETS.get(field)
        ok = target is None or value >= target - 1e-12
        passed &= ok
        table[field] = {"files": n, "correct": sum(1 for v in values if v is True or v == 1.0),
                        "score": round(value, 4), "target": target, "ok": ok}
    return {"dir": str(root), "files": len(files), "seconds": round(elapsed, 3), "fields": table,
            "pass": passed and bool(files), "mismatches": mismatches}


def _print_table(result: dict, show: int) -> None:
    print(f"gold: {result['dir']}  ({result['files']} expected files, {result['seconds']} s)")
    print(f"{'field':<13} {'files':>5} {'exact':>5} {'score':>7} {'target':>7}  ok")
    for field, row in result["fields"].items():
        target = f"{row['target']:.2f}" if row["target"] is not None else "-"
        metric = "F1" if field == "paragraphs" else ""
        print(f"{field:<13} {row['files']:>5} {row['correct']:>5} {row['score']:>7.4f} {target:>7}  "
              f"{'yes' if row['ok'] else 'NO'} {metric}".rstrip())
    print("PASS" if result["pass"] else "FAIL: a target is missed")
    if show and result["mismatches"]:
        print(f"\nmismatches (first {show}):")
        for m in result["mismatches"][:show]:
            print("  " + json.dumps(m, ensure_ascii=False)[:400])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m ssg.tools.score_gold", description=__doc__.split("\n\n")[0])
    ap.add_argument("dir", type=Path, help="gold directory (searched recursively for *.expected.json)")
    ap.add_argument("--json", action="store_true", help="print the result as one JSON object")
    ap.add_argument("--config", type=Path, help="site.toml whose [extract] table is used")
    ap.add_argument("--show", type=int, default=20, help="mismatches to list (table output)")
    args = ap.parse_args(argv)
    if not args.dir.is_dir():
        print(f"error: {args.dir} is not a directory", file=sys.stderr)
        return 2
    options = ExtractOptions()
    if args.config:
        import tomllib

        try:
            cfg = tomllib.loads(args.config.read_text(encoding="utf-8"))
            site = cfg.get("site", {}) if isinstance(cfg.get("site"), dict) else {}
            options = parse_extract_options(cfg.get("extract", {}), timezone=site.get("timezone"))
        except (OSError, ValueError) as exc:
            print(f"error: {args.config}: {exc}", file=sys.stderr)
            return 2
    result = score(args.dir, options)
    if not result["files"]:
        print(f"error: no *.expected.json under {args.dir}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        _print_table(result, args.show)
    return 0 if result["pass"] else 1


if __name__ == "__main__":
    sys.exit(main())
