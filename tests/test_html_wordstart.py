"""clean.html.wordstart.letter_first changes no match: each class-word expression of clean.html.rules, rewritten,
finds the same span and group as written in every word (words drawn from every family, and any text)."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from clean.html import rules
from clean.html.wordstart import WORD_START, letter_first

_CHROME = "|".join(f"(?P<{k}>{v})" for k, v in rules._FAMILIES.items())
_AS_WRITTEN = re.compile(_CHROME)
_WORDS = st.sampled_from(["", "-", "_", " ", "x", "1", "ad", "nav", "post", "main-", "__", "a-", "9"])


def _found(pattern: re.Pattern, text: str):
    m = pattern.search(text)
    return None if m is None else (m.span(), m.lastgroup)


def test_every_word_start_test_is_moved():
    assert WORD_START in _CHROME and WORD_START not in rules.CHROME_WORDS.pattern
    assert WORD_START not in rules.MAY_BE_CHROME.pattern and WORD_START not in rules.ARTICLE_WORDS.pattern


@pytest.mark.parametrize("family", sorted(rules._FAMILIES))
@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_a_family_word_is_found_alike(family, data):
    word = data.draw(st.from_regex(re.compile(rules._FAMILIES[family])))
    # the match in a longer word: what stands before it decides the word-start tests
    for text in (word, data.draw(_WORDS) + word + data.draw(_WORDS), word.lower()):
        assert _found(rules.CHROME_WORDS, text) == _found(_AS_WRITTEN, text), text


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcdeghilmnoprstuvwx-_ 19", max_size=24))
def test_any_text_is_found_alike(text):
    assert _found(rules.CHROME_WORDS, text) == _found(_AS_WRITTEN, text)


def test_the_rewrite():
    assert letter_first(WORD_START + "nav") == "n(?<![a-z0-9]n)av"
    assert letter_first(WORD_START + "(?:ad|log)") == "(?:a(?<![a-z0-9]a)d|l(?<![a-z0-9]l)og)"
    # what does not open with a letter standing alone keeps its test in front
    for kept in (WORD_START + "a?b", WORD_START + r"\w", WORD_START + "(?:ab|c*)", WORD_START + "[ab]"):
        assert letter_first(kept) == kept
    assert letter_first("x[(|]" + WORD_START + "(?:a[)|]|b)") == "x[(|](?:a(?<![a-z0-9]a)[)|]|b(?<![a-z0-9]b))"


_ARTICLE_AS_WRITTEN = re.compile(rules._ARTICLE_WORDS)
_WEAK_AS_WRITTEN = re.compile(rules._WEAK_ARTICLE_WORDS)
_MAY_AS_WRITTEN = re.compile("|".join([*map(re.escape, rules._CHROME_LITERALS), rules._MAY_BE_CHROME_PARTS]))


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet="abcdeghilmnoprstuvwxy-_ 19", max_size=24))
def test_the_chrome_scan_and_the_article_words_alike(text):
    assert bool(rules.MAY_BE_CHROME.search(text)) == bool(_MAY_AS_WRITTEN.search(text))
    assert _found(rules.WEAK_ARTICLE_WORDS, text) == _found(_WEAK_AS_WRITTEN, text)
    assert _found(rules.ARTICLE_WORDS, text) == _found(_ARTICLE_AS_WRITTEN, text)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_an_article_word_is_found_alike(data):
    word = data.draw(st.from_regex(_ARTICLE_AS_WRITTEN)) + data.draw(_WORDS)
    assert _found(rules.ARTICLE_WORDS, word) == _found(_ARTICLE_AS_WRITTEN, word)
    assert bool(rules.MAY_BE_CHROME.search(word)) == bool(_MAY_AS_WRITTEN.search(word))
