"""Search benchmark: index size and build time at N articles, then, in headless Chromium, the bytes
the first query downloads and the query latency once the index is loaded.

    python bench/bench_search.py [N=100000] [--site OUTPUT_DIR] [--work DIR] [--json FILE]

Without --site it makes N articles in memory from the real corpus (../shared/corpus/real/
saudinewsnet_2000.jsonl: each synthetic article takes a real title and body, reshuffled, plus a
few rare made-up words so the vocabulary keeps growing as a real archive's does), spreads them
over 2000-2024 with 24 sections and the corpus's 13 sources, builds the index with
ssg/search.py (``analyse`` in 2 processes, then ``shard_views``) and writes it with a search page
rendered from the theme's search.html. With --site it measures an already built site (its
search/ folder and search page).

The site is served from 127.0.0.1 under /archive/ (a GitHub Pages project path), uncompressed
(GitHub Pages gzips text files, so real transfers of the JSON parts are smaller). Chromium is
Debian's /usr/bin/chromium driven by Playwright. Every figure comes from Chromium's own network
events (encoded bytes per response) and from the page's timer around search + first results; the
load average before and after the browser part is in the report (the machine may be shared).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import shutil
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ssg import search  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus" / "real" / "saudinewsnet_2000.jsonl"
SUBPATH = "/archive/"
SECTIONS = ("محليات", "سياسة", "اقتصاد", "رياضة", "ثقافة", "رأي", "تقنية", "علوم", "صحة", "تعليم", "دولي", "خليجي",
            "عقارات", "طاقة", "أسواق", "فن", "مجتمع", "حوادث", "سياحة", "بيئة", "سيارات", "منوعات", "تحقيقات", "حوارات")
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# Queries typed by the test reader: common and rare words, two and three words, a prefix, diacritics.
QUERIES = ["الرياض", "وزارة الصحة", "ولي العهد", "النفط", "مُسْتَشْفَى", "اسرائيل", "الاقتصاد السعودي", "كرة القدم",
           "الهلال النصر", "امطار غزيرة", "داعش", "التعليم", "أمير منطقة", "سوق الأسهم", "مجلس الوزراء", "الحج",
           "الميليشيات الحوثية عدن", "برنامج", "المملكه", "الإرهاب"]
FIRST_QUERIES = ["الرياض", "وزارة الصحة", "مُسْتَشْفَى", "الهلال النصر", "الميليشيات الحوثية عدن", "المملكه"]


# --------------------------------------------------------------------------- the archive and its index

def _rows() -> list[dict]:
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    return [r for r in rows if len((r.get("content") or "").split()) > 20]


def make_docs(n: int, seed: int = 7) -> list[dict]:
    rows, rng = _rows(), random.Random(seed)
    span = 25 * 365 * 86400
    docs = []
    for i in range(n):
        r = rows[i % len(rows)]
        words = r["content"].split()
        if i >= len(rows):
            rng.shuffle(words)
            words = words[: max(60, len(words) - rng.randrange(0, 80))]
        rare = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 7))) for _ in range(3)]
        words[rng.randrange(len(words)): 0] = rare
        t = 946684800 + span * i // n + rng.randrange(3600)
        date = time.strftime("%Y-%m-%dT%H:%M:%S+03:00", time.gmtime(t))
        docs.append({"key": f"n{i:06d}", "url": f"{date[:4]}/{date[5:7]}/n{i:06d}/", "title": (r["title"] or "بلا عنوان") + f" {i}",
                     "date": date, "date_text": date[:10], "section": SECTIONS[min(int(rng.paretovariate(1.2)) - 1, len(SECTIONS) - 1)],
                     "source": r["source"], "tags": [], "summary": " ".join(words[:30])[:160], "text": " ".join(words)})
    return docs


def _analyse(doc: dict) -> dict:
    doc["terms"] = search.analyse(doc)
    del doc["text"]
    return doc


def build_index(docs: list[dict], out: Path) -> dict:
    started = time.perf_counter()
    with multiprocessing.Pool(2) as pool:
        docs = pool.map(_analyse, docs, chunksize=500)
    analysed = time.perf_counter()
    views = search.shard_views(docs)
    planned = time.perf_counter()
    total = 0
    for path, view in views.items():
        data = search.render_shard(view)
        total += len(data)
        (out / path).parent.mkdir(parents=True, exist_ok=True)
        (out / path).write_bytes(data)
    kinds = {}
    for path in views:
        kind = path.split("/")[1] if path.count("/") > 1 else "manifest"
        kinds[kind] = kinds.get(kind, 0) + 1
    return {"analyse_s": round(analysed - started, 1), "shard_views_s": round(planned - analysed, 1),
            "files": len(views), "files_by_kind": kinds, "bytes": total, "bytes_per_article": round(total / len(docs)),
            "manifest_bytes": len(search.render_shard(views["search/manifest.json"])),
            "largest_postings_shard": max(len(search.render_shard(v)) for p, v in views.items() if "/t/" in p)}


def write_page(out: Path, base_url: str) -> None:
    """The theme's search page, its script and styles, as a build would write them."""
    from ssg.config import SiteConfig
    from ssg.plan import LABELS
    from ssg.render import make_env

    config = SiteConfig(base_url=base_url, title="أرشيف")
    env = make_env(config)
    env.globals["card_html"] = lambda *a, **k: ""
    site = {"title": "أرشيف", "description": "", "base_url": base_url, "language": "ar", "dir": "rtl", "labels": LABELS["ar"],
            "feeds": {}, "nav": [], "extra": {}, "author": "", "base_path": SUBPATH, "show_hijri": False}
    html = env.get_template("search.html").render(site=site, page={"kind": "search", "title": "بحث", "url": "search/"},
                                                  card=lambda k: {}, body="", output="search/index.html")
    (out / "search" / "index.html").write_text(html, encoding="utf-8")
    static = REPO / "themes" / "default" / "static"
    for rel in ("js/search.js", "css/search.css", "css/style.css"):
        (out / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(static / rel, out / rel)


# --------------------------------------------------------------------------- the browser

TYPES = {".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json",
         ".bin": "application/octet-stream"}


def _serve(out: Path, port: int) -> None:
    """A static file server for the measurements: HTTP/1.1 keep-alive, one write per response,
    TCP_NODELAY. (http.server answers 10 parallel small requests in ~90 ms on this machine, which
    would measure the server, not the search.)"""
    import asyncio
    import socket

    cache: dict[str, bytes | None] = {}

    def load(path: str) -> bytes | None:
        if path not in cache:
            rel = path[len(SUBPATH):] if path.startswith(SUBPATH) else None
            file = (out / rel) if rel is not None else None
            if file is not None and (rel == "" or rel.endswith("/")):
                file = file / "index.html"
            cache[path] = file.read_bytes() if file is not None and file.is_file() else None
        return cache[path]

    async def handle(reader, writer):
        writer.get_extra_info("socket").setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1].decode().split("?", 1)[0]
                from urllib.parse import unquote
                body = load(unquote(path))
                status = "200 OK" if body is not None else "404 Not Found"
                body = body if body is not None else b"not found"
                kind = TYPES.get(Path(path).suffix or ".html", "application/octet-stream")
                writer.write(f"HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
                             f"Cache-Control: max-age=600\r\n\r\n".encode() + body)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    async def main():
        server = await asyncio.start_server(handle, "127.0.0.1", port)
        async with server:
            await server.serve_forever()

    asyncio.run(main())


