"""Comment sections: their head ("13 comments on ...", "Leave a Reply", "Comments (4)") and all after it.

A head only counts after the article: at least :data:`MIN_TEXT_BEFORE` of the document's paragraph text must
stand before it, so a "Comments" link in a menu above the article, or next to its title, never cuts it.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..reasons import Reason

MIN_TEXT_BEFORE = 0.35
MIN_PARAGRAPHS_BEFORE = 2
PARAGRAPH_CHARS = 100
MAX_HEAD_WORDS = 15


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    paragraph_chars = [f.chars if f.chars >= PARAGRAPH_CHARS else 0 for f in doc.features]
    total = sum(paragraph_chars)
    if not total:
        return {}
    before = 0
    paragraphs = 0
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if (m and f.words <= MAX_HEAD_WORDS and before >= MIN_TEXT_BEFORE * total
                and paragraphs >= MIN_PARAGRAPHS_BEFORE):
            p = m.get(Reason.COMMENTS)
            if p:
                detail = f"comment section starts here ({p.detail})"
                return {j: Verdict(Reason.COMMENTS, detail if j == i else f"after the comment head at line {i + 1}")
                        for j in range(i, len(doc.blocks)) if j not in verdicts}
        before += paragraph_chars[i]
        paragraphs += paragraph_chars[i] > 0
    return {}
