"""Bytes -> text (ssg.extract.decode)."""

import codecs

import pytest

from ssg.extract import ExtractError, ExtractOptions, decode, extract_bytes

OPT = ExtractOptions()
AR = "أعلنت الوزارة اليوم عن خطة جديدة لتطوير الطرق في المدينة وقال المتحدث إن العمل سيبدأ قريبا\n" * 3


@pytest.mark.parametrize(
    "data, encoding",
    [
        (AR.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + AR.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + AR.encode("utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + AR.encode("utf-16-be"), "utf-16"),
        (AR.encode("cp1256"), "windows-1256"),
        (AR.encode("iso-8859-6"), "iso-8859-6"),
        ("Prices rose to £400 at the café this week, traders said.\n".encode("cp1252"), "windows-1252"),
    ],
)
def test_detects_encoding(data, encoding):
    text, enc = decode(data, options=OPT)
    assert enc == encoding
    assert not text.startswith("\ufeff")
    assert ("أعلنت" in text) or ("£400" in text)


def test_forced_encoding_per_folder_and_global():
    data = AR.encode("cp1256")
    opts = ExtractOptions(encodings=(("anc/**", "cp1256"),))
    assert decode(data, rel_path="anc/economy/x.txt", options=opts)[1] == "windows-1256"
    with pytest.raises(ExtractError) as err:
        decode(data, rel_path="x.txt", options=ExtractOptions(encoding="utf-8"))
    assert err.value.code == "bad_encoding"


@pytest.mark.parametrize(
    "data, code",
    [
        (b"", "empty_input"),
        (b" \t\r\n\xc2\xa0\xe2\x80\x8f\n", "empty_input"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4, "not_text"),
        (bytes([0, 1, 2, 3, 4, 5, 6, 7, 8]) * 50, "not_text"),
    ],
)
def test_rejects_with_a_clear_reason(data, code):
    with pytest.raises(ExtractError) as err:
        extract_bytes(data, rel_path="bad.txt", options=OPT)
    assert err.value.code == code
    assert err.value.message and "\n" not in err.value.message


def test_trailing_nul_padding_is_not_binary():
    text, enc = decode(AR.encode("cp1256") + b"\x00", options=OPT)
    assert enc == "windows-1256" and text.endswith("\x00")


def test_crlf_cr_and_bom_do_not_leak_into_fields():
    body = "Title line\r\rFirst paragraph of the story, which is long enough to be prose.\r\rSecond one here.\r"
    r = extract_bytes(codecs.BOM_UTF8 + body.encode(), rel_path="a.txt", options=OPT)
    assert r.title == "Title line"
    assert r.paragraphs[0].startswith("First paragraph")
