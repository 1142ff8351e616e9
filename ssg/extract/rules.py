"""Default rule set (Arabic + English) as data, and its compiled form.

Every pattern here is written in natural spelling and folded (see text.fold)
when compiled; all patterns are matched against the folded copy of a line with
re.IGNORECASE. Profiles from site.toml extend these tables; nothing in the
extractor special-cases a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .options import Profile
from .text import alternation, fold_pattern

__all__ = ["DEFAULT_RULES", "RuleSet", "compile_rules"]

_PREV_NEXT = (r"[«‹<←→]?\s*(?:(?:الموضوع|المقال|الخبر|المشاركة|التدوينة|الصفحة|المادة)\s+)?(?:السابق|التالي|السابقة|التالية)"
              r"(?:\s+(?:previous|next))?\s*[»›>←→]?"
              r"|[«‹<←→]?\s*(?:previous|next|older|newer)\s+(?:post|article|story|entry|topic|thread)\s*[»›>←→]?")
# A headline under its medium's label ("شاهد: …", "بالفيديو: …", "فيديو | …", "Watch: …"): a teaser of a video
# in the page's furniture, or, standing where the headline stands, the article's own headline (core.py).
_MEDIA_TEASER = r"(?:شاهد|بالفيديو|فيديو|watch|video)\s*[|｜:：].{0,200}"
# Languages as a site's switch between its editions names them (endonyms, and two-letter codes).
LANGUAGES = ("عربي|العربية|عربى|english|français|francais|español|espanol|deutsch|türkçe|turkce|کوردی|كوردي|kurdî|kurdi|"
              "فارسی|فارسي|اردو|עברית|русский|中文|italiano|português|portugues|nederlands|polski|ελληνικά|हिन्दी|हिंदी|"
              "kiswahili|swahili|soomaali|somali|tamazight|ⵜⴰⵎⴰⵣⵉⵖⵜ|amazigh|bahasa(?: indonesia| melayu)?|filipino|"
              "日本語|한국어|ar|en|fr|es|de|tr|fa|ur|ku|he|ru")

DEFAULT_RULES: dict[str, tuple[str, ...]] = {
    # A line that is only a navigation menu entry.
    "nav_words": (
        "القائمة الرئيسية", "الرئيسية", "الصفحة الرئيسية", "القائمة", "main menu", "menu", "home",
        "skip to content", "skip to main content", "تخطى إلى المحتوى", "تخط إلى المحتوى", "تخطَّ إلى المحتوى",
        "انتقل إلى المحتوى", "تجاوز إلى المحتوى", "saltar al contenido", "saltar al contenido principal", "ir al contenido",
        "aller au contenu", "aller au contenu principal", "zum inhalt springen", "direkt zum inhalt", "vai al contenuto",
        "ir para o conteúdo", "saltar para o conteúdo", "içeriğe geç", "ana içeriğe geç", "skip to navigation", "langsung ke konten", "search", "بحث", "اتصل بنا",
        "contact us", "من نحن", "about us", "sign in", "log in", "subscribe", "اشترك", "تسجيل الدخول",
        "privacy policy", "privacy", "terms of use", "terms of service", "terms and conditions", "cookie policy",
        "cookies", "accessibility", "sitemap", "site map", "advertise", "advertise with us", "careers", "newsletters",
        "سياسة الخصوصية", "الخصوصية", "شروط الاستخدام", "الشروط والأحكام", "خريطة الموقع", "أعلن معنا", "اعلن معنا",
        "النشرة البريدية", "وظائف", "الأرشيف", "archive", "previous", "next", "السابق", "التالي",
        "accueil", "inicio", "startseite", "ابحث", "ابحث في الموقع", "بحث في الموقع", "search for", "search this site",
        "s'abonner", "se connecter", "rechercher", "suchen", "anmelden", "abonnieren", "buscar", "suscríbete", "iniciar sesión",
        "دخول", "تسجيل", "تسجيل خروج", "اشتراك", "اشترك الآن", "تسجيل جديد", "حسابي", "إنشاء حساب", "حساب جديد", "login", "register", "sign up",
        "sign out", "log out", "my account", "iniciar sesión", "mi cuenta",
        "mentions légales", "charte de vie privée", "politique de confidentialité", "nous contacter", "contact", "kontakt",
        "impressum", "datenschutz", "aviso legal", "política de privacidad", "contacto", "gizlilik politikası", "künye", "iletişim",
        "cookie settings", "manage cookies", "إعدادات ملفات تعريف الارتباط",
    ),
    # The first item of a site's menu printed as one run of words ("Home News Sports Opinion").
    "home_words": ("الرئيسية", "الصفحة الرئيسية", "home", "homepage", "accueil", "inicio", "startseite", "anasayfa", "ana sayfa",
                   "beranda", "αρχική", "होम", "मुखपृष्ठ", "strona główna", "nyumbani", "tahanan"),
    # First crumb of a breadcrumb trail.
    "crumb_home": ("الرئيسية", "الصفحة الرئيسية", "home", "homepage", "news", "أخبار", "الأخبار", "accueil", "inicio",
                   "startseite", "anasayfa", "ana sayfa", "beranda", "αρχική", "होम", "मुखपृष्ठ", "strona główna", "nieuws", "habari"),
    # Words that start a site-name line: "صحيفة الوطن", "موقع ... الإخباري".
    "site_words": (
        "صحيفة", "جريدة", "موقع", "مجلة", "بوابة", "شبكة", "قناة", "وكالة", "إذاعة", "راديو", "تلفزيون",
        "يومية", "أسبوعية", "منصة",
    ),
    # Arabic brands end with one of these ("قرطاج نيوز", "بنغازي نت", "صنعاء الإخباري", "عربي نيوز 24"):
    # a short line of two to four words, none of them a preposition
    "site_words_ar_end": (
        "نيوز", "نت", "برس", "بريس", "الإخباري", "الإخبارية", "الاخباري", "الاخبارية", "أونلاين", "اونلاين", "تايمز",
        "بوست", "واير", "برس واير", "تيفي", "تي في", "أنفو", "انفو", "ميديا",
    ),
    # ... or, two words only, with "today" or "now" ("المصري اليوم", "عدن الآن"; not "اعتبارا من اليوم")
    "site_words_ar_end2": ("اليوم", "الآن", "الان"),
    # English site names end with one of these words ("The Daily Star", "BBC News").
    "site_words_en": (
        "news", "times", "post", "herald", "gazette", "journal", "tribune", "telegraph", "guardian",
        "chronicle", "observer", "daily", "online", "today", "express", "mail", "review", "independent",
        "standard", "mirror", "sun", "star", "magazine", "weekly", "press", "network", "courier", "bulletin",
        "dispatch", "examiner", "inquirer", "sentinel", "register", "ledger", "globe", "messenger", "advertiser",
        "wire", "insider", "mercury", "record", "reporter", "beacon", "clarion", "monitor", "voice", "eagle", "pioneer",
        "agency", "ajansı", "ajansi", "gazetesi",
    ),
    # French, Spanish, Italian, Portuguese and German names start with these ("Le Courrier de
    # l'Estuaire", "El Diario de Cuyo", "Kölner Rundschau" ends with one: English rule).
    "site_words_latin": (
        "courrier", "dépêche", "depeche", "journal", "quotidien", "progrès", "républicain", "parisien", "monde", "figaro",
        "diario", "periódico", "periodico", "gaceta", "correo", "heraldo", "mirador", "gazzetta", "corriere", "giornale",
        "jornal", "folha", "gazeta", "zeitung", "rundschau", "anzeiger", "kurier", "tageblatt", "abendpost", "morgenpost",
    ),
    # News agencies (credits, datelines). The longest match wins.
    "agencies": (
        "رويترز", "أ ف ب", "ا ف ب", "أ.ف.ب", "ا.ف.ب", "فرانس برس", "وكالة الصحافة الفرنسية", "أ ب", "اسوشيتد برس",
        "أسوشيتد برس", "د ب أ", "د.ب.أ", "يو بي آي", "واس", "وكالات", "الوكالات", "وكالة الأنباء السعودية", "سانا", "وفا",
        "قنا", "كونا", "وام", "بنا", "و.م.ع", "و م ع", "العمانية", "الأناضول", "شينخوا", "مكتب", "يونا", "ومع", "أ ش أ",
        "reuters", "afp", "ap", "associated press", "dpa", "xinhua", "upi", "bloomberg", "agencies", "pa",
        "وات", "واج", "سونا", "واع", "بترا", "سبأ", "وال", "وكالة الأنباء الليبية", "ومع",
        "wam", "kuna", "qna", "ansa", "kyodo", "yonhap", "pti", "ians", "aap", "pa media", "anadolu",
    ),
    # Share / print / follow / comment bars (a line starting with one of these, short).
    "share": (
        "artikel teilen", "beitrag teilen", "partager l'article", "compartir artículo", "compartir", "compartir en", "partager sur", "envoyer par", "teilen", "condividi", "paylaş", "read later", "save for later",
        "شارك", "شاركها", "مشاركة", "شارك هذا الخبر", "شارك الخبر", "شارك المقال", "انشر", "share", "share this",
        "share on", "inshare", "deel dit artikel", "deel", "i-share", "udostępnij", "κοινοποίηση", "शेयर करें", "shiriki", "إعجاب", "اس خبر کو شیئر کریں", "شیئر کریں", "bagikan", "bagikan artikel", "print", "طباعة", "اطبع", "email", "أرسل لصديق", "ارسل لصديق", "أرسل", "تابعونا", "تابعنا",
        "follow us", "follow", "tweet", "تغريد", "facebook", "twitter", "whatsapp", "فيسبوك", "فايسبوك", "فيس بوك", "تويتر", "واتساب", "واتس اب", "واتس آب",
        "انستقرام",
        "تيليجرام", "telegram", "linkedin", "pinterest", "reddit", "comments", "comment", "التعليقات", "تعليقات",
        "أضف تعليق", "اضف تعليق", "leave a comment", "add comment", "كن أول من يعلق", "حجم الخط", "font size",
        "تكبير الخط", "تصغير الخط", "save", "حفظ", "أرسل إلى صديق", "ارسل الى صديق", "إرسال إلى صديق", "like", "أعجبني", "copy link", "نسخ الرابط", "الرابط المختصر",
        "short link", "permalink", "next previous", "previous next", "السابق التالي", "التالي السابق",
        "back to top", "العودة إلى الأعلى", "للأعلى", "تعليقات الزوار", "تعليقات القراء", "أضف تعليقك", "اضف تعليقك",
        "اترك تعليقا", "اترك تعليقاً", "شارك برأيك", "leave a reply", "اترك رداً", "اترك ردا", "أضف رد",
        "share or comment", "partager", "partagez", "إكس", "x", "لينكد إن", "لينكدإن", "انستغرام", "إنستغرام", "instagram",
        "يوتيوب", "youtube", "تلغرام", "سناب شات", "snapchat", "تيك توك", "tiktok", "threads",
    ),
    # Headings of the readers' comments: nothing after them (past the article's text) is copy.
    "comments": (
        "التعليقات", "تعليقات الزوار", "تعليقات القراء", "تعليقات", "اترك تعليقا", "اترك تعليقاً", "أضف تعليقك",
        "comments", "reader comments", "readers' comments", "join the conversation", "leave a reply", "leave a comment",
        "discussion about this post", "discussion about this episode",
        # (a match's summary box, an event's details box under the text)
        "ملخص المباراة", "تفاصيل المباراة", "match summary", "match facts", "معلومات الفعالية", "تفاصيل الفعالية",
        "event details", "event info",
        # (a page's attachments under the text: "الوثائق المرفقة:")
        "الوثائق المرفقة", "المرفقات", "الملفات المرفقة", "attachments", "pièces jointes", "documents joints",
        "commentaires", "comentarios", "kommentare", "vos réactions", "vos commentaires", "réactions des lecteurs", "komentar", "komentarze",
        "maoni", "نظرات کاربران", "ارسال نظر", "دیدگاه‌ها", "σχόλια", "टिप्पणियाँ", "टिप्पणियां", "نظرات", "تبصرے", "mga komento", "комментарии", "תגובות",
        # (a comment form's heading)
        "شارك برأيك", "أضف تعليق", "أضف تعليقا", "أضف تعليقاً", "اضف تعليق", "اكتب تعليقك", "اكتب تعليقا", "علق على الخبر",
        "علق على الموضوع", "add a comment", "post a comment", "write a comment", "laisser un commentaire", "deja un comentario",
        # (and a press release's contact block, which ends the article the same way)
        "media contact", "media contacts", "press contact", "press contacts", "for media inquiries", "للتواصل الإعلامي",
        # (a press release's end mark, and a news database's end of the document)
        # (a read-it-later app's highlights and notes under the text)
        "highlights", "my highlights", "notes", "my notes", "annotations",
        "###", "# # #", "-ends-", "- ends -", "ends", "-انتهى-", "- انتهى -", "انتهى", "-30-", "end of document",
        "references", "links",
        "للاستفسارات الإعلامية", "لمزيد من المعلومات", "for more information", "forward-looking statements",
        # (an agency's end mark, and a tags heading alone: the article is over)
        "(النهاية)", "النهاية", "(end)", "الكلمات الدالة", "الكلمات المفتاحية", "الكلمات المفاتيح", "كلمات مفتاحية",
        "الكلمات المتعلقة", "كلمات متعلقة", "المواضيع المتعلقة",
        "topics", "related topics", "temas", "etiquetas", "mots-clés", "schlagwörter",
        "أضف تعليق", "أضف تعليقا", "أضف تعليقاً", "اضف تعليقا", "اكتب تعليقك", "add a comment", "post a comment",
        "write a comment", "ajouter un commentaire", "kommentar schreiben",
        "yorumlar", "yorum yap", "yorum yaz", "commenti", "comentários", "reacties", "réagir", "réactions", "comentar",
        # (a tags heading alone, over its tags)
        "الوسوم", "وسوم", "الكلمات الدلالية", "كلمات دلالية", "tags", "tagged", "keywords", "etiketler", "palabras clave",
        "parole chiave", "themen", "مواضيع", "موضوعات",
        # (a blog's: "ليست هناك تعليقات:", "No comments:", "إرسال تعليق", "Post a Comment")
        "ليست هناك تعليقات", "لا توجد تعليقات", "no comments", "إرسال تعليق", "ارسال تعليق",
    ),
    # A paywall's or a sign-in's line under the text (the line starts so): the article's text ends.
    "paywall": (
        "il vous reste", "cet article est réservé", "la suite est réservée", "la suite de cet article", "réservé aux abonnés",
        "déjà abonné", "this article is for subscribers", "this content is for subscribers", "this article is available to subscribers",
        "subscribe to continue reading", "subscribe to read", "continue reading with", "to continue reading", "already a subscriber",
        "already subscribed", "sign in to continue", "this article is exclusive to", "ya eres suscriptor", "este contenido es exclusivo",
        "contenido exclusivo para suscriptores", "exclusivo para suscriptores", "weiterlesen mit", "dieser artikel ist exklusiv",
        "jetzt abonnieren", "bereits abonnent", "هذا المحتوى للمشتركين", "هذا المحتوى حصري للمشتركين", "هذا المقال للمشتركين",
        "هذا المقال متاح للمشتركين", "لقراءة المقال كاملا", "لقراءة المقال كاملاً", "للاستمرار في القراءة", "لمتابعة القراءة",
        "اشترك لمتابعة القراءة", "اشترك للاستمرار", "yorum yazmak için", "devamını okumak için",
    ),
    # Headings that introduce a list of other articles' titles.
    "read_also": (
        "читайте также", "смотрите также", "читайте еще", "по теме", "קראו עוד", "קראו גם", "بخوانید",
        "más información", "mas información", "ebenfalls interessant",
        "lee también", "leer también", "ver también", "noticias relacionadas", "artículos relacionados", "relacionadas",
        "à lire également", "auch interessant", "اقرئي أيضاً", "اقرئي أيضا", "اقرئي ايضا", "اقرأ", "إقرأ", "مقالات مقترحة", "أخبار مقترحة", "مواضيع مقترحة", "قصص مقترحة", "موضوعات مقترحة", "المزيد حول هذه القصة",
        "مقالات في نفس القسم", "أخبار في نفس القسم", "في نفس القسم", "مواضيع ذات علاقة", "أخبار ذات علاقة", "شاهدي أيضاً", "شاهدي أيضا",
        "relacionados", "artigos relacionados", "notícias relacionadas", "اقرأ في", "اقرأ أيضا", "اقرأ أيضاً", "إقرأ أيضا", "إقرأ أيضاً", "اقرأ كذلك", "اقرأ المزيد", "أخبار ذات صلة", "أخبار متعلقة",
        "مواضيع ذات صلة", "مقالات ذات صلة", "موضوعات ذات صلة", "ذات صلة", "المزيد من الأخبار", "الأكثر قراءة",
        "الأكثر مشاهدة", "شاهد أيضا", "شاهد أيضاً", "قد يهمك أيضا", "قد يهمك أيضاً", "قد يعجبك أيضا", "روابط ذات صلة",
        "related", "related articles", "related stories", "related news", "related posts", "related content",
        "read more", "read also", "must read", "must-read", "see also", "more on this story", "more stories", "you may also like",
        "most read", "most popular", "recommended", "more from", "top stories", "latest news", "trending",
        "مقالات أخرى للكاتب", "مقالات أخرى", "مقالات للكاتب نفسه", "more from this author", "more by this author",
        "other articles by", "trending on", "popular on",
        "related topics", "related links", "related coverage", "more on this topic", "مواضيع متعلقة", "موضوعات متعلقة",
        "المزيد حول هذه القصة", "أخبار مشابهة", "اخبار مشابهة", "ربما يعجبك أيضا", "ربما يعجبك أيضاً", "ربما يعجبك",
        "قد يعجبك", "قد يهمك", "لا يفوتك", "قد يعجبك أيضا", "المزيد من الأخبار", "more on this story", "more stories like this",
        "read next", "up next", "most read news", "more news", "اقرأ التالي", "الأكثر قراءة اليوم",
        "lire aussi", "à lire aussi", "a lire aussi", "voir aussi", "lesen sie auch", "mehr zum thema", "lea también",
        "leer más", "te puede interesar", "also read", "see also", "مواضيع مشابهة", "موضوعات مشابهة", "similar stories",
        "similar articles", "lees ook", "basahin din", "यह भी पढ़ें", "ये भी पढ़ें", "soma pia", "soma zaidi", "czytaj też",
        "czytaj także", "διαβάστε επίσης", "διαβάστε ακόμα", "مزید پڑھیں", "یہ بھی پڑھیں", "بیشتر بخوانید", "leia também", "leia mais", "veja também", "saiba mais", "leggi anche", "sur le même sujet", "sur le même thème", "topik terkait", "artikel terkait", "suggested topics", "suggested stories", "suggested reading", "recommended topics",
        "most viewed", "most shared", "most commented", "most watched", "explore more on these topics", "explore more",
        "more in this section", "latest stories", "more sport", "more news", "more stories", "top news right now", "also watch",
        "trending on", "related coverage", "more from this section", "read more on", "الأكثر تداولا", "الأكثر تداولاً", "الأكثر تعليقا", "الأكثر تعليقاً", "الأكثر قراءة",
        "أحدث الأخبار", "آخر الأخبار", "اخر الاخبار", "كل مقالات الكاتب", "جميع مقالات الكاتب", "مقالات الكاتب",
        "ilgili haberler", "benzer haberler", "çok okunanlar", "en çok okunanlar", "les plus lus", "à lire également",
        "à lire aussi", "lo más leído", "más leídas", "meistgelesen", "طالع أيضا", "طالع أيضاً", "اقرأ ايضا", "المواضيع ذات الصلة",
        "الأخبار ذات الصلة", "المقالات ذات الصلة", "مقالات أخرى للكاتبة", "baca juga", "lihat juga", "berita terkait",
        "متعلقہ خبریں", "مزید خبریں", "اخبار مرتبط", "مطالب مرتبط", "بیشتر بخوانید",
        "ayrıca okuyun", "bunu da okuyun", "ilginizi çekebilir", "المشاركات الشائعة", "popular posts", "أرشيف المدونة", "blog archive",
        "جدول البث", "جدول البرامج", "key facts", "fast facts",
    ),
    # Whole-line boilerplate (regexes), removed wherever it stands.
    "boilerplate": (
        r"(?:©|\(c\)|copyright\b|کاپی رائٹ|حق نشر).*",
        r"(?:صورة|الصورة|صور|تصوير|photo|image|picture|pictured|caption|foto|fotografía|fotografia|bild|φωτογραφία|фото|צילום|عکس)\s*[:：|].{0,150}",
        r"(?:image|media|photo|video|picture)\s+(?:copyright|caption|source|credit)\b.{0,150}",
        # (BBC's captions in Arabic: "مصدر الصورة، Getty Images", "التعليق على الصورة، …"; and its "suggested stories" box's end)
        r"(?:مصدر الصورة|التعليق على الصورة|شرح الصورة|حقوق الصورة)\s*[،,:：].{0,200}",
        r"(?:قصص مقترحة|موضوعات مقترحة)\s+نهاية|نهاية\s+(?:قصص مقترحة|موضوعات مقترحة)",
        r"media playback is (?:unsupported|not supported) on your device",
        r"\[\d{1,2}/\d{1,2}\].{0,300}",                                   # a gallery's caption: "[1/3] ..."
        r"[(\[]\s*(?:الصورة|صورة|photo|image|picture)\s*[:：].{0,200}[)\]]",       # "(الصورة: أرشيفية ...)"
        r"[*•]?\s*(?:الآراء|المقالات|الآراء الواردة).{0,60}(?:تعبر|تعبّر) عن (?:رأي|آراء|وجهات نظر|وجهة نظر) (?:كاتبها|أصحابها|الكاتب|كت\u0651?ابها|كتابها).{0,120}",
        r"(?:the )?(?:views|opinions) expressed .{0,160}",
        r"comments are closed\.?|enter your email(?: address)?.{0,40}",
        r"(?:get|sign up for|subscribe to) (?:the|our) newsletter.{0,60}|(?:email(?: address)?|(?:your )?e-?mail)(?:\s*\[?\s*(?:subscribe|sign up|submit|اشترك)\s*\]?)?",
        # a newsletter platform's furniture: "Thanks for reading X! Subscribe for free…", "Type your email…",
        # "14 Likes · 2 Restacks", "Start writing  Get the app"
        r"thanks for reading .{1,80}?[!.](?:\s*(?:subscribe|sign up|join) .{0,160})?|type your email.{0,40}",
        r"\d+\s+likes?(?:\s*[·•∙|]?\s*\d+\s+(?:restacks?|comments?|shares?|reposts?))*|start writing\s+get the app",
        # a page's tools: "A-  A+  Yazdır  Paylaş", "Reuse this content"
        r"a-\s+a\+(?:\s+\S+){0,4}|a\+\s+a-(?:\s+\S+){0,4}|reuse this content|réutiliser ce contenu|contribuer|tt",     # (and a lone "TT", a font-size toggle)
        # a forum's repost mark: "منقول", "منقول للفائدة", "(منقول)"
        r"[(\[]?\s*(?:منقول|منقوول|منقول للفائدة|منقول للأمانة|منقول للامانة|منقول بتصرف)\s*[)\]]?\s*[.!]?",
        r"(?:our standards|editorial standards)\s*:.{0,120}",
        r"(?:sponsored|paid content|promoted|partner content|إعلان ممول|محتوى مدفوع|برعاية)\s*[:：|].{0,200}",
        r"(?:آخر الأخبار|أخبار عاجلة|شريط الأخبار|latest news|news ticker|حالة الطقس|الطقس اليوم|weather)\s*[:：].{0,300}",
        # a time alone on its line (a live page's entries), a live page's mark
        r"\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|ص|م|مساء|صباحا|صباحاً))?(?:\s*(?:gmt|utc|ت\s*م|بتوقيت\s+\S+(?:\s\S+)?))?"
        r"|[●•◉🔴]?\s*(?:مباشر|بث مباشر|live|en direct|en vivo|ao vivo)",
        r"\[(?:img|image|photo|صورة)\]\s.{0,200}",
        # an invitation to follow the site elsewhere: "Join Daily Harmattan WhatsApp Channel for breaking news",
        # "تابع بوابة السرايا على واتساب", "تابعوا البث المباشر لقناة المدار"
        r"(?:لمتابعة\s.{0,60}\s)?(?:join|follow|subscribe to|takip et|suivez|síguenos|folgen sie|تابع|تابعوا|تابعونا|انضم|انضموا|اشترك|اشتركوا)\s*[:：]?\s.{0,60}(?:whatsapp|telegram|channel|youtube|google|"
        r"واتساب|تلغرام|تيليجرام|قناة|قناتنا|يوتيوب|البث المباشر|نبض|جوجل نيوز|google news).{0,60}",
        # a header image's caption
        r"(?:header|featured|main|top|lead) (?:image|photo)\s*[:：].{0,240}",
        # a cookie banner's buttons
        r"(?:alle akzeptieren|accept all|accept cookies|reject all|tout accepter|aceptar todo|قبول الكل|موافق)(?:\s{2,}\S.{0,60})?",
        r"comments are closed.{0,60}|sign up to (?:our|the) .{0,80}",
        # a page number alone (a print page's OCR), an image's placeholder ("[beach-closure.jpg]", "[IMG]")
        r"(?:page|p\.|صفحة|ص)?\s*\d{1,3}|\[(?:[^\]]{0,80}\.(?:jpe?g|png|gif|webp|svg)|img|image|photo)\]",
        # the next and previous posts: "« Entrada anterior: …", "Next post: …", "المقال السابق: …"
        r"[«‹<]?\s*(?:(?:previous|next|older|newer) (?:post|article|entry|story)|(?:entrada|artículo|articulo) (?:anterior|siguiente)|"
        r"(?:article|billet) (?:précédent|suivant)|(?:المقال|الخبر|المقالة|الموضوع) (?:السابق|التالي|السابقة|التالية))\s*[:：].{0,200}",
        # "Read the full story on our site: https://…", "اقرأ الخبر كاملاً على موقعنا"
        r"(?:read the full (?:story|article)|continue reading|read more at|اقرأ الخبر كامل[اًا]?|اقرأ المقال كامل[اًا]?|لقراءة الخبر كامل[اًا]?).{0,200}",
        r"(?:guid|link|permalink)\s*[:：]\s*\S+",
        # a news-tip line, a video's line ("▶ شاهد: …")
        r"(?:have a|got a) (?:news )?tip.{0,120}|(?:لديك خبر|هل لديك خبر).{0,100}|[▶►]\s*(?:شاهد|watch|فيديو|video)\b.{0,200}",
        # a feed's footer: "The post X appeared first on Site", "ظهرت المقالة X أولاً على Site"
        r"(?:the post|ظهرت المقالة|ظهر المقال) .{0,250}(?:appeared first on|أولاً على|أولا على) .{0,80}",
        r"(?:clipped|saved|retrieved|accessed|captured|printed|archived|downloaded)(?: on)?\s*[:：].{0,80}|imprimé le.{0,80}|"
        r"(?:exported|saved|clipped|archived)\s+(?:on\s+)?\d.{0,100}|"          # (a read-it-later app's "Exported 2024-12-05 21:14 from …")
        r"(?:تاريخ الحفظ|تاريخ الأرشفة|تاريخ الطباعة|تم الحفظ في|حفظ في)\s*[:：]?.{0,80}",
        # an e-mail newsletter's signature mark
        r"--",
        # a press release's and a news database's furniture: "FOR IMMEDIATE RELEASE", "Length: 612 words",
        # "Load-Date: March 15, 2024", "Document ALMSR00020240303", "Body"
        r"(?:for immediate release|للنشر الفوري|للنشر فورا|pour diffusion immédiate|body|الخبر|النص|search summary|ملخص البحث)",
        r"(?:length\s*[:：]\s*)?\d{1,3}(?:,\d{3})?\s+(?:words|كلمة|كلمات|mots|palabras)|(?:عدد الكلمات|word count)\s*[:：]\s*\d+",
        # an agency's desk initials at the end: "م ع ح / ا م ع", "ع خ/ س م"
        r"(?:[\u0621-\u064a]{1,2}\.?\s+){0,4}[\u0621-\u064a]{1,2}\s*/\s*(?:[\u0621-\u064a]{1,2}\.?\s*){1,5}",
        # a caption in brackets that starts with its photo word ("(صورة أرشيفية لأحد الشواطئ)")
        r"[(\[]\s*(?:صورة|الصورة|صور|photo|file photo|picture|archive photo)\b[^)\]]{0,200}[)\]]",
        # a newsletter's sign-up in Arabic
        r"(?:اشترك|اشتركي|اشتركوا|سجل|سجلي|سج\u0651ل) (?:لتصلك|ليصلك|في النشرة|في نشرتنا).{0,80}|(?:أدخل|ادخل|أدخلي|ادخلي|سجل|سج\u0651ل) (?:بريدك|البريد) الإلكتروني.{0,80}",
        r"[\[(]\s*(?:البريد الإلكتروني|بريدك الإلكتروني|بريدك الالكتروني|your email|votre e-mail|tu correo)\s*[\])]\s*\S{0,12}",
        r"newsletter\s*[:：].{0,160}",
        r"(?:النشرة (?:الإخبارية|الاخبارية|اليومية|البريدية|الأسبوعية)|نشرتنا(?: البريدية| الإخبارية| اليومية)?)(?:\s*[:：].{0,160})?",
        r"(?:البريد الإلكتروني|بريدك الإلكتروني)\s*[\[(]?\s*(?:اشتراك|اشترك|سجل|إرسال)?\s*[\])]?",
        # a newsletter's box in English: "Sign up to Morning Briefing", "Our free daily newsletter with …"
        r"sign up (?:to|for) [^.!?]{1,60}|(?:our|the|a) (?:free )?(?:daily |weekly |morning |evening )?(?:email )?newsletter\b[^.!?]{0,100}",
        r"(?:recevez|inscrivez-vous à|abonnez-vous à) (?:chaque (?:matin|soir|jour|semaine)|notre|nos|gratuitement|la newsletter)[^.!?]{0,100}"
        r"|(?:votre|ton) (?:adresse )?e-?mail|je m'inscris|recibe (?:cada|nuestro|nuestra)[^.!?]{0,100}|tu (?:correo|email)",
        # a disclaimer: "إخلاء مسؤولية: …", "Disclaimer: …"
        r"(?:إخلاء (?:ال)?مسؤولية|إخلاء (?:ال)?مسئولية|disclaimer|avertissement|descargo de responsabilidad)\s*[:：].{0,400}",
        # an editor's note in brackets under the text: "(ملاحظة المحرر: ورد في نسخة سابقة …)", "(Editor's note: …)"
        r"[(\[]\s*(?:ملاحظة المحرر|ملاحظة التحرير|ملاحظة من المحرر|editor's note|editor’s note|note de la rédaction|nota del editor|anm\. d\. red\.)\s*[:：].{0,500}[)\]]\.?",
        # a button's link in brackets: "[ رابط الاستعلام عن النتائج ]", "[ Click here to download ]"
        r"\[\s*(?:رابط|اضغط|انقر|للاستعلام|click|download|تحميل|حمل)[^\]]{0,60}\]",
        r"(?:bültenimize|bültenimize ücretsiz|e-bültenimize) (?:abone olun|kaydolun).{0,120}",
        # an empty comments box: "لا توجد تعليقات بعد، كن أول من يعلق", "No comments yet. Be the first to comment"
        r"(?:آخر تعديل للصفحة|آخر تحديث للصفحة|تاريخ آخر تعديل|page last (?:updated|modified|reviewed))\s*[:：].{0,40}",
        r"reprints? (?:&|and) permissions.{0,80}",
        r"(?:تمت?|تم) قراءة (?:الموضوع|الخبر|المقال|هذا الخبر|هذا الموضوع) [\d٠-٩,.]+ (?:مرة|مرات)",
        r"(?:sign in|log in|login)\s*[|·•]\s*(?:try|subscribe|get|start).{0,40}|try \d+ (?:weeks?|months?|days?) for .{0,20}",
        r"(?:لا توجد تعليقات|لا تعليقات|no comments yet|aucun commentaire|sin comentarios)(?: بعد| حتى الآن)?.{0,80}|(?:be the first to comment|كن أول من يعلق|كوني أول من يعلق).{0,40}",
        # the readers' comment count: "47 comments", "0 تعليقات"
        r"\d+\s+(?:comments?|responses?|تعليقات|تعليق|commentaires?|comentarios?|kommentare?|yorum)",
        # a video's teaser: "شاهد الفيديو  02:14", "شاهد| …", "Watch: …"
        r"(?:شاهد|watch)\s+(?:الفيديو|فيديو|the video|video)(?:\s*\(?\d{1,2}:\d{2}\)?)?|" + _MEDIA_TEASER,
        # a photo's caption that says so: "صورة أرشيفية لخزان مياه بأعالي مدينة سطيف", "… (أرشيفية - مرافئ)"
        r"(?:صورة|صور) (?:أرشيفية|ارشيفية)\b[^.!?؟]{0,160}",
        r"(?:فائل فوٹو|فائل تصویر|عکس آرشیوی|عکس تزئینی)(?:\s*[:：|\-–].{0,80})?",      # (Urdu's and Persian's)
        r"(?:load-date|load date|publication-type|document(?:-type| type| id)?|language|journal-code|graphic|notes)\s*[:：]?\s*\S.{0,80}",
        # a scraper's own fields: when and how it fetched the page ("fetched_at: 2025-02-09T03:11:52Z")
        r"(?:fetched_at|fetched|crawled_at|crawled|scraped_at|scraped|retrieved_at|downloaded_at|http_status|status_code|"
        r"lang|image|og_image|thumbnail|canonical|content_type|encoding|word_count|تاريخ الجلب|تاريخ السحب|url source)\s*[:：]\s*\S.{0,200}",
        # a reader service's dump (Jina Reader: "Title:", "URL Source:", "Published Time:", then "Markdown Content:")
        r"markdown content\s*[:：]",
        # an archive's record fields that are not the article's: its issue and page numbers, its link
        r"(?:رقم العدد|العدد|رقم الصفحة|الصفحة|صفحة|page|issue(?: no\.?| number)?|edition no\.?)\s*[:：]\s*[\d٠-٩]+",
        r"(?:رابط|الرابط|رابط الخبر|رابط المقال|link|permalink|source url)\s*[:：]\s*(?:https?://|www\.)\S+",
        # the article's number in the site's database, over the headline of Persian agencies' pages ("کد خبر: ۶۱۲۴۵۸")
        r"(?:کد خبر|کد مطلب|شناسه خبر|شماره خبر|رقم الخبر|رقم المقال|كود الخبر|معرف الخبر|news id|article id|story id|news code|"
        r"haber no|haber kodu)\s*[:：#]?\s*[\d٠-٩۰-۹]{3,12}",
        # a news database's position in the results: "1 of 1 DOCUMENT", "Document 3 of 25"
        r"\d{1,4} of \d{1,5} documents?|documents? \d{1,4} of \d{1,5}",
        # ... and a wire's file, its item's place in it: "[الخبر 7 من 31]", "[Item 3 of 12]"
        r"[(\[]?\s*(?:الخبر|الخبر رقم|المادة|item|story|document)\s+\d{1,4}\s+(?:من|of)\s+\d{1,5}\s*[)\]]?",
        # ... and the search that found it: 'Search: "Hamad Port" AND container | Sort: Relevance'
        r"(?:search|search terms|query|suche|recherche|búsqueda)\s*[:：].{1,160}?(?:\|\s*(?:sort(?:ed)?(?: by)?|sortierung|tri)\s*[:：].{0,40})",
        # a ticker of headlines: "عاجل | ...", "BREAKING: ... | ... | ..." (a headline "عاجل: ..." alone stays)
        r"(?:عاجل|خبر عاجل|أخبار عاجلة|breaking(?: news)?|latest|urgent|flash|trending(?: now)?|en direct|última hora|eilmeldung"
        r"|تازہ ترین|بریکنگ نیوز|آخرین اخبار|خبر فوری|son dakika)\s*(?:\||[:：].{0,200}\|).{0,400}",
        # (or a banner's label set apart by spaces: "WEATHER ALERT  Wind Advisory in effect until 7 PM …")
        r"(?:عاجل|خبر عاجل|breaking(?: news)?|(?:weather|traffic|severe weather|amber|news) alert|alert|live|en direct|en vivo|eilmeldung)\s{2,}\S.{0,300}",
        # (or its headlines run one after the other, each closed by an ellipsis: "عاجل: A ... B ...")
        r"(?:عاجل|خبر عاجل|أخبار عاجلة|breaking(?: news)?|urgent|última hora|eilmeldung|flash info|dernière minute|dernière heure)"
        r"\s*[:：].{10,200}?\s(?:\.{3}|…)\s+\S.{8,300}",
        r"(?:temps de lecture|lecture|tiempo de lectura|lesezeit)\s*:?\s*\d+\s*(?:min|minutes?|minutos|minuten)\.?",
        r"sign up for (?:our|the) .{0,80}|(?:get|receive) our .{0,40}newsletter.{0,80}|(?:اشترك|سجل) في (?:نشرتنا|النشرة).{0,80}",
        r"(?:your email address will not be published|required fields are marked|لن يتم نشر عنوان بريدك الإلكتروني|الحقول الإلزامية مشار إليها).{0,120}",
        r"رابط الخبر(?: بصحيفة \S+(?: \S+)?)?\s*:.*",
        r"رابط (?:المقال|الموضوع|مختصر)\s*:.*",
        r"[-–—*=]{0,3}\s*(?:advertisement|sponsored|ads by|إعلان|اعلان|publicité|publicidad|anzeige|pubblicità|publicidade|reklam)\s*[-–—*=]{0,3}",
        r"(?:للإعلان|للاعلان|للإعلانات|للاعلانات) (?:في|على|عبر|معنا|مع) .{0,80}|to advertise (?:in|with|on) .{0,80}",   # an ad's call
        # a photo's credit line and caption: "Crédit photo : archives - محطة تحلية مياه البحر", "Photo credit: …"
        r"(?:crédits? photos?|photo credits?|bildnachweis|crédito(?: de)? foto)\s*[:：]\s*.{1,200}",
        # a video's or a gallery's marker over its caption: "[فيديو] مشاهد من احتفالات نوروز في آكري"
        r"\[(?:فيديو|بالفيديو|صور|بالصور|video|vidéo|photos|gallery|galerie)\]\s*.{0,200}",
        # a CMS's credit in the page's footer: "Powered by Drupal", "Proudly powered by WordPress"
        r"(?:proudly )?powered by\s+\S.{0,40}|(?:يعمل|مدعوم) (?:بواسطة|من)\s+(?:wordpress|drupal|joomla|ووردبريس|دروبال|جوملا).{0,20}",
        # a CMS's heading over the article's fields (Joomla's "Details" over its category, date, author and hits)
        r"(?:التفاصيل|details|détails|detalles)",
        # a print view's label: "نسخة للطباعة", "Printer-friendly version", "Version imprimable"
        r"(?:نسخة للطباعة|نسخة الطباعة|النسخة المطبوعة للصفحة|(?:printer[- ]friendly|print|printable) version|version imprimable|versión para imprimir|druckversion)",
        # ... and its header, on each printed page: "7/24/15, 1:37 PM          Headline - Site"
        r"\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?\s{3,}\S.{0,200}",
        # a printed page's footer: its address and the page's number ("http://…/article_976167.html      1/2")
        r"(?:https?://|www\.)\S+\s+(?:page\s+|صفحة\s+)?\d{1,3}\s*(?:/|of|من)\s*\d{1,3}",
        # a newsroom's call for tips: "Do you have a story for us? Email newsdesk@… or call …"
        r"(?:do you have|have you got|got) a (?:story|news tip|tip)(?: for us)?\?.{0,200}|(?:هل لديك|لديك) (?:خبر|قصة)(?: لنا)?[؟?].{0,200}",
        # a clipping service's client and period: "العميل: وزارة الصحة | الفترة: 01/03/2017 - 31/03/2017"
        r"(?:العميل|الجهة المستفيدة|client|customer|kunde)\s*[:：].{1,160}",
        # an edition switch: "EDICIÓN: ESPAÑA | AMÉRICA | MÉXICO", "Edition: UK | US | International"
        r"(?:edición|edition|édition|ausgabe|edizione|edição|الطبعة|النسخة)\s*[:：]\s*\S{1,20}(?:\s*[|/•·]\s*\S.{0,20}){1,6}",
        # a wire's slug line: "0233 واو الكلمة الدليلية: سلة-رمضان", "SLUG: BC-US-Storm"
        r"(?:\d{2,6}\s+\S{1,8}\s+)?(?:الكلمة الدليلية|كلمة دليلية|الكلمة المفتاحية للخبر|slug)\s*[:：]\s*\S.{0,60}",
        # a wire file's note on its clock: "جميع الأوقات الواردة في هذا الملف بتوقيت مكة المكرمة (GMT+3)", "All times are GMT"
        r"(?:جميع|كل) (?:الأوقات|الاوقات|التوقيتات)(?: الواردة| المذكورة)?.{0,40}(?:بتوقيت|بحسب توقيت|حسب توقيت|هي توقيت).{0,50}"
        r"|all times (?:are |shown |listed |given )?(?:in )?.{0,40}(?:time|gmt|utc|et|est|edt|bst)\b.{0,20}",
        r"(?:scroll (?:down )?to continue(?: with content| reading)?|gulir untuk melanjutkan.{0,20})",
        # a newsletter's offer: "النشرة الاقتصادية اليومية - اشترك الآن", "Catch all the latest … on The Ledger."
        r"النشرة(?: \S+){0,3}\s*[-–—:：|]\s*(?:اشترك|سجل|اشتراك).{0,60}|catch all the latest .{0,160}",
        # a wire's contact line: "((dewi.santoso@pana-news.example; +62 21 555 0134))"
        r"\(\([^()]{0,200}(?:@|\+\d)[^()]{0,200}\)\)",
        r"(?:body|text|content|النص|نص الخبر|المتن|المحتوى|نص المادة)(?:\s*\((?:html|text|plain|نص)\))?\s*[:：]",
        r"[\[(]\s*(?:نهاية النص|نهاية الخبر|نهاية المادة|end of (?:text|story|article)|end|fin)\s*[\])]|نهاية النص|نهاية الخبر|نهاية المادة",
        r"(?:loading|جاري التحميل)\.{0,3}",
        r"(?:subscribe|اشترك) (?:to|for|from|now|today|في|ب).{0,80}",
        r"(?:we use cookies|this site uses cookies|ملفات تعريف الارتباط).{0,200}",
        # reading time, a relative time, a view count: page furniture, never copy
        r"(?:reading time\s*[:：]?\s*)?\d+\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s+read",
        r"(?:وقت القراءة|مدة القراءة|زمن القراءة|قراءة|للقراءة)\s*[:：]?\s*\d+\s*(?:دقيقة|دقائق|د)\.?",
        r"(?:وقت القراءة|مدة القراءة|زمن القراءة)\s*[:：]?\s*(?:دقيقة واحدة|دقيقة|دقيقتان|دقيقتين|\S+ دقائق)",
        r"(?:قراءة\s+(?:في\s+)?)?\d+\s*(?:دقيقة|دقائق)\s*(?:للقراءة|قراءة)?",
        r"(?:reading time|read time|okuma süresi)\s*[:：]?\s*\d+\s*(?:min|mins|minutes?|dk|dakika)\.?|\d+\s*(?:dk|dakika)\.?\s+okuma(?: süresi)?",
        r"(?:(?:updated|published|posted)\s+)?(?:about\s+|over\s+|almost\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?)\s+ago",
        r"(?:(?:آخر تحديث|اخر تحديث|نشر|تحديث)\s*[:：]?\s*)?منذ\s+(?:\d+\s+)?(?:ثانية|ثوان|ثواني|دقيقة|دقيقتين|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام|اسبوع|أسبوع|أسبوعين|أسابيع)",
        r"(?:عدد )?(?:المشاهدات|مشاهدات|القراءات|قراءة|قراءات|الزوار|الزيارات|زيارات|views|reads|visitors|lecturas|lectures|leituras|letture|aufrufe)\s*[:：]?\s*[\d,.]+",
        r"(?:comentários|comentarios|commenti|commentaires|comments|kommentare|reacties|yorumlar|комментарии|תגובות|التعليقات|تعليقات)\s*[:：]\s*\d+",
        # an audio player's offer: "استمع إلى المقال ▶ 4 دقائق", "🎧 استمع إلى الخبر", "Listen to this article"
        r"(?:استمع|استمعي|استمعوا|listen|écouter|escuchar)\s+(?:إلى|الى|لـ|to|à|a)\s*(?:المقال|الخبر|النص|this article|the article|article|this story|the story|l'article|el artículo).{0,30}",
        # an app's share, a newsletter's own lines: "Shared via Khabarak – …", "Read this story online and share it:",
        # "Enjoyed this? Forward it to a friend.", "Were you forwarded this email? Sign up at …"
        r"shared via .{1,120}|enjoyed this\?.{0,200}|were you forwarded this.{0,160}",
        # a read-later app's mark: "تم الحفظ عبر تطبيق «مكتبتي» · وقت القراءة: 1 د", "Saved with Pocket"
        r"(?:تم الحفظ عبر|حفظ عبر|saved (?:with|via|to|from)) .{1,120}",
        # a table of the article's fields under its text: its heading
        r"(?:معلومات الخبر|بيانات الخبر|تفاصيل النشر|معلومات المقال|article info|article details|story info)\s*[:：]?",
        # a site's quick links, its partners, a mood widget, an error report: "روابط سريعة: …", "شركاؤنا: …"
        r"(?:روابط سريعة|روابط مهمة|quick links|useful links|شركاؤنا|رعاتنا|الرعاة|our partners|our sponsors)\s*[:：].{0,240}",
        r"how does this (?:story |article )?make you feel\??|signaler une erreur|report an error|report a correction|أبلغ عن خطأ|الإبلاغ عن خطأ|reportar un error",
        r"[—–]",
        # an agency's credit between slashes on its line: "/عُمان الإخبارية/"
        r"/[^/\d]{2,40}/",
        # where a print edition carried it: "Published in The Daily Indus, March 6th, 2025"
        r"published in (?:the )?[A-Za-z][\w .'&-]{1,60}, .{0,30}\d{4}\.?",
        r"(?:get|receive) the .{1,60} (?:in|to) your inbox\.?(?:\s*sign up\.?)?|newsletter",
        # a channel's audience: "214 583 subscribers", "12.4K members", "٣٥ ألف مشترك"
        r"[\d٠-٩][\d٠-٩\s,.]*\s*[kmк]?\s*(?:ألف\s+)?(?:subscribers|members|followers|abonnés|suscriptores|مشترك|مشتركا|مشتركين|عضو|متابع|подписчиков|подписчика)",
        # a view count and a comment count on one line: "Просмотры: 3 412 Комментарии: 27"
        r"(?:عدد )?(?:просмотры|просмотров|views|المشاهدات|مشاهدات)\s*[:：]?\s*[\d\s,.]+\s*(?:[|·•]\s*)?(?:комментарии|comments|التعليقات|تعليقات)\s*[:：]?\s*[(]?\d+[)]?",
        # a subscription prompt: "Подписывайтесь на наш Telegram-канал…", "للاشتراك في النشرة البريدية أدخل بريدك الإلكتروني"
        r"(?:подписывайтесь|подпишитесь) на .{0,160}|للاشتراك في (?:النشرة|نشرتنا|خدمة).{0,120}",
        # the rights of a Persian site: "کلیه حقوق این سایت متعلق به نصف جهان نیوز است."
        r"(?:کلیه|تمامی) (?:حقوق|حقوق مادی و معنوی) .{0,80}(?:متعلق به|محفوظ).{0,60}",
        r"(?:tempo di lettura|tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|lesedauer)\s*[:：]?\s*\d+\s*(?:min|minuti|minutos|minutes|minuten)\.?",
        r"[\d,.]+\s+(?:مشاهدة|مشاهدات|views)",
        # a page's tools: "طباعة أرسل لصديق عدد القراءات: 977"
        r"(?:(?:طباعة|اطبع|أرسل لصديق|ارسل لصديق|إرسال لصديق|ارسال لصديق|حفظ|تكبير الخط|تصغير الخط|print|e-?mail|save|share)\s*){2,}"
        r"(?:(?:عدد القراءات|القراءات|عدد المشاهدات|المشاهدات|views|reads)\s*[:：]?\s*[\d,.]+)?",
        # a reading time as a range: "5–6 minutes"
        r"\d{1,2}\s*[–-]\s*\d{1,2}\s+(?:minutes|mins|دقائق|dakika)",
    ),
    # Boilerplate removed only around the article (before the headline, after the
    # last paragraph): inside the body such lines may be part of the copy.
    "tail_boilerplate": (
        r"(?:للتواصل|للاشتراك)\s.{0,80}(?:sms|رسالة|@).*",
        r"(?=.{0,80}\d{4}).{0,60}\b\d{4,6}\s*[-–]\s*(?:zain|stc|mobily|زين|موبايلي)\b.*",
        r"//\s*(?:انتهى|يتبع)\s*//.*",
        r"[(\[]?\s*(?:و?للحديث (?:بقية|صلة)|يتبع|انتهى|to be continued|ends)\s*[.)\]]?",
        r"[-–—_=*•·.~ـ]{3,}|(?:[-–—_=*•·~ـ]\s+){2,}[-–—_=*•·~ـ]",
        r"[(\[]\s*[a-z]{2,4}(?:\s*/\s*[a-z]{2,4}){1,3}\s*[)\]]",          # the editors' initials: "(rwd/bpr)"
        r"[-–—]*\s*[(\[]\s*[^\s()\[\]]{2,12}\s*[)\]]\s*(?:[^\W\d]{1,2}\s+){0,3}[^\W\d]{1,2}\s*/\s*(?:[^\W\d]{1,2}\s*){1,4}",   # "--(بترا) ع ق/س ج"
        r"(?:editor|editors|redaktur|penyunting|editing|edited by|sub-?editor|redaktion)\s*[:：]?\s*[^\W\d][^:：]{1,60}",   # the desk's editor
        r"(?:advertising)",
        r"\S+@\S+\.\w{2,}",
        r"(?:\d{1,2}:\d{2}\s*)?ت\s*م",
        r"(?:آخر مراجعة للمحتوى|آخر تحديث للصفحة|last reviewed|page last (?:updated|reviewed)|content last reviewed)\s*[:：]?.{0,40}",
        r"(?:مركز الاتصال|الخط الساخن|للاستفسار|للاستفسارات|call center|hotline|helpline)\b.{0,40}\d{5,}.{0,20}",    # a contact line
        r"\d{3,6}",                                         # a wire's sequence number ("// انتهى // 14:32 ت م 0086")
        # a kicker alone on its line above the headline
        r"(?:latest|breaking|breaking news|exclusive|live|watch|update|analysis|عاجل|خاص|حصري|فيديو|بالفيديو|بالصور|"
        r"بيان صحفي|بيان إعلامي|press release|news release|media release|communiqué(?: de presse)?|nota de prensa|pressemitteilung)",
    ),
    # Whole-line boilerplate found by what it holds somewhere in the line: (words, pattern). The
    # pattern is tried only on a line that holds one of the words (one search of their trie in the
    # line lowercased, ~3 us, where the patterns tried at every place of every line cost ~15 us).
    "boilerplate_gated": (
        # a photo's caption closed by its credit: "… (أرشيفية - مرافئ)", "… (صورة أرشيفية)", "… - أرشيف", "… (AFP)";
        # (the lookahead checks the end of the line in one pass before the pattern is tried at every place in it)
        (("ارشيف", "file photo", "getty images", "reuters", "afp", "ap", "epa", "اسوشيتد"),
         r".{6,200}[(\[]\s*(?:أرشيفية|ارشيفية|أرشيف|ارشيف|صورة أرشيفية)\s*[-–—/|،,]\s*[^)\]]{1,40}[)\]]"
         r"|(?=.*(?:[)\]]|أرشيفية|ارشيفية|أرشيف|ارشيف)\s*$).{0,200}(?:[(\[]\s*(?:أرشيفية|ارشيفية|أرشيف|ارشيف|صورة أرشيفية|file photo|getty images|reuters|afp|ap photo|ap|epa|ذا أسوشيتد برس)\s*[)\]]|(?<!\s\s)[\s\-–—](?:أرشيفية|ارشيفية|صورة أرشيفية|أرشيف|ارشيف))"),   # (not a menu's last item, "رياضة   أرشيف")
        # ... or by its credit after a slash: "El embalse de Iznájar, el pasado miércoles. / EFE"
        (("efe", "afp", "reuters", "ap", "epa", "getty images", "europa press", "dpa", "anadolu", "xinhua", "ansa", "lusa"),
         r".{10,200}\s/\s*(?:efe|afp|reuters|ap|epa|getty images|europa press|dpa|anadolu|xinhua|ansa|lusa)"),
        # a weather widget: "الرياض 31°", "Doha 24°C"
        (("°",),
         r"(?:[^\d\s|]+\s+){1,3}-?\d{1,2}\s*°\s*[cf]?"),
        # a language switch: "عربي | کوردی | English", "EN / FR / AR" (a pipe line of three words is otherwise a trail)
        (("|", "/", "•", "·"),
         rf"(?:{LANGUAGES})(?:\s*[|/•·]\s*(?:{LANGUAGES})){{1,9}}"),
        # a forum's or a blog's links to the next and the previous post: "« الموضوع السابق | الموضوع التالي »"
        (("السابق", "التالي", "السابقة", "التالية", "previous", "next", "older", "newer"),
         rf"(?:{_PREV_NEXT})(?:\s*[|/•·-]?\s*(?:{_PREV_NEXT}))?"),
        # a live page's marks: "● التحديثات الحية (ترتيب: الأحدث أولاً)", "🔗 نسخ رابط التحديث"
        (("التحديثات", "تحديثات", "live updates", "نسخ رابط", "copy link"),
         r"[●•◉🔴]?\s*(?:التحديثات الحية|تحديثات مباشرة|live updates)\b.{0,60}|(?:نسخ رابط التحديث|copy link to this update|[—–-]?\s*نهاية التحديثات.{0,60})"),
        # captions closed by their credit: "… (Photo d'archives)", "… FOTO: D. S.", "… [File, Coast Herald]"
        (("archiv", "arquivo", "file photo", "illustration"),
         r".{6,200}[(\[]\s*(?:photo d'archives?|photos? d'archives?|photos? archives?|photos? d'illustration|archives|file photo|"
         r"archive photo|foto de archivo|foto d'archivio|archivbild|archivfoto|foto de arquivo)\s*[)\]]"),
        (("foto", "photo", "bild", "credit"),
         r".{10,200}[.]\s+(?:(?:foto|photo|fotografía|fotografia|bild|crédit photo|credit)\s*[:：]?\s+\S.{0,60}|(?:file|archive|stock) photo\.?)"),
        (("[file", "[photo", "[archive", "[courtesy", "[getty", "[afp", "[reuters"),
         r".{10,200}\[(?:file|photo|archive|courtesy|getty|afp|reuters)\b[^\]]{0,60}\]"),
        # an app's share export: "مشاركة خبر من التطبيق", "تمت المشاركة من تطبيق صحيفة X للهواتف الذكية", "Shared via the X app"
        (("مشاركة", "المشاركة", "shared", "sent from", "partagé", "compartido"),
         r"(?:تمت )?(?:مشاركة|المشاركة|تم مشاركة|تم نشر)(?: هذا)?(?: الخبر| خبر| المقال)? (?:من|عبر|بواسطة) (?:تطبيق|التطبيق)\b.{0,80}"
         r"|(?:shared|sent) (?:from|via|with) (?:the |my )?.{0,40}\bapp\b.{0,40}|sent from my .{0,30}"
         r"|(?:partagé|compartido) (?:depuis|via|desde) .{0,40}"),
        # a prompt to turn the app's alerts on: "لتصلك الأخبار العاجلة فعّل الإشعارات من الإعدادات"
        (("الإشعارات", "الاشعارات", "التنبيهات", "notifications"),
         r".{0,60}(?:فعّل|فعل|فعلوا|شغل|تفعيل|اسمح ب) ?(?:الإشعارات|الاشعارات|التنبيهات)\b.{0,60}"
         r"|.{0,60}(?:turn on|enable|allow) (?:push |breaking news )?notifications\b.{0,60}"),
        # a publisher's registered address under the text: "… 14 Quay Street, Gloucester GL1 2XX. Registered in England & Wales no. 01234567."
        (("registered in", "company no", "company number", "registered no", "registered number"),
         r".{0,200}registered in england(?: (?:&|and) wales)?.{0,120}|.{0,160}\b(?:company|registered) (?:no|number)\.?\s*\d{5,}.{0,60}"),
        # a newsletter's offer: "Business newsletter: get the latest business news … Sign up"
        (("newsletter",),
         r".{0,60}newsletter\s*[:：].{0,200}(?:sign up|subscribe|inscrivez-vous|suscríbete|abonnieren)\.?"),
        # a newsletter's offer under the text: "Get the latest headlines straight to your inbox: sign up to our free daily newsletter."
        (("inbox", "sign up to"),
         r".{0,120}(?:straight to your inbox|sign up to (?:our|the) .{0,60}newsletter).{0,120}"),
        # the writer's box under a column: "Über die Autorin: Dr. Helga Marquardt ist …", "About the author: …"
        (("über die autorin", "über den autor", "about the author", "à propos de l'auteur", "sobre el autor", "sobre la autora",
          "عن الكاتب", "نبذة عن الكاتب"),
         r"(?:über die autorin|über den autor|about the author|à propos de l'auteur|sobre el autor|sobre la autora|عن الكاتب|نبذة عن الكاتب)"
         r"\s*[:：].{0,400}"),
        # an opinion page's disclaimer: "* المقال يعبر عن رأي كاتبه ولا يعبر بالضرورة عن رأي نابلس بوست"
        (("يعبر عن", "تعبر عن"),
         r"\*?\s*(?:المقال|المقالة|ما ورد في المقال|الآراء الواردة|المقالات)(?: \S+)? (?:يعبر|تعبر) عن (?:رأي|آراء) (?:كاتبه|كاتبها|أصحابها|الكاتب|كتابها).{0,120}"),
        # a caption with its photo's credit after a dash: "كھلاڑی … وارم اپ کرتے ہوئے — فوٹو: آواز نیوز"
        (("فوٹو", "تصویر", "photo:", "foto:", "صورة:"),
         r".{5,200}\s[—–-]\s*(?:فوٹو|تصویر|عکس|photo|foto|صورة)\s*[:：]\s*.{1,60}"),
        # a cookie banner: its heading, its text (cookies and consent in one line) and its buttons
        (("cookie", "vie privée", "privacy", "privatsphäre", "privacidad", "accepter", "accept", "akzeptieren", "aceptar"),
         r"(?=.{0,600}\bcookies?\b)(?=.{0,600}(?:consent|consentement|votre accord|your choices|partners|partenaires|privacy|vie privée"
         r"|datenschutz|einwilligung|consentimiento|privacidad|zustimmung|acepta|akzeptier|continúa navegando|continue browsing"
         r"|poursuivant votre navigation|weitersurfen)).{0,600}"
         r"|(?:nous respectons votre vie privée|we (?:value|respect|care about) your privacy|your privacy matters"
         r"|ihre privatsphäre(?: ist uns wichtig)?|respetamos tu privacidad|tu privacidad es importante)\.?"
         r"|(?=.{0,120}(?:accepter|accept|akzeptieren|aceptar))(?=.{0,120}(?:refuser|sans accepter|reject|decline|ablehnen|rechazar"
         r"|en savoir plus|manage|paramétrer|einstellungen|configurar|more options|learn more)).{0,120}"),
        # a newsletter's "Read this story online and share it:"
        (("read this",),
         r".{0,80}read this (?:story|article) online.{0,80}"),
        # an audio player's line: "استمع إلى الخبر   00:00 / 02:14"
        (("استمع", "listen", "écouter", "escuchar", "hören"),
         r"(?:استمع|استمعوا|listen|écouter|escuchar|hören)\b.{0,40}\d{1,2}:\d{2}\s*/\s*\d{1,2}:\d{2}.{0,10}"),
        # (a CMS's markup and an export's marks, a wire's standards link, a newsletter's offer, a
        # page's feedback widget and rating, a live page's reload prompt, a video's link, a share prompt, where the
        # article was printed first, a disclaimer, a blog's Like button, captions, click-here lines)
        (('[[',),
         r'\[\[[^\[\]]{1,100}\]\]'),
        (('our standards',),
         r'our standards\s*:.{0,120}'),
        (('cet article vous a plu',),
         r'cet article vous a plu.{0,160}'),
        (('مفيدة', 'مفيده', 'مفيدا', 'ما تبحث عنه', 'was this page', 'did you find', 'is this page', 'utile', 'hilfreich', 'útil'),
         r'(?:هل كانت هذه الصفحة مفيدة|هل كانت الصفحة مفيدة|هل كان محتوى هذه الصفحة مفيدا|هل كان محتوى هذه الصفحة مفيداً|هل كان محتوى الصفحة مفيدا|هل كانت هذه المعلومات مفيدة|هل كانت المعلومات مفيدة|هل وجدت ما تبحث عنه|هل كان هذا المحتوى مفيدا|هل كان هذا المحتوى مفيداً|was this page (?:helpful|useful)|did you find what you were looking for|is this page useful|cette page vous a-t-elle été utile|war diese seite hilfreich|¿te ha resultado útil).{0,60}'),
        (('تقييم الصفحة', 'قيّم الصفحة', 'قيم الصفحة', 'rate this page', 'page rating'),
         r'(?:تقييم الصفحة|قيّم الصفحة|قيم الصفحة|rate this page|page rating)\s*[:：]?.{0,80}'),
        (('seite neu laden', 'reload', 'refresh', 'actualiser la page', 'actualizar la página', 'أعد تحميل'),
         r'(?:seite neu laden|reload (?:the )?page|refresh (?:the )?page|actualiser la page|actualizar la página|أعد تحميل الصفحة).{0,60}'),
        (('شاهد', 'شاهدوا', 'watch', 'regardez', 'mira', 'sehen sie'),
         r'[▶►]?\s*(?:شاهد|شاهدوا|watch|regardez|mira|sehen sie)\s+(?:الفيديو|التقرير المصور|التقرير|الصور|the video|video|the full video|la vidéo|el video|das video)\b.{0,40}'),
        (('أعجبك', 'اعجبك', 'did you like', 'did you enjoy', 'enjoyed', 'liked'),
         r'(?:هل أعجبك|هل اعجبك|أعجبك|اعجبك|did you (?:like|enjoy)|enjoyed|liked) (?:المقال|الخبر|الموضوع|this|the).{0,40}(?:شارك|share|tell).{0,60}'),
        (('se publicó', 'apareció', 'appeared', 'appears', 'was published', 'a paru', 'publiée', 'publié', 'erschien', 'erschienen', 'pubblicato'),
         r'(?:a version of )?(?:este|esta|this|cet|cette|dieser|diese|questo) (?:reportaje|artículo|articulo|entrevista|article|story|report|interview|reportage|bericht|beitrag|articolo) .{0,40}(?:se publicó|apareció|appeared|appears|was published|a paru|a été publiée?|erschien|ist erschienen|è stato pubblicato).{0,120}'),
        (('متفق', 'مسئولیت'),       # an opinion page's disclaimer in Urdu and Persian
         r"(?:نوٹ|note|تذکر|توجه)?\s*[:：]?.{0,120}(?:سے متفق ہونا ضروری نہیں|مسئولیت .{0,40} بر عهده نویسنده).{0,60}"),
        # an app's promotion under the text: "Download the KRVL 8 News app for breaking news alerts, …"
        (('download',),
         r"download (?:the|our) .{0,60}\bapps?\b.{0,200}"),
        (('expressed',),
         r"(?:the\s+)?(?:views|opinions)\s+expressed\s+.{0,100}(?:are (?:those of|the author|solely)|do not necessarily|don't necessarily).{0,120}"),
        (('تحميل', 'loading', 'chargement', 'cargando'),
         r"(?:أعجبني|like|j'aime|me gusta)\s+(?:تحميل|loading|chargement|cargando)\s*(?:\.{3}|…)?"),
        (('ilustrasi', 'illustration'),
         r'(?:ilustrasi|foto ilustrasi|illustration)\s*[.:].{0,300}'),
        (('[caption',),
         r'\[caption\b[^\]]{0,300}\].{0,1000}\[/caption\]'),
        (('[embed', '[gallery', '[video', '[audio', '[related', '[tweet', '[youtube', '[instagram', '[playlist'),
         r'\[(?:embed|gallery|video|audio|related|tweet|youtube|instagram|playlist)\b[^\]]{0,300}\](?:.{0,300}\[/\w+\])?'),
        (('===',),
         r'={3,}\s*[^=]{1,40}?\s*={3,}'),
        (('###', '***', '~~~'),      # an export's banner: "########## تصدير المواد - جريدة السوق العربية ##########"
         r'#{3,}\s*[^#]{1,60}?\s*#{3,}|\*{3,}\s*[^*]{1,60}?\s*\*{3,}|~{3,}\s*[^~]{1,60}?\s*~{3,}'),
        (('---',),
         r'-{3,}\s*[^-]{1,30}?\s*-{3,}'),
        (('click here', 'اضغط هنا', 'انقر هنا', 'clique aqui', 'haz clic aquí', 'cliquez ici'),
         r'(?:click here|اضغط هنا|انقر هنا|clique aqui|haz clic aquí|cliquez ici)\b.{0,80}'),
        # (a link for screen readers, a wire's photo credit, a newsroom's appeal, a follow-us line, an
        # opinion page's disclaimer, an app's or a channel's offer, a newsletter's "in your inbox")
        (('new tab', 'new window'),
         r'.{0,300}\bopens (?:in )?(?:a )?new (?:tab|window)\.?'),
        (('reuters/', 'afp/', 'ap/', 'epa/', 'getty images/', 'anadolu/', 'xinhua/', 'efe/', 'dpa/'),
         r'.{10,400}\b(?:reuters|afp|ap|epa|getty images|anadolu|xinhua|efe|dpa)/[^/\s][^/]{1,60}(?:/[^/]{2,40}){0,2}'),
        (('nonprofit newsroom', 'your gift', 'your donation', 'your support', 'journalism', 'donate'),
         r'.{0,160}(?:is a nonprofit newsroom|your (?:gift|donation|support) (?:keeps|helps|makes|powers)|support (?:our|local|independent) journalism|donate (?:now|today)\b).{0,200}'),
        (('تابعونا', 'تابعوا', 'تابعنا', 'follow us', 'suivez-nous', 'síguenos', 'folgen sie uns'),
         r'.{0,60}(?:تابعونا|تابعوا|تابعنا|follow us|suivez-nous|síguenos|folgen sie uns)\s+(?:على|عبر|في|on|sur|en|auf)\s+.{0,80}'),
        (('تعبر', 'تعبّر', 'تعكس'),
         r'.{0,60}(?:تعبر|تعبّر)\s+(?:بالضرورة\s+)?عن\s+(?:آراء|اراء|رأي|راي|وجهة نظر)\s+(?:كاتبيها|كاتبها|أصحابها|اصحابها|صاحبها|الكاتب|كتابها).{0,160}|.{0,60}(?:لا\s+)?(?:تعبر|تعبّر|تعكس)\s+(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|راي|موقف|وجهة نظر)\s+(?:ال|«|\").{0,120}'),
        ((' app', 'application', 'تطبيق'),
         r".{0,60}(?:download|install|get|حمّل|حمل|نزّل|نزل|ثبّت|ثبت|télécharge[zr]?|descarga) (?:the |our |l'|la )?(?:app|application|(?:ال)?تطبيق).{0,80}"
         r"|(?:get|read|follow) the latest .{0,80}\b(?:on|in|with) (?:the|our) .{0,40}\bapp\b.{0,60}"),
        (('بريدك', 'dans votre boîte', 'en tu bandeja', 'en tu correo'),
         r'.{0,120}(?:في بريدك|إلى بريدك|الى بريدك|dans votre boîte(?: mail| de réception)?|en tu (?:bandeja|correo)).{0,120}'),
        (('whatsapp', 'telegram', 'واتساب', 'تلغرام', 'تيليجرام'),
         r'(?:receba|recibe|recevez|get|تابع|احصل على)\s.{0,100}(?:whatsapp|telegram|واتساب|تلغرام|تيليجرام)\b.{0,60}'),
        # an invitation to follow the site's page: "تابع صفحة مصراوي الرياضي على فيسبوك"
        (("فيسبوك", "فيس بوك", "تويتر", "يوتيوب", "انستغرام", "إنستغرام", "تيليجرام", "تلغرام", "تيك توك"),
         r"(?:تابع|تابعي|تابعوا|اشترك في|اشترك ب)\s+(?:صفحة|صفحتنا|حساب|حسابنا|قناة|قناتنا)\s+.{0,60}(?:على|عبر|في)\s+"
         r"(?:فيسبوك|فيس بوك|تويتر|إكس|يوتيوب|انستغرام|إنستغرام|تيليجرام|تلغرام|تيك توك).{0,40}"),
        # an agency's note on what its site prints of the wire it sells ("… part of the news feed service (HAS) … in summary")
        (("(has)", "الخدمة الإخبارية"), r".{0,120}(?:(?:haber akış sistemi|news broadcasting system|news feed system|نظام تدفق الأخبار)\s*\(HAS\)"
                                         r"|(?:جزء من|ضمن) الخدمة الإخبارية).{0,240}"),
        # an invitation to the site's newsletter: "لمتابعة اخر الاخبار اشترك في النشرة الإخبارية لمصراوي"
        (("النشرة", "نشرتنا"), r".{0,60}(?:اشترك|اشتركوا|اشتركي|سجل|سجّل)\s+(?:الآن\s+)?(?:في|ب)\s*(?:النشرة|نشرتنا)(?:\s+(?:الإخبارية|البريدية|اليومية))?.{0,60}"),
        (("جميع الحقوق محفوظة",), r".*جميع الحقوق محفوظة.*"),
        (("جملہ حقوق محفوظ",), r".*جملہ حقوق محفوظ.*"),
        # the site's name before the sign: "هسبريس © 2021 جميع الحقوق محفوظة", "جنگ نیوز © 2021 …"
        (("©",), r"[^©\d|]{2,50}©\s*(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?(?:[\s.,،\-–|]+.{0,60})?"),
        (("all rights reserved",), r".*all rights reserved.*"),
        # a share bar naming two networks or more ("شارك التغطية: واتساب | إكس | فيسبوك")
        (("واتساب", "فيسبوك", "فايسبوك", "تويتر", "تلغرام", "تيليجرام", "لينكد إن", "لينكدإن", "whatsapp", "facebook", "twitter",
          "telegram", "linkedin", "e-mail", "email"),
         r".{0,40}(?:واتساب|إكس|فيسبوك|تويتر|تلغرام|تيليجرام|لينكد إن|whatsapp|facebook|twitter|telegram|linkedin|e-mail|email)"
         r"\s*[|،,/]\s*(?:واتساب|إكس|فيسبوك|تويتر|تلغرام|تيليجرام|لينكد إن|whatsapp|facebook|twitter|x|telegram|linkedin|e-mail|email)\b.{0,80}"
         # (or three of them and the print button, spaces between: "فايسبوك تويتر لينكدإن طباعة")
         r"|(?:(?:واتساب|إكس|فيسبوك|فايسبوك|تويتر|تلغرام|تيليجرام|لينكد إن|لينكدإن|طباعة|whatsapp|facebook|twitter|x|telegram|"
         r"linkedin|e-mail|email|print)\s*){3,6}"),
        (("facebook", "pinterest", "twitter", "whatsapp", "فيسبوك", "تويتر", "واتساب"),
         r"(?=.{0,200}$)(?=.*(?:share|partager|compartir|teilen|condividi|paylaş|مشاركة|المشاركة|شارك|انشر))"
         r"(?:[^.!?؟]*?(?:facebook|pinterest|twitter|whatsapp|فيسبوك|تويتر|واتساب|linkedin|telegram)){2}[^.!?؟]*"),
        # a newsletter's consent line: "We use your sign-up to provide content in ways you've consented to."
        (("consented", "sign-up"), r".{0,80}(?:in ways you've consented to|your sign-up).{0,120}"),
        (("distributed by",), r"distributed by .{2,80}"),
        # a caption that ends with its photographer ("… on Wednesday. Photo: Sipho Dlamini")
        (("photo", "picture", "image", "foto", "صورة", "الصورة", "تصوير"),
         r"(?=.{0,240}(?:photograph|photo|picture|image|foto|صورة|الصورة|تصوير)(?:\s+credit)?\s*[:：|]\s*[^.:]{2,60}$).{12,200}[.)|]?\s*"
         r"(?:photograph|photo|picture|image|foto|صورة|الصورة|تصوير)(?:\s+credit)?\s*[:：|].{2,60}"
         r"|.{12,200}\s[-–—]\s*(?:الصورة|صورة) (?:من|لـ|ل|عن)\s*.{2,40}"),
        # a cookie banner
        (("cookie", "ملفات تعريف الارتباط", "الكوكيز"),
         r".{0,400}(?:cookie|ملفات تعريف الارتباط|الكوكيز).{0,400}"
         r"(?:accept|akzeptier|zustimm|agree|consent|موافق|قبول|أوافق|accepter|aceptar|einstellungen|settings|الإعدادات).{0,200}"),
        # a newsletter's promise and an e-mail newsletter's foot ("تصلك هذه الرسالة لأنك مشترك…", "Unsubscribe")
        (("inbox",), r".{0,80}delivered to your inbox.{0,60}|.{0,60}(?:straight|direct(?:ly)?|right) to your inbox.{0,20}"
                     r"|[^.!?]{0,100}\bin(?:to)? your inbox\b[^.!?]{0,60}"),
        # a newsletter box's privacy line: "Privacy notice: we will only use your email to send you this newsletter."
        (("privacy",), r"(?:privacy notice|privacy policy|privacy)\s*[:：].{0,200}"),
        # a caption ending with its credit: "… mis en service en 1975. © Archives Le Courrier / J. R.",
        # "A koala near Merriwa. (Supplied: Upper Hunter Landcare)", "… (AP Photo/Jane Doe)"
        (("©",), r".{10,240}\s©\s*[^©]{2,80}"),
        (("supplied", "photo", "picture", "image", "file", "getty", "handout"),
         r".{10,240}\(\s*(?:supplied|photo|picture|image|file photo|file|ap photo|getty images|handout)(?:\s*[:/][^)]{1,80})?\s*\)"),
        # an e-mail's "view it in your browser", a web clipper's or a print view's own date ("Clipped on:", "Imprimé le")
        (("browser", "المتصفح"), r".{0,80}(?:in (?:your|the|a) (?:web )?browser|في المتصفح|على المتصفح).{0,100}"),
        (("unsubscribe", "إلغاء الاشتراك", "الغاء الاشتراك", "you are receiving this", "you received this", "تصلك هذه الرسالة",
          "وصلتك هذه الرسالة"),
         r".{0,80}(?:unsubscribe|إلغاء الاشتراك|الغاء الاشتراك|you are receiving this|you received this|تصلك هذه الرسالة|وصلتك هذه الرسالة).{0,160}"),
    ),
    # Regexes cut from paragraphs (inline teasers, link bars). Empty by default:
    # text inside a paragraph is copy unless a source profile says otherwise.
    "strip": (),
    # Labels: "Label: value".
    "label_category": ("التصنيف", "تصنيف", "تصنيف الخبر", "تصنيف المقال", "قسم الخبر", "التصنيفات", "تصنيفات", "الأقسام", "التبويب", "القسم", "الفئة", "الباب", "الركن", "التسميات", "category", "categories", "section", "filed under", "posted in", "publié dans", "publicado en", "pubblicato in", "topic", "labels", "libellés",
                       "catégorie", "rubrique", "categoría", "sección", "kategorie", "ressort", "rubrik", "kategori", "desk", "sezione"),
    "label_source": ("المصدر", "source", "المصدر الأصلي", "الجهة الناشرة", "الناشر", "publisher", "publication", "newspaper",
                     "site_name", "sitename", "site name", "og:site_name", "outlet", "site", "testata",
                     "الصحيفة", "الجريدة", "الموقع", "المطبوعة", "الوسيلة", "الوسيلة الإعلامية", "printed from", "imprimé depuis"),
    "label_author": ("byline", "بواسطة", "رپورٹ", "رپورٹر", "تحریر", "خبرنگار", "نویسنده", "گزارشگر", "автор", "текст", "корреспондент", "כתב", "כתבה", "מאת", "autore", "autrice", "firma", "texto", "texte", "text", "συντάκτης", "συντάκτρια",
                     "रिपोर्ट", "लेखक", "संवाददाता", "tekst", "autorka", "mwandishi", "tagapag-ulat", "door", "تقديم", "إعداد وتقديم", "تغطية", "رصد", "muhabir", "redaktion", "redacción", "dc:creator", "creator", "autor", "auteur", "yazar", "écrit par", "escrito por",
                     "geschrieben von", "penulis", "wartawan", "بقلم", "كتب", "كتبت", "الكاتب", "الكاتبة", "إعداد", "اعداد", "تقرير", "حوار", "متابعة", "تحرير",
                     "حاوره", "حاورته", "حاورها", "حاورتها", "أجرى الحوار", "أجرت الحوار", "interview by", "interviewed by",
                     "المحرر", "by", "author", "authors", "written by", "reporter", "reported by", "words", "columnist",
                     "correspondent", "opinion by", "analysis by", "كاتب المقال", "مراسل", "مراسلنا"),
    "label_date": ("تاريخ النشر", "نشر في", "نُشر في", "نشر بتاريخ", "نُشر بتاريخ", "بتاريخ", "التاريخ", "تاريخ", "آخر تحديث",
                   "published_time", "published time", "published_at", "publish_date", "date_published", "datepublished", "pub_date", "pubdate",
                   "modified_time", "updated_at", "date_modified", "datemodified", "last_modified",
                   "اخر تحديث", "تحديث", "published", "published on", "posted", "posted on", "updated", "last updated",
                   "date", "dated", "first published", "pubdate", "pub date", "publication date", "datum", "fecha", "tarih",
                   "yayınlanma", "yayın tarihi", "giriş", "publié le", "publicado", "pubblicato", "veröffentlicht",
                   "published at", "publish date", "date published", "data", "data pubblicazione", "pubblicato il",
                   "ultima modifica", "gepubliceerd", "gepubliceerd op", "laatst bijgewerkt", "bijgewerkt", "प्रकाशित", "अपडेटेड",
                   "opublikowano", "aktualizacja", "δημοσιεύθηκε", "δημοσίευση", "τελευταία ενημέρωση", "iliyochapishwa",
                   "inilathala", "diterbitkan", "publikováno"),
    "label_tags": ("الوسوم", "وسوم", "كلمات مفتاحية", "كلمات دلالية", "الكلمات الدالة", "الكلمات الدلالية", "الكلمات المفتاحية",
                   "سمات", "الكلمات المفاتيح", "كلمات البحث", "كلمات بحث", "tags", "tagged", "keywords", "topics", "mots-clés", "mots clés", "etiquetas", "temas relacionados", "schlagwörter",
                   "etiketler", "etiket", "برچسب‌ها", "برچسب ها", "برچسبها", "ٹیگز", "archivado en", "filed under", "classé dans", "abgelegt unter", "کلیدواژه‌ها", "کلید واژه ها", "теги", "метки", "תגיות", "טגים", "टैग्स", "टैग", "tagi", "ετικέτες", "lebo", "mga tag", "palabras clave", "parole chiave", "tag", "trefwoorden", "temas", "thèmes", "themen"),
    "label_dek": ("ملخص", "الملخص", "summary", "synopsis", "in short", "highlight", "standfirst", "description", "الوصف", "teaser", "chapô", "chapeau", "resumen",
                  "zusammenfassung", "özet", "sommario", "sottotitolo", "subtitle", "subtítulo", "sous-titre", "untertitel"),
    # A scraper's or an export's header of fields: "العنوان: ...", "Title: ...", "Subject: ..." (in
    # the header only: in a contact block at the foot, "العنوان:" is an address).
    "label_title": ("العنوان", "عنوان", "عنوان المقال", "عنوان الخبر", "title", "headline", "subject", "titre", "título",
                    "titolo", "titel", "überschrift", "başlık"),
    # Words of a byline's role or outlet after the names ("Jenny Hill, BBC News, Berlin"): cut off.
    "byline_roles": (
        "correspondent", "editor", "reporter", "writer", "staff", "bureau", "contributor", "analyst", "columnist",
        "producer", "news", "chief", "senior", "special", "desk", "agency", "agencies", "online", "service", "reporting",
        "communications", "press",
        "مراسل", "مراسلة", "محرر", "محررة", "صحفي", "صحفية", "الصحفي", "الصحفية", "كاتب", "كاتبة", "رئيس تحرير",
        "مدير مكتب", "مكتب", "خاص", "خاص ب",
    ),
}


def _alt(words, *, fold_it=True) -> str:
    return alternation(fold_pattern(w) if fold_it else w for w in words)


@dataclass(frozen=True, slots=True)
class RuleSet:
    nav: re.Pattern
    nav_item: re.Pattern
    crumb: re.Pattern
    crumb_dash: re.Pattern
    site: re.Pattern
    site_en: re.Pattern
    site_ar: re.Pattern     # an Arabic brand by its last word
    agency: re.Pattern
    agency_only: re.Pattern
    share: re.Pattern
    read_also: re.Pattern
    boiler: re.Pattern
    tail_boiler: re.Pattern
    teaser: re.Pattern       # a headline under its medium's label (one of the boilerplate patterns)
    strip: re.Pattern | None
    label: re.Pattern
    copyright_site: re.Pattern
    copyright_loose: re.Pattern   # "© 2024 مال الخليج", "جميع الحقوق محفوظة لموقع العاصي اليوم 2024" (read under the text only)
    profile_sites: dict  # folded name -> (printed source or None, profile name)
    profile_site_re: re.Pattern | None
    dateline: re.Pattern  # "CITY - (AGENCY) -" at the start of the first paragraph
    byline_role: re.Pattern  # a role or outlet word in a byline's part after a comma
    boiler_gate: re.Pattern       # the words one of the gated patterns needs (searched in the line lowercased)
    boiler_gated: re.Pattern      # those patterns (matched only where the gate is found)
    comments: re.Pattern  # the heading of the readers' comments (with a count: "Comments (3)")
    paywall: re.Pattern   # a paywall's line ("Il vous reste 55 % de cet article à lire.")
    home: re.Pattern  # a menu's first item, "Home", "الرئيسية"

    def boilerplate(self, f: str) -> bool:
        """A folded line (or an item of one) is a page's furniture: one of the boilerplate table's
        patterns, or one of the gated table's where the line holds its words."""
        return self.boiler.match(f) is not None or (self.boiler_gate.search(f.lower()) is not None
                                                     and self.boiler_gated.match(f) is not None)


