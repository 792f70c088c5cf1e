"""What a line says about translation: per-language lexicons (``clean/data/translation/<lang>.txt``), tool names
and CLDR language names, and the grammar that reads a line with them.

A notice is recognised by its meaning, not its wording: an act of translation (translate, traduire, übersetzen,
перевод, 翻译 ...) done by a machine, an AI or a named tool, or a translation whose original prevails. A widget
string offers to translate, names the source language, or offers the original; a banner says the text is available
or readable in a named language. Each lexicon lists, for one language, the words of each such category; the
grammar (:meth:`Lexicon.read`) combines the categories found in a line into readings, which the translation and
language detectors weigh with the line's length and position.

Matching is one regular expression per category, shaped as a trie, over the normalized line (words separated by
single spaces), so a line costs a handful of scans whatever the number of languages; a gate expression (words of
translating, the original, availability) skips the rest for the many lines that hold none.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from operator import itemgetter
from importlib import resources
from typing import Iterable, Mapping

from .datafile import read_entries
from .phrases import _trie_pattern, normalize

#: The sections of a lexicon file, each a category of words.
CATEGORIES = ("this", "translate", "translator", "machine", "original", "prevails", "available", "show", "document", "cue", "language")
#: Scripts written without spaces between words: their entries are matched anywhere in a line.
_NO_SPACE = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]")
_MARKS = re.compile(r"[\u0300-\u036f]")
#: A language name is also recognised inflected ("Englischen", "английском"): by a stem of at least this many
#: characters (the name without its last two), for names of at least STEM_MIN_NAME characters.
STEM_MIN = 4
STEM_MIN_NAME = 5
#: Lines up to this many words are read with the phrase scan, once per line (every banner, widget string and
#: short notice); longer ones only where a notice can be, at the document's edges, by the detectors.
EAGER_WORDS = 30
#: The gate compares the first this many characters of a line's words with those of the lexicon's entries.
HEAD = 5
_HEAD_OF = itemgetter(slice(0, HEAD))
#: A Latin-letter language name this short counts only capitalized.
SHORT_NAME = 4
#: At most this many characters may follow a name's stem in an inflected form.
STEM_MAX_TAIL = 5


@dataclass(frozen=True)
class Hit:
    category: str
    text: str
    start: int
    end: int


def fold_marks(text: str) -> str:
    """``text`` without combining accents ("yorùbá" -> "yoruba"), for names written with and without them."""
    return _MARKS.sub("", unicodedata.normalize("NFD", text)) if not text.isascii() else text


def parse_lexicon(text: str, name: str) -> dict[str, list[str]]:
    """One lexicon file: its entries by category (``*`` ends a stem; ``!`` starts a case-sensitive word).
    Raises ValueError on a malformed file."""
    out: dict[str, list[str]] = {}
    for section, line in read_entries(text, name):
        out.setdefault(section, []).append(line)
    return out


class _Category:
    """One category's words, compiled: spaced words (after a space, so that the scan jumps from space to space),
    words of scripts without spaces (anywhere), and case-sensitive acronyms (in the raw line)."""

    __slots__ = ("spaced", "bare", "cased", "heads", "short", "short_ascii", "_short_heads")

    def __init__(self, entries: Iterable[str]):
        exact, stems, bare, cased = set(), set(), set(), set()
        heads: set[str] = set()
        short: dict[int, set[str]] = {}
        for e in entries:
            if e.startswith("!"):
                cased.add(e[1:])
                continue
            key = normalize(e.rstrip("*"))
            if not key:
                continue
            if _NO_SPACE.search(key):
                bare.add(key)
                continue
            (stems if e.endswith("*") else exact).add(key)
            # the entry is looked for through its longest word, the rarest ("discrepancy" of "in case of
            # discrepancy"); a stem's last word is only the start of a word
            parts = key.split()
            anchor = max(range(len(parts)), key=lambda k: (len(parts[k]), -k))
            word = parts[anchor]
            if e.endswith("*") and anchor == len(parts) - 1 and len(word) < HEAD:
                short.setdefault(len(word), set()).add(word)  # a short stem: "번역*"
            else:
                heads.add(word[:HEAD])
        alts = ([f"(?:{_trie_pattern(exact)})(?= )"] if exact else []) + ([_trie_pattern(stems)] if stems else [])
        self.spaced = re.compile(" (?:" + "|".join(alts) + ")") if alts else None
        self.bare = re.compile(_trie_pattern(bare)) if bare else None
        # an acronym ("AI", "KI", "IA") is bounded by Latin letters only, as in "由AI翻译"
        self.cased = re.compile(r"(?<![A-Za-z0-9])(?:" + _trie_pattern(cased) + r")(?![A-Za-z0-9])") if cased else None
        #: the first HEAD characters of each entry's longest word (the whole word if shorter), and the stems
        #: shorter than that by length: a line none of whose words start so cannot match (set tests, no scan)
        self.heads = frozenset(heads)
        self.short = tuple((n, frozenset(p)) for n, p in sorted(short.items()))
        self.short_ascii = tuple((n, a) for n, p in self.short if (a := frozenset(w for w in p if w.isascii())))
        #: the same, each length as a getter of a word's first n characters (mapped over a line's words in C)
        self._short_heads = tuple(tuple((itemgetter(slice(0, n)), p) for n, p in short)
                                  for short in (self.short, self.short_ascii))

    def may_match(self, words: list[str], heads: set[str], padded: str, raw: str, spaceless: bool) -> bool:
        """False only if nothing of the category can be in the line: ``heads`` are the line's words cut to
        HEAD characters."""
        if not self.heads.isdisjoint(heads):
            return True
        short = self._short_heads[padded.isascii()]
        return ((bool(short) and any(not p.isdisjoint(map(head, words)) for head, p in short))
                or bool(spaceless and self.bare is not None and self.bare.search(padded))
                or bool(self.cased is not None and self.cased.search(raw)))

    def search(self, words: list[str], heads: set[str], padded: str, raw: str, spaceless: bool) -> bool:
        """Whether the category has a word in the line: the set tests first, the scan only if they pass."""
        return self.may_match(words, heads, padded, raw, spaceless) and bool(
            (self.spaced is not None and self.spaced.search(padded))
            or (spaceless and self.bare is not None and self.bare.search(padded))
            or (self.cased is not None and self.cased.search(raw)))

    def hits(self, name: str, padded: str, raw: str, spaceless: bool) -> list[Hit]:
        found = []
        if self.spaced is not None:
            found += [Hit(name, _word(padded, m.start() + 1, m.end()), m.start() + 1, m.end())
                      for m in self.spaced.finditer(padded)]
        if spaceless and self.bare is not None:
            found += [Hit(name, m.group(0), m.start(), m.end()) for m in self.bare.finditer(padded)]
        if self.cased is not None:
            found += [Hit(name, m.group(0), -1, -1) for m in self.cased.finditer(raw)]
        return found


@dataclass(frozen=True)
class Reading:
    """What a line says: a reason code (``mt-notice``, ``translation-widget``, ``language-banner``), how strong the
    evidence is, and the words that decided it (for ``--explain``)."""

    reason: str
    #: "deictic" (says "this page", "dieser Artikel", "この記事"), "strong" (names a document, errors, the original),
    #: "weak" (no such cue: short lines only)
    strength: str
    detail: str
    at_head: bool  #: the deciding words open the line ("Read in English ...", "Translated by ...")
    agent: str = ""  #: a notice's agent: "tool" (Google, DeepL ...) or "machine" (machine, automatic, AI)


class Lexicon:
    """All lexicons, tool names and language names, compiled; immutable once built."""

    EAGER_WORDS = EAGER_WORDS

    def __init__(self, entries: Mapping[str, Iterable[str]], tools: Iterable[str], names: Mapping[str, str]):
        self._categories = {c: _Category(entries.get(c, ())) for c in CATEGORIES}
        self._categories["tool"] = _Category(tools)
        # most lines say nothing of translation: these words open every reading but a banner's
        self._gate = _Category(e for c in ("translate", "original", "prevails") for e in entries.get(c, ()))
        available = self._categories["available"]
        self._ascii_heads = frozenset(h for h in self._gate.heads | available.heads if h.isascii())
        self._ascii_short = self._gate.short_ascii + available.short_ascii
        self.names: dict[str, str] = {}
        for key, codes in names.items():
            self.names.setdefault(key, codes)
            self.names.setdefault(fold_marks(key), codes)
        self._stems = frozenset(k[:max(STEM_MIN, len(k) - 2)] for k in self.names
                                if len(k) >= STEM_MIN_NAME and " " not in k and not _NO_SPACE.search(k))
        self._stem_lengths = sorted({len(s) for s in self._stems})
        bare = [k for k in self.names if _NO_SPACE.search(k)]
        self._bare_names = re.compile(_trie_pattern(bare)) if bare else None
        self._longest_name = max((k.count(" ") + 1 for k in self.names), default=1)

    # -- language names -------------------------------------------------------------------------------------
    def is_language_name(self, item: str) -> bool:
        """Whether ``item`` (a switcher entry) is a language's name in some language, as CLDR spells it."""
        key = normalize(item)
        return bool(key) and (key in self.names or fold_marks(key) in self.names)

    def language_names(self, norm: str, raw: str = "") -> list[str]:
        """The language names in a normalized line (``raw``: the line as written), inflected forms included. A
        name of a few Latin letters counts only capitalized ("Lets" is Latvian in Dutch; "lets" is a verb)."""
        found = []
        words = norm.split()
        for i, w in enumerate(words):
            for n in range(min(self._longest_name, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n])
                if phrase in self.names or (n == 1 and fold_marks(phrase) in self.names):
                    if n > 1 or len(phrase) > SHORT_NAME or not phrase.isascii() or phrase.capitalize() in raw:
                        found.append(phrase)
                    break
            else:
                for size in self._stem_lengths:
                    if size > len(w):
                        break
                    if w[:size] in self._stems and len(w) - size <= STEM_MAX_TAIL:
                        found.append(w)
                        break
        if self._bare_names is not None and not norm.isascii() and _NO_SPACE.search(norm):
            found.extend(m.group(0) for m in self._bare_names.finditer(norm))
        return found

    # -- the grammar ----------------------------------------------------------------------------------------
    def _hits(self, padded: str, raw: str, spaceless: bool) -> dict[str, list[Hit]]:
        hits: dict[str, list[Hit]] = {}
        for c, category in self._categories.items():
            found = category.hits(c, padded, raw, spaceless)
            if found:
                hits[c] = found
        return hits

    def silent_ascii(self, words: list[str]) -> bool:
        """Whether an ASCII line whose normalized words are ``words`` has no word any reading starts from (then
        :meth:`read` reads nothing in it): set tests only."""
        return self._ascii_heads.isdisjoint(map(_HEAD_OF, words)) and (
            not self._ascii_short or not any(not p.isdisjoint([w[:n] for w in words]) for n, p in self._ascii_short))

    def silent(self, words: list[str], norm: str, line: str) -> bool:
        """Whether line ``line`` (``norm`` normalized, ``words`` its words) has no word any reading starts from, in
        any script (then :meth:`read` reads nothing in it): :meth:`silent_ascii`, or the tests :meth:`read`
        makes before it looks for any word."""
        if norm.isascii():
            return self.silent_ascii(words)
        heads = set(map(_HEAD_OF, words))
        padded = f" {norm} "
        spaceless = _NO_SPACE.search(norm) is not None
        return not self._gate.may_match(words, heads, padded, line, spaceless) and \
            not self._categories["available"].may_match(words, heads, padded, line, spaceless)

    def read(self, line: str, norm: str | None = None, max_words: int | None = None,
             words: list[str] | None = None) -> Reading | None:
        """What ``line`` says about translation, or None: see the module. Cheap for lines that say nothing.
        ``norm`` is the line normalized (:func:`~clean.phrases.normalize`) and ``words`` its words, if the caller
        has them; a line of more than ``max_words`` words is not read."""
        if norm is None:
            norm = normalize(line)
        if words is None:
            words = norm.split()
        if not words or (max_words is not None and len(words) > max_words):
            return None
        if norm.isascii() and self.silent_ascii(words):
            return None  # most lines: no word any reading starts from
        heads = set(map(_HEAD_OF, words))
        padded = f" {norm} "
        spaceless = not norm.isascii() and _NO_SPACE.search(norm) is not None
        if not self._gate.search(words, heads, padded, line, spaceless):
            # no word of translating or of the original: a banner or nothing
            available = self._categories["available"]
            if not available.search(words, heads, padded, line, spaceless):
                return None
            hits = {c: found for c in ("available", "language", "document")
                    if (found := self._categories[c].hits(c, padded, line, spaceless))}
        else:
            hits = self._hits(padded, line, spaceless)
        tools = hits.get("tool", [])
        # a word of translating that is only part of a tool's name is no act ("Google Translate adds ..."),
        # unless the name ends the line ("Powered by Google Translate", "Được Google dịch")
        inner = [t for t in tools if padded[t.end:].strip()]
        # nor is a translator (a person: "Translators say ...")
        people = hits.get("translator", [])
        acts = [h for h in hits.get("translate", ())
                if not any(t.start <= h.start and h.end <= t.end for t in inner if h.start >= 0)
                and not any(p.start == h.start or (h.start < 0 and h.text in p.text) for p in people)]
        agents = hits.get("machine", []) + [t for t in tools if not any(a.start <= t.start < a.end for a in acts)]
        head = padded[:24]
        deictic = "document" in hits and "this" in hits
        cue = "document" in hits or "cue" in hits or "prevails" in hits or "original" in hits
        strength = "deictic" if deictic else "strong" if cue else "weak"

        def quote(*groups: list[Hit]) -> str:
            """The deciding words as the line has them, neighbours joined: '"traduit automatiquement"'."""
            spans = sorted({(h.start, h.start + len(h.text)) for g in groups for h in g[:2] if h.start >= 0})
            merged: list[list[int]] = []
            for a, b in spans:
                if merged and a <= merged[-1][1] + 1:
                    merged[-1][1] = max(merged[-1][1], b)
                else:
                    merged.append([a, b])
            words = [padded[a:b] for a, b in merged]
            words += sorted({h.text for g in groups for h in g[:2] if h.start < 0})  # acronyms: "AI"
            return " ".join(f'"{w}"' for w in words)

        if acts and agents:
            agent = "machine" if hits.get("machine") else "tool"
            return Reading("mt-notice", strength, f"translation + {agent} agent: {quote(acts, agents)}"
                           if agent == "machine" else f"translation + tool: {quote(acts, agents)}",
                           any(h.start < len(head) for h in acts + agents), agent)
        if acts and hits.get("original") and hits.get("prevails"):
            return Reading("mt-notice", "strong" if not deictic else "deictic",
                           f"translation + original prevails: {quote(acts, hits['original'], hits['prevails'])}",
                           acts[0].start < len(head))
        names = None
        if hits.get("available"):
            names = self.language_names(norm, line)
            # "also available", "read this in", "dieser Artikel ... verfügbar" against a bare "lesen"
            sure = "document" in hits or any(" " in h.text for h in hits["available"])
            # a word found by a name's stem that is part of an identifier ("glsa-check", "app_chec.py") names no
            # language; an inflected name stands alone ("Lue myös englanniksi tästä linkistä")
            names = [n for n in names if n in self.names or fold_marks(n) in self.names or not _joined(n, line)]
            if names or hits.get("language"):
                what = names[0] if names else hits["language"][0].text
                return Reading("language-banner", "strong" if sure else "weak",
                               f'available/read in + language: {quote(hits["available"])} "{what}"',
                               hits["available"][0].start < len(head))
        if acts and (hits.get("original") or hits.get("show") or (names := self.language_names(norm, line))):
            other = hits.get("original") or hits.get("show") or []
            what = quote(acts, other) + (f' + language "{names[0]}"' if names else "")
            return Reading("translation-widget", "strong", f"translation widget: {what}", acts[0].start < len(head))
        if hits.get("original") and (hits.get("show") or (names := self.language_names(norm, line))):
            what = quote(hits["original"], hits.get("show", [])) + (f' + language "{names[0]}"' if names else "")
            return Reading("translation-widget", "weak", f"offer of the original: {what}",
                           hits["original"][0].start < len(head))
        return None


