"""The one pipeline both front ends use: blocks in, verdicts from each detector family, a Result out.

Detectors run in a fixed order, each seeing the verdicts of those before it (pattern evidence first, then
context). The whole pass is repeated on the kept blocks until nothing more is removed (a fixpoint, at most
:data:`MAX_ROUNDS` passes), which is what makes cleaning idempotent: the output, cleaned again, is a pass that
removes nothing.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence

from .blocks import Block
from .detectors import comments, context, language, promo, chrome, translation
from .document import MAX_PHRASE_LINE_WORDS, Document, Verdict
from .features import Features, measure, tokens
from .lang import LanguageIdentifier
from .options import Options
from .phrases import NO_MATCH, LineMatch, Phrasebook
from .reasons import Family
from .result import Removal

#: A safety bound only: every round but the last removes a line, and real pages settle in two or three.
MAX_ROUNDS = 64
#: How much of the document's longest lines the article language is identified from.
LANGUAGE_SAMPLE_CHARS = 1500
#: The function-word vote decides the language when the winner has this many votes and this lead over the
#: runner-up; otherwise langdetect is asked, on at most LANGDETECT_SAMPLE_CHARS characters.
MIN_VOTES = 8
CLEAR_LEAD = 1.5
LANGDETECT_SAMPLE_CHARS = 400
#: Words of any language average under this many characters with their space; a longer ASCII run is a blob.
BLOB_CHARS_PER_SPACE = 25
#: Kana or hangul make the article Japanese or Korean when more than 1/SCRIPT_SHARE of the sample is in them
#: (Japanese prose is a third kana or more, Korean mostly hangul).
SCRIPT_SHARE = 5
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_THAI = re.compile(r"[\u0e00-\u0e7f]")
_HAN = re.compile(r"[\u3400-\u9fff]")

#: (family, detector, judges each line alone) in the order they run. Pattern detectors first; context needs
#: their verdicts. A detector that judges each line alone keeps, in a later round, every line it kept in the
#: first, so it runs in the first round only.
DETECTORS: tuple[tuple[Family, Callable, bool], ...] = (
    (Family.TRANSLATION, translation.detect, False),
    (Family.LANGUAGE, language.detect_banners, True),
    (Family.COMMENTS, comments.detect, False),
    (Family.PROMO, promo.detect, False),
    (Family.CHROME, chrome.detect, False),  # contained cookie and footer phrases depend on the edges
    (Family.CHROME, context.detect, False),
    (Family.LANGUAGE, language.detect_foreign_edges, False),
)


def _blob(text: str) -> bool:
    """An encoded string or a run of URLs: ASCII with hardly a space (base64, tracking links), not language."""
    return len(text) > 80 and text.isascii() and text.count(" ") < len(text) // BLOB_CHARS_PER_SPACE


def language_sample(texts: Sequence[str]) -> list[int]:
    """Indices of the longest lines, up to LANGUAGE_SAMPLE_CHARS: what the article language is judged from.
    Encoded blobs come last, whatever their length."""
    order = sorted(range(len(texts)), key=lambda i: (_blob(texts[i]), -len(texts[i]), i))
    sample, size = [], 0
    for i in order:
        sample.append(i)
        size += len(texts[i])
        if size >= LANGUAGE_SAMPLE_CHARS:
            break
    return sorted(sample)


def article_language(joined: str, phrases: Phrasebook, langid: LanguageIdentifier) -> str | None:
    """The language of ``joined`` (the document's longest lines).

    Cheap evidence first: the script (Japanese kana, Korean hangul, Thai), then a vote of function words
    from the phrase data's stoplists. langdetect is asked only when neither decides (Chinese, or a close vote).
    """
    if not joined.isascii():
        # a script decides when it is a real share of the text: one Japanese notice on an English page is not
        # a Japanese article
        if len(_KANA.findall(joined)) > len(joined) // SCRIPT_SHARE:
            return "ja"
        if len(_HANGUL.findall(joined)) > len(joined) // SCRIPT_SHARE:
            return "ko"
        if len(_THAI.findall(joined)) > len(joined) // 4:
            return "th"
    if len(_HAN.findall(joined)) <= len(joined) // 4:
        ranked = sorted(phrases.stopword_votes(tokens(joined)).items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= MIN_VOTES and (len(ranked) == 1 or ranked[0][1] >= CLEAR_LEAD * ranked[1][1]):
            return ranked[0][0]
    return langid.detect(joined[:LANGDETECT_SAMPLE_CHARS]) if joined.strip() else None


def judge(blocks: Sequence[Block], feats: Sequence[Features], matches: Sequence[LineMatch], options: Options,
          phrases: Phrasebook, langid: LanguageIdentifier, language: str | None, first: bool = True,
          ) -> dict[int, Verdict]:
    """One pass of the enabled detectors over ``blocks`` (after the ``first``, only those that need context):
    the verdicts, by block index."""
    doc = Document(tuple(blocks), tuple(feats), tuple(matches), language, options, phrases, langid.detect)
    verdicts: dict[int, Verdict] = {}
    for family, detector, alone in DETECTORS:
        if options.enabled(family) and (first or not alone):
            for i, v in detector(doc, verdicts).items():
                verdicts.setdefault(i, v)
    return verdicts


def run(blocks: Sequence[Block], options: Options, phrases: Phrasebook, langid: LanguageIdentifier,
        ) -> tuple[list[Block], list[Removal | None], str | None]:
    """Judge to a fixpoint. Returns the kept blocks (gaps merged), for each input block its removal or None,
    and the article's language.

    Each round sees only the blocks the previous one kept, exactly as a fresh call on the output would; what
    does not depend on the neighbours (features, phrase matches) is computed once per block.
    """
    blocks = list(blocks)
    kept = list(blocks)
    new_language = None
    removals: list[Removal | None] = [None] * len(kept)
    language = None
    feats: dict[int, Features] = {}
    matches: dict[int, LineMatch] = {}
    ids = list(range(len(kept)))
    sample_key: tuple[int, ...] | None = None
    for round_ in range(MAX_ROUNDS):
        # identified anew each round, from the same sample a fresh call on the output would use
        key = tuple(ids[i] for i in language_sample([b.text for b in kept]))
        if key != sample_key:
            sample_key = key
            new_language = article_language(" ".join(blocks[k].text for k in key), phrases, langid)
        if new_language != language:
            feats.clear()
            language = new_language
        stop = phrases.stopwords.get(language) if language else None
        for k, b in zip(ids, kept):
            if k not in feats:
                feats[k] = measure(b.text, stop)
            if k not in matches:
                # no notice, banner or chrome line is longer; skipping paragraphs keeps the scan cheap
                matches[k] = (phrases.match(b.text) if feats[k].words <= MAX_PHRASE_LINE_WORDS else NO_MATCH)
        verdicts = judge(kept, [feats[k] for k in ids], [matches[k] for k in ids], options, phrases, langid,
                         language, first=round_ == 0)
        if not verdicts:
            break
        survivors: list[Block] = []
        survivor_ids: list[int] = []
        gap = False
        for i, (k, b) in enumerate(zip(ids, kept)):
            gap = gap or b.gap_before
            if i in verdicts:
                v = verdicts[i]
                removals[k] = Removal(b.start, b.end, b.text, v.reason, v.detail, b.path)
            else:
                survivors.append(b._replace(gap_before=gap and bool(survivors)) if gap != b.gap_before else b)
                survivor_ids.append(k)
                gap = False
        kept, ids = survivors, survivor_ids
    return kept, removals, language
