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


@pytest.mark.parametrize("option", ["--help", "--contact", "--privacy"])
def test_a_command_line_option_named_like_a_footer_link_stays(option):
    lines = PARAGRAPHS[:2] + [option] + PARAGRAPHS[2:]
    assert removed(clean.clean_text("\n".join(lines) + "\n")) == {}


def test_a_page_that_shows_its_chrome_loses_it():
    menu = ["Home", "News", "Sport", "Weather", "Sign in", "Search", "Subscribe"]
    footer = ["About us", "Contact", "Privacy Policy", "Terms of Use", "© 2026 The Gazette"]
    text = "\n".join(menu + ["Council approves road budget"] + PARAGRAPHS + footer) + "\n"
    result = clean.clean_text(text)
    assert set(removed(result)) == set(menu + footer)
    assert "Council approves road budget" in result.text


def test_evidence_at_one_end_removes_nothing_at_the_other():
    """A menu word above the article says nothing of the code after it; a footer below says nothing of the
    ingredient list above."""
    code = ["Install it with:", "pip install requests", "import requests", "r = requests.get(url)"]
    text = "\n".join(["Home"] + PARAGRAPHS[:3] + code) + "\n"
    assert set(removed(clean.clean_text(text))) <= {"Home"}
    items = ["Ingredients", "2 cups flour", "1 egg", "Salt to taste"]
    text = "\n".join(items + PARAGRAPHS + ["Privacy Policy", "© 2026 The Gazette"]) + "\n"
    assert not set(items) & set(removed(clean.clean_text(text)))


def test_a_checksum_is_not_an_encoded_blob_but_base64_is():
    checksum = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a089f86d081884c7d659a2feaa0c55ad015"
    text = "\n".join(PARAGRAPHS + ["Checksums:", checksum]) + "\n"
    assert removed(clean.clean_text(text)) == {}
    blob = "PGRpdiBjbGFzcz0nc3AtZW1iZWRkaW5nLWNvbnRhaW5lcic+PGRpdiBjbGFzcz0nc3AtZW1iZWRkaW5nLWNvbnRhaW5lcic+" * 2
    assert removed(clean.clean_text("\n".join(PARAGRAPHS + [blob]) + "\n")) == {blob: "outside-article"}


def test_a_menu_written_on_one_line():
    de = ["Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, der vor allem mehr "
          "Geld für die Sanierung der Brücken vorsieht.",
          "Die Befürworter sagten, der Plan werde endlich die maroden Brücken im Osten der Stadt in Ordnung bringen, "
          "vor denen Ingenieure seit Jahren warnen."]
    result = clean.clean_text("\n".join(de + ["Datenschutzerklärung · Impressum"]) + "\n")
    assert removed(result) == {"Datenschutzerklärung · Impressum": "footer"}
    assert "menu line" in result.removals[0].detail


# words no phrase file lists (letters in runs no language writes), and lower-case chrome words, which in a line
# of their own are a sentence's fragment or code, not a menu
_WORD = st.one_of(st.text(alphabet="bcdfghjklmnpqrstvwxz", min_size=5, max_size=9),
                  st.sampled_from(["print", "share", "next", "email", "search", "login", "in", "more"]))
_LINE = st.one_of(
    st.text(alphabet="0123456789abcdef", min_size=81, max_size=120),  # a hash or a key
    st.lists(_WORD, min_size=1, max_size=4).map(" ".join),  # a list item, a heading, a table cell
    st.lists(_WORD, min_size=12, max_size=40).map(lambda ws: " ".join(ws).capitalize() + "."),  # a paragraph
    st.tuples(_WORD, _WORD).map(lambda t: f"{t[0]}({t[1]}) = {t[1]}_x;"),  # code
    st.integers(0, 10**6).map(str),  # a figure
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=40))
def test_text_with_no_evidence_comes_out_whole(lines):
    """Unless a detector judges a line, the context pass removes nothing, whatever the shape of the lines."""
    text = "\n".join(lines) + "\n"
    result = clean.clean_text(text, disable=("language", "translation"))
    if all(r.reason is clean.Reason.OUTSIDE_ARTICLE for r in result.removals):
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


def test_weak_evidence_repeated_makes_no_region():
    """A lower-case chrome word is weak evidence alone (a fragment, or code); four of them do not add up to the
    evidence a region needs, so the hashes and words around them stay (found by the property test above)."""
    lines = ["0" * 75 + "a0ceed", "0" * 78 + "c0c", "print", "print", "print", "print",
             "Bbbbb bbbbb bbbbb bbbbb bbbbb bbbbb bbbbb bbbbc bbbbc in in in."]
    text = "\n".join(lines) + "\n"
    assert clean.clean_text(text, disable=("language", "translation")).text == text
