"""Plain-text speed: docs/s and MB/s of clean.clean_text on the eval pages' plain text, one core, one run;
and, when jusText is installed (``pip install -e '.[bench]'``), of jusText on the same lines in the same run
(each line wrapped as one <p>, the published parameters, as ``shared/eval/score.py``'s ``justext+lines``).

    python benchmarks/speed_text.py [--data ../shared/eval/data] [--repeat 3]
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

import clean


def load_pages(data: Path) -> list[str]:
    files = sorted((data / "scrapinghub" / "html").glob("*.txt"))
    files += sorted((data / "trafilatura-eval").glob("*/*.html.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


def timed(fn, pages: list[str], repeat: int) -> float:
    """Best of ``repeat`` passes over all pages, in seconds."""
    fn(pages[0])  # lazy loading outside the clock
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in pages:
            fn(p)
        best = min(best, time.perf_counter() - t0)
    return best


def justext_on_lines():
    try:
        import justext
    except ImportError:
        return None
    stoplist = justext.get_stoplist("English")

    def run(text: str) -> str:
        body = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.splitlines() if line.strip())
        paras = justext.justext(f"<html><body>\n{body}</body></html>", stoplist, 50, 200, 0.1, 0.2, 0.2, 200, True)
        return "\n".join(p.text for p in paras if not p.is_boilerplate)

    return run


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "eval" / "data")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    pages = load_pages(args.data)
    mb = sum(len(p.encode("utf-8")) for p in pages) / 1e6
    print(f"{len(pages)} plain-text pages, {mb:.1f} MB, best of {args.repeat} runs, one core")
    tools = {"clean": lambda s: clean.clean_text(s).text}
    jt = justext_on_lines()
    if jt:
        tools["justext+lines"] = jt
    rates = {}
    for name, fn in tools.items():
        secs = timed(fn, pages, args.repeat)
        rates[name] = len(pages) / secs
        print(f"{name:<15} {rates[name]:8.1f} docs/s  {mb / secs:6.2f} MB/s")
    if "justext+lines" in rates:
        print(f"clean / justext+lines: {rates['clean'] / rates['justext+lines']:.1f}x")


if __name__ == "__main__":
    main()
