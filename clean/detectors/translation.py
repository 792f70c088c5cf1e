"""Machine-translation notices, AI-translation disclaimers and translation-widget leftovers.

Evidence is the phrase data (sections ``mt-notice`` and ``translation-widget`` of every language's file):
a line is removed when it *is* a notice, never because an article sentence mentions translation. A whole-line
or line-head match always counts. A phrase found *inside* a line counts when the line is no longer than a
notice gets and either the phrase is most of the line, or two notice phrases meet in it, or the line stands
at the document's edge (before its first paragraph or after its last), where notices sit; in the middle of
the article a sentence such as "the page was translated automatically, the ministry said" is reporting.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..reasons import Reason

#: A notice or disclaimer is at most this many words; longer lines are article text that mentions translation.
MAX_NOTICE_WORDS = 80
#: A widget leftover found inside a line (not as the whole line) only counts in a line this short.
MAX_WIDGET_WORDS = 12
#: Inside the article, a contained notice phrase must be at least this share of the line's words.
MIN_COVERAGE = 0.5
#: A paragraph, for telling where the article's edges are.
PARAGRAPH_SIZE = 150


def _counts(doc: Document, i: int, edges: tuple[int, int]) -> bool:
    """Whether the contained notice phrases of line ``i`` make it a notice (see the module's docstring)."""
    if i < edges[0] or i > edges[1]:
        return True
    found = [p for p in doc.matches[i] if p.reason is Reason.MT_NOTICE]
    if len({p.text for p in found}) >= 2:
        return True
    longest = max(len(p.text.split()) for p in found)
    return longest >= MIN_COVERAGE * doc.features[i].words


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    paragraphs = [i for i, f in enumerate(doc.features) if f.size >= PARAGRAPH_SIZE and f.has_sentence]
    edges = (paragraphs[0], paragraphs[-1]) if paragraphs else (len(doc.blocks), -1)
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if not m:
            continue
        p = m.get(Reason.MT_NOTICE, kinds=("whole", "head"))
        if p is None and f.words <= MAX_NOTICE_WORDS:
            p = m.get(Reason.MT_NOTICE)
            if p is not None and not _counts(doc, i, edges):
                p = None
        if p:
            out[i] = Verdict(Reason.MT_NOTICE, p.detail)
            continue
        p = m.get(Reason.TRANSLATION_WIDGET, kinds=("whole", "head"))
        if p is None and f.words <= MAX_WIDGET_WORDS:
            p = m.get(Reason.TRANSLATION_WIDGET)
        if p:
            out[i] = Verdict(Reason.TRANSLATION_WIDGET, p.detail)
    return out
