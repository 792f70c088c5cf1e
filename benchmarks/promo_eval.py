"""Promo lines, calls to action and ad labels inside real articles: how many go, how many of the articles' own
look-alike lines go with them, and whether the lines around them stay.

Each case of ``benchmarks/promo/cases.jsonl`` (see its README: wording found with the search tools or composed on
found patterns, sources named) is put in the middle of a real article (the gold bodies of the scrapinghub
benchmark in ``shared/eval``, as ``notices_eval.py`` picks them): after its ``k``-th paragraph, k = 2 or 3. A
case is one line or a label and the bare headline after it. The cases are split in two halves by a hash of their
text, fixed before any tuning: ``dev`` is for looking at, ``test`` is reported only.

Prints, per half: recall (promo cases whose lines all go), by kind; look-alike lines removed; and the share of
context lines kept (the article paragraph just before and just after each case).

    python benchmarks/promo_eval.py [--data ../shared/eval/data] [--show dev]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

import clean
from notices_eval import load_articles  # type: ignore[import-not-found]

HERE = Path(__file__).resolve().parent


def half(case: dict) -> str:
    """``dev`` or ``test``, by a hash of the case's text (fixed when the set was made)."""
    digest = hashlib.sha1("\n".join(case["lines"]).encode("utf-8")).hexdigest()
    return "dev" if int(digest[:8], 16) % 2 == 0 else "test"


def run_case(case: dict, paras: list[str], n: int) -> tuple[bool, bool]:
    """(all of the case's lines removed, both neighbouring article lines kept)."""
    k = 2 + n % 2
    before, after = paras[k - 1], paras[k]
    lines = [*paras[:k], *case["lines"], *paras[k:]]
    result = clean.clean_text("\n\n".join(lines) + "\n")
    kept = {line.strip() for line in result.text.splitlines() if line.strip()}
    removed = all(x.strip() not in kept for x in case["lines"])
    return removed, before in kept and after in kept


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "eval" / "data")
    ap.add_argument("--show", choices=("dev", "test"), help="print the misses of this half")
    args = ap.parse_args()
    cases = [json.loads(x) for x in (HERE / "promo" / "cases.jsonl").read_text(encoding="utf-8").splitlines() if x]
    articles = load_articles(args.data)
    stats: dict[str, dict[str, list[int]]] = {"dev": defaultdict(lambda: [0, 0]), "test": defaultdict(lambda: [0, 0])}
    misses: dict[str, list[str]] = {"dev": [], "test": []}
    for n, case in enumerate(cases):
        h = half(case)
        removed, context = run_case(case, articles[(n * 7) % len(articles)], n)
        kind = case["kind"]
        stats[h][kind][0] += removed
        stats[h][kind][1] += 1
        stats[h]["context"][0] += context
        stats[h]["context"][1] += 1
        if removed != (kind != "lookalike") or not context:
            what = "REMOVED" if removed else "KEPT"
            misses[h].append(f"{what:<8}{'' if context else ' CONTEXT LOST'} {kind} {case['lang']}: "
                             + " / ".join(case["lines"]))
    for h in ("dev", "test"):
        s = stats[h]
        promo = [s[k] for k in ("cta", "pointer", "ad", "teaser")]
        got, total = sum(p[0] for p in promo), sum(p[1] for p in promo)
        la, ctx = s["lookalike"], s["context"]
        print(f"[{h}] recall {got}/{total} = {got / total:.3f} ("
              + ", ".join(f"{k} {s[k][0]}/{s[k][1]}" for k in ("cta", "pointer", "ad", "teaser")) + ")"
              f"; look-alikes removed {la[0]}/{la[1]} = {la[0] / la[1]:.1%}"
              f"; context kept {ctx[0]}/{ctx[1]} = {ctx[0] / ctx[1]:.1%}")
    if args.show:
        print("\n".join(misses[args.show]))


if __name__ == "__main__":
    main()
