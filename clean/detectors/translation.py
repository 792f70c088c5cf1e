"""Machine-translation notices, AI-translation disclaimers and translation-widget leftovers.

Two kinds of evidence. The phrase data (sections ``mt-notice`` and ``translation-widget`` of every language's
file): a whole-line or line-head match always counts; a phrase found *inside* a line counts when the line is no
longer than a notice gets and :func:`~clean.detectors.evidence.contained_counts` says so. And the translation
grammar (:mod:`clean.lexicon`), which reads what a line says (an act of translation by a machine, an AI or a
named tool; an offer of the original), weighed here by position and length: at the document's edges, where
notices sit, a reading counts in a line as long as a notice gets; inside the article only a line of a few words
("Translated by Google" between two reviews) goes, since a sentence there that talks about translation ("the
page was translated automatically, the ministry said") is reporting.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..phrases import meaning_kinds
from ..reasons import Reason
from .evidence import (MIN_COVERAGE, article_edges, contained_counts, late_reading, meaning_edges, reported,
                       reports_speech)

#: A notice or disclaimer is at most this many words; longer lines are article text that mentions translation.
MAX_NOTICE_WORDS = 80
#: Inside the article, a notice phrase found in a line must be this share of it, unless the line says "this
#: page" or the like (then MIN_COVERAGE): "Strona została przetłumaczona automatycznie, wyjaśniło ministerstwo"
#: (the page was translated automatically, the ministry explained) reports.
INNER_COVERAGE = 0.75
#: A widget leftover found inside a line (not as the whole line) only counts in a line this short.
MAX_WIDGET_WORDS = 12
#: A notice read by the grammar without any cue that it is one (no "this page", no "errors", no "original")
#: counts only in a line this short: "Translated with DeepL (free version)", "Übersetzt von Google".
MAX_WEAK_NOTICE_WORDS = 12
#: A widget string read by the grammar ("Translated from German", "Translate this review into English") is a
#: line this short ...
MAX_READ_WIDGET_WORDS = 8
#: ... and an offer of the original ("See original", "Voir l'original (anglais)") this short.
MAX_ORIGINAL_OFFER_WORDS = 6
#: A disclaimer longer than MAX_NOTICE_WORDS is read by the grammar as the document's first or last line only,
#: up to this many words, and goes only if it says "this page" or the like.
MAX_LONG_NOTICE_WORDS = 250
#: Inside the article, a grammar reading counts only in a line this short, opening with the deciding words.
MAX_INNER_WORDS = 4

_NOTICE_KINDS = meaning_kinds("deictic", "strong")
_WEAK_KINDS = meaning_kinds("weak")
#: inside the article, a short line naming a tool ("Translated by Google" between two reviews) or offering the
#: original; "Machine translation" there is more likely a section heading than a label
_HEAD_KINDS = meaning_kinds("deictic", "strong", "weak", head_only=True, agents=("tool", "-"))


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    edges = article_edges(doc)
    outer = meaning_edges(doc)
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if not m:
            continue
        p = m.get(Reason.MT_NOTICE, kinds=("whole", "head"))
        if p is None and f.words <= MAX_NOTICE_WORDS:
            p = m.get(Reason.MT_NOTICE)
            deictic = p is not None and (r := late_reading(doc, i)) is not None and r.strength == "deictic"
            if p is not None and not contained_counts(doc, i, edges, Reason.MT_NOTICE,
                                                      coverage=MIN_COVERAGE if deictic else INNER_COVERAGE):
                p = None
        if p:
            out[i] = Verdict(Reason.MT_NOTICE, p.detail, p)
            continue
        p = m.get(Reason.TRANSLATION_WIDGET, kinds=("whole", "head"))
        if p is None and f.words <= MAX_WIDGET_WORDS:
            p = m.get(Reason.TRANSLATION_WIDGET)
        if p:
            out[i] = Verdict(Reason.TRANSLATION_WIDGET, p.detail, p)
            continue
        p = _reading(m, f.words, i < outer[0] or i > outer[1])
        if p and not reported(doc, i, p):
            out[i] = Verdict(p.reason, p.detail, p)
    out.update(_long_notices(doc, outer, out))
    return out


def _long_notices(doc: Document, outer: tuple[int, int], decided: dict[int, Verdict]) -> dict[int, Verdict]:
    """Lines at the edges too long for the phrase scan's reading (see :data:`clean.lexicon.EAGER_WORDS`), read
    here: a notice up to MAX_NOTICE_WORDS that names a document or a cue; the first or last line up to
    :data:`MAX_LONG_NOTICE_WORDS` if it says "this page" or the like."""
    out: dict[int, Verdict] = {}
    eager = doc.phrases.meaning_words
    if doc.phrases.meaning is None or eager is None:
        return out
    last = len(doc.blocks) - 1
    for i in [*range(0, min(outer[0], len(doc.blocks))), *range(max(outer[1] + 1, 0), len(doc.blocks))]:
        words = doc.features[i].words
        if i in decided or words <= eager or words > MAX_LONG_NOTICE_WORDS:
            continue
        if words > MAX_NOTICE_WORDS and i not in (0, last):
            continue
        r = late_reading(doc, i)
        if r is None or r.reason != Reason.MT_NOTICE.value:
            continue
        if r.strength == "deictic" or (r.strength == "strong" and words <= MAX_NOTICE_WORDS
                                       and not reports_speech(doc, i)):
            out[i] = Verdict(Reason.MT_NOTICE, r.detail)
    return out


#: At an edge, which readings count, in order, and in lines of how many words at most.
_EDGE_READINGS = ((Reason.MT_NOTICE, _NOTICE_KINDS, MAX_NOTICE_WORDS),
                  (Reason.MT_NOTICE, _WEAK_KINDS, MAX_WEAK_NOTICE_WORDS),
                  (Reason.TRANSLATION_WIDGET, _NOTICE_KINDS, MAX_READ_WIDGET_WORDS),
                  (Reason.TRANSLATION_WIDGET, _WEAK_KINDS, MAX_ORIGINAL_OFFER_WORDS))


def _reading(m, words: int, at_edge: bool):
    """The grammar's reading of a line if it counts where the line is (see the module), else None."""
    if not at_edge:
        return (m.get(Reason.MT_NOTICE, Reason.TRANSLATION_WIDGET, kinds=_HEAD_KINDS)
                if words <= MAX_INNER_WORDS else None)
    for reason, kinds, most in _EDGE_READINGS:
        p = m.get(reason, kinds=kinds)
        if p is not None and words <= most:
            return p
    return None
