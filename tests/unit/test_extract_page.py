"""Saved web pages (ssg/extract/page.py): the article's text from trafilatura, the metadata the
markup declares, and what the page only prints read as raw text is (our own pages in
tests/fixtures/extract/pages/: an Arabic page with no metadata in its <head>, an English one
declaring everything, a 2000s portal laid out in tables saved as a Windows-1256 .txt, a 404)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ssg.extract import ExtractError, ExtractOptions, extract_bytes
from ssg.extract.page import looks_like_html, visible_text

PAGES = Path(__file__).resolve().parents[1] / "fixtures" / "extract" / "pages"


def _extract(name: str, **options):
    return extract_bytes((PAGES / name).read_bytes(), rel_path=name, options=ExtractOptions(**options))


def test_a_page_that_declares_nothing_is_read_from_what_it_prints():
    r = _extract("ar_printed_only.html", timezone="Asia/Muscat")
    assert r.title == "افتتاح سوق السمك الجديد في صور"              # the <h1>, not "<title> - site"
    assert r.published == datetime(2024, 5, 12, 10, 45, tzinfo=r.published.tzinfo)
    assert r.published.utcoffset() == timedelta(hours=4)             # (the site's zone: the page gives none)
    assert r.published_precision == "minute"
    assert (r.category, r.source, r.author, r.dek) == ("اقتصاد", "جريدة الساحل", "سالم بن ناصر الحارثي", None)
    assert r.tags == ("صور", "الثروة السمكية")
    assert (r.language, r.dir) == ("ar", "rtl")
    assert len(r.paragraphs) == 4 and r.paragraphs[0].startswith("افتتحت وزارة الثروة")
    body = " ".join(r.paragraphs)
    for furniture in ("اقرأ أيضا", "الأكثر قراءة", "نزوى", "أبو خالد", "جميع الحقوق", "عاجل", "واتساب", "dataLayer", "display:inline"):
        assert furniture not in body


def test_a_page_that_declares_its_metadata_is_read_from_its_markup():
    r = _extract("en_declared.html")
    assert r.title == "Ferry operator cancels winter timetable after engine failures"
    assert r.published == datetime(2024, 11, 4, 7, 15, tzinfo=timezone.utc)      # published, not modified
    assert (r.category, r.source) == ("Transport", "The Harbour Gazette")
    assert r.author == "Fiona MacLeod"                                           # not ", Transport correspondent"
    assert r.dek == "Islanders face weeks without a direct link to the mainland"
    assert r.url == "https://harbourgazette.example/news/transport/ferry-winter-timetable"
    assert (r.language, r.dir) == ("en", "ltr")
    assert r.subheadings == ("'We are being cut off'",)
    assert len(r.paragraphs) == 5 and r.paragraphs[0].startswith("The operator of the only ferry")
    body = " ".join(r.paragraphs)
    for furniture in ("Photograph:", "Most read", "Storm warning", "All rights reserved", "Updated", "Transport correspondent"):
        assert furniture not in body


def test_a_txt_holding_an_old_portals_html_in_windows_1256_is_read_as_a_page():
    r = _extract("ar_old_portal_cp1256.txt")
    assert r.encoding == "windows-1256"
    assert r.title == "تطوير 40 قرية بمحافظة المنيا ضمن المرحلة الثانية من حياة كريمة"
    assert r.published == datetime(2023, 3, 14, 11, 20)
    # "بوابة النيل :: أخبار مصر" in <title>: the site and its section, not a headline
    assert (r.source, r.category) == ("بوابة النيل", "أخبار مصر")
    # the layout table is not the article: the lines under the headline are
    assert len(r.paragraphs) == 4 and r.paragraphs[0].startswith("أعلن محافظ المنيا")
    assert not any("محافظ أسوان" in p or "طباعة" in p or "جميع الحقوق" in p for p in r.paragraphs)


def test_a_page_without_an_article_is_a_one_line_error():
    with pytest.raises(ExtractError) as info:
        _extract("not_an_article.html")
    assert info.value.code == "no_content" and "HTML" in info.value.message


def test_only_a_document_that_starts_as_html_is_taken_for_a_page():
    assert looks_like_html("<!DOCTYPE html>\n<html>")
    assert looks_like_html('\ufeff  <?xml version="1.0" encoding="utf-8"?>\n<!-- saved -->\n<html lang="ar">')
    assert not looks_like_html("<<عاجل>> انقطاع الكهرباء عن أحياء في المدينة\n\nنص الخبر")
    text = "<عاجل> انقطاع الكهرباء عن أحياء في المدينة\n\nوقالت الشركة إن الانقطاع سيستمر ساعتين لإجراء أعمال صيانة في المحطة الرئيسية.\n"
    r = extract_bytes(text.encode(), rel_path="a.txt", options=ExtractOptions())
    assert r.title == "<عاجل> انقطاع الكهرباء عن أحياء في المدينة"       # raw text, read as raw text


def test_the_visible_text_has_a_line_a_block_and_no_lines_of_links_alone():
    import trafilatura

    tree = trafilatura.load_html('<html><head><title>T - Site</title><style>p{}</style></head><body>'
                                 '<nav><a href="/">Home</a> | <a href="/w">World</a></nav>'
                                 '<div><a href="/">Home</a> » <a href="/w">World</a></div>'
                                 '<h1>The <b>headline</b></h1><p>One<br>two</p><script>x()</script>'
                                 '<p>By <a href="/a">Ann Lee</a></p><ul><li><a href="/o">Other story</a></li></ul></body></html>')
    assert visible_text(tree).split("\n\n") == ["T - Site", "Home » World", "The headline", "One", "two", "By Ann Lee"]


def test_a_saved_feed_item_is_read_as_the_page_it_describes():
    atom = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>The Harbour Gazette</title>
<entry><title>Ferry operator cancels winter timetable</title><link href="https://hg.example/ferry"/>
<published>2024-11-04T07:15:00+00:00</published><author><name>Fiona MacLeod</name></author>
<category term="Transport" label="Transport">Transport</category>
<content type="html">&lt;p&gt;The operator of the only ferry serving the northern isles has cancelled its winter
timetable after a second engine failure in a month.&lt;/p&gt;&lt;p&gt;Island Ferries said a reduced service
would run three days a week from the neighbouring port.&lt;/p&gt;</content></entry></feed>"""
    r = extract_bytes(atom.encode(), rel_path="ferry.txt", options=ExtractOptions())
    assert (r.title, r.source, r.author, r.category) == ("Ferry operator cancels winter timetable", "The Harbour Gazette",
                                                         "Fiona MacLeod", "Transport")
    assert r.published == datetime(2024, 11, 4, 7, 15, tzinfo=timezone.utc) and r.url == "https://hg.example/ferry"
    assert len(r.paragraphs) == 2 and r.paragraphs[0].startswith("The operator of the only ferry")
