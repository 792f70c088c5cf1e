"""Whether a line the context pass would remove has the evidence a removal needs.

The context pass (:mod:`clean.detectors.context`) finds the article's run of sentence-like text; what it
leaves out is only a *candidate*. Being short, repeated, or outside the longest run is how a menu looks, but
also how a code listing, a table, an ingredient list or the second post of a forum thread looks. A candidate
goes only with support:

- **evidence nearby**: lines the pattern detectors judged (a menu word, a share bar, a copyright line, a cookie
  banner) pass their weight on to the candidates around them, fading with every line, fastest across code and
  sentences, slowest across the short title-like lines menus are made of;
- **evidence in its region**: the run of removable lines it stands in holds judged lines; a run that holds
  none (less than :data:`MIN_REGION_EVIDENCE`) is not weighed at all and stays;
- **a page with chrome**: the whole document holds judged lines (an extracted article holds none).

These signals and the line's own shape are weighed by a linear model (``clean/data/support.json``, made by
``benchmarks/train_support.py`` from the dev halves of the evaluation sets; its ``about`` says how), and a run of
consecutive candidates goes or stays as a whole, by its lines' mean score. Text with no evidence comes out
unchanged.
"""

from __future__ import annotations

import enum
import json
import math
import re
from dataclasses import dataclass
from itertools import accumulate, compress, count, repeat
from operator import add, attrgetter, itemgetter, mul, ne, sub
from importlib import resources
from typing import Sequence

from ..document import Document, Verdict
from ..phrases import LineMatch, Phrase
from ..scripts import NO_SPACE

class Place(enum.Enum):
    """Where the context pass found a candidate: outside the article's runs of text (before, after, between
    them), in a run of short lines inside one, or as a copy of a line repeated on the page."""

    BEFORE = "before"
    AFTER = "after"
    BETWEEN = "between"
    INSIDE = "inside"
    REPEATED = "repeated"


#: A code line: brackets, assignments, call syntax, snake_case, a command-line option or comment opener, a path.
_CODE = re.compile(r"[(){}\[\];=<>$`\\]|^\s*(?:--|#|//)|\w_\w|\.\w+\(|^\W*/\w")


#: A character every match of :data:`_CODE` holds: a line without one is no code (one cheap scan rules out most).
_CODE_CHARS = re.compile(r"[(){}\[\];=<>$`\\_#/-]")


def looks_like_code(text: str) -> bool:
    """A line of code, a command-line option or a path: no menu item looks like that."""
    return _CODE_CHARS.search(text) is not None and _CODE.search(text) is not None
#: How much of the evidence reaching a line it keeps: menus are runs of short title-like lines.
FADE_SHORT = 0.9
FADE_SENTENCE = 0.6
FADE_CODE = 0.3
#: A phrase that makes a whole line of one word is weak evidence alone ("Print" is a share button, and a
#: line of Python); weaker still in another language than the article's or in a code-like line.
WEAK = 0.5
WEAKER = 0.15


def evidence_weight(v: Verdict | None, match: LineMatch, text: str, language: str | None) -> float:
    """How strongly a line marks the lines around it as chrome: a pattern detector's verdict (by the phrase that
    decided, if one did: any other verdict is strong evidence), or else the strongest whole-line or line-head
    phrase of the phrase data (a "Comments" link above the article, which the comment detector leaves alone
    there)."""
    if v is not None:
        return 1.0 if v.phrase is None else phrase_weight(v.phrase, text, language)
    return max((phrase_weight(p, text, language) for p in match if p.kind in ("whole", "head")), default=0.0)


def phrase_weight(p: Phrase, text: str, language: str | None) -> float:
    """A phrase that is a whole line of one word is weak evidence; weaker where it does not count alone (see
    :func:`word_counts`). A phrase of a line that stands in the article (a caption's label) is none."""
    if p.reason.in_article:
        return 0.0
    if p.kind != "whole" or not one_word(p.text):
        return 1.0
    return WEAK if word_counts(p, text, language) else WEAKER


