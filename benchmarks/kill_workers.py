"""Worker deaths in a parallel JSONL run: records of real pages cleaned with ``--jobs 2`` while workers are
SIGKILLed, compared with the ``--jobs 1`` output (every record, in order, byte for byte).

Two runs: ``held`` holds the output back (nothing is read for ``--hold`` seconds, like
``clean ... | (sleep 10; cat > out)``) and kills one worker after ``--kill-at`` seconds; ``every`` reads the
output slowly and kills a worker every ``--interval`` seconds for the whole run. Linux only (finds the workers
in /proc: they are the grandchildren of the ``clean`` process, the children of its fork server).

    python benchmarks/kill_workers.py --records 2000

tests/test_hostile.py runs the same with a few hundred records.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL_DATA = ROOT.parent / "shared" / "eval" / "data"


def page_texts() -> list[str]:
    """Real pages as plain text: the eval set's ``*.txt`` files when they are there, else the project's own
    fixtures (cases and seed pages)."""
    paths = sorted(EVAL_DATA.rglob("*.txt")) if EVAL_DATA.is_dir() else []
    if paths:
        return [p.read_text(encoding="utf-8", errors="replace") for p in paths]
    fixtures = ROOT / "fixtures"
    cases = json.loads((fixtures / "cases.json").read_text(encoding="utf-8"))
    docs = ["\n".join(case["lines"]) + "\n" for case in cases]
    return docs + [p.read_text(encoding="utf-8") for p in sorted((fixtures / "seeds").glob("*.txt"))
                   if not p.name.endswith(".expected.txt")]


def write_records(path: Path, n: int) -> Path:
    texts = page_texts()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": texts[i % len(texts)]}, ensure_ascii=False) + "\n")
    return path


def _parent(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return int(fh.read().rsplit(b")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        return None


def worker_pids(pid: int) -> list[int]:
    """The grandchildren of ``pid``: a ``clean --jobs N`` run's workers (its children are the fork server and
    multiprocessing's resource tracker)."""
    procs = [int(name) for name in os.listdir("/proc") if name.isdigit()]
    parents = {p: _parent(p) for p in procs}
    children = {p for p, parent in parents.items() if parent == pid}
    return sorted(p for p, parent in parents.items() if parent in children)


def run_with_kills(argv: list[str], hold: float = 0.0, kill_at: float = 1.0, interval: float | None = None,
                   read_pause: float = 0.0, seed: int = 1, timeout: float = 600) -> dict:
    """Run ``argv``; read nothing of its output for ``hold`` seconds, then read it in 64 KiB pieces with
    ``read_pause`` seconds between them; SIGKILL a random worker at ``kill_at`` seconds and then every
    ``interval`` seconds (once if None). Returns exit status, output, error output, kills and seconds."""
    rnd = random.Random(seed)
    start = time.monotonic()
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out: list[bytes] = []
    err: list[bytes] = []

    def read_out():
        time.sleep(hold)
        while chunk := proc.stdout.read1(1 << 16):
            out.append(chunk)
            time.sleep(read_pause)

    readers = [threading.Thread(target=read_out), threading.Thread(target=lambda: err.append(proc.stderr.read()))]
    for t in readers:
        t.start()
    kills, next_kill = 0, start + kill_at
    try:
        while proc.poll() is None:
            now = time.monotonic()
            if now - start > timeout:
                raise TimeoutError(f"{argv} still running after {timeout} s")
            if now >= next_kill:
                pids = worker_pids(proc.pid)
                if pids:
                    try:
                        os.kill(rnd.choice(pids), signal.SIGKILL)
                        kills += 1
                    except ProcessLookupError:
                        pass
                    next_kill = now + interval if interval else float("inf")
            time.sleep(0.01)
    finally:
        if proc.poll() is None:
            proc.kill()
        for t in readers:
            t.join()
    return {"status": proc.returncode, "stdout": b"".join(out), "stderr": b"".join(err), "kills": kills,
            "seconds": time.monotonic() - start}


def compare(expected: bytes, got: bytes) -> dict:
    exp, out = expected.splitlines(), got.splitlines()
    ids = [json.loads(line).get("id") for line in out]
    return {"records": len(out), "in_order": ids == list(range(len(exp))),
            "equal": got == expected, "differing": sum(a != b for a, b in zip(exp, out)),
            "error_records": sum(b'"error"' in line[:10] for line in out)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=2000)
    ap.add_argument("--hold", type=float, default=10.0)
    ap.add_argument("--kill-at", type=float, default=6.0)
    ap.add_argument("--interval", type=float, default=1.0)
    ap.add_argument("--read-pause", type=float, default=0.05)
    ap.add_argument("--work", type=Path, default=Path("/tmp/kill_workers"))
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    recs = write_records(args.work / "recs.jsonl", args.records)
    clean = [sys.executable, "-m", "clean", "--jsonl", "--quiet", str(recs)]
    t = time.monotonic()
    expected = subprocess.run(clean + ["--jobs", "1"], capture_output=True, check=True).stdout
    print(f"--jobs 1: {len(expected.splitlines())} records, {time.monotonic() - t:.1f} s")
    runs = {"held (one kill)": dict(hold=args.hold, kill_at=args.kill_at),
            f"every {args.interval:g} s": dict(kill_at=args.interval, interval=args.interval,
                                               read_pause=args.read_pause)}
    for name, kw in runs.items():
        run = run_with_kills(clean + ["--jobs", "2"], **kw)
        print(f"--jobs 2, {name}: exit {run['status']}, kills {run['kills']}, {run['seconds']:.1f} s, "
              f"{compare(expected, run['stdout'])}, stderr {run['stderr'].decode(errors='replace')!r}")


if __name__ == "__main__":
    main()
