"""``read.simple_yaml`` (front matter without the YAML parser) gives what ``yaml.load`` gives, or None.

Whenever it answers, the answer is yaml.load's: the same keys in the same order, values of the
same types (repr compared: 1, True, 1.0 and "1" differ, and so do datetimes of other zones);
whenever yaml.load fails, it does not answer.
"""
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssg import read
from ssg.extract.markup import FRONT_MATTER

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
ROOT = Path(__file__).resolve().parents[1]


def check(raw: str) -> dict | None:
    fast = read.simple_yaml(raw)
    try:
        slow = yaml.load(raw, Loader=LOADER)
    except Exception:
        assert fast is None, raw
        return None
    if fast is not None:
        assert repr(list(fast.items())) == repr(list(slow.items())), raw
    return fast


KEYS = ["title", "date", "tags", "categories", "slug", "author", "a-b", "_x", "x1", "Title", "on", "yes", "No", "null",
        "true", "y", "n", "123", "1.5", "~", "<<", "="]
SCALARS = ["2019-03-23T01:31:00+03:00", "2024-02-17 10:00", "2024-02-17", "2024-02-30", "2024-02-17T10:00:00Z",
           "2024-1-5 3:04:05.25 -2", "10:30", "1:2:3", "0x1F", "0o17", "017", "0b101", "1_000", "-5", "+5", ".5", "1e3",
           "1.5e+3", ".inf", "-.Inf", ".NaN", "yes", "No", "ON", "off", "y", "true", "False", "null", "~", "Null", "=",
           "<<", "n009011", "العالم", "صحيفة المدينة", "عبد العزيز حسين الصويغ", "Trump, Putin", "a b", "a  b",
           "x]", "x}", "a:b", "a :b", "a #b", "a#b", "it's", 'say "hi"', "back\\slash", "%x", "@x", "`x", "!x", "&x",
           "*x", "|", ">", "?x", "- x", "-x", "'q'", "\u00a0x", "x\u00a0", "\u0660\u0661", "١٢", "_", ""]
CHARS = list("aZ9 _-:#,[]{}&*!|>'\"%@`?~=<.\\/\t") + ["\x85", "\u2028", "\u2029", "\ufeff", "\x7f", "\x9f", "\x00",
                                                       "\u00a0", "\u200f", "ع", "ة", "\u064e", "é", "\U0001f600"]


def quoted(text: str) -> str:
    return '"' + text + '"'


texts = st.one_of(st.sampled_from(SCALARS), st.lists(st.sampled_from(CHARS), max_size=12).map("".join))
values = st.one_of(
    texts,
    texts.map(quoted),
    st.lists(st.one_of(texts, texts.map(quoted)), max_size=4).flatmap(
        lambda items: st.sampled_from([", ", ",", " , ", ",  "]).map(lambda sep: "[" + sep.join(items) + "]")),
    st.sampled_from(["[]", "[ ]", "[a,]", "[a,,b]", "[[a]]", "[a", "{a: b}", '"a" # c', "a # c", '"a\\"b"', '"a\\\\b"',
                     '"a\\nb"', '"a\\u0041"', '"a\\', '"a"b"', '["a\\"b", c]']),
)
lines = st.one_of(
    st.tuples(st.sampled_from(KEYS), st.sampled_from([": ", ":", ":  ", ": \t", " : ", ":\t"]), values).map("".join),
    st.tuples(st.sampled_from(KEYS), st.sampled_from([":", ": "])).map("".join),
    st.sampled_from(["", "# comment", "  # indented comment", "  continued", "- item", "---", "...", " ", "%YAML 1.1"]),
)


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.lists(lines, max_size=8).map("\n".join))
def test_generated_front_matter(raw):
    check(raw)


pieces = st.lists(st.sampled_from(CHARS + list("abxyz019 ") + ["ع", "ب"]), max_size=14).map("".join)
one_value = st.one_of(st.sampled_from(SCALARS), pieces, st.tuples(st.sampled_from(SCALARS), pieces).map("".join),
                      st.tuples(pieces, st.sampled_from(SCALARS)).map("".join))


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["title", "on", "x", "null", "a-b"]), st.one_of(
    one_value, one_value.map(quoted), st.lists(st.one_of(one_value, one_value.map(quoted)), max_size=3).flatmap(
        lambda items: st.sampled_from([", ", ","]).map(lambda sep: "[" + sep.join(items) + "]"))))
def test_generated_values(key, value):
    check(f"{key}: {value}")


@pytest.mark.parametrize("value", SCALARS)
def test_each_scalar_plain_quoted_and_listed(value):
    check(f"x: {value}")
    check(f"x: {quoted(value)}")
    check(f"x: [{value}, {quoted(value)}]")


def test_the_front_matter_the_generator_and_people_write_takes_the_fast_path():
    raw = ('title: "#قاطعوا_النمسا!! (7) في \\"سبق\\""\ndate: 2019-03-23T01:31:00+03:00\nslug: n009011\n'
           'categories: ["العالم"]\ntags: ["النفط", "تعايد", "الأمن"]\nauthor: "عبد العزيز"\nsource: "صحيفة المدينة"')
    assert check(raw)["title"] == '#قاطعوا_النمسا!! (7) في "سبق"'
    assert check("title: انطلاق معرض الكتاب\ndate: 2024-02-17 10:00\ncategory: ثقافة\ntags: [كتب, معارض]\n"
                 "dek: يستمر المعرض عشرة أيام.\ncount: 3\ndraft: no") is not None


def test_the_repository_front_matter():
    seen = 0
    for path in ROOT.rglob("*.md"):
        match = FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match and match.group(1) == "---":
            check(match.group(2))
            seen += 1
    assert seen >= 2


def test_bad_front_matter_still_reports_its_line():
    from ssg.errors import ContentError
    with pytest.raises(ContentError) as err:
        read.split_front_matter("---\ntitle: ok\ntags: [a\n---\nbody", "x.md")
    assert err.value.line is not None


def test_a_date_yaml_reads_but_cannot_build_is_a_one_line_content_error():
    import pytest
    from ssg.errors import ContentError
    from ssg.read import split_front_matter
    for raw in ("---\ndate: 2024-02-30\n---\nنص\n", "---\ndate: [2024-02-30]\nx: {a: 1}\n---\nنص\n",
                "+++\ndate = 2024-02-30\n+++\nنص\n"):
        with pytest.raises(ContentError) as info:
            split_front_matter(raw, "a.md")
        assert "a.md" in str(info.value) and "\n" not in str(info.value)
