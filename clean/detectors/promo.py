"""Headline-style promo lines: ALL-CAPS teasers for other stories, calls to action, advertisement labels.

An ALL-CAPS line of several words *inside* the article (after its first paragraph) is a teaser for another
story, as news sites put them between paragraphs; an all-caps subheading ("A TEAM EFFORT", "HOW TO USE A
WATER BATH CANNER") has too few words to count, and an all-caps line before the first paragraph is left to
the title rule of the context pass.
Calls to action and advertisement labels come from the phrase data.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..reasons import Reason

#: An all-caps line needs this many words to be a teaser rather than a subheading.
MIN_TEASER_WORDS = 8
#: A paragraph is a line this long; a teaser stands after the article's first one.
PARAGRAPH_CHARS = 100
#: When more than this share of the long lines is all caps, the site writes in capitals: no teaser rule.
MAX_CAPS_SHARE = 0.3
MAX_CTA_WORDS = 15
#: "READ MORE: <a headline>" is a call to action; a sentence that happens to start "More - much more - ..." is not.
MAX_HEAD_WORDS = 25
MAX_AD_WORDS = 6


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    long_lines = [f for f in doc.features if f.chars >= PARAGRAPH_CHARS]
    caps_share = sum(f.is_all_caps for f in long_lines) / len(long_lines) if long_lines else 1.0
    seen_paragraph = False
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if i in verdicts:
            continue
        if m:
            p = m.get(Reason.CALL_TO_ACTION, Reason.ADVERTISEMENT, kinds=("whole",))
            if p is None and f.words <= MAX_HEAD_WORDS:
                p = m.get(Reason.CALL_TO_ACTION, Reason.ADVERTISEMENT, kinds=("head",))
            if p is None and f.words <= MAX_AD_WORDS:
                p = m.get(Reason.ADVERTISEMENT)
            if p is None and f.words <= MAX_CTA_WORDS:
                p = m.get(Reason.CALL_TO_ACTION)
            if p:
                out[i] = Verdict(p.reason, p.detail)
                continue
        if (seen_paragraph and f.is_all_caps and f.words >= MIN_TEASER_WORDS and caps_share <= MAX_CAPS_SHARE
                and f.chars < PARAGRAPH_CHARS * 2):
            out[i] = Verdict(Reason.PROMO_HEADLINE, f"all-caps line of {f.words} words inside the article")
            continue
        if f.chars >= PARAGRAPH_CHARS and not f.is_all_caps:
            seen_paragraph = True
    return out
