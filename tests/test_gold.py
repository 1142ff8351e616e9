"""The extractor against the gold set (../shared/corpus/gold): targets of issue 3."""

from pathlib import Path

import pytest

from ssg.extract import ExtractOptions
from ssg.tools.score_gold import TARGETS, main, score

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@pytest.fixture(scope="module")
def result():
    gold = CORPUS / "gold"
    if not gold.is_dir():
        pytest.skip("../shared/corpus not found: gold set is only in CI and the dev workspace")
    return score(gold, ExtractOptions())


@pytest.mark.parametrize("field", sorted(TARGETS))
def test_target(result, field):
    row = result["fields"][field]
    assert row["score"] >= TARGETS[field], [m for m in result["mismatches"] if m["field"] in (field, "error")]


def test_reference_article_exact(result):
    assert not [m for m in result["mismatches"] if m["file"] == "seed_edaat_000.txt"]


def test_cli_exit_status(result, capsys):
    assert main([str(CORPUS / "gold"), "--json"]) == 0
    assert '"pass": true' in capsys.readouterr().out


def test_the_only_miss_is_the_category_given_by_folder(result):
    """The targets pass with a few misses to spare, which would hide a new one: the gold set's
    misses are listed file by file. The one left: an Arabic Newspapers Corpus file whose category
    is only its folder's name, which the text does not print."""
    assert {(m["file"], m["field"]) for m in result["mismatches"]} == {("bad/wild_anc_AEE1_cp1256_crlf.txt", "category")}
