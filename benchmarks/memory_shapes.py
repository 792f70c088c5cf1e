"""Peak memory of the worst document shapes (tests/test_memory.py's), each in a fresh process:
``python benchmarks/memory_shapes.py``. Prints shape, characters, whether it was refused, and peak RSS."""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from test_memory import _RUN, SHAPES  # noqa: E402

base = subprocess.run([sys.executable, "-c", _RUN, "text", '"a"'], capture_output=True, text=True, check=True)
print(f"{'(the library alone)':42} {'':>12} {int(base.stdout.split()[1]) / 2**20:8,.0f} MiB")
for name, (kind, expr, _) in SHAPES.items():
    done = subprocess.run([sys.executable, "-c", _RUN, kind, expr], capture_output=True, text=True, check=True)
    skipped, peak = map(int, done.stdout.split())
    size = len(eval(expr))
    print(f"{name:42} {size:12,} {peak / 2**20:8,.0f} MiB {kind:4} {'refused' if skipped else 'cleaned'}")
