"""Class-word expressions made fast without changing what they match: a word-start test moved behind the letter.

Python's regular-expression engine tries an expression's alternatives at every character of a class word; one
that opens with a letter is passed over at C speed where the letter differs, but one that opens with a test
(``(?<![a-z0-9])nav``, "a word's part starts here") runs the test first, everywhere. :func:`letter_first`
rewrites ``(?<![a-z0-9])nav`` as ``n(?<![a-z0-9]n)av`` (the same test, made after the letter is read: the
character before the letter is no letter or digit) and ``(?<![a-z0-9])(?:ad|log)`` as
``(?:a(?<![a-z0-9]a)d|l(?<![a-z0-9]l)og)``. Each alternative matches the same text at the same place, in the
same order, so every search finds the same match and group (tests/test_html_wordstart.py compares them).
"""

from __future__ import annotations

#: A word's part starts here: the start of the value, or after -, _, a space (as :mod:`.rules` spells it).
WORD_START = r"(?<![a-z0-9])"
_QUANTIFIERS = ("?", "*", "+", "{")


def _lead(alt: str) -> str | None:
    """``alt`` with the word-start test behind its first letter, or None if it does not open with a letter that
    stands alone (not quantified, not escaped)."""
    if alt[:1].isascii() and (alt[:1].isalpha() or alt[:1] == "_") and alt[1:2] not in _QUANTIFIERS:
        return f"{alt[0]}(?<![a-z0-9]{alt[0]}){alt[1:]}"
    return None


def _group_end(pattern: str, start: int) -> int:
    """The index of the ``)`` closing the group opened at ``start`` (escapes and character sets skipped)."""
    depth, i = 0, start
    while True:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = pattern.index("]", i + 2)  # a set's first character may be "]"
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1


def _alternatives(body: str) -> list[str]:
    """``body`` split at its top-level ``|``."""
    out, depth, start, i = [], 0, 0, 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i = body.index("]", i + 2)
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
        i += 1
    out.append(body[start:])
    return out


def letter_first(pattern: str) -> str:
    """``pattern`` with every :data:`WORD_START` test that stands before a letter, or before a group whose
    alternatives all open with one, moved behind that letter; any other is left where it is."""
    out, i = [], 0
    while (j := pattern.find(WORD_START, i)) >= 0:
        out.append(pattern[i:j])
        k = j + len(WORD_START)
        if pattern.startswith("(?:", k):
            end = _group_end(pattern, k)
            alts = [_lead(a) for a in _alternatives(pattern[k + 3:end])]
            if None not in alts:
                out.append("(?:" + "|".join(alts) + ")")
                i = end + 1
                continue
        elif (lead := _lead(pattern[k:k + 2])) is not None:
            out.append(lead)
            i = k + 2
            continue
        out.append(WORD_START)
        i = k
    out.append(pattern[i:])
    return "".join(out)
