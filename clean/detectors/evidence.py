"""When a phrase found *inside* a line makes the line what the phrase says.

A whole-line or line-head match says what a line is. A phrase inside a line may be a sentence that merely uses
the words ("the page was translated automatically, the ministry said"; "we and our partners have spent three
years on this bid, the mayor said"). So a contained phrase counts only where notices and banners sit, at the
document's edges (before its first paragraph or after its last), or when the line is mostly that phrase, or
when two different phrases of the same kind meet in it.
"""

from __future__ import annotations

from ..document import Document
from ..features import NO_SPACE_CHARS
from ..reasons import Reason

#: Inside the article, a contained phrase must be at least this share of the line's words (counted as
#: :class:`~clean.features.Features` counts them, so that scripts written without spaces count alike).
MIN_COVERAGE = 0.5
#: A paragraph, for telling where the article's edges are.
PARAGRAPH_SIZE = 150


def article_edges(doc: Document) -> tuple[int, int]:
    """The indices of the document's first and last paragraphs ((len, -1) when it has none: all is edge)."""
    paragraphs = [i for i, f in enumerate(doc.features) if f.size >= PARAGRAPH_SIZE and f.has_sentence]
    return (paragraphs[0], paragraphs[-1]) if paragraphs else (len(doc.blocks), -1)


def contained_counts(doc: Document, i: int, edges: tuple[int, int], *reasons: Reason) -> bool:
    """Whether the phrases of ``reasons`` found inside line ``i`` make it such a line (see the module)."""
    if i < edges[0] or i > edges[1]:
        return True
    found = {p.text for p in doc.matches[i] if p.reason in reasons}
    if len(found) >= 2:
        return True
    return bool(found) and max(map(_words, found)) >= MIN_COVERAGE * doc.features[i].words


def _words(phrase: str) -> int:
    return len(phrase.split()) + (len(NO_SPACE_CHARS.findall(phrase)) // 2 if not phrase.isascii() else 0)
