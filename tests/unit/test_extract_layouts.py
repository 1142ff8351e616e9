"""Whole-article extraction on small invented articles, one per layout style
(tests/fixtures/extract/*; none is copied from the corpus)."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from ssg.extract import ExtractOptions, Profile, extract_bytes, extract_text, text_fingerprint, to_record, RECORD_KEYS

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
OPT = ExtractOptions()


def load(name, options=OPT):
    return extract_bytes((FIX / name).read_bytes(), rel_path=name, options=options)


def test_reference_layout_headline_dek_section_subheadings_credit():
    r = load("ar_reference.txt")
    assert r.title.startswith("وزارة الزراعة تطلق موسم زراعة القمح في المنطقة الشمالية")
    assert r.published == datetime(2022, 3, 12, 8, 15) and r.published_precision == "minute"
    assert r.category == "اقتصاد محلي"  # text after the dateline
    assert r.source == "موقع الحقول الإخباري"
    assert r.dek.startswith("ويشمل البرنامج")
    assert r.section == "الشمال"
    assert r.subheadings == ("دعم المزارعين",)
    assert r.author == "وكالات" and r.agency == "وكالات"
    assert len(r.paragraphs) == 4
    assert ("h", "دعم المزارعين") == r.blocks[2]
    assert all("شارك" != p for p in r.paragraphs)
    assert r.language == "ar" and r.dir == "rtl"
    rules = {f: rule for f, rule, _, _ in r.evidence}
    assert rules["title"] == "title:repeated-headline"


def test_portal_layout_breadcrumb_byline_12h_clock_copyright():
    r = load("ar_portal.txt")
    assert r.title == "النادي الأهلي يتعاقد مع مدرب جديد للفريق الأول"
    assert r.category == "رياضة"  # breadcrumb, not the nav line
    assert r.published == datetime(2020, 3, 3, 21, 40)
    assert r.source == "جريدة الملاعب"
    assert r.agency == "رويترز"
    # single-newline paragraphs are not re-joined; the dateline stays in the body
    assert len(r.paragraphs) == 3 and r.paragraphs[0].startswith("القاهرة - (رويترز) -")
    assert not any("الزمالك" in p for p in r.paragraphs)  # related list removed


def test_arabic_indic_digits_levantine_month_label_byline():
    r = load("ar_indic.txt")
    assert r.published == datetime(2019, 10, 15, 16, 30)
    assert r.author == "سارة الحسن"
    assert r.source == "صحيفة النهار الجديد" and r.category == "ثقافة"
    assert len(r.paragraphs) == 2


def test_metadata_after_the_body_and_timezone_setting():
    r = load("ar_meta_after.txt", ExtractOptions(timezone="Asia/Riyadh"))
    assert r.title == "ارتفاع أسعار الذهب في الأسواق المحلية"
    assert r.author == "الرياض: خالد العمر"
    assert r.category == "Economy" and r.source == "صحيفة الأسواق"
    assert r.published.utcoffset() == timedelta(hours=3) and r.published_precision == "second"
    assert len(r.paragraphs) == 2


def test_wild_cp1256_crlf_caption_dateline_subheading():
    r = load("ar_wild_cp1256.txt")
    assert r.encoding == "windows-1256"
    assert r.title == "افتتاح مستشفى جديد في المدينة"
    assert r.agency == "ا ف ب"
    assert not any("ارشيفية" in p for p in r.paragraphs)  # photo caption
    # a short line between paragraphs as far apart as they are (single newlines here) is a paragraph, as
    # the gold set counts a text's lines (its L2 and L5 layouts); only a wider gap makes it a subheading
    assert r.subheadings == () and "تجهيزات حديثة" in r.paragraphs
    assert r.paragraphs[0].startswith("نيقوسيا ــ (ا ف ب):")


def test_wire_copy_hijri_and_end_markers():
    r = load("ar_spa_wire.txt")
    assert r.published.date() == datetime(2015, 8, 10).date() and r.hijri == "1436-10-25"
    assert r.agency == "واس"
    assert r.source == "وكالة الأنباء السعودية"
    assert not any("انتهى" in p or "ت م" == p[-3:] for p in r.paragraphs)


def test_english_page():
    r = load("en_page.txt")
    assert r.title == "Harbour city opens new ferry terminal"
    assert r.author == "Jane Okafor"
    assert r.category == "Middle East"
    assert r.published.isoformat() == "2019-03-12T14:05:00+00:00"
    assert r.source == "The Harbour Herald"
    assert r.language == "en" and r.dir == "ltr"
    assert len(r.paragraphs) == 3 and not any(p.startswith("Photo:") for p in r.paragraphs)


def test_plain_text_hard_wrapped():
    r = load("en_plain_wrapped.txt")
    assert r.title == "Village library reopens after flood repairs"
    assert len(r.paragraphs) == 3
    assert "repairs following the floods" in r.paragraphs[0]
    assert r.published is None and r.author is None and r.source is None  # never guessed


def test_no_headline_structure_gives_no_title():
    text = "\n\nخبر بلا عنوان واضح في أول الملف\n\n\nوقال المسؤول إن الخطة ستنفذ على ثلاث مراحل خلال العامين المقبلين في كل المحافظات.\n"
    r = extract_text(text, options=OPT)
    assert r.title is None
    assert any(w.startswith("no_title") for w in r.warnings)


def test_profile_boilerplate_and_site_name():
    text = (FIX / "ar_portal.txt").read_text(encoding="utf-8").replace(
        "وكان الفريق", "تابع آخر الأخبار على تطبيقنا\nوكان الفريق"
    )
    plain = extract_text(text, options=OPT)
    assert any(p.startswith("تابع آخر الأخبار") for p in plain.paragraphs)
    prof = Profile(name="malaeb", site_names=("جريدة الملاعب",), boilerplate=(r"تابع آخر الأخبار.*",), source="Al Malaeb")
    r = extract_text(text, options=ExtractOptions(profiles=(prof,)))
    assert not any(p.startswith("تابع آخر الأخبار") for p in r.paragraphs)
    assert r.source == "Al Malaeb"


def test_record_and_fingerprint():
    r = load("ar_portal.txt")
    rec = to_record("ar_portal.txt", r)
    assert tuple(rec) == RECORD_KEYS
    assert rec["published"] == "2020-03-03T21:40:00" and rec["error"] is None
    assert rec["evidence"]["title"]["line"] == 3
    again = extract_text((FIX / "ar_portal.txt").read_text(encoding="utf-8").replace("\n", "\r\n"), options=OPT)
    assert text_fingerprint(again) == text_fingerprint(r)
    assert text_fingerprint(load("ar_indic.txt")) != text_fingerprint(r)


# Layouts of other sites (invented articles): the headline is not always the first text line.
# A short line above it is a dateline or a section name; the headline may stand under the dates.

def test_dateline_above_the_headline_is_the_agency_not_the_title():
    r = load("ar_dateline_above_headline.txt")          # "القاهرة - (أ ش أ)", two dated labels, then the headline
    assert r.title == "وزير الصحة يعلن خطة جديدة لتطعيم الطلاب"
    assert r.agency == "أ ش أ" and r.author is None
    assert r.published == datetime(2021, 9, 12, 10, 30)
    assert r.tags == ("الصحة", "كورونا", "التعليم") and len(r.paragraphs) == 3


def test_site_and_city_line_above_a_maghreb_date_and_the_headline():
    r = load("ar_site_city_maghreb_month.txt")          # "هسبريس - الرباط", "الإثنين 13 شتنبر 2021 - 08:15"
    assert r.title == "الحكومة تصادق على مشروع قانون المالية"
    assert r.published == datetime(2021, 9, 13, 8, 15)
    assert r.author is None                              # ("تعليقات الزوار" at the end is a comments bar)
    assert len(r.paragraphs) == 2


def test_section_lines_above_the_headline_and_a_bar_separator():
    r = load("ar_sections_above_headline.txt")          # "الأخبار", "سياسة", headline, date, "|آخر تحديث: ..."
    assert r.title == "بايدن يلتقي ماكرون في روما لبحث أزمة الغواصات"
    assert r.category == "سياسة" and r.author is None
    assert not any("آخر تحديث" in p for p in r.paragraphs) and len(r.paragraphs) == 2


def test_site_then_section_above_the_date_then_the_headline():
    r = load("ar_site_section_date_headline.txt")       # "الخليج", "الإمارات", date, headline
    assert r.title.startswith("«الصحة» تطلق حملة")
    assert r.category == "الإمارات" and r.author is None
    assert r.published == datetime(2021, 9, 14)


def test_a_site_named_by_its_domain_and_a_dateline_under_the_header():
    r = load("ar_domain_site_dateline.txt")             # "العربية.نت", date, "دبي - العربية.نت", headline
    assert r.source == "العربية.نت"
    assert r.title.startswith("الإمارات تعلن عن مشاريع اقتصادية جديدة")
    assert r.published == datetime(2021, 9, 14, 21, 12, tzinfo=timezone(timedelta(hours=4)))  # "14 سبتمبر ,2021: 09:12 م GST"
    assert len(r.paragraphs) == 2


def test_byline_without_a_colon_and_byline_printed_with_the_date():
    r = load("ar_byline_no_colon.txt")                  # "كتب محمد أحمد" under the headline
    assert r.author == "محمد أحمد" and r.title == "الحكومة تعلن زيادة الأجور بداية العام المقبل"
    assert not any(p.startswith("كتب") for p in r.paragraphs)
    r = load("ar_byline_with_date.txt")                 # "كتب: أحمد محمود | الثلاثاء 14-09-2021 22:15"
    assert r.author == "أحمد محمود" and r.published == datetime(2021, 9, 14, 22, 15)
    assert r.title.startswith("عاجل.. ارتفاع أسعار الذهب") and len(r.paragraphs) == 2


def test_pipe_breadcrumb_byline_role_and_related_topics():
    r = load("en_pipe_crumb_byline_role.txt")           # "World | Europe", "By Jenny Hill, BBC News, Berlin"
    assert r.title == "Germany election: Scholz's SPD narrowly wins"
    assert r.category == "Europe" and r.author == "Jenny Hill"
    assert r.published == datetime(2021, 9, 27)
    assert len(r.paragraphs) == 2 and not any("Merkel" == p for p in r.paragraphs)
    r = load("en_name_in_place.txt")                    # "Emma Graham-Harrison in Kabul", a standfirst
    assert r.author == "Emma Graham-Harrison" and r.category == "World news"
    assert r.dek.startswith("Mullah Mohammad Hassan Akhund named")


def test_relative_time_and_reading_time_are_page_furniture():
    r = load("en_wire_reading_time.txt")                # "Updated 2 hours ago", "2 Min Read"
    assert r.title == "Oil rises as U.S. stockpiles fall"
    assert r.author == "Reuters Staff" and r.published.replace(tzinfo=None) == datetime(2021, 9, 12, 22, 30)
    assert r.published.utcoffset() == timedelta(0)                                   # "10:30 PM UTC"
    assert r.paragraphs[0].startswith("LONDON (Reuters) - Oil prices rose") and len(r.paragraphs) == 2


def test_a_french_page():
    r = load("fr_page.txt")                             # "Publié le 12 septembre 2021 à 22h30", "Par Jean Dupont"
    assert r.title == "Le président annonce de nouvelles mesures contre l'inflation"
    assert r.published == datetime(2021, 9, 12, 22, 30) and r.author == "Jean Dupont"
    assert r.category == "International" and r.language == "fr" and len(r.paragraphs) == 2


def test_bylines_with_a_slash_a_pipe_a_role_or_a_columnist_label():
    r = load("ar_question_headline_slash_byline.txt")   # "بقلم / سامي العتيبي", a headline ending in "؟"
    assert r.author == "سامي العتيبي" and r.title.endswith("أزمة الكهرباء؟")
    assert r.published == datetime(2021, 9, 12)          # "تاريخ النشر: 12/09/2021 | آخر تحديث: 13/09/2021"
    r = load("en_byline_pipe_outlet.txt")                # "By AHMED ALI | Arab News"
    assert r.author == "AHMED ALI" and r.published == datetime(2021, 9, 12, 22, 10)
    r = load("en_ap_zone_abbreviation.txt")              # "By JOSH BOAK, AP Economics Writer", "4:02 PM EDT, September 14, 2021"
    assert r.author == "JOSH BOAK"
    assert r.published == datetime(2021, 9, 14, 16, 2, tzinfo=timezone(timedelta(hours=-4)))
    r = load("en_columnist_label.txt")                   # "Opinion", headline, "Columnist: Maria Lopez"
    assert r.author == "Maria Lopez" and r.category == "Opinion"


def test_menus_printed_one_item_a_line_and_media_captions_are_not_copy():
    r = load("en_vertical_menu_captions.txt")             # "Menu", "Home", "News", "Sport", "Business", "Search"
    assert r.title == "Scientists discover new species of deep-sea fish off Australia"
    assert r.category is None and r.source is None and r.author == "Laura Smith"
    assert r.published == datetime(2022, 5, 12)
    assert len(r.paragraphs) == 3 and not any(p.startswith(("Image", "Media", "Privacy", "Deep-sea")) for p in r.paragraphs)
    r = load("ar_vertical_menu_footer.txt")               # "الرئيسية", "أخبار", "رياضة"...; "سياسة الخصوصية", "اتصل بنا"
    assert r.title == "الهلال يتوج بلقب الدوري للمرة الثامنة عشرة"
    assert r.author == "الرياض - خاص" and r.published == datetime(2022, 5, 28, 23, 45)
    assert len(r.paragraphs) == 2


def test_a_kicker_a_standfirst_and_a_name_over_its_role():
    r = load("en_kicker_standfirst_name_role.txt")        # "LATEST", headline, standfirst, "Tom Brown" / "Economics Editor"
    assert r.title == "Inflation hits 40-year high as fuel prices soar"
    assert r.dek.startswith("Consumers face the steepest rise") and r.author == "Tom Brown"
    assert len(r.paragraphs) == 2 and r.paragraphs[0].startswith("Inflation has hit")


def test_a_read_also_list_under_another_heading():
    r = load("ar_crumb_date_site_related.txt")            # "ربما يعجبك أيضاً" and a title under it
    assert r.title.startswith("البورصة المصرية تربح") and r.category == "أسواق" and r.author is None
    assert not any("البنك المركزي" in p for p in r.paragraphs)


def test_a_page_title_with_the_site_name_after_it():
    r = load("ar_page_title_site_suffix.txt")             # "… في واشنطن - صحيفة الوطن", then the headline again
    assert r.title == "وزير الخارجية يلتقي نظيره الأمريكي في واشنطن" and r.source == "صحيفة الوطن"
    assert r.category == "سياسة"
    r = load("en_page_title_pipe_site.txt")               # "… southern Spain | The Daily Courier", the body under it
    assert r.title == "Flooding forces thousands from homes in southern Spain" and r.source == "The Daily Courier"
    assert len(r.paragraphs) == 2


def test_a_blog_byline_after_the_date_and_its_comment_form():
    r = load("en_blog_posted_by.txt")                     # "Posted on September 12, 2021 by admin"
    assert r.author == "admin" and r.category is None and r.published == datetime(2021, 9, 12)
    assert len(r.paragraphs) == 2                         # not "Leave a Reply", "Your email address..."
    r = load("ar_blog_posted_by.txt")                     # "نشر في 12 سبتمبر 2021 بواسطة محمد سالم"
    assert r.author == "محمد سالم" and r.category is None and len(r.paragraphs) == 2


def test_a_german_page():
    r = load("de_page.txt")                               # "12.09.2021 | 10:30", "Wirtschaft", "Von Anna Schmidt"
    assert r.title == "Inflation in Deutschland steigt auf höchsten Stand seit 1993"
    assert r.published == datetime(2021, 9, 12, 10, 30) and r.category == "Wirtschaft" and r.author == "Anna Schmidt"
    assert r.language == "de"


def test_site_name_before_the_date_a_time_before_a_weekday_and_hashtags():
    r = load("ar_site_before_date.txt")                   # "صحيفة الرياض - 12 سبتمبر 2021"
    assert r.source == "صحيفة الرياض" and r.published == datetime(2021, 9, 12)
    r = load("en_time_weekday_date.txt")                  # "Published 3:45 PM, Mon Sep 13 2021"
    assert r.published == datetime(2021, 9, 13, 15, 45) and r.author == "John Smith and Jane Doe"
    r = load("ar_hashtags.txt")                           # "#جدة #المرور" after the body
    assert r.tags == ("جدة", "المرور") and len(r.paragraphs) == 2 and r.category == "أخبار محلية"


def test_the_published_date_not_the_last_update_printed_above_it():
    r = load("en_updated_before_published.txt")           # "Last updated: 11 March ..." then "Published: 10 March ..."
    assert r.published == datetime(2022, 3, 10, 8, 0, tzinfo=timezone.utc)
    r = load("ar_updated_before_published.txt")           # "آخر تحديث: ..." then "تاريخ النشر: السبت 12 مارس 2022 - 08:30 م"
    assert r.published == datetime(2022, 3, 12, 20, 30)
    r = load("en_ap_zone_abbreviation.txt")               # "Updated 4:02 PM EDT, ...": the only date, so the published one
    assert r.published == datetime(2021, 9, 14, 16, 2, tzinfo=timezone(timedelta(hours=-4)))


BODY_AR = ("وقالت الوزارة في بيان إن العمل في المشروع سيبدأ مطلع الشهر المقبل بتكلفة تبلغ ثلاثة ملايين دينار "
           "ويستمر عامين كاملين وفق الجدول الزمني المعتمد.")
BODY_EN = ("The council said work on the new bridge would begin next month and take two years to complete, "
           "with traffic diverted through the town centre in the meantime.")


def test_a_scrapers_header_of_fields():
    text = (f"العنوان: الوزارة تطلق مشروع تأهيل الطرق الريفية\nالتاريخ: 12/05/2024 10:30\nالمصدر: صحيفة النهار اليوم\n"
            f"الكاتب: سالم العلي\nالقسم: محليات\n\n{BODY_AR}\n\n{BODY_AR}\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.source, r.author, r.category) == ("الوزارة تطلق مشروع تأهيل الطرق الريفية", "صحيفة النهار اليوم",
                                                        "سالم العلي", "محليات")
    assert r.published == datetime(2024, 5, 12, 10, 30) and len(r.paragraphs) == 2
    mail = f"From: The Harbour Gazette <news@harbour.example>\nSubject: Morning briefing | Bridge works to start next month\n\n{BODY_EN}\n"
    r = extract_text(mail, options=OPT)
    assert (r.title, r.source) == ("Bridge works to start next month", "The Harbour Gazette")


def test_a_page_converted_to_markdown_reads_as_its_text():
    text = ("[Skip to content](#main)\n\n[![The Valley Post](https://vp.example/logo.svg)](https://vp.example/)\n\n"
            "* [Home](https://vp.example/)\n* [News](https://vp.example/news/)\n* [Sport](https://vp.example/sport/)\n\n"
            "# Bridge works to start next month\n\n**By Ann Lee**\n\n_May 14, 2024 at 3:10 pm_\n\n"
            "![The old bridge](https://vp.example/bridge.jpg)\n\n"
            f"{BODY_EN} See [the plans](https://vp.example/plans).\n\n## Diversions\n\n{BODY_EN}\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.author, r.source) == ("Bridge works to start next month", "Ann Lee", "The Valley Post")
    assert r.published == datetime(2024, 5, 14, 15, 10)
    assert r.paragraphs[0].endswith("See the plans.") and "](" not in " ".join(r.paragraphs)
    assert r.subheadings == ("Diversions",)


def test_a_mastheads_today_and_a_kicker_are_not_the_articles():
    text = ("صحيفة الفجر\nالخميس 23 مايو 2024\nالرئيسية  محليات  اقتصاد  رياضة  منوعات\n"
            "عاجل | انقطاع الكهرباء عن أحياء في العاصمة\n\nمحليات\n\nبعد أسابيع من الانتظار\n"
            "الوزارة تطلق مشروع تأهيل الطرق الريفية في المحافظات الشمالية\nكتب: سالم العلي\n"
            f"نشر في: 22 مايو 2024 الساعة 13:05\n\n{BODY_AR}\n\n{BODY_AR}\n")
    r = extract_text(text, options=OPT)
    assert r.title == "الوزارة تطلق مشروع تأهيل الطرق الريفية في المحافظات الشمالية"   # not the kicker over it
    assert r.dek is None and r.category == "محليات" and r.author == "سالم العلي"
    assert r.published == datetime(2024, 5, 22, 13, 5)          # not the masthead's "today", nor the ticker
    assert len(r.paragraphs) == 2


def test_a_press_release_ends_at_its_end_mark():
    text = ("Cascade Newswire\n\nFOR IMMEDIATE RELEASE\n\nBrightwater Labs opens battery recycling plant in Reno\n\n"
            f"By Ann Lee\n\n{BODY_EN}\n\n{BODY_EN}\n\nAbout Brightwater Labs\n\nBrightwater Labs recovers metals "
            "from used batteries for manufacturers across North America and Europe.\n\n###\n\nMedia contact: press@bw.example\n")
    r = extract_text(text, options=OPT)
    assert r.title == "Brightwater Labs opens battery recycling plant in Reno" and len(r.paragraphs) == 2


def test_a_ticker_of_figures_above_the_text_goes_and_a_table_in_it_stays():
    text = ("بغداد 41° | البصرة 45° | سعر صرف الدولار: 1460 دينار\n\n"
            "القادسية يتوج بلقب الدوري بعد فوز مثير على الكويت\n\n"
            "وحقق القادسية فوزا مثيرا على الكويت في الجولة الأخيرة من الدوري الممتاز ليتوج باللقب للمرة الثامنة عشرة.\n\n"
            "القادسية | 30 | 20 | 5 | 65\n\nالكويت | 30 | 19 | 6 | 63\n\n"
            "وقال مدرب الفريق إن اللاعبين قدموا موسما استثنائيا يستحقون عليه التتويج باللقب بعد منافسة شرسة.\n")
    r = extract_text(text, options=OPT)
    assert r.title == "القادسية يتوج بلقب الدوري بعد فوز مثير على الكويت"      # not the ticker over it
    assert r.paragraphs[1:3] == ("القادسية | 30 | 20 | 5 | 65", "الكويت | 30 | 19 | 6 | 63")   # the standings: the article's
    assert not any("البصرة" in p for p in r.paragraphs)


def test_the_text_ends_at_a_paywall_a_tags_heading_or_a_most_viewed_list():
    text = ("The Marsh Courier\n\nFerry fares to rise by 12% from June\n\nBy Ann Lee\n\n14 May 2024 17.32 BST\n\n"
            "47 comments\n\nReading time: 3 min | 1,245 views\n\n"
            f"{BODY_EN}\n\n{BODY_EN}\n\nSign up to Morning Briefing\nOur free daily newsletter with the stories you need\n\n"
            "Most viewed\n1 Man charged after crash\n2 Harbour scaffolding comes down\n\n"
            "Il vous reste 55 % de cet article à lire.\n\nMentions légales | Contact\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.author) == ("Ferry fares to rise by 12% from June", "Ann Lee")
    assert r.paragraphs == (BODY_EN, BODY_EN)
    ar = ("صحيفة الشرفة\n\nتسعيرة المحروقات لشهر حزيران\n\nتقرير: ليث الزعبي\n\n31 أيار 2024 - 18:30\n\n"
          f"{BODY_AR}\n\n{BODY_AR}\n\nالوسوم\n#المحروقات #البنزين\n\nالمزيد من الاقتصاد\nانخفاض أسعار الذهب محلياً\n"
          "الأرصاد: أجواء حارة نسبياً\n\n(أ ف ب، رويترز)\n")
    r = extract_text(ar, options=OPT)
    assert r.author == "ليث الزعبي" and r.paragraphs == (BODY_AR, BODY_AR)


def test_a_fields_header_with_tags_and_a_rule_above_the_text():
    text = ("العنوان: إطلاق موسم زراعة القمح في ست محافظات\nالمصدر: صحيفة الساحل\nالقسم: محليات\n"
            "الوسوم: القمح، الزراعة\n----------------------------------------\n\n"
            f"{BODY_AR}\n\n***\n\n{BODY_AR}\n\nالمزيد من المعاناة\n\n{BODY_AR}\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.source, r.category) == ("إطلاق موسم زراعة القمح في ست محافظات", "صحيفة الساحل", "محليات")
    assert r.tags == ("القمح", "الزراعة")
    # the rule above the text is the header's; "***" in the text and a heading over text are the text's
    assert r.paragraphs == (BODY_AR, "***", BODY_AR, "المزيد من المعاناة", BODY_AR)


@pytest.mark.parametrize("foot, site", [
    ("© 2024 مال الخليج", "مال الخليج"),
    ("© الساحل نت 2024", "الساحل نت"),
    ("جميع الحقوق محفوظة © أخبار المنامة 2025", "أخبار المنامة"),
    ("جميع الحقوق محفوظة لموقع العاصي اليوم 2024", "العاصي اليوم"),
    ("© L’Écho de la Meuse 2024", "L’Écho de la Meuse"),
    ("© 2024 Körfez Haber - Tüm hakları saklıdır.", "Körfez Haber"),
    # the name before the sign; a comma after the year; not the reserved phrase itself
    ("هسبريس © 2021 جميع الحقوق محفوظة", "هسبريس"),
    ("جنگ نیوز © 2021 جملہ حقوق محفوظ ہیں", "جنگ نیوز"),
    ("Copyright © 2021, Dawn", "Dawn"),
    ("© 2021 جميع الحقوق محفوظة", None),
])
def test_the_site_named_in_the_copyright_line_under_the_text(foot, site):
    text = (f"الرئيسية | محليات | اقتصاد | رياضة\n\nافتتاح مركز صحي جديد يخدم 45 ألف نسمة\n\nنشر بتاريخ: 2025-02-23 09:05\n\n"
            f"{BODY_AR}\n\n{BODY_AR}\n\nاترك تعليقاً\n\n{foot}\n")
    assert extract_text(text, options=OPT).source == site


def test_an_arabic_brand_by_its_last_word_not_a_phrase_or_a_menu_item():
    def source(first):
        return extract_text(f"{first}\nتسجيل الدخول | اشترك الآن\n\nافتتاح مركز صحي جديد يخدم 45 ألف نسمة في المحرق\n\n"
                            f"الأحد 23 فبراير 2025 - 09:05\n\n{BODY_AR}\n\n{BODY_AR}\n", options=OPT).source
    assert source("قرطاج نيوز") == "قرطاج نيوز"
    assert source("صنعاء الإخباري") == "صنعاء الإخباري"
    assert source("عربي نيوز 24 | اقتصاد") == "عربي نيوز 24"
    assert source("المصري اليوم") == "المصري اليوم"
    # a kicker over the headline with a preposition is a phrase, not a brand
    r = extract_text(f"  اعتبارا من اليوم\n«التجارة»: استقبال طلبات الشركات الراغبة في الحصول على الدعم\n{BODY_AR}\n{BODY_AR}\n",
                     options=OPT)
    assert r.source is None


def test_a_region_zone_in_capitals_is_read_at_its_offset_on_that_date():
    def published(line):
        return extract_text(f"Mall vote delayed again over housing plan\n\nBy Ann Lee\n{line}\n\n{BODY_EN}\n\n{BODY_EN}\n",
                            options=OPT).published
    assert published("July 18, 2023 6:05 p.m. ET") == datetime(2023, 7, 18, 18, 5, tzinfo=timezone(timedelta(hours=-4)))
    assert published("January 18, 2023 6:05 p.m. ET") == datetime(2023, 1, 18, 18, 5, tzinfo=timezone(timedelta(hours=-5)))
    assert published("March 14, 2024 08:47 IST") == datetime(2024, 3, 14, 8, 47, tzinfo=timezone(timedelta(hours=5, minutes=30)))


def test_a_tweet_embed_a_writers_tagline_and_tickers_over_the_section_are_not_the_text():
    text = ("The Tri-County Sentinel\nNews | Local Government | Sport | Business\n"
            "BREAKING: Power cut hits the east side\nLocal Government\n\nMall vote delayed again over housing plan\n\n"
            f"By Marcus Delaney\nJuly 18, 2023 6:05 p.m. ET\n\n{BODY_EN}\n\nTri-County Council\n@TriCountyCouncil\n"
            "Tonight's vote is postponed to August 1.\npic.twitter.com/xY7kq2LmPz\n"
            "— Tri-County Council (@TriCountyCouncil) July 18, 2023\n\n"
            f"{BODY_EN}\n\nMarcus Delaney covers local government for the Sentinel. Reach him at md@sentinel.example.\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.category, r.author) == ("Mall vote delayed again over housing plan", "Local Government", "Marcus Delaney")
    assert r.paragraphs == (BODY_EN, BODY_EN)


def test_a_list_under_each_other_in_blank_line_text_is_one_block_and_a_blog_footer_gives_byline_and_time():
    text = (f"Ferry fares to rise by 12% from June\n\n{BODY_EN}\n\nThe proposals include:\n\n"
            "- A new fare for island residents.\n - A cap on peak-time tickets.\n - Free travel for under-fives.\n\n"
            f"{BODY_EN}\n\n{BODY_EN}\n")
    r = extract_text(text, options=OPT)
    assert r.paragraphs == (BODY_EN, "The proposals include:",
                            "- A new fare for island residents. - A cap on peak-time tickets. - Free travel for under-fives.",
                            BODY_EN, BODY_EN)
    blog = ("نافذة النيلين\nأخبار السودان لحظة بلحظة\nالصفحة الرئيسية\n\nالجمعة، 10 يناير 2025\n\n"
            f"ارتفاع أسعار الذرة في أسواق القضارف رغم بداية موسم الحصاد\n\n{BODY_AR}\n\n{BODY_AR}\n\n"
            "مرسلة بواسطة عوض الجاك في 4:17 م\nالتسميات: اقتصاد\n\nليست هناك تعليقات:\nإرسال تعليق\n\n"
            "المشاركات الشائعة\nانخفاض سعر الجنيه في السوق الموازي\nوصول باخرة قمح إلى ميناء بورتسودان\n")
    r = extract_text(blog, options=OPT)
    assert (r.author, r.category, r.source) == ("عوض الجاك", "اقتصاد", "نافذة النيلين")
    assert r.published == datetime(2025, 1, 10, 16, 17) and r.paragraphs == (BODY_AR, BODY_AR)


# -- records of corpora, archives and tools (session 25) -----------------------------------------

_BODY = ("أعلنت الوزارة اليوم عن خطة جديدة لتطوير شبكة الطرق في المحافظات الشمالية تشمل أكثر من مئة كيلومتر.\n\n"
         "وقال المتحدث باسم الوزارة إن الأعمال تبدأ الشهر المقبل وتستمر عامين بتمويل حكومي كامل.\n\n"
         "وأضاف أن الخطة تتضمن صيانة الجسور القائمة وإنشاء ثلاثة جسور جديدة على الطرق الرئيسية.\n")


def test_an_sgml_record_is_read_as_its_fields():
    text = ('<doc id="x_17" lang="ar">\n<title>الوزارة تعلن خطة لتطوير الطرق</title>\n<date>2019-04-05</date>\n'
            '<source>صحيفة المدار</source>\n<text>\n' + _BODY + '</text>\n</doc>\n')
    r = extract_text(text, rel_path="doc.txt", options=OPT)
    assert (r.title, r.published, r.source) == ("الوزارة تعلن خطة لتطوير الطرق", datetime(2019, 4, 5), "صحيفة المدار")
    assert len(r.paragraphs) == 3 and not any("<" in p for p in r.paragraphs)


def test_a_scrapers_key_value_record_with_a_triple_quoted_body():
    text = ("# crawler 1.2 | status=200\n[article]\nid          = 48213\nsite_name   = صحيفة الفرات اليوم\n"
            "title       = الوزارة تعلن خطة لتطوير الطرق\nsection     = محليات\nauthor      = بغداد - حيدر الربيعي\n"
            "published   = 2024-02-19T08:15:00+03:00\nword_count  = 268\nbody        = \"\"\"\n" + _BODY + "\"\"\"\n"
            "related     = [\"48190\"]\n")
    r = extract_text(text, rel_path="rec.txt", options=OPT)
    assert (r.title, r.source, r.category, r.author) == ("الوزارة تعلن خطة لتطوير الطرق", "صحيفة الفرات اليوم", "محليات",
                                                         "بغداد - حيدر الربيعي")
    assert r.published == datetime(2024, 2, 19, 8, 15, tzinfo=timezone(timedelta(hours=3)))
    assert len(r.paragraphs) == 3


def test_a_wire_archives_marked_header_and_a_wayback_capture():
    wire = ("-- Rail freight volumes slump as storms slow coal deliveries\n-- By Daniel Hart\n-- Tue Mar 4, 2014 9:14am EST\n\n"
            "CHICAGO, March 4 (Reuters) - U.S. rail freight volumes fell 3.1 percent in February from a year earlier.\n\n"
            "The Association of American Railroads said carloads of coal dropped 6.8 percent for the month.\n")
    r = extract_text(wire, rel_path="w.txt", options=OPT)
    assert (r.title, r.author) == ("Rail freight volumes slump as storms slow coal deliveries", "Daniel Hart")
    assert r.published == datetime(2014, 3, 4, 9, 14, tzinfo=timezone(timedelta(hours=-5)))
    capture = ("The Wayback Machine - https://web.archive.org/web/20180316094522/http://example.dz/ar/77214.html\n\n"
               "http://example.dz/ar/77214.html\nGo\n7 captures\n16 Mar 2018 - 02 Dec 2019\nAbout this capture\n"
               "TIMESTAMPS\nloading\n\nيومية الأطلس\n\nالوزارة تعلن خطة لتطوير الطرق\n\n"
               "نشر في: 14 مارس 2018 على الساعة 17:35\n\n" + _BODY)
    r = extract_text(capture, rel_path="c.txt", options=OPT)
    assert r.title == "الوزارة تعلن خطة لتطوير الطرق" and r.published == datetime(2018, 3, 14, 17, 35)
    assert r.url.endswith("//example.dz/ar/77214.html") and "archive.org" not in r.url and len(r.paragraphs) == 3


def test_a_date_line_by_the_hijri_calendar_alone_is_dated_on_its_gregorian_day():
    text = ("صحيفة الشمال الإلكترونية\n\nالوزارة تعلن خطة لتطوير الطرق\nالسبت 15 رمضان 1446هـ - 08:30 مساءً\n\n" + _BODY)
    r = extract_text(text, rel_path="h.txt", options=OPT)
    assert r.published == datetime(2025, 3, 15, 20, 30) and r.hijri == "1446-09-15"


@pytest.mark.parametrize("dates, expected", [
    # a published/updated pair on one line, the update first: the published one wins
    ("آخر تحديث: 12 مارس 2025 - 11:40 ص | نشر في: 12 مارس 2025 - 09:15 ص", datetime(2025, 3, 12, 9, 15)),
    ("نشر في: 12 مارس 2025 - 09:15 ص | آخر تحديث: 12 مارس 2025 - 11:40 ص", datetime(2025, 3, 12, 9, 15)),
    # the day on its line, the pair's times under it (on one line, either first, or on two)
    ("الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م\nنشر في: 09:15 ص | آخر تحديث: 11:40 ص", datetime(2025, 3, 12, 9, 15)),
    ("الأربعاء 12 رمضان 1446 هـ (12 مارس 2025 م)\nآخر تحديث: 11:40 ص | نشر في: 09:15 ص", datetime(2025, 3, 12, 9, 15)),
    ("الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م\nآخر تحديث: 11:40 ص\nنشر في: 09:15 ص", datetime(2025, 3, 12, 9, 15)),
    # an update's time alone does not date the article
    ("الأربعاء 12 مارس 2025\nآخر تحديث: 11:40 ص", datetime(2025, 3, 12)),
])
def test_the_published_date_and_time_of_a_published_updated_pair(dates, expected):
    text = f"صحيفة الواحة\nالرئيسية » محليات\n\nالوزارة تعلن خطة لتطوير الطرق\n\n{dates}\n\n" + _BODY
    r = extract_text(text, rel_path="p.txt", options=OPT)
    assert (r.title, r.published) == ("الوزارة تعلن خطة لتطوير الطرق", expected)
    en = ("The Lakeside Courier\nHome > Business > Energy\n\nAramco raises April crude prices for Asian buyers\n\n"
          "Updated: March 5, 2025 11:05 AM GST | Published: March 5, 2025 9:30 AM GST\n\n"
          "DUBAI (Reuters) - Saudi Aramco raised the official selling price for its Arab Light crude to Asia for April.\n\n"
          "The increase was in line with expectations of traders surveyed last week, who forecast a rise of 60 cents.\n")
    assert extract_text(en, rel_path="e.txt", options=OPT).published == datetime(2025, 3, 5, 9, 30, tzinfo=timezone(timedelta(hours=4)))


def test_a_byline_run_into_the_first_paragraph_is_the_author_and_the_paragraph_stays_whole():
    lead = "كتب - خالد العنزي: أطلقت إمارة المنطقة مبادرة لزراعة مليون شجرة في المتنزهات الوطنية خلال ثلاث سنوات."
    text = "صحيفة الواحة\n\nإطلاق مبادرة لزراعة مليون شجرة\n\nالاثنين 17 مارس 2025 - 04:10 م\n\n" + lead + "\n\n" + _BODY
    r = extract_text(text, rel_path="b.txt", options=OPT)
    assert r.author == "خالد العنزي" and r.paragraphs[0] == lead
    # a wire's dateline is no byline, nor is a label's word opening a sentence
    for first_p in ("الرياض - واس: وافق مجلس الوزراء اليوم على نظام جديد لتنظيم قطاع النقل البري.",
                    "تقرير البنك الدولي: النمو سيتباطأ في المنطقة خلال العام المقبل بسبب تراجع الطلب."):
        r = extract_text(text.replace(lead, first_p), rel_path="b.txt", options=OPT)
        assert r.author is None and r.paragraphs[0] == first_p


def test_a_persian_agencys_page_news_code_and_solar_hijri_date():
    text = ("خبرگزاری پارس‌نگار\nصفحه اصلی » اقتصادی\n\nکد خبر: ۸۷۴۹۰۴\n۱ اسفند ۱۴۰۳ - ۱۰:۴۵\n\n"
            "نرخ تورم نقطه به نقطه در بهمن‌ماه به ۳۲ درصد رسید\n\n"
            "به گزارش خبرگزاری پارس‌نگار، مرکز آمار ایران در گزارش ماهانه خود اعلام کرد نرخ تورم نقطه به نقطه در بهمن‌ماه به ۳۲ درصد رسیده است.\n\n"
            "بر اساس این گزارش، تورم ماهانه در گروه خوراکی‌ها و آشامیدنی‌ها بیش از گروه کالاهای غیرخوراکی و خدمات بوده است.\n")
    r = extract_text(text, rel_path="fa.txt", options=OPT)
    assert (r.title, r.published, r.category, len(r.paragraphs)) == (
        "نرخ تورم نقطه به نقطه در بهمن‌ماه به ۳۲ درصد رسید", datetime(2025, 2, 19, 10, 45), "اقتصادی", 2)


@pytest.mark.parametrize("head, dates, expected", [
    # a pair on one date line, the update first, in other languages: the published one wins
    ("Ege Haber Gazetesi\nAnasayfa > Ekonomi", "Güncelleme: 04.03.2019 17:10 | Giriş: 04.03.2019 15:42", datetime(2019, 3, 4, 15, 42)),
    ("Diario del Sur\nInicio > Economía", "Actualizado 04/03/2019 - 17:10 | Publicado 04/03/2019 - 15:42", datetime(2019, 3, 4, 15, 42)),
    ("L'Écho du Sud\nAccueil > Économie", "Mis à jour le 04/03/2019 à 17h10 | Publié le 04/03/2019 à 15h42", datetime(2019, 3, 4, 15, 42)),
    ("روزنامہ صبح پاکستان\nہوم » کاروبار", "اپ ڈیٹ ۱۲ مارچ ۲۰۲۵ ۰۱:۴۰pm | شائع ۱۲ مارچ ۲۰۲۵ ۱۰:۱۵am", datetime(2025, 3, 12, 10, 15)),
    # Persian's "به‌روزرسانی" (its zero-width non-joiner a space in the folded line), a Solar Hijri date's twin after a dash
    ("خبرگزاری ایران‌پرس\nصفحه اصلی » سیاسی",
     "به‌روزرسانی: ۲۴ بهمن ۱۴۰۳ - ۱۲ فوریه ۲۰۲۵ - ۱۳:۲۰ | انتشار: ۲۴ بهمن ۱۴۰۳ - ۱۲ فوریه ۲۰۲۵ - ۱۰:۴۵",
     datetime(2025, 2, 12, 10, 45)),
    # a Hijri date before the Gregorian one is its twin: the update's label still labels it (no other date: it is used)
    ("صحيفة الواحة\nالرئيسية » محليات", "آخر تحديث: الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م 11:40 ص", datetime(2025, 3, 12, 11, 40)),
])
def test_the_published_date_of_a_pair_on_a_date_line_whichever_comes_first(head, dates, expected):
    text = f"{head}\n\nThe ministry sets out a plan for the northern roads\n\n{dates}\n\n" + _BODY
    r = extract_text(text, rel_path="d.txt", options=OPT)
    assert r.published == expected
    ev = dict((e[0], e) for e in r.evidence)["published"]
    assert ev[2] == 6                 # (the date line)


def test_an_update_labelled_date_after_its_hijri_twin_is_still_the_update():
    text = ("صحيفة الواحة\nالرئيسية » محليات\n\nالوزارة تعلن خطة لتطوير الطرق\n\nالأربعاء 11 مارس 2025 - 08:00 ص\n"
            "آخر تحديث: الأربعاء 12 رمضان 1446هـ - 12 مارس 2025م 11:40 ص\n\n" + _BODY)
    assert extract_text(text, rel_path="u.txt", options=OPT).published == datetime(2025, 3, 11, 8, 0)


@pytest.mark.parametrize("credit", ["ویب ڈیسک", "Web Desk", "نیوز ڈیسک"])
def test_a_desks_credit_right_under_the_date_is_the_byline(credit):
    text = (f"روزنامہ صبح پاکستان\nہوم » کاروبار\n\nاسٹیٹ بینک نے شرح سود میں ایک فیصد کمی کر دی\n\nشائع ۱۲ مارچ ۲۰۲۵ ۱۰:۱۵am\n{credit}\n\n"
            "کراچی: اسٹیٹ بینک آف پاکستان نے مانیٹری پالیسی کا اعلان کرتے ہوئے شرح سود میں ایک فیصد کمی کر دی ہے جس کے بعد شرح سود بارہ فیصد ہو گئی ہے۔\n\n"
            "گورنر اسٹیٹ بینک نے پریس کانفرنس میں کہا کہ مہنگائی کی شرح میں مسلسل کمی کے باعث یہ فیصلہ کیا گیا ہے۔\n")
    r = extract_text(text, rel_path="ur.txt", options=OPT)
    assert (r.author, len(r.paragraphs)) == (credit, 2)


def test_the_pages_first_line_over_a_menu_one_item_a_line_led_by_its_home_word_is_the_site():
    menu = "الرئيسية\nأخبار\nرياضة\nاقتصاد\nفنون\nمنوعات"
    text = f"مصراوي\n{menu}\n\nافتتاح مركز صحي جديد يخدم 45 ألف نسمة في الجيزة\n\n03:22 م الإثنين 21 فبراير 2022\n\n{BODY_AR}\n\n{BODY_AR}\n"
    r = extract_text(text, options=OPT)
    assert (r.source, r.title, r.published) == ("مصراوي", "افتتاح مركز صحي جديد يخدم 45 ألف نسمة في الجيزة", datetime(2022, 2, 21, 15, 22))
    # (a menu without its home word under the first line keeps it: "أخبار" over "سياسة" / … is an item)
    r = extract_text(text.replace("مصراوي\nالرئيسية\n", "أخبار محلية\n"), options=OPT)
    assert r.source is None


def test_a_pages_tags_one_a_line_under_its_text_with_no_label():
    head = ("العربية\nالرئيسية | السعودية | الخليج | اقتصاد\n\nالعراق يطلق خطة لتأهيل محطات الكهرباء قبل الصيف\n\n"
            "بغداد: فاضل النشمي\nنُشر: 15:27-18 أبريل 2023 م ـ 27 رَمضان 1444 هـ\nTT\n\n")
    text = head + f"{BODY_AR}\n\n{BODY_AR} وتعاني محطات الكهرباء في العراق من الأعطال.\n\nالعراق\nالكهرباء\n\n© 2023 العربية\n"
    r = extract_text(text, options=OPT)
    assert r.tags == ("العراق", "الكهرباء") and len(r.paragraphs) == 2
    assert (r.author, r.published) == ("بغداد: فاضل النشمي", datetime(2023, 4, 18, 15, 27))
    # (short lines not of the article's words are not its tags: a credit and its place under the text stay its own)
    r = extract_text(head + f"{BODY_AR}\n\n{BODY_AR}\n\nمحمد العتيبي\nجدة\n", options=OPT)
    assert r.tags == () and r.paragraphs[-1] == "جدة"


def test_a_place_and_the_outlet_in_quotes_under_the_headline_dated_above_it():
    text = ("الشرق الأوسط\nالرئيسية | أخبار | الاقتصاد | الرياضة\n\nالسبت - 27 محرم 1443 هـ - 04 سبتمبر 2021 مـ رقم العدد [ 15621]\n\n"
            f"الاقتصاد\n\nالسعودية: 18 % نمو الصادرات غير النفطية في الربع الثاني\n\nالرياض: «الشرق الأوسط»\n\n{BODY_AR}\n\n{BODY_AR}\n\n"
            "مواضيع\nالاقتصاد السعودي\n\n© 2021 الشرق الأوسط - جميع الحقوق محفوظة\n")
    r = extract_text(text, options=OPT)
    assert (r.author, r.category, r.source, len(r.paragraphs)) == ("الرياض: «الشرق الأوسط»", "الاقتصاد", "الشرق الأوسط", 2)


def test_the_section_over_the_headline_wins_over_the_words_beside_the_sites_name_and_a_place_and_outlet_under_the_date():
    text = ("جريدة الرؤية العمانية | النشرة الصباحية\nالأحد 28 محرم 1443هـ - 5 سبتمبر 2021م\n———\n\nمحليات\n"
            "بلدية مسقط تبدأ أعمال توسعة طريق السلطان قابوس في العذيبة\nنُشر في 4 سبتمبر 2021 - 11:47 م\nمسقط - الرؤية\n\n"
            f"{BODY_AR}\n\n{BODY_AR}\n\nلمتابعة اخر الاخبار اشترك في النشرة الإخبارية للرؤية\n\nتابع صفحة الرؤية الرياضية على فيسبوك\n\n"
            "مشاركة\nواتس اب\nفيسبوك\n")
    r = extract_text(text, options=OPT)
    assert (r.category, r.author, r.published) == ("محليات", "مسقط - الرؤية", datetime(2021, 9, 4, 23, 47))
    assert r.paragraphs == (BODY_AR, BODY_AR)


def test_a_pages_hidden_labels_author_and_role_stacked_one_a_line():
    text = ("تخطى إلى المحتوى\nبي بي سي نيوز عربي\nالقسم الرئيسي\nأخبار\nاقتصاد\nصحة\n\n"
            "السودان: عشرات الآلاف يفرون من القتال في دارفور نحو تشاد\n\n"
            "Author, محمد عثمان\nRole, بي بي سي نيوز عربي - الخرطوم\nAuthor, نجلاء حسن\nAuthor, إيمان عريقات\nRole, بي بي سي نيوز عربي\n"
            "20 يونيو/ حزيران 2023\n\nمصدر الصورة، Getty Images\nالتعليق على الصورة، لاجئون سودانيون قرب الحدود\n\n"
            f"{BODY_AR}\n\n{BODY_AR}\n\nقصص مقترحة\nلماذا يتجدد القتال في دارفور؟\nقصص مقترحة نهاية\n\n"
            "الأكثر قراءة\n1\nزلزال يضرب جنوب تركيا\n2\nما هي أسباب ارتفاع أسعار الذهب؟\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.source, r.published) == ("السودان: عشرات الآلاف يفرون من القتال في دارفور نحو تشاد", "بي بي سي نيوز عربي",
                                                 datetime(2023, 6, 20))
    assert r.author == "محمد عثمان ونجلاء حسن وإيمان عريقات"
    assert r.paragraphs == (BODY_AR, BODY_AR)
    en = extract_text("Home\nNews\nSport\n\nThe headline of the story is here\n\nAuthor, Jane Doe\nRole, BBC News\nAuthor, Omar Khalid\n"
                      "4 September 2021\n\n" + "The story's first sentence is long enough to be prose on its own line here. " * 2 + "\n",
                      options=OPT)
    assert en.author == "Jane Doe and Omar Khalid"


def test_names_stacked_one_a_line_over_the_date():
    body = "Hospitals across the country have begun switching off air conditioning as the fuel crisis deepens this week. "
    text = ("The Guardian\nNews\nOpinion\nSport\nCulture\nWorld\nEurope\nMiddle East\n\n"
            "EU leaders agree emergency plan to cut gas demand by 15% this winter\n"
            "Member states will be able to opt out of mandatory targets in some circumstances, under compromise deal\n\n"
            "Helen Rourke in Brussels\nJon Ellery\nKatrin Vogt in Berlin\nTue 26 Jul 2022 14.05 BST\n\n"
            f"{body * 2}\n\n{body * 2}\n\n{body * 2}\n")
    r = extract_text(text, options=OPT)
    assert r.author == "Helen Rourke, Jon Ellery and Katrin Vogt"
    assert r.published == datetime(2022, 7, 26, 14, 5, tzinfo=timezone(timedelta(hours=1)))
    assert r.dek == "Member states will be able to opt out of mandatory targets in some circumstances, under compromise deal"
    assert len(r.paragraphs) == 3


def test_a_staff_byline_and_a_domain_masthead_named_by_the_copyright_line():
    body = "The city's water utility said the supply to several districts would be suspended from Monday for repairs. "
    text = ("DAWN.COM\nHome\nLatest\nPakistan\nWorld\nBusiness\n\nKarachi water utility announces 36-hour shutdown for repairs\n\n"
            "Staff Reporter\nPublished September 4, 2021\nUpdated about 3 hours ago\n\n"
            f"{body * 2}\n\n{body * 2}\n\nCopyright © 2021, Dawn\n")
    r = extract_text(text, options=OPT)
    assert (r.author, r.source, r.published, len(r.paragraphs)) == ("Staff Reporter", "Dawn", datetime(2021, 9, 4), 2)
    # (under a name, it is the name's role)
    r = extract_text(text.replace("Staff Reporter\n", "By Priya Lal\nBusiness Reporter\n"), options=OPT)
    assert r.author == "Priya Lal"


def test_a_standfirst_ending_in_a_period_over_a_byline_and_its_date_is_the_headers():
    body = "Le gouvernement grec a annoncé samedi le déploiement de plusieurs centaines de soldats sur l'île d'Eubée. "
    text = ("Le Monde\nActualités\nÉconomie\nVidéos\nDébats\nCulture\nLe Goût du Monde\nServices\n\nPlanète\n\n"
            "Incendies : la Grèce mobilise l'armée pour protéger les villages de l'île d'Eubée\n\n"
            "Les pompiers luttent depuis six jours contre un feu qui a déjà ravagé plus de 40 000 hectares de forêt.\n\n"
            "Le Monde avec AFP\nPublié le 4 septembre 2021 à 23h47 - Mis à jour le 5 septembre 2021 à 08h12\n"
            "Partager sur Facebook\nEnvoyer par e-mail\nPartager sur Linkedin\n\n"
            f"{body * 2}\n\n{body * 2}\n\nLe Monde avec AFP\n\nContribuer\nRéutiliser ce contenu\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.category, r.author) == ("Incendies : la Grèce mobilise l'armée pour protéger les villages de l'île d'Eubée",
                                               "Planète", "Le Monde avec AFP")
    assert r.dek.startswith("Les pompiers") and r.published == datetime(2021, 9, 4, 23, 47)
    assert len(r.paragraphs) == 2


def test_a_menu_one_item_a_line_with_its_top_stories_and_us_news():
    body = "A wildfire fanned by strong winds forced the evacuation of six mountain villages in northern Greece on Saturday. "
    text = ("AP News\nTop Stories\nTopics\nVideo\nListen\nWorld News\nU.S. News\nPolitics\nSports\nEntertainment\nWorld News\n\n"
            "Wildfire forces evacuation of mountain villages in northern Greece\n\n"
            "By KOSTAS MARINOS and DEREK HALLORAN\nPublished 11:47 PM EDT, Sept. 4, 2021\n\n"
            f"{body * 2}\n\n{body * 2}\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.category, r.source, r.author) == ("Wildfire forces evacuation of mountain villages in northern Greece",
                                                         "World News", "AP News", "KOSTAS MARINOS and DEREK HALLORAN")
    assert r.published == datetime(2021, 9, 4, 23, 47, tzinfo=timezone(timedelta(hours=-4)))


def test_the_sites_credit_over_the_date_under_its_masthead_is_the_byline():
    menu = "الرئيسية\nالسعودية\nالخليج\nاقتصاد\nرياضة"
    def read(credit, top="العربية"):
        return extract_text(f"تخطي إلى المحتوى\n{top}\n{menu}\n\nالعالم العربي\n\n"
                            f"لبنان.. إضراب مفتوح لموظفي القطاع العام احتجاجا على تدني الرواتب\n\n{credit}\n"
                            f"نشر في: 13 يونيو ,2022: 02:30 م GST آخر تحديث: 13 يونيو ,2022: 04:15 م GST\n\n{BODY_AR}\n\n{BODY_AR}\n",
                            options=OPT)
    r = read("دبي - العربية.نت")
    assert (r.source, r.author, r.category) == ("العربية", "دبي - العربية.نت", "العالم العربي")
    assert r.published == datetime(2022, 6, 13, 14, 30, tzinfo=timezone(timedelta(hours=4)))
    assert (read("العربية.نت").source, read("العربية.نت").author) == ("العربية", "العربية.نت")


def test_a_print_views_printed_from_line_names_the_site_and_the_address():
    body = "A 12-hectare desert park with walking trails and solar-powered lighting opened to the public on Saturday. "
    text = ("Printed from: Gulf Herald (https://www.gulfherald.example/uae/2021/09/04/sharjah-opens-desert-park)\n"
            "Printed on: 06/09/2021 10:12\n\nUAE\n\nSharjah opens 12-hectare desert park with solar-powered lighting\n\n"
            "By Staff Reporter\nPublished: Sat 4 Sep 2021, 11:47 PM\nLast updated: Sun 5 Sep 2021, 8:12 AM\n\n"
            f"{body * 2}\n\n{body * 2}\n")
    r = extract_text(text, options=OPT)
    assert (r.title, r.source, r.category, r.author) == ("Sharjah opens 12-hectare desert park with solar-powered lighting",
                                                         "Gulf Herald", "UAE", "Staff Reporter")
    assert (r.published, r.url) == (datetime(2021, 9, 4, 23, 47), "https://www.gulfherald.example/uae/2021/09/04/sharjah-opens-desert-park")


def test_an_agencys_dateline_under_its_byline_opens_the_text_and_its_note_on_the_wire_is_furniture():
    text = ("وكالة الأناضول\nالرئيسية\nتركيا\nالدول العربية\nالعالم\nاقتصاد\n\nالدول العربية\n\n"
            "قطر وتركيا تبحثان تطورات الأوضاع في أفغانستان\n\nمحمد شيخ يوسف   |04.09.2021 - تحديث : 05.09.2021\n\n"
            f"الدوحة/ الأناضول\n\n{BODY_AR}\n\n{BODY_AR}\n\n"
            "الأخبار المنشورة على الصفحة الرئيسية لموقع وكالة الأناضول هي جزء من الخدمة الإخبارية المتوفرة لمشتركي نظام تدفق "
            "الأخبار (HAS) الخاص بالوكالة، ويتم نشرها بشكل ملخص.\n")
    r = extract_text(text, options=OPT)
    assert (r.author, r.source, r.published) == ("محمد شيخ يوسف", "وكالة الأناضول", datetime(2021, 9, 4))
    assert r.paragraphs == ("الدوحة/ الأناضول", BODY_AR, BODY_AR)
    tr = extract_text("Anadolu Ajansı\nGündem\nTürkiye\nDünya\nEkonomi\nSpor\nKültür-Sanat\n\nEkonomi\n\n"
                      "Merkez Bankası politika faizini yüzde 19'da sabit tuttu\n\nAyşe Yılmaz   |04.09.2021 - Güncelleme : 05.09.2021\n\n"
                      + "ANKARA (AA) - Türkiye Cumhuriyet Merkez Bankası politika faizini yüzde 19'da sabit bıraktı ve açıklama yaptı. " * 2
                      + "\n\nAnadolu Ajansı web sitesinde, AA Haber Akış Sistemi (HAS) üzerinden abonelere sunulan haberler, özetlenerek yayımlanmaktadır.\n",
                      options=OPT)
    assert (tr.source, tr.author, len(tr.paragraphs)) == ("Anadolu Ajansı", "Ayşe Yılmaz", 1)


def test_a_trail_one_item_a_line_under_the_menu_gives_the_subsection():
    menu = "الرئيسية\nالعالم العربي\nالعالم\nالاقتصاد\nالرياضة\nالثقافة\nالرأي"
    text = (f"الشرق الأوسط\n{menu}\nالعالم العربي\nالمشرق العربي\n\nالحكومة العراقية تعلن خطة لإعادة تأهيل محطات الكهرباء قبل الصيف\n\n"
            f"بغداد: فاضل النشمي\nنُشر: 15:27-18 أبريل 2023 م ـ 27 رَمضان 1444 هـ\n\n{BODY_AR}\n\n{BODY_AR}\n")
    r = extract_text(text, options=OPT)
    assert (r.category, r.source, r.author) == ("المشرق العربي", "الشرق الأوسط", "بغداد: فاضل النشمي")


@pytest.mark.parametrize("top, category", [
    ("مصراوي\nالرئيسية\nأخبار\nرياضة\nاقتصاد\nفنون\nمنوعات\nرياضة محلية", "رياضة محلية"),     # an item's subsection
    ("اليوم السابع\nالقائمة\nبحث\nالرئيسية\nأخبار مصر", "أخبار مصر"),                            # a trail under the home word
    ("مصراوي\nالرئيسية\nأخبار\nرياضة\nاقتصاد\nفنون\nمنوعات", None),                               # a menu alone
])
def test_the_section_printed_as_a_menus_last_line(top, category):
    text = (f"{top}\n\nالأهلي يتعاقد مع مدافع تونسي لمدة ثلاثة مواسم\n\nكتب- محمد عبد الهادي:\n\n09:05 ص الخميس 27 يناير 2022\n\n"
            f"{BODY_AR}\n\n{BODY_AR}\n")
    r = extract_text(text, options=OPT)
    assert (r.category, r.title, r.author) == (category, "الأهلي يتعاقد مع مدافع تونسي لمدة ثلاثة مواسم", "محمد عبد الهادي")
