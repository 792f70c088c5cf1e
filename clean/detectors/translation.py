"""Machine-translation notices, AI-translation disclaimers and translation-widget leftovers.

Evidence is the phrase data (sections ``mt-notice`` and ``translation-widget`` of every language's file),
matched on whole lines only: a line is removed when it *is* a notice, never because an article sentence
mentions translation. Contained phrases count only in lines no longer than a notice gets.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..reasons import Reason

#: A notice or disclaimer is at most this many words; longer lines are article text that mentions translation.
MAX_NOTICE_WORDS = 80
#: A widget leftover found inside a line (not as the whole line) only counts in a line this short.
MAX_WIDGET_WORDS = 12


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if not m:
            continue
        p = m.get(Reason.MT_NOTICE)
        if p and f.words <= MAX_NOTICE_WORDS:
            out[i] = Verdict(Reason.MT_NOTICE, p.detail)
            continue
        p = m.get(Reason.TRANSLATION_WIDGET, kinds=("whole", "head"))
        if p is None and f.words <= MAX_WIDGET_WORDS:
            p = m.get(Reason.TRANSLATION_WIDGET)
        if p:
            out[i] = Verdict(Reason.TRANSLATION_WIDGET, p.detail)
    return out
