"""Site chrome recognised by its wording: menus, share bars, cookie banners, log-in prompts, footers,
related-story heads and tag lists (phrase data), and copyright lines (a pattern in any language).

Lines are judged alone here; the context pass (:mod:`clean.detectors.context`) then removes what only its
surroundings mark as chrome.
"""

from __future__ import annotations

import re
from itertools import compress, count, repeat

from ..blocks import SIGN_SCANS, lines_holding
from ..document import Document, Verdict
from ..phrases import HEAD_SEPARATOR, LineMatch, Phrase
from ..reasons import Reason
from .evidence import article_edges, contained_counts
from .support import one_word, word_counts

CHROME_REASONS = (Reason.NAVIGATION, Reason.SHARE_BAR, Reason.COOKIE_NOTICE, Reason.LOGIN_PROMPT, Reason.FOOTER,
                  Reason.RELATED_LIST, Reason.TAGS)
#: A whole-line or line-head match counts in a line up to this long.
MAX_LINE_WORDS = 25
#: A contained phrase counts only in a line this short: longer lines are sentences that use the words.
MAX_CONTAINS_WORDS = 12
#: Cookie banners and footers are sentences of their own; a contained phrase counts in lines up to this long,
#: where :func:`~clean.detectors.evidence.contained_counts` says it makes the line.
MAX_NOTICE_WORDS = 60
#: A copyright line: the sign, "(c)" opening the line or before a year, "copyright" before the sign or a year.
#: Not the word alone ("the copyright dispute") nor "(c)" inside a sentence ("section 3(c) of the act").
_COPYRIGHT = re.compile(r"©|^\W*\(c\)\s*\w|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})", re.I)


def _word_counts(p: Phrase, text: str, language: str | None) -> bool:
    """Whether a phrase that is a whole line of one word makes the line chrome. One word is little evidence:
    "print" is a share button and a line of Python, "in" is Vietnamese for print and an English word cut from
    its sentence; where it counts is :func:`~clean.detectors.support.word_counts`."""
    return p.kind != "whole" or not one_word(p.text) or word_counts(p, text, language)


def _asked(p: Phrase | None, text: str) -> bool:
    """Whether ``p`` is a share button's wording in a question: a button never asks, so "Share on Facebook?" is
    someone's question (a forum post), not the button."""
    return p is not None and p.reason is Reason.SHARE_BAR and text.rstrip().endswith("?")


def _counting(m: LineMatch, text: str, language: str | None, kinds: tuple[str, ...]) -> Phrase | None:
    """The first chrome phrase of ``kinds`` in ``m`` that makes the line chrome (see :func:`_word_counts`)."""
    for p in m:
        if p.reason in CHROME_REASONS and p.kind in kinds and _word_counts(p, text, language) and not _asked(p, text):
            return p
    return None


#: What a copyright line or a menu line on one line needs (each match of :data:`_COPYRIGHT` and :data:`_SEPARATOR`
#: holds one of these; none spans a line break): one scan of the whole document finds the few lines to test.
_MARKED = re.compile(r"(?:©|\(c\)|copyright|[·|•/»›\t]|[^\S\n]{3}).*", re.I)


#: Where a line can hold a match of :data:`_MARKED`: a sign or a white-space character other than the space and
#: the line break (three in a row hold one, or two spaces: :data:`clean.blocks.SIGN_SCANS`), "(c)", or the letters
#: "yr" ("copyright" in any case; in an ASCII document, scanned lower-cased, "(c)" and "yr" alone). Each opens
#: with a literal or a set of characters, so the scan skips ahead in C, where :data:`_MARKED`'s alternatives are
#: tried at every character; only the lines found are tested with it.
_MAY_MARK = tuple(re.compile(p) for p in (r"\([cC]\).*", r"yr.*", r"yR.*", r"Yr.*", r"YR.*"))
_MAY_MARK_LOWER = (re.compile(r"\(c\).*"), re.compile(r"yr.*"))


_SCAN = object()