def word_counts(p: Phrase, text: str, language: str | None) -> bool:
    """Whether a one-word phrase that is a whole line makes the line chrome: in the article's language or English
    (the web's chrome language), in a line that does not start in lower case (a sentence's fragment) and does not
    look like code ("--help", "'/login'")."""
    return p.lang in (language, "en") and not text.lstrip()[:1].islower() and not looks_like_code(text)


def one_word(phrase: str) -> bool:
    """One word: no space, and in scripts written without spaces at most two characters (跳到主要内容 is not)."""
    return " " not in phrase and (len(phrase) <= 2 or not NO_SPACE.search(phrase))


#: The features, in the model's order. ``kind_*`` is the context pass's class of the line; ``why_*`` where the
#: context pass put it.
FEATURES = (
    "near_evidence", "region_evidence", "region_density", "doc_evidence", "doc_strong",
    "region_lines", "region_at_start", "region_at_end", "region_share_code", "region_share_good",
    "kind_good", "kind_near", "kind_short", "code", "words", "ends_sentence", "starts_lower", "digits",
    "repeated", "why_before", "why_after", "why_between", "why_inside", "doc_share_good",
    "title_case", "region_share_short", "edge_distance", "position", "separators",
    "behind_evidence", "window_evidence", "page_before", "page_after", "page_between", "page_short",
)
#: ``kind_good``, ``kind_near``, ``kind_short`` of a line of each kind, and ``why_*`` of each place.
_KIND_HOT = {"good": (1.0, 0.0, 0.0), "near": (0.0, 1.0, 0.0), "short": (0.0, 0.0, 1.0), "bad": (0.0, 0.0, 0.0)}
_PLACE_HOT = {place: tuple(float(place is p) for p in (Place.BEFORE, Place.AFTER, Place.BETWEEN, Place.INSIDE))
              for place in Place}
_KIND_VALUE = attrgetter("_value_")
_FIRST = itemgetter(0)
#: A run of candidates is weighed only when the lines judged in it add up to this much evidence (one capitalised
#: menu word): a run without any stays, whatever the rest of the page shows.
MIN_REGION_EVIDENCE = WEAK
#: How far around a line :func:`candidate_features` counts evidence in ``window_evidence``.
WINDOW = 10
#: Breadcrumb and menu separators inside a line ("Home › News", "About | Contact").
_SEPARATORS = re.compile(r"\s[|›»>/·•]\s")


@dataclass(frozen=True)
class SupportModel:
    """A linear model over :data:`FEATURES`: a candidate goes when its score reaches ``threshold``."""

    weights: tuple[float, ...]
    bias: float
    threshold: float
    about: str = ""

    @classmethod
    def load(cls, package: str = "clean.data", name: str = "support.json") -> "SupportModel":
        data = json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{name}: its features are not this version's; run benchmarks/train_support.py")
        return cls(tuple(data["weights"]), data["bias"], data["threshold"], data.get("about", ""))

    def score(self, x: Sequence[float]) -> float:
        return self.bias + sum(map(mul, self.weights, x))


