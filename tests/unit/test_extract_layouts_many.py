"""968 invented articles as 968 different sites and tools saved them, each with the metadata a
reader would give it (tests/fixtures/extract/layouts*/ and pages2/, *.expected.json), in thirty-nine sets
written by helpers who had seen neither the extractor's rules nor the other sets:

* layouts/ (36) and layouts2/ (24): scraped pages of Gulf, Egyptian, Levantine, Maghreb, English and
  French sites (menus, mastheads, breadcrumbs, datelines, bylines with the date, comments, live
  pages, press releases);
* layouts3/ (24): more sites (Yemen, Oman, Bahrain, Qatar, UAE, Syria, Lebanon, Jordan, Tunisia,
  Algeria, Morocco, Libya, Sudan, Djibouti, Iraq, Kuwait, Palestine, a pan-Arab channel; Nigeria,
  South Africa, Pakistan, Ireland; French, German), Windows-1256, UTF-16 and BOM files;
* layouts4/ (24): what tools and archives save: a scraper's header of fields, HTML-to-Markdown
  output, reader view, an e-mail newsletter, news-database exports, wire copy, a Telegram post,
  OCR of a print page, a URL first, a press release, an RSS item, WordPress text, a web clipper;
* pages2/ (16): saved web pages (.html) of WordPress, Drupal, Joomla, Ghost, Next.js, AMP and
  2000s table-layout portals, with full, partial or no metadata in their <head>;
* layouts5/ (24), written after all the rules above, as a last check: 12 scraped pages, 4 tools'
  texts (a scraper's fields, Markdown, a Factiva export, a saved RSS item) and 8 saved web pages;
* layouts6/ (24), written after layouts5/'s rules: 16 Arabic scraped pages from across the Arab
  world, 4 in English, French and Turkish, 4 saved web pages;
* layouts7/ (24), written after layouts6/'s rules: 15 Arabic scraped pages (Windows-1256, BOM), 6 in
  English, French and Spanish, 3 saved web pages (one with nothing in its <head>); its expected
  files also list the paragraphs' text;
* layouts8/ (24), written after layouts7/'s rules and told the gold set's conventions (a byline as
  printed, a short line as far apart as the paragraphs is one): 12 Arabic scraped pages (Windows-1256,
  UTF-16), 4 in English, French, Turkish and Indonesian, 4 tools' texts (a scraper's fields,
  Markdown, reader view, a LexisNexis-style export), 4 saved web pages;
* layouts9/ (24), written after layouts8/'s rules, the same conventions: 14 Arabic (Maghreb to
  Iraq, plain old-style saves and rich portals, a TV channel, an agency, a municipality), 6 in
  English, French and Spanish from outside the UK and the US, a fields export, a wire feed, 2 web pages;
* layouts10/ (24), written after session 23's rules: 16 Arabic (Gulf to Maghreb, plain and rich,
  cp1256, UTF-16), 4 others, an RSS item, a CMS export, 2 web pages (measured in session 23, tuned on
  in session 24);
* layouts11/ (24), written in session 24 after layouts10/'s rules, the gold set's conventions told
  (subheadings apart from paragraphs, dates without a zone left naive): 15 Arabic (cp1256 + CRLF,
  UTF-16 + BOM, Arabic-Indic digits, Hijri, Levantine and Maghreb months), a Reuters page, a French
  magazine, a US local paper, a Turkish and an Indonesian portal, a CMS's field header, Markdown with
  unusual front-matter keys, 2 web pages;
* layouts12/ (24), written in session 24 after layouts11/'s rules, the same conventions: 15 Arabic
  (a wire, a TV channel, a municipality in cp1256, a university in UTF-16, a religious-affairs site,
  a tech site, a blog, a government service…), English, French, Spanish, German and Urdu pages, a
  Portuguese Markdown file, an Italian CMS export, 2 web pages;
* layouts13/ (24), written in session 24 after all of its other rules, the same conventions: 15 Arabic
  (Mauritania, Libya, Yemen, Somalia, a UAE press release, Kuwait's parliament in UTF-16, Omani sport,
  a Palestinian agency, Kurdistan, Tunisian radio, Bahraini economy, a London-based site, a PDF's page,
  an aggregator's card, a podcast's notes), Dutch, Swahili, Hindi, Greek and Filipino pages, a Polish
  e-mail newsletter, a read-it-later export, 2 web pages;
* layouts14/ (24), written in session 25 after all of session 24's rules, the same conventions: 16 Arabic
  (Sudan to Morocco, a Gulf ministry, a pan-Arab economic site; cp1256, UTF-16 LE and BE, Hijri),
  Persian (a rutitr over the headline), Russian, Hebrew and Turkish pages, a scraper's fields, a news
  database's export, 2 web pages;
* layouts15/ (24), the same: 14 Arabic (a wire's copy, a TV channel, sport, a women's magazine, an economy
  site with a table, a Hijri-only date, Moroccan and Algerian sites, a government portal, Omani and
  Bahraini dailies, religious affairs, Mauritania), Indian and Nigerian English, Senegalese French,
  Argentine Spanish, Portuguese, Italian, a German e-paper's OCR, a read-later Markdown file, 2 web pages
  (JSON-LD; a 2009 table-layout portal titled "Untitled Document");
* layouts16/ (24), the same, plain and minimal saves: 15 Arabic (a headline and a date only, wrapped
  lines, a forum's repost, an opinion column, an interview, an obituary, a bulleted list, a print view),
  BBC-like, US, Australian English, a press release, a newsletter post, French, Spanish, 2 web pages;
* layouts17/ (24), written in session 25 after layouts14-16's rules, the same conventions: 20 Arabic as
  the big and the regional sites lay them out (a satellite channel, Egyptian, Saudi, Emirati, Kuwaiti,
  Moroccan, Algerian, Tunisian, Lebanese, Jordanian, Palestinian, Iraqi, Yemeni, Sudanese, Libyan, Syrian,
  Bahraini, Omani, Qatari sites, a live page), Gulf and Pakistani English, Lebanese and Moroccan French;
* layouts18/ (23), the same, what tools save and less common kinds: a browser's "save as text", reader
  mode, a Telegram post, a Facebook post, an aggregator app's share, an e-mail newsletter, a scraper's
  "key = value" record, a Wayback Machine capture; a university, a sports club, a ministry, a
  municipality, a parliament, a chamber of commerce, a court, a charity; Kenyan, Ghanaian, Philippine
  English, Moroccan and Québec French, Colombian Spanish (a lynx dump), Indonesian (a 24th file, Malay,
  was malformed by its generator and dropped);
* layouts19/ (24), the same, as research corpora and archives store articles: a headline on the first
  line, a labelled block, an SGML <doc> record, a URL first, a YAML front matter, an archive export, a
  hard-wrapped text, a reader service's dump; English wire copy, a database export, a Guardian-like
  page; French, German, Spanish and Turkish pages;
* layouts20/ (24), written in session 25 after layouts17-19's rules, the way the corpus builder made its
  gold set: six new page layouts of the L1-L5 kind (a date first with the site after it, a print
  version in cp1256, a read-later export in UTF-16, Arabic-Indic digits with Hijri and Gregorian
  dates, a table of fields under the text, a Maghreb portal), four invented Arabic articles in each,
  their optional fields present in some and absent in others;
* layouts21/ (24), the same for English: six layouts (a UK broadsheet, a US metro daily hard-wrapped,
  an aggregator, fields after the text, a BBC-dataset file with date and source lines, an Irish weekly
  in Windows-1252), four articles each;
* layouts22/ (24), the same conventions, 18 Arabic sites of kinds not tried before (a Hijri date first,
  a relative time beside the date, author and paper on one line, a hashtag section, a quoted headline,
  numbered paragraphs, an editor's note, a price list, a weather page, an obituary, a court ruling, a
  match with its scorers, an event's box, exam results) and Turkish, Indonesian, Urdu, Algerian French,
  Spanish and Austrian German pages;
* layouts23/ (24), written in session 25 after layouts20-22's rules, the corpus builder's way again: six
  more Arabic page layouts (a logo with its slogan, a cp1256 portal with Hijri dates in brackets, a UTF-16
  page with NBSP lines and an arrow trail, Arabic-Indic digits with Makkah time and the byline after the
  text, a Maghreb site, a text browser's dump), four articles each;
* layouts24/ (24), the same: eight layouts of real kinds of sites (a wire agency, a TV channel, a regional
  daily in cp1256, a sports daily, a ministry, an English business site, an English Gulf daily, a French
  Maghreb daily), three articles each;
* layouts25/ (24), written after layouts23-24's rules, the corpus builder's way: six Arabic layouts after
  six real kinds of site (a Saudi daily with Hijri dates in cp1256, an Egyptian portal, a Gulf agency's
  table of fields in UTF-16, a Levantine site with its fields after the text, a Moroccan portal, a Yemeni
  site in Arabic-Indic digits), four articles each;
* layouts26/ (24), the same for datasets unlike SaudiNewsNet: texts that carry their outlets' boilerplate,
  a minimal layout in cp1256, wire titles with their prefix, an English wire page, opinion columns, a
  portal with empty authors in half its rows.
* layouts27/ (24), written in session 26 after all of session 25's rules, the corpus builder's way with
  SaudiNewsNet rows' own text: six new layouts (a saved AMP page, an app's share export with emoji and RTL
  marks, a newspaper's PDF as text with its page breaks, a browser's "save as text" with the window's title,
  a table portal with an author box, a trail ending in the date), four articles each;
* layouts28/ (24), the same conventions: six kinds of sites in their languages (a Sudanese daily in
  cp1256, a Gulf business portal's saved page, an Urdu site in UTF-16, a US local TV station, a Lebanese
  French daily in cp1252, an Indonesian portal);
* layouts29/ (24), archives' and corpora's shapes: a CMS's export with labelled fields, a plain archive
  file, a wire service's daily file, corpus markup (<ARTICLE>, Gigaword's <DOC>, Markdown), news-please's
  "key: value" dump, a clipping service's digest;
* layouts30/ (24), written after layouts27-29's rules, the corpus builder's way again: a Google cache's
  text, a screen reader's transcript, a print-friendly page with its page headers and footers, a hashtag
  section, a WordPress page, a web clipper's Markdown note;
* layouts31/ (24), the same: six Arabic sites of kinds not tried before (a parliament's portal in cp1256,
  a Kurdish region's Arabic site in UTF-16, a Palestinian local site in Arabic-Indic digits, an Omani
  agency's saved page, a Moroccan regional site with French in it, a Lebanese economic weekly);
* layouts32/ (24), the same: British, French (cp1252), Spanish and Latin American, Indian, German and US
  wire pages with their cookie banners, print headers and role lines;
* layouts33/ (24), written after layouts30-32's rules, the corpus builder's way: an icon font's names saved
  as words, a Joomla page, a portal with the section after the text, bilingual labels, an RSS reader's view,
  a Blogger page;
* layouts34/ (24), the same: labelled fields over the text, saved e-mail newsletters (one MIME with its
  headers encoded), a printed page's OCR, Telegram posts, Facebook posts, a dataset's rows between "---".
* layouts35/ (24), written after all of session 26's other rules, the corpus builder's way: six text saves
  after real kinds of Arabic site (a pan-Arab daily's Drupal page with its issue line, a Saudi regional
  paper's mobile page in cp1256, an Egyptian portal in UTF-16, a Gulf business daily in cp1256, a sports site
  with a live-score strip, a government agency's wire);
* layouts36/ (24), the same as saved pages of six CMSs (Drupal 7, ASP.NET WebForms, Next.js with JSON-LD, a
  2000s table layout in cp1256, a mobile site, schema.org microdata);
* layouts37/ (38), written in session 28, the corpus builder's way, six layouts: a Gulf daily with the weekday, the
  Hijri and the Gregorian date on one line and a published/updated pair (on one line, either first, or on two;
  bylines «كتب -», «بقلم:», «إعداد:», «تقرير:», one run into the text's first line; cp1256 + CRLF), an Egyptian portal
  (bylines over «نشر في» / «آخر تحديث», captions, key words, comment counts; UTF-16), English wire copy on a
  regional portal ("By X, Staff Writer", "Published: 3:42 PM EST, Mon March 4, 2019", "Updated …", "LONDON
  (Reuters) -"), a Persian agency (its news code, Solar Hijri dates in Persian digits, by name and by number) and an
  Afghan Dari site (the Solar Hijri months' Afghan names, a Gregorian twin in brackets); then six pages whose
  published/updated pair is printed on one line with the update first (Urdu, Turkish, Spanish, French, Portuguese,
  Persian).
* layouts38/ (39), written in session 29, after the pages of big pan-Arab and other sites as scrapers save them: Al
  Jazeera-like (a "نشر في 4/9/2021" over an update run into its time, "4/9/202123:47", its in-text "اقرأ أيضا" list), BBC
  Arabic-like ("Author, X" / "Role, Y" stacked, "مصدر الصورة، …", "قصص مقترحة … نهاية"), Asharq Al-Awsat-like ("نُشر:
  15:27-18 أبريل 2023 م ـ 27 رَمضان 1444 هـ", a trail one item a line, a font toggle "TT", tags under the text), Hespress-like
  (Maghreb months, "هسبريس © 2021 …"), Masrawy-like ("كتب- X:" / "تصوير- Y:", "03:22 م الإثنين 21 فبراير 2022", UTF-16), Al
  Arabiya-like ("نشر في: 04 سبتمبر ,2021: 11:47 م GST آخر تحديث: …", "دبي - العربية.نت"), Sky News Arabia-like ("بتوقيت
  أبوظبي"), Anadolu-like ("Name   |04.09.2021 - تحديث : …", Arabic and Turkish); Pakistani dailies ("Staff Reporter"), a US
  wire's capitals and "Sept.", a UK broadsheet's bylines stacked over "23.47 BST"; Le Monde-like and Algerian French ("23 h
  47 min"); Urdu; a print view, an e-mail newsletter, a press release on its letterhead, an old Saudi archive's lunar Hijri
  dates in numbers ("1419/12/05", once read as Solar), an AMP page, Arabic-Indic digits under a relative time, a reader view.

A stand-in for the held-out articles of other sources: every field must come out as expected but
the misses listed here, which are what the extractor does not yet get right; a new miss is a
regression."""

