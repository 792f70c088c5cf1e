"""Language banners: switchers ("English | Español | Deutsch"), "Read in English", "also available in",
"not available in your language" (phrase data), and lines at the document's edges written in another language
than the article.

The edge rule is the only place langdetect is asked about single lines, and only after cheaper evidence has
failed to decide: a line in another script than the article is foreign without asking; a line with the
article language's share of function words is not; a line too short to identify is left alone.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import compress, count, islice
from operator import attrgetter

from ..document import Document, Verdict
from ..features import tokens
from ..phrases import meaning_kinds
from ..reasons import Reason
from ..scripts import KANA, letter_script
from .evidence import meaning_edges, reported

MAX_BANNER_WORDS = 25
MAX_CONTAINS_WORDS = 15
#: A banner read by the translation grammar ("this article is also available in French, German and Spanish") at
#: the document's edges is at most this many words ...
MAX_READ_BANNER_WORDS = 30
#: ... and inside the article at most this many, opening with the deciding words ("Read in English"): a longer
#: line there is a sentence ("Read in English, the statement sounds harsher").
MAX_INNER_BANNER_WORDS = 6
_BANNER_KINDS = meaning_kinds("deictic", "strong", "weak")
_HEAD_BANNER_KINDS = meaning_kinds("deictic", "strong", "weak", head_only=True)
_WEAK_BANNER_KINDS = meaning_kinds("weak")
#: A switcher is a line of at least this many items, most of them language names ...
MIN_SWITCHER_ITEMS = 2
#: ... or of this many items all of which are language codes ("EN | DE | FR"; "RD, LD" is a byline).
MIN_CODE_ITEMS = 3
#: An edge line needs this many words for langdetect's answer to mean something.
MIN_EDGE_WORDS = 6
#: Function words of another language a line needs before langdetect is asked whether it is foreign.
MIN_FOREIGN_VOTES = 2
#: At most this many foreign lines at an edge go: a notice or a title in another language is a line or three,
#: while a longer foreign run is a part of the article (a bilingual text), which stays whole.
EDGE_LINES = 3
_SPLIT_ITEMS = re.compile(r"\s*[|/·•,]\s*|\s{2,}")
_HAS_SEPARATOR = re.compile(r"[|/·•]|\s{2,}")
#: A switcher is a short line: at most this many words.
MAX_SWITCHER_WORDS = 12
_LANG_CODE = re.compile(r"^[a-z]{2}(?:[-_][a-z]{2})?$", re.I)


_CHARS = attrgetter("chars")
#: How many letters of a line its script is judged from.
SCRIPT_SAMPLE_LETTERS = 60


def _script(text: str) -> str | None:
    """The script most of the first letters of ``text`` are in (LATIN, CYRILLIC, ARABIC, CJK, ...): a Latin
    brand name at the start of a Japanese title does not make the title Latin."""
    head = text[:SCRIPT_SAMPLE_LETTERS * 4]
    if head.isascii():  # most lines of most pages: no need to name each letter
        return "LATIN" if any(map(str.isalpha, head)) else None
    if KANA.search(head):  # only Japanese writes kana: "※「iPhone」は、Apple Inc.の商標です。" is Japanese
        return "CJK"
    counts: dict[str, int] = {}
    # each letter's script is looked up once, however often the letter occurs among the first ones
    for ch, n in Counter(islice(filter(str.isalpha, text), SCRIPT_SAMPLE_LETTERS)).items():
        name = letter_script(ch)  # a Japanese line mixes kana and kanji: both are "CJK"
        if name:
            counts[name] = counts.get(name, 0) + n
    return min(counts, key=lambda k: (-counts[k], k)) if counts else None


def _is_switcher(doc: Document, text: str) -> bool:
    items = [s for s in _SPLIT_ITEMS.split(text.strip()) if s]
    if len(items) < MIN_SWITCHER_ITEMS:
        return False
    if len(items) >= MIN_CODE_ITEMS and all(_LANG_CODE.match(item) for item in items):
        return True  # "EN | DE | FR"
    # language self-names are whole-line entries of the language-banner sections; CLDR's names of languages in
    # every language (English names, autonyms such as Kiswahili or አማርኛ) are the translation lexicon's
    meaning = doc.phrases.meaning
    names = sum(doc.phrases.match(item, contains=False).get(Reason.LANGUAGE_BANNER) is not None
                or (meaning is not None and meaning.is_language_name(item)) for item in items)
    return names >= max(MIN_SWITCHER_ITEMS, 0.6 * len(items))


def detect_banners(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    outer = meaning_edges(doc)
    matches, features = doc.matches, doc.features
    # a line with no phrase is a banner here only as a switcher, which has a separator: only the lines with a
    # phrase or a separator are looked at, in order
    texts = doc.texts
    maybe = doc.signs  # every separator holds one of the signs
    todo = range(len(matches)) if maybe is None else sorted(
        {i for i in maybe if _HAS_SEPARATOR.search(texts[i])}.union(compress(count(), matches)))
    for i in todo:
        m, f = matches[i], features[i]
        if i in verdicts:
            continue
        if m and f.words <= MAX_READ_BANNER_WORDS:
            at_edge = i < outer[0] or i > outer[1]
            p = (m.get(Reason.LANGUAGE_BANNER, kinds=_BANNER_KINDS) if at_edge else
                 m.get(Reason.LANGUAGE_BANNER, kinds=_HEAD_BANNER_KINDS) if f.words <= MAX_INNER_BANNER_WORDS else None)
            if p is not None and p.kind in _WEAK_BANNER_KINDS and f.words > MAX_INNER_BANNER_WORDS:
                p = None  # a bare "read" and a language name: a short line only ("Auf Deutsch lesen")
            if p is not None and reported(doc, i, p):
                p = None
            if p is not None:
                out[i] = Verdict(Reason.LANGUAGE_BANNER, p.detail, p)
                continue
        if f.words > MAX_BANNER_WORDS:
            continue
        p = m.get(Reason.LANGUAGE_BANNER, kinds=("whole", "head")) if m else None
        if p is None and m and f.words <= MAX_CONTAINS_WORDS:
            p = m.get(Reason.LANGUAGE_BANNER)
        if p:
            out[i] = Verdict(Reason.LANGUAGE_BANNER, p.detail, p)
        elif (f.words <= MAX_SWITCHER_WORDS and _HAS_SEPARATOR.search(doc.blocks[i].text)
              and _is_switcher(doc, doc.blocks[i].text)):
            out[i] = Verdict(Reason.LANGUAGE_BANNER, "language switcher")
    return out


def _foreign(doc: Document, i: int, article_script: str | None) -> str | None:
    """Why line ``i`` is in another language than the article, or None.

    A line in another script is foreign outright. Otherwise the function-word vote must point at another
    language clearly (:data:`MIN_FOREIGN_VOTES`, and more than twice the article language's votes) before
    langdetect is asked to confirm it; so an English title with few function words costs no langdetect call.
    """
    text, f = doc.blocks[i].text, doc.features[i]
    script = _script(text)
    if script and article_script and script != article_script and f.words >= 2:
        return f"written in {script.lower()} script, the article in {article_script.lower()}"
    if f.words < MIN_EDGE_WORDS:
        return None
    votes = doc.phrases.stopword_votes(tokens(text))
    if not votes:
        return None
    lang, n = min(votes.items(), key=lambda kv: (-kv[1], kv[0]))
    if lang == doc.language or n < MIN_FOREIGN_VOTES or n <= 2 * votes.get(doc.language or "", 0.0):
        return None
    confirmed = doc.detect_language(text)
    if confirmed and confirmed.split("-")[0] != (doc.language or "").split("-")[0]:
        return f"written in {confirmed}, the article in {doc.language}"
    return None


def detect_foreign_edges(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    if not doc.language:
        return {}
    kept = [i for i in range(len(doc.blocks)) if i not in verdicts]
    if len(kept) < 3:
        return {}
    longest = max(kept, key=list(map(_CHARS, doc.features)).__getitem__)
    article_script = _script(doc.blocks[longest].text)
    out: dict[int, Verdict] = {}
    for edge in (kept[:EDGE_LINES + 1], kept[::-1][:EDGE_LINES + 1]):
        run: dict[int, Verdict] = {}
        for i in edge:
            why = None if i == longest else _foreign(doc, i, article_script)
            if why is None:
                break
            run[i] = Verdict(Reason.FOREIGN_EDGE, why)
        if len(run) <= EDGE_LINES:
            out.update(run)
    return out
