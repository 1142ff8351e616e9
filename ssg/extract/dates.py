"""Date and time recognition on folded lines (see text.fold).

Supported: DD-MM-YYYY / MM-DD-YYYY (day-first is a setting), YYYY/MM/DD, ISO 8601
(with offset), day + month name in Arabic (Egyptian/Gulf, Levantine and Maghreb
names, optionally the other name in brackets) or English, Arabic weekday names,
Hijri dates (recorded, never used as the publish date), 24/12-hour times with
ص/م, AM/PM (also inconsistent ones such as ``16:10 pm``), and time zones given
as GMT/UTC offsets, ISO offsets or ``ت م`` (Makkah time).
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .text import alternation, fold_pattern, without_harakat

__all__ = ["DateHit", "find_dates", "leading_time", "time_of", "WEEKDAY_RE"]

_AR_MONTHS = {
    # Egyptian / Gulf names
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يونية": 6, "يوليو": 7, "يوليه": 7, "يولية": 7, "أغسطس": 8,
    "اغسطس": 8, "أغسطوس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi names
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "نيسان": 4, "أيار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "أيلول": 9, "تشرين الأول": 10, "تشرين الثاني": 11, "كانون الأول": 12,
    # Maghreb names
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويليه": 7,
    "يوليوز": 7, "أوت": 8, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
    # Urdu and Persian names of the Gregorian months (in Arabic script, as every reader sees them)
    "جنوری": 1, "فروری": 2, "مارچ": 3, "اپریل": 4, "مئی": 5, "جون": 6, "جولائی": 7, "اگست": 8, "ستمبر": 9,
    "اکتوبر": 10, "نومبر": 11, "دسمبر": 12,
    "فبروری": 2, "جولای": 7, "سپتمبر": 9,     # (Afghanistan's Dari)
    "ژانویه": 1, "فوریه": 2, "آوریل": 4, "مه": 5, "ژوئن": 6, "ژوئیه": 7, "اوت": 8, "سپتامبر": 9, "اکتبر": 10, "نوامبر": 11, "دسامبر": 12,
}
_HIJRI_MONTHS = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الاول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6, "جمادى الآخر": 6,
    "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11, "ذي القعدة": 11,
    "ذو الحجة": 12, "ذي الحجة": 12,
}
# The Solar Hijri calendar's months (Iran's and Afghanistan's dates, "۲۴ بهمن ۱۴۰۳", "۲۴ دلو ۱۴۰۳"): Iran's names,
# then Afghanistan's (the zodiac's)
_SOLAR_MONTHS = {
    "فروردین": 1, "اردیبهشت": 2, "خرداد": 3, "تیر": 4, "مرداد": 5, "امرداد": 5, "شهریور": 6, "مهر": 7, "آبان": 8,
    "آذر": 9, "دی": 10, "بهمن": 11, "اسفند": 12,
    "حمل": 1, "ثور": 2, "جوزا": 3, "جوزای": 3, "سرطان": 4, "اسد": 5, "سنبله": 6, "میزان": 7, "عقرب": 8, "قوس": 9,
    "جدی": 10, "دلو": 11, "حوت": 12,
}
_EN_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    # French, Spanish, German (every language's site gets its dates; English and these share the patterns)
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
    "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7, "agosto": 8,
    "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "juni": 6, "juli": 7, "oktober": 10, "dezember": 12,
    # Italian, Portuguese, Dutch, Turkish
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "settembre": 9,
    "ottobre": 10, "dicembre": 12,
    "janeiro": 1, "fevereiro": 2, "março": 3, "marco": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
    "outubro": 10, "novembro": 11, "dezembro": 12,
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    "ocak": 1, "şubat": 2, "subat": 2, "mart": 3, "nisan": 4, "mayıs": 5, "mayis": 5, "haziran": 6, "temmuz": 7,
    "ağustos": 8, "agustos": 8, "eylül": 9, "eylul": 9, "ekim": 10, "kasım": 11, "kasim": 11, "aralık": 12, "aralik": 12,
    # Indonesian and Malay, Swahili, Filipino, Polish (as dates write them), Greek (the same), Hindi
    "maret": 3, "agustus": 8, "desember": 12, "mac": 3, "ogos": 8, "disember": 12,
    "machi": 3, "aprili": 4, "julai": 7, "agosti": 8, "septemba": 9, "oktoba": 10, "novemba": 11, "desemba": 12,
    "pebrero": 2, "marso": 3, "hunyo": 6, "hulyo": 7, "setyembre": 9, "oktubre": 10, "nobyembre": 11,
    "disyembre": 12,
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6, "lipca": 7, "sierpnia": 8,
    "września": 9, "wrzesnia": 9, "października": 10, "pazdziernika": 10, "listopada": 11, "grudnia": 12,
    "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5, "ιουνίου": 6, "ιουλίου": 7,
    "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10, "νοεμβρίου": 11, "δεκεμβρίου": 12,
    # the short forms of French, Spanish, Portuguese, Italian and German sites ("14 abr 2025", "3 févr. 2024")
    "janv": 1, "févr": 2, "fevr": 2, "avr": 4, "juil": 7, "déc": 12,
    "ene": 1, "abr": 4, "ago": 8, "dic": 12, "fev": 2, "set": 9, "out": 10, "dez": 12,
    "gen": 1, "mag": 5, "giu": 6, "lug": 7, "ott": 10, "mär": 3, "mrz": 3, "okt": 10, "mrt": 3,
    # Russian (as dates write them)
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "jänner": 1, "jaenner": 1, "feber": 2,            # (Austrian)
    "जनवरी": 1, "फ़रवरी": 2, "फरवरी": 2, "मार्च": 3, "अप्रैल": 4, "मई": 5, "जून": 6, "जुलाई": 7, "अगस्त": 8,
    "सितंबर": 9, "सितम्बर": 9, "अक्टूबर": 10, "अक्तूबर": 10, "नवंबर": 11, "नवम्बर": 11, "दिसंबर": 12, "दिसम्बर": 12,
}


def _table(names: dict[str, int]) -> dict[str, int]:
    return {fold_pattern(k).lower(): v for k, v in names.items()}


AR_MONTHS = _table(_AR_MONTHS)
HIJRI_MONTHS = _table(_HIJRI_MONTHS)
SOLAR_MONTHS = _table(_SOLAR_MONTHS)
EN_MONTHS = _EN_MONTHS


def _alt(names) -> str:
    return alternation(names)


_WD_AR = fold_pattern("(?:يوم\\s+)?(?:الأحد|الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت)")
_WD_EN = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_WD_OTHER = (r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|miercoles|jueves|viernes|"
             r"sábado|sabado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunedì|martedì|"
             r"mercoledì|giovedì|venerdì|pazartesi|salı|sali|çarşamba|carsamba|perşembe|persembe|cuma|cumartesi|pazar)")
WEEKDAY_RE = re.compile(rf"(?:{_WD_AR}|\b{_WD_EN}|\b{_WD_OTHER}\b)\s*[,،]?", re.IGNORECASE)

_AR_M = _alt(AR_MONTHS)
_HJ_M = _alt(HIJRI_MONTHS)
_NAMED_M = _alt({**AR_MONTHS, **HIJRI_MONTHS, **SOLAR_MONTHS})    # (one scan for the three calendars' names)
_EN_M = _alt(EN_MONTHS)

_D = r"(?<!\d)(\d{1,2})"
_Y = r"(\d{4})(?!\d)"

_TIME = (
    r"(?<![\d:.,])(\d{1,2})(?::|\s?h\s?(?=\d\d)|\.(?=\d\d(?![\d%.,])))(\d{2})(?::(\d{2}))?(?:\.\d+)?(?![\d:])"    # 22:30, 22h30, 9 h 47, 17.32
    r"(?:\s?(?:min|mn)\b)?"                                                              # ("23 h 47 min", "23h47mn")
    r"(?:\s*(am|pm|a\.\s?m\.|p\.\s?m\.|ptg|pg|" + fold_pattern("صباحاً|صباحا|مساءً|مساء|ظهراً|ظهرا|فجراً|فجرا") + r"|ص|م)(?![\w]))?"
)
# Zone names whose offset is one (not "ET", "IST", "AST": each names several).
ZONE_ABBREVIATIONS = {"edt": -4, "est": -5, "cdt": -5, "cst": -6, "mdt": -6, "mst": -7, "pdt": -7, "pst": -8,
                      "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "msk": 3, "gst": 4, "pkt": 5, "sgt": 8,
                      "hkt": 8, "awst": 8, "jst": 9, "kst": 9, "aest": 10, "aedt": 11, "nzst": 12, "nzdt": 13,
                      "sast": 2, "wat": 1, "npt": 5.75, "pht": 8, "wib": 7, "trt": 3, "irst": 3.5, "adt": -3, "akdt": -8,
                      "akst": -9, "hst": -10, "acst": 9.5, "acdt": 10.5, "wita": 8, "myt": 8,
                      "tsi": 3, "мск": 3, "cot": -5, "pet": -5, "ect": -5, "vet": -4, "bot": -4, "art": -3, "uyt": -3, "pyt": -4,
                      "hne": -5, "hae": -4, "hnc": -6, "hac": -5, "hnr": -7, "har": -6, "hnp": -8, "hap": -7, "hna": -4, "haa": -3}   # (Türkiye Saati, "TSİ"; CAT, EAT, WET: words)
# Zone names written in capitals only (as words they are "et", "eat", "cat"): a region's clock, its
# offset on the date given (ET is EDT in July, EST in January); IST is India's (+05:30), EAT East Africa's.
REGION_ZONES = {"ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver", "PT": "America/Los_Angeles",
                "IST": "Asia/Kolkata", "EAT": "Africa/Nairobi", "CAT": "Africa/Maputo", "WET": "Europe/Lisbon",
                "WEST": "Europe/Lisbon", "AT": "America/Halifax"}
# "بتوقيت X": the places whose clocks keep one offset all year, and those that change theirs
ARABIC_ZONES = {"مكة المكرمة": 3, "مكة": 3, "السعودية": 3, "الرياض": 3, "الإمارات": 4, "الامارات": 4, "أبوظبي": 4,
                "ابوظبي": 4, "دبي": 4, "مسقط": 4, "سلطنة عمان": 4, "قطر": 3, "الدوحة": 3, "الكويت": 3, "البحرين": 3,
                "المنامة": 3, "بغداد": 3, "العراق": 3, "اليمن": 3, "صنعاء": 3, "عدن": 3, "الخرطوم": 2, "السودان": 2,
                "ليبيا": 2, "الجزائر": 1, "الجزائر العاصمة": 1, "تونس": 1, "تونس العاصمة": 1, "جدة": 3, "أبو ظبي": 4,
                "جيبوتي": 3, "مقديشو": 3, "الصومال": 3, "نواكشوط": 0, "موريتانيا": 0,
                # (and those whose clocks change: their offset on the date given)
                "القاهرة": "Africa/Cairo", "مصر": "Africa/Cairo", "بيروت": "Asia/Beirut", "لبنان": "Asia/Beirut",
                "عمّان": "Asia/Amman", "الأردن": "Asia/Amman", "القدس": "Asia/Jerusalem", "فلسطين": "Asia/Hebron",
                "رام الله": "Asia/Hebron", "غزة": "Asia/Gaza", "دمشق": "Asia/Damascus", "سوريا": "Asia/Damascus",
                "المغرب": "Africa/Casablanca", "الرباط": "Africa/Casablanca", "الدار البيضاء": "Africa/Casablanca",
                # (and those of the cities a diaspora's sites print)
                "لندن": "Europe/London", "غرينتش": 0, "باريس": "Europe/Paris", "برلين": "Europe/Berlin",
                "بروكسل": "Europe/Brussels", "واشنطن": "America/New_York", "نيويورك": "America/New_York",
                "موسكو": 3, "أنقرة": 3, "إسطنبول": 3, "اسطنبول": 3, "طهران": 3.5, "كابل": 4.5, "إسلام آباد": 5}
_ARABIC_ZONE_OFFSETS = {" ".join(fold_pattern(k).split()): v for k, v in ARABIC_ZONES.items()}
_TZ = (
    r"(?:\s*(?:hr?s?\.?\s+)?(?:\(?\s*)(?:(?:gmt|utc)\s*(?:([+-])\s*(\d{1,2})(?::?(\d{2}))?)?|(z)\b|([+-])(\d{2}):?(\d{2})"
    r"|(ت\s*م|(?:" + fold_pattern("بتوقيت|توقيت") + r")\s+(?:" + "|".join(fold_pattern(k) for k in sorted(ARABIC_ZONES, key=len, reverse=True)) + r"))"
    r"|(" + fold_pattern("بتوقيت غرينتش|بتوقيت جرينتش|توقيت غرينتش|توقيت جرينتش") + r")"
    r"|\b(" + "|".join(ZONE_ABBREVIATIONS) + r")\b"
    r"|\b((?-i:" + "|".join(sorted(REGION_ZONES, key=len, reverse=True)) + r"))\b)(?:\s*\))?)?"
)
TIME_RE = re.compile(_TIME + _TZ, re.IGNORECASE)
_SEP_AFTER = (                       # (", at", "- على الساعة": a mark, a word, or both)
    r"\s*(?:[,،|@\-–—/:]\s*)?(?:(?:\b(?:at|à|a las|um|às|alle|om|в)\b|" + fold_pattern("الساعة|الساعه|في تمام|على الساعة|على|في|ساعت") + r")\s*)?"
    r"(?:" + fold_pattern("الساعة|الساعه|ساعت") + r"|\b(?:at|à|a las|um|às|alle|om|в)\b)?\s*(?:t(?=\d))?"
)
TIME_AFTER_RE = re.compile(_SEP_AFTER + "(?:" + _TIME + _TZ + ")", re.IGNORECASE)
TIME_BEFORE_RE = re.compile("(?:" + _TIME + _TZ + r")\s*(?:[,،|\-–—]\s*)?(?:on\s+)?(?:(?:" + _WD_EN + "|" + _WD_AR + r")\s*[,،]?\s*)?$",
                            re.IGNORECASE)                # "3:45 PM, Mon Sep 13 2021", "03:22 م الإثنين 21 فبراير 2022"

_NAMED_AR = re.compile(
    rf"{_D}\s*[-/]?\s*(?:من\s+)?({_NAMED_M})(?:\s*ماه)?(?:\s*[(\[]\s*({_AR_M})\s*[)\]])?(?:\s*[/\-]\s*({_AR_M}))?\s*[,،\-/]?\s*{_Y}"
    r"(?:\s*(" + fold_pattern("هـ|ه|م|ميلادي|ميلادية|هجري|هجرية") + r")(?!\w))?",
    re.IGNORECASE,
)
# after a numeric year-first date, the lunar Hijri calendar's era mark ("1445/11/06 هـ"; not Iran's "ه.ش")
_LUNAR_ERA_AFTER = re.compile(r"\s*ه\u0640*(?!\s*\.?\s*ش)(?![^\W\d_])")
_NAMED_AR_MDY = re.compile(rf"(?<!\w)({_AR_M})\s+{_D}\s*[,،]\s*{_Y}", re.IGNORECASE)     # "يناير 28, 2024" (WordPress)
_NAMED_EN_DMY = re.compile(rf"{_D}(?:st|nd|rd|th|\.|er)?\s+(?:of\s+|de\s+)?({_EN_M})\b\.?,?\s+(?:de\s+)?{_Y}", re.IGNORECASE)
_NAMED_EN_MDY = re.compile(rf"\b({_EN_M})\b\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_Y}", re.IGNORECASE)
_YMD = re.compile(r"(?<![\d/.\-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d/\-])")
_DMY = re.compile(r"(?<![\d/.\-])(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?![\d/\-])")
# "17.03.25, 14:05": a two-digit year, only with the time after it (else a version, a score, a reference)
_DMY_SHORT = re.compile(r"(?<![\d/.\-])(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d/\-]|\.\d)(?=\s*[,،|\-–—]?\s*\d{1,2}:\d{2}(?!\d))")
_COMPACT = re.compile(r"(?<!\d)(20\d{2}|19\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")

_PM = {"pm", "p.m.", "p. m.", "ptg", fold_pattern("مساءً"), fold_pattern("مساء"), "م", fold_pattern("ظهراً"), fold_pattern("ظهرا")}
_AM = {"am", "a.m.", "a. m.", "pg", "ص", fold_pattern("صباحاً"), fold_pattern("صباحا"), fold_pattern("فجراً"), fold_pattern("فجرا")}


@dataclass(frozen=True, slots=True)
class DateHit:
    start: int
    end: int
    value: datetime  # naive or aware
    precision: str  # "day" | "minute" | "second"
    tz_given: bool
    hijri: str | None  # for a Hijri date: "YYYY-MM-DD" (value is then a placeholder)
    rule: str


def _time_parts(m: re.Match, base: int) -> tuple[int, int, int | None, timezone | None] | None:
    g = m.groups()[base:]
    hour, minute = int(g[0]), int(g[1])
    second = int(g[2]) if g[2] else None
    ampm = (g[3] or "").lower()
    if ampm in _PM and hour < 12:
        hour += 12
    elif ampm in _AM and hour == 12:
        hour = 0
    if hour > 23 or minute > 59 or (second is not None and second > 59):
        return None
    tz = None
    sign, th, tm, z, isign, ih, im, makkah, gmt_ar, zone, region = g[4:15]
    if sign:
        off = timedelta(hours=int(th), minutes=int(tm or 0))
        tz = timezone(off if sign == "+" else -off)
    elif z or gmt_ar or (m.group(0).lower().find("gmt") >= 0 or m.group(0).lower().find("utc") >= 0):
        tz = timezone.utc
    elif isign:
        off = timedelta(hours=int(ih), minutes=int(im))
        tz = timezone(off if isign == "+" else -off)
    elif makkah:
        place = " ".join(makkah.split()[1:])             # "بتوقيت الإمارات" -> +04:00; "ت م" -> Makkah
        off = _ARABIC_ZONE_OFFSETS.get(place, 3)
        tz = _region_zone(off) if isinstance(off, str) else timezone(timedelta(hours=off))
    elif zone:
        tz = timezone(timedelta(hours=ZONE_ABBREVIATIONS[zone.lower().replace("\u0307", "")]))   # ("TSİ": "tsi̇")
    elif region:
        tz = _region_zone(REGION_ZONES[region])      # (made a fixed offset once the date is known)
    return hour, minute, second, tz


@lru_cache(maxsize=None)
def _region_zone(key: str) -> ZoneInfo | None:
    try:
        return ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):       # (no time-zone database: the time stays naive)
        return None


def time_of(text: str) -> tuple[int, int] | None:
    """(hour, minute) of a time alone, "4:17 م", "4:17 PM", "16.17"; None if it is not one."""
    m = TIME_RE.fullmatch(text.strip())
    parts = _time_parts(m, 0) if m else None
    return parts[:2] if parts else None


_AFTER_LEADING_TIME = re.compile(r"\s*(?:$|[|،,\-–—•·])")


def leading_time(text: str) -> tuple[int, int, timezone | None] | None:
    """(hour, minute, zone) of a time that opens a folded text and ends it or a field of it ("09:15 ص | آخر
    تحديث: 11:40 ص", "16:10 GMT"); None if the text does not open with one."""
    m = TIME_RE.match(text.strip())
    if m is None or not _AFTER_LEADING_TIME.match(text.strip(), m.end()):
        return None
    parts = _time_parts(m, 0)
    if parts is None:
        return None
    tz = parts[3]
    return parts[0], parts[1], tz if not isinstance(tz, ZoneInfo) else None


def _valid(y: int, mo: int, d: int) -> bool:
    if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
        return False
    try:
        datetime(y, mo, d)
    except ValueError:
        return False
    return True


# What may stand between a date and its time further on: separators, era marks, a Hijri date,
# "the hour" (not "آخر تحديث" and its own time, nor another Gregorian date)
_BETWEEN = re.compile(rf"(?:[\s|\-–—,،/:·•()\[\]]|{fold_pattern('الموافق|الساعة|ساعت|على|لـ|ل|هـ|ه|م')}|1[34]\d\d|(?<!\d)\d{{1,2}}(?!\d)|{_HJ_M}|\b{_WD_EN}|\b{_WD_OTHER}\b"
                      r"|\b(?:at|à|às|a las|um|alle|ore|saat|om|kl\.?|o)\b)*", re.IGNORECASE)


def _with_time(line: str, start: int, end: int, y: int, mo: int, d: int, rule: str) -> DateHit | None:
    if not _valid(y, mo, d):
        return None
    tm = TIME_AFTER_RE.match(line, end)
    before = None
    if tm is None:
        before = TIME_BEFORE_RE.search(line[max(0, start - 40):start])
    if tm is None and before is None:
        # "… 2024/05/14 م - 09:12 م", "2024-10-06 | 03 ربيع الآخر 1446 هـ | 10:40 ص": the time further on,
        # past an era mark or a Hijri date but no other Gregorian year
        later = TIME_RE.search(line, end, end + 60)
        if later is not None and _BETWEEN.fullmatch(line, end, later.start()):
            tm = later
    parts = None
    if tm is not None:
        parts = _time_parts(tm, 0)
        if parts is not None:
            end = tm.end()
    elif before is not None:
        parts = _time_parts(before, 0)
        if parts is not None:
            start = max(0, start - 40) + before.start()
    if parts is None:
        return DateHit(start, end, datetime(y, mo, d), "day", False, None, rule)
    hour, minute, second, tz = parts
    value = datetime(y, mo, d, hour, minute, second or 0, tzinfo=tz)
    if isinstance(tz, ZoneInfo):
        value = value.replace(tzinfo=timezone(value.utcoffset()))
    return DateHit(start, end, value, "second" if second is not None else "minute", tz is not None, None, rule)


HIJRI_CONVERTED = "date:hijri-umm-al-qura"     # a Hijri hit whose value is its Gregorian day (by the Umm al-Qura calendar)


@lru_cache(maxsize=4096)
def _umm_al_qura(y: int, mo: int, d: int) -> tuple[int, int, int] | None:
    """The Gregorian day of a Hijri date by the Umm al-Qura calendar (hijridate; 1343-1500 AH), or None."""
    from hijridate import Hijri
    try:
        g = Hijri(y, mo, d).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return g.year, g.month, g.day


_TWIN_GAP = re.compile(r"\s*[(\[]\s*(?:" + fold_pattern("الموافق") + r"\s*)?")
_SOLAR_TWIN_GAP = re.compile(r"\s*[(\[\-–—|/،,]?\s*(?:" + fold_pattern("الموافق|برابر با") + r"\s*)?")   # (or a dash: "۲۴ بهمن ۱۴۰۳ - ۱۲ فوریه ۲۰۲۵ - ۱۰:۴۵")
_SOLAR_LEAP = frozenset((1, 5, 9, 13, 17, 22, 26, 30))     # (the years of the 33-year cycle that have 366 days)


def _solar_year_days(y: int) -> int:
    return 366 if y % 33 in _SOLAR_LEAP else 365


@lru_cache(maxsize=4096)
def _solar_hijri(y: int, mo: int, d: int) -> tuple[int, int, int] | None:
    """The Gregorian day of a Solar Hijri date (Iran's and Afghanistan's calendar; its 33-year cycle of leap
    years, as the official calendar has them from 1210 to 1634), or None when there is no such day."""
    if not (1300 <= y <= 1499 and 1 <= mo <= 12 and 1 <= d <= (31 if mo <= 6 else 30 if mo <= 11 else _solar_year_days(y) - 336)):
        return None
    days = sum(map(_solar_year_days, range(1403, y))) - sum(map(_solar_year_days, range(y, 1403)))
    days += (mo - 1) * 31 if mo <= 7 else 186 + (mo - 7) * 30
    g = datetime(2024, 3, 20) + timedelta(days=days + d - 1)           # (1 Farvardin 1403 was 20 March 2024)
    return g.year, g.month, g.day


# The whole text being read (set by the extractor for each text): a year-first date in numbers with a year of 1350-1420
# and no era mark is the Solar Hijri calendar's in a Persian (or Dari) text ("۱۴۰۳/۱۰/۱۸"), the lunar calendar's in an
# Arabic one ("التاريخ: 1419/12/05", an archive's date of 1999: the Solar year 1419 is 2040). Without it (find_dates
# alone) such a date is read as Solar. (Looked at only when such a date is found: most texts have none.)
TEXT_READ: ContextVar[str | None] = ContextVar("text_read", default=None)
_PERSIAN_MARK = re.compile("[\u067e\u0686\u0698\u06af\u06f0-\u06f9]")     # پ چ ژ گ and the Persian digits
_PERSIAN_DIGIT = re.compile("[\u06f0-\u06f9]")


def persian_text(text: str) -> bool:
    """A text in Persian's letters: its digits, or پ چ ژ گ three times (an Arabic text may spell a name with one)."""
    m = _PERSIAN_MARK.search(text)
    if m is None:
        return False
    return _PERSIAN_DIGIT.search(text, m.start()) is not None or len(_PERSIAN_MARK.findall(text, m.start(), m.start() + 20000)) >= 3


def _solar_text() -> bool:
    text = TEXT_READ.get()
    return text is None or persian_text(text)


def _lunar_numeric(line: str, m: re.Match, y: int, mo: int, d: int) -> DateHit | None:
    """A lunar Hijri date in numbers ("1419/12/05", "5/12/1419هـ"): its Gregorian day, the Hijri date recorded."""
    if not (1 <= mo <= 12 and 1 <= d <= 30):
        return None
    g = _umm_al_qura(y, mo, d)
    era = _LUNAR_ERA_AFTER.match(line, m.end())          # (its era mark is the date's: "7-7-1433 هـ")
    hit = _with_time(line, m.start(), era.end() if era else m.end(), *g, HIJRI_CONVERTED) if g else None
    return replace(hit, hijri=f"{y:04d}-{mo:02d}-{d:02d}") if hit else None


def _month_key(name: str) -> str:
    """A month's name as the tables have it: the patterns let vowel marks stand after its letters ("رَمضان",
    "مُحرَّم"), the tables have none."""
    return " ".join(without_harakat(name).lower().split())


def find_dates(line: str, *, day_first: bool = True) -> list[DateHit]:
    """All non-overlapping dates in a folded line, in order."""
    if not any(ch.isdigit() for ch in line):
        return []
    hits: list[DateHit] = []
    for m in _NAMED_AR.finditer(line):
        day, month_name, alt1, alt2, year, era = m.groups()
        mkey = _month_key(month_name)
        if mkey in SOLAR_MONTHS:
            # "۲۴ بهمن ۱۴۰۳", "۲۴ بهمن‌ماه ۱۴۰۳", "۱ اسفند ۱۴۰۳ ه.ش": the Solar Hijri calendar's (a year of 1300-1499)
            g = _solar_hijri(int(year), SOLAR_MONTHS[mkey], int(day))
            hit = _with_time(line, m.start(), m.end(), *g, "date:solar-hijri") if g else None
            if hit:
                hits.append(hit)
            continue
        if mkey in HIJRI_MONTHS:
            y, mo, d = int(year), HIJRI_MONTHS[mkey], int(day)
            if 1300 <= y <= 1600 and 1 <= d <= 30:
                hijri = f"{y:04d}-{mo:02d}-{d:02d}"
                g = _umm_al_qura(y, mo, d)
                hit = _with_time(line, m.start(), m.end(), *g, HIJRI_CONVERTED) if g else None
                hits.append(replace(hit, hijri=hijri) if hit else
                            DateHit(m.start(), m.end(), datetime(2000, 1, 1), "day", False, hijri, "date:hijri"))
            continue
        hit = _with_time(line, m.start(), m.end(), int(year), AR_MONTHS[mkey], int(day), "date:arabic-month")
        if hit:
            hits.append(hit)
    for m in _NAMED_AR_MDY.finditer(line):
        hit = _with_time(line, m.start(), m.end(), int(m.group(3)), AR_MONTHS[_month_key(m.group(1))],
                         int(m.group(2)), "date:arabic-month")
        if hit:
            hits.append(hit)
    for m in _NAMED_EN_DMY.finditer(line):
        hit = _with_time(line, m.start(), m.end(), int(m.group(3)), EN_MONTHS[m.group(2).lower()], int(m.group(1)), "date:english-month")
        if hit:
            hits.append(hit)
    for m in _NAMED_EN_MDY.finditer(line):
        hit = _with_time(line, m.start(), m.end(), int(m.group(3)), EN_MONTHS[m.group(1).lower()], int(m.group(2)), "date:english-month")
        if hit:
            hits.append(hit)
    for m in _YMD.finditer(line):
        y = int(m.group(1))
        if 1350 <= y <= 1420 and not _LUNAR_ERA_AFTER.match(line, m.end()) and _solar_text():
            # "۱۴۰۳/۱۱/۲۴ - ۱۰:۴۵": a Solar Hijri date (a lunar Hijri year that low is before 2000, and printed
            # with its era mark, or in an Arabic text)
            g = _solar_hijri(y, int(m.group(3)), int(m.group(4)))
            hit = _with_time(line, m.start(), m.end(), *g, "date:solar-hijri") if g else None
        elif 1343 <= y <= 1500:
            hit = _lunar_numeric(line, m, y, int(m.group(3)), int(m.group(4)))      # ("1445/11/06 هـ", "1419/12/05")
        else:
            hit = _with_time(line, m.start(), m.end(), y, int(m.group(3)), int(m.group(4)), "date:ymd")
        if hit:
            hits.append(hit)
    for m in _DMY.finditer(line):
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if 1343 <= y <= 1500:
            hit = _lunar_numeric(line, m, y, b, a)              # ("5/12/1419هـ": a lunar Hijri date, day first)
            if hit:
                hits.append(hit)
            continue
        if a > 12 and b <= 12:
            d, mo = a, b
        elif b > 12 and a <= 12:
            d, mo = b, a
        elif day_first:
            d, mo = a, b
        else:
            d, mo = b, a
        hit = _with_time(line, m.start(), m.end(), y, mo, d, "date:dmy" if (d, mo) == (a, b) else "date:mdy")
        if hit:
            hits.append(hit)
    if not hits:
        for m in _DMY_SHORT.finditer(line):
            d, mo = (int(m.group(1)), int(m.group(3))) if day_first or int(m.group(3)) > 12 else (int(m.group(3)), int(m.group(1)))
            hit = _with_time(line, m.start(), m.end(), 2000 + int(m.group(4)), mo, d, "date:dmy-short-year")
            if hit:
                hits.append(hit)
    if len(hits) > 1:
        hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
        # a date whose twin in another calendar follows it in brackets with the time: "۲۴ دلو ۱۴۰۳ (۱۲ فبروری ۲۰۲۵) -
        # ۱۶:۰۰" is the twin's (a Solar Hijri date's twin may follow a dash)
        hits = [h for h, nxt in zip(hits, hits[1:] + [None]) if not (
            nxt is not None and h.precision == "day" and nxt.precision != "day" and h.hijri is None and nxt.hijri is None
            and h.value.date() == nxt.value.date()
            and (_TWIN_GAP if h.rule != "date:solar-hijri" or nxt.rule == h.rule else _SOLAR_TWIN_GAP).fullmatch(line, h.end, nxt.start))]
        kept: list[DateHit] = []
        for h in hits:
            if kept and h.start < kept[-1].end:
                continue
            kept.append(h)
        hits = kept
    return hits


def compact_date(text: str) -> tuple[int, int, int] | None:
    """YYYYMMDD or YYYY/MM/DD inside a URL path."""
    m = re.search(r"/(19\d{2}|20\d{2})/(\d{1,2})/(\d{1,2})/", text) or _COMPACT.search(text)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return (y, mo, d) if _valid(y, mo, d) else None
