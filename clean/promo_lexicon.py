"""Per-language promo lexicons (``clean/data/promo/<lang>.txt``) and the grammar that reads a line with them.

A promo line is recognised by what it does, not by its wording as a whole:

- a **call to action** asks the reader to act (a *verb*: sign up, follow, download, listen) on something that
  is not this article (a *target*: a newsletter, an app, a channel, an account, "us", an e-mail address or a
  handle), named in the rest of the verb's sentence; the verb opens a
  clause (``Got a tip? Email us at …``), or, in languages that put it last, closes a short line (``Jetzt
  anmelden``, ``हमें फॉलो करें``); a *link* phrase (``click here``) opening a clause needs no target;
- a **pointer** is a label that introduces another headline (``Read more: …``, ``Lea también``, ``相关阅读``);
- an **ad label** announces an advertisement (``Advertisement``, ``Anzeige``, ``Continue reading the main
  story``).

Reported speech (a quotation mark, or a reporting verb: "said", "told") is the article talking about such an
act, not the act: no call to action. The format of the data files is in ``clean/data/promo/README.md``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Iterable

from .datafile import read_entries
from .phrases import head_key, whole_key
from .scripts import NO_SPACE as _NO_SPACE_SCRIPT

SECTIONS = ("verbs", "final-verbs", "links", "targets", "objects", "final-targets", "pointers", "ads", "reporting")
#: Where a clause starts: the line's start, or after sentence punctuation, a colon, a bar or a dash.
_SENTENCE_SPLIT = re.compile(r"[.!?:;]+(?:\s+|$)|[¿¡。！？：|•·»›]+\s*|^[-–—]+\s*")
#: Within a sentence, a clause may also start after a comma or a dash ("For more, sign up for …").
_CLAUSE_SPLIT = re.compile(r",+\s+|\s[-–—]+\s*")
#: Universal targets: an e-mail address or a handle is an account, always something other than this article. (A
#: web address is not: "Book an appointment at vaccines.gov" is the article's service to its reader.)
_LINK = re.compile(r"[\w.+-]+@[\w-]+\.\w|(?:^|\s)@\w")
_QUOTES = re.compile("[\"“”„«»]")
#: A pointer label may run into its headline without a separator only if it has this many words (``Read more
#: about …``, ``Lire aussi sur …``); a one-word label (``More``, ``Watch``) needs a separator.
MIN_RUN_IN_WORDS = 2
#: The file whose targets count for every language's verbs (names of networks and platforms).
UNIVERSAL = "any"


@dataclass
class Lexicon:
    """All languages' promo words, ready to read lines with. Built once, read-only afterwards."""

    verbs: dict[str, set[str]] = field(default_factory=dict)  #: language -> verb phrases (normalized)
    final_verbs: dict[str, set[str]] = field(default_factory=dict)
    links: dict[str, set[str]] = field(default_factory=dict)
    targets: dict[str, set[str]] = field(default_factory=dict)
    final_targets: dict[str, set[str]] = field(default_factory=dict)  #: targets only where they end the line
    objects: dict[str, set[str]] = field(default_factory=dict)  #: "us", "our": targets right after the verb
    pointers: dict[str, set[str]] = field(default_factory=dict)
    ads: dict[str, set[str]] = field(default_factory=dict)
    reporting: tuple[str, ...] = ()
    #: every label and phrase, all languages, by normalized text -> language (first file wins)
    pointer_index: dict[str, str] = field(default_factory=dict)
    ad_index: dict[str, str] = field(default_factory=dict)
    verb_index: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  #: first word -> (lang, verb)
    final_index: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  #: last word -> (lang, verb)
    spaceless_verbs: list[tuple[str, str]] = field(default_factory=list)  #: verbs written without spaces
    ad_heads: dict[str, list[str]] = field(default_factory=dict)  #: first word -> ad labels
    run_in_heads: dict[str, list[str]] = field(default_factory=dict)  #: first word -> labels of 2+ words
    spaceless_pointers: list[str] = field(default_factory=list)
    verb_words: frozenset[str] = frozenset()  #: first words of verbs, last words of final verbs (see may_read)
    label_words: frozenset[str] = frozenset()  #: first words of pointer and ad labels

    def add(self, lang: str, section: str, text: str) -> None:
        key = whole_key(text)
        if not key:
            return
        if section == "reporting":
            self.reporting = (*self.reporting, key)
            return
        getattr(self, section.replace("-", "_")).setdefault(lang, set()).add(key)
        if section == "pointers":
            self.pointer_index.setdefault(key, lang)
        elif section == "ads":
            self.ad_index.setdefault(key, lang)

    def index(self) -> "Lexicon":
        """Build the look-up tables (call once, after the last :meth:`add`)."""
        by_length = lambda words: tuple(sorted(words, key=lambda w: (-len(w), w)))  # noqa: E731
        self.targets = {lang: by_length(t) for lang, t in self.targets.items()}
        self.reporting = by_length(self.reporting)
        self.verb_index = {}
        self.final_index = {}
        self.spaceless_verbs = []
        for lang in sorted(self.verbs.keys() | self.links.keys()):
            for v in sorted(self.verbs.get(lang, set()) | self.links.get(lang, set())):
                if _NO_SPACE_SCRIPT.search(v):
                    self.spaceless_verbs.append((lang, v))
                else:
                    self.verb_index.setdefault(v.split()[0], []).append((lang, v))
        self.ad_heads = {}
        for lang, labels in sorted(self.ads.items()):
            for a in sorted(labels):
                self.ad_heads.setdefault(a.split()[0], []).append(a)
        self.run_in_heads = {}
        self.spaceless_pointers = []
        for p in sorted(self.pointer_index):
            if _NO_SPACE_SCRIPT.search(p):
                self.spaceless_pointers.append(p)
            elif len(p.split()) >= MIN_RUN_IN_WORDS:
                self.run_in_heads.setdefault(p.split()[0], []).append(p)
        for lang, finals in sorted(self.final_verbs.items()):
            for f in sorted(finals):
                self.final_index.setdefault(f.split()[-1], []).append((lang, f))
        self.verb_words = frozenset(self.verb_index) | frozenset(self.final_index)
        self.label_words = frozenset(self.ad_heads) \
            | frozenset(p.split()[0] for p in self.pointer_index if not _NO_SPACE_SCRIPT.search(p))
        return self

    def may_read(self, key: str, words: list[str] | None = None) -> bool:
        """Whether line ``key`` (normalized; ``words``: its words, if known) has a word that could start a
        reading: a verb anywhere, a label's first word first. Most lines have none, and are passed over with a
        set intersection."""
        if words is None:
            words = key.split()
        return bool(words) and (words[0] in self.label_words or not self.verb_words.isdisjoint(words)
                                or (not key.isascii() and _NO_SPACE_SCRIPT.search(key) is not None))

    def __bool__(self) -> bool:
        return bool(self.verbs or self.pointers or self.ads)