class _Page:
    """What the whole page adds to each candidate's features: the evidence of every line (``ev``), the runs of
    removable lines to weigh, and the counts made at C speed over all lines."""

    __slots__ = ("doc", "texts", "n", "ev", "doc_ev", "strong", "runs", "behind", "prefix", "values",
                 "share_good", "copies")

    def __init__(self, doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict], kinds: Sequence,
                 every_run: bool, only: frozenset[int] | None):
        self.doc = doc
        n = self.n = len(doc.blocks)
        texts = self.texts = doc.texts
        ev = self.ev = [0.0] * n
        matches, language = doc.matches, doc.language
        for i in verdicts:
            ev[i] = evidence_weight(verdicts[i], matches[i], texts[i], language)
        for i in out:
            if i not in verdicts and matches[i]:  # a candidate without a phrase carries no evidence
                ev[i] = evidence_weight(None, matches[i], texts[i], language)
        self.doc_ev = sum(ev)
        self.runs: list[tuple[int, int]] = []
        if self.doc_ev == 0.0:
            return
        every = _removable_runs(verdicts, out)
        # a region needs evidence that counts: lines that are weak evidence alone (a lower-case "print", a
        # fragment or code) add nothing to it, however many of them a page repeats
        runs = every if every_run else [(i, j) for i, j in every
                                        if sum(e for e in ev[i:j] if e >= WEAK) >= MIN_REGION_EVIDENCE]
        if only is not None:
            runs = [(i, j) for i, j in runs if not only.isdisjoint(range(i, j))]
        self.runs = runs
        if not runs:
            return
        self.strong = sum(map((1.0).__le__, ev))  # lines of strong evidence (at least 1.0)
        # the first and last lines that are neither judged nor candidates
        first_kept = every[0][1] if every[0][0] == 0 else 0
        last_kept = every[-1][0] - 1 if every[-1][1] == n else n - 1
        if first_kept == n:
            first_kept, last_kept = n, -1
        # strong evidence between the line and the article (a copyright line or a log-in prompt between the
        # article's end and the line): the line stands in the page's footer or header
        behind = self.behind = [0.0] * n
        seen = 0.0
        for i in range(last_kept + 1, n):
            behind[i] = seen
            if ev[i] > seen:
                seen = ev[i]
        seen = 0.0
        for i in range(first_kept - 1, -1, -1):
            behind[i] = seen
            if ev[i] > seen:
                seen = ev[i]
        self.prefix = list(accumulate(ev, initial=0.0))
        self.values = list(map(_KIND_VALUE, kinds))  # the enum's value without its descriptor: read per line
        self.share_good = self.values.count("good") / n
        self.copies = doc.copies

    def run(self, i: int, j: int, code_of: dict[str, bool] | None = None
            ) -> tuple[list[bool], list[float], tuple[float, ...], float]:
        """For the run [i, j): which lines are code, the evidence near each line, fading line by line within the
        run (it does not cross a kept line), the run's own features and its share of short lines."""
        texts, features, ev, values = self.texts, self.doc.features, self.ev, self.values
        size = j - i
        region_ev = sum(ev[i:j])
        if code_of is None:
            code = [looks_like_code(texts[k]) for k in range(i, j)]
        else:
            code = [code_of[t] if t in code_of else code_of.setdefault(t, looks_like_code(t)) for t in texts[i:j]]
        # how much of the evidence reaching a line it keeps (FADE_*)
        fade = [FADE_CODE if c else FADE_SENTENCE if f.words > 8 or f.ends_sentence else FADE_SHORT
                for f, c in zip(features[i:j], code)]
        near = [0.0] * size
        acc = 0.0
        for k in range(size):
            acc = acc * fade[k] + ev[i + k]
            near[k] = acc
        acc = 0.0
        for k in range(size - 1, -1, -1):
            acc = acc * fade[k] + ev[i + k]
            near[k] += acc - ev[i + k]
        region = (math.log1p(region_ev), region_ev / size, math.log1p(self.doc_ev), math.log1p(self.strong),
                  math.log1p(size), float(i == 0), float(j == self.n), sum(code) / size,
                  values[i:j].count("good") / size)
        return code, near, region, values[i:j].count("short") / size


