"""The context pass: which lines form the article's run of text, and which stand in the chrome around it.

Plain text has lost its markup, so a menu item and a subheading look alike line by line. As jusText does for
paragraphs, this judges in two passes. First, context-free: every line is *good* (long and sentence-like),
*near* (a shorter sentence), *short*, or *bad* (an earlier detector's verdict). Then, in context: the article
is the span of lines with the highest score, where good lines add their length and short and bad lines cost
a fixed amount, so a few short subheadings between paragraphs stay inside it while a menu at the top does
not. Outside the span only the title (a heading-like line just before it) stays; inside it, runs of short
lines (lists of links) go.
"""

from __future__ import annotations

import enum
import re
from functools import partial
from itertools import compress, count, repeat
from operator import attrgetter, is_not, not_
from typing import Sequence

from ..document import Document, Verdict
from ..features import Features
from ..options import Thresholds
from ..reasons import Reason
from . import support
from .support import Place

_SIZE, _RATIO = attrgetter("size"), attrgetter("stopword_ratio")
#: A line this long (or longer) that does not end its sentence may be wrapped onto the next.
WRAP_MIN_CHARS = 40


class Kind(enum.Enum):
    GOOD = "good"
    NEAR = "near"
    SHORT = "short"
    BAD = "bad"


def classify(f: Features, t: Thresholds, min_stop: float | None = None) -> Kind:
    """Context-free class of one line; ``min_stop`` is the function-word share a sentence needs here."""
    min_stop = t.good_min_stopword_ratio if min_stop is None else min_stop
    sentence_like = f.has_sentence
    stop_ok = f.stopword_ratio is None or f.stopword_ratio >= min_stop
    if f.size >= t.long_chars and f.words >= t.good_min_words and (sentence_like or stop_ok):
        return Kind.GOOD
    if f.size >= t.good_min_chars and f.words >= t.good_min_words and sentence_like and stop_ok:
        return Kind.GOOD
    if f.words >= t.near_min_words and sentence_like and stop_ok and not f.is_all_caps:
        return Kind.NEAR
    return Kind.SHORT


def classify_all(features: Sequence[Features], t: Thresholds, min_stop: float) -> list[Kind]:
    """:func:`classify` of every line, the thresholds read once (it runs over every line of every document)."""
    long_, good_chars, good_words, near_words = t.long_chars, t.good_min_chars, t.good_min_words, t.near_min_words
    good, near, short = Kind.GOOD, Kind.NEAR, Kind.SHORT
    out = []
    append = out.append
    for _, size, words, sentence_like, _, caps, ratio in features:
        stop_ok = ratio is None or ratio >= min_stop
        if words >= good_words and (size >= long_ and (sentence_like or stop_ok)
                                    or size >= good_chars and sentence_like and stop_ok):
            append(good)
        elif words >= near_words and sentence_like and stop_ok and not caps:
            append(near)
        else:
            append(short)
    return out


def best_span(weights: list[float]) -> tuple[int, int] | None:
    """The contiguous run [start, end) with the largest sum of weights (Kadane), or None if all are <= 0."""
    best, best_span_, cur, cur_start = 0.0, None, 0.0, 0
    for i, w in enumerate(weights):
        if cur <= 0:
            cur, cur_start = 0.0, i
        cur += w
        if cur > best:
            best, best_span_ = cur, (cur_start, i + 1)
    return best_span_


def article_spans(weights: list[float], entry_cost: float) -> list[tuple[int, int]]:
    """The runs [start, end) that maximise the sum of their weights less ``entry_cost`` for every run
    (dynamic programming over two states, article and not), with the single best span always among them, so
    the article's main run is in effect free. With an infinite cost this is the single
    best span; with a finite one, an article interrupted by a gallery or a table is still one article, while a
    lone long line in a sidebar does not pay for its entry."""
    first = best_span(weights)
    if first is None:
        return []
    # state 0: outside, 1: inside; best[state] = (score, runs so far as a tuple of starts/ends)
    NEG = float("-inf")
    out_score, in_score = 0.0, NEG
    out_back: list[bool] = []  # for each i: did the best "outside at i" come from inside at i-1
    in_back: list[bool] = []  # for each i: did the best "inside at i" come from inside at i-1
    in_append, out_append = in_back.append, out_back.append
    for w in weights:
        stay_in = in_score + w
        enter = out_score - entry_cost + w
        # max(a, b) is a unless b > a: the same values, without the calls
        stayed = stay_in >= enter
        in_append(stayed)
        left = in_score > out_score
        out_append(left)
        out_score, in_score = (in_score if left else out_score), (stay_in if not enter > stay_in else enter)
    # trace back
    state = 1 if in_score > out_score else 0
    spans: list[tuple[int, int]] = []
    end = None
    for i in range(len(weights) - 1, -1, -1):
        if state == 1:
            if end is None:
                end = i + 1
            if not in_back[i]:
                spans.append((i, end))
                end = None
                state = 0
        else:
            state = 1 if out_back[i] else 0
    spans.reverse()
    # the first run is free: make sure the single best span is covered
    if not any(s <= first[0] and first[1] <= e for s, e in spans):
        spans = sorted([sp for sp in spans if sp[1] <= first[0] or sp[0] >= first[1]] + [first])
    return spans


