import random
import unicodedata
from datetime import datetime, timezone

import nh3

from ssg import cmark
from ssg.config import parse_config
from ssg.model import SourceFile
from ssg.read import _KEPT_ATTRIBUTES, read_source, sanitized

CONFIG = parse_config({"timezone": "Asia/Riyadh"})


def read(name: str, text: str | bytes, sidecar: bytes | None = None, config=CONFIG):
    data = text.encode() if isinstance(text, str) else text
    source = SourceFile(rel_path=name, stamp="1:1", digest="d", sidecar=name.rsplit(".", 1)[0] + ".meta.toml" if sidecar else None)
    return read_source(source, data, sidecar, config)


def test_yaml_front_matter_and_markdown_body():
    r = read("a.md", "---\ntitle: عنوان\ndate: 2024-03-01 10:00\ncategories: [سياسة, اقتصاد]\ntags: وسم, آخر\n---\n# رأس\n\nفقرة **أولى**.\n")
    (a,) = r.articles
    assert a.title == "عنوان" and a.category == "سياسة" and a.tags == ("وسم", "آخر")
    assert a.date == datetime(2024, 3, 1, 7, 0, tzinfo=timezone.utc)          # site timezone applied
    assert a.summary == "فقرة أولى." and a.dir == "rtl"
    ((digest, html),), ((terms_digest, terms),) = r.bodies, r.terms      # both go to the cache
    assert "<strong>أولى</strong>" in html and "<h1>رأس</h1>" in html and digest == a.body_digest
    assert terms_digest == a.terms_digest and terms.split("|")[2] == "عنو" and "اول" in terms.split("|")[1]


def test_front_matter_keys_other_tools_write():
    r = read("c.md", "---\nheadline: \"Stadtwerke erhöhen Preise\"\nstandfirst: Rund 6.000 Haushalte.\ndesk: Lokales\n"
                     "first_published: 2025-05-20T09:15:00+02:00\nbyline: Jana Keller\noutlet: Hellbrücker Anzeiger\n---\nText.\n")
    (a,) = r.articles
    assert (a.title, a.summary, a.category, a.author, a.source) == (
        "Stadtwerke erhöhen Preise", "Rund 6.000 Haushalte.", "Lokales", "Jana Keller", "Hellbrücker Anzeiger")
    assert a.date == datetime(2025, 5, 20, 7, 15, tzinfo=timezone.utc)
    # the field's own key wins over an alias, whatever their order
    (b,) = read("d.md", "---\nheadline: Kicker line\ntitle: The title\nsummary: A\ndek: B\n---\nText.\n").articles
    assert b.title == "The title" and b.summary == "B"


def test_html_character_references_a_scraper_left_in_front_matter_are_decoded():
    # the bench's archive carries SaudiNewsNet's bylines as they were scraped: "&nbsp;سلطان الميموني"
    r = read("e.md", "---\ntitle: \"Q&amp;A: R&D at AT&T &#8211; 2024\"\nauthor: \"&nbsp;سلطان الميموني\"\n"
                     "categories: [\"Arts &amp; Culture\"]\ntags: [\"M&amp;A\", \"&quot;x&quot;\"]\n"
                     "summary: \"&lt;b&gt; is bold\"\nslug: a&amp;b\n---\nText &amp; more.\n")
    (a,) = r.articles
    assert a.title == "Q&A: R&D at AT&T \u2013 2024" and a.author == "سلطان الميموني"
    assert a.category == "Arts & Culture" and a.tags == ("M&A", '"x"') and a.summary == "<b> is bold"
    assert a.slug == "a&amp;b"                     # not a field of words: as written
    # a sidecar's fields are read the same way
    text = "القائمة الرئيسية\n\nعنوان الخبر هنا طويل بما يكفي\n\n04-09-2021, 23:47 سياسة\nصحيفة الاختبار\n\nفقرة أولى من النص، وفيها جملة كاملة.\n\nشارك\n"
    (b,) = read("n.txt", text, sidecar='source = "Al &amp; Co"\n'.encode()).articles
    assert b.source == "Al & Co"


def test_a_body_and_summary_not_in_nfc_are_given_in_nfc():
    decomposed = "Cafe\u0301 يعز\u0650\u0651ز"          # é as e + accent; kasra before shadda (NFC puts shadda first)
    assert unicodedata.normalize("NFC", decomposed) != decomposed
    r = read("f.md", f"---\ntitle: t\ndate: 2024-01-01\n---\n{decomposed} هنا.\n")
    (a,) = r.articles
    ((_, html),) = r.bodies
    assert unicodedata.normalize("NFC", decomposed) in html and decomposed not in html
    assert a.summary == unicodedata.normalize("NFC", f"{decomposed} هنا.")


def test_a_full_stop_glued_to_an_address_stays_out_of_its_mailto_link():
    # (cmark-gfm's autolink made mailto:.yousef.nassar@alghad.Jo of a real article: LinkChecker fails it)
    r = read("m.md", "---\ntitle: t\ndate: 2024-01-01\n---\nللتواصل فيه.yousef.nassar@alghad.Jo أو a.b@x.org.\n")
    ((_, html),) = r.bodies
    assert 'فيه.<a href="mailto:yousef.nassar@alghad.Jo"' in html and "mailto:." not in html
    assert '<a href="mailto:a.b@x.org"' in html


