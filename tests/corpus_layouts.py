"""SaudiNewsNet rows (../shared/corpus/real/, not the gold set's) laid out in the gold set's five
scraped-page layouts, as ../shared/corpus/README.md describes them, with the fields the gold set
would give them: a stand-in for held-out articles of other sources laid out the same way.

The expected fields follow the gold set's rules: the title, the byline and the date as the row
gives them (the date to the minute, L5 to the second, no zone), the source the outlet's name, the
section only for the two outlets that put it in their URLs, and the paragraphs the row's content
split on newlines. Rows whose content holds the outlets' own furniture (the README's "surprises")
are left out, as the gold set leaves them out."""

from __future__ import annotations

import html
import json
import random
import re
from datetime import datetime
from pathlib import Path

SITE = {"aawsat": "صحيفة الشرق الأوسط", "aleqtisadiya": "صحيفة الاقتصادية", "aljazirah": "صحيفة الجزيرة", "almadina": "صحيفة المدينة",
        "alriyadh": "صحيفة الرياض", "alwatan": "صحيفة الوطن", "alweeam": "صحيفة الوئام", "alyaum": "صحيفة اليوم", "okaz": "صحيفة عكاظ",
        "sabq": "صحيفة سبق", "3alyoum": "صحيفة عين اليوم", "arreyadi": "صحيفة الرياضي", "was": "وكالة الأنباء السعودية"}
SITE_EN = {"aawsat": "Asharq Al-Awsat", "aleqtisadiya": "Aleqtisadiya", "aljazirah": "Al-Jazirah", "almadina": "Al-Madina",
           "alriyadh": "Al-Riyadh", "alwatan": "Al-Watan", "alweeam": "Al-Weeam", "alyaum": "Al-Yaum", "okaz": "Okaz", "sabq": "Sabq",
           "3alyoum": "Ain Alyoum", "arreyadi": "Arriyadi", "was": "Saudi Press Agency"}
_EG = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
_LEV = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"]
_WD = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
_WD_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_M_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_STRIP = " \t\u00a0\u200e\u200f\ufeff"
_FURNITURE = ("شارك من خلال", "عين اليوم –", "Next Previous", "رابط الخبر", "للتواصل أرسل", "...المزيد", "- Zain", "- Stc",
              "\nسمات ", "خدمة «")


def _section(row: dict) -> str | None:
    url = row["url"]
    if row["source"] == "alwatan":
        m = re.search(r"alwatan\.com\.sa/([A-Za-z_]+)/", url)
        return m.group(1) if m else None
    if row["source"] == "3alyoum":
        m = re.search(r"3alyoum\.com/(?:news/)?([a-z]+)/", url)
        return m.group(1) if m else None
    return None


def lay_out(row: dict, paras: list[str], layout: int, related: list[str]) -> str:
    """The row printed as layout L1..L5 of the corpus README."""
    title, author = row["title"].strip(), row["author"].strip() or None
    d = datetime.strptime(row["date_extracted"], "%Y-%m-%d %H:%M:%S")
    site, cat = SITE[row["source"]], _section(row)
    h12, pm = d.hour % 12 or 12, d.hour >= 12
    if layout == 1:
        lines = ["القائمة الرئيسية", "", title, "", d.strftime("%d-%m-%Y, %H:%M") + (f" {cat}" if cat else ""), site,
                 "\u00a0", "\u00a0", title, paras[0]]
        for p in paras[1:]:
            lines += ["", p]
        lines += ([author] if author else []) + ["شارك"]
    elif layout == 2:
        lines = ["الرئيسية | محليات | سياسة | اقتصاد | رياضة | ثقافة | رأي | اتصل بنا",
                 f"الرئيسية » {cat}" if cat else "الرئيسية", title, *([author] if author else []),
                 f"{_WD[d.weekday()]} {d.day} {_EG[d.month - 1]} {d.year} - {h12:02d}:{d.minute:02d} {'م' if pm else 'ص'}", "",
                 *paras, "", "اقرأ أيضاً", *related, f"© {d.year} {site}. جميع الحقوق محفوظة"]
    elif layout == 3:
        lines = [site + (f" | {cat}" if cat else ""), "", title, "", *([f"بقلم: {author}"] if author else []),
                 f"نُشر في: {_WD[d.weekday()]} {str(d.day).translate(_INDIC)} {_LEV[d.month - 1]} ({_EG[d.month - 1]}) "
                 f"{str(d.year).translate(_INDIC)} - الساعة {d.strftime('%H:%M').translate(_INDIC)}", ""]
        for p in paras:
            lines += [p, ""]
        lines += ["شارك هذا الخبر: فيسبوك | تويتر | واتساب | تيليجرام", "تابعونا على تويتر"]
    elif layout == 4:
        lines = [f"{SITE_EN[row['source']]} | {site}", "Home   News   Sports   Business   Opinion   Videos", "",
                 *([cat] if cat else []), title,
                 (f"{author} | " if author else "") + f"{_WD_EN[d.weekday()]}, {d.day} {_M_EN[d.month - 1]} {d.year} - "
                 f"{h12:02d}:{d.minute:02d} {'PM' if pm else 'AM'}", ""]
        for p in paras:
            lines += [p, ""]
        lines += ["Share: Facebook  Twitter  WhatsApp  Email", "Print"]
    else:
        lines = [title, "", *("\u00a0" * 4 + p for p in paras), "", *([author] if author else []),
                 *([f"التصنيف: {cat}"] if cat else []), f"تاريخ النشر: {d.strftime('%Y/%m/%d %H:%M:%S')}",
                 f"المصدر: {site}", "", "أخبار ذات صلة", *(f"- {t}" for t in related)]
    return "\n".join(lines) + "\n"


def expected(row: dict, paras: list[str], layout: int) -> dict:
    d = datetime.strptime(row["date_extracted"], "%Y-%m-%d %H:%M:%S")
    # (the title and the byline as read: the HTML character references a scraper left in them decoded, "&nbsp;واس (جدة)",
    # as the dataset reader and the raw-text reader decode them)
    return {"title": html.unescape(row["title"]).strip(), "published": (d if layout == 5 else d.replace(second=0)).isoformat(),
            "category": _section(row), "source": SITE[row["source"]], "author": html.unescape(row["author"]).strip() or None,
            "dek": None, "paragraphs": paras}


def articles(jsonl: Path, per_layout: int, seed: int = 7) -> list[tuple[str, str, dict]]:
    """(name, text, expected fields) for ``per_layout`` rows in each of the five layouts."""
    rows = [json.loads(line) for line in jsonl.open(encoding="utf-8")]
    titles: dict[str, list[str]] = {}
    for r in rows:
        titles.setdefault(r["source"], []).append(r["title"].strip())
    good = []
    for r in rows:
        paras = [p for p in (x.strip(_STRIP) for x in r["content"].split("\n")) if p]
        if r["title"].strip() and len(paras) >= 2 and not any(f in r["content"] for f in _FURNITURE):
            good.append((r, paras))
    rnd = random.Random(seed)
    rnd.shuffle(good)
    out = []
    for layout in range(1, 6):
        for r, paras in good[(layout - 1) * per_layout: layout * per_layout]:
            related = rnd.sample([t for t in titles[r["source"]] if t and t != r["title"].strip()], 3)
            out.append((f"L{layout}_{len(out) + 1:04d}", lay_out(r, paras, layout, related), expected(r, paras, layout)))
    return out
