"""Per-language phrase data (``clean/data/phrases/<lang>.txt``) and the matcher built from it.

The files are data, not code: each says where its wording comes from, and its sections are
:class:`~clean.reasons.Reason` codes. The format is documented in ``clean/data/phrases/README.md``.
All languages are matched against every line, because a notice is usually in *another* language than the
article it sits on. Matching is one dictionary look-up for whole lines and line heads, and one scan of a
trie-shaped regular expression for contained phrases, so adding languages costs little per line.
"""

from __future__ import annotations

import re
import string
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import Iterable, Mapping

from .composed import SECTIONS as COMPOSED_SECTIONS, Composer
from .datafile import read_entries
from .reasons import Reason
from .scripts import NO_SPACE

#: A separator: a colon or a guillemet anywhere, a dash or bar only with a space before it ("e-mail" is a word).
HEAD_SEPARATOR = re.compile(r"[:|»›]|\s[-–—>•·]")
#: A line's head is looked for in its first characters only: heads are a few words.
HEAD_MAX_CHARS = 60


def _mark_class() -> str:
    """Combining marks of the Basic Multilingual Plane as a character class body. ``\\w`` leaves them out, but
    they are part of words: Indic vowel signs and viramas, Thai vowels, Arabic harakat."""
    ranges, start, prev = [], None, None
    for cp in range(0x300, 0x10000):
        if unicodedata.category(chr(cp)) in ("Mn", "Mc", "Me"):
            if start is None:
                start = cp
            elif cp != prev + 1:
                ranges.append((start, prev))
                start = cp
            prev = cp
    if start is not None:
        ranges.append((start, prev))
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


_MARKS = _mark_class()
_MARK = re.compile("[" + _MARKS + "]")
#: A run of anything that is not part of a word: not a letter, digit or combining mark (and "_").
_PUNCT_RUN = re.compile(r"(?:[^\w" + _MARKS + r"]|_)+")
#: The same, cheaper, for text without combining marks (most text, after NFKC).
_PUNCT_RUN_NO_MARKS = re.compile(r"[\W_]+")
#: What the runs of :data:`_PUNCT_RUN` and :data:`_PUNCT_RUN_NO_MARKS` leave between them: the words.
_WORD_RUN = re.compile(r"(?:[^\W_]|[" + _MARKS + r"])+")
_WORD_RUN_NO_MARKS = re.compile(r"[^\W_]+")
#: Every Latin-1 character :data:`_PUNCT_RUN_NO_MARKS` matches to a space, the rest as they are.
_LATIN1_FOLD = bytes(ord(" ") if _PUNCT_RUN_NO_MARKS.match(chr(b)) else b for b in range(256))
_EDGE_NUMBERS = re.compile(r"^(?:\d+ )+|(?: \d+)+$")
STOPWORDS_SECTION = "stopwords"
COMMENT_COUNT_SECTION = "comment-count"
#: Sections that hold plain word lists rather than phrases of a reason.
#: The words of lines read by their words (:mod:`clean.composed`): related-list heads, share buttons.
WORD_SECTIONS = (STOPWORDS_SECTION, COMMENT_COUNT_SECTION, *COMPOSED_SECTIONS)
_REASON_CODES = frozenset(r.value for r in Reason)


#: ASCII punctuation to a space, upper case to lower, as a table of bytes: ASCII text is normalized as bytes, where
#: a translation is one table look-up a byte (``str.translate`` looks every character up in a dict, five times
#: slower).
_ASCII_FOLD = bytes(ord(" ") if chr(b) in string.punctuation else ord(chr(b).lower()) for b in range(128)) \
    + bytes(range(128, 256))


def fold_letters(folded: str) -> str:
    """One spelling for letters written two ways, in casefolded text: the dot Turkish "İ" leaves after
    casefolding goes; Romanian s and t with a cedilla become the comma-below letters."""
    if "\u0307" in folded:
        folded = folded.replace("\u0307", "")
    if "ş" in folded or "ţ" in folded:
        folded = folded.replace("ş", "ș").replace("ţ", "ț")
    return folded


