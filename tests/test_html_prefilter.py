"""The cheap scan in front of the chrome-word expression (clean.html.rules.MAY_BE_CHROME) never hides a match:
every word the expression finds a chrome word in holds one of the scan's literals."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from clean.html import rules


@pytest.mark.parametrize("family", sorted(rules._FAMILIES))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_every_match_of_a_family_passes_the_scan(family, data):
    word = data.draw(st.from_regex(re.compile(rules._FAMILIES[family])))
    low = word.lower()
    if rules.CHROME_WORDS.search(low):  # lower-casing may undo the match
        assert rules.MAY_BE_CHROME.search(low), low


def test_ordinary_words_skip_the_expression():
    for word in ("entry-content", "wrapper", "container", "col-md-8", "row", "grid"):
        assert rules.MAY_BE_CHROME.search(word) is None, word