def parse_lexicon_file(text: str, lang: str, into: Lexicon) -> None:
    """Add one language's file to ``into``. Raises ValueError on a malformed file."""
    for section, line in read_entries(text, f"promo/{lang}.txt", SECTIONS):
        into.add(lang, section, line)


def load_lexicon(package: str = "clean.data.promo") -> Lexicon:
    lex = Lexicon()
    for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            parse_lexicon_file(entry.read_text(encoding="utf-8"), entry.name[:-4], lex)
    return lex.index()


@dataclass(frozen=True)
class Reading:
    """What a line does, and the words that say so (for the removal's detail)."""

    kind: str  # "cta" | "pointer" | "ad"
    detail: str
    bare_label: bool = False  #: a pointer label standing alone: the next short line is its headline


def _starts(words: list[str], phrases: Iterable[str]) -> str | None:
    """The longest of ``phrases`` that ``words`` begin with."""
    best = None
    for p in phrases:
        pw = p.split()
        if words[: len(pw)] == pw and (best is None or len(p) > len(best)):
            best = p
    return best


def _contains(key: str, phrases: Iterable[str]) -> str | None:
    padded = f" {key} "
    for p in phrases:  # longest first (see Lexicon.index)
        if (p in key) if _NO_SPACE_SCRIPT.search(p) else (f" {p} " in padded):
            return p
    return None


