"""Headline-style promo lines: teasers for other stories, calls to action, pointers, advertisement labels.

A line is read for what it does (:mod:`clean.promo_lexicon`): a call to action asks the reader to act on
something that is not this article; a pointer is a label that introduces another headline, and a label standing
alone takes the bare headline lines right after it; an ad label announces an advertisement. Phrases of the
phrase data's ``call-to-action`` and ``advertisement`` sections count too.

A teaser is a headline about another story, set in capitals between the article's paragraphs, as news sites
put them: an ALL-CAPS line of many words, or of several with an attribution after a colon. A subheading is part
of this story: a short noun phrase ("BY THE NUMBERS") or a question the next paragraph answers; it stays. An
all-caps line before the first paragraph is left to the title rule of the context pass.
"""

from __future__ import annotations

from ..document import Document, Verdict
from ..phrases import whole_key
from ..promo_lexicon import Lexicon, Reading, read_ad, read_cta, read_pointer
from ..reasons import Reason

#: An all-caps line of this many words is a headline rather than a subheading ...
MIN_TEASER_WORDS = 8
#: ... and of this many, when it carries an attribution after a colon or a quotation ("…: 'A DISGRACE'").
MIN_ATTRIBUTED_TEASER_WORDS = 5
#: A paragraph is a line this long; a teaser stands after the article's first one.
PARAGRAPH_CHARS = 100
#: When more than this share of the long lines is all caps, the site writes in capitals: no teaser rule.
MAX_CAPS_SHARE = 0.3
#: A line with this many words that carry digits is a row of figures, not a headline.
MIN_FIGURES = 3
MAX_CTA_WORDS = 15
#: "READ MORE: <a headline>" is a call to action; a sentence that happens to start "More - much more - ..." is not.
MAX_HEAD_WORDS = 25
MAX_AD_WORDS = 6
#: Lines longer than this are never read as promo: a call to action is a sentence or two, not a paragraph
#: that mentions one ("… Check out our reviews of other companies …").
MAX_PROMO_WORDS = 30
#: A pointer label alone takes at most this many headline lines after it, each at most this long.
MAX_POINTED = 3
MAX_POINTED_WORDS = 25