def normalize(text: str) -> str:
    """Casefold, NFKC, every run of punctuation/symbols to one space, trimmed."""
    if text.isascii():  # the common case, several times faster as bytes
        return " ".join(text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split())
    folded = fold_letters(unicodedata.normalize("NFKC", text).casefold())
    if folded and max(folded) <= "\xff":  # Latin-1 (no combining marks there): as bytes, through one table
        return " ".join(folded.encode("latin-1").translate(_LATIN1_FOLD).decode("latin-1").split())
    # the words between the runs of punctuation, found in one scan (cheaper than replacing every run)
    return " ".join((_WORD_RUN if _MARK.search(folded) else _WORD_RUN_NO_MARKS).findall(folded))


def normalize_split(text: str) -> tuple[str, list[str]]:
    """:func:`normalize` of ``text`` and its words (the normalized text split), for callers that need both: the
    ASCII path has the words on its way."""
    if text.isascii():
        words = text.encode("ascii").translate(_ASCII_FOLD).decode("ascii").split()
        return " ".join(words), words
    norm = normalize(text)
    return norm, norm.split()


def whole_key(text: str, norm: str | None = None) -> str:
    """The key a whole line is looked up by: normalized (``norm``, if known), without counters at its edges
    ("Comments (12)")."""
    return _without_counters(normalize(text) if norm is None else norm)


def _without_counters(norm: str) -> str:
    if norm[:1].isdigit() or norm[-1:].isdigit():
        return _EDGE_NUMBERS.sub("", norm).strip()
    return norm


def head_key(text: str) -> str | None:
    """The normalized head of a line before its first separator, or None if it has none."""
    m = HEAD_SEPARATOR.search(text, 0, HEAD_MAX_CHARS)
    if m is None:
        return None
    return whole_key(text[: m.start()]) or None


@dataclass(frozen=True)
class Phrase:
    reason: Reason
    lang: str
    kind: str  # "whole" | "head" | "contains"
    text: str
    #: for a line read by its words (:mod:`clean.composed`), not found as a phrase of the data: what was read
    read: str = ""

    @property
    def detail(self) -> str:
        if self.kind.startswith(MEANING):
            return self.text  # what the grammar read, already worded for --explain
        if self.read:
            return f"{self.lang}:{self.read}"
        mark = {"whole": "=", "head": "^", "contains": ""}[self.kind]
        return f"{self.lang}:{mark}{self.text}"


class LineMatch(tuple):
    """The phrases found in one line (a tuple of :class:`Phrase`; empty, and false, when none): whole-line and
    head matches first, which say most strongly what the line is. A tuple, so that the test every detector
    makes of every line, ``if match:``, costs nothing."""

    __slots__ = ()

    def get(self, *reasons: Reason, kinds: tuple[str, ...] = ("whole", "head", "contains")) -> Phrase | None:
        for p in self:
            if p.reason in reasons and p.kind in kinds:
                return p
        return None


NO_MATCH = LineMatch(())
#: The kind of a :class:`Phrase` that is a reading of the translation grammar (:mod:`clean.lexicon`), not a phrase
#: of the data: ``meaning:<strength>:<head|in>:<tool|machine|->``.
MEANING = "meaning"


def meaning_kinds(*strengths: str, head_only: bool = False, agents: tuple[str, ...] = ("tool", "machine", "-"),
                  ) -> tuple[str, ...]:
    """The kinds of grammar readings of the given strengths (see :class:`clean.lexicon.Reading`), opening the
    line or anywhere in it (``head_only``), whose agent is one of ``agents`` ("-": a reading without one)."""
    where = ("head",) if head_only else ("head", "in")
    return tuple(f"{MEANING}:{s}:{w}:{a}" for s in strengths for w in where for a in agents)


def parse_phrase_file(text: str, lang: str) -> tuple[list[Phrase], dict[str, list[str]]]:
    """Parse one phrase file into its phrases and its word lists (``stopwords``, ``comment-count``).
    Raises ValueError on a malformed file."""
    phrases: list[Phrase] = []
    word_lists: dict[str, list[str]] = {name: [] for name in WORD_SECTIONS}
    for section, line in read_entries(text, f"{lang}.txt", WORD_SECTIONS + tuple(_REASON_CODES)):
        if section in WORD_SECTIONS:
            word_lists[section].append(normalize(line))
            continue
        kind, body = ("whole", line[1:]) if line[0] == "=" else ("head", line[1:]) if line[0] == "^" else (
            "contains", line)
        key = whole_key(body) if kind != "contains" else normalize(body)
        if key:
            phrases.append(Phrase(Reason(section), lang, kind, key))
    return phrases, word_lists


