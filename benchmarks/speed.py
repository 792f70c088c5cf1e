"""Speed of clean beside the tools a data pipeline runs today, on the same pages, in one run, one core.

    python benchmarks/speed.py                       # dev halves of all three sets, plain text and HTML
    python benchmarks/speed.py --sets shub --inputs text --repeat 3

Plain text (each page's whole visible text, one block a line: what ``score.py --input text`` feeds a tool):

- ``clean``: ``clean.clean_text(text).text``, defaults;
- ``jusText on lines``: each line wrapped as one ``<p>``, English stoplist, the published parameters (as
  ``score.py``'s ``justext+lines``);
- ``datatrove C4 line filter``: datatrove's ``C4QualityFilter`` as a line filter: terminal punctuation, at least
  three words, no "javascript", no policy lines, citations removed, no word over 1,000 characters; its
  whole-document rules (too few sentences, "lorem ipsum", a curly bracket) are off, since they drop documents, not
  lines (and counting sentences needs nltk's tokenizer data, downloaded at run time).

HTML (each page decoded to ``str`` before any clock runs, as ``score.py`` decodes it for every tool):

- ``clean``: ``clean.clean_html(html).text``, title first (the library's default);
- ``trafilatura``: ``extract(html, include_comments=False)``, as both published benchmark runs;
- ``resiliparse``: ``extract_plain_text(HTMLTree.parse(html), main_content=True)``;
- ``parse floor``: ``BeautifulSoup(html, "lxml")`` and nothing else (issue 8 measures clean's HTML speed by it).

Every figure is the best of ``--repeat`` passes over all pages. The passes go round robin (pass 1 of every
tool, then pass 2 of every tool...), so a change in the machine's load slows all tools alike; the garbage
collector runs, untimed, before each pass. A peer that is not installed (``pip install -e '.[bench]'``) is
left out with a note; the ratios to clean are printed for those present. docs/s compare within one run only.
"""

from __future__ import annotations

import argparse
import gc
import html as htmllib
import importlib.util
import math
import platform
import sys
import time
from pathlib import Path
from xml.sax.saxutils import escape
from typing import Callable

HERE = Path(__file__).resolve().parent
DEFAULT_EVAL = HERE.parent.parent / "shared" / "eval"
SETS = ("trafeval", "shub", "modern")
sys.path.insert(0, str(HERE))
from bench_html import load_score  # noqa: E402  (score.py as a module: its page loaders)


def installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def text_tools() -> tuple[list[tuple[str, Callable[[str], object]]], list[str]]:
    import clean

    cleaner = clean.Cleaner()
    tools: list[tuple[str, Callable[[str], object]]] = [("clean", lambda s: cleaner.clean_text(s).text)]
    missing = []
    if installed("justext"):
        import justext

        stoplist = justext.get_stoplist("English")

        def justext_lines(text: str) -> str:
            body = "".join(f"<p>{htmllib.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
            paras = justext.justext(f"<html><body>\n{body}</body></html>", stoplist,
                                    50, 200, 0.1, 0.2, 0.2, 200, True)
            return "\n".join(p.text for p in paras if not p.is_boilerplate)

        tools.append(("jusText on lines", justext_lines))
    else:
        missing.append("jusText (pip install justext lxml_html_clean)")
    if installed("datatrove"):
        from datatrove.data import Document
        from datatrove.pipeline.filters.c4_filters import C4QualityFilter

        c4 = C4QualityFilter(min_num_sentences=-1, filter_lorem_ipsum=False, filter_curly_bracket=False)

        def c4_lines(text: str) -> str:
            doc = Document(text=text, id="0")
            c4.filter(doc)
            return doc.text

        tools.append(("datatrove C4 line filter", c4_lines))
    else:
        missing.append("datatrove (pip install datatrove)")
    return tools, missing


def html_tools() -> tuple[list[tuple[str, Callable[[str], object]]], list[str]]:
    import clean

    cleaner = clean.Cleaner()
    tools: list[tuple[str, Callable[[str], object]]] = [("clean", lambda s: cleaner.clean_html(s).text)]
    missing = []
    if installed("trafilatura"):
        import trafilatura

        tools.append(("trafilatura", lambda s: trafilatura.extract(s, include_comments=False)))
    else:
        missing.append("trafilatura (pip install trafilatura)")
    if installed("resiliparse"):
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.html import HTMLTree

        tools.append(("resiliparse", lambda s: extract_plain_text(HTMLTree.parse(s), main_content=True)))
    else:
        missing.append("resiliparse (pip install resiliparse)")
    import warnings

    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # a few pages are XHTML; parsed all the same
    tools.append(("parse floor (bs4 + lxml)", lambda s: BeautifulSoup(s, "lxml")))
    return tools, missing


def best_of(tools, pages: list[str], repeat: int) -> dict[str, float]:
    """The best time of ``repeat`` passes over ``pages`` of every tool, in seconds, passes round robin."""
    for _, fn in tools:
        fn(pages[0])  # lazy imports and one-off set-up are not the pages' cost
    best = {name: float("inf") for name, _ in tools}
    for _ in range(repeat):
        for name, fn in tools:
            gc.collect()
            t0 = time.perf_counter()
            for p in pages:
                fn(p)
            best[name] = min(best[name], time.perf_counter() - t0)
    return best


def report(title: str, tools, pages: list[str], repeat: int, missing: list[str],
           rates: dict[str, dict[str, float]] | None = None) -> list[str]:
    """The table of one input's run; the docs/s of each tool also go into ``rates[title]`` (for the plot)."""
    mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    secs = best_of(tools, pages, repeat)
    rate = {name: len(pages) / s for name, s in secs.items()}
    if rates is not None:
        rates[title] = rate
    lines = [f"### {title}: {len(pages)} pages, {mb:.1f} MB, best of {repeat}", "",
             "| tool | docs/s | MB/s | clean / tool |", "|---|---|---|---|"]
    for name, _ in tools:
        rel = "" if name == "clean" else f"{rate['clean'] / rate[name]:.2f}x"
        lines.append(f"| {name} | {rate[name]:.1f} | {mb / secs[name]:.2f} | {rel} |")
    lines.append("")
    lines += [f"not installed, left out: {m}" for m in missing]
    return lines


def bars(rates: dict[str, dict[str, float]], width: int = 760, row: int = 22) -> str:
    """An SVG of docs/s per tool and input, on a log scale (the C4 filter and clean are ten times apart)."""
    rows = [(title, name, r) for title, rate in rates.items() for name, r in rate.items()]
    top, left, right = 30, 300, 70
    height = top + row * (len(rows) + len(rates)) + 20
    hi = max(r for *_, r in rows) * 1.2
    scale = (width - left - right) / math.log10(hi)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="sans-serif" '
           f'font-size="12">', f'<text x="{left}" y="18">docs/s, one core, log scale (benchmarks/speed.py)</text>']
    y = top
    for title, rate in rates.items():
        out.append(f'<text x="8" y="{y + 14}" font-weight="bold">{escape(title)}</text>')
        y += row
        for name, r in rate.items():
            w = max(1.0, math.log10(max(r, 1.0)) * scale)
            colour = "#c0392b" if name == "clean" else "#7f8c8d"
            out.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(name)}</text>')
            out.append(f'<rect x="{left}" y="{y + 3}" width="{w:.1f}" height="{row - 6}" fill="{colour}"/>')
            out.append(f'<text x="{left + w + 4:.1f}" y="{y + 14}">{r:.1f}</text>')
            y += row
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="folder of score.py and data/")
    ap.add_argument("--sets", nargs="+", choices=SETS, default=list(SETS))
    ap.add_argument("--inputs", nargs="+", choices=("text", "html"), default=["text", "html"])
    ap.add_argument("--split", default="dev", choices=("dev", "test", "all"))
    ap.add_argument("--limit", type=int, help="at most this many pages of each set")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--svg", type=Path, help="also draw the docs/s as a bar chart here (benchmarks/speed.svg)")
    args = ap.parse_args()
    rates: dict[str, dict[str, float]] = {}
    score = load_score(args.eval)
    docs = [d for s in args.sets for d in score.select(score.LOADERS[s](), args.split, args.limit)]
    print(f"{platform.python_implementation()} {platform.python_version()}, one core; sets: {' '.join(args.sets)} "
          f"({args.split})\n")
    if "text" in args.inputs:
        tools, missing = text_tools()
        print("\n".join(report("plain text", tools, [d.text for d in docs], args.repeat, missing, rates)), "\n")
    if "html" in args.inputs:
        tools, missing = html_tools()
        pages = [d.html for d in docs]  # decoded before any clock runs
        print("\n".join(report("HTML", tools, pages, args.repeat, missing, rates)))
    if args.svg:
        args.svg.write_text(bars(rates), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
