"""Text -> Extraction: line classification, header/body/footer analysis.

The pipeline (all regexes precompiled, one pass over the lines plus a few
local look-ups):

1. every line gets a *kind* from data-driven rules (rules.py): blank, nav,
   crumb, share, readalso, boiler, label, date, site or text;
2. the header is the run of lines from the top up to the last metadata landmark
   (nav, breadcrumb, date, site name, "Label: value", repeated headline) seen
   before the first prose paragraph;
3. header lines give title / byline / category / source / date; a headline
   repeated in the header marks the title (the first occurrence);
4. the body is everything after the header minus boilerplate; metadata lines
   after the last paragraph (credit line, "Label: value" block, copyright) are
   consumed as fields; hard-wrapped lines are re-joined; short unpunctuated
   lines set apart from the paragraphs by a wider gap are subheadings.

A field the text does not give stays None.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from fnmatch import fnmatchcase
from functools import lru_cache
from zoneinfo import ZoneInfo

from .dates import HIJRI_CONVERTED, TEXT_READ, WEEKDAY_RE, DateHit, compact_date, find_dates, leading_time, time_of
from .markup import FRONT_MATTER, converted, is_heading, lynx_dump, unmark
from .decode import decode
from .errors import ExtractError
from .model import Extraction
from .options import ExtractOptions, Profile
from .rules import DEFAULT_RULES, LANGUAGES, RuleSet, compile_rules
from .text import STRIP, char_refs, clean, fold, fold_pattern, is_blank_text, nfc, squash

__all__ = ["extract_bytes", "extract_text", "ArticleParts"]

TERMINAL = frozenset(".!?؟…。")
_END_PUNCT = re.compile(r"[.!?؟…:;؛،,\"”»)\]'’]\s*$")
_SENT_END = re.compile(r"[.!?؟…]['\"”»)\]’]*\s*$")
_LIST_MARK = re.compile(r"^\s*(?:[-*•·▪●◦>]|\d{1,3}\s*[-.)](?!\d)|[(\[]\d{1,3}[)\]])\s*")     # (not "1.62 million")
_SEP_SPLIT = re.compile(r"\s*(?:\||•|·|∙|»|›|\s{3,})\s*")
_DASH_SPLIT = re.compile(r"\s+[-–—]\s+")
_PIPE_SPLIT = re.compile(r"\s*(?:\||::|\s{3,})\s*")
_BYLINE_SEP = re.compile(r"\s*(?:\||::|[•·]|\s{3,})\s*")
_CRUMB_SPLIT = re.compile(r"\s*(?:»|>|›|/|\\|«|<|‹|→|←|⟵|⟶|◂|▸|◄|►|⇐|⇒|::)\s*")
_CRUMB_ONLY = re.compile(r"\s*(?:»|›|\s>\s|\s[←→]\s)\s*")
_HEADLINE_PUNCT = re.compile(r"\.\.|[؟?!…]")     # a site name never has these; a headline may
_BY_RE = re.compile(fold_pattern(r"^((?:story |written |reported |text |words )?by|par|por|von|door|ni|na|oleh|di|מאת|بقلم"
                                  r"|(?:كتب|كتبت|مرسلة|مرسل|نشر|نشرت|أضيف|اضيف) بواسطة|كتب|كتبت|بواسطة|الكاتب|الكاتبة|المحرر|المحررة)"
                                  r"(?:\s*[/\-–—ـ:：]\s*|\s+)([^:：|]{2,80})$"), re.IGNORECASE)     # (on the folded line)
_BY_LATIN = ("by", "par", "por", "von", "door", "ni", "na", "oleh", "di", "story by", "written by", "reported by", "text by",
             "words by")   # + a capital
# A word's letters, with the Arabic marks a name may carry ("عمّان", "محمّد": a shadda is not a word character)
_WORD_LETTERS = r"(?:[^\W\d_]|[\u0610-\u061a\u064b-\u065f\u0670])+"
_WORD_LETTERS_RE = re.compile(_WORD_LETTERS)
_NAME_ONLY = re.compile(rf"{_WORD_LETTERS}(?:\s+{_WORD_LETTERS}){{1,3}}")    # "كتب محمد أحمد": two to four words, nothing else
# A byline's label and name run into the text's first line, closed by a colon: "كتب - خالد العنزي: أطلقت …"
_LEAD_BYLINE = re.compile(fold_pattern(r"(?:كتب|كتبت|بقلم|إعداد|تقرير)\s*[-–—:/]\s*")
                          + rf"({_WORD_LETTERS}(?:\s+{_WORD_LETTERS}){{1,3}})\s*[:：]\s+\S")
_DOMAIN_SITE = re.compile(r"[^\W_][\w-]*(?:\s[\w-]+){0,2}\.(?:نت|كوم|com|net|org|news|tv|info|co\.uk)", re.IGNORECASE)
_UPDATED = re.compile(fold_pattern(r"(?:آخر تحديث|اخر تحديث|تحديث|تم التحديث|updated|last updated|modified|mis à jour|actualizado|aktualisiert|"
                                   r"aggiornato|atualizado|son güncelleme|güncelleme|güncellendi|bijgewerkt|"
                                   r"created|date created|creation date|erstellt|créé le|creado|ultima modifica|modificato|aggiornamento|"
                                   r"اپ ڈیٹ|اپڈیٹ|به‌روزرسانی|بروزرسانی|laatst bijgewerkt|bijgewerkt|अपडेटेड|aktualizacja|zaktualizowano|"
                                   r"τελευταία ενημέρωση|ενημέρωση|imesasishwa|na-update)"), re.IGNORECASE)   # (a record's
# creation, like an update, is the date only when no publication date is given)
_TWO_SPACES = re.compile(r"\s{2,}")
_SECTION_NEWS = re.compile(r"(?:local|world|business|sports?|national|international|top|latest|breaking|tech(?:nology)?|"
                           r"science|health|entertainment|politics|political|regional|global|financial|economic|us|uk)\s+news$",
                           re.IGNORECASE)          # "Local News": a section, not a site named "... News"
_HASHTAGS = re.compile(r"#[^\W\d][\w_]*(?:\s+#[^\W\d][\w_]*)*")
_AFTER_DATE_BY = re.compile(fold_pattern(r"(?:by|por|par|von|door|بواسطة|بقلم|كتب|كتبه)\s+"), re.IGNORECASE)
# The opening of a kicker, a phrase of circumstance printed over the headline ("بعد أسابيع من
# أزمة السيولة", "في ظل استمرار المعارك"): not a headline, which says what happened.
_KICKER = re.compile(fold_pattern(r"(?:بعد|في ظل|وسط|رغم|برغم|على وقع|على خلفية|عقب|إثر|اثر|في أعقاب|قبيل|تزامنا مع|"
                                  r"بالتزامن مع|مع اقتراب|في انتظار|بانتظار|"
                                  r"در نشست|در حاشیه|در پی|پس از|به دنبال|در آستانه)\s"))      # (and a Persian site's rutitr)
# A site's name and its tagline on one line: "بيروت اليوم – أخبار لبنان والعالم", "El Mirador de
# Cuyo — Noticias de Mendoza y la región" (the tagline says it brings the news).
_SITE_TAGLINE = re.compile(r"^(\S+(?:\s+\S+){0,3})\s+[–—-]\s+(?:أخبار|الأخبار|اخبار|صحيفة|جريدة|موقع|يومية|بوابة|"
                           r"news|noticias|nachrichten|actualités|l'actualité|notizie|haberler|notícias|your (?:daily |local )?news)\b",
                           re.IGNORECASE)
# A press release's closing "About Brightwater Labs" / "نبذة عن واحة التقنية": boilerplate from there on.
_ABOUT = re.compile(r"^(?:about|à propos de|acerca de|sobre|über|نبذة عن|عن الشركة|حول الشركة)\s+\S.{0,60}(?<![.!?:])$|^(?:about us|من نحن)$",
                    re.IGNORECASE)
_TEASER_FIRST = frozenset(c for w in ("شاهد", "بالفيديو", "فيديو") for c in fold(w)[0]) | frozenset("wWvV")
_LABELLED = re.compile(r"^[^\s:：]+(?:\s[^\s:：]+){0,2}\s*[:：]")        # "Clipped on: …", "Photo: …": a label's line
_WIRE_CREDIT = re.compile(r"^[(\[]\s*(?:reporting by|reported by|writing by|تغطية صحفية|تغطية|كتابة|إعداد|اعداد|reportage)\s*[:：]?\s*"
                          r"(?P<name>[^;)\]]+?)\s*(?:[;)\]]|$)", re.IGNORECASE)
# A caption's credit closing it: "… le 4 mars 2025. MARC LEROY / TERRE & SOCIÉTÉ", "… Jakarta. (Nusantara
# Kini/Andi Saputra)" (capitals and a slash: not a sentence's end)
_CAPS_CREDIT = re.compile(r"[.)]\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3}\s*/\s*"
                          r"[A-Z0-9À-ÖØ-Þ][A-Z0-9À-ÖØ-Þ&'’. -]{1,40}$")
_SLASH_CREDIT = re.compile(r"[.)]\s*/\s*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3}$")   # "… altitud. / DANIEL ORTEGA"
_PAREN_CREDIT = re.compile(r"\(\s*[A-Z][\w.'’ -]{1,40}/\s*[A-Z][\w.'’ -]{1,40}\)\s*$")
_STATE_HEADER = re.compile(fold_pattern(r"(?:المملكة|الجمهورية|جمهورية|دولة|سلطنة|مملكة|إمارة|الإمارات العربية المتحدة|"
                                        r"republic|kingdom|state of|royaume|république|república|reino)\b"), re.IGNORECASE)
_SLASH_TRAIL = re.compile(r"[^\W\d][^/|:.!?؟]{0,30}(?: / [^\W\d][^/|:.!?؟]{0,30}){1,2}")
_MASTHEAD_TAGLINE = re.compile(r"\s+[·•|–—-]\s+")
_LISTEN_ON = re.compile(fold_pattern(r"^(?:استمع عبر|استمع على|استمعوا عبر|تابعنا على|listen on|listen via|écouter sur|escuchar en|"
                                     r"follow us on|subscribe on)\s*[:：]"), re.IGNORECASE)
_SENT_SPLIT = re.compile(r"[.!?؟…](?=\s+\S)")
_URDU = re.compile("[\u0679\u0688\u0691\u06ba\u06be\u06c1\u06d2]")     # ٹ ڈ ڑ ں ھ ہ ے
_PERSIAN = re.compile("[\u067e\u0686\u0698\u06af].*\u06cc|\u06cc.*[\u067e\u0686\u0698\u06af]")   # پ چ ژ گ with ی
_FILED_UNDER = re.compile(r"^\s*(?:ضمن|في|تحت|in|under|dans|en|unter)\s+(?=\S+\s*[:：])")
_FILED_IN = re.compile(r"(.+?)\s+(?:في|in|en|dans|em|di|unter)\s+(.+)$")     # a blog's "by X in Section"
_STAFF_CREDIT = re.compile(r"^[(\[]?\s*(?:additional\s+)?(?:reporting|reported|writing|editing|compiled)\s+by\s+[^.!?]{2,160}$",
                           re.IGNORECASE)        # a wire's credit to its staff closing the text
# Factiva's two- and three-letter field codes, and the role each gives (the others are furniture)
_POSTED_FIRST = frozenset("PpFfنمVvEe")          # (the first letters of _POSTED_IN's and _POSTED_BY's words: most lines are not tried)
_ISSUE_ALONE = re.compile(r"^(?:العدد|عدد|issue|no\.|n°|vol\.?)\s*[:：]?\s*\d+\s*$", re.IGNORECASE)
_ISSUE_WORD = re.compile(r"عدد|vol|no\.|issue|n°", re.IGNORECASE)
# A site word followed by an adjective with no article ("صحيفة إلكترونية مستقلة", "صحيفة يومية تصدر في
# دمشق", "يومية جزائرية مستقلة"): a tagline; a name has a proper noun ("صحيفة الوطن", "صحيفة عكاظ").
_TAGLINE = re.compile(fold_pattern(r"^(?:ال)?(?:صحيفة|جريدة|موقع|مجلة|بوابة|شبكة|يومية|أسبوعية|منصة)\s+"
                                   r"(?:(?:إلكترونية|الكترونية|(?!ال)[\u0621-\u064a]+ي[ةه])(?:\s+(?!ال)\S|$)"
                                   r"|(?:إلكتروني|الكتروني|(?!ال)[\u0621-\u064a]+ي)\s+(?!ال)\S)"))
# ("صحيفة رؤية الشمال" and "موقع مصراوي" are names; "موقع إخباري مستقل" a tagline)
_MEDIUM_WORD = re.compile(fold_pattern(r"إلكترونية|الكترونية|إلكتروني|الكتروني|يومية|أسبوعية|شهرية|إخبارية|اخبارية|إخباري|اخباري|"
                                       r"رقمية|مستقلة|مستقل|ورقية|عامة|شاملة|سياسية|ثقافية|رياضية|اقتصادية|فنية|نسائية"))
# ... or what it brings: "أخبار السودان على مدار الساعة", "Your source for Riverbend news"
_TAGLINE_NEWS = re.compile(fold_pattern(r"^(?:أخبار|آخر الأخبار|كل الأخبار|نافذتك|بوابتك|دليلك|news|your|the latest|noticias|"
                                        r"actualités|l'actualité|nachrichten)\b"), re.IGNORECASE)
_BY_CORRESPONDENT = re.compile(fold_pattern(r"^(?:كتب|كتبت|تقرير|متابعة|من)\s+(?:مراسلنا|مراسلتنا|مراسل|مراسلة|موفدنا|موفدتنا|مندوبنا|محررنا)"
                                            r"(?:\s+(?:في|من|ب)\s*[^\s:：]+(?:\s+[^\s:：]+)?)?\s*[:：\-–—]\s*(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){1,4})$"))
_BY_CORRESPONDENT_FIRST = frozenset(fold(w)[0] for w in ("كتب", "تقرير", "متابعة", "من"))
_MENU_LABEL_FIRST = frozenset(c for w in ("القائمة", "الأقسام", "menu", "sections") for c in (fold(w)[0], w[0].upper()))
_WEAK_CATEGORY = ("category:text-after-date", "category:after-site-name")   # guesses a trail or a label replaces
_MENU_LABEL = re.compile(fold_pattern(r"^(?:القائمة|القائمة الرئيسية|الأقسام|menu|main menu|sections)\s*[:：]"), re.IGNORECASE)
_LANGUAGE_NAME = re.compile(fold_pattern(LANGUAGES), re.IGNORECASE)     # (the names a site's language switch gives)
_SELF_VERB = re.compile(r"(?:aggregates|is (?:a|an|the)|brings|publishes|provides|covers|was founded|"
                        r"est (?:un|une|le|la)|agrège|publie|es (?:un|una|el|la)|هي|هو|تقدم|يقدم|تنشر|ينشر)\b", re.IGNORECASE)
_BRACKETED_LABEL = re.compile(r"\[\s*([^\[\]\d]{2,30}?)\s*\]")
_LABEL_ARROW = re.compile(r"([^»›<>|\d«‹]{2,30}?)\s+[»›]")            # "محليات »": a section's label over the headline
_IMAGE_WORD = re.compile(r"(?:img|image|photo|picture|video|audio|صورة|فيديو)$|.*\.(?:jpe?g|png|gif|webp)$", re.IGNORECASE)
_BRACKETED_LEAD = re.compile(r"[(\[]([^()\[\]]{30,400})[)\]]\.?")
_COUNT_IN_BRACKETS = re.compile(r"[(\[]\s*[\d٠-٩]+\s*[)\]]\s*$")
_NAME_AFTER_DATE = re.compile(r"\s*(?:—|\s–)\s*([^\W\d_]+(?:\s+[^\W\d_]+){1,3})\s*")
_ENTITY_SPACE = re.compile(r"(?:&(?:nbsp|#160|#xa0|ensp|emsp|thinsp|zwnj|lrm|rlm);?\s*)+", re.IGNORECASE)
_CONTACT_HEAD = re.compile(fold_pattern(r"^(?:(?:media|press|news media) (?:contacts?|inquiries|enquiries)|contact(?: presse)?|"
                                        r"pressekontakt|contacto(?: de prensa| para medios)?|للتواصل الإعلامي|للاستفسارات الإعلامية)\s*[:：]?$"),
                           re.IGNORECASE)
_RELEASE = re.compile(fold_pattern(r"^(?:for immediate release|للنشر الفوري|للنشر فورا|pour diffusion immédiate|"
                                   r"para (?:publicación|difusión) inmediata|zur sofortigen veröffentlichung)\W*$"), re.IGNORECASE)
_PRESS_WORD = re.compile(r"\b(?:quotidien|daily|journal|gazette|times|news|post|tribune|herald|press|hebdo|diario|zeitung|"
                         r"magazine|online|info|tv|radio)\b", re.IGNORECASE)
_SYMBOLS = "\u2190-\u21ff\u2300-\u23ff\u2500-\u27bf\u27f0-\u27ff\u2900-\u2bff\U0001F000-\U0001FAFF\ufe0f\u200d"
_SYMBOL_CHAR = re.compile(f"[{_SYMBOLS}]")
_SYMBOL_ENDS = re.compile(f"^[{_SYMBOLS}\\s]+")
_SYMBOL_ENDS_R = re.compile(f"[{_SYMBOLS}\\s]+$")
# A ticker of figures: weather, currencies, scores, markets ("بغداد ٤١° | البصرة ٤٥° | سعر صرف الدولار: ١٤٦٠")
_FIGURES_SPLIT = re.compile(r"\s*(?:\||•|·|◂|\s{3,})\s*")
_CONSENT_WORDS = (r"(?:consent|consentement|votre accord|your choices|partenaires|partners|vie privée|privacy|datenschutz|einwilligung"
                  r"|consentimiento|privacidad|zustimmung|acepta|akzeptier|continúa navegando|continue browsing|continuing to browse"
                  r"|poursuivant votre navigation|weitersurfen)")
_COOKIE_CONSENT = re.compile(rf"\bcookies?\b.{{0,400}}{_CONSENT_WORDS}|{_CONSENT_WORDS}.{{0,400}}\bcookies?\b", re.IGNORECASE)
_END_MARK = re.compile(fold_pattern(r"انتهى|النهاية|-ends-|\bends\b|\(end\)|###|-30-"), re.IGNORECASE)
_WIRE_CLOCK = re.compile(r"(?P<val>\d{1,2}:\d{2})\s*(?P<zone>ت\s?\.?\s?م|ت\s?\.?\s?غ|gmt|utc)\.?(?:\s+\d{2,6})?", re.IGNORECASE)
_MAKKAH = timezone(timedelta(hours=3))
_TIME_LINE = re.compile(fold_pattern(r"^(?:الساعة|الوقت|التوقيت|time|heure|hora|uhrzeit)\s*[:：]\s*(?P<val>\d{1,2}:\d{2})\s*$"), re.IGNORECASE)
_INITIAL_NAME = re.compile(r"(?:[^\W\d_]\.\s*){1,2}[^\W\d_]{2,}(?:[\s-][^\W\d_]{2,})?")
_FACTIVA = re.compile(r"^(HD|BY|PD|ET|SN|SE|WC|SC|LA|CY|LP|TD|CO|IN|NS|RE|IPD|PUB|AN|CR|ED|PG|VOL|ART|RF|CLM)(?:\s{2,}(?P<val>\S.*))?$")
_FACTIVA_ROLES = {"HD": "title", "BY": "auth", "PD": "date", "ET": "time", "SN": "src", "SE": "cat"}
_MAIL_FROM = re.compile(r"^(?:from|من|de|von)\s*[:：]\s*\"?(?P<name>[^<\"@]*[^\W\d_][^<\"@]*?)\"?\s*<[^>@\s]+@[^>\s]+>$", re.IGNORECASE)
# A print page's head: the paper's name, then its issue ("صوت الدلتا   العدد 2187 - السنة الثامنة", "The
# Gazette   Vol. 112 No. 34")
_MASTHEAD_ISSUE = re.compile(r"^(?P<site>\S+(?:\s\S+){0,4}?)(?:\s{2,}|\s*[|·•-]\s*)(?:(?:السنة|year|année|año)\s*\d+\s*[|·•-]\s*)?"
                             r"(?:العدد|عدد|vol\.?|volume|no\.|issue|n°)\s*\d+",
                             re.IGNORECASE)
_POSTED_IN = re.compile(fold_pattern(
    r"^(?:posted in|filed under|نشر في|نُشر في|منشور في|publicado en|publié dans|veröffentlicht in|pubblicato in)\s+"
    r"(?P<cat>[^|:،,]{2,60}?)\s*(?:\|\s*(?:tagged|tags|tagged with|موسوم بـ?|موسومة بـ?|الوسوم|etiquetado|étiqueté|getaggt)"
    r"\s*:?\s*(?P<tags>[^|]*?))?\s*(?:\|.*)?$"), re.IGNORECASE)
# A blog's post footer: "مرسلة بواسطة عوض الجاك في 4:17 م", "Posted by Jane Doe at 4:17 PM": the byline
# and the time of the date printed over the post (Blogger's)
_POSTED_BY = re.compile(fold_pattern(
    r"^(?:مرسلة بواسطة|مرسل بواسطة|مرسلة من|posted by|publié par|publicado por|eingestellt von|pubblicato da)\s+"
    r"(?P<name>[^\d|:]{2,50}?)\s+(?:في|at|à|a las|um|alle)\s+(?P<time>\d{1,2}[:.]\d{2}\s*(?:ص|م|am|pm|a\.m\.|p\.m\.)?)"
    r"(?:\s+\D{0,40}?(?:تعليقات|تعليق|comments?|commentaires?|comentarios?|kommentare?)\s*[:：]?)?\s*$"),   # ("… ليست هناك تعليقات:")
    re.IGNORECASE)
_TRAIL_END = re.compile(fold_pattern(r"(?:تفاصيل الخبر|تفاصيل المقال|تفاصيل|التفاصيل|الخبر|المقال|article|story|details|"
                                     r"détails|detalles|artikel|news details|full story)"), re.IGNORECASE)
_YEARS_AT_END = re.compile(r"\s*(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?$")
# A line that is a URL, or labelled as one: the article's address (a scraper's first line, a web
# clipper's "Clipped from:"); the Wayback Machine's prefix is not part of it.
_URL_LINE = re.compile(r"^(?:(?:url|link|source url|permalink|clipped from|saved from|الرابط|رابط المقال|رابط الخبر)\s*[:：]\s*)?"
                       r"(?:https?://(?:web\.archive\.org/web/\d+[a-z_]*/)?)(?P<url>(?:https?://)?\S+)$", re.IGNORECASE)
_TITLE_SITE = re.compile(r"^(.+?)\s+(?:\||-|–|—|::|ـ)\s+([^|\-–—:ـ]+)$")
_ROLE_CUT = re.compile(r"\s*[,،]\s*")
_NAME_IN_PLACE = re.compile(r"((?:[A-Z][\w'’.-]+\s+){1,3}[A-Z][\w'’.-]+)\s+in\s+[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,2}")
_TZ_WORDS = re.compile(r"^(?:بتوقيت|توقيت|gmt|utc|local time|ت\s*م$)", re.IGNORECASE)
_RELATIVE_TIME = re.compile(fold_pattern(r"^(?:(?:آخر تحديث|نشر|تحديث)\s*[:：]?\s*)?(?:منذ|قبل)\s+(?:\d+\s+)?(?:ثانية|ثوان|ثواني|دقيقة|"
                                         r"دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|ايام|أسبوع|اسبوع|أسبوعين|أسابيع|شهر|شهرين|أشهر|اشهر|سنة|عام)|\bago$"),
                            re.IGNORECASE)
_TWEET_SIG = re.compile(r"^[—–-]{1,2}\s*\S.{0,80}\(@\w{1,30}\)\s+\S.{2,30}\d{4}$")
# a desk's credit, Pakistani and Indian sites' byline for their staff ("ویب ڈیسک", "Web Desk", "News Desk")
_DESK_CREDIT = re.compile(fold_pattern(r"(?:web|news|online|digital|sports?|monitoring|city|foreign|business|metro) desk|(?:ویب|نیوز|"
                                       r"مانیٹرنگ|اسپورٹس|ڈیجیٹل|آن لائن|کامرس)\s*ڈیسک|ڈیسک رپورٹ"), re.IGNORECASE)
_STAFF_BYLINE = re.compile(fold_pattern(r"المحرر|المحررة|محرر|التحرير|staff|redaction|rédaction|redacción|redaktion"), re.IGNORECASE)
_AUTHOR_SPLIT = re.compile(r"\s+(?:and|&|et|y|und|e|و)\s+|\s*[,،]\s*|\s+و(?=\S)")
_BIO_VERB = re.compile(r"\s+(?:covers|reports|writes|is (?:an?|the)\s|is based|has (?:covered|reported|written)|can be reached|"
                       r"est (?:journaliste|correspondant|correspondante|rédact)|couvre|escribe|cubre|es (?:periodista|redactor|corresponsal))")
_STATEMENT_END = re.compile(r"[.…]['\"”»)\]’]*\s*$")        # (a title may end in "?" or "!")
_ERA_MARK = re.compile(fold_pattern(r"^\s*(?:م|هـ)(?!\w)"))
_PHOTO_CREDIT = re.compile(fold_pattern(r"^[\s(\[]*(?:تصوير|عدسة|الصورة|صورة|photo|photos|photograph|picture|pictures)\b"), re.IGNORECASE)
_YOU_ARE_HERE_WORDS = ("أنت هنا", "انت هنا", "you are here", "vous êtes ici", "estás en", "sie sind hier", "buradasınız")
_YOU_ARE_HERE = re.compile(r"^(?:" + fold_pattern("|".join(_YOU_ARE_HERE_WORDS)) + r")\s*[:：]\s*", re.IGNORECASE)
_TITLED_NAME = re.compile(fold_pattern(r"(?:د|م|أ|ا\.د|dr|prof)\s*\.\s*[^\W\d_]+(?:\s+[^\W\d_]+){0,4}"), re.IGNORECASE)
_WIRE_SLUG = re.compile(r"[A-Z0-9][A-Z0-9/_.\-]*(?:\s[A-Z0-9][A-Z0-9/_.\-]*){0,2}")
_WORD_LABEL = re.compile(r"^\s*[^\W\d_]+(?:\s[^\W\d_]+)?\s*[:：]")
_BARE_DOMAIN = re.compile(r"(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}", re.IGNORECASE)    # a host alone: "riftcourier.co.ke"
_TODAY_BRAND = re.compile(r"\s(?:" + fold_pattern("|".join(DEFAULT_RULES["site_words_ar_end2"])) + r")$")
_YOU_ARE_HERE_FIRST = frozenset(c for w in _YOU_ARE_HERE_WORDS for c in (fold(w)[0], w[0].upper()))
_PAYWALL_FIRST = frozenset(fold(w)[0].lower() for w in DEFAULT_RULES["paywall"])     # (a paywall's line: its first letter first)
_PLACE_COLON = re.compile(rf"{_WORD_LETTERS}(?:\s{_WORD_LETTERS})?\s*[:：]")
_PLACE_NAME = re.compile(rf"{_WORD_LETTERS}(?:\s{_WORD_LETTERS})?\s*(?:\s[-–—ـ/]|[:：])\s*"
                         rf"(?:{_WORD_LETTERS}(?:\s+{_WORD_LETTERS}){{1,3}}|«{_WORD_LETTERS}(?:\s+{_WORD_LETTERS}){{1,3}}»)")   # ("لندن: «الشرق الأوسط»")
# a page's labels for screen readers, saved as words before the byline's fields: "Author, X", "Role, Y" (BBC's pages in
# every language)
_COMMA_LABEL = re.compile(fold_pattern(r"^(?:author|(?P<role>role)|الكاتب|الكاتبة)\s*[,،]\s*(?P<val>\S.*)$"), re.IGNORECASE)
_COMMA_LABEL_FIRST = frozenset("AaRr" + fold("ا"))
# a byline that names the paper's staff, not a person ("Staff Reporter" is no site, though "The Daily Reporter" is one)
_STAFF_REPORTER = re.compile(r"(?:our|a|special|staff|senior|own|city|sports|business|diplomatic|political)\s+(?:staff\s+)?"
                             r"(?:reporter|correspondent|writer)s?", re.IGNORECASE)
_STAFF_FIRST = frozenset("OoAaSsCcBbDdPpRrWw")
_NAME_AND_URL = re.compile(r"(.+?)\s*[(\[<]\s*((?:https?://|www\.)\S+?)\s*[)\]>]")
# a page's link for keyboards and screen readers, first on it: "Skip to content", "تخطي إلى المحتوى"
_SKIP_LINK = re.compile(fold_pattern(r"(?:skip to|تخط|تخطى|تخطي|تخطَّ|انتقل إلى|تجاوز إلى|aller au|saltar al|saltar para|ir al|ir para|"
                                     r"zum inhalt|direkt zum|vai al|içeriğe geç|ana içeriğe|langsung ke)"), re.IGNORECASE)
_PLACE_OUTLET = re.compile(rf"{_WORD_LETTERS}(?:\s{_WORD_LETTERS})?\s+[-–—ـ/]\s+{_WORD_LETTERS}")
# ... or the name first, its place after it: "عادل الماس (جدة)", "إيمان الشايب – القطيف" (a line of its own)
_NAME_PAREN_PLACE = re.compile(rf"(?!ـ){_WORD_LETTERS}(?:\s+{_WORD_LETTERS}){{0,3}}\s*\({_WORD_LETTERS}(?:\s{_WORD_LETTERS})?\)")
_NAME_PLACE = re.compile(rf"{_NAME_PAREN_PLACE.pattern}|{_WORD_LETTERS}(?:\s+{_WORD_LETTERS}){{1,3}}\s+[-–—]\s+{_WORD_LETTERS}")
_FIELD_SEP = re.compile(r"[|·•]")
_RULE_LINE = re.compile(r"[-–—_=*•·.~ـ\s]{3,}")
_TAG_SPLIT = re.compile(r"\s*[,،;؛|#]\s*")
_BYLINE_PUNCT = re.compile(r"[:：\-–—ـ(،,]")
_HAS_DIGIT = re.compile(r"\d")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_HTML_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z]{2,8});")
_RTL_LANGS = {"ar", "fa", "ur", "he", "ps", "ku", "yi", "dv", "sd", "ug"}
# The commonest words of languages written in Latin letters: the language of a text is the one
# whose words it has most of (English first on a tie, and from one word; the others from two).
_STOP_WORDS = {
    "en": "the and of to in is was for that with on said has have",
    "fr": "le la les des est et une du dans pour qui que au sur pas",
    "de": "der die das und ist nicht mit den dem auf für sich von zu im des ein eine",
    "es": "el los las del que en por con para una es se al lo como",
    "it": "il gli della che di per con una sono nel alla dei delle",
    "pt": "os do da que em para com uma não por dos das ao",
    "nl": "het een van en dat op te met voor niet zijn wordt",
    "tr": "ve bir bu için ile olarak çok daha gibi",
}
_STOP: dict[str, tuple[str, ...]] = {}          # word -> the languages it is common in
for _lang, _words_of in _STOP_WORDS.items():
    for _word in _words_of.split():
        _STOP[_word] = _STOP.get(_word, ()) + (_lang,)
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(slots=True)
class _Line:
    no: int  # 1-based line number
    raw: str
    o: str  # NFC, trimmed: the characters fields are cut from
    f: str  # folded matching copy, same length as o
    words: int
    kind: str = "text"
    sub: str = ""  # label group / detail
    val: tuple = ()  # parsed values (date hit, spans ...)


# ---------------------------------------------------------------------------
# helpers


def _words(s: str) -> int:
    return len(s.split())


def _tokens(s: str) -> list[str]:
    return re.findall(r"\w+", s.lower())


def _cut(line: _Line, start: int, end: int) -> str:
    return clean(line.o[start:end]).strip(" |-–—ـ,،:：")


def _is_repeat(short: str, long: str) -> bool:
    """``short`` repeats ``long`` (identical, or a shortened version of it)."""
    if short == long:
        return True
    a, b = _tokens(short), _tokens(long)
    if len(a) < 3 or not b or len(a) < 0.4 * len(b):
        return False
    bs = set(b)
    inside = sum(1 for t in a if t in bs)
    return inside >= 0.8 * len(a) and len(a) <= len(b) + 1


def _terminal(s: str) -> bool:
    return bool(_SENT_END.search(s))


@lru_cache(maxsize=256)
def _profile_boiler(patterns: tuple[str, ...]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("^(?:" + "|".join(f"(?:{fold_pattern(p)})" for p in patterns) + r")", re.IGNORECASE)


@lru_cache(maxsize=256)
def _profile_strip(patterns: tuple[str, ...]) -> re.Pattern | None:
    if not patterns:
        return None
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _tz(name: str | None):
    if not name:
        return None
    try:
        return ZoneInfo(name)
    except Exception:  # validated in parse_extract_options; be safe for direct callers
        return None


def _apply_tz(value: datetime, tz_given: bool, tzname: str | None) -> datetime:
    if value.tzinfo is not None or tz_given:
        return value
    zone = _tz(tzname)
    if zone is None:
        return value
    return value.replace(tzinfo=zone)


# ---------------------------------------------------------------------------
# line classification


def _classify(line: _Line, rules: RuleSet, day_first: bool) -> None:
    f = line.f
    if not f.strip():
        line.kind = "blank"
        return
    n = len(f)
    words = line.words
    if n > 240 or words > 30:
        # (a cookie banner's long text: cookies and consent in one line, "Avec votre accord, nos partenaires … cookies")
        line.kind = "boiler" if words <= 120 and ("ookie" in f or "OOKIE" in f) and _COOKIE_CONSENT.search(f) else "text"
        return
    m = _WIRE_CLOCK.fullmatch(f.strip()) if words <= 5 and ":" in f and f[:1].isdigit() else None
    if m:                                   # "14:27 ت م" under a wire's text: its time, on Makkah's clock or Greenwich's
        zone = _MAKKAH if m.group("zone").endswith("م") else timezone.utc       # (ت م: Makkah's; ت غ, GMT, UTC: Greenwich's)
        line.kind, line.sub, line.val = "label", "time", (m.start("val"), m.end("val"), zone)
        return
    if (words <= 12 or words <= 20 and f.count("|") >= 2) and rules.share.match(f):     # ("شیئر کریں: فیس بک | ایکس | …")
        line.kind = "share"
        return
    if 2 <= words <= 4 and not f.isascii() and _ASCII_LETTER.search(f):
        split = f.split()
        latin = " ".join(w for w in split if w.isascii())
        other = " ".join(w for w in split if not w.isascii())
        if latin and other and rules.nav_item.match(latin) and rules.nav_item.match(other):
            line.kind = "nav"               # a menu's word beside its name in another language ("Search بحث")
            return
    if words <= 3 and "://" in f:
        m = _URL_LINE.match(line.o)
        if m:
            line.kind, line.sub = "boiler", "url"
            url = m.group("url")
            line.val = (url if url.startswith("http") else "https://" + url,)
            return
    m = rules.read_also.match(f) if words <= 25 else None
    if m:
        rest = (m.group("rest") or "").strip()
        # a heading ("اقرأ أيضاً", "Trending on Lakeshore Now", "اقرأ المزيد في تقارير"), or one other
        # article's title after it on the line ("اقرأ أيضا: Headline")
        is_open = bool(m.group("open") or m.group("other"))
        if not (is_open and rest):          # (an open heading with text after it is a headline: "مرة أخرى.. ضبط الإيجارات")
            line.kind = "readalso" if not rest or _words(rest) <= 3 and not _terminal(rest) and ":" not in f else "boiler"
            if is_open:
                line.sub = "open"   # "المزيد من العالم": a heading only over a list (else "المزيد من المعاناة" heads text)
            return
    if rules.boilerplate(f):
        line.kind = "boiler"
        m = rules.copyright_site.search(f)
        if m:
            line.sub = "copyright"
            line.val = (m.start("site"), m.end("site"))
        elif words <= 12:
            m = rules.copyright_loose.match(f.strip())
            if m:
                g = "site" if m.group("site") else "site2" if m.group("site2") else "site3" if m.group("site3") else "site4"
                line.sub = "copyright_loose"
                line.val = (m.start(g) + len(f) - len(f.lstrip()), m.end(g) + len(f) - len(f.lstrip()))
        if not line.sub and f[:1] in _TEASER_FIRST and rules.teaser.match(f):
            line.sub = "teaser"             # "بالفيديو: …", "Watch: …": a video's teaser, or the headline (the header's rules)
        return
    if words >= 6 and "/" in line.o and (_CAPS_CREDIT.search(line.o) or _PAREN_CREDIT.search(line.o) or _SLASH_CREDIT.search(line.o)):
        line.kind, line.sub = "boiler", "caption"     # a photo's caption closed by its credit
        return
    if rules.tail_boiler.match(f):
        line.kind = "boiler"
        line.sub = "tail"
        return
    m = _FACTIVA.match(line.o) if line.o[:1].isupper() and line.o[1:2].isupper() else None
    if m:                                   # a news database's record: "HD    Headline", "PD    8 October 2024"
        role = _FACTIVA_ROLES.get(m.group(1))
        if role is None or not m.group("val"):
            line.kind, line.sub = "boiler", "field"
            return
        line.kind, line.sub = "label", role
        line.val = (m.start("val"), n) + ((find_dates(f, day_first=day_first),) if role == "date" else ())
        return
    m = _TIME_LINE.match(f) if words <= 4 else None
    if m:                                   # "الساعة: 11:25": the time of the date above
        line.kind, line.sub, line.val = "label", "time", (m.start("val"), m.end("val"))
        return

    if words <= 4 and f[:1] in _STAFF_FIRST and _STAFF_REPORTER.fullmatch(f):
        line.kind, line.sub, line.val = "label", "auth", (0, n)        # "Staff Reporter", "Our Correspondent": the desk's byline
        return
    if 2 <= words <= 4 and "." in f and _INITIAL_NAME.fullmatch(line.o) and not _SECTION_NEWS.fullmatch(line.o.replace(".", "")):
        line.kind, line.sub, line.val = "label", "auth", (0, n)        # "ك. مراد", "A. Benali": a byline
        return
    m = _MAIL_FROM.match(line.o) if words <= 12 and "@" in f else None
    if m:
        line.kind, line.sub, line.val = "label", "src", (m.start("name"), m.end("name"))   # "From: أخبار المنامة <news@…>"
        return
    m = _POSTED_BY.match(f) if words <= 14 and f[:1] in _POSTED_FIRST else None
    if m:                                   # "مرسلة بواسطة عوض الجاك في 4:17 م": the byline and the time
        line.kind, line.sub = "label", "postedby"
        line.val = (m.start("name"), m.end("name"), m.group("time"))
        return
    m = _POSTED_IN.match(f) if words <= 40 and f[:1] in _POSTED_FIRST else None
    if m and not _HAS_DIGIT.search(m.group("cat")):
        line.kind, line.sub = "label", "posted"         # a blog's foot: "Posted in Economy | Tagged wine, Mendoza"
        line.val = (m.start("cat"), m.end("cat"), *((m.start("tags"), m.end("tags")) if m.group("tags") else ()))
        return
    m = _BY_CORRESPONDENT.match(f) if words <= 12 and f[:1] in _BY_CORRESPONDENT_FIRST else None
    if m:                                   # "كتب مراسلنا في بنغازي: عبدالسلام الفيتوري": the name
        line.kind, line.sub, line.val = "label", "auth", (m.start("name"), n)
        return
    m = _COMMA_LABEL.match(f) if words <= 12 and f[:1] in _COMMA_LABEL_FIRST else None
    if m:                                   # "Author, سالي نبيل" / "Role, بي بي سي نيوز عربي" (a page's hidden labels)
        if m.group("role"):
            line.kind, line.sub = "boiler", "role"
        else:
            line.kind, line.sub, line.val = "label", "auth", (m.start("val"), n)
        return
    if words <= 60:
        m = rules.label.match(f)
        if m:
            for g in ("cat", "src", "date", "tags", "dek", "title", "auth"):
                if m.group(g):
                    break
            val_start = m.start("val")
            value_words = _words(f[val_start:].split("|")[0])
            if g == "auth" and value_words > 6 and not (value_words <= 14 and f.count("(", val_start) >= 2
                                                        and not _HAS_DIGIT.search(f, val_start) and not _terminal(f)):
                # a byline names people; longer is a headline (but names with their places, "A (مكة) B (الرياض)", run longer)
                pass
            elif g == "auth" and "|" in f[val_start:] and _HAS_DIGIT.search(f[val_start:]):
                pass            # "كتب: أحمد محمود | الثلاثاء 14-09-2021 22:15": a date line with its byline
            elif m.group("val").strip() or g == "tags":
                line.kind = "label"
                line.sub = g
                line.val = (val_start, n)
                if g == "date":
                    hits = find_dates(f, day_first=day_first)
                    line.val = (val_start, n, hits)
                return
    if words <= 12 and _HASHTAGS.fullmatch(f.strip()):
        line.kind = "label"              # "#جدة #المرور": the article's tags
        line.sub = "tags"
        line.val = (0, n)
        return
    if words <= 8 and rules.nav.match(f):
        line.kind = "nav"
        return
    if words <= 24 and ("|" in f or "·" in f or "•" in f):
        items = [x.strip() for x in _FIELD_SEP.split(f) if x.strip()]     # "عدد المشاهدات: 1,245 | وقت القراءة: 3 دقائق"
        if len(items) >= 2 and all(rules.boilerplate(x) or rules.share.match(x) for x in items):
            line.kind = "boiler"
            return
    if words <= 8:
        head, _, rest = f.partition("|")
        # "By AHMED ALI | Arab News", "كتب محمد الشمري:"; "Par Karim B. | 18/02/2025" is a date line
        m = _BY_RE.match(head.rstrip(" :：")) if not (rest and _HAS_DIGIT.search(rest) and find_dates(rest)) else None
        if m and (line.o[m.start(2):m.start(2) + 1].isupper() if m.group(1).lower() in _BY_LATIN
                  else m.group(1) == "بقلم" or _NAME_ONLY.fullmatch(m.group(2).strip()) is not None
                  or f[m.end(1):m.start(2)].strip() in ("/", ":", "：") and _words(m.group(2)) <= 6) \
                and not (m.group(1).lower() in ("door", "ni", "na", "oleh", "di") and _END_PUNCT.search(f)):   # (words of a sentence too)
            line.kind = "label"
            line.sub = "auth"
            line.val = (m.start(2), m.end(2))
            return
    if words <= 40 and f[:1] in _MENU_LABEL_FIRST and _MENU_LABEL.match(f) and len(_CRUMB_SPLIT.split(f)) + len(_SEP_SPLIT.split(f)) >= 6:
        line.kind = "nav"                   # "القائمة: الرئيسية / العراق / عربي ودولي / …": a menu under its label
        return
    m = _YOU_ARE_HERE.match(f) if words <= 40 and f[:1] in _YOU_ARE_HERE_FIRST else None
    if m:                                   # "أنت هنا: الرئيسية - محليات": the trail after its label
        line.o, line.f = line.o[m.end():], f[m.end():]
        f, n, words = line.f, len(line.f), _words(line.f)
    m = rules.crumb.match(f) if words <= 15 or words <= 40 and sum(f.count(c) for c in "»›>") >= 2 else None
    if m is None and words <= 8 and " - " in f and f.count(" - ") <= 2:
        m = rules.crumb_dash.match(f)           # "الرئيسية - أخبار محلية" (a dashed menu has more items)
    if m:
        items = [x for x in _CRUMB_SPLIT.split(f[m.start("rest"):]) if x.strip()]
        if len(items) >= 5 and all(_words(x) <= 2 for x in items) or len(items) >= 3 and any(rules.nav.match(x.strip()) for x in items):
            line.kind = "nav"                   # "الرئيسية / وطني / دولي / اقتصاد / رياضة / ثقافة", "… :: الأرشيف :: راسلنا": a menu
            return
        line.kind = "crumb"
        line.val = (m.start("rest"), n)
        return
    if words <= 15 and ("»" in f or "›" in f or " > " in f or " ← " in f or " → " in f) and "«" not in f and "‹" not in f \
            and not _LIST_MARK.match(f) and not f.endswith(":"):
        items = [x for x in _CRUMB_ONLY.split(f.strip()) if x.strip()]
        if 2 <= len(items) <= 6 and all(_words(x) <= 4 for x in items) and not _terminal(f):
            line.kind = "crumb"
            line.sub = "generic"
            line.val = (0, n)
            return
    if words <= 30 and ("|" in f or "•" in f or "·" in f or "∙" in f or "  " in f or "»" in f):
        items = [x for x in _SEP_SPLIT.split(f.strip()) if x]
        if (all(_words(x) <= 3 for x in items) or len(items) >= 4 and all(_words(x) <= 4 for x in items)     # ("Terms of Service |
                and sum(_nav_half(x.strip(), rules) for x in items) >= 2) and (len(items) >= 4 or len(items) == 3 and any(   # … | EEO Public
                # File Report", "Home الرئيسية | Saudi محليات | …": a menu's item, or its name in two languages)
                rules.nav_item.match(x.strip()) for x in items) or len(items) == 3 and sum(
                bool(rules.share.match(x.strip())) for x in items) >= 2) \
                and 2 * sum(1 for x in items if _HAS_DIGIT.search(x)) < len(items):   # (figures are a table's row or a ticker)
            # ("استمع عبر: سبوتيفاي | آبل بودكاست | أنغامي", "[فيسبوك] [تويتر] [واتساب]": links to share or to
            # listen, not a menu: the masthead is not above them)
            line.kind = "share" if _LISTEN_ON.match(f) or 3 * sum(1 for x in items if rules.share.match(x.strip())) >= 2 * len(items) \
                else "nav"
            return
        items = [x for x in _TWO_SPACES.split(f.strip()) if x]           # "الرئيسية  محلي  اقتصاد  رياضة"
        if len(items) >= 4 and all(_words(x) <= 3 for x in items) and any(rules.nav_item.match(x) for x in items) \
                or len(items) >= 6 and all(_words(x) <= 2 for x in items) and not _HAS_DIGIT.search(f) \
                and not re.search(r"[.,:;!?،؛؟]", f):                  # ("Gündem  Ekonomi  Yaşam  Spor  Dünya  Video")
            line.kind = "nav"
            return
    if words <= 40 and f.count("[") >= 2 and f.count("]") >= 2 and f.lstrip()[:1] == "[":   # "[ الرئيسية ] [ سياسة ] [ أمن ] …"
        items = [x.strip() for x in re.split(r"\]\s*\[", f.strip().strip("[]")) if x.strip()]
        if len(items) >= 4 and all(_words(x) <= 3 for x in items) or 2 <= len(items) <= 3 and all(
                rules.nav_item.match(x) or _LANGUAGE_NAME.fullmatch(x) for x in items):   # ("[ بحث ]   [ English ]")
            line.kind = "share" if 3 * sum(1 for x in items if rules.share.match(x)) >= 2 * len(items) else "nav"
            return
    if 9 <= words <= 30 and " - " in f:                                   # "الرئيسية - الوطني - الاقتصاد - الدولي - …"
        items = [x for x in _DASH_SPLIT.split(f.strip()) if x]
        if len(items) >= 5 and (all(_words(x) <= 2 for x in items) and any(rules.nav_item.match(x) for x in items)
                                or all(_words(x) <= 3 for x in items) and rules.home.match(items[0].strip())
                                # ("أخبار محلية - تقارير - اقتصاد - رياضة - حوارات - كتابات": six sections, no sentence)
                                or len(items) >= 6 and all(_words(x) <= 2 for x in items) and not _HAS_DIGIT.search(f)
                                and not re.search(r"[.,:;!?،؛؟«»\"]", f)):
            line.kind = "nav"
            return
    if 4 <= words <= 15 and rules.home.match(f.split(None, 1)[0]) and not _END_PUNCT.search(f) \
            and not _HAS_DIGIT.search(f) and not re.search(r"[:：،,؟?!.]", f) \
            and (_ARABIC.search(f) or sum(w[:1].isupper() for w in line.o.split()) >= 0.7 * words):
        line.kind = "nav"                 # "Home News Sports Obituaries Opinion": a menu run together
        return
    if words <= 6 and "  " in f and "|" not in f:
        # "Subscribe    Sign in": two or three of a menu's words spaced apart; "14    6    Share": counts by a share button
        items = [x for x in _TWO_SPACES.split(f.strip()) if x]
        if 2 <= len(items) <= 3 and all(rules.nav_item.match(x) for x in items):
            line.kind = "nav"
            return
        elif 2 <= len(items) <= 4 and rules.share.match(items[-1]) and all(x.isdigit() for x in items[:-1]):
            line.kind = "share"
            return
    if words <= 40 and _HAS_DIGIT.search(f) and ("|" in f or "•" in f or "·" in f or "◂" in f or "   " in f):
        items = [x for x in _FIGURES_SPLIT.split(f.strip()) if x.strip()]
        if len(items) >= 3 and 3 * sum(1 for x in items if _HAS_DIGIT.search(x)) >= 2 * len(items) \
                and not find_dates(f, day_first=day_first):        # (a masthead's date line is not one)
            line.kind, line.sub = "boiler", "figures"
            return
    if words <= 3 and _ISSUE_ALONE.match(f):             # "العدد 11243": a print edition's number
        line.kind, line.sub = "boiler", "issue"
        return
    if words <= 25 and _HAS_DIGIT.search(f):
        hits = find_dates(f, day_first=day_first)
        # (a line dated by the Hijri calendar alone, "السبت 15 رمضان 1446هـ - 08:30 مساءً": its Gregorian day)
        greg = [h for h in hits if h.hijri is None] or [h for h in hits if h.rule == HIJRI_CONVERTED][:1]
        if greg:
            h = greg[0]
            before = f[: h.start]
            after = f[h.end:]
            # drop weekday names and "published" labels around the date
            before_clean = WEEKDAY_RE.sub(" ", before)
            before_clean = rules.label.sub(" ", before_clean) if rules.label.match(before_clean.strip()) else before_clean
            for later in reversed(greg[1:]):                 # (an "updated" date on the same line is not words)
                after = after[: later.start - h.end] + " " + after[later.end - h.end:]
            rest_words = _words(re.sub(r"[|\-–—,،:·•]", " ", before_clean)) + _words(re.sub(r"[|\-–—,،:·•]", " ", after))
            if rest_words <= 12:
                line.kind = "date"
                # (of a pair, "Güncelleme: 04.03.2019 17:10 | Giriş: 04.03.2019 15:42", the date not labelled as the update)
                line.val = (next((x for x in greg if not _updated_before(f, x, hits)), h), hits)
                return
    m = _MASTHEAD_ISSUE.match(line.o) if words <= 20 and _ISSUE_WORD.search(f) and _HAS_DIGIT.search(f) else None
    if m:
        line.kind, line.sub, line.val = "site", "tagline", (m.start("site"), m.end("site"))   # "صوت الدلتا   العدد 2187"
        return
    m = _SITE_TAGLINE.match(line.o) if words <= 14 and (" - " in f or "–" in f or "—" in f) and ":" not in f \
        and not _terminal(f) else None
    if m and not _HAS_DIGIT.search(m.group(1)):        # "بيروت اليوم – أخبار لبنان والعالم"
        second = line.o[m.end(1):].lstrip(" -–—")
        if words - _words(m.group(1)) <= 5 and _words(m.group(1)) <= 2 and rules.site.match(fold(second)) \
                and not _TAGLINE.match(fold(second)) and not _TAGLINE_NEWS.match(fold(second)):
            # "اقتصاد - بوابة الخليج الإخبارية": the section, then the site's name
            line.kind, line.sub, line.val = "site", "section-site", (m.start(1), m.end(1), len(line.o) - len(second), len(line.o))
            return
        line.kind, line.sub, line.val = "site", "tagline", (m.start(1), m.end(1))
        return
    if words <= 8 and ":" not in f.replace("::", "") and not _terminal(f):
        key = " ".join(f.lower().split())
        if rules.profile_site_re is not None and rules.profile_site_re.match(key):
            line.kind = "site"
            line.sub = "profile"
            return
        if "|" in f or "::" in f or "   " in f:           # "صحيفة الوطن | محليات", "بوابة النيل :: أخبار مصر"
            parts = _PIPE_SPLIT.split(f)
            if any((rules.site.match(p.strip()) or _site_ar(p.strip(), rules)) and _words(p) <= 6 for p in parts) or (
                rules.profile_site_re is not None
                and any(rules.profile_site_re.match(" ".join(p.lower().split())) for p in parts)
            ):
                line.kind = "site"
                line.sub = "pipe"
                return
        elif _site_name(line.o, f, rules):
            if _TAGLINE.match(f):             # "جريدة إلكترونية مغربية مستقلة": what the site is, not its name
                line.kind, line.sub = "boiler", "tagline"
                return
            line.kind = "site"
            if words == 2 and _TODAY_BRAND.search(f) and not rules.site.match(f):
                line.sub = "weak"             # ("المصري اليوم", or a column's "كلمة اليوم" under the text)
            return
    if words <= 6 and "|" in f and not _terminal(f):      # (a date line was taken above: "عربي نيوز 24 | اقتصاد")
        # "World | Europe", "أخبار | سياسة": a section path printed with pipes (a site name among them
        # was taken above; four items or more are a menu)
        items = [x for x in _PIPE_SPLIT.split(f.strip()) if x.strip()]
        if 2 <= len(items) <= 3 and all(_words(x) <= 3 for x in items) and all(
                rules.nav_item.match(x.strip()) or rules.boilerplate(x.strip()) for x in items):
            line.kind = "nav"                 # "تسجيل الدخول | اشترك", "دخول | تسجيل", "تسجيل الدخول | اشترك في النشرة"
            return
        if len(items) == 2 and bool(_ARABIC.search(items[0])) != bool(_ARABIC.search(items[1])) \
                and any(c.isalpha() for c in items[1]) and not rules.nav_item.match(items[0].strip()):
            # "بلدية سوسة | Municipalité de Sousse": a name and its name in another script, a masthead
            line.kind, line.sub = "site", "bilingual"
            line.val = (line.o.find(line.o.split("|")[0].strip()), len(line.o.split("|")[0].rstrip()))
            return
        if 2 <= len(items) <= 3 and all(_words(x) <= 3 for x in items) and not _HAS_DIGIT.search(f):   # (not "98.4 FM | صفاقس")
            line.kind = "crumb"
            line.sub = "pipe"
            line.val = (0, n)


def _site_ar(f: str, rules: RuleSet) -> bool:
    """An Arabic brand by its last word ("قرطاج نيوز", "عدن الآن"), not a menu's item ("اشترك الآن")."""
    return rules.site_ar.match(f) is not None and rules.nav_item.match(f) is None


