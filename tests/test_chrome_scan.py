"""The chrome detector's scan of the whole document (clean.detectors.chrome._marked_lines) finds exactly the lines
that hold a match of its reference expression _MARKED, however the text spells the marks (any case, any white
space, lines of any kind); a block holding a line break of its own has every line tested."""

import re

from hypothesis import given, settings, strategies as st

from clean.detectors import chrome

#: What the marks are made of, with their look-alikes (letters re.I folds, white space of every kind).
_PIECES = ["copyright", "COPYRIGHT", "CopyRİght", "copyrıght", "(c)", "(C)", "©", "·", "|", "•", "/", "»", "›",
           "\t", " ", "  ", "\xa0", "\u3000", "\u2028", "\r", "\x0b", "y", "r", "Y", "R", "c", "(", ")", "a", "word",
           "\n"]


def _reference(texts: list[str]) -> set[int]:
    if any("\n" in t for t in texts):  # a block with a line break of its own: every line is tested
        return set(range(len(texts)))
    return {i for i, t in enumerate(texts) if chrome._MARKED.search(t)}


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=8))
def test_the_scan_finds_the_lines_the_expression_marks(texts):
    assert chrome._marked_lines(texts) == _reference(texts)


@given(st.lists(st.text(max_size=30), max_size=6))
def test_the_scan_on_any_text(texts):
    assert chrome._marked_lines(texts) == _reference(texts)


def test_marks_in_every_case_are_found():
    texts = ["plain words", "© 2024", "COPYRİGHT 2020", "a   b", "x\u3000\u3000 y", "Home | News", "(C) 2019", "pyre"]
    assert chrome._marked_lines(texts) == {1, 2, 3, 4, 5, 6}
    assert re.search("yr", texts[7])  # a candidate the expression then rejects


def _separated(texts: list[str]) -> set[int] | None:
    """The lines the banner detector's scan of the whole document finds holding a separator (None: every line is
    tested)."""
    from clean.blocks import SIGN_SCANS, lines_holding
    from clean.detectors import language

    maybe = lines_holding(texts, SIGN_SCANS)
    return None if maybe is None else {i for i in maybe if language._HAS_SEPARATOR.search(texts[i])}


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_PIECES), max_size=12).map("".join), max_size=8))
def test_the_separator_scan_finds_the_lines_with_a_separator(texts):
    from clean.detectors import language

    expected = None if any("\n" in t for t in texts) else {
        i for i, t in enumerate(texts) if language._HAS_SEPARATOR.search(t)}
    assert _separated(texts) == expected


def test_separators_of_every_kind_are_found():
    assert _separated(["EN | DE", "a  b", "a\u2003\u2003b", "a\xa0 b", "one two", "x/y", "A · B", "plain"]) == {
        0, 1, 2, 3, 5, 6}
