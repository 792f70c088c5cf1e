"""The invariants every output keeps, for any str input (hypothesis) and on real pages."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clean
from conftest import FIXTURES, ROOT

ARTICLE = [
    "The council voted on Tuesday to extend the programme for another three years, citing strong demand.",
    "\"We did not expect this many applications,\" said the mayor, who had argued for the extension.",
    "A Team Effort",
    "Henry Storey",
    "Critics said the money would be better spent on roads, and asked for an independent review of the costs.",
    "Die Stadt hat die Förderung verlängert, teilte der Bürgermeister am Dienstag mit.",
]
CHROME = [
    "Home", "News", "Sport", "Share", "Log in", "Select Language", "Powered by Google Translate",
    "READ MORE: Mayor resigns after scandal", "CLICK HERE TO GET THE FOX NEWS APP", "Advertisement",
    "13 comments on “Council extends programme”", "© 2021 Example Media. All rights reserved.",
    "Este sitio web fue traducido automáticamente. Para obtener más información, por favor haz clic aquí.",
    "COUNCIL MEMBERS CLASH OVER ROAD FUNDING IN HEATED SESSION",
]
#: any code point, lone surrogates and NUL included (st.text() leaves surrogates out)
ANY_CHAR = st.characters(blacklist_categories=())
line = st.one_of(st.sampled_from(ARTICLE), st.sampled_from(CHROME), st.text(max_size=80),
                 st.text(alphabet=ANY_CHAR, max_size=200))
document = st.builds(lambda lines, sep: sep.join(lines), st.lists(line, max_size=40),
                     st.sampled_from(["\n", "\n\n", "\r\n", "\r", "\n\r\n"]))
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _lines(text):
    return set(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


@SETTINGS
@given(document)
def test_output_lines_are_input_lines(text):
    out = clean.clean_text(text).text
    assert {l for l in _lines(out) if l} <= _lines(text)


@SETTINGS
@given(document)
def test_idempotent(text):
    once = clean.clean_text(text).text
    assert clean.clean_text(once).text == once


@SETTINGS
@given(st.text(alphabet=ANY_CHAR))
def test_never_raises_on_any_str(text):
    result = clean.clean_text(text)
    assert isinstance(result.text, str)


@SETTINGS
@given(document)
def test_removals_point_into_the_input(text):
    result = clean.clean_text(text)
    end = 0
    for r in result.removals:
        assert text[r.start:r.end] == r.text
        assert r.start >= end  # in document order, never overlapping
        end = r.end
        assert isinstance(r.reason, clean.Reason) and r.detail


def _eval_pages(limit):
    data = ROOT.parent / "shared" / "eval" / "data"
    pages = sorted((data / "scrapinghub" / "html").glob("*.txt"))[:limit]
    pages += sorted((data / "trafilatura-eval" / "eval").glob("*.txt"))[:limit]
    return pages


def test_idempotent_and_verbatim_on_real_pages():
    pages = _eval_pages(40)
    if not pages:
        pytest.skip("the benchmark pages (../shared/eval) are not beside the project")
    pages += sorted((FIXTURES / "seeds").glob("*.txt"))
    for path in pages:
        text = path.read_text(encoding="utf-8")
        once = clean.clean_text(text).text
        assert clean.clean_text(once).text == once, path.name
        assert {l for l in _lines(once) if l} <= _lines(text), path.name


def test_same_output_in_another_process():
    """Same input, same output, in a process with another hash seed (langdetect is seeded per Cleaner)."""
    pages = _eval_pages(5) + sorted((FIXTURES / "seeds").glob("*.txt"))
    script = ("import sys, clean, hashlib\n"
              "for p in sys.argv[1:]:\n"
              "    print(hashlib.sha1(clean.clean_text(open(p, encoding='utf-8').read()).text.encode()).hexdigest())\n")
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        proc = subprocess.run([sys.executable, "-c", script, *map(str, pages)], capture_output=True, text=True,
                              env=env, timeout=300)
        assert proc.returncode == 0, proc.stderr
        outs.append(proc.stdout)
    here = "".join(__import__("hashlib").sha1(clean.clean_text(p.read_text(encoding="utf-8")).text.encode())
                   .hexdigest() + "\n" for p in pages)
    assert outs[0] == outs[1] == here
