"""Lines read by their words: a related-list head, a share button, however worded.

The phrase data list whole lines ("Related articles", "Share on Facebook"), but the wording of the next site is
never the one on a list: "Beliebte Beiträge zum Thema", "Klick, um auf Facebook zu teilen (Wird in neuem Fenster
geöffnet)". A short line that is not a sentence and is made *only* of a family's words and function words, with
a word of each of its kinds, is that family's line:

- a **related-list head**: a qualifier ("related", "ähnliche", "más", "latest") and a listed thing ("articles",
  "Beiträge", "noticias"): "Notas relacionadas", "Mehr Videos";
- a **share button**: a share verb ("share", "teilen", "partager") and a network ("Facebook", "WhatsApp"), with
  a button's own words besides ("click", "opens in a new window");
- a **related-list head that tells the reader what else they may like**: a word of liking or interest ("enjoy",
  "interessieren", "aimerez"), a word of "also" ("also", "auch", "aussi") and the reader ("you", "dich", "vous"),
  with the modal verbs the function words lack ("könnten", "vielleicht") and listed things besides: "Dich
  interessiert vielleicht auch", "Vous aimerez peut-être aussi", "Diese Artikel könnten Sie auch interessieren".
  Without the reader it is a statement ("Das ist auch interessant", "Also interesting"), a subheading.

Any other word (a name, a place, a topic: "Weitere Nachrichten aus Berlin", "Teens share videos on TikTok")
makes the line something else, and it is left to the rest of the pipeline. So does a personal pronoun ("I share
it on WhatsApp", "We have more news", "Send me an email"): a head or a button speaks to the reader of the page; a
line that says I, me, we or they is someone's sentence (a forum post, a subheading) that lacks its full stop.
The words are sections of the phrase files (``clean/data/phrases/<lang>.txt``; see the README there); function
words are each language's stopwords less its personal pronouns.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .reasons import Reason


@dataclass(frozen=True)
class Composition:
    """One kind of line read by its words: the sections it needs a word of each of, the section of the other
    words it may hold besides function words, and how many words it has at most."""

    reason: Reason
    name: str
    kinds: tuple[str, ...]
    extra: tuple[str, ...]
    max_words: int


COMPOSITIONS = (
    Composition(Reason.RELATED_LIST, "related-list head", ("related-words", "related-nouns"), (), 6),
    Composition(Reason.SHARE_BAR, "share button", ("share-words", "share-networks"), ("share-extra",), 12),
    # "Das könnte dich auch interessieren", "Vous aimerez peut-être aussi": what the reader may also like
    Composition(Reason.RELATED_LIST, "related-list head", ("interest-words", "also-words", "reader-words"),
                ("interest-extra", "related-nouns"), 8),
)
#: The personal pronouns that make a line someone's sentence; no composition holds one (see the module's doc).
PRONOUNS_SECTION = "personal-pronouns"
#: The phrase-file sections of these words.
SECTIONS = tuple(dict.fromkeys([*(s for c in COMPOSITIONS for s in (*c.kinds, *c.extra)), PRONOUNS_SECTION]))
#: No composition has more words than this: a longer line (most lines of an article) is done with one count.
MAX_WORDS = max(c.max_words for c in COMPOSITIONS)


@dataclass(frozen=True)
class Reading:
    """What :meth:`Composer.read` found: the family, its language and the words that decided."""

    reason: Reason
    lang: str
    detail: str


class Composer:
    """The words of every composition, all languages together, each with the languages that list it."""

    def __init__(self, words: Mapping[str, Mapping[str, Iterable[str]]], stopwords: Mapping[str, frozenset[str]]):
        self._tables: dict[str, dict[str, tuple[str, ...]]] = {s: {} for s in SECTIONS}
        for section, by_lang in words.items():
            table = self._tables[section]
            for lang, ws in sorted(by_lang.items()):
                for w in ws:
                    table[w] = table.get(w, ()) + (lang,)
        # each language's function words but its personal pronouns (a pronoun of one language may be another's
        # function word: Polish "on" is "he", English "on" a preposition)
        pronouns = words.get(PRONOUNS_SECTION, {})
        self._stopwords = {lang: frozenset(ws).difference(pronouns.get(lang, ())) for lang, ws in stopwords.items()}
        #: any word of a required kind: most lines hold none, and are done with one set test per word
        self._any = frozenset(w for c in COMPOSITIONS for s in c.kinds for w in self._tables[s])
        #: for each composition, the tables of its kinds and every word it may hold besides function words
        self._parts = [(c, [self._tables[s] for s in c.kinds],
                        frozenset(w for s in (*c.kinds, *c.extra) for w in self._tables[s])) for c in COMPOSITIONS]

    def __bool__(self) -> bool:
        return bool(self._any)

    @property
    def words(self) -> frozenset[str]:
        """Every word of a required kind: a line holding none is read as no composition."""
        return self._any

    def read(self, line: str, key: str, words: list[str]) -> Reading | None:
        """The composition ``line`` (whose :func:`clean.phrases.whole_key` is ``key``, and ``words`` the key's
        words) is made as, or None."""
        if not 2 <= len(words) <= MAX_WORDS or self._any.isdisjoint(words) or line.rstrip()[-1:] in ".!?":
            return None
        if len(line.split(None, 1)) < 2:
            return None  # one token: words joined by "-", "_" or "." name a thing ("send-email", a command)
        for c, tables, allowed in self._parts:
            if len(words) > c.max_words:
                continue
            found = [next((w for w in words if w in t), None) for t in tables]
            if None in found:
                continue
            langs = [t[w] for t, w in zip(tables, found)]
            stop = [self._stopwords.get(lang, frozenset()) for lang in set().union(*langs)]
            if all(w in allowed or any(w in s for s in stop) for w in words):
                # the language of the first kind's word ("teilen" + "facebook": German), one all share if any
                lang = next((x for x in langs[0] if all(x in ls for ls in langs)), langs[0][0])
                return Reading(c.reason, lang, f"{c.name} ({' + '.join(found)})")
        return None
