"""fixtures/cases.json: small documents of the project's own, one or more per detector family. Each runs through
the library and the CLI; the lines named in ``removed`` must go, for one of the reasons given, and every other
line must stay; where a case names its ``language``, the result's must be that."""

import json

import pytest
from click.testing import CliRunner

import clean
from clean.cli import main
from conftest import load_cases

CASES = load_cases()


def _doc(case):
    return "\n\n".join(case["lines"]) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_library(case):
    result = clean.clean_text(_doc(case))
    kept = set(result.text.splitlines())
    reasons = {r.text: r.reason.value for r in result.removals}
    for line in case["lines"]:
        if line in case["removed"]:
            assert line not in kept, f"kept: {line}"
            assert reasons[line] in case["removed"][line], f"{line}: {reasons[line]}"
        else:
            assert line in kept, f"removed: {line} ({reasons.get(line)})"
    if "language" in case:
        assert result.language == case["language"]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case_cli_json(case, tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text(_doc(case), encoding="utf-8")
    out = CliRunner().invoke(main, ["--format", "json", str(path)])
    assert out.exit_code == 0, out.output
    record = json.loads(out.output)
    assert record["text"] == clean.clean_text(_doc(case)).text
    assert {r["text"] for r in record["removals"]} == set(case["removed"])