def _wait_for_port(port: int) -> None:
    import socket
    for _ in range(100):
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"server on port {port} did not start")


def measure(out: Path, port: int) -> dict:
    from playwright.sync_api import sync_playwright

    server = multiprocessing.Process(target=_serve, args=(out, port), daemon=True)   # own process: own GIL
    server.start()
    _wait_for_port(port)
    url = f"http://127.0.0.1:{port}{SUBPATH}search/"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    result = {"first_query": [], "latency_ms": {}, "find_ms": {}}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
            for query in FIRST_QUERIES:                       # each in a cold browser context
                context = browser.new_context()
                page = context.new_page()
                bytes_ = _meter(context, page)
                page.goto(url)
                page.wait_for_function("() => document.getElementById('search').dataset.ready === '1'")
                page_load = dict(bytes_)
                bytes_.clear()
                page.fill("#q", query)
                page.wait_for_function("() => document.getElementById('search').dataset.done")
                page.wait_for_timeout(100)
                ms = int(page.get_attribute("#search", "data-ms"))
                count = page.locator("#search-status").inner_text()
                result["first_query"].append({"query": query, "page_and_manifest_bytes": sum(page_load.values()),
                                              "query_bytes": sum(bytes_.values()), "files": len(bytes_), "ms": ms, "status": count})
                if query == FIRST_QUERIES[0]:
                    result["page_load_files"] = {k.split(SUBPATH, 1)[1]: v for k, v in page_load.items()}
                context.close()
            context = browser.new_context()                   # then one reader's session
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("() => document.getElementById('search').dataset.ready === '1'")
            for rounds in ("first", "again"):
                for n, query in enumerate(QUERIES):
                    done = page.get_attribute("#search", "data-done") or ""
                    page.fill("#q", query)
                    page.wait_for_function(f"() => (document.getElementById('search').dataset.done || '') !== {json.dumps(done)}")
                    result["latency_ms"].setdefault(rounds, []).append(int(page.get_attribute("#search", "data-ms")))
                    result["find_ms"].setdefault(rounds, []).append(int(page.get_attribute("#search", "data-ms-find")))
            context.close()
            context = browser.new_context()                   # a reader typing (150 ms a key), fresh cache
            page = context.new_page()
            page.goto(url)
            page.wait_for_function("() => document.getElementById('search').dataset.ready === '1'")
            for query in QUERIES:
                page.fill("#q", "")
                page.wait_for_timeout(200)
                page.type("#q", query, delay=150)
                page.wait_for_function(f"() => document.getElementById('q').value === {json.dumps(query)} && "
                                       "document.getElementById('search').dataset.done && "
                                       f"document.getElementById('search').dataset.query === {json.dumps(query)}")
                result["latency_ms"].setdefault("typed", []).append(int(page.get_attribute("#search", "data-ms")))
                result["find_ms"].setdefault("typed", []).append(int(page.get_attribute("#search", "data-ms-find")))
            context.close()
            browser.close()
    finally:
        server.terminate()
        server.join()
    for kind in ("latency", "find"):
        for rounds, values in result[f"{kind}_ms"].items():
            result[f"{kind}_{rounds}"] = {"median": statistics.median(values), "p95": sorted(values)[round(0.95 * (len(values) - 1))], "max": max(values)}
    return result


