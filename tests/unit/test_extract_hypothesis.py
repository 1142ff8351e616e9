"""Property: any bytes give a record or a clean ExtractError, never another exception."""

import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssg.extract import ExtractError, ExtractOptions, Extraction, extract_bytes, extract_dataset, to_record

OPT = ExtractOptions()
PIECES = [
    "القائمة الرئيسية", "الرئيسية » محليات", "صحيفة الوطن", "24-07-2015, 15:38 local", "شارك", "اقرأ أيضاً",
    "© 2015 صحيفة اليوم. جميع الحقوق محفوظة", "بقلم: فلان", "التصنيف: Local", "تاريخ النشر: 2015/07/27 18:52:10",
    "\u00a0", "\u200f", "", "الجمعة ٣١ تموز (يوليو) ٢٠١٥ - الساعة ١٨:١٨", "Share: Facebook", "- عنوان",
    "وقال الوزير إن الخطة ستنفذ على مراحل خلال العام المقبل في جميع المناطق.", "By Jane", "16:10 pm",
]


def check(data: bytes) -> None:
    try:
        result = extract_bytes(data, rel_path="x.txt", options=OPT)
    except ExtractError as exc:
        assert exc.code and exc.message
        return
    assert isinstance(result, Extraction)
    to_record("x.txt", result)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2048))
def test_any_bytes(data):
    check(data)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(PIECES), st.text(alphabet=string.printable + "ابتثجحخ٠١٢ \u00a0\u200e", max_size=40)), max_size=30),
       st.sampled_from(["\n", "\r\n", "\r"]), st.sampled_from(["utf-8", "utf-16", "cp1256", "utf-8-sig"]))
def test_any_layout_soup(lines, newline, encoding):
    check(newline.join(lines).encode(encoding, errors="ignore"))


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=1024))
def test_any_bytes_as_dataset(data):
    for fmt in ("jsonl", "csv"):
        for n, result in extract_dataset(data, rel_path="d", fmt=fmt, options=OPT):
            assert isinstance(n, int) and isinstance(result, (Extraction, ExtractError))
