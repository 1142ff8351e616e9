"""Browser tests: headless Debian Chromium, driven by Playwright, opens the built sample site from a
local server under a subpath (as on GitHub Pages) and checks every page type: no console errors,
zero axe-core violations (light and dark), search finds known articles by Arabic queries typed
with and without diacritics, the article page's HTML + CSS before its body stays under 30 KB.

Needs /usr/bin/chromium (.ci/deps/20-chromium.sh), axe-core (.ci/deps/30-node-tools.sh) and the
playwright package; `make test` installs all three. Each test skips with the reason when one is
missing. ``SSG_SCREENSHOTS=docs/screenshots pytest tests/test_browser.py`` also saves the
screenshots shown in docs/screenshots/README.md.
"""
from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import socket
import subprocess
import threading
from pathlib import Path

import pytest

from tests.conftest import REPO, build_site, make_site

CHROMIUM = Path(os.environ.get("SSG_CHROMIUM", "/usr/bin/chromium"))
AXE = REPO / ".venv" / "node" / "node_modules" / "axe-core" / "axe.min.js"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run"]
SUBPATH = "/archive/"
WIDTHS = {"phone": (360, 740), "desktop": (1440, 900)}


def _requirements() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found: run `make test` (or bash .ci/deps/20-chromium.sh)"
    if not AXE.exists():
        return f"{AXE} not found: run `make test` (or bash .ci/deps/30-node-tools.sh)"
    return None


pytestmark = pytest.mark.skipif(_requirements() is not None, reason=_requirements() or "")


# --------------------------------------------------------------------------- the site and its server

class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves output/ under SUBPATH only, like a GitHub Pages project site; 404.html for misses."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The bundled sample site, built with a base URL under SUBPATH and served on 127.0.0.1."""
    site = tmp_path_factory.mktemp("sample")
    shutil.copytree(REPO / "content", site / "content")
    port = _free_port()
    toml = (REPO / "site.toml").read_text(encoding="utf-8")
    toml = re.sub(r'(?m)^base_url\s*=.*$', f'base_url = "http://127.0.0.1:{port}{SUBPATH}"', toml)
    (site / "site.toml").write_text(toml, encoding="utf-8")
    build_site(site)
    out = site / "output"
    assert (out / "search" / "manifest.json").is_file() and (out / "search" / "index.html").is_file()
    yield from _serve(out, port)


def _serve(out: Path, port: int):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Handler, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}{SUBPATH}", out
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def served_english(tmp_path_factory):
    """A small English (left-to-right) site of our own: 12 articles about a bridge, more than one
    page of search results."""
    site = tmp_path_factory.mktemp("english")
    port = _free_port()
    files = [f'-- site.toml --\ntitle = "Harbour News"\nlanguage = "en"\ntimezone = "UTC"\n'
             f'base_url = "http://127.0.0.1:{port}{SUBPATH}"\n']
    for day in range(1, 13):
        files.append(f"-- content/2025/03/bridge-{day}.md --\n---\ntitle: \"Bridge works, day {day}\"\n"
                     f"date: 2025-03-{day:02d}T09:00:00Z\ncategory: City\n---\nCrews worked on the harbour bridges "
                     f"for the {day}th day; traffic used the ferry.\n")
    build_site(make_site(site, "".join(files)))
    yield from _serve(site / "output", port)


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield b
        b.close()