def _heading_like(f: Features, text: str) -> bool:
    """A title or subheading: a few words, no closing punctuation, not mostly digits (a date)."""
    return 2 <= f.words <= 25 and not f.ends_sentence and sum(map(str.isdigit, text)) < 0.2 * len(text)


_DATA_ITEM = re.compile(r"\d|^\W*[^\W\d][^:]{0,30}:\s*\S")


def _content_list(doc: Document, i: int, j: int, t: Thresholds) -> bool:
    """Whether the short lines i..j-1 are a list of the article's own (ingredients, specifications, steps):
    most items carry numbers or "key: value", or continue a sentence (start lower-case), unlike the title-like
    items of a menu or a list of other stories."""
    items = [doc.blocks[k].text.strip() for k in range(i, j)]
    data = sum(bool(_DATA_ITEM.search(x)) or x[:1].islower() for x in items)
    return data >= t.content_list_share * len(items)


def stopword_bar(features: list[Features] | tuple[Features, ...], t: Thresholds) -> float:
    """The function-word share a sentence needs in this document: the preset's, or less where the document's
    own long lines have less (languages whose function words attach to other words, such as Korean)."""
    # the ratios of the long lines that have one, picked at C speed
    ratios = sorted(filter(partial(is_not, None), compress(map(_RATIO, features),
                                                           map(t.long_chars.__le__, map(_SIZE, features)))))
    if not ratios:
        return t.good_min_stopword_ratio
    return min(t.good_min_stopword_ratio, t.relative_stopword_ratio * ratios[len(ratios) // 2])


def _continues(prev: Features, prev_text: str, block) -> bool:
    """Whether ``block`` continues ``prev``'s sentence on the next line: hard-wrapped text (mail, <pre>, text
    dumps) breaks a paragraph into lines of about the same width, each short by itself."""
    if block.gap_before or prev.chars < WRAP_MIN_CHARS or prev.ends_sentence:
        return False
    first = block.text.lstrip()[:1]
    return first.islower() or prev_text.rstrip()[-1:] in ",-–—"


def paragraph_kinds(doc: Document, kinds: list[Kind], t: Thresholds, min_stop: float) -> list[Kind]:
    """The kinds of hard-wrapped lines, judged as the paragraph they make together: each line of a wrapped
    paragraph takes the kind of the whole."""
    out = list(kinds)
    feats, blocks = doc.features, doc.blocks
    n = len(blocks)
    bad = Kind.BAD
    # a line can continue the one before only if that one is long and does not end its sentence: only those are
    # tested, and each paragraph is a run of lines each continuing the one before
    links = [k for k, f in enumerate(feats) if f.chars >= WRAP_MIN_CHARS and not f.ends_sentence and k + 1 < n
             and kinds[k] is not bad and kinds[k + 1] is not bad and _continues(f, blocks[k].text, blocks[k + 1])]
    i = 0
    while i < len(links):
        j = i + 1
        while j < len(links) and links[j] == links[j - 1] + 1:
            j += 1
        start, end = links[i], links[j - 1] + 2  # the lines [start, end): each of start..end-2 continued
        kind = classify(_joined(feats[start:end]), t, min_stop)
        out[start:end] = [kind] * (end - start)
        i = j
    return out


def _joined(parts: Sequence[Features]) -> Features:
    words = sum(f.words for f in parts)
    ratios = [(f.stopword_ratio, f.words) for f in parts if f.stopword_ratio is not None]
    stop = sum(r * w for r, w in ratios) / max(1, sum(w for _, w in ratios)) if ratios else None
    return Features(sum(f.chars for f in parts), sum(f.size for f in parts), words,
                    any(f.has_sentence for f in parts), parts[-1].ends_sentence,
                    all(f.is_all_caps for f in parts), stop)


def repeated_lines(doc: Document, kinds: list[Kind]) -> dict[str, list[int]]:
    """Lines whose text occurs more than once on the page, by text: a caption under every copy of a picture, a
    teaser in a menu and again in a list of other stories, a widget's blurb in two sidebars. An article's own
    lines say something once. Copies an earlier detector removed count, but are not listed again."""
    twice = {k for k, c in doc.copies.items() if c > 1}  # most lines occur once: counted at C speed
    where: dict[str, list[int]] = {}
    if twice:
        keys = list(map(str.strip, doc.texts))
        for i in compress(count(), map(twice.__contains__, keys)):  # the copies only are walked
            where.setdefault(keys[i], []).append(i)
    # the copies not removed by an earlier detector
    return {k: list(compress(v, map(is_not, map(kinds.__getitem__, v), repeat(Kind.BAD)))) for k, v in where.items()}


def _one_copy_inside(copies: list[int], kinds: list[Kind], inside: list[bool]) -> int | None:
    """The copy of a repeated paragraph that stays: the first inside the article (a pull quote repeats a
    sentence of the article, which must not lose it); short lines and lines outside keep no copy."""
    return next((i for i in copies if kinds[i] is Kind.GOOD and inside[i]), None)


def detect(doc: Document, verdicts: dict[int, Verdict], wanted: set[int] | None = None) -> dict[int, Verdict]:
    """The lines to remove; with ``wanted``, only those among them are sure to be listed."""
    if not verdicts and not support.any_evidence(doc):
        return {}  # nothing judged and no phrase: no candidate could have the support it needs
    out, places, kinds = candidates(doc, verdicts)
    return support.supported(doc, verdicts, out, places, kinds, doc.support, wanted)


_REPEATED = Verdict(Reason.OUTSIDE_ARTICLE, "line repeated elsewhere on the page")


def candidates(doc: Document, verdicts: dict[int, Verdict]) -> tuple[dict[int, Verdict], dict[int, Place], list[Kind]]:
    """What the article's run of text leaves out, before any evidence is asked for: lines outside it, short
    runs inside it, repeated lines; where each stands; and the kind of every line."""
    t = doc.options.thresholds
    bar = stopword_bar(doc.features, t)
    kinds = classify_all(doc.features, t, bar)
    for i, v in verdicts.items():
        if not v.reason.in_article:
            kinds[i] = Kind.BAD
    kinds = paragraph_kinds(doc, kinds, t, bar)
    heading_kinds = list(kinds)  # the title may be repeated (a breadcrumb, a heading), it is still the title
    groups = repeated_lines(doc, kinds)
    for copies in groups.values():
        for i in copies:
            if kinds[i] is not Kind.GOOD:
                kinds[i] = Kind.BAD
    good, near, short, short_w, bad_w = Kind.GOOD, Kind.NEAR, Kind.SHORT, -t.span_short_penalty, -t.span_bad_penalty
    weights = [float(f.size) if k is good else f.size * 0.25 if k is near else short_w if k is short else bad_w
               for k, f in zip(kinds, doc.features)]  # good lines add their size, near ones a quarter of it
    spans = article_spans(weights, t.span_entry_cost)
    out: dict[int, Verdict] = {}
    places: dict[int, Place] = {}
    if not spans:
        return out, places, kinds
    inside = [False] * len(kinds)
    for s, e in spans:
        inside[s:e] = [True] * (e - s)
    repeated: set[int] = set()
    for copies in groups.values():
        keep = _one_copy_inside(copies, kinds, inside)
        repeated.update(i for i in copies if i != keep)
    for i in repeated:
        kinds[i] = Kind.BAD
    start, end = spans[0][0], spans[-1][1]
    title = None
    for i in range(start - 1, max(-1, start - 1 - t.title_distance), -1):
        if heading_kinds[i] is Kind.BAD:
            continue  # a share bar or byline between title and text
        if _heading_like(doc.features[i], doc.blocks[i].text) and doc.features[i].words >= 3:
            title = i
            break
    made: dict[tuple[Kind, Place], Verdict] = {}  # one verdict for each kind and place: they are all alike
    # the lines outside the runs and the copies, in order: the article's own lines are not walked
    for i in sorted(repeated.union(compress(count(), map(not_, inside)))):
        if i in verdicts or i == title:
            continue
        if i in repeated:
            out[i] = _REPEATED
            places[i] = Place.REPEATED
        elif not inside[i]:
            place = Place.BEFORE if i < start else Place.AFTER if i >= end else Place.BETWEEN
            v = made.get((kinds[i], place))
            if v is None:
                where = "between parts of" if place is Place.BETWEEN else place.value
                v = made[kinds[i], place] = Verdict(Reason.OUTSIDE_ARTICLE,
                                                    f"{kinds[i].value} line {where} the article's run of text")
            out[i] = v
            places[i] = place
    # inside the span: a run of short lines stays only between article lines on both sides, and only while
    # it is shorter than a list of links
    i = start
    while i < end:
        if kinds[i] is Kind.SHORT and inside[i]:
            j = i
            while j < end and inside[j] and kinds[j] in (Kind.SHORT, Kind.BAD):
                j += 1
            n_short = sum(kinds[k] is Kind.SHORT for k in range(i, j))
            before_ok = i > 0 and inside[i - 1] and kinds[i - 1] in (Kind.GOOD, Kind.NEAR)
            after_ok = j < len(kinds) and inside[j] and kinds[j] in (Kind.GOOD, Kind.NEAR)
            why = None
            if n_short >= t.short_run and not _content_list(doc, i, j, t):
                why = f"run of {n_short} short lines inside the article"
            elif t.short_needs_both_sides and not (before_ok and after_ok):
                why = "short line next to " + ("a removed line" if any(kinds[k] is Kind.BAD for k in range(i, j))
                                               or (i > 0 and kinds[i - 1] is Kind.BAD)
                                               or (j < len(kinds) and kinds[j] is Kind.BAD) else "the article's edge")
            if why:
                for k in range(i, j):
                    if k not in verdicts and k != title:
                        out[k] = Verdict(Reason.OUTSIDE_ARTICLE, why)
                        places[k] = Place.INSIDE
            i = j
        else:
            i += 1
    return out, places, kinds
