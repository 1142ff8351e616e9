"""Date/time recognition (ssg.extract.dates)."""

from datetime import datetime, timedelta, timezone

import pytest

from ssg.extract.dates import find_dates
from ssg.extract.text import fold


def first(text, **kw):
    hits = [h for h in find_dates(fold(text), **kw) if h.hijri is None]
    assert hits, f"no date in {text!r}"
    return hits[0]


@pytest.mark.parametrize(
    "text, expected, precision",
    [
        ("24-07-2015, 15:38 local", datetime(2015, 7, 24, 15, 38), "minute"),
        ("2015/07/27 18:52:10", datetime(2015, 7, 27, 18, 52, 10), "second"),
        ("الجمعة 7 أغسطس 2015 - 11:22 م", datetime(2015, 8, 7, 23, 22), "minute"),
        ("الجمعة 7 أغسطس 2015 - 11:22 ص", datetime(2015, 8, 7, 11, 22), "minute"),
        ("الخميس 12 أغسطس 2015 - 12:05 ص", datetime(2015, 8, 12, 0, 5), "minute"),
        ("نُشر في: الجمعة ٣١ تموز (يوليو) ٢٠١٥ - الساعة ١٨:١٨", datetime(2015, 7, 31, 18, 18), "minute"),
        ("Sunday, 26 July 2015 - 04:49 PM", datetime(2015, 7, 26, 16, 49), "minute"),
        ("Tuesday, 11 August 2015 - 16:10 pm", datetime(2015, 8, 11, 16, 10), "minute"),
        ("March 5, 2015 10:30 am", datetime(2015, 3, 5, 10, 30), "minute"),
        ("15 كانون الثاني 2020", datetime(2020, 1, 15), "day"),
        ("۱۵ يناير ۲۰۲۰", datetime(2020, 1, 15), "day"),
        ("الخميس 26 جويلية 2012", datetime(2012, 7, 26), "day"),
        ("25-يوليو-2012", datetime(2012, 7, 25), "day"),
        ("05-30-2012 11:25 PM", datetime(2012, 5, 30, 23, 25), "minute"),
        # short month names of Portuguese, Spanish, French and Italian sites; Russian; "alle", "às", "в"
        ("14 abr 2025, 08:31 · Atualizado às 11:02", datetime(2025, 4, 14, 8, 31), "minute"),
        ("3 févr. 2024 à 10h15", datetime(2024, 2, 3, 10, 15), "minute"),
        ("Pubblicato il 27 mag 2025 alle 16:20", datetime(2025, 5, 27, 16, 20), "minute"),
        ("12 марта 2025 в 14:37", datetime(2025, 3, 12, 14, 37), "minute"),
        # a two-digit year with the time after it ("פורסם: 17.03.25, 14:05")
        ("פורסם: 17.03.25, 14:05 | עודכן: 17.03.25, 16:40", datetime(2025, 3, 17, 14, 5), "minute"),
        # the time before the date and its Arabic weekday (Egyptian portals); a French time's "min"
        ("03:22 م الإثنين 21 فبراير 2022", datetime(2022, 2, 21, 15, 22), "minute"),
        ("04 septembre 2021 à 23 h 47 min", datetime(2021, 9, 4, 23, 47), "minute"),
    ],
)
def test_formats(text, expected, precision):
    hit = first(text)
    assert hit.value.replace(tzinfo=None) == expected
    assert hit.precision == precision


def test_ambiguous_numeric_date_follows_the_setting():
    assert first("03/04/2016").value == datetime(2016, 4, 3)
    assert first("03/04/2016", day_first=False).value == datetime(2016, 3, 4)
    # unambiguous dates ignore the setting
    assert first("25/04/2016", day_first=False).value == datetime(2016, 4, 25)


