"""When a phrase found *inside* a line makes the line what the phrase says.

A whole-line or line-head match says what a line is. A phrase inside a line may be a sentence that merely uses
the words ("the page was translated automatically, the ministry said"; "we and our partners have spent three
years on this bid, the mayor said"). So a contained phrase counts only where notices and banners sit, at the
document's edges (before its first paragraph or after its last), or when the line is mostly that phrase, or
when two different phrases of the same kind meet in it.
"""

from __future__ import annotations

from typing import NamedTuple

from ..document import Document
from ..features import NO_SPACE_CHARS
from ..phrases import MEANING, Phrase, meaning_kinds, whole_key
from ..promo_lexicon import reports
from ..reasons import Reason

#: Inside the article, a contained phrase must be at least this share of the line's words (counted as
#: :class:`~clean.features.Features` counts them, so that scripts written without spaces count alike).
MIN_COVERAGE = 0.5
#: A paragraph, for telling where the article's edges are.
PARAGRAPH_SIZE = 150
#: A notice long enough to look like a paragraph is not taken for the article's first or last paragraph when it
#: is among the document's first or last this many lines (a sentence after a title stays the first paragraph).
NOTICE_LINES = 1
#: A line of prose, for telling where the article starts and ends for the translation grammar: a sentence of
#: this size.
PROSE_SIZE = 80
#: A line that reports someone's words is a news lead, not a notice, from this many words (see :func:`reported`).
MIN_REPORTED_WORDS = 12
_DEICTIC = frozenset(meaning_kinds("deictic"))


def article_edges(doc: Document) -> tuple[int, int]:
    """The indices of the document's first and last paragraphs ((len, -1) when it has none: all is edge)."""
    paragraphs = [i for i, f in enumerate(doc.features) if f.size >= PARAGRAPH_SIZE and f.has_sentence]
    return (paragraphs[0], paragraphs[-1]) if paragraphs else (len(doc.blocks), -1)


def contained_counts(doc: Document, i: int, edges: tuple[int, int], *reasons: Reason,
                     coverage: float = MIN_COVERAGE) -> bool:
    """Whether the phrases of ``reasons`` found inside line ``i`` make it such a line (see the module): inside the
    article, the phrase must be ``coverage`` of the line's words."""
    if i < edges[0] or i > edges[1]:
        return True
    found = {p.text for p in doc.matches[i] if p.reason in reasons and not p.kind.startswith(MEANING)}
    if len(found) >= 2:
        return True
    return bool(found) and max(map(_words, found)) >= coverage * doc.features[i].words


def _words(phrase: str) -> int:
    return len(phrase.split()) + (len(NO_SPACE_CHARS.findall(phrase)) // 2 if not phrase.isascii() else 0)


def meaning_edges(doc: Document) -> tuple[int, int]:
    """:func:`article_edges` with lines of prose (:data:`PROSE_SIZE`) as paragraphs: a sentence about translation
    after two short paragraphs is inside the article. And a paragraph the translation grammar has a reading of, among the first or
    last :data:`NOTICE_LINES` lines, is not the article's first or last paragraph: a long notice on top of an
    article is a line before it."""
    paragraphs = [i for i, f in enumerate(doc.features) if f.size >= PROSE_SIZE and f.has_sentence]
    n = len(doc.blocks)

    def read(i: int) -> bool:
        return late_reading(doc, i) is not None

    while len(paragraphs) > 1 and paragraphs[0] < NOTICE_LINES and read(paragraphs[0]):
        paragraphs.pop(0)
    while len(paragraphs) > 1 and paragraphs[-1] >= n - NOTICE_LINES and read(paragraphs[-1]):
        paragraphs.pop()
    return (paragraphs[0], paragraphs[-1]) if paragraphs else (n, -1)


def late_reading(doc: Document, i: int):
    """The translation grammar's reading of line ``i`` (a :class:`clean.lexicon.Reading`), or None: from the
    phrase scan for short lines, read here for longer ones (a few lines per document ask)."""
    for p in doc.matches[i]:
        if p.kind.startswith(MEANING):
            return _Read(p.reason.value, p.kind.split(":")[1], p.detail)
    meaning = doc.phrases.meaning
    if meaning is None or doc.features[i].words <= (doc.phrases.meaning_words or 0):
        return None
    r = meaning.read(doc.blocks[i].text)
    return _Read(r.reason, r.strength, r.detail) if r is not None else None


class _Read(NamedTuple):
    reason: str
    strength: str
    detail: str


def reports_speech(doc: Document, i: int) -> bool:
    """Whether line ``i`` reports someone's words ("…, the spokesperson said"): a sentence of
    :data:`MIN_REPORTED_WORDS` at least with a reporting word of the promo lexicons. In a short line "according
    to" is a notice's ("Translated automatically according to your browser's settings")."""
    return doc.features[i].words >= MIN_REPORTED_WORDS and reports(doc.phrases.promo, whole_key(doc.blocks[i].text))


def reported(doc: Document, i: int, p: Phrase) -> bool:
    """Whether a grammar reading of line ``i`` that does not point at this document ("this page") stands in a
    line that reports someone's words ("The report is also available in Spanish, the spokesperson said"): a news
    sentence about translation, at an edge as a headline or a lead, not a notice."""
    return p.kind.startswith(MEANING) and p.kind not in _DEICTIC and reports_speech(doc, i)