def read_ad(lex: Lexicon, text: str, key: str) -> Reading | None:
    """An ad label: the whole line is ad labels (``Advertisement``, ``ADVERTISEMENT Continue reading the main
    story``), or an ad label leads a line of a few words (``Anzeige <sponsor>``, ``Advertisement - Scroll to
    Continue``)."""
    if not key:
        return None
    if key in lex.ad_index:
        return Reading("ad", f'ad label: "{key}"')
    words = key.split()
    head = _starts(words, lex.ad_heads.get(words[0], ()))
    if head:
        # "Anzeige symplr", "Advertisement - Scroll to Continue", "Story continues below this ad"; a one-word
        # label runs into more words only after a separator: "Werbung für Tabak verboten", "Ad hoc committee"
        # are headings about advertising
        rest = words[len(head.split()):]
        run_in = " " in head or head_key(text) == head
        if len(rest) <= 1 or " ".join(rest) in lex.ad_index or (run_in and len(rest) <= 4):
            return Reading("ad", f'ad label: "{head}"')
    return None


def read_pointer(lex: Lexicon, text: str, key: str) -> Reading | None:
    """A pointer label, alone (``RELATED COVERAGE``, ``Lesen Sie auch:``), before a separator (``LEE MÁS |
    …``), or running into its headline when it has several words (``Read more about …``, ``ZOBACZ WIDEO …``)."""
    if not key:
        return None
    if key in lex.pointer_index and (" " in key or _NO_SPACE_SCRIPT.search(key)):
        # a one-word label ("Read", "More") alone is as likely a button or a word of the page: not on its own
        return Reading("pointer", f'pointer: "{key}"', bare_label=True)
    head = head_key(text)
    if head in lex.pointer_index:
        return Reading("pointer", f'pointer: "{head}"')
    words = key.split()
    if _NO_SPACE_SCRIPT.search(key):
        for label in lex.spaceless_pointers:
            if key.startswith(label) and len(label) >= 2:
                return Reading("pointer", f'pointer: "{label}"')
        return None
    head = _starts(words, lex.run_in_heads.get(words[0], ()))
    if head and not text.rstrip().endswith("."):  # a headline, not a sentence ("See also the chapter on ….")
        return Reading("pointer", f'pointer: "{head}"')
    return None


def _verbs_at(lex: Lexicon, words: list[str]) -> list[tuple[str, str]]:
    """(language, verb) for each verb phrase ``words`` begin with."""
    return [(lang, v) for lang, v in lex.verb_index.get(words[0], ()) if words[: len(v.split())] == v.split()]


