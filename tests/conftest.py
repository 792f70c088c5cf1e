import json
from pathlib import Path

import pytest

import clean

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def normalize_gold(text: str) -> str:
    """Gold comparison as shared/README.md defines it: ignore trailing white space and runs of blank lines."""
    lines = [line.rstrip() for line in text.splitlines()]
    out = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def load_cases():
    return json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cleaner():
    return clean.default_cleaner()
