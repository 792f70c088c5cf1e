"""Which elements are never article text, which mark chrome, and which mark the article itself.

Tag names are looked up in sets; each ``class`` word (a white-space separated token) and the ``id`` is matched
with one precompiled regular expression whose named groups say which family a match belongs to, within the word
or at its parts' boundaries (``-``, ``_``, digits). A rule is a :class:`Rule`: what it says about the element is
in its fields, never in the wording of its detail. :class:`Rules` answers for one page and remembers each
word's answer for that page only (pages repeat the same few hundred words).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..phrases import _trie_pattern
from ..reasons import Reason
from .wordstart import WORD_START, letter_first


class Rule(NamedTuple):
    """Why an element is chrome: the reason, the detail a removal shows, whether the element is hidden from
    readers (``hides``: a ``hidden`` or ``aria-hidden`` attribute, a hiding style or class), and whether the rule
    rests on a class or id name (``named``), weaker evidence than a tag, a role or a style. A ``linked`` rule
    holds only for an element that links elsewhere (see :data:`TEASER_LINKS` in :mod:`.select`). An ``unseen``
    element is no panel a reader opens (see :func:`opens`): text for screen readers only, or a hidden element
    whose role is chrome (a dialog, a menu)."""

    reason: Reason
    detail: str
    hides: bool = False
    named: bool = False
    linked: bool = False
    unseen: bool = False

#: Elements whose content is never text a reader sees: skipped without a removal (not text).
SKIP = frozenset({"script", "style", "template", "svg", "math", "iframe", "object", "embed", "canvas",
                  "head", "title", "meta", "link", "base", "video", "audio", "map", "area", "img", "picture",
                  "source", "track", "param", "frame", "frameset", "applet", "rp", "rt", "dialog"})
#: Elements that start and end a block of text.
BLOCK = frozenset({"address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dir", "div",
                   "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
                   "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
                   "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "caption", "legend", "option",
                   "select", "textarea", "button", "label", "input", "optgroup", "datalist", "output", "meter",
                   "progress", "marquee", "td", "th"})
#: Table cells: they get a record (a layout table's cell can be the article) but their text joins the row's.
CELLS = frozenset({"td", "th"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
KINDS = {"h1": "h", "h2": "h", "h3": "h", "h4": "h", "h5": "h", "h6": "h", "li": "li", "dt": "li", "dd": "li",
         "blockquote": "quote", "tr": "row", "pre": "pre"}

#: Elements that are chrome by their tag alone.
TAG_RULES = {
    "nav": Rule(Reason.NAVIGATION, "<nav> element"),
    "aside": Rule(Reason.NON_CONTENT, "<aside> element"),
    "form": Rule(Reason.NON_CONTENT, "<form> element"),
    "button": Rule(Reason.NON_CONTENT, "<button> element"),
    "select": Rule(Reason.NON_CONTENT, "<select> element"),
    "textarea": Rule(Reason.NON_CONTENT, "<textarea> element"),
    "input": Rule(Reason.NON_CONTENT, "<input> element"),
    "label": Rule(Reason.NON_CONTENT, "<label> element"),
    # a picture's caption and credit describe the picture, not the story (neither benchmark's gold has them)
    "figcaption": Rule(Reason.NON_CONTENT, "<figcaption> element"),
    "menu": Rule(Reason.NAVIGATION, "<menu> element"),
    # what a browser shows without scripts: hidden, so it goes unless it holds most of the page's text (pages
    # that render in scripts, such as Discourse forums, serve their whole thread there for crawlers)
    "noscript": Rule(Reason.NON_CONTENT, "<noscript> element", hides=True),
}
#: Chrome by tag only outside an <article>: the article's own header holds its title.
OUTSIDE_ARTICLE_TAGS = {
    "header": Rule(Reason.NAVIGATION, "<header> outside the article"),
    "footer": Rule(Reason.FOOTER, "<footer> outside the article"),
}
ROLE_RULES = {
    "navigation": Reason.NAVIGATION, "menu": Reason.NAVIGATION, "menubar": Reason.NAVIGATION,
    "search": Reason.NAVIGATION, "banner": Reason.NAVIGATION, "contentinfo": Reason.FOOTER,
    "complementary": Reason.NON_CONTENT, "dialog": Reason.NON_CONTENT, "alertdialog": Reason.NON_CONTENT,
    "tablist": Reason.NAVIGATION,
}

_B = WORD_START  # a token starts here: start of the value, or after -, _, space
_E = r"(?![a-z])"  # the word ends here
#: Class and id words, by family. Group names are Reason member names (NON_CONTENT has two groups).
_FAMILIES = {
    # not "dropdown": it names a widget (an FAQ's answer, a spec sheet behind a toggle), not what it holds
    "NAVIGATION": rf"{_B}nav(?:bar|igation|links?|menu|list)?{_E}|menu|crumb|{_B}pagination|{_B}pager{_E}"
                  rf"|{_B}paging|{_B}skip-?(?:link|nav|to){_E}|site-?header|masthead|{_B}top-?bar{_E}|sitemap"
                  rf"|{_B}toc{_E}(?![-_]?[a-z_-]*\d)|{_B}jump-?to|{_B}flyout|offcanvas|off-canvas",
    "SHARE_BAR": rf"{_B}share|sharing|{_B}social|addthis|sharethis|shariff|sociable|{_B}follow-?us"
                 rf"|{_B}print-?(?:link|button|page){_E}|{_B}whatsapp{_E}",
    "COOKIE_NOTICE": r"cookie|consent|gdpr|onetrust|borlabs|_brlbs|cc-(?:banner|window)|privacy-?(?:banner|notice)",
    "CALL_TO_ACTION": rf"newsletter|{_B}subscri(?:be|ption)|{_B}sign-?up{_E}|mailing-?list|{_B}promo{_E}"
                      rf"|{_B}cta{_E}|{_B}donat(?:e|ion)",
    # not "paywall" alone: an element so named often holds the article's own text behind the wall
    "LOGIN_PROMPT": rf"{_B}log-?in{_E}|{_B}sign-?in{_E}|regwall"
                    rf"|paywall-?(?:prompt|message|banner|box|notice|offer|cta|overlay|modal|teaser|info){_E}",
    "RELATED_LIST": rf"related|recommend|{_B}most-?(?:read|popular|viewed|commented|shared)|mostread|meistgelesen"
                    rf"|{_B}popular|{_B}trending|{_B}more-?(?:stories|articles|news|from|on){_E}|{_B}also-?read"
                    rf"|{_B}read-?(?:also|next){_E}|further-?reading|recirc|{_B}latest-?(?:news|posts|articles)"
                    rf"|{_B}recent-?(?:posts|news|articles|comments)|{_B}similar|{_B}weitere",
    "ADVERTISEMENT": rf"{_B}(?:ads?|adv|adverts?|advertis\w*|anzeigen?|werbung|adsense|adsbygoogle|dfp|gpt-ad"
                     rf"|ad-?(?:slot|unit|box|container|wrapper|banner|block|zone|space|place\w*)|sponsor\w*"
                     rf"|taboola|outbrain|plista|banner-?ad|commercial){_E}|{_B}advert|taboola|outbrain",
    "COMMENTS": rf"comment(?!ary)|disqus|{_B}respond{_E}|{_B}replies{_E}|kommentar|comentario|{_B}discussion",
    "TAGS": rf"{_B}tags{_E}|{_B}tag-?(?:list|cloud|links?|box|wrap\w*){_E}|{_B}keywords{_E}|schlagw"
            rf"|{_B}(?:post|entry|article|node)[-_]*(?:categor|tags?{_E})",
    "FOOTER": rf"footer|colophon|{_B}copyright|{_B}site-?info{_E}|{_B}impressum",
    # an author box, in English or German ("autor"), by class words run together or in camel case
    # ("cbx-Author_InfoContainer", "artDetailAutor__text", "article--authors")
    "NON_CONTENT": rf"(?:author|autor)(?:en|s)?[-_]*(?:box|bio|info|profile|card|details|desc|about|text)"
                   rf"|about[-_]*(?:the[-_]*)?author|{_B}(?:post|entry|article|single|story)[-_]*(?:author|autor)(?:en|s)?{_E}|^author$"
                   rf"|{_B}sidebar|{_B}side-?bar|{_B}modal{_E}|{_B}popup|{_B}pop-?up{_E}|{_B}overlay{_E}"
                   rf"|{_B}lightbox|{_B}toolbar|{_B}print-?only|{_B}popover|{_B}tool-?tip"
                   # a picture's caption, legend or credit
                   rf"|caption|bildunter|{_B}legend{_E}|{_B}(?:photo|image|img)-?credit"
                   # a picture's box set into the text: the text it holds is the picture's caption
                   rf"|{_B}(?:photo|image|img|picture|bild)-?(?:box|inline){_E}"
                   # who wrote it and when: an author card, a byline, a dateline, the post's meta row
                   rf"|{_B}vcard{_E}"
                   rf"|{_B}(?:entry|post|article|story|content)[-_]*(?:meta|utility|byline|date|dateline){_E}|{_B}byline"
                   # an affiliate or advertiser disclosure, a legal disclaimer set into the article
                   rf"|{_B}disclosure|disclaimer"
                   rf"|{_B}dateline|{_B}reading-?time"
                   # a forum post's author panel and signature (the member's stats, the lines under every post)
                   rf"|{_B}(?:user|poster|member)[-_]*(?:info|profile|details|stats|extras|card|pane){_E}|postprofile"
                   rf"|{_B}signature$|{_B}(?:post|message)[-_]*signature"
                   # the note under a post that it was edited ("Last edited: Jul 9, 2022")
                   rf"|{_B}last-?edit(?:ed)?{_E}",
    # whole words only: "hide-for-small", "hidden-xs" and the like hide an element on some screens only
    "HIDDEN": r"^(?:hidden|hide|is-hidden|invisible|d-none)$",
    # ... and text for screen readers only, never shown (a panel hidden above opens to readers; this does not)
    "UNSEEN": r"^(?:sr-only|visually-?hidden|screen-?reader-?text|u-screen-reader-text|aural|element-invisible"
              r"|offscreen)$",
}
#: (:func:`~.wordstart.letter_first`: the same matches, the word-start tests made after a letter is read)
CHROME_WORDS = re.compile(letter_first("|".join(f"(?P<{k}>{v})" for k, v in _FAMILIES.items())))
#: A teaser is a card that links another story, or in many (German) CMSs the article's own lead; an info or
#: text box set into the article holds further reading, or a fact sheet of its own: related content only when
#: it links elsewhere, so the rule says it holds only then (``linked``); any other chrome word in the same class
#: word wins over it ("gallery-teaser-caption" is a caption).
TEASER_WORDS = re.compile(r"teaser|info-?box|text-?box")
LINKED = frozenset({"TEASER"})
#: The families of words that hide an element.
HIDING = frozenset({"HIDDEN", "UNSEEN"})
#: Every match of :data:`CHROME_WORDS` holds one of these (each alternative of a family needs one of them): a word
#: with none is no chrome word, known after one cheap scan instead of the many alternatives tried at every
#: character. A word added to a family needs its literal here; tests/test_html_prefilter.py generates matches of
#: every family and checks.
_CHROME_LITERALS = """
    nav menu crumb skip header masthead sitemap jump flyout canvas dropdown
    shar sociable addthis follow whatsapp
    cookie consent gdpr onetrust borlabs brlbs cc- privacy
    newsletter subscri mailing donat
    regwall paywall
    related recommend most meistgelesen popular trending also further recirc latest recent similar weitere
    anzeige werbung dfp sponsor taboola outbrain plista commercial banner
    comment disqus respond replies kommentar comentario discussion
    keywords schlagw categor tag
    footer colophon copyright site impressum
    author autor modal overlay lightbox toolbar caption bild legend credit vcard meta utility byline date
    disclos disclaim photo image img picture tooltip tool-tip
    reading poster member postprofile signature last
    hid invisible d-none sr-only screen aural
