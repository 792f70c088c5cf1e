"""Comment sections: their head ("13 comments on ...", "Leave a Reply", "Comments (4)") and all after it.

A head only counts after the article: at least :data:`MIN_TEXT_BEFORE` of the document's paragraph text must
stand before it, so a "Comments" link in a menu above the article, or next to its title, never cuts it.
"""

from __future__ import annotations

import re

from ..document import Document, Verdict
from ..phrases import LineMatch
from ..reasons import Reason

MIN_TEXT_BEFORE = 0.35
MIN_PARAGRAPHS_BEFORE = 2
PARAGRAPH_CHARS = 100
MAX_HEAD_WORDS = 15
#: "13 comments on ...", "2 Kommentare zu ...": a count, then a word the phrase data knows as a comments head.
_COUNTED = re.compile(r"^\W*\d+\s+(\w+)(?:\s+(\w+))?")


def _head(doc: Document, i: int, m: LineMatch):
    """The phrase that makes line ``i`` a comment-section head, or None."""
    p = m.get(Reason.COMMENTS) if m else None
    if p is None:
        counted = _COUNTED.match(doc.blocks[i].text)
        if counted:
            for words in (counted.group(1), " ".join(filter(None, counted.groups()))):
                p = doc.phrases.match(words, contains=False).get(Reason.COMMENTS)
                if p:
                    break
    return p


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    paragraph_chars = [f.size if f.size >= PARAGRAPH_CHARS else 0 for f in doc.features]
    total = sum(paragraph_chars)
    if not total:
        return {}
    before = 0
    paragraphs = 0
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if f.words <= MAX_HEAD_WORDS and before >= MIN_TEXT_BEFORE * total and paragraphs >= MIN_PARAGRAPHS_BEFORE:
            p = _head(doc, i, m)
            if p:
                detail = f"comment section starts here ({p.detail})"
                return {j: Verdict(Reason.COMMENTS, detail if j == i else f"after the comment head at line {i + 1}")
                        for j in range(i, len(doc.blocks)) if j not in verdicts}
        before += paragraph_chars[i]
        paragraphs += paragraph_chars[i] > 0
    return {}