_FL = re.IGNORECASE
_RESERVED = fold_pattern("جميع الحقوق محفوظة|all rights reserved|tous droits réservés|todos los derechos reservados|"
                         "alle rechte vorbehalten|tutti i diritti riservati|todos os direitos reservados|tüm hakları saklıdır|"
                         "haki zote zimehifadhiwa|hak cipta dilindungi(?: undang-undang)?|wszelkie prawa zastrzeżone|"
                         "alle rechten voorbehouden|με επιφύλαξη παντός δικαιώματος|सर्वाधिकार सुरक्षित|جملہ حقوق محفوظ(?: ہیں)?|"
                         "(?:کلیه|تمامی) حقوق .{0,30}محفوظ (?:است|می باشد|می‌باشد)|все права защищены|כל הזכויות שמורות")


@lru_cache(maxsize=64)
def compile_rules(profiles: tuple[Profile, ...] = (), extra_boiler: tuple[str, ...] = (),
                  extra_sites: tuple[str, ...] = ()) -> RuleSet:
    """Compile the default rules extended by ``profiles`` (cached per value)."""
    r = DEFAULT_RULES
    boiler = list(r["boilerplate"]) + list(extra_boiler)
    strip = list(r["strip"])
    cat_labels = list(r["label_category"])
    sites: dict[str, tuple[str | None, str]] = {}
    for name in extra_sites:
        sites[" ".join(fold_pattern(name).lower().split())] = (None, "site")
    for p in profiles:  # boilerplate/strip of a profile apply only to its articles (core.py)
        cat_labels.extend(p.category_labels)
        for name in p.site_names:
            sites[" ".join(fold_pattern(name).lower().split())] = (p.source, p.name)
    label = (
        rf"^(?:(?P<cat>{_alt(cat_labels)})|(?P<src>{_alt(r['label_source'])})|(?P<date>{_alt(r['label_date'])})"
        rf"|(?P<tags>{_alt(r['label_tags'])})|(?P<dek>{_alt(r['label_dek'])})|(?P<title>{_alt(r['label_title'])})"
        rf"|(?P<auth>{_alt(r['label_author'])}))\s*[:：]\s*(?P<val>.*)$"
    )
    site_words = _alt(r["site_words"])
    ag = _alt(r["agencies"])
    return RuleSet(
        nav=re.compile(rf"^(?:{_alt(r['nav_words'])})$", _FL),
        nav_item=re.compile(rf"^(?:{_alt(r['nav_words'] + r['crumb_home'])})$", _FL),
        crumb=re.compile(rf"^(?:{_alt(r['crumb_home'])})\s*(?:»|>|›|/|\\|«|<|‹|→|←|⟵|⟶|◂|▸|◄|►|⇐|⇒|::)\s*(?P<rest>.+)$", _FL),
        crumb_dash=re.compile(rf"^(?:{_alt(r['crumb_home'])})\s+[-–—]\s+(?P<rest>.+)$", _FL),
        site=re.compile(rf"^(?:ال)?(?:{site_words})\s+\S.*$", _FL),
        site_ar=re.compile(rf"^(?!.*\s(?:{fold_pattern('من|في|على|إلى|عن|مع|بعد|قبل')})\s)(?:(?:[\u0600-\u06ff]\S*\s+){{1,3}}"
                           rf"(?:{_alt(r['site_words_ar_end'])})(?:\s+24)?|(?!{fold_pattern('من|في|على|إلى|عن|مع|منذ|حتى')}\s)"
                           rf"[\u0600-\u06ff]\S*\s+(?:{_alt(r['site_words_ar_end2'])}))$", _FL),
        site_en=re.compile(rf"^(?:the\s+(?:[A-Z][\w'’.&-]*\s+){{0,3}}|(?:[A-Z][\w'’.&-]*\s+){{1,3}})(?:{_alt(r['site_words_en'], fold_it=False)})(?:\.com)?$"
                           rf"|^(?:(?:le|la|les|l'|el|la|il|lo|o|a|der|die|das)\s*)?(?:{_alt(r['site_words_latin'], fold_it=False)})\b"
                           rf"(?:\s+(?:de|du|des|de la|del|della|di|do|da|dos|von|für|am)?\s*[A-Z][\w'’.&-]*){{0,3}}$", _FL),
        agency=re.compile(rf"(?<!\w)(?:{ag})(?!\w)", _FL),
        agency_only=re.compile(rf"^[\s(\[{{«\-–—ـ*/]*(?:{ag})[\s)\]}}»\-–—ـ:./]*$", _FL),
        share=re.compile(rf"^(?:{_alt(r['share'])})" + fold_pattern(r"(?:\s*[:：|\-–—]|\s*$|\s+(?:on|this|هذا|هذه|عبر|على|من خلال|في|via|the|الخبر|المقال|الموضوع|الصفحة|facebook|twitter|linkedin|whatsapp|e-mail|email|فيسبوك|تويتر|\W))"), _FL),
        read_also=re.compile(rf"^(?:(?:{_alt(r['read_also'])})(?:\s+(?:{fold_pattern('في|من')}|in|from|en|dans|aus)\s+[^:：|.]{{1,30}}(?=\s*[:：]|\s*$))?|(?P<open>more from|more in|also on|más en|más de|plus de|plus sur|mehr aus|mehr von|auch auf|altro da|mais em|المزيد من)(?:\s+[^\s:：|.]+){{1,3}}|(?P<other>[^\s:：|.]+(?:\s+[^\s:：|.]+)?\s+{fold_pattern('أخرى')}|other \S+))"     # ("More from Community")
                             rf"(?:\s*[:：|\-–—.…]\s*(?P<rest>.*)|\s*)$", _FL),
        boiler=re.compile("^(?:" + "|".join(f"(?:{fold_pattern(b)})" for b in boiler) + r")\s*$", _FL),
        boiler_gate=re.compile(_alt(w for words, _ in r["boilerplate_gated"] for w in words)),     # (on the line lowercased)
        boiler_gated=re.compile("^(?:" + "|".join(f"(?:{fold_pattern(b)})" for _, b in r["boilerplate_gated"]) + r")\s*$", _FL),
        tail_boiler=re.compile("^(?:" + "|".join(f"(?:{fold_pattern(b)})" for b in r["tail_boilerplate"]) + r")\s*$", _FL),
        teaser=re.compile(rf"^(?:{fold_pattern(_MEDIA_TEASER)})\s*$", _FL),
        strip=re.compile("|".join(f"(?:{fold_pattern(s)})" for s in strip), _FL) if strip else None,
        label=re.compile(label, _FL),
        copyright_site=re.compile(
            rf"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)))?\s*(?:\d{{4}}(?:\s*[-–]\s*\d{{4}})?)?\s*[,،\-–]?\s*(?P<site>(?!(?:19|20)\d\d(?!\d))\S.*?)\s*[.,،\-–|]?\s*(?:{_RESERVED})",
            _FL,
        ),
        copyright_loose=re.compile(
            # "© 2024 المرصد اليمني", "© الساحل نت 2024", "© L’Écho de la Meuse 2024": the sign, a year and a name alone
            rf"^(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|copyright))?\s*(?:(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?\s*[,،]?\s+(?!{_RESERVED})(?P<site>[^\d©|]{{2,50}}?)"
            rf"|(?P<site2>[^\d©|]{{2,50}}?)\s+(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?)\s*[.]?$"
            # "جميع الحقوق محفوظة © أخبار المنامة 2025", "جميع الحقوق محفوظة لموقع العاصي اليوم 2024"
            rf"|^(?:{_RESERVED})\s*(?:©\s*)?(?:{fold_pattern('لموقع')}|ل(?=\S{{3}}))?\s*(?:©\s*)?(?P<site3>[^\d©|]{{2,50}}?)"
            rf"\s*(?:©\s*)?(?:(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?)?\s*[.]?$"
            # "هسبريس © 2021 جميع الحقوق محفوظة": the name before the sign
            rf"|^(?P<site4>[^\d©|]{{2,50}}?)\s*©\s*(?:19|20)\d{{2}}(?:\s*[-–]\s*(?:19|20)\d{{2}})?\s*[.,،\-–]?\s*(?:(?:{_RESERVED})\s*[.]?)?$",
            _FL,
        ),
        dateline=re.compile(
            rf"^(?:[^\s.!?؟:]+(?:\s+[^\s.!?؟:]+){{0,3}})?\s*[\-–—ـ:(]*\s*[(«]?\s*(?P<ag>{ag})\s*[)»]?\s*(?:[\-–—ـ:)]|$)",
            _FL,
        ),
        home=re.compile(rf"^(?:{_alt(r['home_words'])})$", _FL),
        comments=re.compile(rf"^(?:(?:\d+\s+)?(?:{_alt(r['comments'])})\s*(?:[(\[]\s*\d+\s*[)\]]|\d+)?\s*[:：]?"
                            r"|\d+\s+(?:thoughts?|responses?|repl(?:y|ies)|comments?|" + fold_pattern("تعليقات|تعليق|ردود|رد")
                            + r"|commentaires?|comentarios?|kommentare?)\s+(?:on|to|sur|en|a|zu|" + fold_pattern("على|حول") + r")\b.*"
                            # an export's end mark: "---FINE TESTO---", "=== END ==="
                            r"|[-=*#]{2,}\s*(?:fine testo|fine|end(?: of (?:text|story|article))?|ende|fin|" + fold_pattern("نهاية النص|نهاية الخبر|نهاية المادة|نهاية الموضوع|نهاية المقال|نهاية")
                            + r")\s*[-=*#]{2,})$", _FL),
        paywall=re.compile(rf"^(?:{_alt(r['paywall'])})(?!\w)", _FL),
        byline_role=re.compile(rf"(?<!\w)(?:{_alt(r['byline_roles'])})(?!\w)", _FL),
        profile_sites=sites,
        profile_site_re=re.compile("^(?:" + "|".join(re.escape(s).replace("\\ ", r"\s+") for s in sorted(sites, key=len, reverse=True)) + ")$", _FL) if sites else None,
    )