def _site_name(o: str, f: str, rules: RuleSet) -> bool:
    """Whether a line (``o``, folded ``f``) is a site's name: a site word ("صحيفة …", "موقع …"), a
    domain ("العربية.نت", "Arabnews.com"), capitalised words ending in a press word ("BBC News",
    "The Daily Star"; not a section, "Local News"). A profile's site names are matched apart."""
    words = _words(f)
    return (words <= 6 and bool(rules.site.match(f)) and not _HEADLINE_PUNCT.search(f)
            or words <= 4 and _site_ar(f, rules) and not _HEADLINE_PUNCT.search(f)
            or words <= 3 and _DOMAIN_SITE.fullmatch(f.strip()) is not None
            or words <= 5 and _title_case(o) and bool(rules.site_en.match(o.strip())) and not _SECTION_NEWS.match(f.replace(".", "")))


_DATE_WORDS_AT_END = re.compile(fold_pattern(
    r"\s*(?:published(?: on)?|posted(?: on)?|updated(?: on)?|publié(?: le)?|mis à jour(?: le)?|publicado(?: el)?|actualizado(?: el)?|"
    r"veröffentlicht(?: am)?|نشر في|نُشر في|نشر بتاريخ|تاريخ النشر|بتاريخ|في)\s*[:：]?\s*$"
    r"|\s*(?:نشر|نُشر|التاريخ|تاريخ|date)\s*[:：]\s*$"), re.IGNORECASE)
