"""One scan of a whole document for the few lines a pattern can match, instead of one search per line.

The lines are joined with line breaks and each pattern scanned once over the whole, at C speed; a match is
mapped back to its line by its offset. A pattern used here must not match across a line break (``[^\\S\\n]``
rather than ``\\s``), so that each match lies in one line. A document with a block that holds a line break of
its own (an HTML ``<pre>``) cannot be cut back into its lines this way: every line is then a candidate.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate


def lines_with(texts: list[str], *patterns: re.Pattern) -> set[int] | None:
    """The indices of ``texts`` in which one of ``patterns`` finds a match; None if a text holds a line break
    (then every line is a candidate)."""
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1:  # a block with a line break of its own
        return None
    starts = [0, *accumulate(len(t) + 1 for t in texts)]
    return {bisect_right(starts, m.start()) - 1 for p in patterns for m in p.finditer(joined)}
