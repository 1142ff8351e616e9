"""THE RECIPE. Every build, whether from the CLI, ``ssg watch`` or CI, runs these stages:

    site.toml --load_config--> SiteConfig
    content/** --scan--> SourceFile* --read (parallel; cache hit = reuse)--> Article* (+ bodies -> cache)
    Article* --assemble--> Site --plan--> RenderJob* --diff vs cache.outputs--> stale jobs
    stale jobs --parallel: render/feeds + write (staged; the search index's jobs last)--> WriteResult* --commit--> output/
    --prune unplanned outputs--> cache.finish --> BuildReport

No logic lives here beyond calling the stages in order and timing them.
"""
from __future__ import annotations

import functools
import inspect
import itertools
import marshal
import os
import pickle
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from operator import attrgetter
from pathlib import Path
from typing import Callable, Iterable, NoReturn

from . import __version__, assemble, parallel, permalinks, plan, read, scan, search, write
from . import cache as cache_module
from .cache import Cache, pack_body
from .config import SiteConfig
from .deps import TemplateGraph, code_digest, digest, fingerprint
from .errors import ContentError
from .memo import Memo
from .feeds import FeedRenderer
from .model import BuildReport, Problem, ReadResult, RenderJob, SourceFile, WriteResult
from .render import Renderer, static_paths, template_paths

Progress = Callable[[str, int, int], None]


class _Timer:
    def __init__(self):
        self.timings: list[tuple[str, float]] = []

    def __call__(self, name: str, fn, *args, **kwargs):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        self.timings.append((name, time.perf_counter() - start))
        return result


@dataclass
class Kept:
    """What ``ssg watch`` carries from one build to the next in its process (``keep_memory``):
    the read results (so unchanged articles stay the same objects), the planner's memo, the
    template graph, and output/ as the last build left it. Each is a shortcut to a value the
    build would otherwise load or compute again; none changes what is built. Valid for one config."""
    reads: dict = field(default_factory=dict)
    memo: Memo = field(default_factory=lambda: Memo(keep=True))
    graph: tuple | None = None
    outputs: dict | None = None
    present: set | None = None
    files: dict | None = None       # the last walk of content/ (patched with the watcher's changed paths)
    scanned: dict | None = None     # the last scan's records (scan.records), patched by scan.rescan
    last_scan: tuple | None = None  # the last scan: (sources, assets)
    where: dict | None = None       # rel -> index in last_scan's sources
    undigested: set = field(default_factory=set)   # content files last scanned without a digest
    stamps: dict | None = None      # the cache's source stamps as the last build left them


_KEPT: dict[tuple, Kept] = {}
_ONE_AT_A_TIME = threading.RLock()


def _kept(config: SiteConfig, out: Path, *, fresh: bool = False) -> Kept:
    key = (config.digest, str(out), str(config.cache_path))
    if fresh or key not in _KEPT:
        _KEPT.clear()
        _KEPT[key] = Kept()
        search.forget()         # (the search index's state, kept in its module, is the last site's)
    return _KEPT[key]


def build(config: SiteConfig, *, force: bool = False, progress: Progress | None = None,
          keep_memory: bool = False, changed: Iterable[str] | None = None, hold: list | None = None) -> BuildReport:
    """Build the site. ``keep_memory`` (ssg watch) keeps in-process working state (``Kept``),
    so that the next build in this process reuses it instead of loading and planning again.
    ``changed``: with ``keep_memory``, every path the watcher saw change since the last build;
    content/ is then not walked again, only those paths are. ``hold``: a list the build's working
    objects are put in instead of being freed when it returns, for a process that ends with
    ``leave()`` next (the ``ssg`` command). Builds in one process run one at a time (a watcher's
    thread and a caller's build would share the read stage's and the search index's state)."""
    with _ONE_AT_A_TIME, parallel.no_collection():
        try:
            return _build(config, force=force, progress=progress, keep_memory=keep_memory, changed=changed, hold=hold)
        except cache_module.CacheDamaged as exc:
            # A damaged row, found on the way: the cache is dropped and the site built from scratch
            # (what was rendered so far was only staged, and is gone with the staging folder).
            cache_module.discard(config.cache_path)
            _KEPT.clear()
            search.forget()
            report = _build(config, force=force, progress=progress, keep_memory=keep_memory, changed=None, hold=hold)
            warning = Problem(path=str(config.cache_path / cache_module.FILE), severity="warning",
                              message=f"{exc}: cache discarded, the site built from scratch")
            return replace(report, problems=(warning, *report.problems))


