"""Issue 2's 'done when': a site whose content/ is the gold folder builds every good file and
reports every bad one by name, with no traceback; the reference article lands at its permalink
with the metadata of its expected file."""
from __future__ import annotations

import json
import subprocess
import sys
from urllib.parse import quote

import feedparser

from ssg.config import load_config
from tests import feed_checks


def test_building_the_gold_folder_reports_bad_files_by_name(tmp_path, corpus):
    gold = corpus / "gold"
    result = subprocess.run([sys.executable, "-m", "ssg", "build", str(tmp_path), "--content", str(gold), "-j", "2"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    skipped = {line.split(": ", 2)[1] for line in result.stderr.splitlines() if line.startswith("skipped: ")}
    errors = {p.relative_to(gold).as_posix().replace(".expected.json", ".txt")
              for p in gold.rglob("*.expected.json") if json.loads(p.read_text())["expect"] == "error"}
    assert errors <= skipped, result.stderr
    # the only other skip: a file whose expected title is null (the build needs a headline)
    no_title = {p.relative_to(gold).as_posix().replace(".expected.json", ".txt")
                for p in gold.rglob("*.expected.json") if json.loads(p.read_text()).get("title") is None
                and json.loads(p.read_text())["expect"] == "article"}
    assert skipped == errors | no_title
    good = len(list(gold.rglob("*.txt"))) - len(skipped)
    assert f"{good} articles" in result.stdout

    out = tmp_path / "output"
    expected = json.loads((gold / "seed_edaat_000.expected.json").read_text())
    pages = [p for p in (out / "2021" / "09").glob("*/index.html")]
    page = next(p for p in pages if expected["title"] in p.read_text())
    html = page.read_text()
    for value in (expected["category"], expected["source"], expected["dek"], expected["section"], *expected["subheadings"]):
        assert value in html
    assert 'datetime="2021-09-04T23:47' in html          # seconds, when :00, are left out
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert feed.bozo == 0 and len(feed.entries) == 20
    # every feed of the real articles, read as feed validators read it (tests/feed_checks.py)
    base_url = load_config(tmp_path).base_url
    feeds = [p for p in sorted(out.rglob("*")) if p.name in feed_checks.CHECKS]
    problems = [f"{p.relative_to(out)}: {problem}" for p in feeds
                for problem in feed_checks.CHECKS[p.name](p.read_bytes(), base_url + quote(p.relative_to(out).as_posix()))]
    assert len(feeds) > 20 and not problems, "\n".join(problems[:20])
