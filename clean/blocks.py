"""Blocks: the unit every detector judges. Both front ends (plain text, HTML) produce them."""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, repeat
from operator import add
from typing import NamedTuple

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


class Block(NamedTuple):
    """One line of plain text, or one paragraph-like element of HTML.

    ``start``/``end`` are offsets of ``text`` in the input (``None`` where unknown). ``kind`` is ``"line"`` for
    plain text, else the block's element kind (``"p"``, ``"h"``, ``"li"``, ``"quote"``, ``"row"``, ``"title"``).
    ``gap_before`` says a blank line (plain text) or a paragraph break (HTML) separates it from the block before.
    ``path`` is the HTML element's short CSS-like path. ``link_density`` is the share of its characters that are
    link text (HTML only; 0 for plain text, where links are not visible).
    """

    text: str
    start: int | None = None
    end: int | None = None
    kind: str = "line"
    gap_before: bool = False
    path: str = ""
    link_density: float = 0.0


_new = tuple.__new__


def line_count(text: str) -> int:
    """How many lines ``text`` has (as :func:`text_blocks` splits it, blank ones included), without splitting."""
    breaks = text.count("\n")
    if "\r" in text:
        breaks += text.count("\r") - text.count("\r\n")
    return breaks + (bool(text) and not text.endswith(("\n", "\r")))


def text_blocks(text: str) -> list[Block]:
    """Every non-blank line of ``text`` as a block, with its offsets; blank lines only set ``gap_before``.
    Lines end at ``\\n``, ``\\r\\n`` or ``\\r``; the terminator is not part of the line."""
    if "\r" in text:
        lines = _LINE_BREAK.split(text)
        seps = [len(m.group(0)) for m in _LINE_BREAK.finditer(text)]
    else:
        lines = text.split("\n")
        seps = None
    blocks: list[Block] = []
    pos = 0
    gap = False
    for n, line in enumerate(lines):
        if line and not line.isspace():
            # tuple.__new__ directly: the NamedTuple's own __new__ is a Python function, called for every line
            blocks.append(_new(Block, (line, pos, pos + len(line), "line", gap and bool(blocks), "", 0.0)))
            gap = False
        else:
            gap = True
        pos += len(line) + (1 if seps is None else (seps[n] if n < len(seps) else 0))
    return blocks


#: Signs menus, language switchers and copyright lines show: a sign, or a white-space character other than the
#: space and the line break, or two spaces. Scans of a whole document (see :func:`lines_holding`); each opens with
#: a set of characters or a literal, so the scan skips ahead in C. Every match of the chrome detector's marks
#: (but "(c)" and "copyright") and of the banner detector's separators holds one.
SIGN_SCANS = (re.compile(r"[©·|•/»›\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000].*"),
              re.compile(r"  .*"))


def lines_holding(texts: list[str], scans, lower_scans=None) -> set[int] | None:
    """The indices of the ``texts`` in which one of the ``scans`` (compiled expressions, none of which matches a
    line break, each ending in ``.*`` so that it matches once a line at most) matches: one scan of the whole
    document each, at C speed, instead of a search of every line. None when a text holds a line break of its
    own (then each line must be searched). ``lower_scans``, if given, stand for ``scans`` in an ASCII document,
    which they scan lower-cased (ASCII keeps its length lower-cased: the offsets hold)."""
    joined = "\n".join(texts)
    if texts and joined.count("\n") != len(texts) - 1:
        return None
    if lower_scans is not None and joined.isascii():
        joined, scans = joined.lower(), lower_scans
    starts = list(accumulate(map(add, map(len, texts), repeat(1)), initial=0))  # each line and its break
    return {bisect_right(starts, m.start()) - 1 for p in scans for m in p.finditer(joined)}


def join_lines(blocks: list[Block], trailing_newline: bool) -> str:
    """Kept plain-text lines, verbatim; one blank line where ``gap_before`` says the input had any."""
    out: list[str] = []
    for i, b in enumerate(blocks):
        if i and b.gap_before:
            out.append("")
        out.append(b.text)
    if not out:
        return ""
    return "\n".join(out) + ("\n" if trailing_newline else "")