def leave(code: int) -> NoReturn:
    """End this process now with ``code``, without freeing the objects a build made one by one
    (at 100,000 articles ~10 million of them: ~1 s, more than the import of ssg), as mypy's
    ``hard_exit`` does: standard output and error are flushed and the background processes
    (the search index saving its state for the next build) waited for, then ``os._exit``. Every
    file the build wrote is closed and the cache's connection too; nothing else is pending.

    Under a profiler or a tracer (``python -m cProfile -o F -m ssg build``, coverage) it exits
    the usual way, so that they write what they measured."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):     # a closed pipe or stream: nothing more can be said there
            pass
    parallel.wait_for_background()
    if sys.getprofile() is not None or sys.gettrace() is not None:
        raise SystemExit(code)
    os._exit(code)


def _build(config: SiteConfig, *, force: bool, progress: Progress | None, keep_memory: bool,
           changed: Iterable[str] | None, hold: list | None = None) -> BuildReport:
    started = time.perf_counter()
    t = _Timer()
    out = write.check_output_safe(config)
    write.clear_leftovers(out)
    kept = _kept(config, out) if keep_memory else None
    cache = Cache(config.cache_path, __version__)
    spare = None
    try:
        problems = [Problem(path=".ssg-cache", message=cache.warning, severity="warning")] if cache.warning else []
        if cache.warning and kept:                # the cache was discarded: so is what this process kept
            kept = _kept(config, out, fresh=True)
        stamps = kept.stamps if kept and kept.stamps is not None else cache.source_stamps()
        # The no-op check is for one-shot builds. A watch build comes after a change; it plans and
        # reuses what it kept (and its first build plans in full, so that its first edit finds the memo full).
        # Its stat of every recorded output (140,000 at 100k: ~0.6 s) runs in a forked process
        # while this one scans content/; a build that is not a no-op never asks for the answer.
        last = None if force or kept else cache.last_build()
        there = None if last is None else \
            parallel.background(write.all_present, out, cache.output_names(), workers=config.build.workers)
        sources, assets = t("scan", scan_content, config, stamps, kept, changed)
        graph = template_graph(config, kept)
        statics = static_jobs(config, assets)
        unchanged = None if there is None else t("check", unchanged_report, last, inputs_key(config, sources, statics, graph), there)
        if unchanged is not None:
            _check_strict(config, list(unchanged.problems))    # --strict fails an unchanged site's bad files too
            if hold is not None:
                hold.append((sources, stamps))
            return replace(unchanged, timings=tuple(t.timings), seconds=time.perf_counter() - started)
        # A search index made from scratch (no state saved by the last build) is made in a process
        # forked now, while this one is small (parallel.Standby): forked from the planner, it
        # would share, and copy page by page, the planner's heap. One that resumes from the saved
        # state is forked from the planner (parallel.background): it starts at once on the docs it
        # inherits, where pickling them to a standby cost a one-article build at 100k ~2 s.
        # ssg watch keeps the index in this process.
        spare = None if keep_memory or not config.pages.search or plan.index_store(config.cache_path).usable() \
            else parallel.standby(config.build.workers)
        if not config.pages.search:                     # (no index: a state a build with search saved would only grow stale)
            plan.index_store(config.cache_path).path.unlink(missing_ok=True)
        # What output/ holds, listed in a forked process while this one reads and plans (at 100k
        # the walk is ~105,000 folders, 1.7-2 s); forked now, while this process is still small.
        # ssg watch knows what it left there and walks only when output/ changed behind its back.
        walked = None if kept else parallel.background(write.existing_outputs, out, workers=config.build.workers)
        # The search terms of the files read now, for an index made in this process (ssg watch, -j 1),
        # which need not fetch back what was just cached. A standby is sent docs without them (100k
        # terms are ~210 MB, held here until the end and pickled to it) and fetches them itself.
        fresh_terms: dict[str, str] | None = {} if spare is None and config.pages.search else None
        results = t("read", read_all, sources, config, cache, progress, kept.reads if kept else None, fresh_terms, stamps)
        problems += [p for r in results for p in r.problems]
        links = permalinks.load(config.root)
        if kept:
            kept.memo.made.clear()
        articles = [a for r in results for a in r.articles]
        site = t("assemble", assemble.assemble, articles, config, permalinks.by_article(links.articles, articles),
                 memo=kept.memo if kept else None, statics=static_roots(config))
        del articles
        problems += site.duplicates
        _check_strict(config, problems)
        runner = functools.partial(parallel.background, workers=config.build.workers, standby=spare)
        planner, jobs = t("plan", plan.plan, site, config, graph, links.redirects, memo=kept.memo if kept else None,
                          runner=runner, terms=fresh_terms)
        del fresh_terms
        jobs += statics
        # The index's files are asked for after the other pages are rendered when the index is made in
        # the standby, which holds only what it was sent: it goes on beside one render worker (it
        # outlasts planning by ~9 s at 100k). Forked from the planner (resumed from its saved state),
        # it shares and copies the planner's heap: beside a render worker the tree reached 1,590 MB
        # (a removal at 100k), so it is waited for here, as in watch (made in this process, and the
        # diff's shortcut needs every job).
        index_last = spare is not None
        if not index_last:
            jobs += t("index", planner.search)
        previous = kept.outputs if kept and kept.outputs is not None else cache.outputs()
        known = kept.present if kept and kept.present is not None and _still_there(out, kept.present) else None
        made = planner.made + statics if known is not None else None
        # "walk": the wait for that listing (near zero when it finished while this process planned)
        present = known if known is not None else t("walk", walked) if walked else write.existing_outputs(out)
        stale = t("diff", diff, jobs, previous, present, force, made)
        write.check_paths([j.output for j in jobs], [j.output for j in stale], out, present)

        def search_stale() -> list[RenderJob]:
            found = planner.search()
            jobs.extend(found)
            return diff(found, previous, present, force)
        late = functools.partial(t, "index", search_stale) if index_last else None
        written, sizes, staging = t("render", render_all, stale, planner, config, out, progress, late)
        problems += [Problem(path=".ssg-cache", message=w, severity="warning") for w in planner.warnings]
        removed = t("commit", commit, staging, written, present, jobs)
        outputs = {j.output: (j.fingerprint, sizes.get(j.output, previous.get(j.output, ("", 0))[1])) for j in jobs}
        recorded = {r.source.rel_path: (r.source.stamp, r.source.digest) for r in results}
        t("cache", cache.finish, sources=recorded,
          outputs=outputs, reader=reader_key(config),
          live_reads={(r.source.rel_path, r.source.digest) for r in results},
          live_bodies={a.body_digest for r in results for a in r.articles},
          live_terms={a.terms_digest for r in results for a in r.articles},
          previous_sources=stamps, previous_outputs=previous)
        feeds = sum(1 for j in jobs if j.renderer in ("rss", "atom", "json"))
        size = sum(s for _, s in outputs.values())
        report = BuildReport(
            articles=len(site.articles), pages=len(jobs) - feeds, feeds=feeds,
            rendered=frozenset(sizes), written=frozenset(written), removed=frozenset(removed),   # (sizes: every job rendered)
            problems=tuple(problems), timings=tuple(t.timings), output_bytes=size,
            seconds=time.perf_counter() - started,
            # for the size warning alone (~50 ms at 100k, 5% of a build in ssg watch)
            sizes=sizes_by_kind(jobs, outputs) if size > config.build.size_warning_mb * 1_000_000 else (),
        )
        key = inputs_key(config, [r.source for r in results], statics, graph)   # now every digest is known
        # (a no-op build says this report again: without what was said of the cache itself, which
        # the next build finds as it should be: "cache from another version discarded" said once)
        cache.set_last_build(key, pickle.dumps(replace(report, rendered=frozenset(), written=frozenset(), removed=frozenset(),
                                                       problems=tuple(p for p in report.problems if p.path != ".ssg-cache"))))
        if hold is not None:
            hold.append((results, site, planner, jobs, stale, outputs, previous, present, recorded, sources))
        if kept:
            kept.reads = {(r.source.rel_path, r.source.digest): r for r in results}
            kept.outputs, kept.present, kept.stamps = outputs, (present - removed) | set(written), recorded
    except BaseException:
        if kept:                                  # output/ may be half-way: look at it again next time
            kept.outputs = kept.present = kept.stamps = None
        raise
    finally:
        cache.close()
        if spare is not None:
            spare.close()
    return report


def sizes_by_kind(jobs: list[RenderJob], outputs: dict[str, tuple[str, int]]) -> tuple[tuple[str, int], ...]:
    """output/'s bytes by kind of output, largest first: what a site near GitHub Pages' 1 GB can cut."""
    groups = defaultdict(list)
    for job in jobs:
        groups[job.renderer, job.template].append(job.output)
    found: Counter = Counter()
    for (renderer, template), names in groups.items():
        kind = _KINDS.get(renderer.split("-")[0])     # (sitemap-index, news-sitemap)
        if kind is None:
            kind = "article pages" if template == "article.html" else "listing and other pages" \
                if renderer == "html" else "other files"
        found[kind] += sum(outputs[name][1] for name in names)
    return tuple(sorted(found.items(), key=lambda kind: (-kind[1], kind[0])))


_KINDS = {"rss": "feeds", "atom": "feeds", "json": "feeds", "search": "search index", "sitemap": "sitemaps", "news": "sitemaps"}


def _still_there(out: Path, present: set[str]) -> bool:
    """Whether output/ still looks as this process left it: its top-level files are all there (an
    emptied or deleted output/ is walked again; one page deleted by hand deep inside is not seen)."""
    return out.is_dir() and write.all_present(out, [p for p in present if "/" not in p])


def inputs_key(config: SiteConfig, sources, statics: list[RenderJob], graph: TemplateGraph) -> str | None:
    """A fingerprint of *every* input of the build, or None when some source must be read first.

    Same inputs, same outputs: when it equals the last build's and every output is still on
    disk, the stages after scan would plan exactly the fingerprints already recorded, so the
    build stops here (the no-op rebuild of a 100k archive then costs a stat walk, not a plan)."""
    if any(not s.digest for s in sources):
        return None
    links = config.root / permalinks.FILE
    return fingerprint(__version__, code_digest(), config.digest, reader_key(config),
                       [(s.rel_path, s.stamp, s.digest) for s in sources], [j.fingerprint for j in statics],
                       [(name, graph.source(name)[0]) for name in graph.all_templates()],
                       links.read_text(encoding="utf-8") if links.exists() else "")


def unchanged_report(last: tuple[str, bytes], key: str | None, there: Callable[[], bool]) -> BuildReport | None:
    """The last build's report (``last``: its inputs key and pickled report, ``Cache.last_build``)
    when ``key`` (``inputs_key``) is the same and ``there()`` says every output it recorded is
    still in output/; else None."""
    if key is None or last[0] != key:
        return None
    if not there():
        return None
    return cache_module.unpickled(last[1], "last build's report")


def assemble_only(config: SiteConfig):
    """The first three stages alone (scan, read, assemble): for ``ssg pin``, which needs the URLs."""
    cache = Cache(config.cache_path, __version__)
    try:
        sources, _ = scan.scan(config.content_path, config.ignore, cache.source_stamps())
        results = read_all(sources, config, cache, None)
    finally:
        cache.close()
    links = permalinks.load(config.root)
    articles = [a for r in results for a in r.articles]
    return assemble.assemble(articles, config, permalinks.by_article(links.articles, articles), statics=static_roots(config)), links


def _check_strict(config: SiteConfig, problems: list[Problem]) -> None:
    errors = [p for p in problems if p.severity == "error"]
    if config.build.strict and errors:
        raise ContentError(f"{len(errors)} bad content file(s) and --strict is on", problems=errors)


# --------------------------------------------------------------------------- read

_READ: dict = {}


def _init_read(config: SiteConfig, root: Path, cached: frozenset, texts: bool = True,
               previous: dict[str, ReadResult] | None = None) -> None:
    """``texts``: send the search terms' text with their packed bytes (the parent keeps them for
    an index made in its own process; for one made in the standby they were ~30% of the bytes
    each worker pickled and the parent read, ~1.7 of ~6 KB an article). ``previous``: each changed
    dataset file's last read, whose rows need not be read again (loaded once by the parent, which
    the forked workers inherit it from: a big dump's parts would each unpickle it otherwise)."""
    _READ.update(config=config, root=root, cached=cached, texts=texts, previous=previous or {})


