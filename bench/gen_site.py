"""Generate an N-article news archive for benchmarks, from the real corpus.

    python bench/gen_site.py N OUT_DIR [--corpus DIR] [--seed 6] [--formats md,txt,pelican]

Writes, under OUT_DIR:

    md/site.toml, md/content/YYYY/MM/nNNNNNN.md     Markdown + YAML front matter (ssg, Hugo)
    txt/site.toml, txt/content/YYYY/MM/nNNNNNN.txt  ssg's raw "L1" text layout
    pelican/content/YYYY/MM/nNNNNNN.md              the same articles, Pelican metadata header
    manifest.json                                   counts, seed, vocabulary, a few sample paths

The articles are the corpus's real ones (SaudiNewsNet, Arabic Newspapers Corpus, BBC News),
cycled (a reused body gets one extra real paragraph from another article, so bodies stay
distinct); everything that varies is drawn from random.Random(seed), so the same N and seed give
byte-identical archives. Dates are spread over ten years (2015-2024, +03:00), each article gets
one of 30 Arabic categories and 2-4 of 300 tags (both Zipf-weighted, as news sections and tags
are), and a repeated title gets a " (k)" suffix so titles and slugs stay unique.
"""
from __future__ import annotations

import argparse
import collections
import dataclasses
import datetime as dt
import hashlib
import json
import random
import re
import sys
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "real"
TZ = dt.timezone(dt.timedelta(hours=3))
FIRST_DAY = dt.datetime(2015, 1, 1, tzinfo=TZ)
SPAN_SECONDS = 10 * 365 * 86400  # ten years
SITE_TITLE = "أرشيف الأخبار"

CATEGORIES = (
    "محليات", "سياسة", "اقتصاد", "رياضة", "ثقافة", "رأي", "تقنية", "علوم", "صحة", "تعليم",
    "فنون", "منوعات", "العالم", "الخليج", "الشرق الأوسط", "أفريقيا", "آسيا", "أوروبا",
    "الأمريكتان", "طاقة", "عقارات", "أسواق", "سيارات", "سفر", "بيئة", "مجتمع", "حوادث",
    "قضاء", "دين", "تحقيقات",
)

SNN_SITES = {
    "aawsat": "صحيفة الشرق الأوسط", "aleqtisadiya": "صحيفة الاقتصادية",
    "aljazirah": "صحيفة الجزيرة", "almadina": "صحيفة المدينة", "alriyadh": "صحيفة الرياض",
    "alwatan": "صحيفة الوطن", "alweeam": "صحيفة الوئام", "alyaum": "صحيفة اليوم",
    "okaz": "صحيفة عكاظ", "sabq": "صحيفة سبق", "3alyoum": "صحيفة عين اليوم",
    "arreyadi": "صحيفة الرياضي", "was": "وكالة الأنباء السعودية",
}

# Frequent title words that make poor tags.
TAG_STOPWORDS = frozenset(
    "خلال أكثر اليوم يعلن تعلن شاهد تطلق يطلق جديدة الجديدة العام أشهر الله بعد قبل حتى هذا هذه"
    " التي الذي الذين عليه عليها إلى على عن مع بين عند منذ لدى كانت كان يكون تكون أنها أنه"
    " غدا اليوم أمس ضمن حول عبر دون".split()
)
N_TAGS = 300


@dataclasses.dataclass(frozen=True, slots=True)
class Source:
    """One real article from the corpus, normalised to title + paragraphs."""

    title: str
    paragraphs: tuple[str, ...]
    author: str
    site: str


@dataclasses.dataclass(frozen=True, slots=True)
class Item:
    """One generated article."""

    key: str  # nNNNNNN, also the slug and the file stem
    title: str
    date: dt.datetime
    category: str
    tags: tuple[str, ...]
    author: str
    site: str
    paragraphs: tuple[str, ...]

    @property
    def rel_dir(self) -> str:
        return f"{self.date.year:04d}/{self.date.month:02d}"


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean(line: str) -> str:
    """One line of source text: no control characters (XML 1.0 feeds reject them), spaces folded."""
    line = _CONTROL.sub("", line)
    line = line.replace("\u00a0", " ").replace("\u200e", "").replace("\u200f", "")
    return re.sub(r"\s+", " ", line).strip()