def _joined(word: str, raw: str) -> bool:
    """Whether ``word`` stands in ``raw`` only as part of a longer name joined by "-", "_", "." or "/"."""
    found = False
    for m in re.finditer(re.escape(word), raw.casefold()):
        found = True
        before, after = raw[max(0, m.start() - 2):m.start()], raw[m.end():m.end() + 2]
        if not re.search(r"\w[-_./]$|\w$", before) and not re.match(r"^[-_./]?\w", after):
            return False
    return found


def _word(padded: str, start: int, end: int) -> str:
    """The words a match covers, to their end: a stem's match "tradu" is shown as "traduit"."""
    stop = padded.find(" ", end - 1 if padded[end - 1] != " " else end)
    return padded[start:stop if stop >= 0 else len(padded)].strip()


def load_lexicon(package: str = "clean.data.translation") -> Lexicon:
    """Read every lexicon file, ``tools.txt`` and ``language_names.txt``. Raises ValueError naming a bad file."""
    folder = resources.files(package)
    entries: dict[str, list[str]] = {c: [] for c in CATEGORIES}
    tools: list[str] = []
    names: dict[str, str] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        text = entry.read_text(encoding="utf-8")
        if entry.name == "language_names.txt":
            for line in text.splitlines():
                if line and not line.startswith("#"):
                    key, _, codes = line.partition("\t")
                    names[key] = codes
        elif entry.name == "tools.txt":
            tools = parse_lexicon(text, entry.name).get("tool", [])
        else:
            for c, words in parse_lexicon(text, entry.name).items():
                if c not in entries:
                    raise ValueError(f"{entry.name}: unknown section [{c}]")
                entries[c].extend(words)
    return Lexicon(entries, tools, names)