_HARAKAT_RE = re.compile("[\u064b-\u0652]")
_TICKER_WORD = re.compile(fold_pattern(r"عاجل|أخبار عاجلة|اخبار عاجلة|آخر الأخبار|breaking(?: news)?|latest|latest news|trending"),
                          re.IGNORECASE)
_TICKER_LINE = re.compile(fold_pattern(r"(?:عاجل|خبر عاجل|أخبار عاجلة|اخبار عاجلة|breaking(?: news)?|son dakika|urgent|"
                                      r"dernière minute|última hora|ultima hora|eilmeldung)\s*[:：|]\s*\S"), re.IGNORECASE)
_SMALL_WORDS = frozenset("the of and & de del della di du des la le el von der für am do da dos".split())


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in _SMALL_WORDS]
    return bool(words) and all(w[:1].isupper() for w in words)


_FIELD = re.compile(r"([^\W\d][\w-]{0,40}(?: [^\W\d][\w-]{0,20}){0,2}(?::[\w-]{1,40})?)\s*[:=]\s*(.*)")    # ("dc:creator: …")
# ... or an export's (Pelican's, MultiMarkdown's) fields with no opening fence: three "Key: value"
# lines or more at the top, closed by a blank line or a fence
_FIELDS_HEAD = re.compile(r"\A\ufeff?((?:[ \t]*(?:={2,}|-{3,}|\*{3,})[^\n]*\n)?)"           # (under an export's banner)
                          r"((?:[ \t]*[A-Za-z][\w-]{0,40}(?: [A-Za-z][\w-]{0,20}){0,2}(?::[\w-]{1,40})?[ \t]*:[^\n]*\n){3,100}?)"
                          r"(?:[ \t]*(---|\.\.\.|[-=]{2,}[^\n]{0,30}?[-=]{2,})[ \t]*(?=\r?\n|\Z)|(?=[ \t]*\r?\n))")


def _front_matter(text: str, rules: RuleSet) -> tuple[str, range]:
    """A front matter at the top of a text (a scraper's or a static site's: "---", "key: value"
    lines, "---"; TOML between "+++"; an export's fields with no opening fence): each field a
    label names becomes that label's line ("headline: …"; "first_published:" as "first published:"),
    its quotes removed; the fences become blank lines, so that lines keep their numbers. -> the
    text and the numbers of its field lines (the others are the header's furniture)."""
    m = FRONT_MATTER.match(text) or _FIELDS_HEAD.match(text)
    if m is None:
        return text, range(0)
    rows = m.group(2).split("\n")
    if len(rows) > 100 or 2 * sum(bool(_FIELD.fullmatch(r.strip())) for r in rows) < len(rows):
        return text, range(0)
    out = [""] if m.group(1) else []
    rows, listed = _block_lists(rows)
    for i, r in enumerate(rows):
        fm = _FIELD.fullmatch(r.strip())
        value = fm.group(2).strip() if fm else ""
        items = [_unquote(x) for x in value[1:-1].split(",")] if value[:1] == "[" and value[-1:] == "]" else [_unquote(value)]
        value = ", ".join(x for x in items if x)                          # (a YAML list: ["Cidades"])
        line = r
        for key in (fm.group(1), fm.group(1).replace("_", " ").replace("-", " ")) if value else ():
            label = rules.label.match(fold(f"{key}: {value}"))
            if label and label.group("cat") and i in listed and len(items) > 1:
                line = f"{fm.group(1)}:"                                   # (a reader's labels listed under "labels:")
                break
            if label:                                                      # (of categories, the first)
                line = f"{key}: {items[0] if label.group('cat') and len(items) > 1 else value}"
                break
        out.append(line)
    first = len(out) - len(rows) + 1
    if m.group(1) or m.group(3):
        out.append("")
    return "\n".join(out) + text[m.end():], range(first, first + len(rows))


_LIST_ITEM = re.compile(r"[ \t]*-[ \t]+(.+)")


def _block_lists(rows: list[str]) -> tuple[list[str], set[int]]:
    """A YAML field with its list under it ("author:" / "  - \"[[Name]]\"") as one row, "author: [Name]";
    the items' rows left empty (rows keep their numbers). -> the rows, and which hold such lists."""
    rows, listed = list(rows), set()
    for i, r in enumerate(rows):
        fm = _FIELD.fullmatch(r.strip())
        if fm is None or fm.group(2).strip():
            continue
        j = i + 1
        while j < len(rows) and _LIST_ITEM.fullmatch(rows[j]):
            j += 1
        if j > i + 1:
            items = [_LIST_ITEM.fullmatch(x).group(1).strip() for x in rows[i + 1:j]]
            rows[i] = r.rstrip() + " [" + ", ".join(items) + "]"
            rows[i + 1:j] = [""] * (j - i - 1)
            listed.add(i)
    return rows, listed


def _unquote(value: str) -> str:
    value = value.strip()
    value = value[1:-1].strip() if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'" else value
    return value[2:-2].strip() if value[:2] == "[[" and value[-2:] == "]]" else value      # (a wiki's link: "[[Name]]")


_SGML_FIELDS = "title|headline|date|datetime|date_time|author|byline|source|category|section|summary|dek|abstract"
_SGML_OPEN = re.compile(rf"\s*<({_SGML_FIELDS}|p)\b[^>]*>(.*)", re.IGNORECASE)
_SGML_ELEMENT = re.compile(r"\s*<([A-Za-z][\w.-]*)\b[^>]*>.*</\1\s*>\s*")          # any other element on its line: a record's own
_SGML_TAG = re.compile(r"</?[A-Za-z][\w.-]*\b[^>]*>")
_SGML_LABELS = {"title": "Title", "headline": "Title", "date": "Date", "datetime": "Date", "date_time": "Date",
                "author": "Author", "byline": "Author", "source": "Source", "category": "Category", "section": "Category",
                "summary": "Summary", "dek": "Summary", "abstract": "Summary"}
_SGML_RECORD = re.compile(r"<(doc|article|story|record)\b", re.IGNORECASE)


def _sgml_record(text: str) -> str:
    """A corpus's record in SGML/XML (``<doc id=…><title>…</title><date>…</date><text><p>…</p></text></doc>``,
    TREC, Gigaword and annotated corpora's ``<ARTICLE>`` with ``<SOURCE>``, ``<SECTION>``, ``<SUMMARY>``):
    each field becomes its label's line ("Title: …") where its tag opens, a paragraph of ``<p>…</p>``
    one line however it was wrapped, the other elements and tags blank lines (lines keep their
    numbers). A file of several records is a dataset, not read so."""
    found = _SGML_RECORD.findall(text)
    if len(found) != 1 or not re.search(rf"</{found[0]}\s*>", text, re.IGNORECASE):
        return text
    rows = text.split("\n")
    out = [""] * len(rows)
    i = 0
    while i < len(rows):
        m = _SGML_OPEN.match(rows[i])
        if m:
            tag, first = m.group(1).lower(), i
            close = re.compile(rf"</{tag}\s*>", re.IGNORECASE)
            parts = [m.group(2)]
            while not close.search(parts[-1]) and i + 1 < len(rows) and i - first < 200:
                i += 1
                parts.append(rows[i])
            value = " ".join(html.unescape(_SGML_TAG.sub(" ", close.split(" ".join(parts))[0])).split())
            if value:
                out[first] = value if tag == "p" else f"{_SGML_LABELS[tag]}: {value}"
        elif not _SGML_ELEMENT.fullmatch(rows[i]):
            out[i] = html.unescape(_SGML_TAG.sub("", rows[i]))
        i += 1
    return "\n".join(out)


_KV_BODY = re.compile(r"^[ \t]*(?:body|text|content|article|article_body|body_text)[ \t]*=[ \t]*(?:\"\"\"|\'\'\')", re.IGNORECASE | re.MULTILINE)
_KV_LINE = re.compile(r"[ \t]*([A-Za-z_][\w-]{0,40})[ \t]*=[ \t]*(.*)")


def _kv_record(text: str) -> str:
    """A scraper's record of ``key = value`` lines with its text in a triple-quoted ``body = \"\"\"…\"\"\"``
    (under a ``[article]`` section and ``#`` comments): the fields as a header of "key: value" lines,
    a blank line, the text. -> the text as a front matter would give it."""
    head: list[str] = []
    body: list[str] = []
    rows = text.split("\n")
    i = 0
    while i < len(rows):
        row = rows[i]
        m = _KV_LINE.fullmatch(row)
        if m and m.group(2).strip()[:3] in ('"""', "'''"):
            quote, rest = m.group(2).strip()[:3], m.group(2).strip()[3:]
            chunk = [rest] if rest else []
            i += 1
            while i < len(rows) and quote not in rows[i]:
                chunk.append(rows[i])
                i += 1
            if i < len(rows):
                chunk.append(rows[i].split(quote)[0])
            body = chunk
        elif m:
            head.append(f"{m.group(1)}: {_unquote(m.group(2).strip())}")
        i += 1
    return "\n".join(head) + "\n\n" + "\n".join(body).strip("\n") + "\n" if body else text


_KEY_VALUE = re.compile(r"[^\W\d][^:：.!?؟\d]{0,30}?[:：]\s*\S")      # "الصورة الرئيسية: …": a field's key (three words at most) and its value
_RECORD_KEY = re.compile(r"([a-z][a-z0-9]*(?:_[a-z0-9]+)*)[ \t]*:[ \t]?(.*)")
_RECORD_TEXT_KEYS = frozenset(("maintext", "text", "body", "content", "article", "article_text", "article_body", "body_text",
                               "full_text", "fulltext"))
# a crawler's own fields (news-please's, a scraper's): when it fetched the page and where it kept it; and
# the field names that say what a label would ("date_publish" is the published date)
_RECORD_DROP = re.compile(r"(?:date_)?(?:download(?:ed)?|crawl(?:ed)?|fetch(?:ed)?|scrape[d]?)(?:_at|_date|_time)?|localpath|filename"
                          r"|title_page|title_rss|image_url|images?|language|lang")
_RECORD_RENAME = {"date_publish": "published", "date_published": "published", "date_modify": "updated",
                  "date_modified": "updated", "authors": "author", "source_domain": "source"}


def _field_record(text: str) -> str:
    """A crawler's record printed as ``key: value`` lines (news-please's ``maintext:``, ``date_publish:``,
    ``source_domain:`` in any order), its text the one field that runs over several lines: the fields as
    a header of "key: value" lines (the crawler's own ones and the empty ones, "None" and "[]", left out),
    a blank line, the text. Anything else is returned as it is."""
    rows = text.lstrip("\ufeff").split("\n")
    fields: list[list] = []
    for row in rows:
        m = _RECORD_KEY.fullmatch(row.rstrip("\r"))
        if m:
            fields.append([m.group(1), [m.group(2).strip()]])
        elif fields and fields[-1][0] in _RECORD_TEXT_KEYS:
            fields[-1][1].append(row.rstrip("\r"))
        elif row.strip() or not fields:
            return text
    body = [f for f in fields if f[0] in _RECORD_TEXT_KEYS]
    if len(fields) < 5 or len(body) != 1 or len(body[0][1]) < 2 and len(fields) < 8:
        return text
    head = []
    for key, value in fields:
        value = " ".join(value).strip()
        if key in _RECORD_TEXT_KEYS or _RECORD_DROP.fullmatch(key) or value in ("", "None", "null", "[]", "''", '""'):
            continue
        head.append(f"{_RECORD_RENAME.get(key, key)}: {value}")
    return "\n".join(head) + "\n\n" + "\n\n".join(x.strip() for x in body[0][1] if x.strip()) + "\n"


_HTML_BLOCK = re.compile(r"<(p|h[1-6]|li|blockquote)\b[^>]*>(.*?)(?:</\1\s*>)?", re.IGNORECASE | re.S)
_HTML_TAG = re.compile(r"<[^>]{0,300}>")
_HTML_TAGS_ONLY = re.compile(r"(?:<(?:figure|img|div|figcaption|/figure|/div|br|hr|iframe|script|/script|span|/span)\b[^>]*>[^<]{0,200})+"
                             r"(?:</\w+>)*", re.IGNORECASE)
# an icon font's ligatures saved as their names ("home الرئيسية chevron_left اقتصاد", "event الإثنين 3 أغسطس 2015   schedule 05:44 م")
_ICON_NAMES = ("menu search home person event schedule visibility share comment bookmark print mail today label folder close edit "
               "chevron_left chevron_right keyboard_arrow_left keyboard_arrow_right navigate_next navigate_before arrow_back arrow_forward "
               "flash_on photo_camera chat_bubble_outline chat_bubble access_time calendar_today date_range query_builder "
               "remove_red_eye local_offer account_circle expand_more expand_less play_arrow videocam mode_comment").split()
_ICON_WORD = re.compile(r"(?<!\S)(?:" + "|".join(sorted(_ICON_NAMES, key=len, reverse=True)) + r")(?!\S)")
_ICON_SET = frozenset(_ICON_NAMES)
_ICON_ARROWS = frozenset(("chevron_left", "chevron_right", "keyboard_arrow_left", "keyboard_arrow_right", "navigate_next", "navigate_before"))


def _without_icon_names(raw: str) -> str:
    """A line without its icons' names, where the names are an icon font's (snake_case ones, or any in a
    line of Arabic, Persian or Hebrew text, or a line of them alone): an arrow's a trail's "›", the others
    a gap between the fields they marked."""
    words = raw.split()
    if len(words) > 20:
        return raw                      # (prose may name a "home" or an "event": an icon marks a page's short lines)
    if re.search(r"[\u0590-\u08ff]", raw) or all(w in _ICON_SET for w in words):
        gap = "   "
    elif any("_" in w and w in _ICON_SET for w in words):
        gap = "  "
    else:
        return raw
    return _ICON_WORD.sub(lambda m: "›" if m.group() in _ICON_ARROWS else gap, raw)


# a label in two languages: "القسم / Section: رياضة", "بقلم / By: …", "نُشر / Published: 22 Jul 2015"
_ASCII_LETTER = re.compile("[A-Za-z]")
_BODY_LABEL = re.compile(fold_pattern(r"(?:body|text|content|article|maintext|النص|نص الخبر|المتن|المحتوى|نص المادة)\s*[:：]"), re.IGNORECASE)
_MAIL_HEADER = re.compile(r"\s*(from|to|cc|date|sent|subject|reply-to|mime-version|content-type|content-transfer-encoding|message-id)\s*:", re.IGNORECASE)
_TWO_TONGUE_LABEL = re.compile(r"([^\W\d][^/:：\d]{0,24}?)\s*/\s*([^\W\d][^/:：\d]{0,24}?)\s*[:：]\s*(\S.*)")
_PRINT_HEADER = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?\s{3,}(\S.*)")
_CACHE_BANNER = re.compile(r"(?:This is Google's cache of|هذه هي النسخة المخبأة من Google للصفحة|هذه نسخة مخبأة من)\s+(\S+?)\.?\s")
_CACHE_TIP = re.compile(r"(?:Tip|نصيحة|Conseil|Consejo|Tipp)\s*[:：]")


def _without_cache_banner(text: str) -> str:
    """A page saved from a search engine's cache opens with its banner ("This is Google's cache of
    URL. It is a snapshot of the page as it appeared on 23 Jul 2015 14:03:27 GMT…", "Full version  Text-only
    version", "Tip: …"): the page's address in its place, blank lines for the rest (lines keep their numbers)."""
    m = _CACHE_BANNER.match(text)
    if m is None:
        return text
    rows = text.split("\n")
    end = next((i for i, r in enumerate(rows[:6]) if _CACHE_TIP.match(r.strip())), None)
    end = end if end is not None else next((i for i, r in enumerate(rows[1:6], 1) if not r.strip()), 0) - 1
    return "\n".join([m.group(1)] + [""] * max(end, 0) + rows[max(end, 0) + 1:])


def _without_wayback_toolbar(text: str) -> str:
    """A page saved from the Internet Archive's Wayback Machine opens with its toolbar ("The Wayback
    Machine - https://web.archive.org/web/…", "7 captures", a calendar, "About this capture" …
    "TIMESTAMPS", "loading"): blank lines in its place but the archived page's own address."""
    rows = text.split("\n")
    end = next((i for i, r in enumerate(rows[:60]) if r.strip() in ("TIMESTAMPS", "loading")), None)
    if end is None:
        return text
    if end + 1 < len(rows) and rows[end + 1].strip() == "loading":
        end += 1
    kept = next((r.strip() for r in rows[1:end] if r.strip().startswith("http") and "web.archive.org" not in r), "")
    return "\n".join([kept] + [""] * end + rows[end + 1:])


_PIPES = re.compile(r"\s*[|｜]\s*")


def _field_row(raw: str, rules: RuleSet) -> list[str] | None:
    """A row of fields split by pipes, one of them a label's ("الرقم: ١١٨٧ | القسم: محليات | الأولوية: عادية",
    "Source: The Coastal Herald | Section: Environment"): its fields, each a line of its own (on the row's
    line number), or None."""
    parts = [x for x in _PIPES.split(raw.strip(STRIP)) if x]
    if len(parts) < 2 or any(_words(x) > 8 for x in parts):
        return None
    keyed = [x for x in parts if _KEY_VALUE.match(fold(x)) and _words(re.split("[:：]", x, maxsplit=1)[0]) <= 3]
    if len(keyed) < len(parts) - 1 or not any(rules.label.match(fold(x)) for x in keyed) \
            or sum(bool(_HAS_DIGIT.search(x)) for x in parts) > 1 \
            or any(_HAS_DIGIT.search(x) or _words(x) > 4 for x in parts if x not in keyed):   # (a name, not a headline)
        return None                     # (a date and its time, "نشر: 2025/03/02 09:15 | آخر تحديث: …", are one line's)
    return parts