import json
from pathlib import Path

import pytest

from ssg.extract import ExtractOptions, extract_bytes

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extract"
SETS = ("layouts", "layouts2", "layouts3", "layouts4", "pages2", "layouts5", "layouts6", "layouts7", "layouts8",
        "layouts9", "layouts10", "layouts11", "layouts12", "layouts13", "layouts14", "layouts15", "layouts16",
        "layouts17", "layouts18", "layouts19", "layouts20", "layouts21", "layouts22", "layouts23", "layouts24",
        "layouts25", "layouts26", "layouts27", "layouts28", "layouts29", "layouts30", "layouts31", "layouts32", "layouts33",
        "layouts34", "layouts35", "layouts36", "layouts37", "layouts38")
PATHS = sorted(p for name in SETS for p in (FIXTURES / name).iterdir() if p.suffix in (".txt", ".html"))
FIELDS = ("title", "published", "category", "source", "author", "dek", "paragraphs_count")
P = "paragraphs_count"

KNOWN_MISSES = {
    # -- layouts/ ------------------------------------------------------------------------------
    ("en10", P),
    ("en05", "title"), ("en05", "source"), ("en05", "dek"),   # the headline only in the page title
    # -- layouts2/ -----------------------------------------------------------------------------
    ("ar03_iq_indic_waa_comments", "author"),                                   # a dateline credit under the date
    # body paragraphs: captions, a contact block, live-page timestamps, single-line paragraphs
    *((stem, P) for stem in (
        "ar03_iq_indic_waa_comments", "ar06_sa_regional_hijri_pm",
        "en02_wire_on_portal_edt", "en03_university_news_subhead_contact", "en04_trade_pub_newsletter_box",
        "en06_liveblog_bst")),
    # -- layouts3/ (115 of 168 right when first run, unseen, at 3ede628) -----------------------
    ("ar02_om_title_line_agency_credit_in_lead", "author"),        # the agency only inside the lead ("/العمانية/")
    ("ar17_ps_wafa_lead_credit_indic_digits_tags", "author"),      # (the same: "رام الله 27-5-2024 وفا-")
    ("ar04_qa_arabic_indic_digits_dek_updated", "author"),         # "الدوحة - قنا" kept whole, as the gold set keeps credits
    *((stem, P) for stem in (                                       # captions, score tables, tag lines, a video line
        "ar04_qa_arabic_indic_digits_dek_updated",
        "ar16_kw_sports_score_table_hijri", "ar18_pan_arab_channel_makkah_time_video",
        "de01_de_german_cookie_banner_teaser_uhr", "fr01_lb_french_kicker_dek_publie_mis_a_jour")),
    # -- layouts4/ (77 of 168 when first run, unseen, at 3ede628) -------------------------------
    ("tr01_reader_mode_url_first_line", "source"),  # "Site · date" with no press word
    ("ar05_email_newsletter_subject_prefix", "dek"),               # the newsletter's greeting line
    ("ar06_factiva_export_english_fields", "source"),                 # a database's fixed order
    ("ar07_wire_feed_slug_gmt", "category"),                       # the wire's service line taken for a section
    ("ar08_telegram_channel_post", "source"),                      # "Channel, [14.04.24 21:17]"
    ("ar10_url_first_line_section_cp1256_crlf", "category"),       # the section only in the URL ("/sports/")
    ("en03_lynx_dump_references", "category"), ("en05_web_clipper_saved_date", "category"),
    ("en05_web_clipper_saved_date", "source"),                     # "North Sound Times · Business · 30 May 2024"
    *((stem, P) for stem in (                                       # captions, shortcodes, hard-wrapped OCR, a lynx dump
        "ar05_email_newsletter_subject_prefix",
        "ar06_factiva_export_english_fields",
        "ar13_wordpress_caption_utf8_bom", "en03_lynx_dump_references",
        "en06_ocr_print_hyphen_column_crlf",
        "es01_wordpress_caption_posted_in", "fr01_print_view_modified_date")),
    # -- pages2/ (71 of 112 when first run, unseen by the page reader, at 37b1d8f) --------------
    *((("ar03_old_tables_cms_2012_irrigation", f) for f in ("title", "published", "category", "author", P))),  # tables, no metadata
    ("ar05_nextjs_economy_inflation", "author"),                   # two declared authors joined with "،", printed with "و"
    ("ar10_morocco_sports_nometa_coach", "published"), ("ar10_morocco_sports_nometa_coach", "author"),   # byline, date, counts in one line
    ("en05_ghost_investigative_groundwater", "category"),          # the section and a "Featured" badge on one line
    *((stem, P) for stem in ("ar02_wp_newspaper_theme_football", "ar09_lebanon_opinion_indic_digits")),   # a score box; a bio
    # -- layouts5/ (108 of 168 when first run, unseen, at 56d1606: 70 of 112 on the texts, 38 of 56 on
    # the pages; 65 at 3ede628) ---------------------------------------------------------------------
    ("ar01_eg_kicker_pagetitle_12h_readalso", "dek"),                  # a ticker's second headline under a lone "عاجل"
    ("ar24_ke_spa_no_head_meta_eat_relative_update", "category"),     # the section a link alone on its line
    *((stem, P) for stem in (                                          # captions, embeds, read-also cards, <br> paragraphs
        "ar01_eg_kicker_pagetitle_12h_readalso", "ar03_iq_levantine_month_indic_digits_dek",
        "ar06_ps_gmt3_12h_slashdate_readalso_sub", "ar09_uk_bst_two_authors_published_updated",
        "ar11_ng_naive_pm_also_read_caps_comments", "ar19_ye_php_tables_cp1256_hijri_br_paragraphs", "ar23_sn_fr_og_times_chapeau_two_authors_et",
        "ar03_bh_date_in_byline_single_newlines_most_read")),      # (a subheading on a single line: a paragraph, the gold set's rule)
    # -- layouts6/ (104 of 168 when first run, unseen, at dfa97a2; 77 at 3ede628) -------------------
    ("ar11_algeria_juin_month_hijri_initials_cp1256", "source"),      # "يومية صوت الأوراس": the word "daily" kept
    ("ar04_qatar_bom_header_today_date_hijri_doha_time", "author"), ("ar13_palestine_wafa_inline_dateline_iso_seconds", "author"),
    ("ar06_syria_levantine_month_sana_dateline_cp1256", "author"),   # the agency in the first sentence's dateline, or "حمص-سانا" kept whole
    ("ar09_sudan_relative_plus_pm_place_dash_name", "author"),        # "بورتسودان – عثمان عبد الرحيم": a place and a name
    ("ar12_mauritania_tab_indent_two_authors_dateline", "author"),    # "تغطية: A و B" on the dateline's line
    ("ar16_kuwait_economy_ticker_hijri_name_role", "author"),         # a name over its role under a market ticker
    ("tr20_turkey_update_before_giris_spot_muhabir", "category"),
    ("ar23_yemen_legacy_tables_no_meta_charset_mismatch", "title"),   # a headline in <font>
    *((stem, P) for stem in (
        "ar01_saudi_hijri_first_vertical_menu_cp1256",
        "ar03_uae_updated_before_published_gmt4_wam", "ar06_syria_levantine_month_sana_dateline_cp1256",
        "ar10_libya_feature_idad_dotted_date_subheads",
        "ar12_mauritania_tab_indent_two_authors_dateline", "ar13_palestine_wafa_inline_dateline_iso_seconds",
        "ar16_kuwait_economy_ticker_hijri_name_role",
        "ar22_bahrain_aspnet_partial_og_br_paragraphs_dek_h2")),
    # -- layouts7/ (119 of 168 at 714f497; 123 when first run, unseen, at dc5174c) ------------------
    # bylines kept as printed, as the gold set keeps them ("الرياض – واس", "متابعة - X", "بورتسودان: X"),
    # where the set cuts the place or the label
    ("01_sa_riyadh_trees_wire_hijri", "author"), ("12_om_sur_desalination_bom_indic_12h", "author"),
    ("14_sd_portsudan_wheat_tab_indented", "author"),
    ("06_iq_rasheed_street_indic_digits", "author"), ("06_iq_rasheed_street_indic_digits", "dek"),   # "بغداد – name" under the date
    ("04_dz_wildfires_juillet", "dek"), ("08_lb_architect_interview_q_and_a", "dek"),   # a standfirst under the date and byline
    *((stem, P) for stem in (       # subheadings as far apart as paragraphs (a paragraph by the gold set's rule),
        "01_sa_riyadh_trees_wire_hijri", "03_ma_water_opinion_ghusht", "04_dz_wildfires_juillet",   # captions
        "06_iq_rasheed_street_indic_digits", "07_sy_pistachio_relative_time_only",             # credited "- (واس)",
        "08_lb_architect_interview_q_and_a", "13_ye_aden_liquidity_hijri",                      # a standfirst or a
        "14_sd_portsudan_wheat_tab_indented", "20_fr_saint_nazaire_bridge_par_et",              # dateline under the date
        "24_ly_ghadames_festival_br_body",
        # (a subheading between paragraphs on single lines, a paragraph by the gold set's rule in session 23)
        "02_eg_giza_road_cp1256_crlf")),
    # -- layouts8/ (114 of 168 at 714f497; 122 when first run, unseen, at 6f36767) ------------------
    ("02_kuwait_cp1256_crlf_single_newlines", "source"),             # "جريدة الصباحية": the set drops the press word
    ("22_tunisia_wp_partial_meta_bold_subhead", "author"),            # "إعداد name" with no colon kept whole
    ("23_yemen_php_tables_cp1256_br_body", "author"),                 # the byline in a table cell with the date
    ("18_markdown_html2text_wrapped_libya", P),                       # a caption credited to the site after a dash
    # -- layouts9/ (116 of 168 at 714f497; 130 when first run, unseen, at 33a3b7c) ------------------
    ("03_lebanon_fuel_prices_plain_cp1256", "source"), ("05_iraq_news_agency_parliament", "source"),   # "X - بيروت", "X - برنا"
    ("05_iraq_news_agency_parliament", "author"),                     # the byline under a read count, over a caption
    ("11_jordan_opinion_column_sidewalks", "title"),                  # a writer's box (name, bio) above the headline
    ("13_kuwait_daily_roads_plain", "source"),                        # the paper's name only in the footer's address
    *((("22_wire_feed_indonesia_volcano", f) for f in ("title", "published", "author", "dek"))),   # a wire's field header
    *((stem, P) for stem in (                                          # a read count over the byline, a stats box,
        "05_iraq_news_agency_parliament", "09_saudi_sports_league_comeback", "10_qatar_economy_portal_bourse",   # a table
        "12_tunisia_municipality_cleaning_campaign",                                                            # of gainers,
        "22_wire_feed_indonesia_volcano")),                                                                    # contacts
    # -- layouts10/ (131 of 168 at 714f497; 144 when first run, unseen, at 1a7ee29: listed, not tuned on) --
    ("01_saudi_daily_cycling_path", P),                               # a contact line after the copyright (a text's line in the gold set)
    ("06_qatari_sports_portal_rich", "source"),   # a brand over its tagline (04_bahraini_daily_indented's right since session 29)
    ("05_omani_tv_rich_utf16", "category"),                           # a trail among menus
    ("11_moroccan_opinion_column", "dek"),                            # the writer's affiliation under the byline
    ("12_jordanian_daily_short_line", "category"),                    # "عمّان - الأردن": a place over the headline
    # -- layouts11/ (126 of 168 at a381a39; 128 when first run, unseen, at 18a6f42) ---------------------
    ("03_lb_daily_opinion_levantine", P),          # a writer's "* " note under the text: a paragraph by the gold set's rule
    ("14_sa_tv_makkah_time_afp_byline", P),        # a caption credited "(أ ف ب)": a short credited paragraph in SaudiNewsNet's texts
    ("16_en_wire_reuters_dateline", "source"),     # the agency's name alone among its menu's items
    # -- layouts13/ (115 of 168 at a381a39; 120 when first run, unseen, at 63ef840) ---------------------
    # (02_libya_fezzan_cp1256_crlf's place–outlet credit under the date, over a caption, right since session 29)
    ("13_pdf_to_text_newspaper_page_wrapped", P),   # a PDF's page: its running heads and wrapped lines (its byline and standfirst
    # right since session 26)
    *((("14_aggregator_saved_card", f) for f in ("title", "category", "source", "author", P))),   # an aggregator's card: the outlet over its time
    ("15_podcast_episode_show_notes", P),          # a podcast's show notes: the player and the episode list
    *((("21_export_email_newsletter_polish", f) for f in ("title", "category", P))),   # a newsletter's subject and its in-brief box
    # -- layouts14/ (139 of 168 at fb17db7; 140 when first run, unseen, at f757b59) ---------------------
    ("08_qa_sport_scorebox_gmt3_stats", P),        # a match's score box and statistics: a text's lines by the gold set's rule
    ("11_iq_krd_arabic_subheads_langbar", P), ("15_panarab_econ_subheads_ticker_gmt4", P),   # subheadings as far apart
    # as the paragraphs: paragraphs by the gold set's rule (SaudiNewsNet's texts have such lines)
    # -- layouts15/ (132 of 168 at fb17db7; 137 when first run, unseen, at f757b59) ---------------------
    ("01_wire_agency_dateline_lead_endcode_date_above", P),   # "(انتهى)" and the wire's code line: kept as SaudiNewsNet's are
    ("03_sports_score_box_subheadings_pm_clock", P),   # a score box; subheadings as far apart as the paragraphs
    ("05_economy_stock_ticker_date_above_table_byline_after", P),   # a table's rows inside the text
    ("10_uae_gov_portal_breadcrumb_subheadings_pub_and_updated", P),   # subheadings as far apart as the paragraphs
    *((("21_epaper_ocr_de_hyphenated_linebreaks_two_line_headline", f) for f in ("title", "category", "source", P))),
    # (an e-paper's OCR: its page header, a headline over two lines, an ad block)
    ("24_html_old_table_portal_cp1256_untitled_head", P),   # trafilatura's text of a layout table takes its cells
    # -- layouts16/ (144 of 168 at fb17db7; 148 when first run, unseen, at f757b59) ---------------------
    *((("04_ar_scraper_dump_leading_blanks_one_line_per_para_cp1256_crlf", f) for f in ("title", P))),   # blank lines first:
    # no headline, as the gold set has the Arabic Newspapers Corpus's files
    ("11_ar_bulleted_list_in_body_utf8_crlf", P),   # a list under its line is one block, as the gold set's BBC files count them
    *((("14_ar_print_version_url_nbsp_indent_author_after", f) for f in ("category", "source"))),   # the site's name alone
    # under a print view's URL, taken for the section
    *((("19_en_press_release_for_immediate_release_letterhead", f) for f in ("dek", P))),   # a standfirst apart from the
    # headline by a blank line: the first paragraph, as the gold set's BBC files have it
    ("20_en_substack_like_newsletter_subtitle_subheads", P), ("21_fr_regional_paper_chapo_publie_mis_a_jour_intertitre", P),
    # (subheadings as far apart as the paragraphs)
    # -- layouts17/ (143 of 168 at fb17db7; 144 when first run, unseen, at 0ce47bd) ---------------------
    ("01_pan_arab_channel_breadcrumb_dek_wide_gap_subheads_makkah_tz", P),   # a caption closed by "- صورة أرشيفية (…)"
    *((("12_iq_satellite_channel_saved_html_views_counter_figcaption", f) for f in ("source", "author"))),   # og:site_name
    # "النهرين" over the printed name; the declared author a place
    ("15_ly_site_cp1256_crlf_lynx_dump_hard_wrapped", "author"),   # "place - name" under the date past a blank line: a
    # text's first line in the gold set's layouts
    ("16_sy_opposition_site_markdown_export_star_subheads_question_para", P),   # subheadings as far apart as the paragraphs
    ("20_live_updates_gmt_timestamped_entries_newest_first", P),   # a live page's "عاجل" label alone among its entries
    ("22_en_pk_daily_lynx_dump_wrapped_author_link_published_updated", P),   # a lynx dump's share links, tags and references
    # -- layouts18/ (114 of 161 at fb17db7; 115 when first run, unseen, at 0ce47bd) ---------------------
    *((("01_browser_saveastext_menus_runon_cat", f) for f in ("title", "published", "category", "author", "dek", P))),
    # (a browser's "save as text": the masthead, menus and the headline run together on one long line)
    ("02_reader_mode_copy_domain_readtime", P),   # a subheading in quotes as far apart as the paragraphs
    ("03_telegram_channel_export_views", "published"),   # the post's time on its views line ("👁 24.6K 12:47")
    *((("05_aggregator_app_shared_via_indic_date", f) for f in ("category", "source", "author"))),   # "outlet | section |
    # date": the outlet taken for a byline
    ("06_email_newsletter_headers_wrapped72_crlf", "dek"),   # an e-mail's wrapped lines run into its links (its paragraphs right since session 26)
    ("14_ar_economic_chamber_saved_html_gmt4_lead", "author"),   # "إعداد X" kept whole, as the gold set keeps "إعداد - X"
    ("21_fr_quebec_hne_zone_published_updated_crlf", P),   # a subheading as far apart as the paragraphs
    *((("22_es_colombia_lynx_dump_wrapped_refs_cp1252", f) for f in ("dek", P))),   # a lynx dump's wrapped standfirst and
    # caption
    # -- layouts19/ (138 of 168 at fb17db7; 138 when first run, unseen, at 0ce47bd) ---------------------
    *((("10_ar_cp1256_crlf_leading_blank_lines", f) for f in ("title", P))),   # blank lines first: no headline, as the gold
    # set has the Arabic Newspapers Corpus's files
    *((("15_ar_hard_wrapped_underlined_headline_byline_after", f) for f in ("author", P))),   # a byline under "--" at the end
    ("22_de_regional_site_dachzeile_von_aktualisiert_bom", P), ("23_es_site_breadcrumb_subtitle_por_dateline_cest_crlf", P),
    # (subheadings as far apart as the paragraphs)
    # -- layouts20/ (115 of 168 at fb17db7; 119 when first run, unseen, at 05fc41f): none ---------------
    # -- layouts21/ (156 of 168 at fb17db7; 156 when first run, unseen, at 05fc41f): none ---------------
    # -- layouts22/ (142 of 168 at fb17db7; 143 when first run, unseen, at 6ab1310) ---------------------
    ("09_lb_site_updated_date_wrapped_lines_editor_note", P),   # an editor's note in brackets over wrapped lines
    ("11_sa_econ_bulletin_index_ticker_makkah_time", P),   # "تنويه: …", a disclaimer's label that also heads corrections
    ("12_sy_weather_page_indic_widget_subheadings", P),   # subheadings as far apart as the paragraphs
    ("23_es_daily_saved_html_cet_actualizado", "category"),   # the trail's last item on a web page ("Comunitat Valenciana")
    ("24_at_daily_jaenner_von_byline_bom_crlf", P),   # "Kommentare (31) – Bitte beachten Sie …" under the text
    # -- layouts23/ (146 of 168 at fb17db7; 157 when first run, unseen, at 3e1c2ca) ---------------------
    ("23_layoutF_text_browser_dump_wrapped_iso_date", P),   # a lynx dump's tags line and "References" past its links
    # -- layouts24/ (146 of 168 at fb17db7; 150 when first run, unseen, at 3e1c2ca) ---------------------
    ("10_sports_daily_byline_after", P), ("16_en_business_utc_standfirst", P), ("22_fr_maghreb_daily_nbsp", P),
    # (subheadings as far apart as the paragraphs)
    ("11_sports_daily_byline_after", "category"),   # "صحيفة الملعب | الرياضة السعودية والعالمية": a tagline taken for the section
    ("18_en_business_utc_standfirst", "author"),   # "By Amira Haddad, Reuters": the outlet after the comma cut off
    # -- layouts25/ (148 of 168 at fb17db7; 163 when first run, unseen, at 7766b38): none ---------------
    # -- layouts26/ (152 of 168 at fb17db7; 152 when first run, unseen, at d39d293) ---------------------
    *((stem, P) for stem in ("01_ar_portal_boilerplate_wire_firstline_link_last", "03_ar_portal_boilerplate_contact_line_no_category",
                             "04_ar_portal_boilerplate_news_link_no_author")),
    # (an outlet's "رابط الخبر …" and "للتواصل …" closing its text: furniture here, kept as lines of a dataset's text
    # by the set's writer; the gold set chose no article with them)
    *((("09_ar_agency_title_prefix_indic_makkah_time", f) for f in ("author", P))),   # "واس (جدة)" under the date
    ("23_ar_egypt_portal_utf16_subheading_updated", P),   # a subheading as far apart as the paragraphs
    # -- layouts27/ (118 of 168 when first run, unseen, at 3451588, session 26's start) ------------------
    ("10_pdf_page", P), ("12_pdf_page", P),   # a paragraph that runs on over a PDF's page break is read as two
    ("12_pdf_page", "author"),   # a byline with its place in brackets under a PDF page's standfirst, over wrapped text
    ("17_portal_authorbox", P),   # a subheading (<h3>) under a "read also" box read as a paragraph
    # -- layouts28/ (130 of 168 when first run, unseen, at 3451588) -------------------------------------
    *((stem, P) for stem in ("04_sudan_nilein", "12_urdu_awaz", "14_us_krvl", "19_fr_courrier", "23_id_kabarnusa")),
    # (subheadings as far apart as the paragraphs; a caption in brackets; a blog's call for guest posts)
    # -- layouts29/ (102 of 168 when first run, unseen, at 3451588) -------------------------------------
    ("07_plain_archive_ar_indic_digits", P), ("24_clipping_digest_en", P),   # subheadings as far apart as the paragraphs
    ("11_wire_daily_en_cp1252", P),   # a hard-wrapped line that opens with a figure ("25-year …") taken for a new paragraph
    ("11_wire_daily_en_cp1252", "category"),   # a wire's category in its slug line ("BUSINESS/ENERGY-SOLAR")
    *(("23_clipping_portal_en", f) for f in ("title", "published", "category", "author")),
    # (a media-monitoring portal's page: the digest's heading over the clip's own table of fields)
    # -- layouts30/ (101 of 168 when first run, unseen, at 189a4b5) -------------------------------------
    ("02_gcache", P), ("21_mdclip", P),   # a subheading as far apart as the paragraphs; the clip's italic standfirst again
    *((f"0{n}_screenreader", f) for n in (5, 6, 7, 8) for f in ("title", "published", "author", P)),
    *((f"0{n}_screenreader", "category") for n in (5, 6, 7)),
    # (a screen reader's transcript, a role word on every line, "رابط …", "عنوان  مستوى 1 …": not read)
    ("09_printfriendly", "source"),   # a print view whose headline is the page title's first part, the site's after it
    ("14_hashtags", "category"),   # an opinion page's section given only as a hashtag in the tags line
    ("19_wordpress", "author"),   # "واشنطن - د ب أ، رويترز": the page's declared author cut at the dash, the printed one not found
    ("22_mdclip", "dek"), ("22_mdclip", P),   # a clip with no standfirst whose first paragraph is in italics
    # -- layouts31/ (158 of 168 when first run, unseen, at 512dda0) -------------------------------------
    *((stem, P) for stem in ("02_kuwait_majlis", "06_kurd_hiwa", "12_nablus_local", "19_souss_regional_fr", "23_leb_eco_weekly")),
    # (subheadings as far apart as the paragraphs)
    # -- layouts32/ (111 of 168 when first run, unseen, at 512dda0) -------------------------------------
    *((stem, "title") for stem in ("05_fr_regional", "07_fr_regional", "08_fr_regional")),
    # (a French no-break space before the colon kept as printed; the set's expected title has a space)
    *((stem, P) for stem in ("02_uk_print", "07_fr_regional", "10_es_diario", "12_es_diario", "16_in_portal", "18_de_bom",
                             "21_us_ap_aggr", "23_us_ap_aggr", "24_us_ap_aggr")),
    # (subheadings as far apart as the paragraphs, AP's capitals among them; a sports page's link bar)
    ("16_in_portal", "author"),   # "Written by Rohit Menon | Kolkata | Published: …": a byline in a row of the page's fields
    ("22_us_ap_aggr", "category"),   # the section "U.S." (an abbreviation with its full stops) over the headline
    # -- layouts33/ (79 of 168 when first run, unseen, at cda6729 (79 at 3451588)) -----------------
    # (03_iconviews's standfirst over the byline, once taken for the text, right since session 29)
    # (Joomla's <h2> headline with a trail holding the headline in quotes, its 'article-info' fields)
    ("05_joomla", "dek"), ("06_joomla", "title"), ("06_joomla", "author"), ("06_joomla", P),
    ("07_joomla", "published"), ("07_joomla", "category"), ("07_joomla", "dek"),
    ("07_joomla", P), ("08_joomla", "author"),
    # (the section printed after the text ('القسم: … | عدد القراءات: …'), a subheading)
    ("09_sectionafter", "category"), ("09_sectionafter", P), ("10_sectionafter", "category"), ("10_sectionafter", P),
    ("11_sectionafter", "category"), ("11_sectionafter", P), ("12_sectionafter", "category"), ("12_sectionafter", P),
    # (a standfirst printed as the text's first line in a page of labels in two languages; subheadings)
    ("13_bilingual", P), ("14_bilingual", P), ("15_bilingual", "dek"), ("15_bilingual", P), ("16_bilingual", P),
    # (an RSS reader's view: its list of the feed's headlines over the labelled fields)
    ("17_rssreader", "title"), ("17_rssreader", "published"), ("17_rssreader", "category"),
    ("17_rssreader", "source"), ("17_rssreader", "author"), ("17_rssreader", P), ("18_rssreader", "title"),
    ("18_rssreader", "published"), ("18_rssreader", "category"), ("18_rssreader", "source"),
    ("18_rssreader", "author"), ("18_rssreader", P), ("19_rssreader", "title"), ("19_rssreader", "published"),
    ("19_rssreader", "category"), ("19_rssreader", "source"), ("19_rssreader", P), ("20_rssreader", "title"),
    ("20_rssreader", "published"), ("20_rssreader", "source"), ("20_rssreader", "author"), ("20_rssreader", P),
    # (a blog whose site name is only in its header's title, subheadings in <b>)
    ("21_blogger", "source"), ("21_blogger", P), ("22_blogger", "source"), ("22_blogger", P),
    ("23_blogger", "source"), ("24_blogger", "source"), ("24_blogger", P),
    # -- layouts34/ (115 of 168 when first run, unseen, at cda6729 (111 at 3451588)) ---------------
    # (a subheading as far apart as the paragraphs)
    ("02_fields_ar_cp1256_crlf", P),
    # (an e-mail's MIME headers, encoded, over the newsletter; its subheadings; a byline in the newsletter's own masthead)
    ("05_newsletter_mime_utf8", "title"), ("05_newsletter_mime_utf8", "published"),
    ("05_newsletter_mime_utf8", "category"), ("05_newsletter_mime_utf8", "source"),
    ("05_newsletter_mime_utf8", "author"), ("05_newsletter_mime_utf8", "dek"), ("05_newsletter_mime_utf8", P),
    ("06_newsletter_saved_cp1256_crlf", P), ("07_newsletter_text_utf8", P), ("08_newsletter_text_utf8bom_crlf", "author"),
    # (a printed page's OCR: the paper's name and issue in a column header, lines wrapped mid-sentence)
    ("09_ocr_paper_utf8", "category"), ("09_ocr_paper_utf8", "source"), ("09_ocr_paper_utf8", P),
    ("10_ocr_paper_cp1256_crlf", "author"),
    ("10_ocr_paper_cp1256_crlf", "dek"), ("10_ocr_paper_cp1256_crlf", P), ("11_ocr_paper_utf16", "category"),
    ("11_ocr_paper_utf16", "source"), ("11_ocr_paper_utf16", P), ("12_ocr_column_utf8bom", "category"),
    ("12_ocr_column_utf8bom", "source"), ("12_ocr_column_utf8bom", P),
    # (a Telegram channel's post: the channel's name and date line, views and forwards)
    ("13_telegram_tme_page", "title"), ("13_telegram_tme_page", "source"), ("13_telegram_tme_page", "author"),
    ("13_telegram_tme_page", P), ("14_telegram_desktop_copy", "source"), ("14_telegram_desktop_copy", P),
    ("15_telegram_archive_utf8bom_crlf", "title"), ("15_telegram_archive_utf8bom_crlf", "source"),
    ("15_telegram_archive_utf8bom_crlf", P), ("16_telegram_script_dump", "source"),
    ("16_telegram_script_dump", "author"),
    # (a Facebook page's post: a relative time, the link card repeating the headline, reactions)
    ("17_facebook_relative_utf8", "title"), ("17_facebook_relative_utf8", "author"),
    ("17_facebook_relative_utf8", P), ("18_facebook_fulldate_utf8bom", P), ("19_facebook_yesterday_utf16", "title"),
    ("19_facebook_yesterday_utf16", "author"), ("19_facebook_yesterday_utf16", P),
    ("20_facebook_fulldate_utf8", "title"), ("20_facebook_fulldate_utf8", P),
    # (a dataset's row between '---' with English keys and the body on the following lines)
    ("22_dataset_row_en_cp1252_crlf", P), ("23_dataset_row_ar_cp1256_crlf", P), ("24_dataset_row_en_utf16", P),
    # -- layouts35/ (119 of 168 when first run, unseen, at 616ee0a (119 at 3451588)) --------
    # (a Drupal page's section and author fields in their own elements beside a menu of sections)
    ("01_panarab_drupal_issue", "category"), ("01_panarab_drupal_issue", "author"),
    ("02_panarab_drupal_issue", "category"), ("02_panarab_drupal_issue", "author"),
    ("03_panarab_drupal_issue", "author"), ("04_panarab_drupal_issue", "category"),
    # (a mobile page's weather and prayer-times lines over its section label, headline and Hijri date)
    ("05_saudi_regional_mobile_cp1256", "title"), ("05_saudi_regional_mobile_cp1256", "published"),
    ("05_saudi_regional_mobile_cp1256", "category"), ("05_saudi_regional_mobile_cp1256", "dek"),
    ("06_saudi_regional_mobile_cp1256", "title"), ("06_saudi_regional_mobile_cp1256", "published"),
    ("06_saudi_regional_mobile_cp1256", "category"), ("06_saudi_regional_mobile_cp1256", "dek"),
    ("07_saudi_regional_mobile_cp1256", "title"), ("07_saudi_regional_mobile_cp1256", "published"),
    ("07_saudi_regional_mobile_cp1256", "dek"), ("08_saudi_regional_mobile_cp1256", "title"),
    ("08_saudi_regional_mobile_cp1256", "published"), ("08_saudi_regional_mobile_cp1256", "category"),
    ("08_saudi_regional_mobile_cp1256", "author"), ("08_saudi_regional_mobile_cp1256", "dek"),
    # (body lines one newline apart under an updated-then-published pair of dates; an author after its label)
    ("09_egyptian_portal_utf16", P), ("10_egyptian_portal_utf16", P), ("11_egyptian_portal_utf16", P),
    ("12_egyptian_portal_utf16", "author"),
    # ('نُشر: 2015-07-26 الساعة 15:44 (توقيت غرينتش +3)': a zone written as an offset in words; a newsletter box)
    ("13_gulf_business_cp1256", "published"), ("13_gulf_business_cp1256", P),
    ("14_gulf_business_cp1256", "published"), ("14_gulf_business_cp1256", P),
    ("15_gulf_business_cp1256", "published"), ("15_gulf_business_cp1256", P),
    ("16_gulf_business_cp1256", "published"), ("16_gulf_business_cp1256", "author"), ("16_gulf_business_cp1256", P),
    # (a live-score strip's teams and kick-off time over a bracketed section and the reporter's label)
    ("17_sports_livescore", "source"), ("17_sports_livescore", "author"), ("18_sports_livescore", "title"),
    ("18_sports_livescore", "category"), ("18_sports_livescore", "source"), ("18_sports_livescore", "author"),
    ("19_sports_livescore", "source"), ("19_sports_livescore", "author"), ("20_sports_livescore", "source"),
    # (a wire's dateline, end mark and clock counted as paragraphs by the set (the dataset's text))
    ("21_gov_agency_wire", P), ("22_gov_agency_wire", P), ("23_gov_agency_wire", P), ("24_gov_agency_wire", P),
    # -- layouts36/ (134 of 168 when first run, unseen, at 616ee0a (133 at 3451588)) --------
    # (a byline with its photographer's credit ('… - تصوير- …') cut at the role)
    ("01_drupal", "author"),
    # (a WebForms portal's masthead with the day's Hijri date; its editor in a label span)
    ("05_aspnet", "source"), ("06_aspnet", "title"), ("06_aspnet", "source"), ("07_aspnet", "source"),
    ("08_aspnet", "source"), ("08_aspnet", "author"),
    # (an author given only in JSON-LD and the page's data blob)
    ("09_nextjs", "author"), ("10_nextjs", "author"), ("12_nextjs", "author"),
    # (a 2000s table layout: its section bar and byline in <FONT> cells, its marquee)
    ("13_table2000", "category"), ("13_table2000", "author"), ("13_table2000", P), ("14_table2000", "title"),
    ("14_table2000", "category"), ("14_table2000", P), ("15_table2000", "category"), ("15_table2000", P),
    ("16_table2000", "category"), ("16_table2000", P),
    # (a byline after an emoji on a mobile page)
    ("17_mobile", "author"), ("18_mobile", "author"), ("19_mobile", "author"), ("20_mobile", "author"),
    # (microdata's articleSection and author (itemprop) not read)
    ("21_microdata", "category"), ("22_microdata", "category"), ("23_microdata", "author"),
    ("24_microdata", "category"),
    # -- layouts37/ (226 of 266 when first run, unseen, at 78c658d) --------
    # (a Persian agency's lead under the headline past a blank line, unpunctuated, the text under it: the first
    # paragraph, as the gold set has a standfirst set apart so in a plain text)
    ("19_fa_agency_solar_hijri", "dek"), ("19_fa_agency_solar_hijri", P), ("21_fa_agency_solar_hijri", "dek"),
    ("21_fa_agency_solar_hijri", P), ("23_fa_agency_solar_hijri", "dek"), ("23_fa_agency_solar_hijri", P),
    # -- layouts38/ (190 of 273 when first run, unseen, at 1c605fe: one article crashed on "رَمضان") --------
    ("09_panarab_daily_time_first_hijri", P),   # one tag alone under the text ("الرواية العربية"): a short line as far apart as
    # the paragraphs is one, by the gold set's rule (two or more under a byline are tags)
    ("29_fr_daily_publie_mis_a_jour", "category"),   # "Planète" right under a menu of sections one a line, no blank line
    # between and named after none of them: the menu's last item
    ("39_jo_reader_view_iso_zone", "category"), ("39_jo_reader_view_iso_zone", "source"),   # a reader view's export: the
    # site's name, "الغد الأردني", alone over the headline, read as its section (a section's name stands there in the gold
    # set's L4 pages)
}