def candidate_features(doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict],
                       places: dict[int, Place], kinds: Sequence, every_run: bool = False,
                       only: frozenset[int] | None = None) -> dict[int, list[float]]:
    """The feature vector of every candidate in ``out`` (see :data:`FEATURES`) that stands in a run with
    evidence (``every_run``: in any run, as the model is trained), or of those in ``only``.

    Only the runs of removable lines are walked line by line: what the rest of the page adds (the evidence
    window, the share of good lines, the copies of a text) is counted at C speed."""
    page = _Page(doc, verdicts, out, kinds, every_run, only)
    feats: dict[int, list[float]] = {}
    if not page.runs:
        return feats
    n, texts, values, copies, behind, prefix = page.n, page.texts, page.values, page.copies, page.behind, page.prefix
    share_good = page.share_good
    chrome = math.log1p(page.strong)
    log1p = math.log1p
    features = doc.features
    for i, j in page.runs:
        code, near, region, short_share = page.run(i, j)
        for k in range(i, j):
            if k not in out or (only is not None and k not in only):
                continue
            f, text = features[k], texts[k]
            good_, near_, short_ = _KIND_HOT[values[k]]
            before, after, between, inside = _PLACE_HOT[places[k]]
            feats[k] = [log1p(near[k - i]), *region, good_, near_, short_, float(code[k - i]),
                        log1p(f.words), float(f.ends_sentence), float(text.lstrip()[:1].islower()),
                        _digits(text) / max(1, f.chars), log1p(copies[text.strip()] - 1),
                        before, after, between, inside, share_good,
                        _title_case(text), short_share, log1p(min(k - i, j - 1 - k)), k / n,
                        float(bool(_SEPARATORS.search(text))), behind[k],
                        (prefix[min(n, k + WINDOW + 1)] - prefix[max(0, k - WINDOW)]) / (2 * WINDOW + 1),
                        # the same places in a page that shows its chrome (strong evidence elsewhere) weigh more
                        chrome * before, chrome * after, chrome * between, chrome * short_]
    return feats


#: Every feature's absolute value is below this (shares and flags are at most 1, evidence near a line at most
#: 20, the rest are logarithms of counts): it bounds how far two orders of summing a score can drift apart.
FEATURE_BOUND = 64.0
#: A run whose mean score, summed in the fast order, is this close to the bar (relative to the largest score
#: the model can give) is weighed again exactly as :func:`candidate_features` and :meth:`SupportModel.score` do.
#: Rounding moves a sum of 36 terms by about 1e-15 of that size: the margin is a million times as wide.
EXACT_MARGIN = 1e-9


class Shapes:
    """What the model reads of a line's text alone, by text: whether it is code, and its shape (see
    :func:`shape`). Kept for one document across the calls of the context pass (each round, and the pass
    without the promo lines: :class:`clean.pipeline.Memo`); never shared between documents."""

    __slots__ = ("code", "shape")

    def __init__(self) -> None:
        self.code: dict[str, bool] = {}
        self.shape: dict[str, tuple] = {}


def shape(text: str, f) -> tuple:
    """What line ``text`` (its features ``f``) is, whatever the page: code, log1p of its words, whether it ends a
    sentence, starts in lower case, its share of digits, of Title Case words, and whether it holds a separator
    (the features ``code`` ... ``digits``, ``title_case`` and ``separators``, in that order)."""
    return (looks_like_code(text), math.log1p(f.words), f.ends_sentence, text.lstrip()[:1].islower(),
            _digits(text) / (f.chars or 1), _title_case(text), _SEPARATORS.search(text) is not None)


