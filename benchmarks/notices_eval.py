"""Machine-translation notices and language banners on real articles: how many go, and what else goes with them.

Each notice of ``benchmarks/notices/notices.jsonl`` (made independently of the phrase data, see its README) is put
as its own line at the top (even rows) or the bottom (odd rows) of a real article: the article bodies of the
scrapinghub benchmark's gold (``shared/eval``) and the project's seeds. Each sentence of ``negatives.jsonl``
(article sentences that talk about translation or languages) is put inside an article, after its second
paragraph. Articles are gold bodies of at least 1,500 characters and four paragraphs whose median paragraph
is prose (80 characters or more): a body that is mostly a table is no place to test sentences in. Prints the share of notices removed (overall, by kind, the languages below 90%), the share of
negatives removed, and the share of article characters kept.

Two sets are read: the project's own (``notices.jsonl`` / ``negatives.jsonl``) and real-world wordings found in
public sources (``real.jsonl`` / ``real_negatives.jsonl``, each record naming its source). Every record goes to
the dev or the test half by a hash of its text (:func:`half`), fixed before any tuning; both halves are reported.

    python benchmarks/notices_eval.py [--data ../shared/eval/data] [--show] [--half dev|test|all]
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections import defaultdict
from pathlib import Path

import clean

HERE = Path(__file__).resolve().parent


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def half(text: str) -> str:
    """"dev" or "test": the record's half, from a hash of its text (about half each, stable across runs)."""
    return "dev" if hashlib.sha1(text.encode("utf-8")).digest()[0] < 128 else "test"


def load_articles(data: Path) -> list[list[str]]:
    articles = []
    truth = json.loads((data / "scrapinghub" / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        body = truth[key].get("articleBody", "")
        paras = [p.strip() for p in body.splitlines() if p.strip()]
        if len(body) >= 1500 and len(paras) >= 4 and sorted(map(len, paras))[len(paras) // 2] >= 80:
            articles.append(paras)
    for gold in sorted((HERE.parent / "fixtures" / "seeds").glob("*.expected.txt")):
        articles.append([p for p in gold.read_text(encoding="utf-8").splitlines() if p.strip()])
    return articles


def kept_lines(text: str) -> set[str]:
    return {line.strip() for line in clean.clean_text(text).text.splitlines() if line.strip()}


def evaluate(notices: list[dict], negatives: list[dict], articles: list[list[str]], title: str,
             show: bool) -> None:
    by_kind, by_lang = defaultdict(lambda: [0, 0]), defaultdict(lambda: [0, 0])
    article_total = article_kept = 0
    missed = []
    for n, item in enumerate(notices):
        paras = articles[n % len(articles)]
        lines = [item["text"], *paras] if n % 2 == 0 else [*paras, item["text"]]
        kept = kept_lines("\n\n".join(lines) + "\n")
        removed = item["text"].strip() not in kept
        for table, key in ((by_kind, item["kind"]), (by_lang, item["lang"])):
            table[key][0] += removed
            table[key][1] += 1
        if not removed:
            missed.append(item)
        article_total += sum(len(p) for p in paras)
        article_kept += sum(len(p) for p in paras if p in kept)

    false_removed = []
    for n, item in enumerate(negatives):
        paras = articles[(n * 7) % len(articles)]
        lines = [*paras[:2], item["text"], *paras[2:]]
        kept = kept_lines("\n\n".join(lines) + "\n")
        if item["text"].strip() not in kept:
            false_removed.append(item)

    # informative: the same sentences as the article's first line (a headline or lead about translation), where
    # notices sit and position is no help
    top_removed = []
    for n, item in enumerate(negatives):
        paras = articles[(n * 7) % len(articles)]
        if item["text"].strip() not in kept_lines("\n\n".join([item["text"], *paras]) + "\n"):
            top_removed.append(item)

    total_removed = sum(v[0] for v in by_kind.values())
    print(f"== {title}")
    print(f"notices removed: {total_removed}/{len(notices)} = {total_removed / max(1, len(notices)):.1%} "
          f"({len(by_lang)} languages, {len(articles)} articles)")
    for kind, (r, t) in sorted(by_kind.items()):
        print(f"  {kind:<20} {r}/{t} = {r / t:.1%}")
    weak = [f"{lang} {r}/{t}" for lang, (r, t) in sorted(by_lang.items()) if r / t < 0.9]
    print(f"  languages below 90%: {', '.join(weak) if weak else 'none'}")
    print(f"negatives removed: {len(false_removed)}/{len(negatives)} = "
          f"{len(false_removed) / max(1, len(negatives)):.1%}")
    print(f"  (the same as the first line: {len(top_removed)}/{len(negatives)} = "
          f"{len(top_removed) / max(1, len(negatives)):.1%} removed)")
    print(f"article text kept: {article_kept / max(1, article_total):.2%}")
    if show:
        for item in missed:
            print("KEPT NOTICE", item["lang"], item["kind"], item["text"][:150])
        for item in false_removed:
            print("REMOVED NEGATIVE", item["lang"], item["text"][:150])
        for item in top_removed:
            print("REMOVED FIRST-LINE NEGATIVE", item["lang"], item["text"][:150])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=HERE.parents[1] / "shared" / "eval" / "data")
    ap.add_argument("--show", action="store_true", help="print the notices kept and the negatives removed")
    ap.add_argument("--half", choices=("dev", "test", "all"), default="all",
                    help="which half to report (default: dev and test, each on its own)")
    args = ap.parse_args()
    articles = load_articles(args.data)
    sets = {"project": (load_jsonl(HERE / "notices" / "notices.jsonl"),
                        load_jsonl(HERE / "notices" / "negatives.jsonl")),
            "real": (load_jsonl(HERE / "notices" / "real.jsonl"),
                     load_jsonl(HERE / "notices" / "real_negatives.jsonl"))}
    for name in ("dev", "test") if args.half == "all" else (args.half,):
        for set_name, (notices, negatives) in sets.items():
            evaluate([r for r in notices if half(r["text"]) == name],
                     [r for r in negatives if half(r["text"]) == name], articles, f"{set_name} / {name}",
                     args.show)


if __name__ == "__main__":
    main()
