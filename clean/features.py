"""Cheap, context-free measurements of one block, computed once and shared by every detector.

Everything here runs at C speed (regular expressions, ``str`` methods, ``map``): it is computed for every
line of millions of documents. Fields are positional (a NamedTuple is several times cheaper to make than a
frozen dataclass); ``measure`` fills them in declaration order.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

from .phrases import fold_letters, normalize
from .scripts import NO_SPACE

_SENTENCE_END = re.compile(r"[.!?！？؟।…][\"'”’»)\]]*\s|[。！？]")
_CLOSERS = "\"'”’»)] \t"
_END_CHARS = ".!?。！？؟।…:;"
NO_SPACE_CHARS = NO_SPACE  #: characters of scripts written without spaces (:mod:`clean.scripts`)


class Features(NamedTuple):
    chars: int  #: characters without surrounding white space
    size: int  #: ``chars``, each character of a script written without spaces (Chinese, Japanese, Thai...) three times
    words: int  #: \w+ tokens; in scripts written without spaces every two characters count as a word
    has_sentence: bool  #: sentence-ending punctuation inside the block or at its end
    ends_sentence: bool  #: the block ends with sentence punctuation (or a colon/semicolon)
    is_all_caps: bool  #: every cased letter is upper case, and most letters are cased
    stopword_ratio: float | None  #: function words among words, in the article's language (None: no stoplist)


def tokens(text: str) -> list[str]:
    """The words of ``text`` as the phrase data spells them (:func:`~clean.phrases.normalize`): combining marks
    stay part of their word (Hindi, Thai), letters written two ways are folded (Turkish, Romanian)."""
    return normalize(text).split()


#: What is stripped from the ends of a white-space token to get a word (cheaper than a regular expression).
_TOKEN_EDGES = "\"'“”„‘’«»‹›()[]{}<>.,;:!?¿¡…-–—/\\|*#@&%+=~^`_•·"


def measure(text: str, stopwords: frozenset[str] | None) -> Features:
    """Features of ``text`` in the article's language, whose function words are ``stopwords``."""
    s = text.strip()
    ascii_ = s.isascii()
    raw = (s.casefold() if ascii_ else fold_letters(s.casefold())).split()
    toks = list(filter(None, map(str.strip, raw, repeat(_TOKEN_EDGES, len(raw)))))
    no_space = 0 if ascii_ else len(NO_SPACE_CHARS.findall(s))
    stop_ratio = None
    if stopwords is not None and toks and not no_space:
        stop_ratio = sum(map(stopwords.__contains__, toks)) / len(toks)
    ends = s.rstrip(_CLOSERS)[-1:] in _END_CHARS if s else False
    # tuple.__new__ directly: the NamedTuple's own __new__ is a Python function, called for every line
    return _new(Features, (len(s), len(s) + 2 * no_space, len(toks) + no_space // 2,
                           ends or _SENTENCE_END.search(s) is not None, ends, s.isupper() and _cased(s), stop_ratio))


_new = tuple.__new__


def _cased(s: str) -> bool:
    """Whether most letters of ``s`` have a case: "BBC" in an Arabic sentence does not make it all caps."""
    return s.isascii() or 2 * sum(map(str.isupper, s)) >= sum(map(str.isalpha, s))