def read_cta(lex: Lexicon, text: str, key: str, max_final_words: int = 8) -> Reading | None:
    """A call to action: a verb of some language opening a clause (or ending a short line), with a target of
    the same language or a link anywhere in the line; a link phrase opening a clause; or two verbs opening
    clauses of a short line (``Listen and follow The Daily``, ``Kliknij dzwoneczek! Polub/udostępnij!``)."""
    if not key or _QUOTES.search(text) or text.rstrip().endswith((":", "：")):
        return None  # a quotation reports an act; a line ending in a colon introduces what follows
    all_words = key.split()
    if lex.verb_index.keys().isdisjoint(all_words) and all_words[-1] not in lex.final_index \
            and not (lex.spaceless_verbs and _NO_SPACE_SCRIPT.search(key)):
        return None  # no verb of any language: the common case, decided at C speed
    n_words = len(all_words)
    clauses = _clauses(text)
    found: dict[str, list[str]] = {}  # language -> its verbs found, in order
    targets: dict[str, str] = {}  # language -> the first target found in a clause a verb of it opens
    for raw, c, then in clauses:
        words = c.split()
        for lang, v in _verbs_at(lex, words):
            if v in lex.links.get(lang, ()):
                return None if reports(lex, key) else Reading("cta", f'call to action: "{v}"')
            found.setdefault(lang, []).append(v)
            rest = words[len(v.split()):]
            t = _target(lex, lang, c, raw, rest + then.split(), last=c == clauses[-1][1], line=text)
            if t:
                targets.setdefault(lang, t)
            if len(rest) > 1 and rest[0] in _AND:  # "Listen and follow": a second verb joined to the first
                rest = rest[1:]
                for lang2, w in _verbs_at(lex, rest):
                    if lang2 == lang and w != v:
                        found[lang].append(w)
        if _NO_SPACE_SCRIPT.search(c):
            for lang, v in lex.spaceless_verbs:
                if v in c:
                    found.setdefault(lang, []).append(v)
                    t = _target(lex, lang, c, raw, None, line=text)
                    if t:
                        targets.setdefault(lang, t)
    finals: dict[str, str] = {}
    if n_words <= max_final_words and clauses:
        raw, last, _ = clauses[-1]
        for lang, f in lex.final_index.get(last.split()[-1], ()):
            if last == f or last.endswith(" " + f):
                finals.setdefault(lang, f)
                found.setdefault(lang, []).append(f)
                before = last[: len(last) - len(f)].split()
                t = _target(lex, lang, last, raw, None, last=True, line=text)
                if t is None and before[-1:] and before[-1] in lex.objects.get(lang, ()):
                    t = before[-1]
                if t:
                    targets.setdefault(lang, t)
    if not found or reports(lex, key):
        return None
    for lang, verbs in sorted(found.items()):
        if lang in targets:
            return Reading("cta", f'call to action: "{verbs[0]}" + {targets[lang]}')
        if len(set(verbs)) >= 2 and n_words <= max_final_words:
            return Reading("cta", f'call to action: "{verbs[0]}" + "{verbs[1]}"')
        if lang in finals and n_words <= 4:
            return Reading("cta", f'call to action: "{finals[lang]}"')
    return None


def _clauses(text: str) -> list[tuple[str, str, str]]:
    """The line's clauses: (raw text, normalized, the normalized rest of its sentence after it)."""
    out = []
    for sentence in _SENTENCE_SPLIT.split(text.strip()):
        parts = [(r, whole_key(r)) for r in _CLAUSE_SPLIT.split(sentence)]
        parts = [(r, k) for r, k in parts if k]
        for n, (r, k) in enumerate(parts):
            out.append((r, k, " ".join(k2 for _, k2 in parts[n + 1:])))
    return out


def _target(lex: Lexicon, lang: str, clause: str, raw: str, after_verb: list[str] | None, last: bool = False,
            line: str = "") -> str | None:
    """What the act of a clause is on: a target of the language or of every language, an object pronoun right
    after the verb ("follow us", "support our …"), a word that ends the line ("… here"), or a link."""
    tail = " ".join(after_verb) if after_verb is not None else clause
    t = _contains(tail, lex.targets.get(lang, ())) or _contains(tail, lex.targets.get(UNIVERSAL, ()))
    if t and _a_word_of(t, line or raw):
        return t
    if after_verb and after_verb[0] in lex.objects.get(lang, ()):
        return after_verb[0]
    t = next((t for t in lex.final_targets.get(lang, ()) if last and clause.endswith(" " + t)), None)
    if t:
        return t
    link = _LINK.search(raw.strip())
    # an address the clause starts with is no target of its verb: "support@…" is a contact, not "support"
    return f"link {link.group(0)!r}" if link and link.start() > 0 else None


def _a_word_of(target: str, raw: str) -> bool:
    """Whether a one-word target stands as a word of the line, not as part of a name joined by "-", "_" or "."
    ("app-portage/gemato" is a package, not an app; "Get the app—it's free" and "the newsletter/podcast" have
    one)."""
    if " " in target or _NO_SPACE_SCRIPT.search(target):
        return True
    word = re.compile(r"(?<!\w)(?<!\w[-_.])" + re.escape(target) + r"(?![-_.]?\w)", re.IGNORECASE)
    return word.search(raw) is not None


_AND = frozenset(("and", "und", "y", "et", "i", "e", "or", "oder", "o", "ou", "lub", "en", "и", "ve", "och", "a"))


def reports(lex: Lexicon, key: str) -> bool:
    """Whether the line reports someone's words ("…, the mayor said"): the article talking about an act."""
    return bool(lex.reporting) and _contains(key, lex.reporting) is not None