def _read_one(task: SourceFile | tuple[SourceFile, int, int]) -> tuple:
    """Read, hash and parse one file; a known (path, digest) is only reported, not parsed again.
    -> ("hit", source), or ("read", the pickled ReadResult as the cache keeps it, packed bodies,
    (digest, terms or None, packed terms)...): pickled here, the result crosses to the parent and goes
    into the cache as the same bytes (the parent unpickles it once and pickles nothing).
    A task (source, k, n) reads part k of n of a big dataset's rows (``read_parts``)."""
    source, part = (task, None) if type(task) is SourceFile else (task[0], task[1:])
    try:
        data, sidecar = scan.load(_READ["root"], source)
    except OSError as exc:
        result = ReadResult(source=source, problems=(Problem(path=source.rel_path, message=f"cannot read: {exc.strerror}"),)
                            if not part or part[0] == 0 else ())
        return ("read", pickle.dumps(result, protocol=5), (), ())
    digest_ = read.digest_bytes(data + b"\x00" + (sidecar or b""))
    source = SourceFile(rel_path=source.rel_path, stamp=source.stamp, digest=digest_, sidecar=source.sidecar)
    if (source.rel_path, digest_) in _READ["cached"]:
        return ("hit", source)
    result = read.read_source(source, data, sidecar, _READ["config"], part, _READ["previous"].get(source.rel_path))
    stored = ReadResult(source=result.source, articles=result.articles, problems=result.problems)
    texts = _READ["texts"]
    return ("read", pickle.dumps(stored, protocol=5), tuple((d, pack_body(html)) for d, html in result.bodies),
            tuple((d, text if texts else None, pack_body(text)) for d, text in result.terms))


