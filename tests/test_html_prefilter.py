"""The cheap scans in front of the chrome-word and article-word expressions (clean.html.rules.MAY_BE_CHROME,
MAY_BE_ARTICLE) never hide a match: every word an expression finds a match in holds one of its scan's literals."""

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


@settings(max_examples=500, deadline=None)
@given(st.from_regex(rules.ARTICLE_WORDS))
def test_every_article_word_passes_the_scan(word):
    low = word.lower()
    if rules.ARTICLE_WORDS.search(low):
        assert rules.MAY_BE_ARTICLE.search(low), low


def test_ordinary_words_skip_the_expression():
    for word in ("entry-content", "wrapper", "container", "col-md-8", "row", "grid"):
        assert rules.MAY_BE_CHROME.search(word) is None, word
    for word in ("wrapper", "sidebar", "col-md-8", "post", "article"):
        assert rules.MAY_BE_ARTICLE.search(word) is None, word
