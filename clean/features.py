"""Cheap, context-free measurements of one block, computed once and shared by every detector.

Everything here runs at C speed (regular expressions, ``str`` methods, ``map``): it is computed for every
line of millions of documents.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"\w+")
_SENTENCE_END = re.compile(r"[.!?！？؟।…][\"'”’»)\]]*(?:\s|$)")
_END_PUNCT = re.compile(r"[.!?。！？؟।…:;][\"'”’»)\]]*\s*$")
_NO_SPACE_CHARS = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\u0e00-\u0e7f]")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Features:
    chars: int  #: characters without surrounding white space
    size: int  #: ``chars``, with each Chinese, Japanese or Thai character counted three times (it carries a word)
    words: int  #: \w+ tokens; in Chinese, Japanese and Thai every two characters count as a word
    sentences: int  #: sentence-ending punctuation followed by space or the end
    ends_sentence: bool  #: the block ends with sentence punctuation (or a colon/semicolon)
    is_all_caps: bool  #: every cased letter is upper case (and there is one)
    digit_ratio: float  #: digits among characters
    stopword_ratio: float | None  #: function words among words, in the article's language (None: no stoplist)


def tokens(text: str) -> list[str]:
    return WORD.findall(text.casefold())


def measure(text: str, stopwords: frozenset[str] | None) -> Features:
    s = text.strip()
    toks = tokens(s)
    no_space = len(_NO_SPACE_CHARS.findall(s)) if not s.isascii() else 0
    stop_ratio = None
    if stopwords is not None and toks and not no_space:
        stop_ratio = sum(map(stopwords.__contains__, toks)) / len(toks)
    return Features(
        chars=len(s),
        size=len(s) + 2 * no_space,
        words=len(toks) + no_space // 2,
        sentences=len(_SENTENCE_END.findall(s)) + s.count("。"),
        ends_sentence=bool(_END_PUNCT.search(s)),
        is_all_caps=s.isupper(),
        digit_ratio=len(_DIGIT.findall(s)) / len(s) if s else 0.0,
        stopword_ratio=stop_ratio,
    )
