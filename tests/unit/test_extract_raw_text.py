"""What a raw text's lines carry besides their words: HTML character references a scraper left in them, text not in
Unicode's composed form (an audit of a site built from raw texts: bench/gen_site.py)."""
import unicodedata

from ssg.extract import extract_text, parse_extract_options

OPTIONS = parse_extract_options({}, timezone=None)
P1 = ("شهدت الأسواق عقب القرار تذبذباً واضحاً في أسعار النفط الخام مع استمرار الضغوط على الأسعار في الأسواق "
      "العالمية.")
P2 = "وقال محللون إن الأسعار قد تستقر خلال الأسابيع المقبلة إذا استمر الطلب على حاله في الأسواق الآسيوية."
# the reference layout: the headline, the dateline with its section, the site's name, the headline again, the
# text, the byline under it
PAGE = ("القائمة الرئيسية\n\n{title}\n\n04-01-2015, 20:55 {category}\n{site}\n\u00a0\n\u00a0\n{title}\n{p1}\n\n{p2}\n"
        "{author}\nشارك\n")


def _page(**kw):
    fields = dict(title="تذبذب أسعار النفط بعد القرار", category="اقتصاد", site="صحيفة الجزيرة", p1=P1, p2=P2,
                  author="فهد العنزي (الرياض)")
    fields.update(kw)
    return extract_text(PAGE.format(**fields), options=OPTIONS)


def test_character_references_in_the_fields_are_decoded():
    e = _page(title="وصف التصريحات بـ&quot;المهينة&quot; و&#8220;غير المقبولة&#8221;", author="&nbsp;عبدالله الثبيتي (مكة المكرمة)",
              category="مال &amp; أعمال", site="صحيفة &#x627;لجزيرة")
    assert e.title == "وصف التصريحات بـ\"المهينة\" و“غير المقبولة”"
    assert e.author == "عبدالله الثبيتي (مكة المكرمة)"
    assert e.category == "مال & أعمال" and e.source == "صحيفة الجزيرة"
    assert e.paragraphs == (P1, P2)


def test_character_references_in_the_text_are_decoded_an_ampersand_in_words_is_kept():
    e = _page(p1="Kanye West avoided the clich&#233;d hip-hop preoccupation, said his producer at AT&T Q&A nights.",
              p2="R&D spending rose, the report said: &lt;5% of it went to start-ups &amp; 1&copy=2 is no reference.")
    assert e.paragraphs == ("Kanye West avoided the clichéd hip-hop preoccupation, said his producer at AT&T Q&A nights.",
                            "R&D spending rose, the report said: <5% of it went to start-ups & 1&copy=2 is no reference.")


def test_a_field_is_given_in_composed_form_nfc_the_text_as_written():
    # shadda typed before fatha ("إنّ" as U+0646 U+0651 U+064E), "é" as "e" and its combining accent: in a field NFC
    # reorders and composes them (the letters are the same); the text keeps them as written, as the gold set's
    # paragraphs_sha256 does (an HTML writer normalises its output)
    from ssg.extract import extract_dataset
    nun = "\u0646\u0651\u064e"
    title = f"قال إ{nun} الاتفاق يشمل مقهى Cafe\u0301 du Port"
    row = ('{"title": "%s", "author": "فَ%s (الرياض)", "content": "%s\\n\\n%s"}' % (title, nun, P1 + f" فإ{nun} الخطة", P2)).encode()
    (_, e), = extract_dataset(row, rel_path="d.jsonl", fmt="jsonl", options=OPTIONS)
    assert e.title == unicodedata.normalize("NFC", title) and "\u0301" not in e.title
    assert e.author == unicodedata.normalize("NFC", f"فَ{nun} (الرياض)")
    assert e.paragraphs == (P1 + f" فإ{nun} الخطة", P2)


def test_a_site_word_and_one_adjective_where_the_name_stands_is_the_source():
    # ("صحيفة عربية" under the dateline, no other name printed: the page's name for itself; under a masthead it is
    # the masthead's tagline, and a medium's word alone is no name)
    assert _page(site="صحيفة عربية").source == "صحيفة عربية"
    assert _page(site="جريدة مغربية").source == "جريدة مغربية"
    assert _page(site="صحيفة إلكترونية").source is None
    e = extract_text("الوسط اليوم\nصحيفة عربية\n\n" + PAGE.format(
        title="تذبذب أسعار النفط بعد القرار", category="اقتصاد", site="", p1=P1, p2=P2, author="فهد العنزي (الرياض)"),
        options=OPTIONS)
    assert e.source == "الوسط اليوم"
