"""Proof by a real client: LinkChecker crawls a site served under a GitHub Pages subpath.

The site is built with base_url = https://example.github.io/archive/ and output/ is served under
/archive/ on 127.0.0.1 (a directory is served only with its trailing slash, as links must carry
it). LinkChecker (PyPI ``linkchecker``) starts from the home page and from every HTML page and
sitemap, parses every page and checks every link and #anchor. Then:

- zero broken links (LinkChecker's "valid" column) and zero anchor warnings;
- zero links that leave the subpath: every URL on our hosts (127.0.0.1:PORT or the public host)
  is under /archive/; other hosts only where the content itself links to them;
- absolute URLs on the public host (canonical links, sitemap <loc>, feed links, robots.txt
  Sitemap: lines) are mapped to the local server and must resolve too. LinkChecker only checks
  their syntax (they are off-site for it) and does not parse feeds, so this pass is ours.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import unquote, urlsplit
from urllib.request import urlopen

import pytest

from tests.conftest import SMALL_SITE, build_site, make_site

PUBLIC = "https://example.github.io/archive/"
PREFIX = "/archive/"
# Hosts that the test content itself links to; anything else off-site is a theme/ssg bug.
CONTENT_HOSTS = {"www.example.org"}

EXTRA = """\
-- content/2024/external.md --
---
title: خبر فيه رابط خارجي
date: 2024-04-07T08:00:00+03:00
section: محليات
tags: [نفط]
---
التفاصيل في [موقع الجهة](https://www.example.org/news/1) وفي الجدول:

| البند | القيمة |
|---|---|
| أ | ١ |
-- content/undated.md --
---
title: مقال بلا تاريخ
category: رأي
---
نص مقال لا يحمل تاريخاً.
-- permalinks.toml --
[redirects]
"2024/03/old-economy-story/" = "2024/03/الخبر-الأول-عن-الاقتصاد/"
-- content/raw/reference-layout.txt --
القائمة الرئيسية

افتتاح مكتبة عامة جديدة في وسط المدينة

05-04-2024, 18:30 ثقافة
موقع المدينة الإخباري

افتتحت البلدية مكتبة عامة جديدة تضم أكثر من عشرين ألف كتاب.

وتفتح المكتبة أبوابها يومياً من التاسعة صباحاً حتى التاسعة مساءً.

وكالات

شارك
"""

# LinkChecker's rate limit is lifted for a server that sends a "LinkChecker" header (its
# documented opt-in); the config raises the per-host rate too. Without both a 60-URL crawl
# takes ~20 s of deliberate sleeping.
LINKCHECKER_RC = """\
[checking]
maxrequestspersecond=1000
threads=4
timeout=10
[filtering]
checkextern=0
[AnchorCheck]
"""
# As root (CI), LinkChecker seteuid()s to "nobody" and could then fail to import its own lazily
# loaded modules from a checkout nobody may read; it only talks to 127.0.0.1 here.
RUN_LINKCHECKER = (
    "import sys, linkcheck.command.linkchecker as m\n"
    "if hasattr(m, 'drop_privileges'): m.drop_privileges = lambda: None\n"
    "sys.argv[0] = 'linkchecker'\n"
    "sys.exit(m.linkchecker())\n"
)


class SubpathHandler(SimpleHTTPRequestHandler):
    """/archive/<path> -> output/<path>; a directory only with its trailing slash; else 404."""

    def __init__(self, *args, root: Path, **kwargs):
        self.root = root
        super().__init__(*args, directory=str(root), **kwargs)

    def send_head(self):
        path = unquote(urlsplit(self.path).path)
        if not path.startswith(PREFIX):
            self.send_error(404, "outside the base path")
            return None
        rel = path[len(PREFIX):]
        if ".." in rel.split("/"):
            self.send_error(404)
            return None
        target = self.root / rel
        if target.is_dir():
            if rel and not rel.endswith("/"):
                self.send_error(404, "directory without trailing slash")
                return None
            target = target / "index.html"
        if not target.is_file():
            self.send_error(404)
            return None
        f = target.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(target)))
        self.send_header("Content-Length", str(os.fstat(f.fileno()).st_size))
        self.send_header("LinkChecker", "allow")        # lift LinkChecker's politeness delay
        self.end_headers()
        return f

    def log_message(self, *args):                        # keep pytest output clean
        pass


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = make_site(tmp_path_factory.mktemp("linkcheck"), SMALL_SITE + EXTRA)
    toml = site / "site.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace("[feeds]\n", "[feeds]\nfull_text = true\n"), encoding="utf-8")
    report = build_site(site)
    assert report.skipped == 0, report.problems
    out = site / "output"
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SubpathHandler, root=out))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield out, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _linkchecker_python() -> str:
    """The interpreter that has linkcheck importable (this venv), or skip."""
    try:
        import linkcheck  # noqa: F401
    except ImportError:
        pytest.skip("LinkChecker is not installed (pip install -e '.[test]' installs it)")
    return sys.executable


def _url_of(out: Path, file: Path, origin: str) -> str:
    rel = file.relative_to(out).as_posix()
    if rel.endswith("index.html"):
        rel = rel[: -len("index.html")]
    return origin + PREFIX + rel


def _on_our_host(url: str, origin: str) -> bool:
    return url.startswith((origin + "/", "https://example.github.io/", "http://example.github.io/"))


def _local(url: str, origin: str) -> str:
    return origin + PREFIX + url[len(PUBLIC):]


def _fetch_status(url: str) -> int:
    try:
        with urlopen(url, timeout=10) as r:
            return r.status
    except HTTPError as exc:
        return exc.code


def run_linkchecker(out: Path, origin: str, tmp: Path) -> list[dict]:
    python = _linkchecker_python()
    rc = tmp / "linkcheckerrc"
    rc.write_text(LINKCHECKER_RC, encoding="utf-8")
    starts = [origin + PREFIX] + [_url_of(out, p, origin) for p in sorted(out.rglob("*.html"))]
    starts += [origin + PREFIX + n for n, (kind, _) in _machine_files(out).items() if kind in SITEMAP_KINDS]
    proc = subprocess.run(
        [python, "-c", RUN_LINKCHECKER, "-f", str(rc), "--no-status", "--verbose", "-o", "csv/utf-8", "--stdin"],
        input="\n".join(starts), capture_output=True, text=True, timeout=120,
        env={**os.environ, "HOME": str(tmp)},            # no ~/.linkchecker from the machine
    )
    # Exit 1 = broken links found (we report them below); 2 = LinkChecker itself failed.
    assert proc.returncode in (0, 1), f"linkchecker failed ({proc.returncode}):\n{proc.stderr[-3000:]}"
    # Drop LinkChecker's "# created by ..." comment lines; a row may start with "#" too ("#main").
    body = "".join(line + "\n" for line in proc.stdout.splitlines() if line and not (line.startswith("#") and ";" not in line))
    rows = list(csv.DictReader(io.StringIO(body), delimiter=";"))
    assert rows, f"LinkChecker reported nothing:\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}"
    return rows


def test_linkchecker_finds_no_broken_links_and_none_leave_the_subpath(served, tmp_path):
    out, origin = served
    rows = run_linkchecker(out, origin, tmp_path)
    broken, leaving, anchors, public = [], [], [], set()
    for row in rows:
        url, where = row["url"] or row["urlname"], f"{row['urlname']!r} on {row['parentname'] or '(start)'}"
        if row["valid"] != "True":
            broken.append(f"{where}: {row['result']} {row['warningstring']}".strip())
        if "anchor" in row["warningstring"].lower():
            anchors.append(f"{where}: {row['warningstring']}")
        if _on_our_host(url, origin):
            if not urlsplit(url).path.startswith(PREFIX):
                leaving.append(where)
            elif url.startswith(PUBLIC):
                public.add(url)
            elif not url.startswith(origin + PREFIX):
                leaving.append(f"{where} (http instead of https?)")
        elif urlsplit(url).scheme in ("http", "https") and urlsplit(url).hostname not in CONTENT_HOSTS:
            leaving.append(f"{where} (off-site link the content does not make)")
    problems = [f"broken: {b}" for b in broken] + [f"leaves /archive/: {x}" for x in leaving] + [f"anchor: {a}" for a in anchors]
    assert not problems, f"LinkChecker over {len(rows)} URLs found:\n" + "\n".join(problems)

    # Every HTML page was fetched and parsed, and canonical (public) URLs resolve locally too.
    checked = {unquote(urlsplit(r["url"]).path) for r in rows if r["url"].startswith(origin)}
    missing = [p for p in out.rglob("*.html") if unquote(urlsplit(_url_of(out, p, origin)).path) not in checked]
    assert not missing, f"pages LinkChecker never fetched: {missing[:5]}"
    assert public, "no canonical links to the public base_url were found"
    bad = [f"{u} -> {s}" for u in sorted(public) if (s := _fetch_status(_local(u, origin))) != 200]
    assert not bad, "public URLs that do not resolve under /archive/:\n" + "\n".join(bad)


_URL = re.compile(r"https?://[^\s\"'<>\\)]+")


def _strings(node):
    """Every string value in parsed JSON."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for v in node.values():
            yield from _strings(v)
    elif isinstance(node, list):
        for v in node:
            yield from _strings(v)


def _machine_files(out: Path) -> dict[str, tuple[str, list[str]]]:
    """Feeds, sitemaps and robots.txt -> (kind, every http(s) URL in their values and embedded HTML).

    kind is the XML root's local name (rss, feed, urlset, sitemapindex), "json" or "robots"."""
    from lxml import etree
    found = {}
    for path in sorted(out.rglob("*")):
        if path.suffix == ".xml":
            root = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
            kind = etree.QName(root).localname
            values = [t for el in root.iter() for t in ([el.text or ""] + list(el.attrib.values()))]
        elif path.suffix == ".json":
            kind, values = "json", list(_strings(json.loads(path.read_text(encoding="utf-8"))))
        elif path.name == "robots.txt":
            kind, values = "robots", [path.read_text(encoding="utf-8")]
        else:
            continue
        found[path.relative_to(out).as_posix()] = (kind, [u.rstrip(".,;") for v in values for u in _URL.findall(v)])
    return found


SITEMAP_KINDS = ("urlset", "sitemapindex")


def test_feeds_sitemaps_and_robots_link_only_under_the_subpath(served):
    """Every absolute URL on our host in a feed, sitemap or robots.txt is under base_url and serves 200."""
    out, origin = served
    files = _machine_files(out)
    assert "feed.xml" in files and "atom.xml" in files and "feed.json" in files
    leaving, broken, checked = [], [], {}
    for name, (_, urls) in files.items():
        for url in urls:
            if not _on_our_host(url, origin):
                continue                                 # namespaces, jsonfeed.org, content's own links
            if not url.startswith(PUBLIC):
                leaving.append(f"{name}: {url}")
                continue
            if url not in checked:
                checked[url] = _fetch_status(_local(url, origin))
            if checked[url] != 200:
                broken.append(f"{name}: {url} -> {checked[url]}")
    problems = [f"outside base_url: {x}" for x in leaving] + [f"does not resolve: {b}" for b in broken]
    assert not problems, "\n".join(problems)
    assert len(checked) >= 10
    # When the build writes sitemaps, together they list every article.
    sitemaps = {n: urls for n, (kind, urls) in files.items() if kind in SITEMAP_KINDS}
    if sitemaps:
        listed = {unquote(u) for urls in sitemaps.values() for u in urls}
        host = PUBLIC[: -len(PREFIX)]
        articles = [p for p in out.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")
                    if not p.parent.name.isdigit()        # year/month/slug/, not year/month/day/
                    and 'http-equiv="refresh"' not in p.read_text(encoding="utf-8")]   # nor a redirect
        unlisted = [p for p in articles if _url_of(out, p, host) not in listed]
        assert not unlisted, f"articles missing from the sitemaps: {unlisted[:5]}"