def _pages(out: Path) -> dict[str, str]:
    """Page type -> site-relative URL, picked from the built tree."""
    def first(pattern: str) -> str:
        found = sorted(p.relative_to(out).parent.as_posix() + "/" for p in out.glob(pattern))
        assert found, f"no {pattern} in the build"
        return found[0]

    articles = sorted(p for p in out.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    article = max(articles, key=lambda p: p.stat().st_size)      # the longest: the reference article
    return {
        "home": "", "article": article.relative_to(out).parent.as_posix() + "/",
        "listing": first("category/*/index.html"), "terms": "category/",
        "month": first("[0-9][0-9][0-9][0-9]/[0-9][0-9]/index.html"),
        "day": first("[0-9][0-9][0-9][0-9]/[0-9][0-9]/[0-9][0-9]/index.html"),
        "year": first("[0-9][0-9][0-9][0-9]/index.html"), "archive": "archive/",
        "search": "search/?q=%D8%AC%D8%B3%D8%B1", "404": "no-such-page/",
    }


class _Watch:
    """Console errors, page errors and failed requests of one page."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"console: {m.text} {m.location.get('url', '')}"))
        page.on("pageerror", lambda e: self.errors.append(f"pageerror: {e}"))
        page.on("requestfailed", lambda r: self.errors.append(f"failed: {r.url}"))


def _open(browser, url: str):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
    page = context.new_page()
    watch = _Watch(page)
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.getElementById('search').dataset.ready")
    return context, page, watch


@pytest.fixture(scope="module")
def tour(served, browser):
    """One visit per page type, collecting what the tests below check: errors, axe (light and dark),
    overflow on a 360 px phone; with SSG_SCREENSHOTS set, the screenshots too."""
    base, out = served
    shots = os.environ.get("SSG_SCREENSHOTS")
    seen = {}
    context = browser.new_context(viewport={"width": 1440, "height": 900}, device_scale_factor=1)
    try:
        for kind, rel in _pages(out).items():
            page = context.new_page()
            watch = _Watch(page)
            page.goto(base + rel, wait_until="load")
            if kind == "search":
                page.wait_for_function("() => document.getElementById('search').dataset.done")
            if kind == "404":
                watch.errors = [e for e in watch.errors if "404" not in e]   # the status itself is the point
            visit = {"h1": page.locator("main h1").count(), "axe": {}, "errors": watch.errors}
            page.add_script_tag(path=str(AXE))
            for scheme in ("light", "dark"):
                page.emulate_media(color_scheme=scheme)
                visit["axe"][scheme] = _axe(page)
            page.emulate_media(color_scheme="light")
            page.set_viewport_size({"width": 360, "height": 740})
            visit["overflow"] = page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if shots:
                _screenshots(page, kind, Path(shots))
            seen[kind] = visit
            page.close()
    finally:
        context.close()
    return seen


def _axe(page) -> list[str]:
    return page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | '));
    }""")


def test_every_page_type_renders_without_console_errors(tour):
    assert set(tour) == {"home", "article", "listing", "terms", "day", "month", "year", "archive", "search", "404"}
    problems = [f"{kind}: {e}" for kind, v in tour.items() for e in v["errors"]]
    problems += [f"{kind}: no <h1> in <main>" for kind, v in tour.items() if not v["h1"]]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_core_finds_no_violations(tour, scheme):
    problems = [f"{kind}: {v}" for kind, visit in tour.items() for v in visit["axe"][scheme]]
    assert not problems, "\n".join(problems)


def test_layout_has_no_horizontal_scroll_on_a_phone(tour):
    wide = {kind: v["overflow"] for kind, v in tour.items() if v["overflow"] > 0}
    assert not wide, f"wider than a 360 px screen (px): {wide}"