def _prepare(text: str, rules: RuleSet, day_first: bool, *, page: bool = True) -> list[_Line]:
    """The text's lines, each classified. ``page``: a whole page, with a header (not a dataset's body)."""
    out = []
    fields = range(0)
    if page and text.startswith("The Wayback Machine - http"):
        text = _without_wayback_toolbar(text)
    elif page and text.startswith(("This is Google", "هذه هي النسخة", "هذه نسخة")):
        text = _without_cache_banner(text)
    if page and text[:1].isdigit():
        # a browser's print header: "12/01/2019, 09:14          Headline | Site" (the time it was printed, the page's title)
        head, nl, rest = text.partition("\n")
        m = _PRINT_HEADER.fullmatch(head.rstrip("\r"))
        if m:
            text = m.group(1) + nl + rest
    if page and (text.startswith(("---", "+++", "\ufeff", "==", "***")) or text[:1].isascii() and text[:1].isalpha()):
        text, fields = _front_matter(_field_record(text), rules)
    elif page and text.lstrip()[:1] == "<" and _SGML_RECORD.search(text, 0, 2000):
        text = _sgml_record(text)
    elif page and _KV_BODY.search(text, 0, 4000):
        text, fields = _front_matter(_kv_record(text), rules)
    elif page and text.startswith("-- "):
        # a wire archive's header ("-- Headline", "-- By Daniel Hart", "-- Tue Mar 4, 2014 9:14am EST", "-- URL"):
        # the fields without their marks
        head, sep, rest = text.partition("\n\n")
        if all(x.startswith("-- ") for x in head.split("\n") if x.strip()):
            text = "\n".join(x[3:] if x.startswith("-- ") else x for x in head.split("\n")) + sep + rest
    marked = converted(text)
    lynx = marked and lynx_dump(text)
    rows: list[tuple[int, str]] = []
    for i, raw in enumerate(text.splitlines(), 1):
        parts = _field_row(raw, rules) if "|" in raw and len(raw) <= 240 and (":" in raw or "：" in raw) else None
        if parts:
            rows += [(i, part) for part in parts]
        else:
            rows.append((i, raw))
    # a label alone on its line with its value on the next ("الكاتب:" / "فهد العنزي - الرياض", a page's field in two
    # elements): the two as one line, on the label's
    for r, (i, raw) in enumerate(rows):
        if ":" not in raw[-6:] and "：" not in raw[-6:] or len(raw) > 60:
            continue
        head = raw.strip(STRIP)
        label = rules.label.match(fold(head + " x")) if 2 <= len(head) <= 30 and head[-1:] in ":：" and r + 1 < len(rows) else None
        if label and (label.group("auth") or label.group("cat")) and not _BODY_LABEL.fullmatch(fold(head)):
            # (a byline's or a section's; a date under its label is read as a date line, "text :" is the text's)
            k = next((k for k in range(r + 1, min(r + 3, len(rows))) if rows[k][1].strip(STRIP)), None)
            value = rows[k][1].strip(STRIP) if k is not None else ""
            if value and len(value.split()) <= 12 and not rules.label.match(fold(value)):
                rows[r], rows[k] = (i, f"{head} {value}"), (rows[k][0], "")
    for i, raw in rows:
        if len(raw) <= 160 and not _ICON_SET.isdisjoint(raw.split()):     # (a page's short lines: prose keeps its words)
            raw = _without_icon_names(raw)
        heading = quoted = element = False
        if marked:
            heading = is_heading(raw)
            quoted = raw.lstrip()[:1] == ">"
            raw = unmark(raw, lynx)
        elif raw.lstrip()[:1] == "<" and page:
            # a text's body given as HTML, a line an element ("<p>…</p>", "<h2>…</h2>"; a figure, a line of tags alone)
            m = _HTML_BLOCK.fullmatch(raw.strip())
            if m:
                heading = m.group(1).lower()[:1] == "h"
                raw = html.unescape(_HTML_TAG.sub("", m.group(2)))
                element = True
            elif _HTML_TAGS_ONLY.fullmatch(raw.strip()):
                raw = ""
        if "&" in raw and not element:
            raw = char_refs(raw)                # "&quot;مهينة&quot;", "&nbsp;عبدالله الثبيتي": a scraper's references, as read
        o = nfc(raw.strip(STRIP))
        if "/" in o and len(o) <= 240 and (":" in o or "：" in o):
            m = _TWO_TONGUE_LABEL.match(o)
            if m and m.group(1).isascii() != m.group(2).isascii() and "|" not in m.group(2):
                o = next((row for row in (f"{m.group(1)}: {m.group(3)}", f"{m.group(2)}: {m.group(3)}") if rules.label.match(fold(row))), o)
        if o[:1] == "&" and _ENTITY_SPACE.fullmatch(o):
            o = ""                              # "&nbsp;": a saved page's empty paragraph, its entity left as written
        if o and (o[0] >= "\u2190" and _SYMBOL_CHAR.match(o[0]) or o[-1] >= "\u2190" and _SYMBOL_CHAR.match(o[-1])):
            o = _SYMBOL_ENDS_R.sub("", _SYMBOL_ENDS.sub("", o))      # "☰ القائمة    جريدة الشرفة    🔍": icons
        if o[:1] in ("|", "｜"):           # "|آخر تحديث: ...": a scraped bar's separator, never text
            o = o.lstrip("|｜" + STRIP)
        words = len(o.split())
        # long lines are prose: no keyword matching, no folded copy needed
        f = fold(o) if len(o) <= 240 and words <= 30 else o
        if "\t" in o and len(o) <= 240:
            key, _, value = o.partition("\t")
            row = fold(f"{key.strip()}: {value.strip()}")
            if key.strip() and value.strip() and _words(key) <= 3 and (rules.label.match(row) or _TIME_LINE.match(row)):
                o = f"{key}:{value}"                # "المحرر<TAB>حسام عبد الرحمن": a table's row of the article's fields
                f = fold(o)
        if o[:1] in "[(" and o[-1:] in "])" and len(o) <= 120 and rules.label.match(fold(o[1:-1].strip())):
            o = o[1:-1].strip()                     # "[المصدر: بوابة التقنية اليوم]": a field in brackets
            words = len(o.split())
            f = fold(o)
        m = _BRACKETED_LABEL.fullmatch(o) if o[:1] == "[" else _LABEL_ARROW.fullmatch(o) if o[-1:] in "»›" else None
        if m and not _IMAGE_WORD.match(m.group(1)) and len(m.group(1).split()) <= 3:
            o = m.group(1)                          # "[ وطني ]": a section's label in brackets
            words = len(o.split())
            f = fold(o)
        if not marked and o[:2] == "**" and o[-2:] == "**" and 4 < len(o) <= 120 and "**" not in o[2:-2]:
            o, heading = o[2:-2].strip(), True      # "**نتائج المرحلة الأولى**": a bold line, a subheading
            words = len(o.split())
            f = fold(o)
        line = _Line(i, raw, o, f, words)
        _classify(line, rules, day_first)
        if heading and line.kind == "text":
            line.sub = "heading"                # "## Diversions": a subheading in the body
        elif quoted and line.kind == "text":
            line.sub = "quote"                  # "> …": a quotation, or the standfirst over the text
        elif i in fields and line.kind == "text":
            line.kind, line.sub = "boiler", "field"       # a front matter's field no label names ("slug: …")
        out.append(line)
    # "محمد الهاجري | ملاعب قطر": a byline with the site's name printed at the top
    pipes = [l for l in out[:40] if l.kind == "crumb" and l.sub == "pipe"] if page else []
    top = next((l for l in out[:3] if l.kind in ("text", "site")), None) if pipes else None
    if top is not None and top.words <= 8:
        key = " ".join(top.f.lower().split())
        for l in pipes:
            if l is not top:
                items = [x.strip() for x in _PIPE_SPLIT.split(l.o) if x.strip()]
                if len(items) == 2 and " ".join(fold(items[1]).lower().split()) == key and _NAME_ONLY.fullmatch(fold(items[0])) \
                        and 2 <= _words(items[0]) <= 4:
                    l.kind, l.sub, l.val = "label", "auth", (0, l.o.index(items[0]) + len(items[0]))
    # the readers' comments: their heading and everything after it, once the article's text began
    seen_prose = 0
    for i, l in enumerate(out):
        if l.kind != "blank" and l.words <= 4 and _COUNT_IN_BRACKETS.search(l.f) and rules.comments.match(l.f) and (
                l.kind == "text" if not seen_prose else _prose_outweighs(out, i + 1, seen_prose)):
            # "Comentarios (41)", "Kommentare (23)" over the text: a link to the comments, not their heading
            l.kind, l.sub = "boiler", "count"
            continue
        if seen_prose and l.kind != "blank" and ((l.words <= 6 or l.words <= 25 and l.f[:1].isdigit())
                                                  and (rules.comments.match(l.f) or _ABOUT.match(l.o))   # (a heading, or "3 thoughts on …")
                                                  or l.words <= 25 and l.f[:1].lower() in _PAYWALL_FIRST and rules.paywall.match(l.f)):
            for c in out[i:]:
                if c.kind != "blank" and not (c.kind == "boiler" and c.sub.startswith("copyright")):
                    c.kind, c.sub = "boiler", "comments"
            break
        if seen_prose and l.kind == "label" and l.sub == "tags" and any(_is_prose(x) for x in out[max(0, i - 6):i]):
            for c in out[i + 1:]:             # "Tags: …" under the text: related lists and forms from there on
                if c.kind not in ("blank", "label", "site", "date") and not (c.kind == "boiler" and c.sub.startswith("copyright")) \
                        or c.kind == "date" and _is_prose(c):
                    c.kind, c.sub = "boiler", "comments"
            break
        seen_prose += _is_prose(l)
    # a menu printed one item a line: a run of short lines, three with two menu words among them
    # or four with one (a run without menu words may be a poem's lines)
    n = len(out)
    i = 0
    while i < n:
        j = i
        while j < n and (out[j].kind == "nav" or out[j].words <= 3 and out[j].kind in ("text", "site", "crumb", "boiler")
                         and not _END_PUNCT.search(out[j].f)):
            j += 1
        if j - i < 3:
            i = max(j, i + 1)
            continue
        run = [l for l in out[i:j] if not (l.kind == "nav" and l.words > 3)]     # (a whole menu on one line is not an item)
        if len(run) >= 4 and run[-1].kind == "text" and any(x.f == run[-1].f for x in run[:-1]):
            run = run[:-1]                   # (an item printed again under the menu is the section: "جهات")
        elif len(run) >= 5 and run[-1].kind == run[-2].kind == "text" and any(x.f == run[-2].f for x in run[:-2]) \
                and not any(x.f == run[-1].f for x in run[:-1]) and out[j - 1] is run[-1]:
            run = run[:-2]                   # (... and its subsection under it, a trail one item a line: "الثقافة" / "كتب")
        elif len(run) >= 5 and run[-1].kind == "text" and out[j - 1] is run[-1] and _section_under_menu(out, run, j, rules):
            run = run[:-1]                   # (a section named after an item, "أخبار مصر" under "أخبار", or under the home word)
        menu_words = sum(1 for l in run if l.kind == "nav" or rules.nav_item.match(l.f))
        if len(run) >= 4 and menu_words >= 1 or len(run) >= 3 and menu_words >= 2:
            for l in run:
                if l.kind != "site":         # (the site's name above its menu stays its name)
                    l.kind = "nav"
        i = max(j, i + 1)
    # where the article's text begins: above it the page's furniture (none of the passes below
    # turns a line of it into prose or prose into something else)
    first_prose = next((i for i, l in enumerate(out) if _is_prose(l)), n)
    # a menu of one or two words a line with none of the menu words ("محليات" / "برلمان" / "اقتصاد" /
    # …): six such lines or more before the article's text (a page's, not a dataset's body), without
    # the vowel marks of a poem's short lines
    i = 0
    while page and i < first_prose:
        j = i
        while j < n and (out[j].kind in ("text", "nav") or out[j].kind == "readalso" and not out[j].sub) and out[j].words <= 4 \
                and not _END_PUNCT.search(out[j].f) and not _HARAKAT_RE.search(out[j].o):      # (a menu's "Top Stories")
            j += 1
        # (one item of three or four words among them, "Le Goût du Monde", not first: a site's name over the menu)
        longer = sum(out[x].words > 2 for x in range(i, j))
        if j - i - longer >= 6 and longer <= 1 and out[i].words <= 2:
            last = j - 1 if out[j - 1].kind == "text" and any(x.f == out[j - 1].f for x in out[i:j - 1]) else j
            if last == j and j - i >= 7 and out[j - 1].kind == out[j - 2].kind == "text" \
                    and any(x.f == out[j - 2].f for x in out[i:j - 2]) and not any(x.f == out[j - 1].f for x in out[i:j - 1]):
                last = j - 2                     # (and its subsection under it: "الثقافة" / "كتب")
            elif last == j and out[j - 1].kind == "text" and _section_under_menu(out, out[i:j], j, rules):
                last = j - 1                     # (a section named after an item: "أخبار" … "أخبار مصر")
            for l in out[i:last]:             # (an item printed again under the menu is the section)
                l.kind = "nav"
        elif longer:
            j = i + 1                          # (from the next line: the items of one or two words under it)
        i = max(j, i + 1)
    for l in out[first_prose:]:            # under the text, "كلمة اليوم" is a credit, not a brand
        if l.kind == "site" and l.sub == "weak":
            l.kind, l.sub = "text", ""
    # the page's first line, a name of one to three words over its menu, is the site's masthead ("NewsHarbor" /
    # "Top Stories   U.S.   World …")
    first = next((i for i, l in enumerate(out) if l.kind != "blank" and not (l.kind == "nav" and _SKIP_LINK.match(l.f))), None)
    if page and first is not None and out[first].kind == "nav" and out[first].words <= 3 and not rules.nav_item.match(out[first].f):
        k = next((k for k in range(first + 1, min(n, first + 3)) if out[k].kind != "blank"), None)
        if k is not None and out[k].kind == "nav" and rules.home.match(out[k].f):
            out[first].kind = "text"         # (taken into a menu led by its home word under it: "مصراوي" / "الرئيسية" / …)
    if page and first is not None and out[first].kind == "text" and out[first].words <= 3 and not _END_PUNCT.search(out[first].f) \
            and not _HAS_DIGIT.search(out[first].f):
        k = next((k for k in range(first + 1, min(n, first + 3)) if out[k].kind != "blank"), None)
        if k is not None and out[k].kind == "nav":
            out[first].kind, out[first].sub = "site", "masthead"
    # one pass over the lines for three of a line's readings that depend on the line before it or its kind:
    # a site's name right under a byline, the writer's employer ("By ELLEN CARVER" / "Associated Press"), not the page's
    # site; a trail that ends in the date, its home word alone
    # before it ("الرئيسية › الثلاثاء، 21 يوليو 2015 - 12:55": a date line); a wire's clock, "14:27 ت م", which is its
    # story's time only under the story's end mark ("// انتهى //")
    prev = None                             # (the last line that is not blank)
    for i, l in enumerate(out):
        kind = l.kind
        if kind == "site" and i and out[i - 1].kind == "label" and out[i - 1].sub == "auth" and l.words <= 4:
            l.kind, l.sub = "boiler", "affiliation"
        elif kind == "crumb" and l.words <= 12 and _HAS_DIGIT.search(l.f):
            items = [x.strip() for x in re.split(r"\s*[›»>/|]\s*", l.f) if x.strip()]
            hits = find_dates(l.f, day_first=day_first) if len(items) >= 2 and all(rules.home.match(x) for x in items[:-1]) else []
            greg = [h for h in hits if h.hijri is None]
            if greg and greg[0].start >= l.f.find(items[-1]):
                l.kind, l.sub, l.val = "date", "", (greg[0], hits)
        elif kind == "label" and l.sub == "time" and len(l.val) > 2:
            if prev is None or not (prev.kind == "boiler" and _END_MARK.search(prev.f)):
                l.kind, l.sub = "boiler", "clock"
        if kind != "blank":
            prev = l
    # an e-mail's envelope (From:, To:, Date:, Subject: at the top): when the newsletter prints its own article
    # under it, dated to the minute within fifteen lines, the envelope's date and subject are the message's
    heads = []                              # (the envelope's header names, line by line)
    for l in out if page else ():
        m = _MAIL_HEADER.match(l.raw) if l.kind != "blank" else None
        if m is None:
            break
        heads.append(m.group(1).lower())
    env = len(heads)
    if env >= 3 and "from" in heads and "subject" in heads \
            and any(l.kind == "date" and l.val[0].precision != "day" or l.kind == "label" and l.sub == "date"
                    and any(h.precision != "day" for h in l.val[2]) for l in out[env:env + 15]):    # (with its time: not an edition's day)
        for l, head in zip(out, heads):
            if l.kind in ("label", "date") and head in ("date", "subject", "sent"):
                l.kind, l.sub = "boiler", "envelope"
    # a record's fields under a rule closing its text (a clipping service's keywords, tone and ad value): furniture
    for rule in range(first_prose + 1, n) if page else ():
        if out[rule].kind != "boiler" or not _RULE_LINE.fullmatch(out[rule].o):
            continue
        texts = [l for l in out[rule + 1:] if l.kind == "text" or l.kind == "boiler" and l.sub == "figures"]    # ("Tone: Positive | AVE: £1,850")
        if texts and all(l.words <= 25 for l in texts) and 2 * sum(bool(_KEY_VALUE.match(l.f)) for l in texts) >= len(texts):
            for l in texts:
                l.kind, l.sub = "boiler", "field"
            break
    # a print page's footer, its site's address alone under the text (a dataset's text keeps a column's)
    last_text = next((i for i in range(n - 1, -1, -1) if out[i].kind == "text" and out[i].words >= 6), 0)
    for l in out[last_text + 1:] if page else ():
        if l.kind == "text" and l.words == 1 and l.o.startswith(("www.", "http://www.", "https://www.")) \
                and _BARE_DOMAIN.fullmatch(l.o.split("//")[-1].rstrip("/")):
            l.kind, l.sub = "boiler", "address"
    # a line of figures is a ticker above the article's text; under it, a table's row (a league's
    # standings, results) is the article's
    for l in out[first_prose:]:
        if l.kind == "boiler" and l.sub == "figures":
            l.kind, l.sub = "text", ""
    if not page:                            # (in a dataset's text a name with an initial is the text's, as its gold has it)
        for l in out:
            if l.kind == "label" and l.sub == "auth" and l.val == (0, len(l.f)) and _INITIAL_NAME.fullmatch(l.o):
                l.kind = "text"
    # an embedded tweet: its signature ("— Name (@handle) January 27, 2024") and the lines above it
    # down to a blank line (the account's name, its handle, the tweet, its picture's link)
    for i, l in enumerate(out):
        if l.words <= 20 and "(@" in l.o and _TWEET_SIG.match(l.o):
            l.kind, l.sub = "boiler", "embed"
            for c in reversed(out[max(0, i - 6):i]):
                if c.kind == "blank" or c.words > 60:
                    break
                c.kind, c.sub = "boiler", "embed"
    # a news database's search summary: the heading and its lines of fields down to a blank line
    for i, l in enumerate(out[:40]):
        if l.words == 2 and l.f.strip().lower() in ("search summary", "ملخص البحث"):
            for c in out[i:]:
                if c.kind == "blank":
                    break
                c.kind, c.sub = "boiler", "field"
            break
    # a block of fields (a CMS's export, a wire's slug lines): four "key: value" lines or more with no blank
    # line between them, two of them a label's or a date's and half the block's lines: the others are the
    # record's ("الصورة الرئيسية: /media/…", "رقم الخبر: سان/0412", "الأولوية: عادية"), not the article's text
    i = 0
    while i < first_prose:                  # (over the text: under it, "الدمام: الوطن" over the fields is its byline)
        j = i
        while j < n and out[j].kind != "blank":
            j += 1
        keyed = [l for l in out[i:j] if l.words <= 12 and l.kind in ("text", "label", "date")
                 for m in [_KEY_VALUE.match(l.f)] if m and _words(m.group()) <= 4]    # (the key's three words, and its value's first)
        if len(keyed) >= 4 and sum(l.kind != "text" for l in keyed) >= 2 \
                and 2 * len(keyed) >= sum(l.kind not in ("boiler", "share") for l in out[i:j]):
            for l in keyed:
                # (a byline, "الرياض: خالد العمر", stays; so does a headline with its colon, "المرور: 90 % من مخالفي …")
                if l.kind == "text" and not _PLACE_NAME.fullmatch(l.f.strip()) and _words(re.split("[:：]", l.f, maxsplit=1)[1]) <= 4:
                    l.kind, l.sub = "boiler", "field"
        i = j + 1
    # a ticker: the lines under a lone "عاجل" / "BREAKING" / "LATEST" above the menu or breadcrumb
    for i, l in enumerate(out[:first_prose]):
        if l.kind in ("boiler", "readalso") and l.words <= 2 and _TICKER_WORD.fullmatch(l.f.strip(" :|")):
            j = i + 1
            while j < n and j <= i + 5 and out[j].kind == "text" and out[j].words <= 16:
                j += 1
            k = next((x for x in range(j, min(n, j + 4)) if out[x].kind != "blank"), None)
            if k is not None and out[k].kind in ("nav", "crumb"):        # (a kicker over the headline has none under it)
                for t in out[i + 1:j]:
                    t.kind, t.sub = "boiler", "ticker"
    # tickers between the menu and the section's name printed again over the headline ("الرئيسية |
    # أخبار محلية | تقارير" / "عاجل: ارتفاع سعر الريال …" / "تقارير" / the headline)
    for i in range(min(first_prose, 40)):
        l = out[i]
        if l.kind == "text" and l.words <= 3 and not _END_PUNCT.search(l.f) and _menu_item(out, i):
            above = []
            for c in reversed(out[max(0, i - 6):i]):
                if c.kind in ("text", "boiler", "blank") and c.words <= 30:
                    above.append(c)
                    continue
                if c.kind == "nav" and any(x.kind == "text" for x in above) and len([x for x in above if x.kind == "text"]) <= 3:
                    for x in above:
                        if x.kind == "text":
                            x.kind, x.sub = "boiler", "ticker"
                break
            break
    # the titles listed under a "read also" heading (under an open one, "المزيد من العالم", "مقابلات
    # أخرى", two short titles or more, not a line that leads into a list of the text's)
    for i, line in enumerate(out):
        if line.kind != "readalso":
            continue
        is_open = line.sub == "open"
        taken = []
        j = i + 1
        while j < n and len(taken) < 15:
            l = out[j]
            if l.kind == "blank":
                if taken:
                    break
                j += 1
                continue
            if l.kind == "boiler" and l.words == 1 and l.f.strip().isdigit() and j + 1 < n and out[j + 1].kind == "text":
                j += 1                       # (a list's rank over its title: "الأكثر قراءة" / "1" / title / "2" / …)
                continue
            if (l.kind == "text" and l.words <= (16 if is_open else 40) and not _STATEMENT_END.search(l.f)
                    and not (is_open and l.f.rstrip().endswith((":", "：")))) or (
                l.kind in ("text", "crumb", "date", "site", "nav") and _LIST_MARK.match(l.f) and l.words <= 30
            ):
                taken.append((l, l.kind))
                l.kind = "related"
                j += 1
                continue
            break
        if is_open and len(taken) < 2:
            line.kind, line.sub = "text", ""
            for l, kind in taken:
                l.kind = kind
    return out


# ---------------------------------------------------------------------------
# result builder


class ArticleParts:
    """Mutable accumulator used while reading one article; frozen into Extraction."""

    __slots__ = (
        "title", "published", "precision", "tz_given", "hijri", "category", "section", "tags", "source",
        "author", "agency", "dek", "blocks", "language", "dir", "encoding", "url", "warnings", "evidence",
        "updated_at", "authors",
    )

    def __init__(self) -> None:
        self.title = self.published = self.precision = self.hijri = None
        self.category = self.section = self.source = self.author = self.agency = self.dek = None
        self.language = self.dir = self.encoding = self.url = None
        self.tz_given = False
        self.updated_at: tuple | None = None     # set_date's arguments for the first "updated" date: published only failing all else
        self.tags: list[str] = []
        self.authors: list[str] = []              # (bylines stacked one a line: each name, for the byline they make)
        self.blocks: list[tuple[str, str]] = []
        self.warnings: list[str] = []
        self.evidence: list[tuple[str, str, int | None, str]] = []

    def set(self, field: str, value, rule: str, line: _Line | None = None, *, text: str | None = None) -> bool:
        if field == "dek" and isinstance(value, str) and value[:2] in ("- ", "– ", "— ", "• "):
            value = value[2:].strip()          # ("- تشمل الخطة …": a standfirst marked as a list's item)
        if field == "category" and isinstance(value, str) and " / " in value and rule.startswith("category:line-above"):
            items = value.split(" / ")          # ("Business / Energy" over the headline: a short trail, its last item)
            if 2 <= len(items) <= 3 and all(1 <= _words(x) <= 3 for x in items):
                value = items[-1].strip()
        if field == "category" and rule == "category:line-above-title" and self.category is not None and value != self.source:
            self.unset("category", _WEAK_CATEGORY)     # (the section over the headline, not the words beside the site's name)
        if value is None or value == "" or getattr(self, field) not in (None, "", []):
            return False
        if field == "category" and value == self.source:
            return False                        # (the site's name is not its section)
        if field == "source" and value == self.category:
            self.category = None
            self.evidence = [e for e in self.evidence if e[0] != "category"]
        setattr(self, field, value)
        self.evidence.append((field, rule, line.no if line else None, text if text is not None else (line.o if line else "")))
        return True

    def unset(self, field: str, rules: tuple[str, ...] | None = None) -> None:
        """Take back ``field`` (only when one of ``rules`` gave it): a better reading follows."""
        if rules is None or any(e[0] == field and e[1] in rules for e in self.evidence):
            setattr(self, field, None)
            self.evidence = [e for e in self.evidence if e[0] != field]

    def set_time(self, hour: int, minute: int, rule: str, line: _Line, *, zone: tzinfo | None = None) -> None:
        """The time of a date given to the day only (printed apart from it: a database's time
        field, a blog's footer; ``zone``: the clock it is printed on, "14:27 ت م")."""
        if self.published is not None and self.precision == "day" and hour < 24 and minute < 60:
            self.published = self.published.replace(hour=hour, minute=minute)
            if zone is not None and self.published.tzinfo is None:
                self.published, self.tz_given = self.published.replace(tzinfo=zone), True
            self.precision = "minute"
            self.evidence.append(("published", rule, line.no, line.o))

    def set_date(self, hit: DateHit, hits: list[DateHit], rule: str, line: _Line | None, tzname: str | None,
                 *, text: str | None = None, updated: bool = False, refine: bool = False) -> bool:
        """``updated``: the date is labelled as the last update ("Last updated:", "آخر تحديث"): it is
        the published date only when no other date is found (``use_updated``). ``refine``: a date
        of the header with its time replaces one found before it without a time, on that day or
        earlier (a masthead's "today", "الخميس 23 ماي 2024", above "نشر في: 22 ماي 2024 على الساعة 13:05")."""
        if self.published is not None:
            if not (refine and not updated and self.precision == "day" and hit.precision in ("minute", "second")
                    and hit.value.date() <= self.published.date()):
                return False
            self.published = None
            self.evidence = [e for e in self.evidence if e[0] != "published"]
        if updated:
            if self.updated_at is None:
                self.updated_at = (hit, hits, rule, line, tzname, text)
            return False
        self.published = _apply_tz(hit.value, hit.tz_given, tzname)
        self.precision = hit.precision
        self.tz_given = hit.tz_given
        self.evidence.append(("published", f"{rule}:{hit.rule}", line.no if line else None,
                              text if text is not None else (line.o if line else "")))
        for h in hits:
            if h.hijri and self.hijri is None:
                self.hijri = h.hijri
                self.evidence.append(("hijri", "date:hijri", line.no if line else None,
                                      text if text is not None else (line.o if line else "")))
        return True

    def use_updated(self) -> None:
        if self.published is None and self.updated_at is not None:
            hit, hits, rule, line, tzname, text = self.updated_at
            self.set_date(hit, hits, rule, line, tzname, text=text)

    def freeze(self) -> Extraction:
        # (a field's words in Unicode's composed form, NFC, as a raw text's lines are read: a dataset's or a page's title
        # with a shadda typed before its fatha is the same title; the text keeps its characters as written, as the gold
        # set's paragraphs_sha256 has them)
        def one(value: str | None) -> str | None:
            return nfc(_one_line(value)) if value else value
        blocks = tuple(self.blocks)
        return Extraction(
            title=one(self.title),
            published=self.published,
            published_precision=self.precision if self.published is not None else None,
            hijri=self.hijri,
            category=one(self.category),
            section=one(self.section),
            tags=tuple(dict.fromkeys(nfc(t) for t in self.tags if t)),
            source=one(self.source),
            author=one(self.author),
            agency=one(self.agency),
            dek=one(self.dek),
            subheadings=tuple(t for k, t in blocks if k == "h"),
            blocks=blocks,
            language=self.language,
            dir=self.dir,
            encoding=self.encoding,
            url=self.url,
            warnings=tuple(dict.fromkeys(self.warnings)),
            evidence=tuple(self.evidence),
        )


