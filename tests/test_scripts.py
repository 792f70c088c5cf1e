"""One definition of scripts (clean.scripts), equal to Unicode's Script_Extensions, and used everywhere."""

import pytest

import clean
from clean import scripts
from clean.detectors.language import _script
from clean.features import measure
from clean.html.select import good_sizes
from clean.html.walk import Raw

regex = pytest.importorskip("regex", reason="the regex module checks the classes (the 'test' extra)")

#: The classes cover the Basic Multilingual Plane (see clean.scripts).
UNICODE = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp <= 0xDFFF]


@pytest.mark.parametrize("ours, theirs", [
    (scripts.HAN, ["Han"]), (scripts.KANA, ["Hiragana", "Katakana"]), (scripts.HANGUL, ["Hangul"]),
    (scripts.THAI, ["Thai"]), (scripts.NO_SPACE, ["Han", "Hiragana", "Katakana", "Thai", "Lao", "Khmer", "Myanmar"]),
])
def test_classes_are_unicode_script_extensions(ours, theirs):
    scx = regex.compile(r"[[%s]&&[\p{L}\p{M}]--\p{scx=Latin}]" % "".join(r"\p{scx=%s}" % s for s in theirs),
                        regex.V1)
    mine = {ch for ch in UNICODE if ours.match(ch)}
    unicode = {ch for ch in UNICODE if scx.match(ch)}
    assert mine == unicode


def test_kana_marks_are_kana_and_korean_is_spaced():
    for ch in "ーｰ々ゝヽ":
        assert scripts.letter_script(ch) == "CJK" and _script(ch * 3) == "CJK", ch  # the detectors agree
    assert scripts.letter_script("한") == "HANGUL" and not scripts.NO_SPACE.search("한국어 문장입니다")
    assert scripts.NO_SPACE.search("ภาษาไทย") and scripts.NO_SPACE.search("ភាសាខ្មែរ")


@pytest.mark.parametrize("text", ["서울시는 내년부터 대중교통 요금을 인상한다고 밝혔다", "市立中央図書館は来月から開館時間を延長する",
                                  "ラーメン屋さんのメニュー", "Κάτοικοι υποδέχθηκαν την είδηση",
                                  "เทศบาลประกาศเปิดห้องสมุด"])
def test_html_and_text_count_a_line_alike(text):
    """A block's size in the HTML front end is its size in the features every detector reads."""
    assert good_sizes([Raw(text * 4, None, 0.0, True, "p")]) == [measure(text * 4, None).size]


def test_article_language_from_the_script():
    cleaner = clean.default_cleaner()
    menu = "ラーメン・チャーハン・ギョーザ・スープ・サラダ・デザート・コーヒー\n"
    assert cleaner.clean_text(menu * 3).language == "ja"