def _screenshots(page, kind: str, folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.wait_for_timeout(50)
        path = folder / f"{kind}-{name}.png"
        page.screenshot(path=str(path), full_page=False)
        if shutil.which("pngquant"):          # 256 colours: a third of the bytes, same look
            subprocess.run(["pngquant", "--force", "--skip-if-larger", "--strip", "--output", str(path), "256", str(path)], check=False)


QUERIES = [
    ("جسر المشاة", "جسر"),                  # plain
    ("جِسْرُ المُشَاةِ", "جسر"),              # with diacritics
    ("الجسر", "جسر"),                       # with the article
    ("ماراثون", "ماراثون"),
]


@pytest.mark.parametrize("query,expect", QUERIES)
def test_search_finds_known_articles(served, browser, query, expect):
    base, _ = served
    context, page, watch = _open(browser, base + "search/")
    try:
        page.fill("#q", query)
        page.wait_for_function("() => document.getElementById('search').dataset.done")
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0", timeout=5000)
        titles = page.locator("#search-results h2").all_inner_texts()
        assert any(expect in t for t in titles), titles
        marks = page.locator("#search-results mark").all_inner_texts()
        assert marks, "no highlighted words"
        href = page.locator("#search-results h2 a").first.get_attribute("href")
        assert href.startswith(SUBPATH), href
        status = page.locator("#search-status").inner_text()
        assert status.strip()
        assert not watch.errors, watch.errors
    finally:
        context.close()


def test_a_result_in_english_on_the_arabic_site_is_marked_english(served, browser):
    """A screen reader reads a result in its own language: the English article's result has
    lang="en" (the page is lang="ar"), the Arabic ones none of their own."""
    base, _ = served
    context, page, watch = _open(browser, base + "search/?q=solar")
    try:
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0", timeout=5000)
        langs = page.eval_on_selector_all("#search-results article.result", "els => els.map(e => e.lang)")
        assert langs == ["en"], langs
        page.fill("#q", "جسر")
        page.wait_for_function("() => [...document.querySelectorAll('#search-results h2')].some(h => h.textContent.includes('جسر'))",
                               timeout=5000)
        assert set(page.eval_on_selector_all("#search-results article.result", "els => els.map(e => e.lang)")) == {""}
        assert not watch.errors, watch.errors
    finally:
        context.close()


def test_search_state_is_in_the_url_and_filters_apply(served, browser):
    base, _ = served
    context, page, watch = _open(browser, base + "search/?q=%D8%AC%D8%B3%D8%B1")
    try:
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length > 0")
        years = page.locator("#f-year option").all_inner_texts()
        assert len(years) >= 2, years
        n = page.locator("#search-results li").count()
        wrong = next(y for y in years[1:] if y != page.locator("#search-results .meta").first.inner_text()[-4:])
        page.select_option("#f-year", wrong)
        page.wait_for_function(f"() => document.querySelectorAll('#search-results li').length < {n} || "
                               "document.getElementById('search-status').textContent.length > 0")
        assert "year=" in page.url
        assert not watch.errors, watch.errors
    finally:
        context.close()


def test_pages_are_readable_without_javascript(served, browser):
    """Every page but search is complete HTML; the search page says why it needs JavaScript."""
    _, out = served
    for kind, rel in _pages(out).items():
        path = out / (rel.split("?")[0] or "") / "index.html" if kind != "404" else out / "404.html"
        text = path.read_text(encoding="utf-8")
        assert re.search(r"<main[^>]*>.*<h1", text, re.S), kind
        assert "<script src" not in text or kind == "search", f"{kind} loads a script"
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(served[0] + "search/")
        assert page.locator("noscript, .notice").count() and page.locator("input[name=q]").is_visible()
    finally:
        context.close()


def test_nothing_is_loaded_from_another_host(served, browser):
    base, out = served
    context = browser.new_context()
    hosts = set()
    try:
        page = context.new_page()
        page.on("request", lambda r: hosts.add(r.url.split("/")[2]))
        for rel in _pages(out).values():
            page.goto(base + rel)
        assert hosts == {base.split("/")[2]}, hosts
    finally:
        context.close()


def test_article_html_and_css_before_the_body_is_under_30_kb(served):
    _, out = served
    rel = _pages(out)["article"]
    page = (out / rel / "index.html").read_text(encoding="utf-8")
    body = re.search(r'<div class="body"[^>]*>(.*?)</div>\s*<footer>', page, re.S)
    assert body, "article body not found"
    css = sum(len((out / href[len(SUBPATH):]).read_bytes())
              for href in re.findall(r'<link rel="stylesheet" href="([^"]+)"', page))
    without_body = len(page.encode()) - len(body.group(1).encode())
    assert without_body + css < 30_000, (without_body, css)


# --------------------------------------------------------------------------- what a demanding reader checks

CONTRAST = """(paper) => {
    /* Text elements whose colour is under WCAG AA (4.5:1, 3:1 for large text) against their
       background, or against white when paper (printers drop backgrounds). */
    const rgb = c => { const m = c.match(/[\\d.]+/g).map(Number); return m.length > 3 ? m : [...m, 1]; };
    const lum = c => { const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                       return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
    const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
                                  if (c[3] > 0.5) return c; } return [255, 255, 255, 1]; };
    const bad = [], seen = new Set(), walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walk.nextNode()) {
        const el = walk.currentNode.parentElement;
        if (!walk.currentNode.textContent.trim() || seen.has(el)) continue;
        seen.add(el);
        if (!el.getClientRects().length || getComputedStyle(el).visibility === 'hidden') continue;
        const s = getComputedStyle(el), a = lum(rgb(s.color)), b = lum(paper ? [255, 255, 255] : background(el));
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const large = parseFloat(s.fontSize) >= 24 || (parseFloat(s.fontSize) >= 18.66 && +s.fontWeight >= 700);
        if (ratio < (large ? 3 : 4.5)) bad.push(`${el.tagName} "${el.textContent.trim().slice(0, 25)}" ${ratio.toFixed(2)}`);
    }
    return bad;
}"""


def test_print_is_dark_on_white_paper_even_from_a_dark_screen(served, browser):
    """Printed from a browser in dark mode, text must stay dark: paper is white and printers drop
    backgrounds, so light-on-dark colours would print light grey on white."""
    base, out = served
    context = browser.new_context()
    try:
        page = context.new_page()
        page.emulate_media(media="print", color_scheme="dark")
        problems = []
        for rel in (_pages(out)["article"], _pages(out)["listing"], "search/?q=%D8%AC%D8%B3%D8%B1"):
            page.goto(base + rel, wait_until="load")
            if rel.startswith("search/"):
                page.wait_for_function("() => document.querySelectorAll('#search-results mark').length")
            problems += [f"{rel}: {p}" for p in page.evaluate(CONTRAST, True)]
        assert not problems, "\n".join(problems[:10])
    finally:
        context.close()


LONG = "المعلوماتيةوالاتصالاتوالتقنيات" * 4 + " " + "https://example.org/" + "reports" * 30 + ".pdf"
WIDE_TABLE = ("<table><thead><tr>" + "<th>عدد المركبات يومياً</th>" * 9 + "</tr></thead><tbody><tr>"
              + "<td>41,000</td>" * 9 + "</tr></tbody></table>")


def test_long_words_urls_and_wide_tables_stay_inside_a_phone_screen(served, browser):
    """A 120-letter word, a 230-character URL and a 9-column table in an article's headline, body
    and neighbour links (what scraped news carries) wrap or scroll in their own box on a 360 px
    screen: the page itself never scrolls sideways, right to left or left to right."""
    base, out = served
    context = browser.new_context(viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(base + _pages(out)["article"], wait_until="load")
        for direction in ("rtl", "ltr"):
            widths = page.evaluate("""([long, table, direction]) => {
                document.documentElement.dir = direction;
                document.querySelector('main h1').append(' ' + long);
                const body = document.querySelector('.body');
                body.insertAdjacentHTML('afterbegin', `${table}<p>${long}</p><pre><code>${long}</code></pre>` +
                                                      `<p><a href="https://example.org/">${long}</a></p>`);
                for (const a of document.querySelectorAll('article + nav a, body > footer a')) a.append(' ' + long);
                const t = body.querySelector('table');
                return {page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
                        table: t.getBoundingClientRect().width, tableScroll: t.scrollWidth,
                        gap: t.nextElementSibling.getBoundingClientRect().top - t.getBoundingClientRect().bottom};
            }""", [LONG, WIDE_TABLE, direction])
            assert widths["page"] == 0, (direction, widths)
            assert widths["table"] <= 360 - 2 * 16 and widths["tableScroll"] > widths["table"], (direction, widths)
            assert widths["gap"] >= 12, f"the text after a table touches it: {widths}"
    finally:
        context.close()


def test_menu_and_pager_say_which_page_is_current(served, browser):
    """A screen reader hears where the reader is: the menu link of the page being read and a
    listing's page number carry aria-current="page"; no other page claims it."""
    base, out = served
    context = browser.new_context()
    current = "() => [...document.querySelectorAll('[aria-current=page]')].map(e => e.closest('nav').getAttribute('aria-label') + ': ' + e.textContent)"
    try:
        page = context.new_page()
        seen = {}
        for rel in ("category/", "archive/", "page/1/", _pages(out)["article"]):
            page.goto(base + rel, wait_until="load")
            seen[rel] = page.evaluate(current)
        menu = page.locator("body > header nav").get_attribute("aria-label")
        assert seen["category/"] == [f"{menu}: " + page.locator("body > header nav a").nth(0).inner_text()], seen
        assert [s.split(": ")[0] for s in seen["archive/"]] == [menu], seen
        pager = seen["page/1/"]
        assert len(pager) == 1 and not pager[0].startswith(menu) and pager[0].endswith(" 1"), seen
        assert seen[_pages(out)["article"]] == [], seen
    finally:
        context.close()


def test_the_newest_numbered_page_links_back_to_the_home_page(served, browser):
    """The home listing's newest numbered page (page/1/ of the 9 sample articles, 5 a page) has a
    'newer' link to the home page: the home's URL is the empty path, which is no reason to drop it."""
    base, out = served
    numbers = sorted(int(p.parent.name) for p in out.glob("page/*/index.html"))
    assert numbers, "the sample site has no numbered home page"
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(f"{base}page/{numbers[-1]}/", wait_until="load")
        newer = page.locator(".pager a[rel=prev]")
        assert newer.count() == 1, page.locator("main").inner_html()[-400:]
        newer.click()
        page.wait_for_url(base)
    finally:
        context.close()


def test_the_result_count_is_good_arabic(served, browser):
    """Arabic counts take the dual (2: نتيجتان) and the plural from 3 to 10 (4 نتائج), the
    singular from 11 on (51 نتيجة): '2 نتيجة' and '4 نتيجة' are wrong."""
    base, _ = served
    context, page, watch = _open(browser, base + "search/")
    try:
        seen = set()
        for query in ("مهرجان", "المدينة", "قال", "اليوم", "العام", "جسر"):
            page.fill("#q", query)
            page.wait_for_function("q => document.getElementById('search').dataset.query === q", arg=query)
            assert page.locator("#search-more").is_hidden()          # every result is listed: n is their number
            n = page.locator("#search-results li").count()
            status = page.locator("#search-status").inner_text().strip()
            expected = {0: "لا نتائج", 1: "نتيجة واحدة", 2: "نتيجتان"}.get(n, f"{n} نتائج" if n <= 10 else f"{n} نتيجة")
            assert status == expected, (query, n, status)
            seen.add(min(n, 3))
        assert seen >= {1, 2, 3}, seen
        assert not watch.errors, watch.errors
    finally:
        context.close()


def test_english_search_and_more_results_by_keyboard(served_english, browser):
    """On an English site: the page is lang=en, dir=ltr; 'Bridge' finds every article (plural and
    capitals folded), links under the subpath; 'More results' pressed with the keyboard moves the
    focus to the first new result, instead of losing it when the button hides."""
    base, _ = served_english
    context, page, watch = _open(browser, base + "search/")
    try:
        assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["en", "ltr"]
        page.fill("#q", "Bridge")
        page.wait_for_function("() => document.getElementById('search').dataset.query === 'Bridge'")
        assert page.locator("#search-status").inner_text().strip() == "12 results"
        assert page.locator("#search-results li").count() == 10
        assert {m.lower() for m in page.locator("#search-results mark").all_inner_texts()} >= {"bridge", "bridges"}
        hrefs = page.locator("#search-results h2 a").evaluate_all("as => as.map(a => a.getAttribute('href'))")
        assert all(h.startswith(SUBPATH + "2025/03/") for h in hrefs), hrefs
        page.focus("#search-more")
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelectorAll('#search-results li').length === 12")
        assert page.locator("#search-more").is_hidden()
        focused = page.evaluate("() => document.activeElement.closest('li') === document.querySelectorAll('#search-results li')[10]")
        assert focused, page.evaluate("() => document.activeElement.outerHTML")
        assert not watch.errors, watch.errors
    finally:
        context.close()


def test_the_header_search_placeholder_is_readable_in_light_and_dark(served, browser):
    """The header's search box shows its purpose only as a placeholder (its label is visually
    hidden), so the placeholder needs text contrast (4.5:1); Chromium's default grey gives 3.7:1
    on the dark input."""
    base, _ = served
    context = browser.new_context()
    ratio = """() => {
        const i = document.querySelector('body > header input');
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = c => { const f = v => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
                           return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); };
        const a = lum(rgb(getComputedStyle(i, '::placeholder').color)), b = lum(rgb(getComputedStyle(i).backgroundColor));
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }"""
    try:
        page = context.new_page()
        page.goto(base, wait_until="load")
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert page.evaluate(ratio) >= 4.5, scheme
    finally:
        context.close()


def test_search_works_when_the_page_language_is_not_a_valid_tag(served, browser):
    """site.toml's language is free text: "ar_SA" (an underscore) is no BCP 47 tag, and Intl
    (plural rules, number format, sorting) throws on it; the search must still work, in the
    browser's own locale."""
    base, _ = served
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    try:
        page = context.new_page()
        watch = _Watch(page)

        def bad_lang(route):
            response = route.fetch()
            route.fulfill(response=response, body=response.text().replace('<html lang="ar"', '<html lang="ar_SA"', 1))
        page.route("**/search/?q=*", bad_lang)
        page.goto(base + "search/?q=%D8%AC%D8%B3%D8%B1", wait_until="load")
        assert page.evaluate("() => document.documentElement.lang") == "ar_SA"
        page.wait_for_function("() => document.getElementById('search').dataset.done", timeout=5000)
        assert page.locator("#search-results li").count() > 0
        assert page.locator("#search-status").inner_text().strip()
        assert page.locator("#f-year option").count() > 1
        assert not watch.errors, watch.errors
    finally:
        context.close()
