"""The two seeds come out exactly as their gold, through the library and the CLI."""

import subprocess
import sys

import pytest
from click.testing import CliRunner

import clean
from clean.cli import main
from conftest import FIXTURES, normalize_gold

SEEDS = ["fox-mt-notice", "comments-section"]


def _seed(name):
    return ((FIXTURES / "seeds" / f"{name}.txt").read_text(encoding="utf-8"),
            (FIXTURES / "seeds" / f"{name}.expected.txt").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", SEEDS)
def test_seed_library(name):
    text, gold = _seed(name)
    assert normalize_gold(clean.clean_text(text).text) == normalize_gold(gold)


@pytest.mark.parametrize("name", SEEDS)
def test_seed_cli(name):
    result = CliRunner().invoke(main, [str(FIXTURES / "seeds" / f"{name}.txt")])
    assert result.exit_code == 0, result.output
    assert normalize_gold(result.output) == normalize_gold(_seed(name)[1])


def test_fox_reasons():
    text, _ = _seed("fox-mt-notice")
    reasons = {r.text.split(".")[0][:30]: r.reason for r in clean.clean_text(text).removals}
    assert reasons["Este sitio web fue traducido a"] in (clean.Reason.MT_NOTICE, clean.Reason.FOREIGN_EDGE)
    assert reasons["AFGHAN VOLUNTEER SOLDIERS ARE "] is clean.Reason.PROMO_HEADLINE
    assert reasons["CLICK HERE TO GET THE FOX NEWS"] in (clean.Reason.CALL_TO_ACTION, clean.Reason.PROMO_HEADLINE)


def test_comments_reason_and_head():
    text, _ = _seed("comments-section")
    removals = clean.clean_text(text).removals
    assert removals and all(r.reason is clean.Reason.COMMENTS for r in removals)
    assert removals[0].text.startswith("13 comments on")


def test_seed_real_subprocess():
    """One real run of the installed entry point, as a user at a terminal would."""
    path = FIXTURES / "seeds" / "fox-mt-notice.txt"
    proc = subprocess.run([sys.executable, "-m", "clean", str(path)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert normalize_gold(proc.stdout) == normalize_gold(_seed("fox-mt-notice")[1])
