"""Whole-site golden test: tests/golden/basic/ is built and compared, file by file, with
tests/golden/basic/expected/. After an intended change: pytest tests/test_golden.py --update-golden,
then review the diff of expected/ in git like any other change."""
from __future__ import annotations

import difflib
import shutil

from tests.conftest import REPO, build_site, tree

GOLDEN = REPO / "tests" / "golden" / "basic"
# Theme static files are copied byte for byte: the golden tree checks they are there, not their
# content (a CSS tweak is not a change of the generator's output).
COPIED = ("css/", "js/")


def generated(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: data for name, data in files.items() if not name.startswith(COPIED)}


def test_whole_site_matches_the_golden_tree(tmp_path, request):
    site = tmp_path / "site"
    shutil.copytree(GOLDEN / "site", site)
    build_site(site)
    everything = tree(site / "output")
    assert {"css/style.css", "css/search.css", "js/search.js"} <= set(everything)
    got = generated(everything)
    expected_dir = GOLDEN / "expected"
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected_dir, ignore_errors=True)
        shutil.copytree(site / "output", expected_dir, ignore=shutil.ignore_patterns(*(c.rstrip("/") for c in COPIED)))
        return
    want = tree(expected_dir)
    assert sorted(got) == sorted(want), f"files differ: extra {sorted(set(got) - set(want))[:10]}, missing {sorted(set(want) - set(got))[:10]}"
    for name in sorted(want):
        if got[name] != want[name]:
            try:
                diff = difflib.unified_diff(want[name].decode().splitlines(), got[name].decode().splitlines(),
                                            f"expected/{name}", f"output/{name}", lineterm="", n=2)
                text = "\n".join(list(diff)[:60])
            except UnicodeDecodeError:
                text = f"{name}: binary content differs"
            raise AssertionError(f"{name} differs from the golden tree (run with --update-golden if intended):\n{text}")
