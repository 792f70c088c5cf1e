"""The one pipeline both front ends use: blocks in, verdicts from each detector family, a Result out.

Detectors run in a fixed order, each seeing the verdicts of those before it (pattern evidence first, then
context). The whole pass is repeated on the kept blocks until nothing more is removed (a fixpoint, at most
:data:`MAX_ROUNDS` passes), which is what makes cleaning idempotent: the output, cleaned again, is a pass that
removes nothing.
"""

from __future__ import annotations

from typing import Callable, Sequence

from .blocks import Block
from .detectors import comments, context, language, promo, chrome, translation
from .document import MAX_PHRASE_LINE_WORDS, Document, Verdict
from .features import Features, measure, tokens
from .lang import LanguageIdentifier
from .options import Options
from .phrases import NO_MATCH, LineMatch, Phrasebook, normalize_split, whole_key
from .reasons import Family
from .detectors.support import BLOB_MIN_CHARS, Shapes, SupportModel, is_blob
from .scripts import HAN, HANGUL, KANA, THAI
from .result import Removal, removal

#: A safety bound only: every round but the last removes a line, and real pages settle in two or three.
MAX_ROUNDS = 64
#: How much of the document's longest lines the article language is identified from.
LANGUAGE_SAMPLE_CHARS = 1500
#: The function-word vote decides the language when the winner has this many votes and this lead over the
#: runner-up; otherwise langdetect is asked, on at most LANGDETECT_SAMPLE_CHARS characters.
MIN_VOTES = 8
CLEAR_LEAD = 1.5
LANGDETECT_SAMPLE_CHARS = 400
#: Kana or hangul make the article Japanese or Korean when more than 1/SCRIPT_SHARE of the sample is in them
#: (Japanese prose is a third kana or more, Korean mostly hangul).
SCRIPT_SHARE = 5

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


#: Detectors that judge the document as if the promo lines found before them were absent.
INSERTS_ABSENT = (context.detect,)


def language_sample(texts: Sequence[str]) -> list[int]:
    """Indices of the longest lines, up to LANGUAGE_SAMPLE_CHARS: what the article language is judged from.
    Encoded blobs come last, whatever their length."""
    sizes = list(map(len, texts))
    # longest first, ties in document order (a reversed sort keeps equal keys in their order)
    order = sorted(range(len(texts)), key=sizes.__getitem__, reverse=True)
    long_ = 0  # only a line longer than BLOB_MIN_CHARS can be a blob: those open the order
    while long_ < len(order) and sizes[order[long_]] > BLOB_MIN_CHARS:
        long_ += 1
    blobs = [i for i in order[:long_] if is_blob(texts[i])]
    if blobs:
        are = set(blobs)
        order = [i for i in order if i not in are] + blobs
    sample, size = [], 0
    for i in order:
        sample.append(i)
        size += sizes[i]
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
        if len(KANA.findall(joined)) > len(joined) // SCRIPT_SHARE:
            return "ja"
        if len(HANGUL.findall(joined)) > len(joined) // SCRIPT_SHARE:
            return "ko"
        if len(THAI.findall(joined)) > len(joined) // 4:
            return "th"
    if len(HAN.findall(joined)) <= len(joined) // 4:
        ranked = sorted(phrases.stopword_votes(tokens(joined)).items(), key=lambda kv: (-kv[1], kv[0]))
        if ranked and ranked[0][1] >= MIN_VOTES and (len(ranked) == 1 or ranked[0][1] >= CLEAR_LEAD * ranked[1][1]):
            return ranked[0][0]
    return langid.detect(joined[:LANGDETECT_SAMPLE_CHARS]) if joined.strip() else None


def judge(blocks: Sequence[Block], feats: Sequence[Features], matches: Sequence[LineMatch], options: Options,
          phrases: Phrasebook, langid: LanguageIdentifier, language: str | None, first: bool = True,
          *, support: SupportModel, readings: Sequence = (), shapes: Shapes | None = None) -> dict[int, Verdict]:
    """One pass of the enabled detectors over ``blocks`` (after the ``first``, only those that need context):
    the verdicts, by block index. ``shapes``: what the support model read of the document's texts before."""
    doc = Document(tuple(blocks), tuple(feats), tuple(matches), language, options, phrases, langid.detect,
                   support, tuple(readings), shapes)
    verdicts: dict[int, Verdict] = {}
    for family, detector, alone in DETECTORS:
        if options.enabled(family) and (first or not alone):
            found = _around_inserts(doc, verdicts) if detector in INSERTS_ABSENT else detector(doc, verdicts)
            for i, v in found.items():
                verdicts.setdefault(i, v)
    return verdicts


def _around_inserts(doc: Document, verdicts: dict[int, Verdict]) -> dict[int, Verdict]:
    """The context pass, where a promo line does not cost its neighbours their place: a promo line is an insert
    between the article's paragraphs, and the subheading next to it is still the article's (as it is in the
    next round, or when the output is cleaned again). The pass judges the whole document, as before; a line
    next to a promo line (and not between two) that it removes is judged again with the promo lines left out,
    and stays if that judgement keeps it. Elsewhere the promo lines still count against the run they sit in (a list of teasers
    is no article)."""
    found = context.detect(doc, verdicts)
    inserts = {i for i, v in verdicts.items() if v.reason.family is Family.PROMO}
    # a line between two promo lines is no article line next to an insert: a teaser's blurb in a list of them
    neighbours = {j for i in inserts for j in _next_to(i, inserts, len(doc.blocks))
                  if not (j - 1 in inserts and j + 1 in inserts)} & found.keys()
    if not neighbours:
        return found
    keep = [i for i in range(len(doc.blocks)) if i not in inserts]
    sub = Document(tuple(doc.blocks[i] for i in keep), tuple(doc.features[i] for i in keep),
                   tuple(doc.matches[i] for i in keep), doc.language, doc.options, doc.phrases, doc.detect_language,
                   doc.support, tuple(doc.readings[i] for i in keep) if doc.readings else (), doc.shapes)
    where = {i: n for n, i in enumerate(keep)}
    again = context.detect(sub, {where[i]: v for i, v in verdicts.items() if i in where},
                           wanted={where[i] for i in neighbours})
    return {i: v for i, v in found.items() if i not in neighbours or where[i] in again}