""".split()
#: Literals that every family has only where a word's part starts ("ad-slot", not "header"): common letter
#: pairs inside other words, so they count only there.
_CHROME_PART_LITERALS = "ad log top toc read more side sign pop user cta pag print promo socia".split()
_MAY_BE_CHROME_PARTS = _B + "(?:" + "|".join(sorted(_CHROME_PART_LITERALS, key=lambda w: (-len(w), w))) + ")"
#: (the literals as a trie: one letter compared where each of them was)
MAY_BE_CHROME = re.compile(_trie_pattern(set(_CHROME_LITERALS)) + "|" + letter_first(_MAY_BE_CHROME_PARTS))
#: Class/id words of the article's own text container.
_ARTICLE_WORDS = (
    rf"article-?(?:body|content|text|inner)|articlebody|{_B}post-?(?:body|content|text|entry|inner){_E}"
    rf"|{_B}entry-?(?:content|body|text){_E}|story-?(?:body|content|text)|{_B}content-?body|{_B}main-?content"
    rf"|{_B}body-?text|{_B}text-?body|{_B}artikel-?(?:text|inhalt|body)|{_B}rich-?text|{_B}field-?body"
    rf"|{_B}news-?(?:text|body|content|detail){_E}")
ARTICLE_WORDS = re.compile(letter_first(_ARTICLE_WORDS))
#: Every match of :data:`ARTICLE_WORDS` ends in one of these words (checked as :data:`MAY_BE_CHROME` is).
MAY_BE_ARTICLE = re.compile("body|content|text|inner|entry|inhalt|detail")
#: Weaker: these words also name teasers, so chrome words win over them.
_WEAK_ARTICLE_WORDS = rf"{_B}(?:article|blog-?post|single-?post|hentry|h-entry){_E}"
WEAK_ARTICLE_WORDS = re.compile(letter_first(_WEAK_ARTICLE_WORDS))
_QUOTE = re.compile(r"(?:^|\s)(?:quote|blockquote)(?:\s|$)", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_RESPONSIVE = re.compile(r"d-(?:sm|md|lg|xl|xxl)-(?!none)")
_PRINTED = re.compile(r"d-print-(?!none)")

#: What an element is: None (ordinary), or (reason, detail) for chrome, or ARTICLE for an article marker.
ARTICLE = "article"
_WEAK = "weak"
_DNONE = "d-none"
#: WordPress marks a post element with its categories and tags ("tag-newsletter", "category-comments"); state,
#: layout and display modifiers say what the element has or hides, not what it is ("hide-read-more-ad").
_TAXONOMY = re.compile(r"^(?:category|format|status|type|postid|page-id|tag-(?!(?:list|cloud|links?|box|wrap)))-?"
                       # state and layout modifiers: "has-sidebar", "no-comments", "with-paywall"
                       r"|^(?:has|non|no|not|with|without|hide|show)[-_]")


class Rules:
    """The rules for one page's elements. Each class or id word's answer, and what each (class, id) pair makes an
    element, is kept for the page (dicts made with this object, never shared between pages or threads): a page
    repeats its few class attributes on thousands of elements."""

    __slots__ = ("_words", "_names", "_controlled", "by_class")

    def __init__(self) -> None:
        self._words: dict[str, object] = {}
        self._names: dict[tuple, object] = {}
        self._controlled: set[str] = set()  # ids a control on this page opens (see :meth:`classify`)
        #: :meth:`verdict` of each class attribute of an element with no id, kept by the class attribute alone
        #: (the walk looks it up without making a key)
        self.by_class: dict[str, object] = {}

    def word(self, token: str):
        """What one class or id word says: ARTICLE, _WEAK (article, unless a chrome word says otherwise),
        _DNONE, (reason, family) for chrome, or None."""
        out = self._words.get(token, _UNSEEN)
        if out is _UNSEEN:
            out = self._words[token] = _word(token.lower())
        return out

    def classify(self, name: str, attrs, in_article: bool):
        """A chrome :class:`Rule`, :data:`ARTICLE`, or None for an element with these attributes."""
        cls = attrs.get("class")
        if cls is not None and not isinstance(cls, str):
            cls = tuple(cls)  # a list of words (a beautifulsoup4 tree's)
        if _FRONT_KEYS.isdisjoint(attrs.keys()):  # most elements: a class, an id, a link; one test for the rest
            return self.named(name, cls, attrs.get("id"), in_article)
        role = attrs.get("role")
        if role and str(role).lower() == "tabpanel":
            return None  # a tab's panel: hidden until its tab is clicked, content all the same
        controls = attrs.get("aria-controls")
        if controls and "aria-expanded" in attrs and "aria-haspopup" not in attrs:
            # a disclosure that opens the elements it names (an accordion's question, "Read more": WAI-ARIA's
            # disclosure says whether it is expanded): hidden, they are panels a reader opens, not chrome; a
            # menu's button says it opens a popup, and a control that only names what it drives (a gallery's
            # "View gallery" over its hidden lightbox) is no disclosure
            self._controlled.update(str(controls).split())
        if name == "button" and "aria-expanded" in attrs and "aria-haspopup" not in attrs:
            # a disclosure's toggle (WAI-ARIA's accordion pattern: an FAQ's question over its answer) is the
            # heading of the section it opens, not a control; a menu's button says it opens a popup
            return None
        ident = attrs.get("id")
        if not (ident and self._controlled and str(ident).strip() in self._controlled):
            hidden = None
            if "hidden" in attrs:
                hidden = _HIDDEN_ATTR
            elif "aria-hidden" in attrs and str(attrs["aria-hidden"]).lower() == "true":
                hidden = _ARIA_HIDDEN
            else:
                style = attrs.get("style")
                m = _HIDDEN_STYLE.search(str(style)) if style else None
                if m:
                    hidden = Rule(Reason.NON_CONTENT, f"style '{m.group(0)}'", hides=True)
            if hidden is not None:
                r = str(role).lower() if role else None
                if r in ROLE_RULES:  # a hidden dialog or menu: no reader opens it as a panel of the article
                    return Rule(ROLE_RULES[r], f"hidden, role '{r}'", hides=True, unseen=True)
                return hidden
        prop = attrs.get("itemprop")
        if prop and str(prop).lower() in ("articlebody", "text", "reviewbody"):
            return ARTICLE
        role = attrs.get("role")
        if role:
            r = str(role).lower()
            if r in ("main", "article"):
                return ARTICLE
            if r in ROLE_RULES:
                return _ROLES[r]
        return self.named(name, cls, attrs.get("id"), in_article)

    def named(self, name: str, cls, ident, in_article: bool):
        """What an element's class and id attributes (None where it has none; the class a string or a tuple of
        words) make it, when no attribute of :data:`_FRONT_KEYS` decides: :meth:`classify` of an element with
        no other attribute that matters. An element with a class and no id is looked up by its class attribute
        alone, without making a key (the walk asks for every such element)."""
        v = self.by_class.get(cls, _UNSEEN) if ident is None and cls is not None else _UNSEEN
        if v is _UNSEEN:
            v = self.verdict(cls, ident)
        if v is None:
            if name == "aside" and cls and _QUOTE.search(cls if isinstance(cls, str) else " ".join(cls)):
                return None  # a quotation set aside in a post (Discourse's "quote"), not a sidebar
            return (_TAGS_IN if in_article else _TAGS_OUT).get(name)  # classify_tag, looked up
        return v

    def verdict(self, cls, ident):
        """What an element's class and id words make it whatever its tag: ARTICLE, a chrome :class:`Rule`, or
        None (its tag decides), found once for the page."""
        key = (cls, ident)
        v = self._names.get(key, _UNSEEN)
        if v is _UNSEEN:
            v = self._named(cls, ident)
            if v is _WEAK:
                v = ARTICLE
            self._names[key] = v
            if ident is None and isinstance(cls, str):
                self.by_class[cls] = v
        return v

    def _named(self, cls, ident):
        """What an element's class and id words make it: ARTICLE, a chrome :class:`Rule`, _WEAK (an article
        unless its tag says more) or None (its tag decides)."""
        chrome = None
        weak = False
        if cls:
            tokens = cls.split() if isinstance(cls, str) else cls
            for token in tokens:
                v = self.word(token)
                if v is None:
                    continue
                if v is ARTICLE:
                    return ARTICLE
                if v is _WEAK:
                    weak = True
                elif v is _DNONE:
                    if chrome is None and not any(_RESPONSIVE.match(t) for t in tokens):
                        # shown on paper only ("d-none d-print-block": a citation, a copyright line) is no
                        # panel a reader opens
                        chrome = Rule(Reason.NON_CONTENT, f"class '{token}'", hides=True, named=True,
                                      unseen=any(_PRINTED.match(t) for t in tokens))
                elif chrome is None:
                    chrome = Rule(v[0], f"class '{token}'", hides=v[1] in HIDING, named=True,
                                  linked=v[1] in LINKED, unseen=v[1] == "UNSEEN")
        if ident and isinstance(ident, str):
            ident = ident.strip()
            v = self.word(ident)
            if v is ARTICLE:
                return ARTICLE
            if v is _WEAK:
                weak = True
            elif chrome is None and v is not None and v is not _DNONE:
                chrome = Rule(v[0], f"id '{ident}'", hides=v[1] in HIDING, named=True, linked=v[1] in LINKED,
                              unseen=v[1] == "UNSEEN")
        if chrome is not None:
            return chrome
        return _WEAK if weak else None


_UNSEEN = object()
_ROLES = {role: Rule(reason, f"role '{role}'") for role, reason in ROLE_RULES.items()}
#: A tab list's rule: its tabs are labels, but an accordion marked as one holds its panels' paragraphs too.
TABLIST = _ROLES["tablist"]
#: The attributes :meth:`Rules.classify` reads before the class and id words: an element with none of them is
#: judged by those words alone.
_FRONT_KEYS = frozenset({"role", "aria-expanded", "aria-controls", "hidden", "aria-hidden", "style", "itemprop"})
_HIDDEN_ATTR = Rule(Reason.NON_CONTENT, "hidden attribute", hides=True)
_ARIA_HIDDEN = Rule(Reason.NON_CONTENT, "aria-hidden=true", hides=True)


def _word(low: str):
    """What one class or id word (lower case) says; see :meth:`Rules.word`."""
    if _TAXONOMY.match(low) or "[" in low:
        # a utility class with an arbitrary value in brackets (Tailwind's "top-[var(--header-height)]",
        # "h-[calc(100vh-var(--nav-height))]") says how an element is laid out, not what it is
        return None
    # BEM ("block__element--modifier"): the part after the last "__" says what the element is; the block before
    # it only says what it sits in ("story-content__caption" is a caption inside the story, not its text)
    element = low.rpartition("__")[2]
    if MAY_BE_ARTICLE.search(element) and ARTICLE_WORDS.search(element):
        return ARTICLE
    m = CHROME_WORDS.search(low) if MAY_BE_CHROME.search(low) else None
    if m:
        if low == "d-none":
            return _DNONE
        family = m.lastgroup
        return Reason["NON_CONTENT" if family in HIDING else family], family
    if TEASER_WORDS.search(low):
        return Reason.RELATED_LIST, "TEASER"
    if WEAK_ARTICLE_WORDS.search(low):
        return _WEAK
    return None


def classify_tag(name: str, in_article: bool):
    """The rule for an element without attributes."""
    if name in TAG_RULES:
        return TAG_RULES[name]
    if name == "article" or name == "main":
        return ARTICLE
    if not in_article and name in OUTSIDE_ARTICLE_TAGS:
        return OUTSIDE_ARTICLE_TAGS[name]
    return None


def opens(rec_name: str, names, rule) -> bool:
    """Whether a hidden element can be a panel a reader opens (an FAQ's answer, an accordion's section, the rest
    of a text behind "Read more"): it is hidden by a style, an attribute or a hiding class, not for screen
    readers only, and neither its tag nor another class or id word names it chrome (a hidden dialog, menu or
    tooltip stays chrome)."""
    if rule is None or rule is ARTICLE or not rule.hides or rule.unseen or rec_name in TAG_RULES or rec_name == "a":
        return False  # (a hidden link is a button's or a widget's text, not a panel)
    if not names:
        return True
    ident, cls = names
    words = (cls.split() if isinstance(cls, str) else []) + ([ident.strip()] if isinstance(ident, str) else [])
    for w in words:
        v = _word(w.lower())
        if isinstance(v, tuple) and v[1] not in HIDING:
            return False
    return True


#: :func:`classify_tag` as one table for each value of ``in_article`` (the walk looks an element's tag up once):
#: every tag it gives a rule, with that rule; any other tag has none.
TAG_TABLES = {inside: {name: classify_tag(name, inside)
                       for name in (*TAG_RULES, "article", "main", *OUTSIDE_ARTICLE_TAGS)
                       if classify_tag(name, inside) is not None}
              for inside in (False, True)}
_TAGS_OUT, _TAGS_IN = TAG_TABLES[False], TAG_TABLES[True]