def test_toml_front_matter_and_language():
    r = read("b.md", '+++\ntitle = "Hello"\ndate = 2024-01-02T03:04:05Z\nlanguage = "en"\n+++\nBody.\n')
    (a,) = r.articles
    assert a.language == "en" and a.dir == "ltr" and a.date.tzinfo is not None


def test_raw_html_is_sanitised():
    r = read("c.md", "---\ntitle: x\n---\n<script>alert(1)</script><p onclick='x()'>ok</p>\n")
    html = r.bodies[0][1]
    assert "<script" not in html and "onclick" not in html and "ok" in html


def test_raw_html_keeps_the_direction_a_writer_gave_a_mixed_language_text():
    r = read("d.md", '---\ntitle: x\n---\n<p dir="ltr">Reuters <span lang="ar" dir="rtl" onclick="x()">رويترز</span> <bdi dir="auto">a</bdi></p>\n')
    assert r.bodies[0][1] == '<p dir="ltr">Reuters <span lang="ar" dir="rtl">رويترز</span> <bdi dir="auto">a</bdi></p>\n'


def test_unsafe_links_are_cleaned_and_a_body_without_html_or_attributes_gets_the_bytes_nh3_would_give():
    # a link (an attribute) takes nh3's path: javascript: loses its href, the others gain nh3's rel
    html = sanitized(cmark.to_html("[x](javascript:alert(1)) و [y](https://example.org/)"), "")
    assert html == '<p><a rel="noopener noreferrer">x</a> و <a href="https://example.org/" rel="noopener noreferrer">y</a></p>\n'
    pieces = ["a", " ", "  ", "\n", "\n\n", "\t", "*", "**", "_", "~~", "`", "```\n", "```py\n", "## ", "> ", "- ", "1. ",
              "| a | b |\n|---|---|\n| c | d |\n", "---\n", "\\", "  \n", "&", "&amp;", "&quot;", "&nbsp;", "&#34;", "&lt;",
              '"', "'", "\xa0", "\u200f", "الحكومة", "[", "]", "(", ")", "![", "](", "www.example.com", "http://x.org/?a=1&b=\"2\"",
              "foo@bar.com", "javascript:alert(1)", '[x]: /u "t"\n', "=", '="', "\x0c", "\x01", "\x85", "\ufdd0", "&#0;", "&#12;", ":"]
    rng, fast = random.Random(7), 0
    for _ in range(4000):
        markdown = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 40)))
        rendered = cmark.to_html(markdown)
        assert sanitized(rendered, markdown) == nh3.clean(rendered, attributes=_KEPT_ATTRIBUTES), markdown
        fast += "<" not in markdown and '="' not in rendered and "\x0c" not in rendered and "\x01" not in rendered
    assert fast > 400          # the shortcut was taken, not only nh3's path


def test_problems_are_returned_not_raised():
    assert "front matter" in str(read("d.md", "---\ntitle: [x\n---\n").problems[0])
    assert "no title" in str(read("e.md", "---\ndate: 2024-01-01\n---\nbody\n").problems[0])
    assert "date" in str(read("f.md", "---\ntitle: t\ndate: not a date\n---\nbody\n").problems[0])
    assert "UTF-8" in str(read("g.md", b"---\ntitle: \xff\n---\n").problems[0])
    bad = read("h.txt", b"")
    assert not bad.articles and bad.problems[0].path == "h.txt"


def test_undated_article_is_kept_with_a_warning():
    r = read("u.md", "---\ntitle: بلا تاريخ\n---\nنص\n")
    assert r.articles[0].date is None
    assert [p.severity for p in r.problems] == ["warning"]


def test_sidecar_overrides_extracted_fields():
    text = "القائمة الرئيسية\n\nعنوان الخبر هنا طويل بما يكفي\n\n04-09-2021, 23:47 سياسة\nصحيفة الاختبار\n\nفقرة أولى من النص، وفيها جملة كاملة.\n\nشارك\n"
    plain = read("n.txt", text).articles[0]
    assert plain.category == "سياسة"
    over = read("n.txt", text, sidecar='category = "اقتصاد"\ntags = ["نفط"]\nslug = "my-slug"\n'.encode()).articles[0]
    assert over.category == "اقتصاد" and over.tags == ("نفط",) and over.slug == "my-slug"


def test_a_sidecar_gives_the_paragraphs_and_a_key_it_does_not_know_is_warned_about():
    text = "القائمة الرئيسية\n\nعنوان الخبر هنا طويل بما يكفي\n\n04-09-2021, 23:47 سياسة\nصحيفة الاختبار\n\nفقرة أولى من النص، وفيها جملة كاملة.\n\nشارك\n"
    r = read("n.txt", text, sidecar='paragraphs = ["فقرة من الملف الجانبي.", "وثانية."]\ncatgory = "اقتصاد"\nslug = "s"\n'.encode())
    ((_, html),) = r.bodies
    assert html == "<p>فقرة من الملف الجانبي.</p>\n<p>وثانية.</p>"            # (documented in docs/content.md; was ignored)
    assert [p.message for p in r.problems] == ["n.meta.toml: 'catgory' not a key ssg reads (ignored); see docs/content.md"]
    assert r.articles[0].category == "سياسة" and r.articles[0].slug == "s"