def _meter(context, page) -> dict:
    seen: dict[str, int] = {}
    session = context.new_cdp_session(page)
    session.send("Network.enable")
    urls: dict[str, str] = {}
    session.on("Network.responseReceived", lambda e: urls.__setitem__(e["requestId"], e["response"]["url"]))
    session.on("Network.loadingFinished", lambda e: seen.__setitem__(urls.get(e["requestId"], e["requestId"]), int(e["encodedDataLength"])))
    return seen


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("n", type=int, nargs="?", default=100_000)
    ap.add_argument("--site", type=Path, help="measure this built output/ folder instead of generating one")
    ap.add_argument("--work", type=Path, default=Path("/tmp/ssg-bench-search"))
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    report = {"n": args.n}
    if args.site:
        out = args.site
    else:
        out = args.work / f"site-{args.n}"
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        started = time.perf_counter()
        docs = make_docs(args.n)
        report["generate_s"] = round(time.perf_counter() - started, 1)
        report["index"] = build_index(docs, out)
        del docs
        write_page(out, f"http://127.0.0.1:{args.port}{SUBPATH}")
    report["load_before"] = [round(x, 2) for x in os.getloadavg()]   # the machine may be shared: say how busy it was
    report["browser"] = measure(out, args.port)
    report["load_after"] = [round(x, 2) for x in os.getloadavg()]
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