def _paragraphs(text: str, sep: str) -> tuple[str, ...]:
    return tuple(p for p in (_clean(x) for x in text.split(sep)) if p)


def load_sources(corpus: Path) -> list[Source]:
    """All usable corpus articles (a title and at least one paragraph), in a fixed order."""
    if not (corpus / "saudinewsnet_2000.jsonl").is_file():
        raise SystemExit(f"corpus not found: {corpus} (the repository's ../shared/corpus/real; give --corpus DIR)")
    out: list[Source] = []
    with open(corpus / "saudinewsnet_2000.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            title, paras = _clean(rec["title"]), _paragraphs(rec["content"], "\n")
            if title and paras:
                site = SNN_SITES.get(rec["source"], rec["source"])
                out.append(Source(title, paras, _clean(rec["author"] or ""), site))
    for path in sorted((corpus / "arabic_newspapers_corpus_cp1256").glob("*/*.txt")):
        lines = _paragraphs(path.read_bytes().decode("cp1256", "replace"), "\r\n")
        if len(lines) >= 2 and len(lines[0]) <= 120:  # else line 1 is a paragraph, not a headline
            out.append(Source(lines[0], lines[1:], "", "صحيفة عربية"))
    for path in sorted((corpus / "bbc_news_2004_2005").glob("*/*.txt")):
        text = path.read_bytes().decode("utf-8", "replace")
        head, _, rest = text.partition("\n")
        paras = _paragraphs(rest, "\n\n")
        if _clean(head) and paras:
            out.append(Source(_clean(head), paras, "", "BBC News"))
    return out


def tag_vocabulary(sources: list[Source]) -> tuple[str, ...]:
    """The N_TAGS most frequent Arabic title words (ties broken alphabetically)."""
    counts: collections.Counter[str] = collections.Counter()
    for src in sources:
        for word in re.findall(r"[\u0621-\u064a]{4,}", src.title):
            if word not in TAG_STOPWORDS:
                counts[word] += 1
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(word for word, _ in ranked[:N_TAGS])


def _zipf_weights(n: int, s: float) -> list[float]:
    return [1.0 / (rank + 1) ** s for rank in range(n)]


def generate(n: int, sources: list[Source], seed: int) -> list[Item]:
    """N items: sources cycled in a seeded shuffled order, with drawn dates, category and tags."""
    rng = random.Random(seed)
    order = list(range(len(sources)))
    rng.shuffle(order)
    tags = tag_vocabulary(sources)
    cat_w = _zipf_weights(len(CATEGORIES), 0.6)
    tag_w = _zipf_weights(len(tags), 0.8)
    seen: collections.Counter[str] = collections.Counter()
    items = []
    for i in range(n):
        cycle, pos = divmod(i, len(order))
        src = sources[order[pos]]
        paragraphs = src.paragraphs
        if cycle:  # a reused body gets one more real paragraph, so no two bodies are equal
            paragraphs += sources[order[(pos + cycle) % len(order)]].paragraphs[:1]
        seen[src.title] += 1
        title = src.title if seen[src.title] == 1 else f"{src.title} ({seen[src.title]})"
        when = FIRST_DAY + dt.timedelta(seconds=rng.randrange(SPAN_SECONDS) // 60 * 60)
        chosen: list[str] = []
        for _ in range(rng.randint(2, 4)):
            tag = rng.choices(tags, tag_w)[0]
            if tag not in chosen:
                chosen.append(tag)
        items.append(Item(
            key=f"n{i:06d}", title=title, date=when,
            category=rng.choices(CATEGORIES, cat_w)[0], tags=tuple(chosen),
            author=src.author, site=src.site, paragraphs=paragraphs,
        ))
    return items


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def to_markdown(item: Item) -> str:
    """Markdown with YAML front matter, read by ssg and Hugo."""
    head = [
        "---",
        f"title: {_q(item.title)}",
        f"date: {item.date.isoformat()}",
        f"slug: {item.key}",
        f"categories: [{_q(item.category)}]",
        f"tags: [{', '.join(_q(t) for t in item.tags)}]",
    ]
    if item.author:
        head.append(f"author: {_q(item.author)}")
    head += [f"source: {_q(item.site)}", "---", ""]
    return "\n".join(head) + "\n" + "\n\n".join(item.paragraphs) + "\n"


def to_pelican(item: Item) -> str:
    """The same article with Pelican's Markdown metadata header instead of YAML."""
    head = [
        f"Title: {item.title}",
        f"Date: {item.date.strftime('%Y-%m-%d %H:%M')}",
        f"Slug: {item.key}",
        f"Category: {item.category}",
        f"Tags: {', '.join(item.tags)}",
    ]
    if item.author:
        head.append(f"Author: {item.author}")
    head += [f"Source: {item.site}", ""]
    return "\n".join(head) + "\n" + "\n\n".join(item.paragraphs) + "\n"


def to_raw(item: Item) -> str:
    """ssg's native raw layout (L1)."""
    lines = [
        "القائمة الرئيسية", "",
        item.title, "",
        f"{item.date.strftime('%d-%m-%Y, %H:%M')} {item.category}",
        item.site, "",
        "\n\n".join(item.paragraphs),
    ]
    if item.author:
        lines.append(item.author)
    lines.append("شارك")
    return "\n".join(lines) + "\n"


WRITERS = {
    "md": ("md/content", ".md", to_markdown),
    "txt": ("txt/content", ".txt", to_raw),
    "pelican": ("pelican/content", ".md", to_pelican),
}


def site_toml(title: str = SITE_TITLE) -> str:
    """The site.toml ssg reads; kept minimal so ssg's defaults are what gets measured."""
    return (
        "[site]\n"
        f"title = {_q(title)}\n"
        'base_url = "https://example.org/"\n'
        'language = "ar"\n'
        'timezone = "Asia/Riyadh"\n'
        '# Hugo and Pelican build every file; so must ssg (it only reports look-alikes then).\n'
        'duplicates = "keep-all"\n'
    )


def write_item(root: Path, fmt: str, item: Item) -> Path:
    sub, ext, render = WRITERS[fmt]
    folder = root / sub / item.rel_dir
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{item.key}{ext}"
    path.write_text(render(item), encoding="utf-8")
    return path


def write_archive(root: Path, items: list[Item], formats: list[str]) -> dict:
    for fmt in formats:
        for item in items:
            write_item(root, fmt, item)
        if fmt in ("md", "txt"):
            (root / fmt / "site.toml").write_text(site_toml(), encoding="utf-8")
    return {
        "articles": len(items),
        "categories": len({i.category for i in items}),
        "tags": len({t for i in items for t in i.tags}),
        "first_date": min(i.date for i in items).isoformat(),
        "last_date": max(i.date for i in items).isoformat(),
        "formats": formats,
    }


def extra_item(items: list[Item], sources: list[Source], seed: int) -> Item:
    """A deterministic new article for the "add one article" scenario, newest in the archive."""
    rng = random.Random(seed + 1)
    src = sources[rng.randrange(len(sources))]
    return Item(
        key=f"n{len(items):06d}", title=f"{src.title} (جديد)",
        date=max(i.date for i in items) + dt.timedelta(hours=1),
        category=items[0].category, tags=items[0].tags,
        author=src.author, site=src.site, paragraphs=src.paragraphs,
    )


def generator_digest() -> str:
    """Hash of this file, so a changed generator regenerates cached archives."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("n", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--formats", default="md,txt,pelican")
    args = ap.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]
    unknown = set(formats) - set(WRITERS)
    if unknown:
        ap.error(f"unknown format(s): {', '.join(sorted(unknown))}")
    sources = load_sources(args.corpus)
    items = generate(args.n, sources, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    info = write_archive(args.out, items, formats)
    info.update(seed=args.seed, sources=len(sources), corpus=str(args.corpus),
                generator=generator_digest())
    (args.out / "manifest.json").write_text(
        json.dumps(info, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(info, ensure_ascii=False), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
