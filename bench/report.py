"""Markdown tables from bench/run.py results (one JSON file per N).

    python bench/report.py /tmp/ssg-bench/results-1000.json /tmp/ssg-bench/results-10000.json ...

Prints, for each N: the measurements, the wall-time ratios against the peers, then the
issue's targets checked against whichever results are given.
"""
from __future__ import annotations

import json
import statistics
import sys
from pathlib import Path

METRICS = ("wall_s", "cpu_s", "max_rss_mb", "tree_pss_mb", "files_written", "files_total",
           "output_bytes")
GB = 1e9


def _median_rows(data: dict) -> dict[tuple[str, str], dict]:
    """(tool, scenario) -> one row; numeric fields are medians over the repeats."""
    groups: dict[tuple[str, str], list[dict]] = {}
    for row in data["results"]:
        groups.setdefault((row["tool"], row["scenario"]), []).append(row)
    out = {}
    for key, rows in groups.items():
        merged = dict(rows[0])
        ok = [r for r in rows if r.get("status") == "ok"]
        for m in METRICS:
            if ok and m in ok[0]:
                merged[m] = statistics.median(r[m] for r in ok)
        merged["runs"] = len(rows)
        out[key] = merged
    return out


def _secs(row: dict | None) -> str:
    if row is None:
        return "–"
    if row.get("status") == "ok":
        return f"{row['wall_s']:.2f}"
    if row.get("status") == "timeout":
        return f"DNF (> {row['wall_s']:.0f} s)"
    return row.get("status", "?")