def test_dataset_rows_become_articles_and_bad_rows_are_reported_by_line():
    rows = b'{"title": "one", "content": "first body text.", "date_extracted": "2015-07-20 10:00:00"}\nnot json\n{"title": "two", "content": "second body.", "date_extracted": "2015-07-21 11:00:00"}\n'
    r = read("dump.jsonl", rows)
    assert [a.key for a in r.articles] == ["dump.jsonl#L1", "dump.jsonl#L3"]
    assert [(p.line, p.severity) for p in r.problems if p.severity == "error"] == [(2, "error")]


def test_a_datasets_parts_put_together_are_the_file_read_at_once():
    """A big dump is read as n parts by n processes (``build.read_parts``); ``whole`` of the parts'
    results must be the file's result, whatever n: articles, bodies and problems, in line order."""
    from ssg.read import whole
    good = '{{"title": "row {0}", "content": "body of row {0} with some words.", "date_extracted": "2015-07-{1:02d} 10:00:00"}}'
    lines = [good.format(i, 1 + i % 28) for i in range(1, 40)]
    lines[4], lines[9], lines[17] = "not json", "[1, 2]", '{"title": "no body", "content": ""}'
    lines.insert(12, "")
    jsonl = ("\n".join(lines) + "\n").encode()
    csv_rows = ["title,content,date_extracted"] + [f'"row {i}","body, of row {i}.",2015-07-0{1 + i % 9} 10:00:00' for i in range(30)]
    csv_rows[7] = '"row 7","too","many","fields"'
    csv_rows[20] = '"row 20","an article\nover two lines.",2015-07-03 10:00:00'
    nothing = b'{"a": 1}\n{"b": 2}\n{"c": 3}\n{"d": 4}\n'
    for name, data in (("dump.jsonl", jsonl), ("dump.csv", "\n".join(csv_rows).encode()), ("manifest.jsonl", nothing)):
        source = SourceFile(rel_path=name, stamp="1:1", digest="d")
        once = read_source(source, data, None, CONFIG)
        assert once.problems and (once.articles or name == "manifest.jsonl")
        for n in (2, 3, 5):
            parts = [read_source(source, data, None, CONFIG, (k, n)) for k in range(n)]
            assert all(p.articles for p in parts) or name == "manifest.jsonl"
            assert whole(source, parts) == once, (name, n)


def test_a_front_matter_date_not_in_iso_form_follows_day_first_wherever_it_is_set():
    text = "---\ntitle: x\ndate: \"04-09-2021\"\n---\nbody\n"
    assert read("a.md", text).articles[0].date.date().isoformat() == "2021-09-04"
    for settings in ({"day_first": False}, {"extract": {"day_first": False}}):      # (the [extract] one was not used)
        config = parse_config({"timezone": "Asia/Riyadh", **settings})
        assert read("a.md", text, config=config).articles[0].date.date().isoformat() == "2021-04-09", settings


def test_model_values_pickle_and_unpickle_to_equal_values():
    """``model.frozen`` gives the frozen dataclasses a ``__getstate__`` and ``__setstate__`` of its
    own (no ``dataclasses.fields()`` per object): every field comes back, in every value the cache
    keeps, and the state is the list of field values the generated ones use."""
    import pickle

    import pytest
    from ssg.model import Article, Problem, ReadResult
    source = SourceFile(rel_path="2024/a.md", stamp="1:2", digest="d" * 32, sidecar="2024/a.meta.toml")
    article = Article(key="2024/a.md", source_path="2024/a.md", source_digest="d" * 32, title="عنوان", slug="عنوان",
                      date=datetime(2024, 3, 1, 9, 30, tzinfo=timezone.utc), updated=None, language="ar", dir="rtl",
                      category="اقتصاد", tags=("نفط", "طاقة"), author="كاتب", summary="ملخص", word_count=42,
                      draft=True, terms_digest="t" * 32, body_digest="b" * 32)
    result = ReadResult(source=source, articles=(article,), problems=(Problem(path="2024/a.md", message="m", line=3,
                                                                               severity="warning"),))
    back = pickle.loads(pickle.dumps(result, protocol=5))
    assert back == result and back.articles[0].tags == ("نفط", "طاقة") and back.source.sidecar == "2024/a.meta.toml"
    assert back.articles[0].date == article.date and back.problems[0].line == 3
    with pytest.raises(AttributeError):          # still frozen
        back.articles[0].title = "x"
    from dataclasses import fields
    for value in (source, article, result, result.problems[0]):     # the state older pickles hold: each field's value
        assert value.__getstate__() == [getattr(value, f.name) for f in fields(value)]
