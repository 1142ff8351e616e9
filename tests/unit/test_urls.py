from datetime import datetime

from ssg.urls import href, output_path, permalink, resolve_collisions, slugify


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
