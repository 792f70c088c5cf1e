"""The context pass's rules for repeated lines, which fixture cases (each line kept or removed) cannot state."""

import clean
from conftest import load_cases

PARAGRAPHS = next(c for c in load_cases() if c["name"] == "mt notice at the top, in another language")["lines"][1:]


def test_a_paragraph_the_article_repeats_keeps_one_copy():
    quote = PARAGRAPHS[2]  # a pull quote: the same sentence again between two paragraphs
    lines = PARAGRAPHS[:3] + [quote] + PARAGRAPHS[3:]
    result = clean.clean_text("\n\n".join(lines) + "\n")
    assert result.text.splitlines().count(quote) == 1
    assert [r.detail for r in result.removals] == ["line repeated elsewhere on the page"]
    for p in PARAGRAPHS:
        assert p in result.text