def test_offsets_and_makkah_time():
    assert first("2015-07-21T02:51:40+03:00").value.utcoffset() == timedelta(hours=3)
    assert first("2015-07-21T02:51:40Z").value.tzinfo == timezone.utc
    hit = first("Updated: 12:34 GMT, 5 March 2015")
    assert hit.value == datetime(2015, 3, 5, 12, 34, tzinfo=timezone.utc)
    assert first("10 اغسطس 2015 الساعة 20:27 ت م").value.utcoffset() == timedelta(hours=3)
    # an hour's word before the zone ("hs", "hrs."), Türkiye's "TSİ"
    assert first("3 de junio de 2025 · 14:20 hs (GMT-3)").value == datetime(2025, 6, 3, 14, 20, tzinfo=timezone(timedelta(hours=-3)))
    assert first("5 March 2015, 9:30 hrs. GMT").value == datetime(2015, 3, 5, 9, 30, tzinfo=timezone.utc)
    assert first("Yayınlanma: 11.02.2025 09:12 TSİ").value.utcoffset() == timedelta(hours=3)
    assert first("12 марта 2025 в 14:37 (мск)").value.utcoffset() == timedelta(hours=3)
    # the time past an era mark and a word, or past the Hijri date
    assert first("الثلاثاء 25 جوان 2024 م - على الساعة 17:20").value == datetime(2024, 6, 25, 17, 20)
    assert first("الثلاثاء 25 جوان 2024 م الموافق لـ 19 ذو الحجة 1445 هـ - على الساعة 17:20").value == datetime(2024, 6, 25, 17, 20)


def test_hijri_is_recorded_not_used():
    hits = find_dates(fold("الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"))
    assert [h.hijri for h in hits] == ["1436-10-25", None]
    assert hits[1].value == datetime(2015, 8, 10)


def test_a_hijri_date_alone_carries_its_umm_al_qura_day():
    # the same day as the Gregorian date the wire prints beside it above
    hit = find_dates(fold("الرياض 25 شوال 1436 هـ"))[0]
    assert (hit.hijri, hit.value) == ("1436-10-25", datetime(2015, 8, 10))
    hit = find_dates(fold("السبت 15 رمضان 1446هـ - 08:30 مساءً"))[0]
    assert (hit.hijri, hit.value, hit.precision) == ("1446-09-15", datetime(2025, 3, 15, 20, 30), "minute")
    # outside the calendar's table (1343-1500 AH) or past a month's last day: recorded, no Gregorian day
    assert find_dates(fold("12 رجب 1320 هـ"))[0].rule == "date:hijri"
    assert find_dates(fold("30 رمضان 1446 هـ"))[0].rule == "date:hijri"


@pytest.mark.parametrize("text", ["31-02-2015", "no date here", "1234", "99:99 2015", "السبت 4 سبتمبر (أيلول)",
                                  "17.03.25", "score 2.1.25 after extra time"])
def test_no_false_dates(text):
    assert [h for h in find_dates(fold(text)) if h.hijri is None] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # Iran's month names, Persian digits, the time after "ساعت" or a dash, "ماه" after the month, the era "ه.ش"
        ("تاریخ انتشار: دوشنبه ۲۴ بهمن ۱۴۰۳ - ۱۰:۴۵", datetime(2025, 2, 12, 10, 45)),
        ("شنبه ۲۰ مرداد ۱۴۰۳ ساعت ۰۸:۳۰", datetime(2024, 8, 10, 8, 30)),
        ("۱ فروردین‌ماه ۱۴۰۴", datetime(2025, 3, 21)),
        ("۳۰ اسفند ۱۴۰۳ ه.ش", datetime(2025, 3, 20)),          # (1403 a leap year: its Esfand has 30 days)
        ("۱۹:۴۰ - ۲۹ آذر ۱۴۰۲", datetime(2023, 12, 20, 19, 40)),
        # Afghanistan's names (the zodiac's), and a numeric date year first
        ("سه‌شنبه، ۱۳ سنبله ۱۴۰۳، ساعت ۰۹:۱۵", datetime(2024, 9, 3, 9, 15)),
        ("۲۳ میزان ۱۴۰۳", datetime(2024, 10, 14)),
        ("۱۴۰۳/۱۰/۱۸ - ۱۴:۲۰", datetime(2025, 1, 7, 14, 20)),
        ("1404/1/16", datetime(2025, 4, 5)),
    ],
)
def test_solar_hijri_dates_are_read_as_their_gregorian_day(text, expected):
    hit = first(text)
    assert (hit.value, hit.rule) == (expected, "date:solar-hijri")


