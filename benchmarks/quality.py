"""Quality on the dev halves in ../shared/eval, in one run: plain text of whole pages and HTML on the three sets,
the modern set by page kind, and clean-article retention; peers beside clean where they are installed.

    python benchmarks/quality.py                      # clean only
    python benchmarks/quality.py --peers              # + identity, jusText on lines, trafilatura (pip install '.[bench]')
    python benchmarks/quality.py --sets shub --inputs text

The figures are the scorer's own (``score.py``: with/without snippets for trafilatura's set, 4-gram shingles for
the others; ``retention.py``: share of each gold body's shingles a tool keeps). HTML runs leave the title out, as
the gold does. The held-out halves are not here: these are the figures to improve the method by, not to tune to.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections import defaultdict
from pathlib import Path

EVAL = Path(__file__).resolve().parent.parent.parent / "shared" / "eval"
sys.path.insert(0, str(EVAL))
import retention  # noqa: E402
import score  # noqa: E402

import clean  # noqa: E402

PEERS = {"text": ("identity", "justext-trafeval+lines"), "html": ("trafilatura",)}


def clean_tool(kind: str):
    cleaner = clean.Cleaner()
    if kind == "text":
        return lambda inp: cleaner.clean_text(inp.data).text
    return lambda inp: cleaner.clean_html(inp.data, clean.Options(include_title=False)).text


def run(name: str, kind: str, tool) -> tuple[dict, dict[str, dict]]:
    """The set's scores, and the scores by page kind (modern only)."""
    rows, by_kind = [], defaultdict(list)
    kinds = {}
    if name == "modern":
        truth = json.loads((score.MODERN_DIR / "ground-truth.json").read_text(encoding="utf-8"))
        kinds = {k: v.get("page_type", "?") for k, v in truth.items()}
    for d in score.LOADERS[name]():
        if d.split != "dev":
            continue
        data = d.text_path.read_text(encoding="utf-8") if kind == "text" else d.html
        out = tool(score.Input(data, d.raw if kind == "html" else b"", d.url, kind))
        row = score.COUNTERS[name](d.gold, out)
        rows.append(row)
        if d.id in kinds:
            by_kind[kinds[d.id]].append(row)
    return score.score_rows(name, rows, 0), {k: score.score_rows(name, v, 0) for k, v in sorted(by_kind.items())}


def kept(tool) -> tuple[float, float]:
    shares = []
    for name in ("shub", "modern"):
        for _, body in retention.bodies(name, False):
            ref = score.shingles(body)
            hyp = score.shingles(tool(score.Input(body, b"", "", "text")))
            shares.append(sum((ref & hyp).values()) / max(1, sum(ref.values())))
    return statistics.fmean(shares), sum(s < 0.95 for s in shares) / len(shares)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", default="trafeval,shub,modern")
    ap.add_argument("--inputs", default="text,html")
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--json", help="write every figure here")
    a = ap.parse_args()
    figures = {}
    for kind in a.inputs.split(","):
        tools = [("clean", clean_tool(kind))]
        if a.peers:
            for spec in PEERS[kind]:
                try:
                    tools.append((spec, score.make_tool(spec, 60)[0]))
                except SystemExit as exc:  # a peer that is not installed
                    print(f"  ({spec}: {exc})", file=sys.stderr)
        for label, tool in tools:
            for name in a.sets.split(","):
                sc, kinds = run(name, kind, tool)
                figures[f"{kind}/{name}/{label}"] = sc
                print(f"{kind:4s} {name:8s} {label:24s} P={sc['precision']:.3f} R={sc['recall']:.3f} F1={sc['f1']:.3f}")
                for k, s in kinds.items():
                    figures[f"{kind}/{name}:{k}/{label}"] = s
                    print(f"{'':4s} {'':8s} {'  ' + k:24s} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f}")
            if kind == "text":
                mean, low = kept(tool)
                figures[f"retention/{label}"] = {"mean": mean, "below95": low}
                print(f"text retention {label:24s} mean={mean:.4f} below 0.95: {low:.1%}")
    if a.json:
        Path(a.json).write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
