"""Writing systems: one definition of which characters belong to which script, for every part of the cleaner.

The classes are Unicode's Script_Extensions property (scx: the scripts a character is used with, so that the
prolonged sound mark "ー" is kana and the iteration mark "々" is Han), restricted to letters and marks (general
categories L and M: "、" and "。" belong to no script here) and leaving out the combining marks shared with Latin.
``tests/test_scripts.py`` checks them against the ``regex`` module's ``\\p{scx=...}``. They are spelled out as
``re`` classes of the Basic Multilingual Plane, which Python's ``re`` tests with a bitmap: ``regex``, or ranges
beyond the plane (the rare ideographs of Han extensions B to H, historic kana), are two to three times slower on
the hot path (every line's features), and those characters are too rare to change a count.
"""

from __future__ import annotations

import re
import unicodedata

_HAN = "\u3005-\u3006\u302a-\u302d\u303b-\u303c\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9"
_KANA = ("\u3031-\u3035\u303c\u3041-\u3096\u3099-\u309a\u309d-\u309f\u30fc\uff70\uff9e-\uff9f"
         "\u3031-\u3035\u303c\u3099-\u309a\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9f")
_HANGUL = ("\u1100-\u11ff\u302e-\u302f\u3131-\u318e\ua960-\ua97c\uac00-\ud7a3\ud7b0-\ud7c6\ud7cb-\ud7fb"
           "\uffa0-\uffbe\uffc2-\uffc7\uffca-\uffcf\uffd2-\uffd7\uffda-\uffdc")
_THAI = "\u0e01-\u0e3a\u0e40-\u0e4e"
_LAO = "\u0e81-\u0e82\u0e84\u0e86-\u0e8a\u0e8c-\u0ea3\u0ea5\u0ea7-\u0ebd\u0ec0-\u0ec4\u0ec6\u0ec8-\u0ece\u0edc-\u0edf"
_KHMER = "\u1780-\u17d3\u17d7\u17dc-\u17dd"
_MYANMAR = "\u1000-\u103f\u1050-\u108f\u109a-\u109d\ua9e0-\ua9ef\ua9fa-\ua9fe\uaa60-\uaa76\uaa7a-\uaa7f"

#: Chinese characters (also the kanji of Japanese and the hanja of Korean).
HAN = re.compile(f"[{_HAN}]")
#: Japanese kana: hiragana, katakana (full and half width) and the marks they share.
KANA = re.compile(f"[{_KANA}]")
#: Korean: syllables and jamo. Korean is written with spaces between words.
HANGUL = re.compile(f"[{_HANGUL}]")
THAI = re.compile(f"[{_THAI}]")
#: Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Burmese): one of their
#: characters carries about a word's worth of a spaced script's letters.
NO_SPACE = re.compile(f"[{_HAN}{_KANA}{_THAI}{_LAO}{_KHMER}{_MYANMAR}]")

#: Names :func:`letter_script` gives letters written together with Chinese characters.
_CJK_NAMES = frozenset({"HALFWIDTH", "FULLWIDTH"})


def letter_script(ch: str) -> str | None:
    """The script of one letter, as a name: "CJK" for Chinese characters, kana and the half- and full-width
    forms written among them; otherwise the first word of its Unicode name ("LATIN", "CYRILLIC", "HANGUL", ...)."""
    if HAN.match(ch) or KANA.match(ch):
        return "CJK"
    name = unicodedata.name(ch, "").split(" ")[0]
    if not name:
        return None
    return "CJK" if name in _CJK_NAMES else name
