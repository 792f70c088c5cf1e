"""The context pass's rules for repeated lines, which fixture cases (each line kept or removed) cannot state."""

import clean
from conftest import load_cases

PARAGRAPHS = next(c for c in load_cases() if c["name"] == "mt notice at the top, in another language")["lines"][1:]


def test_a_paragraph_the_article_repeats_stays():
    """Repetition is no evidence: a pull quote repeats a sentence, a forum reply quotes the post it answers."""
    quote = PARAGRAPHS[2]
    lines = PARAGRAPHS[:3] + [quote] + PARAGRAPHS[3:]
    result = clean.clean_text("\n\n".join(lines) + "\n")
    assert result.text.splitlines().count(quote) == 2
    assert result.removals == ()
    for p in PARAGRAPHS:
        assert p in result.text



WRAPPED = """Home
About
Archive

Council approves road budget after six-hour debate

The city council approved the new budget on Tuesday after a debate
that lasted more than six hours, with members split over the cost of
road repairs and over how quickly the work could begin.

Supporters said the plan would finally fix the crumbling bridges on
the east side, which engineers have warned about for nearly a decade,
and that waiting any longer would only make the repairs dearer.

Opponents argued that the money should go to schools instead, and
several parents spoke during the public comment period to make that
case before the vote was taken late in the evening.

Posted by the city desk
Older posts
"""


def test_hard_wrapped_paragraphs_are_judged_as_paragraphs():
    result = clean.clean_text(WRAPPED)
    article = WRAPPED.split("\n\n", 1)[1].split("\n\nPosted by", 1)[0]
    assert article in result.text
    assert "Home" not in result.text.splitlines()
    assert "Older posts" not in result.text.splitlines()


TAG_CLOUD = ("Apple bus und bahn css d80 datenschutz Design film foto Fotografie fun gimp Google handy iPhone "
             "Kamera Linux mac Musik nikon opensource Piraten politik recht Software Spiele Telekom twitter ubuntu "
             "urheberrecht video web2.0 Webdesign wiki Windows WordPress zensur")


def test_a_long_line_of_keywords_is_no_paragraph():
    from clean.detectors.context import Kind, classify
    from clean.features import measure
    from clean.options import Options
    stop = clean.default_cleaner().phrases.stopwords["de"]
    thresholds = Options().thresholds
    assert len(TAG_CLOUD) >= thresholds.long_chars
    assert classify(measure(TAG_CLOUD, stop), thresholds) is not Kind.GOOD
    sentence = ("Nachdem bei Uberspace jetzt Let’s Encrypt einigermaßen stabil läuft, habe ich die Umstellung aller "
                "meiner Seiten auf SSL in Angriff genommen, und das war weniger aufwändig, als ich dachte, weil die "
                "Konfiguration der Dienste schon vorbereitet war und nur noch die Regeln fehlten.")
    assert classify(measure(sentence, stop), thresholds) is Kind.GOOD


def test_lines_classified_together_are_classified_as_one_by_one():
    """The context pass classifies a document's lines in one loop (classify_all): each line gets the kind
    classify gives it alone, for every combination of the thresholds' edges."""
    from itertools import product

    from clean.detectors.context import Kind, classify, classify_all
    from clean.features import Features
    from clean.options import Options

    t = Options().thresholds
    sizes = (0, t.good_min_chars - 1, t.good_min_chars, t.long_chars - 1, t.long_chars)
    words = (0, t.near_min_words - 1, t.near_min_words, t.good_min_words - 1, t.good_min_words)
    ratios = (None, 0.0, 0.09, 0.1, 0.5)
    feats = [Features(s, s, w, sentence, sentence, caps, r)
             for s, w, sentence, caps, r in product(sizes, words, (False, True), (False, True), ratios)]
    for bar in (0.1, t.good_min_stopword_ratio):
        kinds = classify_all(feats, t, bar)
        assert kinds == [classify(f, t, bar) for f in feats]
        assert set(kinds) == {Kind.GOOD, Kind.NEAR, Kind.SHORT}  # every kind is reached