def candidate_scores(doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict],
                     places: dict[int, Place], kinds: Sequence, model: SupportModel,
                     only: frozenset[int] | None = None) -> dict[int, float]:
    """``model.score`` of every vector :func:`candidate_features` would give, summed in another order: what a
    whole run, a whole page, a kind, a place or a text adds is summed once, not once per line. Equal to that up to
    rounding (see :data:`EXACT_MARGIN`)."""
    page = _Page(doc, verdicts, out, kinds, False, only)
    scores: dict[int, float] = {}
    if not page.runs:
        return scores
    w = model.weights
    n, texts, values, copies, behind, prefix = page.n, page.texts, page.values, page.copies, page.behind, page.prefix
    chrome = math.log1p(page.strong)
    kind_part = {v: w[10] * g + w[11] * m + w[12] * s + w[34] * chrome * s for v, (g, m, s) in _KIND_HOT.items()}
    # by the place's value, not the enum: an enum hashes in Python
    place_part = {p._value_: w[19] * b + w[20] * a + w[21] * bt + w[22] * ins + w[31] * chrome * b
                  + w[32] * chrome * a + w[33] * chrome * bt for p, (b, a, bt, ins) in _PLACE_HOT.items()}
    page_part = model.bias + w[23] * page.share_good
    shapes = doc.shapes if doc.shapes is not None else Shapes()
    code_of, shape_of = shapes.code, shapes.shape
    own: dict[str, float] = {}  # what the line's text adds (its shape, its copies on the page), once per text
    log1p = math.log1p
    features = doc.features
    w0, w27, w29 = w[0], w[27] / n, w[29]
    # what a line's distance to its run's edge adds, by distance; the evidence window around each line
    edge_part = list(map(mul, repeat(w[26]), map(log1p, range(n))))
    hi = prefix[WINDOW + 1:] + [prefix[n]] * min(n, WINDOW)  # prefix[min(n, k + WINDOW + 1)]
    lo = [prefix[0]] * min(n, WINDOW + 1) + prefix[1:max(1, n - WINDOW)]  # prefix[max(0, k - WINDOW)]
    window = list(map(mul, repeat(w[30] / (2 * WINDOW + 1)), map(sub, hi, lo)))
    scored = out.keys() if only is None else only.intersection(out)
    for i, j in page.runs:
        code, near, region, short_share = page.run(i, j, code_of)
        run_part = page_part + sum(map(mul, w[1:10], region)) + w[25] * short_share
        last = j - 1
        for k in range(i, j):
            if k not in scored:
                continue
            text = texts[k]
            mine = own.get(text)
            if mine is None:
                sh = shape_of.get(text)
                if sh is None:
                    sh = shape_of[text] = shape(text, features[k])
                mine = own[text] = (w[13] * sh[0] + w[14] * sh[1] + w[15] * sh[2] + w[16] * sh[3] + w[17] * sh[4]
                                    + w[18] * log1p(copies[text.strip()] - 1) + w[24] * sh[5] + w[28] * sh[6])
            scores[k] = (run_part + kind_part[values[k]] + place_part[places[k]._value_] + mine
                         + w0 * log1p(near[k - i]) + edge_part[k - i if k - i < last - k else last - k] + w27 * k
                         + w29 * behind[k] + window[k])
    return scores


def any_evidence(doc: Document) -> bool:
    """Whether a candidate of ``doc`` could go with no line judged by the pattern detectors: only a line of
    encoded data, or one with a whole-line or line-head phrase (the evidence a candidate carries itself), lets
    :func:`supported` keep one."""
    if any(p.kind in ("whole", "head") and not p.reason.in_article for m in filter(None, doc.matches) for p in m):
        return True
    return any(len(b.text) > BLOB_MIN_CHARS and is_encoded(b.text) for b in doc.blocks)


def _removable_runs(verdicts: dict[int, Verdict], out: dict[int, Verdict]) -> list[tuple[int, int]]:
    """The runs [i, j) of consecutive lines that are judged or candidates, in order."""
    order = sorted(verdicts.keys() | out.keys())
    if not order:
        return []
    # where a run ends: the next line in the order is not the next line of the document
    cuts = list(compress(count(1), map(ne, order[1:], map(add, order, repeat(1)))))
    return [(order[a], order[b - 1] + 1) for a, b in zip([0, *cuts], [*cuts, len(order)])]


#: The ASCII digits: in ASCII text, ``str.isdigit`` holds for these ten only (a scan for them is cheaper than a
#: translation that deletes them).
_ASCII_DIGIT = re.compile("[0-9]")