def _marked_lines(texts: list[str], signs: set[int] | None | object = _SCAN) -> set[int]:
    """The lines of ``texts`` that hold a match of :data:`_MARKED`; ``signs``: the lines holding one of
    :data:`clean.blocks.SIGN_SCANS`, if known (:attr:`Document.signs`)."""
    if signs is _SCAN:
        signs = lines_holding(texts, SIGN_SCANS)
    maybe = None if signs is None else lines_holding(texts, _MAY_MARK, _MAY_MARK_LOWER)
    if maybe is None:  # a block with a line break of its own: every line is tested
        return set(range(len(texts)))
    return {i for i in maybe.union(signs) if _MARKED.search(texts[i])}


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    edges = article_edges(doc)
    marked = _marked_lines(doc.texts, doc.signs)
    matches, features = doc.matches, doc.features
    # a line with no phrase that is not marked is no chrome line here, unless a bracket ends it (a caption's
    # credit, see :func:`_credit`): only the others are looked at, in order
    texts = doc.texts
    bracketed = list(compress(count(), map(str.endswith, map(str.rstrip, texts), repeat((")", "]"), len(texts)))))
    for i in sorted(marked.union(compress(count(), matches), bracketed)):
        m, f = matches[i], features[i]
        if i in verdicts or f.words > MAX_NOTICE_WORDS:
            continue
        p = None
        if m and f.words <= MAX_LINE_WORDS:
            p = _counting(m, doc.blocks[i].text, doc.language, ("whole", "head"))
        if m and p is None and f.words <= MAX_CONTAINS_WORDS:
            p = m.get(*CHROME_REASONS, kinds=("contains",))
            p = None if _asked(p, doc.blocks[i].text) else p
        if m and p is None:
            # whole-line phrases were weighed above: a one-word one that does not count there ("--help") does not
            # count here either
            p = m.get(Reason.COOKIE_NOTICE, Reason.FOOTER, kinds=("head", "contains"))
            if p is not None and not contained_counts(doc, i, edges, p.reason):
                p = None
        if p is None and f.words <= MAX_CAPTION_WORDS:
            p = _credit(doc, m, doc.blocks[i].text)
        if p:
            out[i] = Verdict(p.reason, p.detail, p)
        elif i not in marked or f.words > MAX_LINE_WORDS:
            continue
        elif _COPYRIGHT.search(doc.blocks[i].text):
            out[i] = Verdict(Reason.FOOTER, "copyright line")
        elif _SEPARATOR.search(doc.blocks[i].text):
            v = _menu_line(doc, doc.blocks[i].text)
            if v:
                out[i] = v
    out.update(_counted_lists(doc, verdicts, out, bracketed))
    return out


#: A caption with its credit at the end ("Protesters wore masks (Image: Getty)") is at most this long; a credit
#: line ("Foto: Name / Agentur") has at most :data:`MAX_CREDIT_WORDS` words after its label.
MAX_CAPTION_WORDS = 40
MAX_CREDIT_WORDS = 12


def _credit(doc: Document, m: LineMatch, text: str) -> Phrase | None:
    """The credit label that makes ``text`` a photo's credit or caption: the label and a separator open the line
    ("Foto: Sascha Klahn", "© Bild: REUTERS") or the bracket that ends it ("Zur Einweihung wurde ein Wald
    gepflanzt (Foto: Stadt Nordhausen)"), and a name follows (see :func:`_names`). The label is not enough
    alone: a line or a bracket that starts in lower case is a sentence's fragment or a line of code ("image:
    nginx:latest"), and what follows the label of a subheading ("Foto: So gelingt das perfekte Bild") or of a
    specification ("Picture: 4K HDR, 120 Hz panel") is no name."""
    stripped = text.rstrip()
    if stripped.endswith((")", "]")):
        opening = max(stripped.rfind("("), stripped.rfind("["))
        if opening > 0 and stripped[:opening].strip():
            inner = stripped[opening + 1:-1].lstrip()
            p = _label([p for p in doc.phrases.heads(inner) if p.reason is Reason.CAPTION], doc.language)
            if p is not None and not inner[:1].islower() and _names(doc, p, inner):
                return p
    if not m:
        return None
    p = _label([p for p in m if p.reason is Reason.CAPTION and p.kind == "head"], doc.language)
    if p is None or text.lstrip()[:1].islower() or not _names(doc, p, text):
        return None
    return p


