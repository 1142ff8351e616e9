"""Shared fixtures: sites written inline as txtar strings (Hugo's idea), built in tmp folders."""
from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from ssg.build import build
from ssg.config import load_config, with_overrides

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus"


def default_sigint() -> None:
    """``preexec_fn`` for a child that a test stops with SIGINT (Ctrl+C): a suite started as a
    background job of a non-interactive shell (``make test &``) runs with SIGINT ignored, which
    its children inherit, and Python then installs no KeyboardInterrupt handler."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def write_txtar(root: Path, txtar: str) -> None:
    """"-- path --" lines start a file; everything up to the next marker is its text."""
    current, lines = None, []
    for line in txtar.splitlines(keepends=True):
        if line.startswith("-- ") and line.rstrip().endswith(" --"):
            if current:
                _put(root / current, "".join(lines))
            current, lines = line.strip()[3:-3].strip(), []
        else:
            lines.append(line)
    if current:
        _put(root / current, "".join(lines))


def _put(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_site(tmp_path: Path, txtar: str) -> Path:
    write_txtar(tmp_path, txtar)
    (tmp_path / "content").mkdir(exist_ok=True)
    return tmp_path


def build_site(site: Path, **overrides):
    config = load_config(site)
    overrides.setdefault("workers", 1)
    force = overrides.pop("force", False)
    return build(with_overrides(config, **overrides), force=force)


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """SMALL_SITE built once per test module (output/ and .ssg-cache/); tests start from a copy."""
    site = make_site(tmp_path_factory.mktemp("built") / "site", SMALL_SITE)
    build_site(site)
    return site


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus not found: the real-data corpus exists only in CI and the dev workspace")
    return CORPUS


SMALL_SITE = """\
-- site.toml --
title = "Test Archive"
base_url = "https://example.github.io/archive/"
language = "ar"
timezone = "Asia/Riyadh"
paginate_by = 2
[feeds]
limit = 3
-- content/2024/a.md --
---
title: الخبر الأول عن الاقتصاد
date: 2024-03-01T10:00:00+03:00
category: اقتصاد
tags: [نفط, أسواق]
author: سارة
source: صحيفة الاختبار
---
فقرة أولى من الخبر الأول.

فقرة ثانية من الخبر الأول.
-- content/2024/b.md --
---
title: الخبر الثاني عن الرياضة
date: 2024-03-02T11:00:00+03:00
category: رياضة
tags: [كرة]
---
نص الخبر الثاني.
-- content/2024/c.md --
---
title: Third story, in English
date: 2024-04-05T09:30:00Z
language: en
category: اقتصاد
tags: [أسواق]
---
The third story's body, with <b>bold</b> and <script>alert(1)</script>.
-- content/2024/d.md --
---
title: الخبر الرابع
date: 2024-04-06T12:00:00+03:00
category: رياضة
---
نص الخبر الرابع.
-- content/2023/e.md --
---
title: خبر من العام الماضي
date: 2023-12-31T23:00:00+03:00
category: اقتصاد
---
نص خبر قديم.
"""


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    return make_site(tmp_path, SMALL_SITE)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*/expected from this build")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI every tool is installed by `make test` and ../shared is present, so a skip there means
    a missing install step: it fails instead of passing quietly."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped in CI (CI=true), where make test installs every tool and ../shared exists: {reason}"
