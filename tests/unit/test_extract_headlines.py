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