def _label(found: list[Phrase], language: str | None) -> Phrase | None:
    """The credit label of the article's language among ``found`` ("Foto" is German, Spanish, Italian...), or
    the first."""
    return next((p for p in found if p.lang == language), found[0] if found else None)


#: What may stand in a credit besides names: this many function words ("Jane Doe for the Gazette", "via").
MAX_CREDIT_FUNCTION_WORDS = 2
_EDGE_MARKS = ".,;:()[]\"'“”„«»"


def _names(doc: Document, p: Phrase, credit: str) -> bool:
    """Whether what follows a credit's label (after the separator that ends the label) names someone: a few
    words (:data:`MAX_CREDIT_WORDS`), each a name or an agency (capitalised, or written with a sign: "dpa/AFP",
    "123RF.com"), a sign or a number, or one of a few function words; a lower-case word of another kind makes
    the rest a sentence or a description."""
    sep = HEAD_SEPARATOR.search(credit)
    rest = credit[sep.end():] if sep else ""
    words = rest.split()
    if not 0 < len(words) <= MAX_CREDIT_WORDS or not any(c.isalpha() for c in rest):
        return False
    stops = [doc.phrases.stopwords.get(lang, frozenset()) for lang in {p.lang, doc.language, "en"} if lang]
    function = 0
    for w in words:
        core = w.strip(_EDGE_MARKS)
        if not core or core[0].isupper() or not core.isalpha():
            continue  # a sign, a number, a name, an agency
        folded = core.casefold()
        if not any(folded in s for s in stops):
            return False
        function += 1
    return function <= MAX_CREDIT_FUNCTION_WORDS


#: An item of an archive or a category list: a short label and the count of posts it links to ("Maio (184)").
_COUNTED_ITEM = re.compile(r"^\s*[^\d()\[\]]{1,40}?\s*[(\[]\d{1,6}[)\]]\s*$")
#: So many such items in a row make a blog's archive or category widget.
MIN_COUNTED_ITEMS = 4


def _counted_lists(doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict],
                   bracketed: list[int]) -> dict[int, Verdict]:
    """Runs of "label (count)" lines: an archive by month, a list of categories or tags with their post counts.
    A year heading between months ("2017") does not break the run. ``bracketed``: the lines a bracket ends, where
    an item may stand."""
    found: dict[int, Verdict] = {}
    n = len(doc.blocks)
    texts = doc.texts
    items_at = {i for i in bracketed if _COUNTED_ITEM.match(texts[i])}
    if len(items_at) < MIN_COUNTED_ITEMS:
        return found  # most pages: too few lines are items for a list of them
    i = 0
    while i < n:
        j, items = i, []
        while j < n and j not in verdicts and j not in out:
            if j in items_at:
                items.append(j)
            elif not (texts[j].strip().isdigit() and items):
                break
            j += 1
        if len(items) >= MIN_COUNTED_ITEMS:
            found.update((k, Verdict(Reason.TAGS, f"list of {len(items)} items with counts (an archive or categories)"))
                         for k in range(i, j) if k >= items[0])
        i = max(j, i + 1)
    return found


#: What separates the items of a menu written on one line: "Datenschutz · Impressum", "About | Contact".
_SEPARATOR = re.compile(r"\s[·|•/»›]\s|\s{3,}|\t")


def _menu_line(doc: Document, text: str) -> Verdict | None:
    """Menu items on one line: at least two of its separated parts, and half of them, are chrome phrases."""
    parts = [x for x in _SEPARATOR.split(text) if x.strip()]
    found = []
    for part in parts:
        p = _counting(doc.phrases.match(part, contains=False), part, doc.language, ("whole",))
        if p is not None:
            found.append(p)
    if len(found) >= 2 and 2 * len(found) >= len(parts):
        return Verdict(found[0].reason, "menu line: " + ", ".join(p.detail for p in found[:3]))
    return None