def _next_to(i: int, inserts: set[int], n: int) -> tuple[int, ...]:
    """The lines just before and after line ``i``, passing over other inserts."""
    before, after = i - 1, i + 1
    while before in inserts:
        before -= 1
    while after in inserts:
        after += 1
    return tuple(j for j in (before, after) if 0 <= j < n)


_UNSET = object()
#: What a line that holds no phrase and does nothing the promo lexicons read is found to be.
_SILENT = (NO_MATCH, None)


class Memo:
    """What the lines of one document were found to be, whatever their neighbours: the phrase match and promo
    reading of each text, its features in each language, the language of each sample, what the support model
    reads of each text alone (its shape: :class:`~clean.detectors.support.Shapes`). Kept across the calls of
    :func:`run` on one document (HTML judges its article twice); never shared between documents."""

    __slots__ = ("read", "features", "languages", "shapes")

    def __init__(self) -> None:
        self.read: dict[str, tuple[LineMatch, object]] = {}
        self.features: dict[str | None, dict[str, Features]] = {}
        self.languages: dict[str, str | None] = {}
        self.shapes = Shapes()


def run(blocks: Sequence[Block], options: Options, phrases: Phrasebook, langid: LanguageIdentifier,
        support: SupportModel, memo: Memo | None = None) -> tuple[list[Block], list[Removal | None], str | None]:
    """Judge to a fixpoint. Returns the kept blocks (gaps merged), for each input block its removal or None,
    and the article's language.

    Each round sees only the blocks the previous one kept, exactly as a fresh call on the output would; what
    does not depend on the neighbours (features, phrase matches) is computed once per text (once per document
    with the ``memo`` of an earlier call on it).
    """
    memo = Memo() if memo is None else memo
    blocks = list(blocks)
    kept = list(blocks)
    texts = [b.text for b in blocks]
    new_language = None
    removals: list[Removal | None] = [None] * len(kept)
    language = None
    # by block index: features (in the article's language), phrase match, and what the line does, read with the
    # promo lexicons; the last two are context-free, read in the first round for every line
    feats: list[Features | None] = [None] * len(kept)
    matches: list[LineMatch] = [NO_MATCH] * len(kept)
    readings: list[object] = [None] * len(kept)
    ids = list(range(len(kept)))
    # the same text gets the same features, match and reading: a page repeats its menus, bylines and labels
    feats_of = memo.features.setdefault(None, {})
    read_of = memo.read
    sample_key: tuple[int, ...] | None = None
    for round_ in range(MAX_ROUNDS):
        # identified anew each round, from the same sample a fresh call on the output would use
        key = tuple(ids[i] for i in language_sample(list(map(texts.__getitem__, ids))))
        if key != sample_key:
            sample_key = key
            joined = " ".join(texts[k] for k in key)
            new_language = memo.languages.get(joined, _UNSET)
            if new_language is _UNSET:
                new_language = memo.languages[joined] = article_language(joined, phrases, langid)
        if new_language != language:
            feats = [None] * len(blocks)
            feats_of = memo.features.setdefault(new_language, {})
            language = new_language
        stop = phrases.stopwords.get(language) if language else None
        for k in ids:
            if feats[k] is None:
                text = texts[k]
                f = feats_of.get(text)
                if f is None:
                    f = feats_of[text] = measure(text, stop)
                feats[k] = f
        if round_ == 0:  # every line is here
            for k, text in enumerate(texts):
                done = read_of.get(text)
                if done is None:
                    # no notice, banner or chrome line is longer; skipping paragraphs keeps the scan cheap
                    words = feats[k].words
                    if words <= MAX_PHRASE_LINE_WORDS:
                        norm, split = normalize_split(text)
                        key = whole_key(text, norm)
                        key_split = split if key == norm else key.split()  # counters at the edges cut off
                        if phrases.silent(text, norm, key, key_split, split):
                            done = _SILENT
                        else:
                            done = (phrases.match(text, norm=norm, key=key, words=key_split),
                                    promo.read_line(phrases.promo, text, words, key, key_split))
                    else:
                        done = (NO_MATCH, promo.read_line(phrases.promo, text, words))
                    read_of[text] = done
                matches[k], readings[k] = done
        verdicts = judge(kept, tuple(map(feats.__getitem__, ids)), tuple(map(matches.__getitem__, ids)), options,
                         phrases, langid, language, first=round_ == 0, support=support,
                         readings=tuple(map(readings.__getitem__, ids)), shapes=memo.shapes)
        if not verdicts:
            break
        survivors: list[Block] = []
        survivor_ids: list[int] = []
        gap = False
        for i, (k, b) in enumerate(zip(ids, kept)):
            gap = gap or b.gap_before
            if i in verdicts:
                v = verdicts[i]
                removals[k] = removal(b.start, b.end, b.text, v.reason, v.detail, b.path)
            else:
                survivors.append(b._replace(gap_before=gap and bool(survivors)) if gap != b.gap_before else b)
                survivor_ids.append(k)
                gap = False
        kept, ids = survivors, survivor_ids
    return kept, removals, language