_SPACE_RUN = re.compile(r"[ \t]{2,}")


def _one_line(value: str | None) -> str | None:
    """A field as one line reads: a run of spaces or tabs inside it one space ("إصابة مفاجأة  لمدرب الاتحاد")."""
    return _SPACE_RUN.sub(" ", value) if value and ("  " in value or "\t" in value) else value


def _unescape(s: str | None) -> str | None:
    if s is None:
        return None
    if "&" in s and _HTML_ENTITY.search(s):
        import html

        s = html.unescape(s)
    s = clean(s)
    return s or None


def _byline_like(line: _Line, rules: RuleSet) -> bool:
    return line.words <= 8 and (bool(_BYLINE_PUNCT.search(line.f)) or bool(rules.agency.search(line.f)))


def _agency_in(text_f: str, rules: RuleSet) -> str | None:
    m = rules.agency.search(text_f)
    return m.group(0) if m else None


# ---------------------------------------------------------------------------
# main


def _profiles_for(options: ExtractOptions, rel_path: str, *, url: str | None = None,
                  source_id: str | None = None) -> list[Profile]:
    out = []
    path = rel_path.replace("\\", "/")
    for p in options.profiles:
        if p.paths and any(fnmatchcase(path, g) for g in p.paths):
            out.append(p)
        elif source_id and source_id in p.ids:
            out.append(p)
        elif url and p.url_pattern and re.search(p.url_pattern, url):
            out.append(p)
    return out


def extract_text(text: str, *, options: ExtractOptions, rel_path: str = "", encoding: str | None = None) -> Extraction:
    """Extract one article from decoded text. Raises ExtractError (empty_input)."""
    if not text or is_blank_text(text):
        raise ExtractError("empty_input", "the text holds only whitespace or invisible marks")
    parts = ArticleParts()
    parts.encoding = encoding
    _extract_lines(text, parts, options, rel_path)
    return parts.freeze()


def extract_bytes(data: bytes, *, rel_path: str, options: ExtractOptions) -> Extraction:
    """A raw text, a saved web page (``.html``, ``.htm``, or any file that starts as HTML) or a saved
    RSS/Atom item."""
    text, enc = decode(data, rel_path=rel_path, options=options)
    if rel_path.lower().endswith((".html", ".htm")) or text[:4096].lstrip()[:1] == "<":     # (not a copy of the whole text)
        from .page import extract_feed_item, extract_page, looks_like_feed, looks_like_html

        if looks_like_feed(text):
            return extract_feed_item(text, options=options, rel_path=rel_path, encoding=enc)
        if looks_like_html(text) or rel_path.lower().endswith((".html", ".htm")) and "<" in text[:4096]:
            return extract_page(text, options=options, rel_path=rel_path, encoding=enc)
    return extract_text(text, options=options, rel_path=rel_path, encoding=enc)


def _rules_for(options: ExtractOptions) -> RuleSet:
    return compile_rules(options.profiles, options.boilerplate, options.site_names)


def _extract_lines(text: str, parts: ArticleParts, options: ExtractOptions, rel_path: str,
                   *, profiles: list[Profile] | None = None, body_only: bool = False) -> None:
    token = TEXT_READ.set(text)         # (its language tells a Solar Hijri date in numbers from a lunar one)
    try:
        _read_lines(text, parts, options, rel_path, profiles=profiles, body_only=body_only)
    finally:
        TEXT_READ.reset(token)


def _read_lines(text: str, parts: ArticleParts, options: ExtractOptions, rel_path: str,
                *, profiles: list[Profile] | None, body_only: bool) -> None:
    rules = _rules_for(options)
    lines = _prepare(text, rules, options.day_first, page=not body_only)
    if profiles is None:
        profiles = _profiles_for(options, rel_path)
    # profiles selected by a site name printed in the file
    if options.profiles:
        names = {" ".join(l.f.lower().split()) for l in lines if l.kind == "site"}
        for l in lines:
            if l.kind == "site" and l.sub == "pipe":
                names.update(" ".join(p.lower().split()) for p in _PIPE_SPLIT.split(l.f))
            elif l.kind == "boiler" and l.sub == "copyright":
                names.add(" ".join(l.f[l.val[0]:l.val[1]].lower().split()).strip(" .,،-–|"))
            elif l.kind == "label" and l.sub == "src":
                names.add(" ".join(l.f[l.val[0]:].lower().split()))
        for p in options.profiles:
            if p not in profiles and any(" ".join(fold_pattern(s).lower().split()) in names for s in p.site_names):
                profiles.append(p)
    tzname = next((p.timezone for p in profiles if p.timezone), None) or options.timezone
    pboiler = _profile_boiler(tuple(b for p in profiles for b in p.boilerplate))
    if pboiler is not None:
        for l in lines:
            if l.kind == "text" and pboiler.match(l.f):
                l.kind = "boiler"
                l.sub = "profile"
    n = len(lines)
    if not body_only:
        _masthead_of_copyright(lines)
        _dek_under_its_label(lines, rules)
        _writer_box(lines)
        _hashtag_section(lines)

    # -- header -----------------------------------------------------------
    header_end = -1
    repeats: dict[int, int] = {}  # index of repeated headline -> index of the first occurrence
    if not body_only:
        texts_seen: list[int] = []
        pending = 0
        date_seen = False
        for i, l in enumerate(lines):
            k = l.kind
            if k == "boiler" and not texts_seen and (not l.sub and l.words <= 45 and not _LABELLED.match(l.o)
                                                     and l.o.rstrip().endswith((")", "]", "أرشيفية", "ارشيفية"))
                                                     or l.sub == "teaser"):
                # a headline such as "... (ارشيف)" or "... (AFP)" looks like a photo caption, "بالفيديو: …" or
                # "Watch: …" like a video's teaser; standing right above the dateline or the site name it is the headline
                nxt = _next_nonblank(lines, i + 1)
                if nxt is not None and lines[nxt].kind in ("date", "site", "label"):
                    l.kind = k = "text"
            if k == "text" and _CONTACT_HEAD.match(l.f) and header_end >= 0:
                # a release's contact block over its headline ("Media Contact:", a name, a phone, an e-mail)
                j = i
                while j < n and lines[j].kind != "blank" and lines[j].words <= 8:
                    lines[j].kind = "boiler"
                    j += 1
                continue
            if k == "boiler" and _RELEASE.match(l.f):
                # "FOR IMMEDIATE RELEASE": the release's headline is under it; the texts over it are the
                # wire's masthead ("Cascade Newswire", its tagline)
                if texts_seen and lines[texts_seen[0]].words <= 5 and parts.source is None:
                    parts.set("source", lines[texts_seen[0]].o, "source:masthead-over-release", lines[texts_seen[0]])
                for j in texts_seen:
                    lines[j].kind = "boiler"
                texts_seen = []
                header_end = i
                pending = 0
                continue
            if k in ("blank", "share", "boiler", "readalso"):
                continue
            if k == "date" and not texts_seen and not date_seen and _headline_with_date(lines, i, rules):
                l.kind = k = "text"             # "آلاف شاب تونسي يحصلون على تدريب مهاري السبت 28 يوليوز 2012" over the dateline
            if k in ("nav", "crumb", "date", "site", "label"):
                if k == "label" and l.sub == "tags" and texts_seen:
                    continue            # (under the headline, tags may head the text or end it)
                if k == "date" and (date_seen and rules.agency.search(l.f) and lines[i - 1].kind == "blank"
                                    or texts_seen and _wire_dateline(l, rules)):
                    break               # (a wire's dateline opening the text: "القطيف 25 شوال … 10 اغسطس 2015 م  واس")
                date_seen = date_seen or k == "date"
                header_end = i
                pending = 0
                continue
            # text line
            rep = None
            if l.words <= 40:
                for j in texts_seen:
                    if _is_repeat(l.f.lower(), lines[j].f.lower()) and lines[j].words <= 40:
                        rep = j
                        break
            if rep is not None:
                repeats[i] = rep
                header_end = i
                pending = 0
                continue
            nxt = _next_nonblank(lines, i + 1)
            # a headline may end in "؟", "!" or "..": it is not prose when metadata (a date, the
            # site name, a label) follows it
            heads_metadata = (l.words <= 45 and nxt is not None and (lines[nxt].kind in ("date", "site", "label", "crumb")
                                                                     or texts_seen and _over_byline_and_date(lines, nxt)))
            if heads_metadata:
                texts_seen.append(i)
                pending += 1
                continue
            if _is_prose(l):
                break
            texts_seen.append(i)
            pending += not (pending >= 2 and _names_over_date(lines, i))     # (names stacked one a line over their date count once)
            if pending >= 5 or l.words > 20 and (_SENT_END.search(l.f) or l.words > 40):
                break                   # (a standfirst of 21 to 40 words, unpunctuated, is still the header's)

    title_idx = weak = None
    author_from_header = False
    structured = header_end >= 0
    if header_end >= 0:
        title_idx, weak, rest = _read_header(lines, header_end, repeats, parts, rules, tzname, options.day_first)
        author_from_header = parts.author is not None
        if parts.title is not None and parts.dek is None and (title_idx is None or parts.title != lines[title_idx].o):
            # a field gave the headline and the page prints it again in the header: the line under it is its
            # standfirst (not a second headline)
            key = squash(parts.title).lower()
            t = next((i for i in range(header_end + 1) if lines[i].kind == "text" and lines[i].words >= 3
                      and key.startswith(squash(lines[i].o).lower())), None)       # (the field's may carry the site's name)
            d = _next_nonblank(lines, t + 1) if t is not None else None
            while d is not None and d <= header_end and lines[d].kind == "boiler":
                d = _next_nonblank(lines, d + 1)            # (past a Markdown heading's underline)
            if d is not None and d <= header_end and lines[d].kind == "text" and 8 <= lines[d].words <= 60 \
                    and not _END_PUNCT.search(lines[d].f) and title_idx in (None, d):
                parts.set("dek", lines[d].o, "dek:under-repeated-headline", lines[d])
                title_idx = t
    elif not body_only:
        # (past a ticker or a share bar on the first lines and the blank lines under them; a text that
        # starts with blank lines and runs into its text has no headline, as the gold set has it)
        if n > 2 and lines[0].kind == "boiler" and lines[0].sub == "teaser" and lines[1].kind == "blank":
            lines[0].kind = "text"              # "Video: …" first, a blank line under it: the headline, not a teaser
        fi = next((i for i, l in enumerate(lines[:8]) if l.kind not in ("boiler", "share", "blank")), 0) \
            if lines and lines[0].kind in ("boiler", "share") else 0
        first = lines[fi] if lines else None
        if (
            first is not None
            and first.kind == "text"
            and n > fi + 2
            and (lines[fi + 1].kind == "blank" or _site_suffix(first.o, rules) is not None
                 # (or underlined, "=====" under it; or over a text whose lines are indented as it is not; or over
                 # its lead in brackets)
                 or _RULE_LINE.fullmatch(lines[fi + 1].o) is not None and lines[fi + 2].kind == "blank"
                 or first.raw[:1] not in " \t\u00a0\u3000" and lines[fi + 1].raw[:1] in " \t\u00a0\u3000"
                 and _is_prose(lines[fi + 1]) and not _END_PUNCT.search(first.f)
                 or _BRACKETED_LEAD.fullmatch(lines[fi + 1].o) is not None and lines[fi + 2].kind == "blank")
            and 1 <= first.words <= 25
            and not (_SENT_END.search(first.f) and not first.f.rstrip().endswith(("?", "؟", "!", "..", "…")))
            and any(l.kind == "text" for l in lines[fi + 2:])
        ):
            parts.set("title", first.o, "title:first-line-then-blank", first)
            title_idx = fi
            header_end = fi
            lead = _BRACKETED_LEAD.fullmatch(lines[fi + 1].o)
            if lead is not None:                # "(وزارة التموين: صرف مستحقات المزارعين …)": the standfirst
                parts.set("dek", lead.group(1).strip(), "dek:bracketed-under-headline", lines[fi + 1])
                header_end = fi + 1
            elif lines[fi + 1].kind != "blank" and not _is_prose(lines[fi + 1]):
                header_end = fi + 1             # (its underline)
        else:
            nonblank = next((l for l in lines if l.kind == "text"), None)
            if nonblank is not None:
                parts.warnings.append(
                    f"no_title: no headline structure; first line {nonblank.no} kept in the body"
                )

    body_start = header_end + 1
    if parts.title is None and header_end >= 0 and not body_only:
        # header of metadata only (site name, date ...): the headline follows it, maybe under a
        # dateline ("دبي - العربية.نت")
        j = _next_nonblank(lines, body_start)
        teaser = lines[j] if j is not None and lines[j].kind == "boiler" and lines[j].sub == "teaser" else None
        if teaser is not None:
            teaser.kind = "text"                # ("بالفيديو: …" first under the header: the headline, if the rules below agree)
        datelines = []           # and a section name right above the headline ("Community")
        while j is not None and (lines[j].kind in ("boiler", "share") or lines[j].kind == "text" and len(datelines) < 2 and (
                _dateline_like(lines[j], rules) or _section_like(lines[j], rules) and _headline_follows(lines, j))):
            if lines[j].kind == "text":
                datelines.append(j)
            j = _next_nonblank(lines, j + 1)
        if (
            j is not None
            and (j - header_end <= 4 + len(datelines)          # (or past furniture: "بيان صحفي" / "للنشر الفوري")
                 or j - header_end <= 8 and any(lines[i].kind == "boiler" for i in range(header_end + 1, j)))
            and lines[j].kind == "text"
            and 2 <= lines[j].words <= 20
            and not _SENT_END.search(lines[j].f)
            # (a byline is a few words: "Inflation hits 40-year high as fuel prices soar" is not one)
            and not (_byline_like(lines[j], rules) and (lines[j].words <= 4 or rules.agency.search(lines[j].f)))
            and (any(_is_prose(x) for x in _next_content(lines, j + 1, 7)) or _wrapped_prose(lines, j + 1, 8))
            # under a short header line, a headline is longer than it (else the header line is
            # the headline: a column's name over its byline and a short title stays the title)
            and (weak is None or _dateline_like(lines[weak], rules) or lines[j].words > lines[weak].words
                 or any(lines[i].kind in ("nav", "crumb") for i in range(weak, header_end + 1)))    # (a masthead)
        ):
            parts.set("title", lines[j].o, "title:first-line-after-header", lines[j])
            title_idx = j
            header_end = j
            body_start = j + 1
            # (the short lines above were datelines or section names; the nearest the headline first)
            _header_rest(lines, datelines, title_idx, header_end, parts, rules, section_above=True)
            if weak is not None:
                _header_rest(lines, rest, title_idx, header_end, parts, rules, section_above=True)
        if teaser is not None and (title_idx is None or lines[title_idx] is not teaser):
            teaser.kind = "boiler"
    if weak is not None and parts.title is None:
        parts.set("title", lines[weak].o, "title:header-headline", lines[weak])
        title_idx = weak
        _header_rest(lines, [t for t in rest if t != weak], weak, header_end, parts, rules)

    # -- a kicker over the headline: "بعد وصول شحنة الفيول العراقي الجديدة" / the headline ----
    if title_idx is not None and not body_only and parts.title == lines[title_idx].o:
        k = title_idx + 1
        if k < n and _KICKER.match(lines[title_idx].f) and lines[title_idx].words <= 7 \
                and not _END_PUNCT.search(lines[title_idx].f) and lines[k].kind == "text" \
                and lines[title_idx].words < lines[k].words <= 25 and not _SENT_END.search(lines[k].f):
            parts.title = lines[k].o
            parts.evidence = [e for e in parts.evidence if e[0] != "title" and not (e[0] == "dek" and e[2] == lines[k].no)]
            parts.evidence.append(("title", "title:under-kicker", lines[k].no, lines[k].o))
            if parts.dek == lines[k].o:
                parts.dek = None
                # (the header line under the new headline is its standfirst, as it would have been)
                d = _next_nonblank(lines, k + 1)
                if d is not None and d <= header_end and lines[d].kind == "text" and 8 <= lines[d].words <= 60:
                    parts.set("dek", lines[d].o, "dek:header-line", lines[d])
            title_idx = k
            header_end = max(header_end, k)
            body_start = max(body_start, k + 1)

    # -- a headline wrapped over two lines of a print page's narrow column ------------------------
    if title_idx is not None and not body_only and parts.title == lines[title_idx].o and title_idx + 1 < n:
        t, nx = lines[title_idx], lines[title_idx + 1]
        after = lines[title_idx + 2] if title_idx + 2 < n else None
        if nx.kind == "text" and t.words <= 6 and 2 <= nx.words <= 7 and len(t.o) <= 40 and len(nx.o) <= 40 \
                and not _END_PUNCT.search(t.f) and not _END_PUNCT.search(nx.f) \
                and (after is None or after.kind == "blank" or after.kind == "text" and after.words >= 6) \
                and (nx.o[:1].islower() or not _printed_name(nx, rules) and _narrow_column(lines, title_idx + 2)):
            # (a line that runs on in lower case, or a column's next line that is not a name: "Name" under a
            # headline is its byline)
            parts.title = f"{t.o} {nx.o}"
            parts.evidence = [e for e in parts.evidence if e[0] != "title"]
            parts.evidence.append(("title", "title:wrapped-over-two-lines", t.no, parts.title))
            if header_end == title_idx:
                header_end = title_idx + 1
            title_idx += 1
            body_start = max(body_start, title_idx + 1)

    # -- a page title's site name: "Headline - صحيفة الوطن", "Headline | The Daily Courier" ----
    if parts.title is not None and not body_only:
        known = frozenset(" ".join(fold(x).lower().split()) for x in
                          [parts.source or "", *(l.o for l in lines[:header_end + 1] if l.kind in ("site", "text") and l.words <= 5)] if x)
        split = _site_suffix(parts.title, rules, known)      # (a site's own name, printed above: "الخليج اليوم")
        if split is not None:
            where = lines[title_idx] if title_idx is not None else None
            head, _, section = split[0].rpartition(" | ")
            if head and _words(head) >= 3 and 1 <= _words(section) <= 3 and not _HAS_DIGIT.search(section):
                # a window's title, "Headline | Section | Site": the section between the two
                parts.title = head.strip()
                parts.set("category", section.strip(), "category:title-bar", where)
            else:
                parts.title = split[0]
            parts.set("source", split[1], "source:title-suffix", where)

    # -- a standfirst and a byline with its role under a headline that is not repeated ----
    if title_idx is not None and not body_only and header_end not in repeats and header_end == title_idx:
        body_start = _under_headline(lines, body_start, parts, rules, tzname)

    # -- dek / section directly under the headline (reference layout) ----
    if title_idx is not None and not body_only:
        last_header = lines[header_end] if header_end >= 0 else None
        headline_last = header_end in repeats or header_end == title_idx
        if headline_last and last_header is not None and header_end in repeats:
            j = _next_nonblank(lines, body_start)
            if j is not None and lines[j].kind == "text" and parts.dek is None:
                l = lines[j]
                k2 = _next_nonblank(lines, j + 1)
                blank_after = j + 1 < n and lines[j + 1].kind == "blank"
                # a short dek (5-7 words) only when the section word follows it, as in the reference
                # layout; a short first paragraph (a caption, a name) is not a dek
                short_ok = (k2 is not None and lines[k2].kind == "text" and lines[k2].words <= 2
                            and any(_is_prose(x) for x in lines[k2 + 1:k2 + 4]))
                if (
                    (8 <= l.words or (5 <= l.words and short_ok)) and l.words <= 60
                    and len(l.o) <= 320
                    and not _END_PUNCT.search(l.f) and not l.f.rstrip().endswith(("-", "–"))     # ("… فيما يلي نصه:-")
                    and blank_after
                    and k2 is not None
                    and lines[k2].kind == "text"
                ):
                    parts.set("dek", l.o, "dek:unpunctuated-line-under-headline", l)
                    body_start = j + 1
            j = _next_nonblank(lines, body_start)
            if j is not None and lines[j].kind == "text" and parts.section is None:
                l = lines[j]
                k2 = _next_nonblank(lines, j + 1)
                if (
                    l.words <= 2
                    and len(l.o) <= 30
                    and not re.search(r"[\d\W_]", l.f.replace(" ", ""))
                    and j + 1 < n
                    and lines[j + 1].kind == "blank"
                    and k2 is not None
                    and lines[k2].kind == "text"
                    and _is_prose(lines[k2])
                ):
                    parts.set("section", l.o, "section:short-line-above-body", l)
                    body_start = j + 1

    # a byline under the date, a place and a name ("أكادير - حسن أوبلا", "كوستي: عوض الكريم الطيب"),
    # a blank line under it: the byline as printed (a text's own first line comes after a blank line)
    if title_idx is not None and not body_only and parts.author is None and 0 <= header_end < n - 2 \
            and _dated(lines[header_end]) \
            and body_start == header_end + 1:
        # (right under it; after a blank line only as "place: name", where "name – outlet" opens a text)
        j = header_end + 1 + (lines[header_end + 1].kind == "blank")
        l = lines[j]
        if j > header_end + 1 and not _PLACE_COLON.match(l.f):
            l = lines[header_end + 1]
        if l.kind == "text" and j + 1 < n and (lines[j + 1].kind == "blank" or _is_prose(lines[j + 1])) \
                and (_PLACE_NAME.fullmatch(l.f.strip()) or _NAME_PLACE.fullmatch(l.f.strip()) or _DESK_CREDIT.fullmatch(l.f.strip())
                     # (right under the date, a place and the outlet's one word: "مسقط - الرؤية")
                     or j == header_end + 1 and _PLACE_OUTLET.fullmatch(l.f.strip())) \
                and not rules.agency.search(l.f):
            parts.set("author", l.o, "author:place-name-under-date", l)
            body_start = j + 1
    # a credit line opening the body, "بورتسودان - سونا", "الرياض - واس": the byline as printed
    if title_idx is not None and not body_only:
        j = _next_nonblank(lines, body_start)
        after = _next_content(lines, j + 1, 1) if j is not None else []       # (past a photo's caption)
        if j is not None and after and lines[j].kind == "text" and _dateline_like(lines[j], rules) \
                and rules.agency.search(lines[j].f) and _is_prose(after[0]):
            if parts.set("author", lines[j].o, "author:credit-above-body", lines[j]):
                ag = _agency_in(lines[j].f, rules)
                if ag:
                    parts.set("agency", _canon_agency(lines[j].o, lines[j].f, rules), "agency:credit-line", lines[j])
                body_start = j + 1
            elif not (j > 0 and lines[j - 1].kind == "blank"):
                body_start = j + 1
            # (under a byline already read, set apart from it by a blank line, the dateline opens the text, as a
            # dataset's text has it: "الدوحة/ الأناضول")

    # a Markdown file's standfirst: a quotation ("> …") first under the headline and its fields, over the text
    j = _next_nonblank(lines, body_start) if title_idx is not None and not body_only and parts.dek is None else None
    if j is not None and lines[j].sub == "quote" and 5 <= lines[j].words <= 60 and not _byline_like(lines[j], rules) \
            and any(_is_prose(x) for x in _next_content(lines, j + 1, 2)):
        parts.set("dek", lines[j].o, "dek:quote-over-text", lines[j])
        body_start = j + 1
    _read_body(lines, body_start, parts, rules, options, tzname, profiles,
               credit_ok=not author_from_header and not body_only, structured=structured)
    # the standfirst printed again as the text's first paragraph (a web clipper's "_…_" under its field): once
    if parts.dek and len(parts.blocks) > 1 and parts.blocks[0][0] == "p" and squash(parts.blocks[0][1]) == squash(parts.dek):
        parts.blocks = parts.blocks[1:]
    # a header of fields, then the text printed from its headline (a read-it-later app's export): not a paragraph
    if parts.title and parts.blocks and any(e[0] == "title" and e[1] == "title:label" for e in parts.evidence) \
            and squash(parts.blocks[0][1]) == squash(parts.title):
        parts.blocks = parts.blocks[1:]
        # ... and its standfirst under it: one short sentence over the text
        if parts.dek is None and len(parts.blocks) >= 3 and parts.blocks[0][0] == "p" and _words(parts.blocks[0][1]) <= 30 \
                and len(_SENT_SPLIT.findall(parts.blocks[0][1])) <= 1 and _words(parts.blocks[1][1]) >= 20:
            parts.set("dek", parts.blocks[0][1], "dek:under-repeated-headline", None, text=parts.blocks[0][1])
            parts.blocks = parts.blocks[1:]
    # the writer's tagline closing the text: "Marcus Delaney covers local government for the Sentinel."
    if parts.author and parts.blocks and parts.blocks[-1][0] == "p" and _is_bio(parts.blocks[-1][1], parts.author):
        parts.evidence.append(("paragraphs", "paragraphs:writer-tagline-dropped", None, parts.blocks[-1][1][:80]))
        parts.blocks.pop()
    # ... and the site's sentence about itself under it: "WorldWire Digest aggregates reports from news agencies …"
    if parts.source and _words(parts.source) >= 2 and len(parts.blocks) >= 3 and parts.blocks[-1][0] == "p" \
            and _words(parts.blocks[-1][1]) <= 25 and parts.blocks[-1][1].startswith(parts.source + " ") \
            and _SELF_VERB.match(parts.blocks[-1][1], len(parts.source) + 1):
        parts.evidence.append(("paragraphs", "paragraphs:site-about-itself-dropped", None, parts.blocks[-1][1][:80]))
        parts.blocks.pop()

    # a release's or a wire's standfirst: an unpunctuated line under the headline, over a lead that opens
    # with its dateline ("RENO, Nev., April 9, 2024 /Cascade Newswire/ --", "أبوظبي، 19 فبراير 2024:")
    lead = None
    if parts.dek is None and parts.title is not None and not body_only and len(parts.blocks) >= 3 \
            and parts.blocks[0][0] == "p" and parts.blocks[1][0] == "p" and 5 <= _words(parts.blocks[0][1]) <= 40 \
            and not _END_PUNCT.search(parts.blocks[0][1]):
        first_l = next((l for l in lines[body_start:] if l.kind == "text"), None)
        lead = next((l for l in lines[first_l.no:] if l.kind == "text"), None) if first_l is not None else None
        if first_l is None or lead is None or squash(first_l.o) != squash(parts.blocks[0][1]) \
                or squash(lead.o) != squash(parts.blocks[1][1]) or not _dated_lead(lead.f, options.day_first) \
                or find_dates(first_l.f[:160], day_first=options.day_first):
            lead = None
        else:
            parts.set("dek", parts.blocks[0][1], "dek:over-dated-lead", first_l, text=parts.blocks[0][1])
            parts.blocks = parts.blocks[1:]

    # -- fall-backs and derived fields ------------------------------------
    if parts.source is None and not body_only:
        # a site word and one adjective alone in the header, where the site's name stands ("صحيفة عربية" under the
        # dateline): a tagline under a masthead, but with no other name printed, the name the page gives itself
        # (not a medium's word alone: "صحيفة إلكترونية", "جريدة يومية")
        end = next((i for i in range(max(body_start, 0), n) if lines[i].kind == "text"), n)     # (above the text)
        l = next((l for l in lines[:end] if l.kind == "boiler" and l.sub == "tagline" and l.words == 2), None)
        if l is not None and not _MEDIUM_WORD.fullmatch(l.f.split()[1]):
            parts.set("source", l.o, "source:site-word-and-adjective", l)
    if parts.published is None and not body_only:
        first_p = lead or next((l for l in lines[body_start:] if l.kind == "text"), None)
        if first_p is not None:
            head = first_p.f[:160]
            hits = find_dates(head, day_first=options.day_first)
            greg = [h for h in hits if h.hijri is None]
            if greg:
                parts.set_date(greg[0], hits, "published:dateline", first_p, tzname, text=first_p.o[:160])
                if parts.agency is None:
                    m = rules.agency.match(head, greg[-1].end + (len(head[greg[-1].end:]) - len(head[greg[-1].end:].lstrip(" ([«-–—ـ"))))
                    if m:
                        parts.set("agency", first_p.o[m.start():m.end()], "agency:dateline", first_p, text=first_p.o[:160])
    parts.use_updated()
    url_line = next((l for l in lines if l.kind == "boiler" and l.sub == "url"), None) if not body_only else None
    if url_line is not None and parts.url is None:
        parts.url = url_line.val[0]
        if parts.published is None:                  # "https://site/2024/01/27/sports/...": the day
            ymd = compact_date(parts.url)
            if ymd:
                parts.published, parts.precision = _apply_tz(datetime(*ymd), False, tzname), "day"
                parts.evidence.append(("published", "published:url-path", url_line.no, url_line.o))
    if parts.author and parts.agency is None:
        ag = _agency_in(fold(parts.author), rules)
        if ag:
            parts.set("agency", _canon_agency(parts.author, fold(parts.author), rules), "agency:in-byline", None,
                      text=parts.author)
    for p in profiles:
        if p.source and parts.source != p.source:
            parts.evidence.append(("source", f"profile:{p.name}", None, parts.source or ""))
            parts.source = p.source
            break
    _language(parts, profiles)