READ_CODE = ("_init_read", "_read_one")       # this module's code that makes what the cache keeps of a read


def reader_key(config: SiteConfig) -> str:
    """What the cached reads are valid for: the read stage's code, the libraries ssg uses and the
    settings (``read.read_digest``), and the code that hands it bytes: scan's loading of a file and
    its sidecar, and ``READ_CODE``. A change to ssg's other code (planning, rendering...) renders
    everything again but reads nothing again: at 100,000 articles ~100 s of reading an upgrade skips."""
    return digest(read.read_digest(config) + code_digest("scan") + _read_code_digest())


@functools.lru_cache(maxsize=1)
def _read_code_digest() -> str:
    return digest(b"\x00".join(map(_code_of, READ_CODE)))


def _code_of(name: str) -> bytes:
    """A function of this module as its source says, or as its compiled code where there is no
    source to read (an installation without the .py files)."""
    fn = globals()[name]
    try:
        return inspect.getsource(fn).encode()
    except (OSError, TypeError):
        return marshal.dumps(fn.__code__)


def read_all(sources: tuple[SourceFile, ...], config: SiteConfig, cache: Cache, progress: Progress | None,
             kept: dict | None = None, terms: dict | None = None, last: dict[str, tuple[str, str]] | None = None) -> list[ReadResult]:
    """``kept``: the last build's results in this process (ssg watch), used before the cache.
    ``terms``: filled with the search terms of the files read now (digest -> terms), so that the
    search index need not fetch back from the cache what was just put there. ``last``: the last
    build's (stamp, digest) of each file: a changed dataset file's rows that its last read has
    are not read again (``read.read_source``'s ``previous``)."""
    reader = reader_key(config)
    read.extract_options(config)                  # a bad [extract] table fails here, once, in the parent
    kept = kept or {}
    results, missing = [], []
    for s in sources:
        r = kept.get((s.rel_path, s.digest)) if s.digest else None
        if r is None:
            missing.append(s)
        else:
            results.append(r if r.source is s else _restamp(r, s))
    few = len(missing) <= 256                     # (a watch build after a few edits): look those up one by one
    known = cache.read_keys(reader, [s.rel_path for s in missing] if few else None) if missing else frozenset()
    hits = {(s.rel_path, s.digest): s for s in missing if s.digest and (s.rel_path, s.digest) in known}
    if hits:
        results += [_restamp(r, hits[(r.source.rel_path, r.source.digest)]) for r in cache.reads(reader, set(hits))]
    todo = [s for s in missing if (s.rel_path, s.digest) not in hits]
    fresh, bodies, packed_terms = [], [], []

    def keep(its_bodies: tuple, read_terms: tuple) -> None:
        """A read file's (or part's) bodies and terms, for the cache: inserted 512 at a time."""
        nonlocal bodies, packed_terms
        bodies += its_bodies
        packed_terms += [(d, packed) for d, _, packed in read_terms]
        if terms is not None:
            terms.update((d, text) for d, text, _ in read_terms)
        if len(bodies) >= 512:                    # (one call, not two per article)
            cache.put_bodies(bodies)
            cache.put_terms(packed_terms)
            bodies, packed_terms = [], []

    last_reads = _last_reads(todo, last, known, cache, reader)
    init_args = (config, config.content_path, known, terms is not None, last_reads)
    tasks = read_parts(todo, config.build.workers)
    # A big dataset's parts first, a task each (then the other files, 32 a task): its n parts
    # come back one after the other, in order, and are put together as the file's one result.
    big, small = [t for t in tasks if type(t) is tuple], [t for t in tasks if type(t) is not tuple]
    runner = itertools.chain(
        parallel.run(_read_one, big, init=_init_read, init_args=init_args, workers=config.build.workers, chunksize=1),
        parallel.run(_read_one, small, init=_init_read, init_args=init_args, workers=config.build.workers, chunksize=32))
    parts: list[ReadResult] = []
    for n, (task, outcome) in enumerate(zip(big + small, runner), 1):
        if progress:
            progress("read", n, len(tasks))
        if type(task) is tuple:                   # part k of n of a big dump
            if outcome[0] == "read":
                parts.append(pickle.loads(outcome[1]))
                keep(outcome[2], outcome[3])
            if task[1] + 1 < task[2]:
                continue
            if outcome[0] == "read":              # (the workers' results are the cache's: no bodies, no terms)
                result = read.whole(parts[-1].source, parts)
                fresh.append((result.source.rel_path, result.source.digest, pickle.dumps(result, protocol=5)))
                results.append(result)
                parts = []
                continue
            parts = []                            # (each part found the file known: taken once, with the last)
        if outcome[0] == "hit":                   # bytes already known under a new stamp (a git checkout)
            key = (outcome[1].rel_path, outcome[1].digest)
            same = last_reads.get(key[0])         # (a dump's last read, loaded already: these very bytes)
            same = same if same is not None and same.source.digest == key[1] else None
            results.append(_restamp(kept.get(key) or same or cache.read_result(reader, *key), outcome[1]))
        else:
            _, blob, its_bodies, read_terms = outcome
            keep(its_bodies, read_terms)
            result = pickle.loads(blob)
            fresh.append((result.source.rel_path, result.source.digest, blob))
            results.append(result)
    cache.put_bodies(bodies)
    cache.put_terms(packed_terms)
    cache.put_reads(reader, fresh)
    cache.commit()                                # bodies become visible to the render workers
    if missing:
        results.sort(key=lambda r: r.source.rel_path)
    return results


