import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

import clean

# Under CI the property tests draw the same examples every run (a submission lands or not on its code, not on a
# draw) and no example is failed for its time on a shared machine; run locally, they draw new examples each
# time and keep the ones that failed, which is how they find bugs.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

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


#: Four paragraphs of an English article, for documents built in tests.
EN = [
    "The council voted on Tuesday to extend the programme for another three years, citing strong demand from "
    "residents across the city and a long waiting list.",
    "Critics said the money would be better spent on roads, and asked for an independent review of the costs "
    "before any further vote was taken by the members.",
    "Supporters said the plan would finally fix the crumbling bridges on the east side, which engineers have "
    "warned about for nearly a decade now.",
    "Engineers said work on the first two bridges could begin in the spring if the contracts are signed by the "
    "end of February, and finish within two years.",
]


def doc(lines):
    """A plain-text document of ``lines``, one paragraph each."""
    return "\n\n".join(lines) + "\n"


def load_cases():
    return json.loads((FIXTURES / "cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cleaner():
    return clean.default_cleaner()
