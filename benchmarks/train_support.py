"""Make ``clean/data/support.json``: the linear model that weighs the evidence for removing a line the context
pass leaves out (see :mod:`clean.detectors.support`).

Trained on the dev halves in ``../shared/eval`` only (the held-out halves decide):
- the candidates of whole pages' plain text (scrapinghub, modern, trafilatura's set), labelled by the gold: a
  line of the gold article body is content (for short lines: found between the gold positions of the long lines
  around it); trafilatura's set labels only the lines its 'with'/'without' snippets cover;
- the candidates of the gold article bodies themselves (already clean text: every line is content), weighted up,
  because an extracted article must come through whole.

Each sample is weighted by the square root of its words (the scores count word 4-grams and snippets, not lines;
the root keeps one long paragraph from outweighing a menu), a gold body's lines by the root of ``--clean-weight``
times that. Features are those of the first round's candidates, in every run (at run time a run of candidates
without evidence is not weighed at all). To see them, the script wraps ``support.supported`` (which scores
through ``support.candidate_scores``) for the length of each call and asks ``support.candidate_features`` for
the vectors of its candidates. The fit is deterministic (lbfgs, no sampling): the same data give the same file.
``--folds`` trains on one half of the dev pages (by a hash of the page id) and prints what the other half scores;
the model written is trained on all of them. Needs numpy and scikit-learn (``pip install -e '.[bench]'``).

    python benchmarks/train_support.py [--folds] [--clean-weight 3] [--out clean/data/support.json]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
import retention  # noqa: E402
import score  # noqa: E402

from clean.cleaner import Cleaner  # noqa: E402
from clean.detectors import support  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(score.words(text))


def page_labels(lines: list[str], gold: str) -> list[float | None]:
    """1.0 for a line of the gold body, 0.0 for one that is not; a short line counts as gold only where it stands
    between the gold positions of the long lines around it (a menu's "More" is in most articles somewhere)."""
    g = f" {_norm(gold)} "
    norms = [_norm(t) for t in lines]
    pos: list[int | None] = []
    for t in norms:
        pos.append(g.find(f" {t} ") if t and len(t.split()) >= 5 else None)
    labels: list[float | None] = []
    for i, t in enumerate(norms):
        if not t:
            labels.append(None)
        elif pos[i] is not None:
            labels.append(1.0 if pos[i] >= 0 else 0.0)
        else:
            lo = next((pos[k] for k in range(i - 1, -1, -1) if pos[k] is not None and pos[k] >= 0), 0)
            hi = next((pos[k] for k in range(i + 1, len(lines)) if pos[k] is not None and pos[k] >= 0), len(g))
            at = g.find(f" {t} ", lo, hi + len(t) + 2)
            labels.append(1.0 if at >= 0 else 0.0)
    return labels


def snippet_labels(lines: list[str], gold: dict) -> list[float | None]:
    """trafilatura's set: content where a 'with' snippet and the line overlap, boilerplate for 'without'."""
    withs = [score.ws_norm(s) for s in gold["with"]]
    withouts = [score.ws_norm(s) for s in gold["without"]]
    out: list[float | None] = []
    for t in lines:
        n = score.ws_norm(t)
        if len(n) < 3:
            out.append(None)
        elif any(n in s or s in n for s in withs):
            out.append(1.0)
        elif any(n in s or s in n for s in withouts):
            out.append(0.0)
        else:
            out.append(None)
    return out


def collect(cleaner: Cleaner, text: str) -> tuple[list[str], dict[int, list[float]]]:
    """The lines of ``text`` and the features of the first round's candidates."""
    got: dict[int, list[float]] = {}
    lines: list[str] = []
    original = support.supported

    def capture(doc, verdicts, out, places, kinds, model, wanted=None):
        if not lines:
            lines.extend(b.text for b in doc.blocks)
            got.update(support.candidate_features(doc, verdicts, out, places, kinds, every_run=True))
        return original(doc, verdicts, out, places, kinds, model, wanted)

    support.supported = capture
    try:
        cleaner.clean_text(text)
    finally:
        support.supported = original
    return lines, got


def fold_of(key: str) -> int:
    return hashlib.sha256(b"support-folds:" + key.encode()).digest()[0] & 1


def dataset(cleaner: Cleaner, clean_weight: float):
    rows = []  # (fold, x, y, weight); y = 1 for boilerplate (remove)
    for name in ("shub", "modern", "trafeval"):
        for d in score.LOADERS[name]():
            if d.split != "dev":
                continue
            lines, feats = collect(cleaner, d.text_path.read_text(encoding="utf-8"))
            labels = snippet_labels(lines, d.gold) if name == "trafeval" else page_labels(lines, d.gold["articleBody"])
            for k, x in feats.items():
                if labels[k] is not None:
                    rows.append((fold_of(d.id), x, 1.0 - labels[k], len(lines[k].split()) or 1))
    for name in ("shub", "modern"):
        for key, body in retention.bodies(name, False):
            lines, feats = collect(cleaner, body)
            for k, x in feats.items():
                rows.append((fold_of(key.split(":", 1)[1]), x, 0.0, clean_weight * (len(lines[k].split()) or 1)))
    return rows


def fit(rows) -> LogisticRegression:
    x = np.array([r[1] for r in rows])
    y = np.array([r[2] for r in rows])
    w = np.array([r[3] for r in rows], dtype=float)
    model = LogisticRegression(C=1.0, max_iter=2000)
    model.fit(x, y, sample_weight=np.sqrt(w))
    return model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(HERE.parent / "clean" / "data" / "support.json"))
    ap.add_argument("--clean-weight", type=float, default=3.0)
    ap.add_argument("--threshold", type=float, default=0.6, help="probability of boilerplate a removal needs")
    ap.add_argument("--folds", action="store_true")
    a = ap.parse_args()
    cleaner = Cleaner(support=support.SupportModel(tuple([0.0] * len(support.FEATURES)), 0.0, 0.0))
    rows = dataset(cleaner, a.clean_weight)
    print(f"{len(rows)} samples, {sum(r[2] for r in rows):.0f} boilerplate, fold 1: {sum(r[0] for r in rows)}", file=sys.stderr)
    model = fit(rows)
    logit = float(np.log(a.threshold / (1 - a.threshold)))
    import sklearn

    about = (f"Logistic regression (scikit-learn {sklearn.__version__}, numpy {np.__version__}, C=1) on {len(rows)} "
             f"candidate lines of the dev halves of scrapinghub, modern and trafilatura's set plus their gold bodies "
             f"(weight {a.clean_weight}), weighted by the root of their words; written by benchmarks/train_support.py; "
             f"a run of candidates goes at a mean probability of boilerplate >= {a.threshold}.")
    data = {"about": about, "features": list(support.FEATURES), "weights": [round(float(v), 6) for v in model.coef_[0]],
            "bias": round(float(model.intercept_[0]), 6), "threshold": round(logit, 6)}
    Path(a.out).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    for name, wt in zip(support.FEATURES, model.coef_[0]):
        print(f"  {name:20s} {wt:+.3f}", file=sys.stderr)
    if a.folds:
        for held in (0, 1):
            m = fit([r for r in rows if r[0] != held])
            test = [r for r in rows if r[0] == held]
            p = m.predict_proba(np.array([r[1] for r in test]))[:, 1]
            removed = p >= a.threshold
            wsum = lambda cond: sum(r[3] for r, c in zip(test, cond) if c)
            boiler = [r[2] == 1 for r in test]
            print(f"fold {held}: boilerplate words removed {wsum([b and m_ for b, m_ in zip(boiler, removed)]) / max(1, wsum(boiler)):.3f}, "
                  f"content words removed {wsum([not b and m_ for b, m_ in zip(boiler, removed)]) / max(1, wsum([not b for b in boiler])):.3f}",
                  file=sys.stderr)


if __name__ == "__main__":
    main()
