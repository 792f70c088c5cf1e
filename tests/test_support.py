"""Issue 8: a removal needs evidence. Text that shows no chrome comes out whole, whatever its shape (lists, code,
tables, posts); a page that shows its chrome still loses it."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import clean
from clean.detectors.support import FEATURES, SupportModel

PARAGRAPHS = [
    "The city council approved the new budget on Tuesday after a debate that lasted more than six hours, with "
    "members split over the cost of road repairs.",
    "Supporters said the plan would finally fix the crumbling bridges on the east side, which engineers have "
    "warned about for nearly a decade.",
    "Opponents argued that the money should go to schools instead, and several parents spoke during the public "
    "comment period to make that case.",
    "The budget now goes to the mayor, who is expected to sign it before the end of the month, according to a "
    "spokesperson for her office.",
]


def removed(result):
    return {r.text: r.reason.value for r in result.removals}


def test_lists_code_and_tables_between_paragraphs_stay():
    lines = (PARAGRAPHS[:2] + ["Ingredients", "2 cups flour", "1 egg", "Salt to taste"] + PARAGRAPHS[2:3]
             + ["def total(items):", "    return sum(items)", "print(total([1, 2]))"] + PARAGRAPHS[3:]
             + ["Team", "Played", "Won", "Arsenal", "10", "7", "Chelsea", "10", "6"])
    text = "\n".join(lines) + "\n"
    assert clean.clean_text(text).text == text


def test_one_word_in_a_code_listing_is_not_a_share_bar():
    lines = PARAGRAPHS[:2] + ["for line in lines:", "print", "in", "send"] + PARAGRAPHS[2:]
    assert removed(clean.clean_text("\n".join(lines) + "\n")) == {}


def test_a_page_that_shows_its_chrome_loses_it():
    menu = ["Home", "News", "Sport", "Weather", "Sign in", "Search", "Subscribe"]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "© 2026 The Gazette"]
    text = "\n".join(menu + ["Council approves road budget"] + PARAGRAPHS + footer) + "\n"
    result = clean.clean_text(text)
    assert set(removed(result)) == set(menu + footer)
    assert "Council approves road budget" in result.text


def test_a_menu_written_on_one_line():
    de = ["Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, der vor allem mehr "
          "Geld für die Sanierung der Brücken vorsieht.",
          "Die Befürworter sagten, der Plan werde endlich die maroden Brücken im Osten der Stadt in Ordnung bringen, "
          "vor denen Ingenieure seit Jahren warnen."]
    result = clean.clean_text("\n".join(de + ["Datenschutzerklärung · Impressum"]) + "\n")
    assert removed(result) == {"Datenschutzerklärung · Impressum": "footer"}
    assert "menu line" in result.removals[0].detail


# words no phrase file lists: letters in runs no language writes
_WORD = st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=5, max_size=9)
_LINE = st.one_of(
    st.lists(_WORD, min_size=1, max_size=4).map(" ".join),  # a list item, a heading, a table cell
    st.lists(_WORD, min_size=12, max_size=40).map(lambda ws: " ".join(ws).capitalize() + "."),  # a paragraph
    st.tuples(_WORD, _WORD).map(lambda t: f"{t[0]}({t[1]}) = {t[1]}_x;"),  # code
    st.integers(0, 10**6).map(str),  # a figure
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=40))
def test_text_with_no_evidence_comes_out_whole(lines):
    """No phrase, no pattern: whatever the shape of the lines, the context pass removes nothing."""
    text = "\n".join(lines) + "\n"
    result = clean.clean_text(text, disable=("language", "translation"))
    assert result.text == text, removed(result)


def test_the_model_file_says_how_it_was_made_and_matches_the_features():
    data = json.loads((Path(clean.__file__).parent / "data" / "support.json").read_text(encoding="utf-8"))
    assert tuple(data["features"]) == FEATURES
    assert "train_support.py" in data["about"] and "dev halves" in data["about"]
    SupportModel.load()


def test_a_model_of_other_features_is_refused(tmp_path, monkeypatch):
    bad = {"features": ["x"], "weights": [1.0], "bias": 0.0, "threshold": 0.0}
    (tmp_path / "support.json").write_text(json.dumps(bad), encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path.parent))
    (tmp_path / "__init__.py").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="train_support"):
        SupportModel.load(package=tmp_path.name)