def _site_suffix(text: str, rules: RuleSet, known: frozenset[str] = frozenset()) -> tuple[str, str] | None:
    """A page title "Headline - Site" / "Headline | Site" -> (headline, site) when the last part
    is a site name (a site word, a press word, a domain, a profile's site) and the rest is a
    headline of three words or more."""
    m = _TITLE_SITE.match(text)
    if m is None or _words(m.group(1)) < 3:
        return None
    site = m.group(2).strip()
    site_f = fold(site)
    key = " ".join(site_f.lower().split())
    if key in known or _site_name(site, site_f, rules) or (rules.profile_site_re is not None and rules.profile_site_re.match(key)):
        return m.group(1).strip(), site
    return None


def _under_headline(lines: list[_Line], start: int, parts: ArticleParts, rules: RuleSet, tzname: str | None) -> int:
    """Under a headline that ends the header: a standfirst (an unpunctuated line of 8-40 words
    with a short line or metadata after it, or a sentence over a byline and its date), a byline
    printed as a name over its role ("Tom Brown" / "Economics Editor") or over its date, and that
    date. Returns where the body starts."""
    j = _next_nonblank(lines, start)
    if j is None:
        return start
    l = lines[j]
    k = _next_nonblank(lines, j + 1)
    k2 = _next_nonblank(lines, k + 1) if k is not None else None
    over_byline = k is not None and (_dated(lines[k]) or k2 is not None and _dated(lines[k2])
                                     and lines[k].kind == "text" and _printed_name(lines[k], rules))
    if (l.kind == "text" and parts.dek is None and 8 <= l.words <= 40 and len(l.o) <= 320
            and (not _END_PUNCT.search(l.f) or over_byline and l.words <= 45)      # ("… une première en dix ans." / name / date)
            and k is not None and (lines[k].kind in ("date", "label") or lines[k].kind == "text" and lines[k].words <= 4
                                   # (or over a text whose paragraphs are indented as it is not)
                                   or lines[k].kind == "text" and not _END_PUNCT.search(l.f) and l.raw[:1] not in " \t\u00a0"
                                   and lines[k].raw[:1] in " \t\u00a0"
                                   # (or right under the headline, set apart from the text by a blank line)
                                   or j == start and j + 1 < len(lines) and lines[j + 1].kind == "blank" and _is_prose(lines[k])
                                   and not _END_PUNCT.search(l.f) and lines[start - 1].kind == "text")
            and (any(_is_prose(x) for x in _next_content(lines, k, 4)) or _wrapped_prose(lines, k, 6))):
        parts.set("dek", l.o, "dek:standfirst-under-headline", l)
        start, j = j + 1, k
        l, k = lines[j], _next_nonblank(lines, j + 1)
        if l.kind == "text" and parts.author is None and l.words <= 6 and _PLACE_NAME.fullmatch(l.f.strip()) \
                and not rules.agency.search(l.f) and k is not None and _is_prose(lines[k]):
            parts.set("author", l.o, "author:place-name-under-standfirst", l)     # "دبي: سارة الحمادي"
            start, j = j + 1, k
            l, k = lines[j], _next_nonblank(lines, j + 1)
    if (l.kind == "text" and parts.author is None and 2 <= l.words <= 4 and _NAME_ONLY.fullmatch(l.f) and k is not None
            and lines[k].kind == "text" and lines[k].words <= 5 and rules.byline_role.search(lines[k].f)
            and not _END_PUNCT.search(lines[k].f)):
        parts.set("author", l.o, "author:name-over-role", l)
        start = k + 1
    elif (l.kind == "text" and parts.author is None and _printed_name(l, rules, most=3) and k is not None
            and (parts.published is not None or any(_dated(x) for x in lines[:j]))
            and not _END_PUNCT.search(l.f.rstrip(":：»") if _PLACE_NAME.fullmatch(l.f.strip().rstrip(":：").rstrip()) else l.f)
            and (any(_is_prose(x) for x in _next_content(lines, j + 1, 1)) or _wrapped_prose(lines, j + 1, 2))):
        # the date printed above the headline: "يوسف بنعلي", "نزوى ـ سالم بن حمد البلوشي:"
        parts.set("author", l.o.rstrip(" :："), "author:name-under-headline", l)
        start = j + 1
    elif (l.kind == "text" and parts.author is None and _printed_name(l, rules, most=3) and k is not None
            and (_dated(lines[k]) or lines[k].kind == "boiler" and (_RELATIVE_TIME.search(lines[k].f) or any(
                _dated(x) for x in _next_content(lines, k, 1))))):
        parts.set("author", l.o, "author:name-over-date", l)    # "ريم الحلبي" / "منذ ساعتين": a byline over its time
        start = j + 1
        if lines[k].kind == "boiler":           # (past a reading time)
            k = next((lines.index(x, k) for x in _next_content(lines, k, 1) if x.kind == "date"), k)
        while k < len(lines) and _dated(lines[k]):
            if lines[k].kind == "label":        # "Mathieu Gagnon" / "Publié le 21 mars 2025 à 9 h 47": its date, and
                _read_label(lines[k], parts, rules, tzname)       # the next line's ("Son Güncelleme: …" / "Yayınlanma: …")
            else:
                hit, hits = lines[k].val
                parts.set_date(hit, hits, "published:date-under-byline", lines[k], tzname, refine=True,
                               updated=_updated_before(lines[k].f, hit, hits))
            start = k = k + 1
    return start


_HEADLINE_SEP = re.compile(r"[|\-–—ـ،,:：•·/(\[]")


def _headline_with_date(lines: list[_Line], i: int, rules: RuleSet) -> bool:
    """A date line whose date closes a run of five words or more, with no label or separator before it, over another
    date line: a headline that carries the date it was first printed on; the dateline under it is the article's."""
    l = lines[i]
    before = WEEKDAY_RE.sub(" ", l.f[:l.val[0].start]).rstrip(" ,،")      # (its weekday and comma are the date's: "Saturday, …")
    if _words(before) < 5 or _HEADLINE_SEP.search(before) or rules.label.match(before.strip()):
        return False
    nxt = _next_nonblank(lines, i + 1)
    return nxt is not None and lines[nxt].kind == "date"


def _dated(l: _Line) -> bool:
    """A date line, printed alone or labelled ("Giriş: 14.02.2025 09:30")."""
    return l.kind == "date" or l.kind == "label" and l.sub == "date"


def _rule_over_headline(lines: list[_Line], i: int) -> bool:
    """A rule ("_____") under a blog's name and its tagline, over a headline printed over its date:
    it parts the masthead from the post as a menu does."""
    if lines[i].kind != "boiler" or not _RULE_LINE.fullmatch(lines[i].o):
        return False
    j = _next_nonblank(lines, i + 1)
    k = _next_nonblank(lines, j + 1) if j is not None else None
    return k is not None and lines[j].kind == "text" and 4 <= lines[j].words <= 25 \
        and _dated(lines[k])


def _labels_after_date(rest: str, l: _Line, parts: ArticleParts, rules: RuleSet) -> str:
    """A date line's labelled fields after the date, "بتاريخ 2025-02-08 | بقلم: X | تصنيف: Y" (a
    blog's or a CMS's post line): the byline, section and publisher read; what is not labelled is
    returned."""
    segs = [x for x in _PIPE_SPLIT.split(rest) if x.strip()] if "|" in rest or "  " in rest else [rest]
    if len(segs) < 2 and not _FILED_UNDER.match(rest):
        return rest
    left = []
    for seg in segs:
        seg = _FILED_UNDER.sub("", seg, count=1)          # ("… ضمن تصنيف: مشاهدات", "… in Category: X")
        m = rules.label.match(fold(seg).strip())
        value = clean(seg.strip()[m.start("val"):]) if m else ""
        if m and value and (m.group("auth") or m.group("cat") or m.group("src")):
            field = "author" if m.group("auth") else "category" if m.group("cat") else "source"
            parts.set(field, value, f"{field}:label-beside-date", l)
        else:
            left.append(seg)
    return " | ".join(left) if len(left) < len(segs) else rest


def _printed_name(l: _Line, rules: RuleSet, most: int = 4) -> bool:
    """A byline printed alone: a name of two to ``most`` words, or a place and a name ("İzmir / Selin
    Aydoğan", "الرياض: نورة القحطاني", kept as printed) that is not an agency's credit."""
    return (2 <= l.words <= most and _NAME_ONLY.fullmatch(l.f) is not None
            or l.words <= 6 and _PLACE_NAME.fullmatch(l.f.strip().rstrip(":：").rstrip()) is not None and not rules.agency.search(l.f))


def _is_bio(text: str, author: str) -> bool:
    """Whether a short paragraph is the writer's tagline: one of the byline's names, then "covers",
    "is a reporter", "writes", "can be reached"."""
    if _words(text) > 45:
        return False
    for name in _AUTHOR_SPLIT.split(author):
        name = name.strip()
        if _words(name) >= 2 and text.startswith(name) and _BIO_VERB.match(text, len(name)):
            return True
    return False


def _wire_dateline(l: _Line, rules: RuleSet) -> bool:
    """A wire's dateline, the place, the date and the agency: "الرياض 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس"."""
    hit = l.val[0]
    before, after = l.f[:l.val[1][0].start].strip(), l.f[hit.end:]
    return 1 <= _words(before) <= 3 and not _HAS_DIGIT.search(before) and bool(rules.agency_only.match(_ERA_MARK.sub("", after)))


def _wrapped_prose(lines: list[_Line], start: int, within: int) -> bool:
    """A paragraph hard-wrapped in a narrow column (a PDF's or an e-mail's text) starts within
    ``within`` lines of ``start``: three text lines or more with no blank between them, of six
    words or more but the last, 25 words in all."""
    run: list[_Line] = []
    for l in lines[start: start + within + 6]:
        if l.kind == "text" and (l.words >= 6 or run):
            run.append(l)
            if len(run) >= 3 and sum(x.words for x in run) >= 25 and all(x.words >= 6 for x in run[:-1]):
                return True
            if l.words < 6:
                run = []
        else:
            run = []
    return False


def _next_content(lines: list[_Line], start: int, count: int) -> list[_Line]:
    """The next ``count`` lines from ``start`` that are neither blank nor furniture."""
    out = []
    for l in lines[start:]:
        if l.kind not in ("blank", "boiler", "share"):
            out.append(l)
            if len(out) == count:
                break
    return out


def _canon_agency(text: str, text_f: str, rules: RuleSet) -> str | None:
    m = rules.agency.search(text_f)
    if not m:
        return None
    return text[m.start():m.end()]


def _is_prose(l: _Line) -> bool:
    return l.kind == "text" and (
        l.words >= 25 or len(l.o) >= 200 or (l.words >= 10 and bool(_SENT_END.search(l.f)))
    )


def _prev_nonblank(lines: list[_Line], start: int) -> int | None:
    for i in range(start, -1, -1):
        if lines[i].kind != "blank":
            return i
    return None


def _next_nonblank(lines: list[_Line], start: int) -> int | None:
    for j in range(start, len(lines)):
        if lines[j].kind != "blank":
            return j
    return None


