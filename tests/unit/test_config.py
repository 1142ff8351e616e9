import pytest

from ssg.config import documented_keys, load_config, parse_config, with_overrides
from ssg.errors import ConfigError
from tests.conftest import REPO


def test_defaults_build_without_site_toml(tmp_path):
    (tmp_path / "content").mkdir()
    config = load_config(tmp_path)
    assert config.language == "ar" and config.dir == "rtl"
    assert config.output_path == (tmp_path / "output").resolve()


def test_unknown_key_names_the_nearest_valid_one():
    with pytest.raises(ConfigError, match="unknown key 'titel'.*did you mean 'title'"):
        parse_config({"titel": "x"})
    with pytest.raises(ConfigError, match=r"unknown key 'limt' in \[feeds\].*'limit'"):
        parse_config({"feeds": {"limt": 3}})


def test_wrong_type_and_bad_values_are_errors():
    with pytest.raises(ConfigError, match=r"'paginate_by' in site.toml must be a whole number, not a string \('ten'\)"):
        parse_config({"paginate_by": "ten"})
    with pytest.raises(ConfigError, match=r"'per_term' in \[feeds\] must be true or false, not a whole number \(1\)"):
        parse_config({"feeds": {"per_term": 1}})
    with pytest.raises(ConfigError, match="unknown timezone"):
        parse_config({"timezone": "Mars/Olympus"})
    with pytest.raises(ConfigError, match=r"\[feeds\] term_formats: unknown format 'rdf'"):
        parse_config({"feeds": {"term_formats": ["rss", "rdf"]}})
    with pytest.raises(ConfigError, match=r"'term_formats' in \[feeds\] must be a list of strings, not a string \('rss'\)"):
        parse_config({"feeds": {"term_formats": "rss"}})
    with pytest.raises(ConfigError, match="term_formats.*must be a list of strings, not a list"):
        parse_config({"feeds": {"term_formats": ["rss", 2]}})
    assert parse_config({"feeds": {"term_formats": ["atom"]}}).feeds.term_formats == ("atom",)
    with pytest.raises(ConfigError, match="base_url must be absolute"):
        parse_config({"base_url": "archive/"})


@pytest.mark.parametrize("mapping, message", [
    ({"title": "  "}, "title must not be empty"),                         # (feedgen's ValueError, exit 3, before)
    ({"language": "xx-invalid-!!"}, "language must be a language tag such as ar, en, fr or ar-SA, not 'xx-invalid-!!'"),
    ({"language": ""}, "language must be a language tag"),
    ({"cname": "https://news.example.com/"}, "cname must be a domain alone, such as news.example.com"),
    ({"cname": "news.example.com/archive"}, "cname must be a domain alone"),
    ({"base_url": "https://u.github.io/archive//"}, r"base_url has an empty path segment \('//'\)"),
    ({"title": "Top", "site": {"title": "Inside"}}, r"'title' is set twice, at the top and in \[site\]: keep one"),
    ({"lang": "en", "site": {"language": "ar"}}, r"'language' is set twice"),
])
def test_values_a_site_cannot_be_built_with_are_one_line_errors(mapping, message):
    with pytest.raises(ConfigError, match=message):
        parse_config(mapping)


def test_a_language_tag_with_an_underscore_is_given_with_a_hyphen_and_a_bare_domain_is_a_cname():
    config = parse_config({"language": "ar_SA", "cname": "news.example.com", "site": {"title": "x"}})
    assert (config.language, config.dir, config.cname, config.title) == ("ar-SA", "rtl", "news.example.com", "x")


def test_invalid_toml_names_the_file(tmp_path):
    (tmp_path / "site.toml").write_text("title = \n")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith(str(tmp_path / "site.toml"))


def test_base_path_and_overrides():
    config = parse_config({"base_url": "https://u.github.io/archive"})
    assert config.base_path == "/archive/"
    assert with_overrides(config, base_url="https://x.org/").base_path == "/"
    assert with_overrides(config, workers=3).build.workers == 3


def test_digest_ignores_settings_that_do_not_change_output():
    a = parse_config({})
    assert with_overrides(a, workers=4).digest == a.digest
    assert parse_config({"title": "other"}).digest != a.digest


def test_every_key_is_documented():
    text = (REPO / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = [k for k in documented_keys() if f"`{k.split('.')[-1]}`" not in text]
    assert not missing, f"undocumented keys: {missing}"
    # each table documents a key once (a table had three rows twice, one with an older wording)
    for section in text.split("\n## "):
        rows = [line.split("|")[1].strip() for line in section.splitlines() if line.startswith("| `")]
        assert len(rows) == len(set(rows)), f"a key documented twice: {sorted(r for r in rows if rows.count(r) > 1)}"


def test_a_domain_in_another_script_is_given_in_its_ascii_form_in_base_url_and_cname():
    """Absolute URLs percent-encode a path (urls.absolute); a host so encoded is no address."""
    config = parse_config({"base_url": "https://أخبار.مصر/أرشيف/", "cname": "أخبار.مصر"})
    assert config.base_url == "https://xn--igbicxr.xn--wgbh1c/أرشيف/" and config.cname == "xn--igbicxr.xn--wgbh1c"
    assert parse_config({"base_url": "http://موقع.example:8080/"}).base_url == "http://xn--4gbrim.example:8080/"
    from ssg.urls import absolute
    assert absolute(config.base_url, "2021/09/") == "https://xn--igbicxr.xn--wgbh1c/%D8%A3%D8%B1%D8%B4%D9%8A%D9%81/2021/09/"
    with pytest.raises(ConfigError, match="base_url has a host that is not a domain name"):
        parse_config({"base_url": "https://" + "ب" * 70 + ".com/"})