def _trie_pattern(words: Iterable[str]) -> str:
    """A regular expression matching any of ``words``, shaped as a trie so the scan does not backtrack."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def build(node: dict) -> str:
        end = "" in node
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if end else body

    return build(trie)


class Phrasebook:
    """All phrases of all languages, ready to match lines. Immutable once built."""

    def __init__(self, phrases: Iterable[Phrase], stopwords: Mapping[str, Iterable[str]],
                 comment_counts: Iterable[str] = (), promo=None, meaning=None,
                 composed: Mapping[str, Mapping[str, Iterable[str]]] | None = None):
        from .promo_lexicon import Lexicon

        #: the promo lexicons (:mod:`clean.promo_lexicon`); empty unless given
        self.promo: Lexicon = promo if promo is not None else Lexicon().index()
        self._whole: dict[str, tuple[Phrase, ...]] = {}
        self._head: dict[str, tuple[Phrase, ...]] = {}
        contains: dict[str, list[Phrase]] = {}
        for p in phrases:
            if p.kind == "whole":
                self._whole[p.text] = self._whole.get(p.text, ()) + (p,)
            elif p.kind == "head":
                self._head[p.text] = self._head.get(p.text, ()) + (p,)
            else:
                key = p.text if NO_SPACE.search(p.text) else f" {p.text} "
                contains.setdefault(key, []).append(p)
        # Spaced phrases are found through an anchor, their longest word (long words are rare): a set
        # intersection with the line's words finds the few candidates, a substring test confirms each.
        anchors: dict[str, list[tuple[str, tuple[Phrase, ...]]]] = {}
        bare: dict[str, tuple[Phrase, ...]] = {}
        for key, ps in sorted(contains.items()):
            if key.endswith(" "):
                anchor = max(key.split(), key=lambda w: (len(w), w))
                anchors.setdefault(anchor, []).append((key, tuple(ps)))
            else:
                bare[key] = tuple(ps)
        self._anchors = {a: tuple(v) for a, v in anchors.items()}
        self._anchor_set = frozenset(self._anchors)
        self._bare = bare
        # Phrases in scripts without spaces are matched as substrings, through one trie-shaped expression.
        self._bare_re = re.compile(_trie_pattern(bare)) if bare else None
        self.stopwords: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in stopwords.items() if v}
        #: words that follow a count in a comment section's head, all languages together
        self.comment_counts: frozenset[str] = frozenset(comment_counts)
        #: the translation grammar (:class:`clean.lexicon.Lexicon`), or None: phrases only; it reads lines of
        #: up to ``meaning_words`` words (longer ones are read by the detectors where it matters)
        self.meaning = meaning
        self.meaning_words = getattr(meaning, "EAGER_WORDS", None)
        index: dict[str, list[str]] = {}
        for lang, words in sorted(self.stopwords.items()):
            for w in words:
                index.setdefault(w, []).append(lang)
        # each word's languages and the share of a vote each gets, worked out once
        self._stop_index = {w: (tuple(langs), 1.0 / len(langs)) for w, langs in index.items()}
        #: lines read by their words: related-list heads, share buttons (:mod:`clean.composed`)
        self.composer = Composer(composed or {}, self.stopwords)
        self.languages = tuple(sorted({p.lang for p in self._iter_all()} | set(self.stopwords)))
        # a word of each head phrase (a line's head is a prefix of its words), every anchor, every word a
        # composition needs and every verb of the promo lexicons: a line that holds none of them, is no
        # whole-line phrase, opens with no promo label and has no word of the grammar is read as nothing
        self._gate_words = frozenset(max(k.split(), key=len) for k in self._head) | self._anchor_set \
            | self.composer.words | self.promo.verb_words

    def silent(self, line: str, norm: str, key: str, key_words: list[str], norm_words: list[str]) -> bool:
        """True only if ``line`` (:func:`normalize` ``norm``, its words ``norm_words``; :func:`whole_key` ``key``,
        its words ``key_words``) holds no phrase (:meth:`match` finds nothing) and does nothing the promo lexicons
        read (:func:`clean.detectors.promo.read_line` reads nothing): one dictionary look-up and a few set tests,
        where the matchers each test the line on their own. Most lines are silent. A line in a script written
        without spaces never is (its phrases are found as substrings).

        A line's head (:func:`head_key`) is cut at a separator, which normalizes to a space: its words are the
        first words of the line's, so a word of each head phrase stands for them all."""
        if not norm.isascii() and NO_SPACE.search(norm) is not None:
            return False
        return (key not in self._whole and self._gate_words.isdisjoint(norm_words)
                and not (key_words and key_words[0] in self.promo.label_words)
                and (self.meaning is None or self.meaning.silent(norm_words, norm, line)))

    def _iter_all(self):
        for group in (self._whole, self._head, self._bare):
            for ps in group.values():
                yield from ps
        for entries in self._anchors.values():
            for _, ps in entries:
                yield from ps

    def stopword_votes(self, tokens: Iterable[str]) -> dict[str, float]:
        """For each language, how many of ``tokens`` (casefolded words) are its function words; a word shared by
        k languages gives each 1/k."""
        votes: dict[str, float] = {}
        get = self._stop_index.get
        for t in tokens:
            found = get(t)
            if found:
                langs, share = found
                for lang in langs:
                    votes[lang] = votes.get(lang, 0.0) + share
        return votes

    def heads(self, text: str) -> tuple[Phrase, ...]:
        """The line-head phrases ``text`` opens with (see :func:`head_key`): the credit label opening the bracket
        at a caption's end ("(Bild: Name)") is read as a line of its own."""
        key = head_key(text)
        return self._head.get(key, ()) if key else ()

    def match(self, line: str, contains: bool = True, norm: str | None = None, key: str | None = None,
              words: list[str] | None = None) -> LineMatch:
        """Every phrase found in ``line`` (whose :func:`normalize` is ``norm``, :func:`whole_key` ``key`` and the
        key's words ``words``, if known): whole-line and head matches first, then contained phrases."""
        found: list[Phrase] = []
        norm = normalize(line) if norm is None else norm
        key = _without_counters(norm) if key is None else key
        if not key:
            return NO_MATCH
        whole = self._whole.get(key)
        if whole:
            found.extend(whole)
        elif self.composer:
            if words is None:
                words = key.split()
            r = self.composer.read(line, key, words)
            if r is not None:
                found.append(Phrase(r.reason, r.lang, "whole", key, r.detail))
        head = head_key(line)
        if head:
            found.extend(self._head.get(head, ()))
        if contains:
            if words is None:  # the grammar reads the same words, unless counters at the edges were cut off
                words = key.split()
            hits = self._anchor_set.intersection(words)
            if hits:
                padded = f" {key} "
                for anchor in sorted(hits):
                    for phrase, ps in self._anchors[anchor]:
                        if phrase in padded:
                            found.extend(ps)
            if self._bare_re is not None and not key.isascii() and NO_SPACE.search(key):
                for m in self._bare_re.finditer(key):
                    found.extend(self._bare[m.group(0)])
            if self.meaning is not None:
                r = self.meaning.read(line, norm, self.meaning_words, words if key == norm else None)
                if r is not None:
                    where = "head" if r.at_head else "in"
                    found.append(Phrase(Reason(r.reason), "", f"{MEANING}:{r.strength}:{where}:{r.agent or '-'}",
                                        r.detail))
        return LineMatch(tuple(found)) if found else NO_MATCH


def load_phrasebook(package: str = "clean.data.phrases") -> Phrasebook:
    """Read every ``<lang>.txt`` of the phrase data folder. Raises ValueError naming a malformed file."""
    phrases: list[Phrase] = []
    stop: dict[str, list[str]] = {}
    counts: list[str] = []
    composed: dict[str, dict[str, list[str]]] = {section: {} for section in COMPOSED_SECTIONS}
    folder = resources.files(package)
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        lang = entry.name[:-4]
        ps, words = parse_phrase_file(entry.read_text(encoding="utf-8"), lang)
        phrases.extend(ps)
        stop[lang] = words[STOPWORDS_SECTION]
        counts.extend(words[COMMENT_COUNT_SECTION])
        for section in COMPOSED_SECTIONS:
            if words[section]:
                composed[section][lang] = words[section]
    from .lexicon import load_lexicon  # imports this module
    from .promo_lexicon import load_lexicon as load_promo_lexicon

    return Phrasebook(phrases, stop, counts, promo=load_promo_lexicon(), meaning=load_lexicon(), composed=composed)
