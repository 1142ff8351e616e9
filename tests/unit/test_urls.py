from datetime import datetime

from ssg.urls import SITE_ROOTS, href, output_path, own_url, permalink, resolve_collisions, site_path, slugify, url_segment


def test_arabic_slug_keeps_letters_and_strips_marks_and_tatweel():
    assert slugify("وزيرُ الداخليّة يبحـــث التعاون") == "وزير-الداخلية-يبحث-التعاون"


def test_slug_length_is_capped_on_a_word_boundary():
    slug = slugify("كلمة " * 50, max_length=30)
    assert len(slug) <= 30 and not slug.endswith("-")


def test_ascii_transliteration_is_a_setting():
    assert slugify("مرحبا بالعالم", ascii_only=True).isascii()


def test_empty_slug_falls_back():
    assert slugify("!!!") == "article"


def test_permalink_and_output_path():
    url = permalink("/{year}/{month}/{slug}/", slug="x", date=datetime(2021, 9, 4))
    assert url == "2021/09/x/" and output_path(url) == "2021/09/x/index.html"
    assert href("/archive/", url) == "/archive/2021/09/x/"


def test_collisions_are_resolved_in_order():
    got = resolve_collisions([("a", "x/"), ("b", "x/"), ("c", "x/")])
    assert got == {"a": "x/", "b": "x-2/", "c": "x-3/"}


def test_a_slug_is_one_url_segment():
    assert url_segment("n001329") == "n001329" and url_segment("ماراثون-المدينة") == "ماراثون-المدينة"
    assert url_segment("My_Slug") == "My_Slug"                       # kept as written, case too
    assert url_segment("../../../escape") == "escape" and url_segment("a/b") == "a-b"
    assert url_segment("index.html") == "index-html" and url_segment("مُحَمَّد علي") == "محمد-علي"
    assert url_segment("../..") == "" and url_segment("%2e%2e") == "2e-2e"


def test_a_url_never_leaves_the_site():
    assert site_path("../../../tmp/x/") == "tmp/x/" and site_path("/a/./b//c") == "a/b/c/"
    assert site_path("/") == "" and site_path("..") == "" and site_path("a\nb/") == "a-b/"
    # what a link cannot hold as it is: "?" and "#" would end the path, "%2e%2e" is ".." to a browser
    assert site_path("x?y=1#z") == "x-y=1-z/" and site_path("%2e%2e/%2e%2e/w") == "2e-2e/2e-2e/w/"
    assert site_path("أخبار/مُحَمَّد/a b.html") == "أخبار/مُحَمَّد/a-b.html/"      # letters and their marks kept


def test_a_url_the_sites_own_pages_have_is_moved_aside():
    roots = SITE_ROOTS | {"css", "js"}
    for mine in ("2024/03/slug/", "news/x/", "undated/x/", "2024-review/", "tags/x/", "pages/x/"):
        assert own_url(mine, roots) == mine
    assert own_url("archive/", roots) == "archive-2/" and own_url("tag/x/", roots) == "tag-2/x/"
    assert own_url("css/style.css/", roots) == "css-2/style.css/" and own_url("feed.xml/", roots) == "feed.xml-2/"
    assert own_url(".ssg-staging/", roots) == "ssg-staging-2/" and own_url("", roots) == "article/"
    assert own_url("2024/", roots) == "2024-2/" and own_url("2024/03/", roots) == "2024/03-2/"
    assert own_url("2024/03/15/", roots) == "2024/03/15-2/" and own_url("2024/03/page/2/", roots) == "2024/03/page/2-2/" and own_url("2024/03/page/", roots) == "2024/03/page/"
    assert own_url("2024/03/index.html/", roots) == "2024/03/index-html/"


def test_a_category_in_the_pattern_is_slugified_as_the_slugs_are():
    date = datetime(2024, 3, 5)
    assert permalink("/{category}/{slug}/", slug="x", date=date, category="اقتصاد محلي") == "اقتصاد-محلي/x/"
    assert permalink("/{category}/{slug}/", slug="x", date=date, category="اقتصاد محلي", ascii_only=True) == "qtsd-mhly/x/"