def test_a_solar_hijri_date_gives_way_to_its_twin_in_brackets_that_has_the_time():
    hits = [h for h in find_dates(fold("۲۴ دلو ۱۴۰۳ (۱۲ فبروری ۲۰۲۵) - ۱۶:۰۰")) if h.hijri is None]
    assert [(h.value, h.precision) for h in hits] == [(datetime(2025, 2, 12, 16, 0), "minute")]


@pytest.mark.parametrize("text", ["1446/09/12 هـ", "1445/11/06 هـ الموافق", "۳۰ اسفند ۱۴۰۲", "۳۱ مهر ۱۴۰۳", "ولد 5 سرطان"])
def test_no_solar_hijri_date_where_there_is_none(text):
    # a lunar Hijri date with its era, a day the Solar month does not have (1402 is not a leap year), a word
    assert [h for h in find_dates(fold(text)) if h.rule == "date:solar-hijri"] == []


def test_a_leading_time_of_a_label():
    from ssg.extract.dates import leading_time
    assert leading_time(fold("09:15 ص | آخر تحديث: 11:40 ص")) == (9, 15, None)
    assert leading_time(fold("04:10 م")) == (16, 10, None)
    assert leading_time(fold("12 مارس 2025")) is None
    assert leading_time(fold("10:30 يبدأ الاجتماع")) is None


@pytest.mark.parametrize("text, hijri", [
    ("نُشر: 15:27-18 أبريل 2023 م ـ 27 رَمضان 1444 هـ", "1444-09-27"),
    ("السبت 5 مُحرَّم 1443 هـ", "1443-01-05"),
])
def test_a_month_written_with_its_vowel_marks_is_read(text, hijri):
    # (the patterns let the marks stand; the month's table has none: it raised KeyError and lost the article)
    assert hijri in [h.hijri for h in find_dates(fold(text))]
    assert first("12 يَنَايِر 2024").value == datetime(2024, 1, 12)


def test_a_numeric_hijri_date_in_an_arabic_text_is_the_lunar_calendars():
    from ssg.extract import ExtractOptions, extract_text
    from ssg.extract.dates import HIJRI_CONVERTED, TEXT_READ, persian_text
    assert persian_text("تاریخ انتشار: ۱۴۰۳/۱۰/۱۸") and persian_text("گزارش پیشرفت چشمگیر")
    assert not persian_text("التاريخ: 1419/12/05") and not persian_text("شركة جوجل (گوگل) تعلن")
    token = TEXT_READ.set("التاريخ: 1419/12/05 الساعة: 14:20")       # (the extractor sets it for each text)
    try:
        hit = find_dates(fold("التاريخ: 1419/12/05 الساعة: 14:20"))[0]
        assert (hit.value, hit.hijri, hit.rule) == (datetime(1999, 3, 22, 14, 20), "1419-12-05", HIJRI_CONVERTED)
        # day first with its era mark, and a year above the Solar range without one
        assert find_dates(fold("5/12/1419هـ"))[0].value == datetime(1999, 3, 22)
        hit = find_dates(fold("بتاريخ 7-7-1433 هـ"))[0]                # (its era mark is the date's, not words after it)
        assert (hit.value, fold("بتاريخ 7-7-1433 هـ")[hit.end:]) == (datetime(2012, 5, 28), "")
        assert find_dates(fold("1445/11/06"))[0].value == datetime(2024, 5, 14)
    finally:
        TEXT_READ.reset(token)
    text = "بدء صرف الإعانات لمزارعي القمح\n\nتاريخ النشر: 1420/3/7\n\nبدأ فرع البنك الزراعي صرف الإعانات المقررة لمزارعي القمح عن الموسم الحالي.\n"
    r = extract_text(text, options=ExtractOptions())
    assert (r.published, r.hijri) == (datetime(1999, 6, 21), "1420-03-07")
    # (in a Persian text the same numbers are the Solar calendar's)
    r = extract_text("نرخ تورم در بهمن‌ماه به ۳۲ درصد رسید\n\nتاریخ انتشار: ۱۴۰۳/۱۱/۲۴\n\nمرکز آمار ایران اعلام کرد نرخ تورم نقطه به نقطه کاهش یافت.\n",
                     options=ExtractOptions())
    assert r.published == datetime(2025, 2, 12)