def _last_reads(todo: list[SourceFile], last: dict[str, tuple[str, str]] | None, known: frozenset,
                cache: Cache, reader: str) -> dict[str, ReadResult]:
    """The last read of each dataset file among ``todo`` that the cache has (under this reader);
    one that cannot be decoded is left out: that file is read in full, as without it."""
    found = {}
    for s in todo:
        digest_ = (last or {}).get(s.rel_path, ("", ""))[1]
        if s.rel_path.lower().endswith(read.DATASET_SUFFIXES) and (s.rel_path, digest_) in known:
            try:
                found[s.rel_path] = cache.read_result(reader, s.rel_path, digest_)
            except cache_module.CacheDamaged:
                pass
    return found


PART_BYTES = 8 << 20       # a dataset file at least this big is read by every worker, a part of its rows each


def read_parts(sources: list[SourceFile], workers: int) -> list[SourceFile | tuple[SourceFile, int, int]]:
    """The read stage's tasks: a file each, but a JSONL or CSV file of PART_BYTES or more is n
    tasks (source, k, n), part k of its rows each (``extract.extract_dataset``): a dump of 100,000
    articles in one file is read by all the workers, each holding the results of its part only,
    instead of by one. n: two parts a worker (each part decodes the whole file: ~1 s for 100 MB)."""
    workers = workers or parallel.default_workers()
    tasks: list = []
    for s in sources:
        size = scan.size_of(s) if workers > 1 and s.rel_path.lower().endswith(read.DATASET_SUFFIXES) else 0
        n = min(2 * workers, size // PART_BYTES + 1) if size >= PART_BYTES else 1
        tasks += [s] if n == 1 else [(s, k, n) for k in range(n)]
    return tasks


def _restamp(result: ReadResult, source: SourceFile) -> ReadResult:
    """The result as read from ``source``'s bytes, without bodies: the cached one itself when it
    has those already (its file not touched since it was read; a one-article build at 100k skips
    100,000 copies, ~0.3 s)."""
    was = result.source
    if (was.stamp, was.digest, was.rel_path, was.sidecar) == (source.stamp, source.digest, source.rel_path, source.sidecar) \
            and not result.bodies and not result.terms:
        return result
    return ReadResult(source=source, articles=result.articles, bodies=(), problems=result.problems)


# --------------------------------------------------------------------------- plan extras, diff

REWALK_MAX = 256      # more changed paths than this (a checkout, a bulk copy): walk content/ again


def scan_content(config: SiteConfig, stamps: dict, kept: Kept | None, changed: Iterable[str] | None):
    """Stage 1, ``scan``: in watch mode from the last walk of content/ patched with the changed paths."""
    root = config.content_path
    rels = None
    if kept is not None and kept.files is not None and changed is not None:
        rels = set()
        for path in changed:
            path = Path(path)
            if path == root or root.is_relative_to(path):
                rels = None                            # content/ itself moved or was replaced
                break
            if path.is_relative_to(root):
                rels.add(path.relative_to(root).as_posix())
        if rels is not None and len(rels) > REWALK_MAX:
            rels = None
    last_files = kept.files if kept is not None else None
    files = scan.walk(root, config.ignore) if rels is None else scan.rewalk(root, config.ignore, last_files, rels)
    found = patched = None
    if rels is not None and kept.scanned is not None:
        wanted = rels | kept.undigested
        found = patched = scan.patch(root, kept.last_scan, files, stamps, last_files, kept.scanned, kept.where, wanted)
        if found is None:
            found = scan.rescan(files, stamps, last_files, kept.scanned)
            if found is not None:
                kept.where = {s.rel_path: i for i, s in enumerate(found[0])}
    if found is None:
        found = scan.scan(root, config.ignore, stamps, files)
        if kept is not None:
            kept.scanned, kept.where = scan.records(*found), {s.rel_path: i for i, s in enumerate(found[0])}
    if kept is not None:
        kept.files, kept.last_scan = files, found
        if patched is not None:
            kept.undigested = {r for r in wanted if r in kept.where and not found[0][kept.where[r]].digest}
        else:
            kept.undigested = {s.rel_path for s in found[0] if not s.digest}
    return found


def template_graph(config: SiteConfig, kept: Kept | None) -> TemplateGraph:
    """The template graph; in watch mode the last one while no template file has changed."""
    paths = template_paths(config)
    if kept is None:
        return TemplateGraph(paths)
    stamps = tuple((str(f), st.st_mtime_ns, st.st_size) for root in paths if root.is_dir()
                   for f, st in sorted(((f, f.stat()) for f in root.rglob("*") if f.is_file()), key=lambda x: str(x[0])))
    if kept.graph is None or kept.graph[0] != stamps:
        kept.graph = (stamps, TemplateGraph(paths))
    return kept.graph[1]


def static_roots(config: SiteConfig) -> frozenset[str]:
    """The top-level names of the theme's and the site's static folders: no article URL takes them."""
    return frozenset(name for root in static_paths(config) if root.is_dir() for name in os.listdir(root))


def static_jobs(config: SiteConfig, assets: tuple[SourceFile, ...]) -> list[RenderJob]:
    """Theme and site static files, then content assets (later wins), copied as they are."""
    chosen: dict[str, tuple[Path, str]] = {}
    for root in static_paths(config):
        for rel, st in scan.walk(root, (".*",)).items():
            if type(st) is not scan.Unusable:      # (a broken link, a folder that cannot be listed: not copied)
                chosen[rel] = (root / rel, f"{st.st_mtime_ns}:{st.st_size}")
    for asset in assets:
        chosen[asset.rel_path] = (config.content_path / asset.rel_path, asset.stamp)
    return [RenderJob(output=rel, renderer="copy", template=None, view={"src": str(src)},
                      fingerprint=digest(f"copy\x00{src}\x00{stamp}")) for rel, (src, stamp) in sorted(chosen.items())]


def diff(jobs: list[RenderJob], previous: dict[str, tuple[str, int]], present: set[str], force: bool,
         made: list[RenderJob] | None = None) -> list[RenderJob]:
    """-> the jobs whose fingerprint changed or whose output file is missing, sorted by output.

    ``present``: the files now in output/. ``made`` (ssg watch, when ``present`` is what this
    process left in output/): the jobs the planner made rather than reused from its memo (and the
    static copies). A reused job is the one the last build planned for its output, so when this
    build plans exactly the outputs the last one did, only the made jobs can be stale."""
    if force:
        return sorted(jobs, key=attrgetter("output"))
    if made is not None and len(jobs) == len(previous) and previous.keys() == {j.output for j in jobs}:
        jobs = made
    stale = [j for j in jobs if j.output not in present or previous.get(j.output, ("",))[0] != j.fingerprint]
    stale.sort(key=attrgetter("output"))
    return stale


# --------------------------------------------------------------------------- render and write

_RENDER: dict = {}


def _init_render(config: SiteConfig, globals_view: dict, cards: dict, staging: write.Staging) -> None:
    html = Renderer(config, globals_view, cards, config.cache_path)
    feeds = FeedRenderer(globals_view, cards, html.bodies, full_text=config.feeds.full_text)
    _RENDER.update(html=html, feeds=feeds, staging=staging)


def _render_one(job: RenderJob) -> WriteResult:
    if job.renderer == "html":
        data = _RENDER["html"].render(job)
    elif job.renderer == "search":
        data = search.render_shard(job.view)
    elif job.renderer in ("rss", "atom", "json", "sitemap", "sitemap-index", "news-sitemap"):
        data = _RENDER["feeds"].render(job)
    elif job.renderer == "copy":
        data = Path(job.view["src"]).read_bytes()
    else:
        data = job.view["text"].encode("utf-8")
    return _RENDER["staging"].write(job.output, data, job.fingerprint)


def render_all(stale: list[RenderJob], planner, config: SiteConfig, out: Path, progress: Progress | None,
               late: Callable[[], list[RenderJob]] | None = None):
    """Render and stage ``stale``, then the jobs ``late()`` gives (called once those are done).
    While the search index's process is still at work, one render worker fewer runs: two
    processes on two cores, and the index's memory never beside a full pool's (at 100k the
    pool's workers grow to ~400 MB each)."""
    out.mkdir(parents=True, exist_ok=True)
    staging = write.prepare(out)
    written, sizes = [], {}
    try:
        cards = planner.cards

        def date_of(job: RenderJob) -> str | None:
            """A job's date is its first card's (None for a job without one: any band)."""
            card = cards.get(job.sources[0]) if job.sources else None
            return None if card is None else card["date"] or ""

        def run(batch: list[RenderJob], done: int, total: int) -> int:
            # Each worker renders the jobs of one date band, so it touches and caches about half the
            # cards, not all of them (docs/benchmarks.md).
            runner = parallel.bands(_render_one, batch, date_of, init=_init_render,
                                    init_args=(config, planner.globals, cards, staging),
                                    workers=config.build.workers, chunksize=64, busy=[planner.index_process])
            for done, result in enumerate(runner, done + 1):
                sizes[result.output] = result.size
                if result.written:
                    written.append(result.output)
                if progress:
                    progress("render", done, total)
            return done

        done = run(stale, 0, len(stale))
        if late is not None:
            more = late()
            run(more, done, done + len(more))
    except BaseException:
        staging.abort()
        raise
    return written, sizes, staging


def commit(staging: write.Staging, written: list[str], present: set[str], jobs: list[RenderJob]) -> set[str]:
    """Move staged files into place, then remove every file of output/ that is no longer planned."""
    staging.commit(written)
    planned = {j.output for j in jobs}
    removed = present - planned
    write.prune(staging.out, removed)
    return removed