def _got(path: Path) -> dict:
    r = extract_bytes(path.read_bytes(), rel_path=path.name, options=ExtractOptions())
    return {"title": r.title, "published": r.published.isoformat() if r.published else None, "category": r.category,
            "source": r.source, "author": r.author, "dek": r.dek, "paragraphs_count": len(r.paragraphs)}


def _same(field: str, got, expected) -> bool:
    if field == "published" and expected:
        expected = expected.replace("Z", "+00:00")       # (aware when the page gives a zone, else naive)
    return got == expected


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_each_layout_gives_the_expected_metadata_but_the_known_misses(path):
    expected = json.loads(path.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
    got = _got(path)
    misses = {(path.stem, f) for f in FIELDS if not _same(f, got[f], expected[f])}
    new = misses - KNOWN_MISSES
    assert not new, {f: (expected[f], got[f]) for _, f in new}


def test_the_layouts_score():
    """The share of fields right over all the pages: all but the misses above. When this test was
    last written (session 25): layouts/ 248 of 252, layouts2/ 161 of 168, layouts3/ 159 of 168,
    layouts4/ 152 of 168, pages2/ 101 of 112, layouts5/ 159 of 168, layouts6/ 150 of 168, layouts7/ 150
    of 168, layouts8/ 164 of 168, layouts9/ 154 of 168, layouts10/ 162 of 168, layouts11/ 165 of 168, layouts12/ 168 of 168,
    layouts13/ 154 of 168, layouts14/ 165 of 168, layouts15/ 159 of 168, layouts16/ 159 of 168, layouts17/ 161 of
    168, layouts18/ 144 of 161, layouts19/ 162 of 168, layouts20/ 168 of 168, layouts21/ 168 of 168, layouts22/ 163 of
    168, layouts23/ 167 of 168, layouts24/ 163 of 168, layouts25/ 168
    of 168, layouts26/ 162 of 168; in session 26 layouts18/ 145 of 161, layouts27/ 163, layouts28/ 163, layouts29/ 160,
    layouts30/ 142, layouts31/ 163, layouts32/ 154, layouts33/ 113, layouts34/ 122, layouts35/ 120 and layouts36/ 140
    of 168. When each
    set was first run, unseen by the rules: layouts/ 168 (8b59ab5; 121 at f705806), layouts2/ 113
    (cae32ba; 60 at f705806), layouts3/ 115 and layouts4/ 77 (3ede628), pages2/ 71 (37b1d8f, before
    the page reader was tuned on it), layouts5/ 108 (56d1606, after all the others; 65 at 3ede628),
    layouts6/ 104 (dfa97a2, after layouts5/'s rules; 77 at 3ede628), layouts7/ 123 (dc5174c, after
    layouts6/'s rules; 119 at 714f497), layouts8/ 122 (6f36767, after layouts7/'s rules; 114 at
    714f497), layouts9/ 130 (33a3b7c, after layouts8/'s rules; 116 at 714f497), layouts10/ 144 (1a7ee29, after all
    of them; 131 at 714f497), layouts11/ 128 (18a6f42, after layouts10/'s rules in session 24; 126 at a381a39),
    layouts12/ 118 (7dda8ee, after layouts11/'s rules; 110 at a381a39), layouts13/ 120 (63ef840, after
    layouts12/'s rules; 115 at a381a39), layouts14/ 140, layouts15/ 137 and layouts16/ 148 (f757b59, in
    session 25, after all of session 24's rules; 139, 132 and 144 at fb17db7), layouts17/ 144, layouts18/ 115
    of 161 and layouts19/ 138 (0ce47bd, after layouts14-16's rules; 143, 114 and 138 at fb17db7), layouts20/ 119
    and layouts21/ 156 (05fc41f, after layouts17-19's rules; 115 and 156 at fb17db7), layouts22/ 143 (6ab1310; 142
    at fb17db7), layouts23/ 157 and layouts24/ 150 (3e1c2ca, after layouts20-22's rules; 146 and 146 at fb17db7), layouts25/ 163
    (7766b38) and layouts26/ 152 (d39d293), after layouts23-24's rules (148 and 152 at fb17db7); in session 26,
    layouts27/ 118, layouts28/ 130 and layouts29/ 102 (3451588, the session's start), layouts30/ 101 (189a4b5),
    layouts31/ 158 and layouts32/ 111 (512dda0), after layouts27-29's rules (98, 157 and 111 at 3451588), layouts33/
    79 and layouts34/ 115 (cda6729), after layouts30-32's rules (79 and 111 at 3451588), layouts35/ 119 and layouts36/
    134 (616ee0a), after all the others (119 and 133 at 3451588); in session 28, layouts37/ 226 of 266 when first run
    (78c658d: 168 of 196 on its first 28 files; the next four, a pair on one line with the update first, added after
    that first measure, 24 of 28 there; the last six, the same pair in six languages, 34 of 42 at 78c658d and at
    d7db8e9), 260 now; in session 29, layouts38/ 190 of 273 when first run (1c605fe, one article crashing on a month
    written with its vowel marks), 269 now, and the older sets 6062 of 6503 at 1c605fe, 6070 now (layouts6/ 151,
    layouts10/ 163, layouts13/ 158, layouts33/ 117)."""
    assert len(PATHS) == 968
    right = sum(_same(f, g[f], e[f]) for p in PATHS
                for g, e in [(_got(p), json.loads(p.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8")))]
                for f in FIELDS)
    assert right >= len(PATHS) * len(FIELDS) - len(KNOWN_MISSES)