def _digits(text: str) -> int:
    """How many characters of ``text`` are digits (``str.isdigit``)."""
    if text.isascii():
        return len(_ASCII_DIGIT.findall(text))
    return sum(map(str.isdigit, text))


def _title_case(text: str) -> float:
    """The share of words that start with a capital: menu items and headlines are Title Case."""
    words = text.split()
    return sum(map(str.isupper, map(_FIRST, words))) / len(words) if words else 0.0


def supported(doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict], places: dict[int, Place],
              kinds: Sequence, model: SupportModel, wanted: set[int] | None = None) -> dict[int, Verdict]:
    """The candidates in ``out`` that have the evidence to go: their own (base64 is not language), or what the
    model weighs, for each run of consecutive candidates as a whole. With ``wanted``, only the verdicts on those
    lines are asked for: only their runs are weighed."""
    keep: dict[int, Verdict] = {}
    blocks = doc.blocks
    for k, v in out.items():
        if len(blocks[k].text) > BLOB_MIN_CHARS and is_encoded(blocks[k].text):  # the length first: it is cheap
            keep[k] = Verdict(v.reason, "encoded data, not language")
    only = None if wanted is None else _runs_of(out, wanted)
    scores = candidate_scores(doc, verdicts, out, places, kinds, model, only)
    bar = model.threshold + doc.options.thresholds.support_margin
    margin = EXACT_MARGIN * (abs(model.bias) + FEATURE_BOUND * sum(map(abs, model.weights)))
    # a run of candidates is chrome or content as a whole: it is judged by its lines' mean score, each line
    # weighing by its words (one menu word inside a code listing does not make the listing a menu)
    for run in _consecutive(sorted(scores)):
        mean = _mean(scores, run, doc)
        if abs(mean - bar) <= margin:  # too close to call in the fast order: the model's own sum decides
            exact = {k: model.score(x) for k, x in
                     candidate_features(doc, verdicts, out, places, kinds, only=frozenset(run)).items()}
            mean = _mean(exact, run, doc)
        if mean >= bar:
            keep.update((k, out[k]) for k in run if k not in keep)
    return keep


def _mean(scores: dict[int, float], run: list[int], doc: Document) -> float:
    """The run's mean score, each line weighing by its words plus one."""
    weights = [doc.features[k].words + 1 for k in run]
    return sum(scores[k] * w for k, w in zip(run, weights)) / sum(weights)


def _consecutive(order: list[int]) -> list[list[int]]:
    """``order`` (sorted) cut into runs of consecutive numbers."""
    runs: list[list[int]] = []
    for k in order:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _runs_of(out: dict[int, Verdict], wanted: set[int]) -> frozenset[int]:
    """The candidates in the runs of consecutive candidates that hold a ``wanted`` line: a line's verdict
    depends on its run's scores only."""
    return frozenset(k for run in _consecutive(sorted(out)) if not wanted.isdisjoint(run) for k in run)


#: A blob is longer than this.
BLOB_MIN_CHARS = 80
#: Words of any language average under this many characters with their space; a longer ASCII run is a blob.
BLOB_CHARS_PER_SPACE = 25


def is_blob(text: str) -> bool:
    """An encoded string or a run of URLs: ASCII with hardly a space (base64, tracking links), not language."""
    return len(text) > BLOB_MIN_CHARS and text.isascii() and text.count(" ") < len(text) // BLOB_CHARS_PER_SPACE


def is_encoded(text: str) -> bool:
    """Base64 (an embed's payload, an inline image): a blob without a space or a link, in letters of both cases
    and digits. A hex checksum, a key or a long link in documentation is none of these."""
    s = text.strip()
    return (is_blob(s) and " " not in s and "://" not in s and any(map(str.isdigit, s))
            and any(map(str.isupper, s)) and any(map(str.islower, s)))