def results_table(data: dict) -> str:
    rows = _median_rows(data)
    head = ("| tool | scenario | wall s | CPU s | peak RSS MB (largest process) "
            "| peak PSS MB (process tree) | files written | files in output | output MB | load | note |\n"
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|---|\n")
    lines = []
    for (tool, scen), r in rows.items():
        if r.get("status") == "ok":
            lines.append(
                f"| {tool} | {scen} | {r['wall_s']:.2f} | {r['cpu_s']:.2f} | {r['max_rss_mb']:.0f} "
                f"| {r['tree_pss_mb']:.0f} | {r['files_written']} | {r['files_total']} "
                f"| {r['output_bytes'] / 1e6:.1f} | {r.get('load_before', 0):.1f} | {r.get('note', '')} |")
        else:
            lines.append(f"| {tool} | {scen} | {_secs(r)} | | | | | | | | {r.get('note', '')} |")
    return head + "\n".join(lines) + "\n"


def ratio_table(data: dict, base: str = "ssg (md)", metric: str = "wall_s") -> str:
    """Per scenario: ssg against Hugo (ssg / hugo, < 1 is ssg faster) and Pelican (pelican / ssg)."""
    rows = _median_rows(data)
    scenarios = list(dict.fromkeys(s for _, s in rows))
    unit = "wall s" if metric == "wall_s" else "CPU s"
    head = (f"| scenario | ssg (md) {unit} | hugo {unit} | ssg / hugo | pelican {unit} | pelican / ssg "
            f"| ssg (txt) {unit} |\n|---|--:|--:|--:|--:|--:|--:|\n")

    def val(row):
        if row is None:
            return "–"
        if row.get("status") == "ok":
            return f"{row[metric]:.2f}"
        return _secs(row)

    def ratio(a, b):
        if a and b and a.get("status") == "ok" and b.get("status") == "ok" and b[metric]:
            return f"{a[metric] / b[metric]:.2f}×"
        if a and b and a.get("status") == "timeout" and b.get("status") == "ok" and metric == "wall_s":
            return f"> {a['wall_s'] / b['wall_s']:.0f}×"
        return "–"

    lines = []
    for scen in scenarios:
        s, h, p, t = (rows.get((tool, scen)) for tool in (base, "hugo", "pelican", "ssg (txt)"))
        lines.append(f"| {scen} | {val(s)} | {val(h)} | {ratio(s, h)} | {val(p)} "
                     f"| {ratio(p, s)} | {val(t)} |")
    return head + "\n".join(lines) + "\n"


def rounds_table(data: dict, base: str = "ssg (md)", peer: str = "hugo", scen: str = "cold") -> str:
    """Each repeat's cold build by ssg and by the peer, with user and system CPU: bench/run.py runs
    the tools round by round, so one round's two builds are a pair (medians can mix rounds)."""
    runs: dict[tuple[str, int], dict] = {}
    for row in data["results"]:
        if row.get("scenario") == scen and row.get("status") == "ok" and row["tool"] in (base, peer):
            runs[(row["tool"], row.get("repeat", 0))] = row
    reps = sorted({rep for tool, rep in runs if tool == base} & {rep for tool, rep in runs if tool == peer})
    if not reps:
        return ""
    lines = [f"| round | {base} wall s (user + sys CPU) | {peer} wall s (user + sys CPU) | {base} / {peer} |",
             "|--:|--:|--:|--:|"]
    for rep in reps:
        a, b = runs[(base, rep)], runs[(peer, rep)]
        cells = [f"{r['wall_s']:.2f} ({r.get('user_s', 0):.1f} + {r.get('sys_s', 0):.1f})" for r in (a, b)]
        lines.append(f"| {rep + 1} | {cells[0]} | {cells[1]} | {a['wall_s'] / b['wall_s']:.2f}× |")
    return "\n".join(lines) + "\n"


def _get(datas: dict[int, dict], n: int, tool: str, scen: str) -> dict | None:
    if n not in datas:
        return None
    row = _median_rows(datas[n]).get((tool, scen))
    return row if row and row.get("status") == "ok" else None


def targets_table(datas: dict[int, dict], tool: str = "ssg (md)") -> str:
    """The issue's targets, each with the measured value and met / NOT met / not measured."""
    def g(n, scen, who=tool):
        return _get(datas, n, who, scen)

    checks = []

    def add(what, measured, ok):
        verdict = "not measured" if ok is None else ("met" if ok else "**NOT met**")
        checks.append(f"| {what} | {measured} | {verdict} |")

    s10, h10, p10 = g(10000, "cold"), g(10000, "cold", "hugo"), datas.get(10000) and \
        _median_rows(datas[10000]).get(("pelican", "cold"))
    if s10 and h10:
        add("10k cold build ≤ Hugo's time", f"{s10['wall_s']:.1f} s vs {h10['wall_s']:.1f} s "
            f"({s10['wall_s'] / h10['wall_s']:.2f}×)", s10["wall_s"] <= h10["wall_s"])
    else:
        add("10k cold build ≤ Hugo's time", "–", None)
    if s10 and p10 and p10.get("status") in ("ok", "timeout"):
        r = p10["wall_s"] / s10["wall_s"]
        more = "> " if p10["status"] == "timeout" else ""
        add("10k cold build ≥ 20× faster than Pelican",
            f"Pelican {more}{p10['wall_s']:.1f} s / ssg {s10['wall_s']:.1f} s = {more}{r:.1f}×",
            r >= 20 if p10["status"] == "ok" or r >= 20 else None)
    else:
        add("10k cold build ≥ 20× faster than Pelican", "–", None)
    c100 = g(100000, "cold")
    add("100k cold build ≤ 60 s", f"{c100['wall_s']:.1f} s" if c100 else "–",
        c100["wall_s"] <= 60 if c100 else None)
    if c100:
        peak = max(c100["max_rss_mb"], c100["tree_pss_mb"])
        add("100k peak memory ≤ 1.5 GB", f"{c100['max_rss_mb']:.0f} MB largest process, "
            f"{c100['tree_pss_mb']:.0f} MB tree PSS", peak <= 1536)
        add("100k output < 1 GB", f"{c100['output_bytes'] / GB:.2f} GB "
            f"({c100['files_total']} files)", c100["output_bytes"] < GB)
    else:
        add("100k peak memory ≤ 1.5 GB", "–", None)
        add("100k output < 1 GB", "–", None)
    n100 = g(100000, "noop")
    add("100k no-op rebuild ≤ 3 s", f"{n100['wall_s']:.2f} s" if n100 else "–",
        n100["wall_s"] <= 3 if n100 else None)
    a100 = g(100000, "add-article")
    add("100k one article added ≤ 2 s, ≤ 20 files written",
        f"{a100['wall_s']:.2f} s, {a100['files_written']} files" if a100 else "–",
        (a100["wall_s"] <= 2 and a100["files_written"] <= 20) if a100 else None)
    if c100 and s10:
        r = c100["wall_s"] / s10["wall_s"]
        add("100k build ≤ 11× the 10k build", f"{r:.1f}×", r <= 11)
    else:
        add("100k build ≤ 11× the 10k build", "–", None)
    return ("| target | measured | verdict |\n|---|---|---|\n" + "\n".join(checks) + "\n")


def machine_line(data: dict) -> str:
    """Where the run wrote its files and how fast the machine ran Python at its start and end."""
    m = data.get("machine", {})
    said = []
    if m.get("work_fs"):
        said.append(f"work folder on {m['work_fs']}")
    if m.get("cpu_probe_s"):
        said.append("CPU probe (5M-iteration Python loop, best of 3) " + " s, then ".join(map(str, m["cpu_probe_s"])) + " s")
    return ("; ".join(said) + ".\n\n") if said else ""


def render(datas: list[dict]) -> str:
    by_n = {d["n"]: d for d in datas}
    parts = []
    for n in sorted(by_n):
        d = by_n[n]
        parts.append(f"### N = {n:,}\n\n{machine_line(d)}{results_table(d)}\nWall time, same run:\n\n{ratio_table(d)}"
                     f"\nCPU time (user + system, all processes), same run:\n\n{ratio_table(d, metric='cpu_s')}")
        rounds = rounds_table(d)
        if rounds:
            parts.append(f"Cold builds round by round:\n\n{rounds}")
    parts.append("### Targets\n\n" + targets_table(by_n))
    return "\n".join(parts)


def main(argv: list[str]) -> int:
    datas = [json.loads(Path(p).read_text(encoding="utf-8")) for p in argv]
    print(render(datas))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
