"""Does a change leave every output exactly as it was? For speed work, where nothing may change.

    python benchmarks/same_output.py save /tmp/speed_ref.json    # before changing anything
    python benchmarks/same_output.py check /tmp/speed_ref.json   # after each change: lists every difference

Records, for every dev page of ../shared/eval/data, ``clean_text`` of its plain text (thorough and precise
mode) and ``clean_html(include_title=False)`` of its HTML (the raw bytes, decoded by clean): the text, the
language and every removal as (reason, detail, start, end). The file goes outside the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import clean

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "data"


def pages(data: Path) -> list[tuple[str, str, Path]]:
    """(kind, name, path) of every page: kind is "text" or "html"."""
    out = []
    for f in sorted((data / "trafilatura-eval").glob("*/*.html.txt")):
        out.append(("text", str(f.relative_to(data)), f))
    for s in ("scrapinghub", "modern"):
        for f in sorted((data / s / "html").glob("*.txt")):
            out.append(("text", str(f.relative_to(data)), f))
    for f in sorted((data / "trafilatura-eval").glob("*/*.html")):
        out.append(("html", str(f.relative_to(data)), f))
    for s in ("scrapinghub", "modern"):
        for f in sorted((data / s / "html").glob("*.html.gz")):
            out.append(("html", str(f.relative_to(data)), f))
    return out


def record(result: clean.Result) -> dict:
    return {"text": result.text, "language": result.language,
            "removals": [[r.reason.value, r.detail, r.start, r.end] for r in result.removals]}


def outputs(data: Path) -> dict[str, dict]:
    cleaner = clean.Cleaner()
    out: dict[str, dict] = {}
    for kind, name, path in pages(data):
        if kind == "text":
            text = path.read_text(encoding="utf-8")
            out[f"text:{name}"] = record(clean.clean_text(text, cleaner=cleaner))
            out[f"precise:{name}"] = record(clean.clean_text(text, mode="precise", cleaner=cleaner))
        else:
            raw = path.read_bytes()
            if path.suffix == ".gz":
                raw = gzip.decompress(raw)
            out[f"html:{name}"] = record(clean.clean_html(raw, include_title=False, cleaner=cleaner))
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("action", choices=("save", "check"))
    ap.add_argument("file", type=Path)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    now = outputs(args.data)
    if args.action == "save":
        args.file.write_text(json.dumps(now, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        print(f"saved {len(now)} outputs to {args.file}")
        return 0
    ref = json.loads(args.file.read_text(encoding="utf-8"))
    differ = sorted(k for k in ref.keys() | now.keys() if ref.get(k) != now.get(k))
    for k in differ[:20]:
        print(f"differs: {k}")
    print(f"{len(now)} outputs, {len(differ)} differ from {args.file}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