def detect(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    out: dict[int, Verdict] = {}
    long_lines = [f for f in doc.features if f.chars >= PARAGRAPH_CHARS]
    caps_share = sum(f.is_all_caps for f in long_lines) / len(long_lines) if long_lines else 1.0
    lex = doc.phrases.promo
    seen_paragraph = False
    pointed = 0  # how many headline lines the last bare pointer label may still take
    pointed_open = False  # that label ends with a colon: it announces what follows, whatever its case
    readings = doc.readings
    for i, (m, f) in enumerate(zip(doc.matches, doc.features)):
        if not (pointed or m or f.is_all_caps) and readings and readings[i] is None and i not in verdicts:
            # most lines: no label before it, no phrase, no reading, no capitals: only a paragraph counts
            if f.chars >= PARAGRAPH_CHARS:
                seen_paragraph = True
            continue
        if i in verdicts:
            pointed = 0
            continue
        text = doc.blocks[i].text
        if pointed and _headline_like(f, text) and ((pointed_open and pointed == MAX_POINTED) or _titled(text)):
            # the line right after a label that ends in a colon; or headlines in title case, as English sites
            # write them: a sentence-case line after a bare label may be the article's own
            out[i] = Verdict(Reason.CALL_TO_ACTION, "headline after a pointer label")
            pointed -= 1
            continue
        pointed = 0
        v = None
        if not _other_kind(m):  # what the line does, read with the lexicons, names best what matched
            reading = doc.readings[i] if doc.readings else read_line(lex, text, f.words)
            if reading:
                reason = Reason.ADVERTISEMENT if reading.kind == "ad" else Reason.CALL_TO_ACTION
                v = Verdict(reason, reading.detail)
                pointed = MAX_POINTED if reading.bare_label else 0
                pointed_open = text.rstrip().endswith((":", "："))
        if v is None:
            v = _phrase_verdict(m, f)
        if v is None and seen_paragraph and caps_share <= MAX_CAPS_SHARE and _teaser(f, text):
            v = Verdict(Reason.PROMO_HEADLINE, f"all-caps headline of {f.words} words inside the article")
        if v is not None:
            label = m.get(Reason.CALL_TO_ACTION, kinds=("whole",)) if m and pointed == 0 else None
            if label is not None and label.text in lex.pointer_index and f.words <= 4 \
                    and not text.rstrip().endswith((".", "!", "?")):
                pointed = MAX_POINTED  # a pointer label of the phrase data ("Related", "Read more") alone
                pointed_open = text.rstrip().endswith((":", "："))
            out[i] = v
            continue
        if f.chars >= PARAGRAPH_CHARS and not f.is_all_caps:
            seen_paragraph = True
    return out


def read_line(lex: Lexicon, text: str, words: int, key: str | None = None,
              key_words: list[str] | None = None) -> Reading | None:
    """What a line of ``words`` words does, read with the promo lexicons; None for most lines. Depends on the
    line alone, so the pipeline reads each line once (:attr:`Document.readings`). ``key`` is the line's
    :func:`~clean.phrases.whole_key` and ``key_words`` its words, if known."""
    if not lex or words > MAX_PROMO_WORDS:
        return None
    key = whole_key(text) if key is None else key
    if not lex.may_read(key, key_words):
        return None
    labelled = (key_words[0] if key_words is not None else key.split(None, 1)[0]) in lex.label_words \
        or not key.isascii()
    return (read_ad(lex, text, key) if labelled and words <= MAX_AD_WORDS * 2 else None) \
        or (read_pointer(lex, text, key) if labelled and words <= MAX_HEAD_WORDS else None) \
        or read_cta(lex, text, key)


def _phrase_verdict(m, f) -> Verdict | None:
    """The phrase data's verdict on a line: whole-line and head matches, contained phrases in short lines."""
    if not m:
        return None
    p = m.get(Reason.CALL_TO_ACTION, Reason.ADVERTISEMENT, kinds=("whole",))
    if p is None and f.words <= MAX_HEAD_WORDS:
        p = m.get(Reason.CALL_TO_ACTION, Reason.ADVERTISEMENT, kinds=("head",))
    if p is None and f.words <= MAX_AD_WORDS:
        p = m.get(Reason.ADVERTISEMENT)
    if p is None and f.words <= MAX_CTA_WORDS:
        p = m.get(Reason.CALL_TO_ACTION)
    return Verdict(p.reason, p.detail, p) if p else None


def _other_kind(m) -> bool:
    """Whether the phrase data says the whole line, or its head, is another kind of boilerplate ("Related
    articles" heads a related list): that detector's call."""
    return bool(m) and any(p.kind != "contains" and p.reason.family is not Reason.CALL_TO_ACTION.family for p in m)


def _headline_like(f, text: str) -> bool:
    """A bare headline: a line of a few words that is not a paragraph and does not open a list (":")."""
    s = text.strip()
    return 2 <= f.words <= MAX_POINTED_WORDS and not s[:1].islower() and f.chars < PARAGRAPH_CHARS * 2 and not s.endswith(":")


def _titled(text: str) -> bool:
    """Whether ``text`` is written in title case, as English headlines are ("Live Coverage: Updates on the Paris
    Attacks"): most of its words of four letters or more start upper-case."""
    words = [w for w in text.split() if len(w) >= 4 and w[0].isalpha()]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


_OPENING_QUOTES = "\"“„«‘'"


_PUNCT = "\"'“”‘’«»„()[]{},.:;!?¡¿*…-–—|/"


def _teaser(f, text: str) -> bool:
    """An all-caps headline of another story: many words, or several with an attribution; not a question, not a
    quotation ("“WE WILL NEVER GIVE UP!”", a tweet quoted in capitals), not an exclamation, not a row of figures
    (a stock quote: "HD THE HOME DEPOT INC. 225.86 -12.99 -5.44%")."""
    s = text.strip()
    if not f.is_all_caps or f.chars >= PARAGRAPH_CHARS * 2 or s.endswith(("?", "？", "!", "！")) \
            or s[:1] in _OPENING_QUOTES or s.rstrip("\"”’»")[-1:] in ("!", "?"):
        return False
    if sum(any(map(str.isdigit, w)) for w in s.split()) >= MIN_FIGURES:
        return False
    # a headline is a sentence's words: not letters or codes ("A B C … Z", "AA AB AC AD"), and not a product's
    # name of nouns alone ("13 PC PRECISION KNIFE SET RAZOR SHARP BLADE …": no function word)
    words = s.split()
    if 2 * sum(len(w.strip(_PUNCT)) >= 3 for w in words) < len(words) or f.stopword_ratio == 0:
        return False
    if f.words >= MIN_TEASER_WORDS:
        return True
    return f.words >= MIN_ATTRIBUTED_TEASER_WORDS and (":" in text or " '" in text or "‘" in text)
