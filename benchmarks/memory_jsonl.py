"""Memory and speed of ``clean --jsonl`` on a large JSONL file: peak RSS of the whole process tree, sampled over
time against how far the input has been read, so that flat memory shows as flat numbers, and records/s.

    python benchmarks/memory_jsonl.py [--size-gb 2] [--limit-gb G] [--with-html] [--jobs 2] [--keep]

The input is made from the eval pages (``../shared/eval/data``): one record per page, ``{"id", "url", "text"}``
with the page's plain text, repeated until the file is ``--size-gb`` big. ``--with-html`` also carries each
page's raw HTML in an ``html`` field, which passes through untouched: records then look like a crawl's
(about 160 KB each, 11 KB of it cleaned), and 2 GB runs in about a minute instead of the half hour that 2 GB
of text alone took (181,330 records at about 100 records/s, on two shared cores). ``--limit-gb`` makes only
that prefix (same records, same order). The file is written to ``--path`` (default in the temporary folder)
and removed afterwards unless ``--keep``.

Figures: ``peak tree RSS`` is the largest sum, over the samples, of the resident memory of the command and all
its descendants (the worker processes); ``largest process`` the largest single process's in the samples;
``main process`` is the peak of the ``clean`` process itself (which reads, orders and writes), exact, from
``getrusage(RUSAGE_CHILDREN)`` (the workers, children of multiprocessing's fork server, are not counted there).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent.parent / "shared" / "eval" / "data"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")


def load_pages(data: Path, with_html: bool) -> list[dict]:
    """One record template per eval page that has plain text (and, with ``with_html``, its HTML)."""
    pages = []
    texts = sorted((data / "scrapinghub" / "html").glob("*.txt")) + sorted(data.glob("trafilatura-eval/*/*.html.txt"))
    for path in texts:
        record = {"url": path.name, "text": path.read_text(encoding="utf-8")}
        if with_html:
            raw = path.with_name(path.name[:-len(".txt")] + ".html.gz") if path.parent.name == "html" \
                else path.with_name(path.name[:-len(".txt")])
            if raw.exists():
                data_bytes = gzip.decompress(raw.read_bytes()) if raw.suffix == ".gz" else raw.read_bytes()
                record["html"] = data_bytes.decode("utf-8", "replace")
        pages.append(record)
    if not pages:
        sys.exit(f"no eval pages under {data}")
    return pages


def write_jsonl(path: Path, pages: list[dict], size: int) -> int:
    """Repeat ``pages`` as JSONL records with increasing ids until ``size`` bytes; returns the record count."""
    lines = [json.dumps(p, ensure_ascii=False).encode("utf-8") for p in pages]
    written = n = 0
    with open(path, "wb", buffering=1 << 20) as fh:
        while written < size:
            line = b'{"id": %d, ' % n + lines[n % len(lines)][1:] + b"\n"
            fh.write(line)
            written += len(line)
            n += 1
    return n


def process_tree(root: int) -> list[int]:
    """``root`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2:].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo += children.get(pid, [])
    return tree


def tree_rss(tree: list[int]) -> tuple[int, int]:
    """Resident bytes of the processes ``tree``, in all and of the largest."""
    total = largest = 0
    for pid in tree:
        try:
            with open(f"/proc/{pid}/statm", "rb") as fh:
                rss = int(fh.read().split()[1]) * PAGE_SIZE
        except OSError:  # gone already
            continue
        total += rss
        largest = max(largest, rss)
    return total, largest


def read_position(pid: int, path: Path) -> int | None:
    """How far process ``pid`` has read the file ``path`` (its file offset), if it has it open."""
    target = str(path.resolve())
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                with open(f"/proc/{pid}/fdinfo/{fd}") as fh:
                    return int(fh.readline().split()[1])
    except OSError:
        pass
    return None


#: Runs a command and writes the largest RSS of its process tree's members (kB, getrusage) to a file.
_WRAPPER = ("import resource, subprocess, sys; status = subprocess.call(sys.argv[2:]); "
            "open(sys.argv[1], 'w').write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)); "
            "sys.exit(status)")


def _read_and_remove(path: Path) -> int:
    try:
        return int(path.read_text()) * 1024
    except (OSError, ValueError):
        return 0
    finally:
        path.unlink(missing_ok=True)


def run(path: Path, jobs: int, interval: float, report_every: float) -> dict:
    """Run ``clean --jsonl`` on ``path``, sampling memory; returns the figures."""
    cmd = [sys.executable, "-m", "clean", "--jsonl", str(path), "--jobs", str(jobs), "-q", "--stats",
           "-o", os.devnull]
    maxrss_file = path.with_name(path.name + ".maxrss")
    start = last_report = time.monotonic()
    # through a small wrapper: a child forked from this process (which holds the pages) would count this
    # process's memory in its own peak, since Linux keeps the peak from before exec
    proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, str(maxrss_file), *cmd], stderr=subprocess.PIPE,
                            text=True)
    peak = peak_one = 0
    samples = []
    size = path.stat().st_size
    print(f"{'s':>6} {'read MB':>9} {'read %':>7} {'tree RSS MB':>12}")
    while proc.poll() is None:
        tree = process_tree(proc.pid)
        rss, one = tree_rss(tree)
        pos = next((p for p in (read_position(pid, path) for pid in tree) if p is not None), None)
        peak, peak_one = max(peak, rss), max(peak_one, one)
        now = time.monotonic()
        samples.append((now - start, pos, rss))
        if now - last_report >= report_every and pos is not None:
            last_report = now
            print(f"{now - start:6.0f} {pos / 1e6:9,.0f} {100 * pos / size:6.1f}% {rss / 1e6:12,.0f}", flush=True)
        time.sleep(interval)
    elapsed = time.monotonic() - start
    stats = proc.stderr.read()
    counts = dict(line.rsplit(None, 1) for line in stats.splitlines() if line.strip())
    records = int(counts.get("records", "0").replace(",", ""))
    return {"status": proc.returncode, "seconds": elapsed, "records": records,
            "failed": int(counts.get("  failed", "0").replace(",", "")),
            "peak_tree_rss": peak, "largest_process_rss": peak_one, "samples": len(samples),
            "main_process_rss": _read_and_remove(maxrss_file),
            "stderr": stats if proc.returncode not in (0, 1) else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-gb", type=float, default=2.0, help="size of the JSONL file (default 2)")
    parser.add_argument("--limit-gb", type=float, default=None, help="make and run only this prefix")
    parser.add_argument("--with-html", action="store_true", help="records also carry the page's HTML")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--path", type=Path, default=Path(tempfile.gettempdir()) / "clean-memory-bench.jsonl")
    parser.add_argument("--keep", action="store_true", help="keep the JSONL file")
    parser.add_argument("--interval", type=float, default=0.5, help="seconds between memory samples")
    parser.add_argument("--report-every", type=float, default=15.0, help="seconds between printed samples")
    args = parser.parse_args()

    size = int(1e9 * min(args.size_gb, args.limit_gb or args.size_gb))
    pages = load_pages(args.data, args.with_html)
    t0 = time.monotonic()
    n = write_jsonl(args.path, pages, size)
    print(f"wrote {args.path}: {args.path.stat().st_size / 1e9:.2f} GB, {n:,} records from {len(pages)} pages "
          f"({'text and html' if args.with_html else 'text'}), {time.monotonic() - t0:.0f} s")
    try:
        got = run(args.path, args.jobs, args.interval, args.report_every)
    finally:
        if not args.keep:
            args.path.unlink(missing_ok=True)
    if got["stderr"]:
        print(got["stderr"], file=sys.stderr)
    print(f"exit status {got['status']}; {got['records']:,} records ({got['failed']:,} failed) in "
          f"{got['seconds']:.0f} s: {got['records'] / got['seconds']:,.0f} records/s, "
          f"{size / 1e6 / got['seconds']:,.1f} MB/s with --jobs {args.jobs}")
    print(f"peak tree RSS {got['peak_tree_rss'] / 1e6:,.0f} MB, largest process "
          f"{got['largest_process_rss'] / 1e6:,.0f} MB ({got['samples']} samples); "
          f"main process {got['main_process_rss'] / 1e6:,.0f} MB")


if __name__ == "__main__":
    main()
