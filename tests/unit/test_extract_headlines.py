"""Headlines that look like something else, in the reference layout (found on 10,000 generated
raw articles checked against their Markdown twins: bench/gen_site.py writes both)."""
import pytest

from ssg.extract import extract_text, parse_extract_options

OPTIONS = parse_extract_options({}, timezone=None)
PAGE = ("القائمة الرئيسية\n\n{headline}\n\n04-01-2015, 20:55 اقتصاد\n{site}\n\n"
        "شهدت الأسواق عقب القرار تذبذباً واضحاً في أسعار النفط الخام مع استمرار الضغوط على الأسعار في الأسواق العالمية.\n\n"
        "وقال محللون إن الأسعار قد تستقر خلال الأسابيع المقبلة إذا استمر الطلب على حاله في الأسواق الآسيوية.\n\nشارك\n")


@pytest.mark.parametrize("headline", [
    "هل يستمر دور أوبك القيادي في توازن واستقرار السوق مستقبلاً..؟",      # ends like a sentence
    "ناصر الجديع: الهلال في النمسا .. بدري وتو الناس !!",
    "نجاحات لإسبانيا وإنكلترا وفنلندا وخسارة قاسية لألمانيا (ارشيف)",        # ends like a photo caption
    "تقرير: تراجع الإيرادات المباشرة لشركات الاتصالات السعودية 3% (2)",      # starts like a byline label
    "قناة السويس.. معبر مهم للتجارة العالمية",                               # starts like a site name
    "سياسي / معالي وزير الخارجية يؤكد في مؤتمر صحفي مع نظيره الألماني حرص المملكة على تطوير علاقاتها "
    "بشكل جيد مع إيران شرط أن تغير سياستها بالتدخل في شئون دول الجوار / إضافة أولى واخيرة",  # very long
])
def test_the_line_above_the_dateline_is_the_headline(headline):
    e = extract_text(PAGE.format(headline=headline, site="صحيفة الجزيرة"), options=OPTIONS)
    assert e.title == headline
    assert e.published is not None and e.published.isoformat() == "2015-01-04T20:55:00"
    assert e.source == "صحيفة الجزيرة" and e.category == "اقتصاد"
    assert len(e.paragraphs) == 2


def test_an_english_site_name_under_the_dateline():
    e = extract_text(PAGE.format(headline="Verdict delay for Greek sprinters", site="BBC News"), options=OPTIONS)
    assert e.title == "Verdict delay for Greek sprinters" and e.source == "BBC News"


@pytest.mark.parametrize("headline", [
    "بالفيديو: حريق في مستودع للأخشاب جنوب المدينة.. دون إصابات",
    "فيديو: لحظة افتتاح الجسر الجديد فوق الوادي",
    "شاهد| طوابير أمام محطات الوقود بعد قرار رفع الأسعار",
    "Watch: Crowds gather as the old pier reopens",
])
def test_a_headline_under_its_video_label_is_the_headline(headline):
    # (a video's teaser is page furniture; standing where the headline stands, it is the headline)
    e = extract_text(PAGE.format(headline=headline, site="صحيفة الجزيرة"), options=OPTIONS)
    assert e.title == headline
    assert e.source == "صحيفة الجزيرة" and len(e.paragraphs) == 2


BODY = ("شهدت الأسواق عقب القرار تذبذباً واضحاً في أسعار النفط الخام مع استمرار الضغوط على الأسعار في الأسواق العالمية.\n\n"
        "وقال محللون إن الأسعار قد تستقر خلال الأسابيع المقبلة إذا استمر الطلب على حاله في الأسواق الآسيوية.\n")


def test_a_video_headline_first_in_the_file_or_first_under_the_header():
    e = extract_text("فيديو: لحظة افتتاح الجسر الجديد فوق الوادي\n\n" + BODY, options=OPTIONS)
    assert e.title == "فيديو: لحظة افتتاح الجسر الجديد فوق الوادي" and len(e.paragraphs) == 2
    e = extract_text("صحيفة الجزيرة\n04-01-2015, 20:55\n\nبالفيديو: لحظة افتتاح الجسر الجديد فوق الوادي\n\n" + BODY,
                     options=OPTIONS)
    assert e.title == "بالفيديو: لحظة افتتاح الجسر الجديد فوق الوادي" and len(e.paragraphs) == 2


def test_a_video_teaser_in_the_text_or_under_the_headline_is_still_dropped():
    first, second = BODY.strip().split("\n\n")
    page = PAGE.format(headline="تذبذب أسعار النفط بعد القرار", site="صحيفة الجزيرة")
    e = extract_text(page.replace(first, first + "\n\nشاهد: لقطات من قاعة التداول صباح اليوم"), options=OPTIONS)
    assert e.title == "تذبذب أسعار النفط بعد القرار" and e.paragraphs == (first, second)
    e = extract_text(page.replace("صحيفة الجزيرة\n", "صحيفة الجزيرة\n\nVideo: Traders react to the decision\n"), options=OPTIONS)
    assert e.title == "تذبذب أسعار النفط بعد القرار" and e.paragraphs == (first, second)


@pytest.mark.parametrize("headline", [
    "آلاف الشباب يحصلون على تدريب مهاري في ولايتين السبت 28 يوليوز 2012 آخر تحديث 01:40:21",
    "Thousands of young people get job training in two regions Saturday, July 28, 2012",
])
def test_a_headline_that_carries_a_date_over_the_dateline(headline):
    # (five words or more run into the date, no label or separator before it: the headline with the day it was first
    # printed; the dateline under it is the article's)
    e = extract_text(PAGE.format(headline=headline, site="صحيفة الجزيرة"), options=OPTIONS)
    assert e.title == headline
    assert e.published is not None and e.published.isoformat() == "2015-01-04T20:55:00"
    assert e.source == "صحيفة الجزيرة" and e.category == "اقتصاد" and len(e.paragraphs) == 2