def _read_header(lines: list[_Line], header_end: int, repeats: dict[int, int], parts: ArticleParts,
                 rules: RuleSet, tzname: str | None, day_first: bool) -> tuple[int | None, int | None, list[int]]:
    """(the headline's line or None, a short line that is the headline unless one is under the
    header, the header's other text lines when there is such a line: the caller assigns them)."""
    texts: list[int] = []
    # a date above the site's menu is the masthead's "today" ("الثلاثاء 14 مايو 2024 | الطقس"):
    # the article's date only when the page gives no other
    menu = max((i for i in range(header_end + 1) if lines[i].kind == "nav"), default=-1)
    # ... and so is one above the article's trail when a date line follows the trail ("المباراة القادمة: … 23/08/2024")
    trail = max((i for i in range(header_end + 1) if lines[i].kind == "crumb"), default=-1)
    if not any(lines[j].kind == "date" for j in range(trail + 1, header_end + 1)):
        trail = -1
    for i in range(header_end + 1):
        l = lines[i]
        k = l.kind
        if k == "crumb":
            crumbs = [c for c in (_PIPE_SPLIT if l.sub == "pipe" else _CRUMB_SPLIT).split(l.o[l.val[0]:]) if clean(c)]
            if len(crumbs) > 1 and _HAS_DIGIT.search(crumbs[-1]):
                # "الرئيسية / لبنان / الثلاثاء 21 أيار 2024 - 19:10": the trail ends with the date
                hits = find_dates(fold(crumbs[-1]), day_first=day_first)
                greg = [h for h in hits if h.hijri is None]
                if greg:
                    parts.set_date(greg[0], hits, "published:breadcrumb", l, tzname)
                    crumbs = crumbs[:-1]
            if crumbs and _words(clean(crumbs[-1])) >= 6 or len(crumbs) > 1 and (_words(clean(crumbs[-1])) >= 5
                                                                                  or _TRAIL_END.fullmatch(clean(crumbs[-1]))):
                crumbs = crumbs[:-1]          # the trail ends with the headline itself (or "تفاصيل الخبر"): the section is before it
            if len(crumbs) >= 2 and _site_name(clean(crumbs[0]), fold(clean(crumbs[0])), rules):
                parts.set("source", clean(crumbs[0]), "source:trail-head", l)   # "بوابة الخليج الرقمية › تقنية"
            if crumbs:
                last = clean(crumbs[-1])
                # (a home word ends a trail as its section past another crumb: "الرئيسية / المركز الإعلامي / الأخبار")
                # (a home word past the trail's own home, "Home › News", is its section too)
                if not (rules.nav.match(fold(last)) if len(crumbs) >= 2 or not l.sub else rules.nav_item.match(fold(last))):
                    # (a trail names the section better than the words after a date above it, a masthead's links,
                    # or beside the site's name)
                    parts.unset("category", _WEAK_CATEGORY)
                    parts.set("category", last, "category:breadcrumb", l)
        elif k == "site":
            nxt = _next_nonblank(lines, i + 1)
            if parts.source is not None and i > max(menu, trail) and l.sub != "masthead" and l.words <= 5 \
                    and nxt is not None and nxt == i + 1 and _dated(lines[nxt]) \
                    and any(lines[t].kind == "text" and lines[t].words >= 4 for t in range(max(menu, trail) + 1, i)) \
                    and squash(l.o).casefold() != squash(parts.source).casefold() and parts.author is None:
                # under the headline, over the date, with the site's name printed at the top: its credit, the byline
                # as printed ("دبي - العربية.نت", "العربية.نت" under "العربية"'s masthead)
                parts.set("author", l.o, "author:site-credit-over-date", l)
            else:
                _read_site(l, parts, rules)
        elif k == "date":
            hit, hits = l.val
            parts.set_date(hit, hits, "published:date-line", l, tzname, refine=True,
                           # (an edition's date, "العدد 11243 | الاثنين 20 أيار 2024", is the paper's, above its menu or not)
                           updated=(i < menu or i < trail) and not _ISSUE_WORD.search(l.f) or _updated_before(l.f, hit, hits))
            before = l.f[: hit.start]
            after_s = l.o[hit.end:]
            m = _NAME_AFTER_DATE.fullmatch(after_s)
            if m and _NAME_ONLY.fullmatch(m.group(1)) and not rules.agency.search(fold(m.group(1))):
                parts.set("author", m.group(1), "author:name-after-date", l)    # "الجمعة 11 أفريل 2025 | 13:45 — هاجر الطرابلسي"
            # "صحيفة الرياض - 12 سبتمبر 2021": the site name printed before the date
            lead = clean(l.o[: hit.start]).strip(" |-–—,،")
            issue = _MASTHEAD_ISSUE.match(lead)
            if issue:                          # "The Kestrel Bay Gazette   Vol. 112, No. 48   Friday, November 8, 2024"
                parts.set("source", issue.group("site"), "source:masthead-with-issue", l)
            elif lead and _site_name(lead, fold(lead), rules):
                parts.set("source", lead, "source:site-before-date", l)
            # "author | date" (byline printed with the date)
            bparts = [p for p in _BYLINE_SEP.split(before) if p.strip()]
            if ("|" in before or "•" in before or "·" in before) and bparts:       # ("الجزائر: كريم بن علي • نشر يوم …")
                cand_f = bparts[0]
                cand = clean(l.o[: len(cand_f)]).strip(" |•·")
                label = rules.label.match(cand_f.strip())
                by = _BY_RE.match(cand_f.strip())
                if label and label.group("auth"):                   # "كتب: أحمد محمود | date"
                    cand = clean(cand[label.start("val"):])
                elif by:                                            # "Par Karim B. | 18/02/2025 à 10:20"
                    cand = clean(cand[by.start(2):])
                if cand and (cand == parts.source or not label and not by and _site_name(cand, fold(cand), rules)):
                    pass                                                # "جريدة الفرات | 14-11-2019": the site's, not a byline
                elif cand and not label and not by and _words(cand) <= 3 and _menu_item(lines, i, cand_f.strip()):
                    parts.set("category", cand, "category:menu-item-before-date", l)    # "محليات | 20/01/2025 | 08:45 م"
                elif _in_address(cand, lines):
                    pass                                                # "Ege Gündem · 27 Mayıs 2024" under egegundem.example's URL: the site's name
                elif cand and not label and not by and _words(cand) == 1 and _WORD_LETTERS_RE.fullmatch(cand) \
                        and not rules.agency.search(fold(cand)) and not WEEKDAY_RE.fullmatch(cand_f.strip()) \
                        and not _named_elsewhere(cand_f.strip(), l, lines):
                    # (a dateline's place, "Tudela | 22 may 2024", is named in the headline or the text)
                    parts.set("category", cand, "category:word-before-date", l)     # "دوليات • الاثنين 20 يوليو 2015": one word, no name
                elif cand and not WEEKDAY_RE.fullmatch(cand_f.strip()) and _words(cand) <= 10 and not _HAS_DIGIT.search(cand) \
                        and not _RELATIVE_TIME.search(cand_f.strip()) \
                        and not (_HAS_DIGIT.search(cand_f) and find_dates(cand_f, day_first=day_first)):   # (nor a Hijri date)
                    parts.set("author", cand, "author:byline-with-date", l)
            elif before.strip():
                # "Par Mamadou Diallo et Awa Ndiaye Publié le 27 février 2024 …": the byline and its
                # date run together (a page's spans on one line)
                first = min((h.start for h in hits if h.hijri), default=hit.start)      # (before a Hijri date's twin)
                head = _DATE_WORDS_AT_END.sub("", WEEKDAY_RE.sub(" ", l.f[:first])).strip(" |-–—,،")
                by = _BY_RE.match(head)
                if by and 1 <= _words(by.group(2)) <= 10 and (by.group(1).lower() not in _BY_LATIN
                                                              or l.o[by.start(2):by.start(2) + 1].isupper()):
                    name = re.split(r"\s*[·•|]\s*", clean(l.o[by.start(2):by.end(2)]))[0]     # ("بواسطة X · منذ 5 ساعات · date")
                    parts.set("author", name, "author:byline-before-date", l)
                elif not by:
                    # "مسقط - ناصر البلوشي الأحد 7 صفر 1446هـ - 11 أغسطس 2024م": a place and a name, then the
                    # date (with its Hijri twin), "… نُشر: الأربعاء …": the byline as printed
                    if head and (_PLACE_NAME.fullmatch(head) or _NAME_PAREN_PLACE.fullmatch(head)) and _words(head) <= 6 \
                            and not rules.agency.search(head) \
                            and not _site_name(head, head, rules) and not rules.label.match(head):     # (not "كتب: X")
                        parts.set("author", clean(l.o[:len(head)]), "author:place-name-before-date", l)
            rest = _labels_after_date(clean(after_s).strip(" |-–—,،\u00a0"), l, parts, rules)
            by = _AFTER_DATE_BY.match(fold(rest))
            name = re.split(r"\s*[·•|,،]\s*", rest[by.end():])[0] if by else ""     # ("by Priya · 6 min read")
            filed = _FILED_IN.match(name)           # "نُشرت بتاريخ … بواسطة سلمى عودة في حكايات الأرض": and its section
            if filed and 1 <= _words(filed.group(1)) <= 4 and 1 <= _words(filed.group(2)) <= 4:
                name = filed.group(1)
                parts.set("category", clean(filed.group(2)), "category:posted-in", l)
            if by and 1 <= _words(name) <= 4:       # "Posted on September 12, 2021 by Anna"
                parts.set("author", clean(name), "author:after-date", l)
                rest = ""
            if rest and _words(rest) <= 6 and _site_name(rest, fold(rest), rules):
                parts.set("source", rest, "source:site-after-date", l)     # "14/03/2025 | 14:05 | صحيفة الأفق الجديد"
                rest = ""
            if (
                rest
                and _words(rest) <= 5
                and not _HAS_DIGIT.search(rest)
                and len(re.findall(r"\w", rest)) >= 2
                and not _TZ_WORDS.match(fold(rest))
                and not re.fullmatch(r"[A-Z]{1,4}T", rest)          # "ET", "AEST": a zone
                and not WEEKDAY_RE.fullmatch(fold(rest))             # "March 14, 2024 Thursday"
            ):
                if not (_TICKER_WORD.fullmatch(fold(rest).strip()) or rules.read_also.match(fold(rest))) \
                        and not i < menu:                # (a masthead's "today" and its links: "… النسخة الورقية English")
                    parts.set("category", rest, "category:text-after-date", l)
        elif k == "label":
            _read_label(l, parts, rules, tzname)
        elif k == "text":
            if i in repeats:
                continue
            texts.append(i)
        elif k == "boiler" and l.sub == "copyright":
            _read_copyright(l, parts)
    title_idx = weak = None
    # the first occurrence of a repeated headline is the title
    if repeats:
        first = min(repeats.values())
        title_idx = first
        parts.set("title", lines[first].o, "title:repeated-headline", lines[first])
        texts = [t for t in texts if t != first]
        # the section's name right above the headline's second printing ("Headline - Site" is the
        # page title at the top): "محليات" / "وزارة التراث ... تطلق ..."
        above = _prev_nonblank(lines, max(repeats) - 1)
        if above is not None and above > first and above in texts and _section_like(lines[above], rules) \
                and not lines[above].f.startswith(("#", "@")) \
                and parts.set("category", lines[above].o, "category:line-above-title", lines[above]):
            texts.remove(above)
    else:
        cands = list(texts)
        # A ticker's line ("عاجل: …", "Breaking: …", "SON DAKİKA: …") over the headline: not it (alone,
        # it is the headline of a breaking story)
        tickers = [t for t in cands if _TICKER_LINE.match(lines[t].f)]
        if tickers and len(tickers) < len(cands) and any(lines[t].words >= 4 for t in cands if t not in tickers):
            for t in tickers:
                cands.remove(t)
                texts.remove(t)
                parts.warnings.append(f"header line {lines[t].no} not used: {lines[t].o[:60]}")
        # The masthead above a menu or breadcrumb (a site's name, its tagline) is not the headline
        # when text follows the menu: "Serving Riverbend since 1921" / "News   Community   Sports".
        last_bar = max((i for i in range(header_end + 1) if lines[i].kind in ("nav", "crumb") or _rule_over_headline(lines, i)),
                       default=-1)
        masthead = [t for t in cands if t < last_bar]
        if 2 <= len(masthead) <= 3 and _STATE_HEADER.match(lines[masthead[0]].f) and lines[masthead[-1]].words <= 6 \
                and not _END_PUNCT.search(lines[masthead[-1]].f):
            # "الجمهورية التونسية" / "وزارة الداخلية" / "بلدية وادي الريحان": the state's header over the body
            # that publishes
            parts.set("source", lines[masthead[-1]].o, "source:masthead-under-state-header", lines[masthead[-1]])
        elif masthead and lines[masthead[0]].words <= 5 and not _END_PUNCT.search(lines[masthead[0]].f):
            parts.set("source", lines[masthead[0]].o, "source:masthead", lines[masthead[0]])
        elif masthead and lines[masthead[0]].words <= 12:       # "Horizonte · revista de ciencia y cultura": the name
            halves = _MASTHEAD_TAGLINE.split(lines[masthead[0]].o)
            if len(halves) == 2 and 1 <= _words(halves[0]) <= 4 and not _END_PUNCT.search(halves[0]) \
                    and (halves[1][:1].islower() or _TAGLINE.match(fold(halves[1])) or _TAGLINE_NEWS.match(fold(halves[1]))) \
                    and not rules.nav_item.match(fold(halves[0])):
                parts.set("source", halves[0].strip(), "source:masthead-over-tagline", lines[masthead[0]])
        if masthead and any(t > last_bar for t in cands):
            for t in masthead:
                cands.remove(t)
                texts.remove(t)
                if parts.source != lines[t].o:
                    parts.warnings.append(f"header line {lines[t].no} not used: {lines[t].o[:60]}")
        elif masthead and len(masthead) == len(cands):
            weak, cands = cands[0], []       # the headline is under the menu, past the header
        # Short lines above the headline are not it: a section name ("سياسة", "World"), a dateline
        # ("القاهرة - (أ ش أ)"). The headline is the first header line of four words or more when
        # only such lines come before it; when there is none, the line under the header may be it
        # (``weak``: the caller looks there first).
        strong = [t for t in cands if lines[t].words >= 4 and not _dateline_like(lines[t], rules)]
        trails = [t for t in strong if _SLASH_TRAIL.fullmatch(lines[t].o)]
        if trails and len(trails) < len(strong) and trails[0] == strong[0]:
            # "أخبار الجامعة / كلية الهندسة" over the headline: a section's trail, its last item the section
            t = trails[0]
            if parts.category is None:
                parts.set("category", lines[t].o.split(" / ")[-1].strip(), "category:trail-above-title", lines[t])
            strong.remove(t)
            cands.remove(t)
            texts.remove(t)
        if strong and strong[0] != cands[0] and _byline_over_date(lines, strong[0], rules) \
                and not any(_menu_item(lines, t) for t in cands if t < strong[0]):
            strong = []                 # ("مشاهير" / "الرياضي ـ جدة" / the date: a short headline over its byline)
        if strong and strong[0] != cands[0] and all(_minor(lines[t], rules) for t in cands if t < strong[0]):
            cands = [t for t in cands if t >= strong[0]]
            above = strong[0] - 1        # the section name above the headline, maybe above its date too
            while above > 0 and lines[above].kind in ("blank", "date", "label", "site", "crumb", "nav"):
                above -= 1
            if above in texts and _section_like(lines[above], rules) \
                    and parts.set("category", lines[above].o, "category:line-above-title", lines[above]):
                texts.remove(above)
        elif cands and all(_minor(lines[t], rules) for t in cands) and not (
                len(cands) == 1 and cands[0] + 1 < len(lines) and lines[cands[0] + 1].kind == "date"
                and not _dateline_like(lines[cands[0]], rules) and not _menu_item(lines, cands[0])
                and not _WIRE_SLUG.fullmatch(lines[cands[0]].o)      # (not a wire's "MOROCCO-WIND/OFFSHORE")
                and not _ISSUE_WORD.search(lines[cands[0] + 1].f)):   # (nor a page's section over its edition's date)
            weak = cands[0]             # (a short line right over the date is the headline: "مشاهير" / "السبت 1 أغسطس 2015")
            cands = []
        if len(cands) >= 2:
            c1, c2 = lines[cands[0]], lines[cands[1]]
            adjacent = cands[1] == cands[0] + 1
            if (
                adjacent
                and c1.words <= 3
                and not _END_PUNCT.search(c1.f)
                and c2.words > c1.words
                and not _byline_like(c2, rules)
                and parts.category is None
            ):
                parts.set("category", c1.o, "category:line-above-title", c1)
                texts.remove(cands.pop(0))
        if cands:
            title_idx = cands[0]
            rule = "title:header-headline"
            nxt = _next_nonblank(lines, title_idx + 1)
            if nxt is not None and lines[nxt].kind in ("date", "label"):
                rule = "title:above-date"
            parts.set("title", lines[title_idx].o, rule, lines[title_idx])
            texts = [t for t in texts if t != title_idx]
    if weak is not None:        # the caller looks under the header for the headline first
        return None, weak, texts
    _header_rest(lines, texts, title_idx, header_end, parts, rules)
    return title_idx, None, []


def _header_rest(lines: list[_Line], texts: list[int], title_idx: int | None, header_end: int, parts: ArticleParts,
                 rules: RuleSet, *, section_above: bool = False) -> None:
    """The header's text lines but the headline: a byline above the date, a dek, or unassigned.
    Above the headline: a dateline's agency, with ``section_above`` (the headline is under the
    header) the section name nearest it, else unassigned."""
    section = None
    if section_above and title_idx is not None:
        section = max((t for t in texts if t < title_idx and _section_like(lines[t], rules)), default=None)
    elif title_idx is not None:
        # one of the menu's items printed again above the headline ("News | Sport | Environment" ...
        # "Environment"): the section
        above = [t for t in texts if t < title_idx]
        if above and _section_like(lines[above[-1]], rules) and _menu_item(lines, above[-1]):
            section = above[-1]
    for t in texts:
        l = lines[t]
        nxt = t + 1 if t + 1 <= header_end else None
        if nxt is not None and lines[nxt].kind in ("blank", "boiler"):
            # (past a reading time between them: "Simone Campbell" / "4–5 minutes" / "Published: …")
            j = next((j for j in range(nxt, header_end + 1) if lines[j].kind not in ("blank", "boiler")), None)
            if j is not None and any(lines[x].kind == "boiler" and _HAS_DIGIT.search(lines[x].f) for x in range(nxt, j)):
                nxt = j
        if title_idx is not None and t < title_idx:
            if _dateline_like(l, rules) and rules.agency.search(l.f):       # "القاهرة - (أ ش أ)" above the headline
                parts.set("agency", _canon_agency(l.o, l.f, rules), "agency:header-dateline", l)
            elif not (t == section and parts.set("category", l.o, "category:header-line", l)):
                parts.warnings.append(f"header line {l.no} not used: {l.o[:60]}")
            continue
        # (one word above the date is a byline when it is a credit: "واس"; else a section name)
        under_title = title_idx is not None and _next_nonblank(lines, title_idx + 1) == t
        if nxt is not None and (lines[nxt].kind == "date" and (l.words <= 8 or l.words <= 12 and not under_title)  # (a name;
                                # right under the headline, nine words or more are its standfirst)
                                or lines[nxt].kind == "label" and lines[nxt].sub == "date" and l.words <= 4) \
                and (l.words > 1 or rules.agency.search(l.f) or not _section_like(l, rules) or _STAFF_BYLINE.fullmatch(l.f)):
            if parts.set("author", _byline_name(l.o, rules), "author:line-above-date", l):
                # names stacked one a line over it ("Martin Hale in Beirut" / "Nadia Khalil" / the date): the byline's
                above = []
                x = t - 1
                while x > (title_idx if title_idx is not None else -1) and x in texts and _stacked_name(lines[x]):
                    above.insert(0, x)
                    x -= 1
                if above and _stacked_name(l):
                    parts.authors = [_byline_name(lines[x].o, rules) for x in above] + [parts.author]
                    parts.author = _join_names(parts.authors)
                    parts.evidence.append(("author", "author:names-stacked-above-date", lines[above[0]].no, lines[above[0]].o))
                    parts.warnings = [w for w in parts.warnings if not any(w.startswith(f"header line {lines[x].no} ") for x in above)]
                continue
        if l.words <= 10 and _byline_like(l, rules) and parts.author is None:
            parts.set("author", _byline_name(l.o, rules), "author:header-byline", l)
            continue
        if l.words >= 8 and parts.dek is None and (not _SENT_END.search(l.f) or title_idx is not None and
                                                  _next_nonblank(lines, title_idx + 1) == t) \
                and not (parts.author and rules.byline_role.match(l.f)) \
                and not any(e[1] == "title:label" and e[2] is not None and e[2] > l.no for e in parts.evidence):
            # (not the byline's tagline, "مراسل الصحيفة في …", nor a line over a record's labelled title)
            parts.set("dek", l.o, "dek:header-line", l)      # (right under the headline it may end in a period)
            continue
        parts.warnings.append(f"header line {l.no} not used: {l.o[:60]}")


_DASHED = re.compile(r"[^\s\-–—ـ]+(?:\s+[^\s\-–—ـ]+){0,2}\s+[\-–—ـ]\s+[^\s\-–—ـ]+(?:\s+[^\s\-–—ـ]+){0,2}")


def _dateline_like(l: _Line, rules: RuleSet) -> bool:
    """A place and a credit or a site name, not a headline: "القاهرة - (أ ش أ)", "(رويترز)",
    "هسبريس - الرباط" (a few words either side of one dash, or an agency after a word or two)."""
    if l.words > 6 or _terminal(l.f):
        return False
    if rules.agency_only.match(l.f):
        return True
    m = rules.dateline.match(l.f)
    if m and not l.f[m.end():].strip(" -–—ـ:)»."):
        return True
    return l.words <= 5 and _DASHED.fullmatch(l.f.strip()) is not None


_LEAD_AFTER_DATE = re.compile(r"\s*(?:[:：]|--|[-–—]|/[^/\n]{2,40}/|\()")


def _dated_lead(f: str, day_first: bool) -> bool:
    """A lead that opens with its dateline: a place of a few words, a date, then ":", "--", "/Wire/"."""
    hits = [h for h in find_dates(f[:160], day_first=day_first) if h.hijri is None]
    return bool(hits) and hits[0].start <= 80 and _words(f[:hits[0].start]) <= 8 \
        and _LEAD_AFTER_DATE.match(f, hits[0].end) is not None


def _narrow_column(lines: list[_Line], start: int) -> bool:
    """Whether the text from ``start`` is set in a narrow column: most of its first lines are
    short and run on into the next (a print page's OCR, an e-paper)."""
    texts = [l for l in lines[start:start + 30] if l.kind == "text"][:8]
    return len(texts) >= 5 and sum(1 for l in texts if len(l.o) <= 50 and not _END_PUNCT.search(l.f)) >= 4


def _headline_follows(lines: list[_Line], i: int) -> bool:
    k = _next_nonblank(lines, i + 1)
    return k is not None and lines[k].kind == "text" and 4 <= lines[k].words <= 20 and not _SENT_END.search(lines[k].f)


def _byline_over_date(lines: list[_Line], i: int, rules: RuleSet) -> bool:
    """A byline printed right above the date: "الرياضي ـ جدة", "أحمد الشميري، رويترز (صنعاء)", "د. طارق الحبيب"."""
    l = lines[i]
    return (i + 1 < len(lines) and lines[i + 1].kind == "date" and l.words <= 8 and not _SENT_END.search(l.f)
            and (_byline_like(l, rules) or _TITLED_NAME.fullmatch(l.f) is not None))


def _named_elsewhere(word: str, line: _Line, lines: list[_Line]) -> bool:
    """Whether a word is printed on another line but a menu's (a dateline's place is named in the headline or the text)."""
    pattern = re.compile(rf"\b{re.escape(word)}\b")
    return any(x is not line and x.kind != "nav" and pattern.search(x.f) for x in lines)


def _in_address(name: str, lines: list[_Line]) -> bool:
    """Whether a name of two words or more, run together without its accents, is the host of an
    address printed in the text ("Ege Gündem" and https://www.egegundem.example/...)."""
    if len(name.split()) < 2:
        return False
    key = "".join(ch for ch in unicodedata.normalize("NFKD", name.lower()) if ch.isalnum() and ch.isascii())
    return len(key) >= 5 and any(re.search(rf"(?:https?://|www\.|^)(?:www\.)?{re.escape(key)}\.[a-z]", x.f.lower())
                                 for x in lines if "." in x.f and x.words <= 3)


def _nav_half(item: str, rules: RuleSet) -> bool:
    """A menu's word, alone or beside its name in another language ("Home الرئيسية", "Contact Us اتصل بنا")."""
    if rules.nav_item.match(item):
        return True
    w = item.split()
    return len(w) >= 2 and any(rules.nav_item.match(" ".join(w[:k])) or rules.nav_item.match(" ".join(w[-k:])) for k in (1, 2) if k < len(w))


def _menu_item(lines: list[_Line], i: int, text: str | None = None) -> bool:
    """Whether line ``i`` (or ``text``, a folded part of it) repeats an item of a menu printed above it."""
    key = " ".join((lines[i].f if text is None else text).lower().split())
    for l in lines[:i]:
        if l.kind == "nav" and key in l.f.lower():
            items = _SEP_SPLIT.split(l.f.strip()) if _SEP_SPLIT.search(l.f) else _TWO_SPACES.split(l.f.strip()) \
                if _TWO_SPACES.search(l.f) else _DASH_SPLIT.split(l.f.strip())
            if any(" ".join(x.lower().split()) == key for x in items):
                return True
    return False


def _section_like(l: _Line, rules: RuleSet) -> bool:
    """A section name: a word or three, no punctuation, not a menu word ("سياسة", "World")."""
    return l.words <= 3 and not _byline_like(l, rules) and not _END_PUNCT.search(l.f) and not rules.nav_item.match(l.f) \
        and not _BARE_DOMAIN.fullmatch(l.o)             # ("riftcourier.co.ke": an address)


def _minor(l: _Line, rules: RuleSet) -> bool:
    """A header line too short or too dateline-like to be the headline when a longer one is there."""
    return l.words <= 3 or _dateline_like(l, rules)


def _stacked_name(l: _Line) -> bool:
    """A name alone on its line, maybe with its place ("Nadia Khalil", "Martin Hale in Beirut", "سالي نبيل")."""
    return l.kind == "text" and 2 <= l.words <= 6 and (
        l.words <= 4 and _NAME_ONLY.fullmatch(l.f) is not None or _NAME_IN_PLACE.fullmatch(l.o) is not None)


def _section_under_menu(out: list[_Line], run: list[_Line], j: int, rules: RuleSet) -> bool:
    """Whether the last line of a menu printed one item a line is the article's section, over its headline: two or three
    words led by one of the menu's items ("أخبار" … "أخبار مصر", "رياضة" … "رياضة محلية"), or the one line under the
    home word that is not the menu's first ("القائمة" / "بحث" / "الرئيسية" / "أخبار مصر": a trail)."""
    last = run[-1]
    k = _next_nonblank(out, j)
    if k is None or k == j or out[k].kind != "text" or out[k].words < 4 or not 2 <= last.words <= 3 \
            or any(x.f == last.f for x in run[:-1]):
        return False
    head = last.f.split()[0]
    if any(x.f.strip() == head for x in run[:-1]):
        return True
    return run[-2].kind == "nav" and rules.home.match(run[-2].f) is not None and run[-2] is not run[0] \
        and not (run[0].kind == "site" and run[1] is run[-2])


