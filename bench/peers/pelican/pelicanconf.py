"""Pelican settings for the ssg benchmark: default theme, feeds on, pagination 20.

bench/run.py passes the content and output dirs on the command line
(pelican CONTENT -s pelicanconf.py -o OUTPUT). The Pelican copy of the archive holds the
same articles as the Markdown archive, with Pelican's "Key: value" metadata header.
"""
AUTHOR = "bench"
SITENAME = "أرشيف الأخبار"
SITEURL = "https://example.org"
RELATIVE_URLS = False
TIMEZONE = "Asia/Riyadh"
DEFAULT_LANG = "ar"
DEFAULT_DATE_FORMAT = "%Y-%m-%d %H:%M"

PATH_METADATA = ""
ARTICLE_URL = "{date:%Y}/{date:%m}/{slug}/"
ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}/index.html"

DEFAULT_PAGINATION = 20

# Feeds on: the whole site, each category and each tag (RSS and Atom for all, RSS per term).
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/category/{slug}.atom.xml"
CATEGORY_FEED_RSS = "feeds/category/{slug}.rss.xml"
TAG_FEED_ATOM = None
TAG_FEED_RSS = "feeds/tag/{slug}.rss.xml"
FEED_MAX_ITEMS = 20

# The other tools build no per-author pages; switch Pelican's off to compare the same pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None

# Pelican's own content cache off: every run is a full build (the default).
LOAD_CONTENT_CACHE = False
