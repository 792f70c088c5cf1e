"""Machine-translation notices, AI-translation disclaimers and translation-widget leftovers.

Evidence is the phrase data (sections ``mt-notice`` and ``translation-widget`` of every language's file):
a line is removed when it *is* a notice, never because an article sentence mentions translation. A whole-line
or line-head match always counts. A phrase found *inside* a line counts when the line is no longer than a
notice gets and :func:`~clean.detectors.evidence.contained_counts` says so: at the document's edges, where
notices sit, or as most of the line; in the middle of the article a sentence such as "the page was
translated automatically, the ministry said" is reporting.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..reasons import Reason
from .evidence import article_edges, contained_counts

#: A notice or disclaimer is at most this many words; longer lines are article text that mentions translation.
MAX_NOTICE_WORDS = 80
#: A widget leftover found inside a line (not as the whole line) only counts in a line this short.
MAX_WIDGET_WORDS = 12


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    edges = article_edges(doc)
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if not m:
            continue
        p = m.get(Reason.MT_NOTICE, kinds=("whole", "head"))
        if p is None and f.words <= MAX_NOTICE_WORDS:
            p = m.get(Reason.MT_NOTICE)
            if p is not None and not contained_counts(doc, i, edges, Reason.MT_NOTICE):
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
