"""Dataset dumps (.jsonl / .csv) read as one article per row."""

import json
from datetime import datetime
from pathlib import Path

from ssg.extract import DatasetMapping, ExtractError, ExtractOptions, Extraction, extract_dataset, parse_extract_options

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extract"


def test_jsonl_rows_bad_row_and_empty_row_are_reported_not_fatal():
    opts = ExtractOptions(dataset=DatasetMapping(source_names=(("paper1", "صحيفة الأولى"),)))
    rows = list(extract_dataset((FIX / "dump.jsonl").read_bytes(), rel_path="dump.jsonl", fmt="jsonl", options=opts))
    assert [n for n, _ in rows] == [1, 2, 3, 4]
    first, empty, broken, third = (r for _, r in rows)
    assert isinstance(first, Extraction)
    assert first.title == "عنوان الخبر الأول “مهم”"  # HTML entities decoded
    assert first.author == "واس (جدة)"  # &nbsp; removed
    assert first.agency == "واس"
    assert first.source == "صحيفة الأولى"
    assert first.published == datetime(2015, 7, 21, 2, 51, 40) and first.published_precision == "second"
    assert first.url == "http://example.com/2015/07/20/a1"
    assert first.paragraphs == ("الفقرة الأولى من الخبر الأول تتحدث عن موضوع مهم جداً.", "الفقرة الثانية من الخبر الأول.")
    assert isinstance(empty, ExtractError) and empty.code == "empty_input" and empty.line == 2
    assert isinstance(broken, ExtractError) and broken.code == "bad_row" and broken.line == 3
    assert third.category == "عام" and third.title == "خبر ثالث عن الاقتصاد"  # wire category prefix
    assert third.source == "paper2"  # no mapping: the id as given


def test_csv_with_mapping_from_site_toml():
    opts = parse_extract_options(
        {"dataset": {"title": "headline", "content": "body", "date": "when", "author": "writer",
                     "source": "outlet", "url": "link"}},
        timezone="Europe/London",
    )
    rows = list(extract_dataset((FIX / "dump.csv").read_bytes(), rel_path="dump.csv", fmt="csv", options=opts))
    assert [n for n, _ in rows] == [1 + 1, 5, 6]
    a, bad, b = (r for _, r in rows)
    assert a.title == "Council approves budget" and a.author == "Sam Lee" and a.source == "The Town Post"
    assert a.paragraphs == ("The council approved the budget on Monday.", "It includes new funding for parks.")
    assert a.published.isoformat() == "2019-03-04T18:00:00+00:00"
    assert isinstance(bad, ExtractError) and bad.code == "bad_row" and bad.line == 5
    assert b.published.date() == datetime(2019, 3, 4).date()  # day-first 04/03/2019
    assert b.author is None


def test_whole_file_problem_is_row_zero():
    rows = list(extract_dataset(b"", rel_path="x.jsonl", fmt="jsonl", options=ExtractOptions()))
    assert len(rows) == 1 and rows[0][0] == 0 and rows[0][1].code == "empty_input"


def test_rows_of_other_scrapers_are_read_by_common_field_names_without_a_mapping():
    """headline/body/published_at/section/byline/site, Arabic names (العنوان, النص, التاريخ...),
    a list of authors: the default mapping (SaudiNewsNet's names) is not in these rows."""
    rows = [r for _, r in extract_dataset((FIX / "dump_other_fields.jsonl").read_bytes(), rel_path="d.jsonl",
                                          fmt="jsonl", options=ExtractOptions())]
    en, ar, short, listed = rows
    assert en.title == "Oil prices climb as stockpiles fall" and en.author == "Sarah Johnson"
    assert en.category == "Business" and en.source == "Daily Courier" and en.url == "https://example.com/a"
    assert en.published.isoformat() == "2021-09-12T22:30:00+00:00" and len(en.paragraphs) == 2
    assert ar.title == "ارتفاع أسعار الذهب" and ar.author == "أحمد محمود" and ar.source == "المصري اليوم"
    assert ar.category == "اقتصاد" and ar.published == datetime(2021, 9, 14, 22, 15) and len(ar.paragraphs) == 2
    assert short.title == "A" and short.paragraphs == ("نص قصير.",)       # "text": the body
    assert listed.author == "A. Smith, B. Jones" and listed.source == "The Herald" and listed.category == "Weather"
    assert listed.published == datetime(2021, 9, 12) and listed.paragraphs == ("Heavy rain is expected.",)


def test_a_field_that_is_a_list_of_other_things_is_a_bad_row_or_absent_never_a_crash():
    data = "\n".join(json.dumps(r) for r in (
        {"headline": "A", "body": [1, 2]},                          # paragraphs that are not text: a bad row
        {"headline": "B", "body": "Text.", "section": []},          # no category
        {"headline": "C", "body": "Text.", "byline": ["Ann", 3]},   # no author
    )).encode()
    bad, empty_section, odd_byline = (r for _, r in extract_dataset(data, rel_path="d.jsonl", fmt="jsonl", options=ExtractOptions()))
    assert isinstance(bad, ExtractError) and bad.code == "bad_row" and "'body'" in bad.message and bad.line == 1
    assert empty_section.title == "B" and empty_section.category is None
    assert odd_byline.title == "C" and odd_byline.author is None


def test_a_jsonl_line_ends_at_a_newline_only_not_at_a_line_separator_json_keeps_raw_in_a_string():
    """json.dumps(ensure_ascii=False), as scrapers write Arabic, leaves U+2028, U+0085 and a form feed
    raw inside a string: str.splitlines cut the line there, and every such row was invalid JSON."""
    row = {"title": "عنوان الخبر هنا", "content": "فقرة أولى\u2028ما زالت الفقرة.\u0085وبقية\x0cالنص.", "date_extracted": "2015-07-20 10:00:00"}
    data = (json.dumps(row, ensure_ascii=False) + "\r\n" + json.dumps({**row, "title": "خبر ثان هنا"}, ensure_ascii=False) + "\n").encode()
    rows = list(extract_dataset(data, rel_path="d.jsonl", fmt="jsonl", options=ExtractOptions()))
    assert [(n, type(r).__name__) for n, r in rows] == [(1, "Extraction"), (2, "Extraction")]
    assert [r.title for _, r in rows] == ["عنوان الخبر هنا", "خبر ثان هنا"]


def test_a_stray_nul_byte_is_one_rows_problem_not_the_whole_dumps():
    """A NUL byte in one row of a 200-row dump refused the whole file as binary data."""
    csv_rows = ["title,content,date_extracted"] + [f'"row {i} title here","body of row {i}.",2015-07-{i % 28 + 1:02d} 10:00:00' for i in range(200)]
    csv_rows[6] = '"row five title","bo\x00dy five.",2015-07-05 10:00:00'
    rows = list(extract_dataset("\n".join(csv_rows).encode(), rel_path="d.csv", fmt="csv", options=ExtractOptions()))
    assert len(rows) == 200 and all(isinstance(r, Extraction) for _, r in rows)
    lines = [json.dumps({"title": f"row {i} title here", "content": f"body of row {i}."}) for i in range(200)]
    lines[3] = lines[3].replace("row 3", "row \x00 3")
    rows = list(extract_dataset("\n".join(lines).encode(), rel_path="d.jsonl", fmt="jsonl", options=ExtractOptions()))
    assert [n for n, r in rows if isinstance(r, ExtractError)] == [4] and len(rows) == 200
    binary = bytes(range(256)) * 40
    (line, error), = extract_dataset(binary, rel_path="x.csv", fmt="csv", options=ExtractOptions())
    assert line == 0 and error.code == "not_text"
