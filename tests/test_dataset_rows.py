"""A dataset dump that changes (a scraper appends rows, a row is corrected) is read again row by
row: only the rows its last read does not have are extracted; the site is the one a clean build
of the same dump makes, warnings and problems included."""
from __future__ import annotations

import json
import shutil

import pytest

import ssg.build
import ssg.extract
from tests.conftest import build_site, make_site, tree

SITE_TOML = '-- site.toml --\ntitle = "T"\nbase_url = "https://example.org/"\nlanguage = "ar"\n'


def _row(i: int, **fields) -> str:
    row = {"title": f"خبر رقم {i}", "content": f"نص الخبر {i} كلمة{i:03d} في فقرة أولى.\n\nوفقرة ثانية {i}.",
           "date_extracted": f"2015-07-{1 + i % 28:02d} 10:{i % 60:02d}:00", "source": "aawsat"}
    return json.dumps({**row, **fields}, ensure_ascii=False)


def _csv_row(i: int, text: str = "") -> str:
    return f'"خبر {i}","{text or f"نص الخبر {i}، وكلمة{i:03d}."}",2015-07-{1 + i % 28:02d} 09:00:00'


class _Extracted:
    """The rows extracted (``safe_row``), in this process or in the forked read workers (each
    appends a line to a file)."""

    def __init__(self, log):
        self.log = log

    def __call__(self) -> list[tuple[str, int]]:
        lines = self.log.read_text(encoding="utf-8").split() if self.log.exists() else []
        return sorted((path, int(line)) for path, line in (entry.rsplit(":", 1) for entry in lines))

    def clear(self) -> None:
        self.log.unlink(missing_ok=True)


def _counting(monkeypatch, tmp_path) -> _Extracted:
    extracted = _Extracted(tmp_path / "extracted.log")
    real = ssg.extract.safe_row

    def counted(row, options, rel_path, lineno):
        with extracted.log.open("a", encoding="utf-8") as f:
            f.write(f"{rel_path}:{lineno}\n")
        return real(row, options, rel_path, lineno)
    monkeypatch.setattr(ssg.extract, "safe_row", counted)
    return extracted


def _clean_build(tmp_path, site):
    """The same content built in another folder, from no cache: what the incremental build must equal."""
    fresh = tmp_path / "fresh"
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.copytree(site, fresh, ignore=shutil.ignore_patterns("output", ".ssg-cache"))
    return fresh, build_site(fresh)


def _problems(report):
    return sorted((p.path, p.line, p.severity, p.message) for p in report.problems)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_changed_jsonl_dump_extracts_only_its_new_and_edited_rows(tmp_path, monkeypatch, workers):
    """With two workers the dump is read in four parts (``build.read_parts``), each worker
    fetching the file's last read for its part's rows."""
    monkeypatch.setattr(ssg.build, "PART_BYTES", 1024)
    rows = [_row(i) for i in range(30)]
    rows[7] = _row(7, content="")                       # a row with a warning (no body), kept with it
    rows[12] = "not json"                               # a bad row: a problem each build
    site = make_site(tmp_path, SITE_TOML + "-- content/dump.jsonl --\n" + "\n".join(rows) + "\n")
    first = build_site(site, workers=workers)
    assert first.articles == 29 and any(p.line == 8 and p.severity == "warning" for p in first.problems)
    seen = _counting(monkeypatch, tmp_path)
    rows = [_row(100)] + rows                           # a row before all of them: every line moves by one
    rows[21] = _row(20, title="خبر رقم 20 مصحح")         # one corrected
    rows += [_row(30), _row(31)]                        # two appended
    (site / "content/dump.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = build_site(site, workers=workers)
    assert seen() == [("dump.jsonl", 1), ("dump.jsonl", 22), ("dump.jsonl", 32), ("dump.jsonl", 33)]
    fresh, clean = _clean_build(tmp_path, site)
    assert report.articles == clean.articles == 32
    assert _problems(report) == _problems(clean)        # the kept row's warning at its new line, 9
    assert any(p.line == 9 and p.severity == "warning" for p in report.problems)
    assert tree(site / "output") == tree(fresh / "output")


def test_a_changed_csv_dump_extracts_only_its_new_rows_and_a_new_header_reads_all(tmp_path, monkeypatch):
    header = "title,content,date_extracted"
    rows = [_csv_row(i) for i in range(12)]
    site = make_site(tmp_path, SITE_TOML + "-- content/d.csv --\n" + "\n".join([header] + rows) + "\n")
    build_site(site)
    seen = _counting(monkeypatch, tmp_path)
    rows.append(_csv_row(12, "سطر أول\nوسطر ثان"))       # a record over two lines
    rows.append(_csv_row(13))
    (site / "content/d.csv").write_text("\n".join([header] + rows) + "\n", encoding="utf-8")
    report = build_site(site)
    assert [line for _, line in seen()] == [14, 16]
    fresh, clean = _clean_build(tmp_path, site)
    assert tree(site / "output") == tree(fresh / "output") and report.articles == clean.articles == 14
    seen.clear()                                        # the header is part of every row: renamed, all are new
    (site / "content/d.csv").write_text("\n".join(["headline,text,date"] + rows) + "\n", encoding="utf-8")
    build_site(site)
    assert len(seen()) == 14


def test_a_dataset_is_read_in_full_when_its_last_read_is_from_other_settings_or_gone(tmp_path, monkeypatch):
    rows = [_row(i) for i in range(10)]
    site = make_site(tmp_path, SITE_TOML + "-- content/dump.jsonl --\n" + "\n".join(rows) + "\n")
    build_site(site)
    seen = _counting(monkeypatch, tmp_path)
    (site / "site.toml").write_text(SITE_TOML.split("--\n", 1)[1] + 'timezone = "Asia/Riyadh"\n', encoding="utf-8")
    (site / "content/dump.jsonl").write_text("\n".join(rows + [_row(10)]) + "\n", encoding="utf-8")
    build_site(site)                                    # another reader (the timezone): every row read
    assert len(seen()) == 11
    seen.clear()
    import sqlite3                                      # its last read damaged: read in full, not trusted
    db = sqlite3.connect(site / ".ssg-cache" / "cache.sqlite")
    db.execute("UPDATE reads SET result = x'00ff'")
    db.commit()
    db.close()
    (site / "content/dump.jsonl").write_text("\n".join(rows + [_row(10), _row(11)]) + "\n", encoding="utf-8")
    build_site(site)
    assert len(seen()) == 12


def test_ssg_watch_reads_only_the_rows_a_changed_dump_adds(tmp_path, monkeypatch):
    """A watch build (in-process state kept, the changed path given) takes the same way."""
    from ssg.build import build
    from ssg.config import load_config, with_overrides
    rows = [_row(i) for i in range(20)]
    site = make_site(tmp_path, SITE_TOML + "-- content/dump.jsonl --\n" + "\n".join(rows) + "\n")
    config = with_overrides(load_config(site), workers=1)
    build(config, keep_memory=True)
    seen = _counting(monkeypatch, tmp_path)
    dump = site / "content/dump.jsonl"
    dump.write_text("\n".join(rows + [_row(20)]) + "\n", encoding="utf-8")
    report = build(config, keep_memory=True, changed=[str(dump)])
    assert seen() == [("dump.jsonl", 21)] and report.articles == 21
    assert [o for o in report.written if "خبر-رقم-20/" in o] == ["2015/07/خبر-رقم-20/index.html"]