def _over_byline_and_date(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` is a short byline over a date line, with the text under them (a standfirst that ends in a
    period over "Le Monde avec AFP" / "Publié le …" is the header's, not the text's first paragraph)."""
    l = lines[i]
    if l.kind != "text" or l.words > 6 or _END_PUNCT.search(l.f):
        return False
    j = _next_nonblank(lines, i + 1)
    return j is not None and j == i + 1 and _dated(lines[j]) and any(_is_prose(x) for x in _next_content(lines, j + 1, 4))


def _names_over_date(lines: list[_Line], i: int) -> bool:
    """Whether line ``i`` opens a few names stacked one a line right over a date line."""
    j = i
    while j < len(lines) and j - i < 5 and _stacked_name(lines[j]):
        j += 1
    return j > i and j < len(lines) and _dated(lines[j])


def _join_names(names: list[str]) -> str:
    """Names printed one a line, as a byline writes them together: "A وB وC" in Arabic script, "A and B",
    "A, B and C" in others."""
    if any(_ARABIC.match(x) for x in names):
        return " و".join(names)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _byline_name(value: str, rules: RuleSet) -> str:
    """The names of a byline without the role, outlet or place after them: "Jenny Hill, BBC News,
    Berlin" -> "Jenny Hill", "سارة علي، مراسلة الجزيرة" -> "سارة علي"; a list of names stays whole."""
    parts = _ROLE_CUT.split(value)
    if len(parts) > 1 and 2 <= _words(parts[0]) <= 8 and any(rules.byline_role.search(fold(p)) or rules.agency.search(fold(p))
                                                               for p in parts[1:]):
        return parts[0]
    m = _NAME_IN_PLACE.fullmatch(value)          # "Emma Graham-Harrison in Kabul"
    return m.group(1) if m else value


def _read_site(l: _Line, parts: ArticleParts, rules: RuleSet) -> None:
    if l.sub == "pipe":
        segs = _PIPE_SPLIT.split(l.f)
        pos = 0
        spans = []
        for s in segs:
            start = l.f.find(s, pos)
            spans.append((start, start + len(s)))
            pos = start + len(s)
        site_i = None
        for idx, (a, b) in enumerate(spans):
            seg = l.f[a:b].strip()
            key = " ".join(seg.lower().split())
            if (rules.profile_site_re is not None and rules.profile_site_re.match(key)) or (
                (rules.site.match(seg) or _site_ar(seg, rules)) and _words(seg) <= 6
            ):
                if _TAGLINE.match(seg) and len(spans) == 2 and _words(l.f[slice(*spans[1 - idx])]) <= 4:
                    site_i = 1 - idx          # "الفجر الجديد | يومية جزائرية مستقلة": the name beside the tagline
                    parts.set("source", clean(l.o[slice(*spans[site_i])]), "source:site-name-beside-tagline", l)
                    return
                site_i = idx
                break
        if site_i is None:
            return
        a, b = spans[site_i]
        parts.set("source", clean(l.o[a:b]), "source:site-name", l)
        after = [clean(l.o[x:y]) for x, y in spans[site_i + 1:] if clean(l.o[x:y])]
        name = l.o[a:b]
        if after and _words(after[0]) <= 4 and not _TAGLINE.match(fold(after[0])) \
                and not (_PRESS_WORD.search(after[0]) and bool(_ARABIC.search(after[0])) != bool(_ARABIC.search(name))):
            # (not "يومية كويتية مستقلة", nor the name in the other script: "يومية المسار | El Massar Quotidien")
            parts.set("category", after[0], "category:after-site-name", l)
        return
    if l.sub == "tagline":
        parts.set("source", l.o[l.val[0]:l.val[1]], "source:site-name-over-tagline", l)
        return
    if l.sub == "bilingual":
        parts.set("source", clean(l.o[l.val[0]:l.val[1]]), "source:bilingual-masthead", l)
        return
    if l.sub == "section-site":
        parts.set("source", clean(l.o[l.val[2]:l.val[3]]), "source:site-name-after-section", l)
        parts.set("category", clean(l.o[l.val[0]:l.val[1]]), "category:before-site-name", l)
        return
    if l.sub == "profile":
        src = rules.profile_sites.get(" ".join(l.f.lower().split()), (None, ""))[0]
        parts.set("source", src or l.o, "source:profile-site-name", l)
        return
    parts.set("source", l.o, "source:site-name", l)


def _dek_under_its_label(lines: list[_Line], rules: RuleSet) -> None:
    """"SYNOPSIS" / "Summary" alone on a line, the standfirst on the next: the label's value."""
    for i, l in enumerate(lines[:40]):
        if l.kind == "text" and l.words <= 2 and i + 1 < len(lines) and lines[i + 1].kind == "text" \
                and 8 <= lines[i + 1].words <= 60:
            m = rules.label.match(l.f.rstrip(" :：") + ": x")
            if m and m.group("dek") and m.end("dek") == len(l.f.rstrip(" :：")):
                l.kind = "boiler"
                nxt = lines[i + 1]
                nxt.kind, nxt.sub, nxt.val = "label", "dek", (0, len(nxt.o))
                return


_WRITER_BOX_END = re.compile(fold_pattern(r"^(?:جميع|كل|المزيد من|باقي) مقالات (?:الكاتب|الكاتبة)|^مقالات (?:الكاتب|الكاتبة|أخرى للكاتب)\b|"
                                          r"^(?:all|more) (?:articles|stories|posts|columns) (?:by|from) (?:this |the )?"
                                          r"(?:author|writer|columnist)?|^view all (?:articles|posts)|^tous les articles de"),
                             re.IGNORECASE)


def _prose_outweighs(lines: list[_Line], start: int, before: int) -> bool:
    """Whether the prose lines from ``start`` on are three or more and twice the ``before`` ones."""
    after = sum(1 for c in lines[start:] if _is_prose(c))
    return after >= 3 and after > 2 * before


def _hashtag_section(lines: list[_Line]) -> None:
    """One hashtag alone right over the headline ("#محليات"): the section's label, not the tags."""
    for i, l in enumerate(lines[:25]):
        if l.kind == "label" and l.sub == "tags" and l.words == 1 and l.o[:1] == "#" and i + 1 < len(lines) \
                and lines[i + 1].kind == "text" and 4 <= lines[i + 1].words <= 25:
            l.o, l.f, l.kind, l.sub, l.val = l.o[1:], l.f[1:], "text", "", ()
            return


def _writer_box(lines: list[_Line]) -> None:
    """A columnist's box over the column: the name, the bio, "جميع مقالات الكاتب (87)" /
    "All articles by this author": furniture, the headline is under it."""
    for i, l in enumerate(lines[:40]):
        if l.kind in ("text", "readalso", "boiler") and l.words <= 8 and _WRITER_BOX_END.match(l.f):
            l.kind, l.sub = "boiler", "writer-box"
            j = i - 1
            while j >= 0 and i - j <= 3 and lines[j].kind == "text" and lines[j].words <= 20:
                if (j == 0 or lines[j - 1].kind != "text") and 2 <= lines[j].words <= 4 and _NAME_ONLY.fullmatch(lines[j].f):
                    break                       # (the writer's name heading the box stays: a byline where it stands)
                lines[j].kind, lines[j].sub = "boiler", "writer-box"
                j -= 1
            return


def _copyright_name(l: _Line) -> str:
    return _YEARS_AT_END.sub("", clean(l.o[l.val[0]:l.val[1]]).strip(" .,،-–|")).strip(" .,،-–|")


def _masthead_of_copyright(lines: list[_Line]) -> None:
    """A top line that is the name the copyright line gives ("Le Courrier de l'Estuaire" over the
    page, "© Le Courrier de l'Estuaire – Tous droits réservés" under it) is the site's name, not a
    headline, whatever words it is made of."""
    names = {" ".join(_copyright_name(l).casefold().split()) for l in lines
             if l.kind == "boiler" and l.sub in ("copyright", "copyright_loose")}
    names.discard("")
    if names:
        for l in lines[:12]:
            if l.kind == "text" and l.words <= 8 and " ".join(l.o.casefold().split()) in names:
                l.kind = "site"


def _read_copyright(l: _Line, parts: ArticleParts) -> None:
    site = _copyright_name(l)
    if site and _words(site) <= 8:
        if parts.source is not None and (parts.source.isupper() and not site.isupper() and parts.source.casefold() == site.casefold()
                                         or _BARE_DOMAIN.fullmatch(parts.source) and " " not in site
                                         and parts.source.casefold().removeprefix("www.").split(".")[0] == site.casefold()):
            parts.unset("source")               # "MWANGAZA LEO" over the page, "© 2025 Mwangaza Leo." under it: the name as written
            # (and "DAWN.COM" over it, "Copyright © 2021, Dawn" under it: the name, not the domain)
        parts.set("source", site, "source:copyright-line", l)


def _updated_before(f: str, hit: DateHit, hits: list[DateHit]) -> bool:
    """Whether a date is labelled as the last update: by the words between it and the date before it on its line
    ("آخر تحديث: … | نشر في: …": the second is not; a Hijri date before it is its twin, not another date)."""
    return bool(_UPDATED.search(f, max((h.end for h in hits if h.end <= hit.start and h.hijri is None), default=0), hit.start))


def _read_label(l: _Line, parts: ArticleParts, rules: RuleSet, tzname: str | None, *, header: bool = True) -> None:
    a, b = l.val[0], l.val[1]
    value = clean(l.o[a:b])
    g = l.sub
    if g == "time":                          # Factiva's "ET    10:15": the time of the "PD" date
        m = re.fullmatch(r"(\d{1,2}):(\d{2})", value)
        if m:
            parts.set_time(int(m.group(1)), int(m.group(2)), "published:time-field", l, zone=l.val[2] if len(l.val) > 2 else None)
    elif g == "postedby":
        parts.set("author", value, "author:posted-by", l)
        hm = time_of(l.val[2])              # (the time of the date printed over the post)
        if hm:
            parts.set_time(*hm, "published:posted-by-time", l)
    elif g == "posted":
        parts.set("category", value, "category:posted-in", l)
        if len(l.val) == 4:
            parts.tags.extend(t for t in map(clean, _TAG_SPLIT.split(l.o[l.val[2]:l.val[3]])) if t)
    elif g == "title":
        if header:              # "Subject: نشرة الصباح | Headline": the headline is the longest part
            pieces = [x for x in _PIPE_SPLIT.split(value) if x.strip()]
            parts.set("title", max(pieces, key=_words) if len(pieces) > 1 else value, "title:label", l)
    elif g == "cat":
        value = value.split(";")[0].strip() or value                  # ("NEWS; Pg. 4")
        head, bar, rest = value.partition("|")
        if bar and head.strip() and _HAS_DIGIT.search(rest):
            value = clean(head)                                         # ("Posted in: Energy | 2 Comments")
        parts.unset("category", _WEAK_CATEGORY)   # (a label names the section better than the words beside the site's name)
        parts.set("category", value, "category:label", l)
    elif g == "src":
        if rules.agency_only.match(fold(value)) and not rules.site.match(fold(value)):   # "المصدر: وام": the credit, not the
            # site (but "المصدر: وكالة الأنباء السعودية", a name with its site word, is the publisher)
            parts.set("author", value, "author:source-label-agency", l)
            parts.set("agency", _canon_agency(value, fold(value), rules), "agency:source-label", l)
        elif re.match(r"(?:https?://|www\.)\S*/\S*$", value):
            parts.url = parts.url or value          # "source: https://…": the page's address, not its site's name
        else:
            m = _NAME_AND_URL.fullmatch(value)      # "Printed from: Gulf Herald (https://…)": the name, and the address
            if m:
                value, parts.url = m.group(1).strip(), parts.url or m.group(2)
            parts.set("source", value, "source:label", l)
    elif g == "auth":
        head, bar, rest = value.partition("|")
        if bar and (rules.label.match(fold(rest.strip())) or _WORD_LABEL.match(rest)):
            value = clean(head)                 # "Penulis: Dimas Pratama | Editor: Rina Ayu": the writer
        name = _byline_name(value, rules)
        prev = next((e for e in reversed(parts.evidence) if e[0] == "author"), None)
        stacked = prev is not None and prev[1] in ("author:label", "author:stacked-labels") and prev[2] is not None \
            and 0 < l.no - prev[2] <= 2 and header
        if stacked and (_STAFF_REPORTER.fullmatch(name) or name in (parts.authors or [parts.author])):
            pass                                # ("By Priya Lal" / "Business Reporter": her role)
        elif stacked:
            # bylines stacked one a line ("Author, A" / "Role, …" / "Author, B"): the names together
            parts.authors = (parts.authors or [parts.author]) + [name]
            parts.author = _join_names(parts.authors)
            parts.evidence.append(("author", "author:stacked-labels", l.no, l.o))
        else:
            parts.set("author", name, "author:label", l)
    elif g == "dek":
        parts.set("dek", value, "dek:label", l)
    elif g == "tags":
        for t in _TAG_SPLIT.split(value):
            t = clean(t)
            if t:
                parts.tags.append(t)
        if value:
            parts.evidence.append(("tags", "tags:label", l.no, l.o))
    elif g == "date":
        hits = l.val[2]
        # (a date dated by the Hijri calendar alone, "تاريخ النشر: 1420/3/7": its Gregorian day, as on a date line)
        greg = [h for h in hits if h.hijri is None] or [h for h in hits if h.rule == HIJRI_CONVERTED][:1]
        if greg:
            # of a pair on one line, "آخر تحديث: … | نشر في: …", the date not labelled as the update is the published one
            labelled = [(_updated_before(l.f, h, hits), h) for h in greg]
            updated, hit = next((x for x in labelled if not x[0]), labelled[0])
            greg = [hit] + [h for h in greg if h is not hit]
            if header and not updated and parts.published is not None and greg[0].value.date() <= parts.published.date() \
                    and (greg[0].value.date() < parts.published.date() or greg[0].precision != "day" or parts.precision == "day") \
                    and all(e[1].startswith("published:date-line:") for e in parts.evidence if e[0] == "published"):
                # a record's "تاريخ النشر:" under a bulletin's or a masthead's date line ("تاريخ النشرة: الخميس 16 مايو")
                parts.published = None
                parts.evidence = [e for e in parts.evidence if e[0] != "published"]
            parts.set_date(greg[0], hits, "published:label", l, tzname, refine=header, updated=updated)
        elif not hits:
            # "نشر في: 09:15 ص | آخر تحديث: 11:40 ص" under the day's date line: the time it was published (the
            # update's time is not, first or second)
            for k, seg in enumerate(l.f[l.val[0]:l.val[1]].split("|")):
                label = l.f[: l.val[0]] if k == 0 else seg[: seg.find(":") + 1]
                hm = leading_time(seg[len(label):] if k else seg)
                if hm and not _UPDATED.search(label):
                    parts.set_time(hm[0], hm[1], "published:label-time", l, zone=hm[2])
                    break


def _read_body(lines: list[_Line], start: int, parts: ArticleParts, rules: RuleSet, options: ExtractOptions,
               tzname: str | None, profiles: list[Profile], *, credit_ok: bool, structured: bool = True) -> None:
    n = len(lines)
    body: list[_Line | None] = []  # None = paragraph break (one per blank or dropped line)
    last_text = -1
    for i in range(start, n):
        if lines[i].kind == "text":
            last_text = i
    # metadata lines are fields only in the tail (after the last text line)
    for i in range(start, n):
        l = lines[i]
        k = l.kind
        if k == "blank":
            body.append(None)
            continue
        if k == "text":
            body.append(l)
            continue
        if k == "date" and i < last_text and any(body) and parts.source and l.words <= 14 \
                and fold(l.o).startswith(fold(parts.source)):
            body.append(None)                   # a print page's running head, "صحيفة الوطن - الثلاثاء … 2015م"
            continue
        if k in ("date", "site") and i < last_text or k == "label" and i < last_text and any(body) or (
            k in ("boiler", "crumb") and l.sub in ("tail", "generic", "url") and i < last_text
            and (any(body) or k == "crumb" or l.sub != "url")
        ):                                      # (a label or an address over the text's first line is the header's)
            # a metadata-looking line inside the body: keep it as text (a rule of dashes above the
            # text only closes the header; inside the text, "***" is the text's, as the gold set has it)
            body.append(None if k == "boiler" and not any(body) and _RULE_LINE.fullmatch(l.o) else l)
            continue
        if k == "label":
            _read_label(l, parts, rules, tzname, header=False)
        elif k == "site":
            _read_site(l, parts, rules)
        elif k == "date":
            hit, hits = l.val
            parts.set_date(hit, hits, "published:date-line-after-body", l, tzname)
        elif k == "boiler" and (l.sub == "copyright" or l.sub == "copyright_loose" and i > last_text):
            _read_copyright(l, parts)
        body.append(None)

    if structured:
        _tags_list_under_text(body, parts)
        last = next((x for x in reversed(range(len(body))) if body[x] is not None), None)
        if last is not None and parts.author and not credit_ok and body[last].words <= 8 \
                and squash(body[last].o).casefold() == squash(parts.author).casefold() \
                and sum(x is not None for x in body) >= 2:
            body[last] = None                   # the byline printed again under the text ("Le Monde avec AFP")
    # credit / byline line after the body
    texts = [x for x in body if x is not None]
    if len(texts) >= 2 and _STAFF_CREDIT.match(texts[-1].f):
        last = texts[-1]                        # "Reporting by Duncan Mwangi; Editing by Alex Richardson"
        m = _WIRE_CREDIT.match(last.o if last.o[:1] in "([" else f"({last.o})")
        if credit_ok and m:
            parts.set("author", m.group("name").strip(), "author:credit-after-body", last)
        body[len(body) - 1 - body[::-1].index(last)] = None
    elif credit_ok and len(texts) >= 2:
        last = texts[-1]
        # a page chrome / metadata line after it, or a structured header, marks a page layout
        footer = structured or any(
            lines[j].kind not in ("blank", "text") for j in range(last.no, n)
        )
        if (
            footer and
            last.words <= 8
            and len(last.o) <= 70
            and not _SENT_END.search(last.f)
            and not _LIST_MARK.match(last.f)
            and "@" not in last.f
            and not _PHOTO_CREDIT.match(last.f)          # ("(تصوير: عبدالعزيز اليوسف)" is the photographer's)
            and last.f.count("|") < 2 and "·" not in last.f   # (a bar of links: "ترتيب الدوري | جدول المباريات | الهدافون")
            and not _HAS_DIGIT.search(last.f)            # (a name has no figures: "الهاتف: 71 000 000", "WORDS: 231")
            and not _BARE_DOMAIN.fullmatch(last.o.strip())    # (a print page's footer, "www.alwatan.com.sa")
        ):
            credit = last.o.strip()
            if credit[:1] in "([" and credit[-1:] in ")]" and all(rules.agency_only.match(fold(x)) for x in _ROLE_CUT.split(credit[1:-1].strip())):
                credit = credit[1:-1].strip()           # "(وات)": the agency's name
            m = _WIRE_CREDIT.match(credit)
            if m:
                credit = m.group("name").strip()         # "(Reporting by Priya Raman; Editing by …)": the reporter
            parts.set("author", credit, "author:credit-after-body", last)
            ag = _agency_in(last.f, rules)
            if ag:
                parts.set("agency", _canon_agency(last.o, last.f, rules), "agency:credit-line", last)
            idx = len(body) - 1 - body[::-1].index(last)
            body[idx] = None
    elif len(texts) >= 1 and rules.agency_only.match(texts[-1].f) and len(texts) >= 2:
        last = texts[-1]
        parts.set("agency", _canon_agency(last.o, last.f, rules), "agency:credit-line", last)
        idx = len(body) - 1 - body[::-1].index(last)
        body[idx] = None

    _assemble(body, parts, rules, options, profiles)


def _tags_list_under_text(body: list[_Line | None], parts: ArticleParts) -> None:
    """A page's tags printed one a line under its text, a blank line apart from it, with no label ("العراق" /
    "الكهرباء", "السعودية" / "طاقة متجددة"): short lines, each a word or a few, most of them words of the article
    (the topics it is about); two of them under a byline found over the text, three without one (else a credit and
    its place, "محمد العتيبي" / "الرياض", may be printed so)."""
    end = len(body)
    while end and body[end - 1] is None:
        end -= 1
    start = end
    while start and body[start - 1] is not None:
        start -= 1
    block = body[start:end]
    if not (2 if parts.author else 3) <= len(block) <= 12 or start < 2 or body[start - 1] is not None:
        return
    before = next((x for x in reversed(body[:start]) if x is not None), None)
    if before is None or not _is_prose(before) or not _terminal(before.f):
        return
    if any(l.words > 3 or len(l.o) > 40 or _END_PUNCT.search(l.f) or _HAS_DIGIT.search(l.f) or _LIST_MARK.match(l.f)
           or _LABELLED.match(l.o) or "@" in l.f for l in block):
        return
    text = " ".join([fold(parts.title or "")] + [l.f for l in body[:start] if l is not None]).lower()
    found = sum(any(len(w) >= 3 and w in text for w in (x.removeprefix("ال") for x in l.f.lower().split()))
                for l in block)
    if 2 * found < len(block):
        return
    for i in range(start, end):
        parts.tags.append(clean(body[i].o))
        body[i] = None
    parts.evidence.append(("tags", "tags:list-under-text", block[0].no, " | ".join(l.o for l in block)))


def _assemble(body: list[_Line | None], parts: ArticleParts, rules: RuleSet, options: ExtractOptions,
              profiles: list[Profile]) -> None:
    # group into blocks of consecutive lines; remember the gap (breaks) before each block
    blocks: list[list[_Line]] = []
    gaps: dict[int, int] = {}  # id(first line of block) -> breaks before it
    cur: list[_Line] = []
    gap = 0
    for x in body:
        if x is None:
            if cur:
                blocks.append(cur)
                cur = []
            gap += 1
        else:
            if not cur:
                gaps[id(x)] = gap
            gap = 0
            cur.append(x)
    if cur:
        blocks.append(cur)
    if not blocks:
        parts.warnings.append("no_body: no paragraph found")
        return
    # hard-wrapped text?
    wrapped = False
    width = 0
    multi = [b for b in blocks if len(b) >= 2]
    if multi:
        lens = sorted(len(l.o) for b in blocks for l in b)
        width = lens[int(0.9 * (len(lens) - 1))]
        if width <= 110:
            inner = [l for b in multi for l in b[:-1]]
            if (
                inner
                and sum(1 for l in inner if len(l.o) >= 0.6 * width) >= 0.8 * len(inner)
                and sum(1 for l in inner if not _SENT_END.search(l.o)) >= 0.6 * len(inner)
            ):
                wrapped = True
    # in text whose paragraphs are blank-line blocks of one line each, a block of several lines is one
    # paragraph (a list's items under each other: the gold set's BBC files count blocks)
    by_block = not wrapped and len(blocks) >= 4 and sum(1 for b in blocks if len(b) == 1) >= 0.75 * len(blocks)
    paras: list[tuple[_Line, str]] = []
    for b in blocks:
        if by_block and len(b) > 1 and all(_LIST_MARK.match(l.f) for l in b[1:]):
            paras.append((b[0], " ".join(clean(l.raw) for l in b)))
            continue
        if not wrapped:
            for l in b:
                paras.append((l, clean(l.raw)))
            continue
        acc: list[str] = []
        first = b[0]
        prev = None
        margin = min(len(l.raw) - len(l.raw.lstrip(" \t\u00a0\u3000")) for l in b)     # (lynx indents every line)
        for l in b:
            indented = len(l.raw) - len(l.raw.lstrip(" \t\u00a0\u3000")) >= margin + 2
            if prev is not None and (indented or len(prev.o) < 0.6 * width or _LIST_MARK.match(l.f)):
                paras.append((first, _join(acc)))
                acc = []
                first = l
            acc.append(clean(l.raw))
            prev = l
        if acc:
            paras.append((first, _join(acc)))
    if wrapped:
        parts.warnings.append("hard_wrapped: lines re-joined into paragraphs")
    # strip patterns
    strip_res = [rules.strip] + [_profile_strip(tuple(p.strip)) for p in profiles]
    strip_res = [s for s in strip_res if s is not None]
    out: list[tuple[str, str, _Line]] = []
    for l, text in paras:
        for s in strip_res:
            if s is rules.strip:
                off = max(0, len(text) - 200)
                m = s.search(fold(text[off:]))
                if m:
                    text = clean(text[: off + m.start()] + text[off + m.end():])
            else:
                text = clean(s.sub("", text))
        if text:
            out.append(("h" if l.sub == "heading" and len(text) <= 120 else "p", text, l))
    # dateline agency at the start of the first paragraph
    if out and parts.agency is None:
        l = out[0][2]
        m = rules.dateline.match(fold(out[0][1][:120]))
        if m:
            parts.set("agency", out[0][1][m.start("ag"):m.end("ag")], "agency:dateline", l, text=out[0][1][:120])
    if out and parts.author is None and out[0][0] == "p":
        m = _LEAD_BYLINE.match(fold(out[0][1][:120]))        # (the paragraph stays whole, as a dataset's text has it)
        if m:
            parts.set("author", out[0][1][m.start(1):m.end(1)], "author:lead-byline", out[0][2], text=out[0][1][:120])
    # subheadings: short unpunctuated lines between two paragraphs, after a wider gap
    # than the one between paragraphs (with the same gap, a short line is a paragraph)
    if options.subheadings and len(out) >= 3:
        gap_list = [gaps.get(id(l), 0) for _, _, l in out[1:]]
        typical = Counter(gap_list).most_common(1)[0][0] if gap_list else 0
        # (or, in a text whose paragraphs are indented, a short line that is not: "أسعار مستقرة" among tab-led lines)
        indented = [l.raw[:1] in " \t\u00a0\u3000" for _, _, l in out]
        all_but = sum(indented) >= max(3, 0.75 * len(out))
        for idx in range(1, len(out) - 1):
            kind, text, l = out[idx]
            prev, nxt = out[idx - 1], out[idx + 1]
            g = gaps.get(id(l), 0)
            if (
                prev[0] == "p"
                and l.words <= 8
                and len(text) <= 80
                and (not _END_PUNCT.search(l.f) or l.f.rstrip()[-1:] in "?؟")      # ("كيف يعمل؟")
                and not _LIST_MARK.match(l.f)
                and not _HAS_DIGIT.search(l.f[:3])
                and _terminal(prev[1])
                and "@" not in text
                and (g > typical or all_but and not indented[idx])   # (with equal gaps, blank lines or none, and the same
                # indent, a short line is a paragraph: the gold set's)
                and _words(prev[1]) >= 15
                and _words(nxt[1]) >= 15
            ):
                out[idx] = ("h", text, l)
                parts.evidence.append(("subheadings", "subheading:short-line-between-paragraphs", l.no, l.o))
        # ... and one opening the text, set apart from it as wide ("Das Wichtigste in Kürze")
        kind, text, l = out[0]
        if kind == "p" and 2 <= l.words <= 8 and len(text) <= 80 and not _END_PUNCT.search(l.f) and not _LIST_MARK.match(l.f) \
                and gaps.get(id(out[1][2]), 0) > typical >= 1 and _words(out[1][1]) >= 15 and _words(out[2][1]) >= 15:
            out[0] = ("h", text, l)
            parts.evidence.append(("subheadings", "subheading:short-line-opening-the-text", l.no, l.o))
    parts.blocks = [(k, t) for k, t, _ in _without_pull_quotes(out)]


_QUOTE_MARKS = "«»“”„\"'‘’ .…"


def _without_pull_quotes(out: list[tuple[str, str, "_Line"]]) -> list[tuple[str, str, "_Line"]]:
    """A pull quote, a short paragraph printed again from a longer one ("«الكهرباء ليست سوى الوجه
    الأوضح لأزمة أعمق»"), is the page's furniture (up to 200 paragraphs: a text, not a dump)."""
    if not 4 <= len(out) <= 200:
        return out
    quoted = [i for i, (kind, t, _) in enumerate(out) if kind == "p" and t[:1] in "«“\"" and t[-1:] in "»”\""   # (quoted, as
              and 4 <= t.count(" ") + 1 <= 30]                                                            # pull quotes are printed)
    if not quoted:
        return out
    keys = [" ".join(fold(t).lower().split()).strip(_QUOTE_MARKS) for _, t, _ in out]
    drop = {i for i in quoted if any(j != i and len(keys[j]) >= len(keys[i]) + 20 and keys[i] in keys[j] for j in range(len(out)))}
    return [x for i, x in enumerate(out) if i not in drop] if drop else out


def _join(chunks: list[str]) -> str:
    out = ""
    for c in chunks:
        if not out:
            out = c
        elif out.endswith("-") and len(out) > 1 and out[-2].isalpha() and c[:1].islower():
            out = out[:-1] + c
        else:
            out = out + " " + c
    return out


def _language(parts: ArticleParts, profiles: list[Profile]) -> None:
    lang = next((p.language for p in profiles if p.language), None)
    if lang is None:
        sample = ((parts.title or "") + " " + " ".join(t for _, t in parts.blocks[:2]))[:300]
        ar = sum(map(len, _ARABIC.findall(sample)))
        la = sum(map(len, _LATIN.findall(sample))) if ar < 150 else 0
        if ar + la >= 3:
            if ar >= la:                      # (Urdu and Persian by the letters Arabic has not)
                lang = "ur" if _URDU.search(sample) else "fa" if _PERSIAN.search(sample) else "ar"
            else:
                hits = dict.fromkeys(_STOP_WORDS, 0)
                for word in _WORD_RE.findall(sample.lower()):
                    for code in _STOP.get(word, ()):
                        hits[code] += 1
                best = max(hits, key=hits.get)         # (the first of equals: English)
                if hits[best] >= (1 if best == "en" else 2):
                    lang = best
    if lang:
        parts.language = lang
        parts.dir = "rtl" if lang.split("-")[0] in _RTL_LANGS else "ltr"
