"""Score HTML extraction on ../shared/eval, against the parse floor and the peers, in one process and one run.

    python benchmarks/bench_html.py                      # dev halves of both sets
    python benchmarks/bench_html.py --sets shub --limit 20

For every page, every tool runs once, one after the other (round robin), so a change in the machine's load
during the run slows all of them alike and their docs/s compare; the garbage collector runs, untimed, before
each call (BeautifulSoup's trees are full of reference cycles; whoever allocates next would pay for them). The tools:

- ``parse floor``: ``BeautifulSoup(html, "lxml")`` and nothing else (F1 0), what the issue measures speed by;
- ``clean``: ``clean.clean_html(html).text``, title first (the library's default);
- ``clean, no title``: the same with ``include_title=False``: both benchmarks' gold is the article body
  without its headline, as the peers output it. Not timed: it runs right after ``clean`` on the same page and
  would find its class-name memo warm (what ``clean`` costs is in the line above);
- the peers, when importable (the optional ``bench`` extra): trafilatura, readability-lxml and jusText, set
  up as ``score.py`` sets them up (jusText with every stoplist, as in trafilatura's own benchmark).

Scores are computed by ``score.py``'s own functions (trafeval: with/without snippets, summed; shub: 4-gram
shingles, averaged over pages). Prints a markdown table, writes it to ``benchmarks/html_results.md`` and a
plot of F1 against docs/s to ``benchmarks/html.svg`` (written by hand: no plotting dependency).
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import logging
import math
import platform
import sys
import time
import warnings
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
UNTIMED = "clean, no title"
SET_NAMES = {"trafeval": "trafilatura", "shub": "scrapinghub"}


def load_score(eval_dir: Path):
    """``score.py`` as a module (it is a script beside the data, not an installed package)."""
    spec = importlib.util.spec_from_file_location("score", eval_dir / "score.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module
    spec.loader.exec_module(module)
    return module


def tools(score) -> list[tuple[str, object]]:
    """(label, function of score.Input) for the floor, clean and every importable peer."""
    import clean

    cleaner = clean.Cleaner()
    out = [("parse floor (bs4 + lxml)", score.BUILTINS["bs4-parse"][0]),
           ("clean", lambda inp: cleaner.clean_html(inp.data).text),
           (UNTIMED, lambda inp: clean.clean_html(inp.data, include_title=False, cleaner=cleaner).text)]
    for label, builtin, module in (("trafilatura", "trafilatura", "trafilatura"),
                                   ("readability-lxml", "readability-lxml", "readability"),
                                   ("jusText", "justext-trafeval", "justext")):
        if importlib.util.find_spec(module) is None:
            continue
        if builtin == "justext-trafeval" and importlib.util.find_spec("trafilatura") is None:
            builtin = "justext"  # the all-language stoplist comes with trafilatura
        version = score._dist(score.BUILTINS[builtin][1])
        out.append((f"{label} {version}", score.BUILTINS[builtin][0]))
    return out


def run_set(score, bench: str, split: str, limit: int | None, runners) -> list[dict]:
    docs = score.select(score.LOADERS[bench](), split, limit)
    inputs = [score.Input(d.html, d.raw, d.url, "html") for d in docs]  # decoded before any clock runs
    warm = score.Input("<html><body><p>Warm up text.</p></body></html>", b"", "https://example.com/a", "html")
    for _, fn in runners:
        try:
            fn(warm)  # lazy imports and one-off set-up are not the pages' cost
        except Exception:
            pass
    seconds = [0.0] * len(runners)
    rows: list[list] = [[] for _ in runners]
    errors = [0] * len(runners)
    counter = score.COUNTERS[bench]
    for d, inp in zip(docs, inputs):
        for k, (_, fn) in enumerate(runners):
            gc.collect()  # each call starts from a clean heap, not paying for the cycles another tool left
            t0 = time.perf_counter()
            try:
                out = fn(inp)
            except Exception:  # a crash is a full miss, as in both benchmarks
                out = None
                errors[k] += 1
            seconds[k] += time.perf_counter() - t0
            rows[k].append(counter(d.gold, out if isinstance(out, str) or out is None else str(out)))
    results = []
    for k, (label, _) in enumerate(runners):
        sc = score.score_rows(bench, rows[k], 0)
        results.append({"set": bench, "tool": label, "n": len(docs), "p": sc["precision"], "r": sc["recall"],
                        "f1": sc["f1"], "docs_s": len(docs) / seconds[k] if seconds[k] else float("inf"),
                        "errors": errors[k]})
    floor = results[0]["docs_s"]
    for res in results:
        if res["tool"] == UNTIMED:
            res["docs_s"] = None
        res["ratio"] = res["docs_s"] / floor if res["docs_s"] else None
    return results


def table(results: list[dict]) -> str:
    lines = ["| set | tool | P | R | F1 | docs/s | × parse floor |", "|---|---|---|---|---|---|---|"]
    for r in results:
        scores = ("-", "-", "-") if r["tool"].startswith("parse floor") else \
            (f"{r['p']:.3f}", f"{r['r']:.3f}", f"**{r['f1']:.3f}**" if r["tool"].startswith("clean") else f"{r['f1']:.3f}")
        err = f" ({r['errors']} errors)" if r["errors"] else ""
        speed = (f"{r['docs_s']:.1f} | {r['ratio']:.2f}" if r["docs_s"] else "(as clean) | ")
        lines.append(f"| {SET_NAMES[r['set']]} ({r['n']} pages) | {r['tool']}{err} | {' | '.join(scores)} | {speed} |")
    return "\n".join(lines)


def svg(results: list[dict], width: int = 760, height: int = 440) -> str:
    """F1 (vertical) against docs/s (horizontal, logarithmic), one marker per tool and set."""
    speed = {(r["set"], "clean"): r["docs_s"] for r in results if r["tool"] == "clean"}
    points = [dict(r, docs_s=r["docs_s"] or speed[(r["set"], "clean")]) for r in results
              if not r["tool"].startswith("parse floor")]
    floors = {r["set"]: r["docs_s"] for r in results if r["tool"].startswith("parse floor")}
    left, right, top, bottom = 70, 200, 30, 60
    speeds = [r["docs_s"] for r in points] + list(floors.values())
    x_lo = 10 ** math.floor(math.log10(max(min(speeds), 1e-3)))
    x_hi = 10 ** math.ceil(math.log10(max(speeds)))
    f1s = [r["f1"] for r in points]
    y_lo = max(0.0, math.floor(min(f1s) * 20) / 20 - 0.05)
    y_hi = min(1.0, math.ceil(max(f1s) * 20) / 20 + 0.02)

    def x(v):
        return left + (math.log10(v) - math.log10(x_lo)) / (math.log10(x_hi) - math.log10(x_lo)) * (width - left - right)

    def y(v):
        return height - bottom - (v - y_lo) / (y_hi - y_lo) * (height - top - bottom)

    colours = {"shub": "#1f77b4", "trafeval": "#d62728"}
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="11">', f'<rect width="{width}" height="{height}" fill="white"/>']
    decade = x_lo
    while decade <= x_hi * 1.0001:
        for m in range(1, 10):
            v = decade * m
            if v > x_hi * 1.0001:
                break
            out.append(f'<line x1="{x(v):.1f}" y1="{top}" x2="{x(v):.1f}" y2="{height - bottom}" stroke="#eee"/>')
        out.append(f'<text x="{x(decade):.1f}" y="{height - bottom + 16}" text-anchor="middle">{decade:g}</text>')
        decade *= 10
    steps = round((y_hi - y_lo) / 0.05)
    for i in range(steps + 1):
        v = y_lo + i * 0.05
        out.append(f'<line x1="{left}" y1="{y(v):.1f}" x2="{width - right}" y2="{y(v):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end">{v:.2f}</text>')
    out.append(f'<rect x="{left}" y="{top}" width="{width - left - right}" height="{height - top - bottom}" '
               f'fill="none" stroke="#444"/>')
    out.append(f'<text x="{(left + width - right) / 2}" y="{height - 20}" text-anchor="middle">'
               f'docs/s (log scale; dashed: BeautifulSoup parse alone)</text>')
    out.append(f'<text x="16" y="{(top + height - bottom) / 2}" text-anchor="middle" '
               f'transform="rotate(-90 16 {(top + height - bottom) / 2})">F1</text>')
    for bench, v in floors.items():
        out.append(f'<line x1="{x(v):.1f}" y1="{top}" x2="{x(v):.1f}" y2="{height - bottom}" '
                   f'stroke="{colours[bench]}" stroke-dasharray="4 3"/>')
    for r in points:
        cx, cy, c = x(r["docs_s"]), y(r["f1"]), colours[r["set"]]
        if r["tool"].startswith("clean"):
            out.append(f'<rect x="{cx - 5:.1f}" y="{cy - 5:.1f}" width="10" height="10" fill="{c}"/>')
        else:
            out.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="none" stroke="{c}" stroke-width="2"/>')
        out.append(f'<text x="{cx + 8:.1f}" y="{cy + 4:.1f}" fill="{c}">{escape(r["tool"].split(" ")[0].rstrip(","))}'
                   f'{" (no title)" if r["tool"].endswith("no title") else ""}</text>')
    ly = top + 10
    for bench, c in colours.items():
        if bench in floors:
            out.append(f'<circle cx="{width - right + 20}" cy="{ly}" r="5" fill="{c}"/>')
            out.append(f'<text x="{width - right + 30}" y="{ly + 4}">{SET_NAMES[bench]} set</text>')
            ly += 18
    out.append(f'<rect x="{width - right + 15}" y="{ly - 5}" width="10" height="10" fill="#777"/>'
               f'<text x="{width - right + 30}" y="{ly + 4}">clean</text>')
    out.append(f'<circle cx="{width - right + 20}" cy="{ly + 18}" r="5" fill="none" stroke="#777" stroke-width="2"/>'
               f'<text x="{width - right + 30}" y="{ly + 22}">peers</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL, help="folder of score.py and its data")
    ap.add_argument("--sets", nargs="+", default=["trafeval", "shub"], choices=["trafeval", "shub"])
    ap.add_argument("--split", default="dev", choices=["dev", "test", "all"])
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    ap.add_argument("--out", type=Path, default=HERE, help="where html_results.md and html.svg go")
    args = ap.parse_args(argv)
    logging.disable(logging.CRITICAL)  # the peers' logging would drown the table
    warnings.filterwarnings("ignore")
    score = load_score(args.eval_dir)
    runners = tools(score)
    results = []
    for bench in args.sets:
        results += run_set(score, bench, args.split, args.limit, runners)
    text = table(results)
    print(text)
    head = (f"Measured by `python benchmarks/bench_html.py` ({args.split} halves"
            f"{f', first {args.limit} pages' if args.limit else ''}), {time.strftime('%Y-%m-%d')}, "
            f"Python {platform.python_version()}, one process: every tool runs on each page in turn, so docs/s "
            f"compare within a set. `× parse floor` is docs/s over what `BeautifulSoup(html, \"lxml\")` alone "
            f"achieves on the same pages.\n\n")
    (args.out / "html_results.md").write_text("# HTML extraction\n\n" + head + text + "\n", encoding="utf-8")
    (args.out / "html.svg").write_text(svg(results), encoding="utf-8")


if __name__ == "__main__":
    main()
