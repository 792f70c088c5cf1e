"""Memory is bounded by the document for every shape: ``max_chars`` bounds characters, ``max_lines`` lines (plain
text) or blocks and tags (HTML), and a document over either is passed through with ``Result.skipped`` saying why.
The slow tests run the worst shapes the library accepts in a fresh process and check the peak the README states."""

import subprocess
import sys

import lxml.html
import pytest

import clean
from clean.options import DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES, TAGS_PER_LINE, Options

ARTICLE = ("The council voted on Tuesday to extend the housing programme for another three years, citing strong "
           "demand from young families across the district.")


def test_text_over_max_lines_is_passed_through():
    options = Options(max_lines=10)
    cleaner = clean.default_cleaner()
    text = "\n".join([ARTICLE] * 10) + "\n"
    assert cleaner.clean_text(text, options).skipped is None
    more = text + "Home\n"
    result = cleaner.clean_text(more, options)
    assert result.text == more and result.removals == ()
    assert result.skipped == "11 lines, more than the 10 a document may have: not cleaned"
    assert cleaner.clean_text("a\r\n" * 10, options).skipped is None  # CR LF is one line end
    assert cleaner.clean_text("a\n" * 5 + "\n" * 6, options).skipped  # blank lines count


def test_html_over_max_lines_is_passed_through():
    options = Options(max_lines=10)
    cleaner = clean.default_cleaner()
    page = "<html><body>" + f"<p>{ARTICLE}</p>" * 7 + "</body></html>"  # 18 tags, 10 records, 7 blocks
    assert cleaner.clean_html(page, options).skipped is None
    many_blocks = "<div>" + f"{ARTICLE}<br>" * 11  # 12 tags, 11 blocks
    result = cleaner.clean_html(many_blocks, options)
    assert result.text == "" and "not cleaned" in result.skipped and "blocks" in result.skipped
    many_tags = f"<p>{ARTICLE}" + "<b></b>" * 20  # 41 tags, one block
    assert "41 tags, more than the 40" in cleaner.clean_html(many_tags, options).skipped
    assert "41 tags" in cleaner.clean_html(many_tags.encode(), options).skipped
    tree = lxml.html.document_fromstring(many_blocks)  # a caller's tree: its blocks are counted
    assert "blocks" in cleaner.clean_html(tree, options).skipped


def test_defaults():
    assert (DEFAULT_MAX_CHARS, DEFAULT_MAX_LINES, TAGS_PER_LINE) == (10_000_000, 250_000, 4)


# --- the worst shapes, in a fresh process -------------------------------------------------------------------

#: What the README states: over what the library itself takes (about 90 MiB with its phrase data and langdetect
#: profiles), at most 350 bytes per byte of input, and with the default limits under 600 MiB in all.
README_PEAK = 600 * 2**20
PER_INPUT_BYTE = 350
ACCEPTANCE_PEAK = 1_500_000_000

SHAPES = {
    # refused: the reproductions of issue 11
    "five million one-letter lines": ("text", '"a\\n" * 5_000_000', True),
    "a million one-letter paragraphs": ("html", '"<p>a</p>" * 1_000_000', True),
    "2.5 million unclosed paragraphs": ("html", '"<p>a" * 2_500_000', True),
    # accepted, at the limits
    "one-letter lines at max_lines": ("text", '"a\\n" * 250_000', False),
    "max_chars of lines at max_lines": ("text", '("x" * 39 + "\\n") * 250_000', False),
    "max_chars of astral text": ("text", '("Wörter und mehr Wörter \\U0001F600 " * 3 + "\\n") * (10_000_000 // 79)',
                                 False),
    "paragraphs at max_lines": ("html", '"<p>a" * 249_990', False),
    "inline chrome at max_lines": ("html", '"<div>" + \'<span class="share">a</span>\' * 249_990', False),
    "br lines at max_lines": ("html", '"<p>" + "a<br>" * 249_990', False),
    "paragraphs and every tag allowed": ("html", '"<p>a" * 249_990 + "<b></b>" * 375_000', False),
    "max_chars of text in every tag allowed": ("html", '"<p>" + ("word " * 15 + "<br>") * 100_000 + '
                                               '"<i></i>" * 299_000', False),
}

_RUN = """
import resource, sys, clean
kind, expr = sys.argv[1], sys.argv[2]
doc = eval(expr)
result = clean.clean_html(doc) if kind == "html" else clean.clean_text(doc)
print(int(bool(result.skipped)), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
"""


def peak_of(kind: str, expr: str) -> tuple[bool, int]:
    done = subprocess.run([sys.executable, "-c", _RUN, kind, expr], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    skipped, peak = map(int, done.stdout.split())
    return bool(skipped), peak


@pytest.fixture(scope="module")
def library_alone():
    return peak_of("text", '"a"')[1]


@pytest.mark.slow
@pytest.mark.parametrize("name", SHAPES)
def test_worst_shapes_stay_within_the_stated_memory(name, library_alone):
    kind, expr, refused = SHAPES[name]
    skipped, peak = peak_of(kind, expr)
    assert skipped == refused
    assert peak < ACCEPTANCE_PEAK and peak < README_PEAK, f"peak RSS {peak / 2**20:,.0f} MiB"
    if not refused:
        size = len(eval(expr).encode("utf-8"))
        assert peak - library_alone < PER_INPUT_BYTE * size, f"{(peak - library_alone) / size:.0f} bytes per byte"
