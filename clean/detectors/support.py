"""Whether a line the context pass would remove has the evidence a removal needs.

The context pass (:mod:`clean.detectors.context`) finds the article's run of sentence-like text; what it
leaves out is only a *candidate*. Being short, repeated, or outside the longest run is how a menu looks, but
also how a code listing, a table, an ingredient list or the second post of a forum thread looks. A candidate
goes only with support:

- **evidence nearby**: lines the pattern detectors judged (a menu word, a share bar, a copyright line, a cookie
  banner) pass their weight on to the candidates around them, fading with every line, fastest across code and
  sentences, slowest across the short title-like lines menus are made of;
- **evidence in its region**: the run of removable lines it stands in holds judged lines;
- **a page with chrome**: the whole document holds judged lines (an extracted article holds none).

These signals and the line's own shape are weighed by a linear model (``clean/data/support.json``, made by
``benchmarks/train_support.py`` from the dev halves of the evaluation sets; its ``about`` says how), and a run of
removable lines goes or stays as a whole, by its lines' mean score. Text with no evidence anywhere comes out
unchanged: without a judged line or a phrase nothing is weighed at all.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from operator import attrgetter, mul
from importlib import resources
from typing import Sequence

from ..document import Document, Verdict
from ..phrases import LineMatch
from ..reasons import Reason

_REASONS = tuple(Reason)

#: A code line: brackets, assignments, call syntax, snake_case, a command-line option or comment opener.
_CODE = re.compile(r"[(){}\[\];=<>$`\\]|^\s*(?:--|#|//)|\w_\w|\.\w+\(")
#: A character every match of :data:`_CODE` holds: a line without one is no code (one cheap scan rules out most).
_CODE_CHARS = re.compile(r"[(){}\[\];=<>$`\\_#/-]")
#: How much of the evidence a line passes on to the next: menus are runs of short title-like lines.
FADE_SHORT = 0.9
FADE_SENTENCE = 0.6
FADE_CODE = 0.3
#: A phrase that makes a whole line of one word is weak evidence alone ("Print" is a share button, and a
#: line of Python); weaker still in another language than the article's or in a code-like line.
WEAK = 0.5
WEAKER = 0.15


def evidence_weight(v: Verdict | None, match: LineMatch, text: str, language: str | None) -> float:
    """How strongly a line marks the lines around it as chrome: a pattern detector's verdict, or else a
    whole-line or line-head phrase of the phrase data (a "Comments" link above the article, which the comment
    detector leaves alone there)."""
    if v is None:
        p = match.get(*_REASONS, kinds=("whole", "head")) if match else None
        if p is None:
            return 0.0
        lang, sep, phrase = p.lang, p.kind == "whole", p.text
    else:
        lang, sep, phrase = v.detail.partition(":=")
    if sep and len(lang) <= 5 and " " not in phrase:
        if lang not in (language, "en") or not any(map(str.isupper, text)) or _CODE.search(text):
            return WEAKER
        return WEAK
    return 1.0


def _fade(words: int, ends_sentence: bool, code: bool) -> float:
    if code:
        return FADE_CODE
    return FADE_SENTENCE if words > 8 or ends_sentence else FADE_SHORT


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


def candidate_features(doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict],
                       kinds: Sequence, only: frozenset[int] | None = None) -> dict[int, list[float]]:
    """The feature vector of every candidate in ``out`` (see :data:`FEATURES`), or of those in ``only``."""
    n = len(doc.blocks)
    texts = [b.text for b in doc.blocks]
    ev = [evidence_weight(verdicts.get(i), doc.matches[i], texts[i], doc.language) if i in verdicts or i in out else 0.0
          for i in range(n)]
    doc_ev = sum(ev)
    if doc_ev == 0.0:
        return {}
    strong = sum(e >= 1.0 for e in ev)
    code = [_CODE_CHARS.search(t) is not None and _CODE.search(t) is not None for t in texts]
    fade = [_fade(f.words, f.ends_sentence, c) for f, c in zip(doc.features, code)]
    removable = [i in out or i in verdicts for i in range(n)]
    near = [0.0] * n
    acc = 0.0
    for i in range(n):
        acc = acc * fade[i] + ev[i] if removable[i] else 0.0
        near[i] = acc
    acc = 0.0
    for i in range(n - 1, -1, -1):
        acc = acc * fade[i] + ev[i] if removable[i] else 0.0
        near[i] += acc - ev[i]
    # strong evidence between the line and the article (a copyright line or a log-in prompt between the
    # article's end and the line): the line stands in the page's footer or header
    kept = [i for i in range(n) if not removable[i]]
    first_kept, last_kept = (kept[0], kept[-1]) if kept else (n, -1)
    behind = [0.0] * n
    seen = 0.0
    for i in range(last_kept + 1, n):
        behind[i] = seen
        seen = max(seen, ev[i])
    seen = 0.0
    for i in range(first_kept - 1, -1, -1):
        behind[i] = seen
        seen = max(seen, ev[i])
    prefix = [0.0]
    for e in ev:
        prefix.append(prefix[-1] + e)
    values = list(map(_KIND_VALUE, kinds))  # the enum's value without its descriptor: read per line
    good = [v == "good" for v in values]
    share_good = sum(good) / n
    copies: dict[str, int] = {}
    for t in texts:
        key = t.strip()
        copies[key] = copies.get(key, 0) + 1
    feats: dict[int, list[float]] = {}
    page = math.log1p(strong)
    i = 0
    while i < n:
        if not removable[i]:
            i += 1
            continue
        j = i
        while j < n and removable[j]:
            j += 1
        size = j - i
        region_ev = sum(ev[i:j])
        region = (math.log1p(region_ev), region_ev / size, math.log1p(doc_ev), math.log1p(strong),
                  math.log1p(size), float(i == 0), float(j == n), sum(code[i:j]) / size, sum(good[i:j]) / size)
        short_share = values[i:j].count("short") / size
        for k in range(i, j):
            if k not in out or (only is not None and k not in only):
                continue
            f, kind, why = doc.features[k], values[k], out[k].detail
            feats[k] = [math.log1p(near[k]), *region,
                        float(kind == "good"), float(kind == "near"), float(kind == "short"), float(code[k]),
                        math.log1p(f.words), float(f.ends_sentence), float(texts[k].lstrip()[:1].islower()),
                        sum(map(str.isdigit, texts[k])) / max(1, f.chars), math.log1p(copies[texts[k].strip()] - 1),
                        float("before" in why), float("after" in why), float("between" in why),
                        float("inside" in why or "next to" in why), share_good,
                        _title_case(texts[k]), short_share, math.log1p(min(k - i, j - 1 - k)), k / n,
                        float(bool(_SEPARATORS.search(texts[k]))), behind[k],
                        (prefix[min(n, k + WINDOW + 1)] - prefix[max(0, k - WINDOW)]) / (2 * WINDOW + 1)]
            # the same places in a page that shows its chrome (strong evidence elsewhere) weigh more
            x = feats[k]
            x += [page * x[19], page * x[20], page * x[21], page * x[12]]
        i = j
    return feats


_KIND_VALUE = attrgetter("_value_")


def _title_case(text: str) -> float:
    """The share of words that start with a capital: menu items and headlines are Title Case."""
    words = text.split()
    return sum(map(str.isupper, [w[0] for w in words])) / len(words) if words else 0.0


def supported(doc: Document, verdicts: dict[int, Verdict], out: dict[int, Verdict], kinds: Sequence,
              model: SupportModel, wanted: set[int] | None = None) -> dict[int, Verdict]:
    """The candidates in ``out`` that have the evidence to go: their own (encoded data is not language), or
    what the model weighs. A repeated paragraph stays: forum replies quote the posts they answer. With
    ``wanted``, only the verdicts on those lines are asked for: only their runs are weighed."""
    keep: dict[int, Verdict] = {}
    for k, v in out.items():
        text = doc.blocks[k].text
        if is_blob(text) and " " not in text.strip() and "://" not in text:  # a link is a reference; code has spaces
            keep[k] = Verdict(v.reason, "encoded data, not language")
    feats = candidate_features(doc, verdicts, out, kinds, None if wanted is None else _runs_of(out, wanted))
    bar = model.threshold + doc.options.thresholds.support_margin
    scores = {k: model.score(x) for k, x in feats.items()}
    # a run of removable lines is chrome or content as a whole: it is judged by its lines' mean score, each line
    # weighing by its words (one menu word inside a code listing does not make the listing a menu)
    order = sorted(scores)
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and order[j] == order[j - 1] + 1:
            j += 1
        run = order[i:j]
        weights = [doc.features[k].words + 1 for k in run]
        mean = sum(scores[k] * w for k, w in zip(run, weights)) / sum(weights)
        scores.update((k, mean) for k in run)
        i = j
    keep.update((k, out[k]) for k, sc in scores.items() if k not in keep and sc >= bar)
    return keep


def _runs_of(out: dict[int, Verdict], wanted: set[int]) -> frozenset[int]:
    """The candidates in the runs of consecutive candidates that hold a ``wanted`` line: a line's verdict
    depends on its run's scores only."""
    order = sorted(out)
    found: list[int] = []
    i = 0
    while i < len(order):
        j = i + 1
        while j < len(order) and order[j] == order[j - 1] + 1:
            j += 1
        if not wanted.isdisjoint(order[i:j]):
            found.extend(order[i:j])
        i = j
    return frozenset(found)


#: Words of any language average under this many characters with their space; a longer ASCII run is a blob.
BLOB_CHARS_PER_SPACE = 25


def is_blob(text: str) -> bool:
    """An encoded string or a run of URLs: ASCII with hardly a space (base64, tracking links), not language."""
    return len(text) > 80 and text.isascii() and text.count(" ") < len(text) // BLOB_CHARS_PER_SPACE
