"""The fast paths of the plain-text pipeline, held to the definitions they stand for: each property compares what
the fast code decides with what the reference (the plain, line-by-line definition) decides, on generated pages."""

import string
import unicodedata
from dataclasses import replace
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

import clean
from clean.detectors import support
from clean.detectors.promo import read_line
from clean import phrases
from clean.phrases import normalize, normalize_split, whole_key
from conftest import EN

#: Lines of every kind a page is made of: paragraphs, menu and footer words, share bars, code, figures,
#: teasers, notices; and words to make new ones from.
POOL = EN + [
    "Home", "News", "Sport", "Weather", "Sign in", "Search", "Subscribe", "Menu", "Share", "Print", "Tweet",
    "About us", "Contact", "Privacy Policy", "Terms of Use", "© 2026 The Gazette", "All rights reserved",
    "Related articles", "Read more", "Comments (12)", "Leave a comment", "Advertisement",
    "Sign up for our newsletter", "Follow us on Twitter", "Accept cookies", "We use cookies on this site.",
    "Home › News › Local", "About | Contact | Jobs", "Maio (184)", "Junho (12)", "Julho (7)", "Agosto (30)",
    "def total(items):", "    return sum(items)", "pip install requests", "--help", "2 cups flour", "1 egg",
    "THE MAYOR'S PLAN WOULD CUT TAXES FOR EVERY FAMILY IN THE CITY NEXT YEAR",
    "This article was machine translated by Google Translate.", "Read this in English", "Deutsch", "Français",
    "Council approves road budget", "By Jane Smith", "March 3, 2026", "10", "7", "Arsenal",
]
_WORD = st.sampled_from(["the", "Council", "road", "budget", "Home", "news", "and", "of", "share", "2026"])
LINE = st.one_of(st.sampled_from(POOL),
                 st.lists(_WORD, min_size=1, max_size=12).map(" ".join),
                 st.lists(_WORD, min_size=1, max_size=4).map(lambda w: " · ".join(w)))
PAGE = st.lists(LINE, min_size=1, max_size=60).map(lambda lines: "\n".join(lines) + "\n")


def reference_supported(doc, verdicts, out, places, kinds, model, wanted=None):
    """:func:`support.supported` as defined: every candidate's vector (:func:`support.candidate_features`) scored
    by the model one by one, each run of consecutive candidates kept or removed by its lines' mean score."""
    keep = {k: support.Verdict(v.reason, "encoded data, not language") for k, v in out.items()
            if len(doc.blocks[k].text) > support.BLOB_MIN_CHARS and support.is_encoded(doc.blocks[k].text)}
    only = None if wanted is None else support._runs_of(out, wanted)
    scores = {k: model.score(x) for k, x in support.candidate_features(doc, verdicts, out, places, kinds,
                                                                       only=only).items()}
    bar = model.threshold + doc.options.thresholds.support_margin
    for run in support._consecutive(sorted(scores)):
        weights = [doc.features[k].words + 1 for k in run]
        mean = sum(scores[k] * w for k, w in zip(run, weights)) / sum(weights)
        if mean >= bar:
            keep.update((k, out[k]) for k in run if k not in keep)
    return keep


def calls_of_supported(text, mode="thorough"):
    """The arguments of every call of :func:`support.supported` while ``text`` is cleaned."""
    calls = []
    real = support.supported

    def spy(*args, **kwargs):
        calls.append((args, kwargs))
        return real(*args, **kwargs)

    with patch.object(support, "supported", spy):
        clean.clean_text(text, mode=mode)
    return calls


@settings(max_examples=80, deadline=None)
@given(PAGE, st.sampled_from(["thorough", "precise"]))
def test_scores_summed_per_run_decide_as_the_model_does(text, mode):
    for args, kwargs in calls_of_supported(text, mode):
        doc, verdicts, out, places, kinds, model = args[:6]
        fast = support.candidate_scores(doc, verdicts, out, places, kinds, model)
        exact = {k: model.score(x) for k, x in support.candidate_features(doc, verdicts, out, places, kinds).items()}
        assert fast.keys() == exact.keys()
        assert all(abs(fast[k] - exact[k]) <= 1e-9 * (1 + abs(exact[k])) for k in fast)
        assert support.supported(*args, **kwargs) == reference_supported(*args, **kwargs)


def test_the_pages_above_weigh_runs():
    """The generated pages reach the model: a page with chrome has runs of candidates to score."""
    page = "\n".join(["Home", "News", "Sign in", "Council approves road budget", *EN, "Privacy Policy",
                      "© 2026 The Gazette", "About us"]) + "\n"
    scored = [support.candidate_scores(*args[:6]) for args, _ in calls_of_supported(page)]
    assert any(scored)


@settings(max_examples=40, deadline=None)
@given(PAGE)
def test_a_run_too_close_to_the_bar_is_weighed_exactly(text):
    """With the bar moved onto a run's exact mean score, the fast order cannot tell: the exact sum decides,
    as the reference does (a mean equal to the bar keeps the run's removal)."""
    for args, kwargs in calls_of_supported(text):
        doc, verdicts, out, places, kinds, model = args[:6]
        scores = {k: model.score(x) for k, x in support.candidate_features(doc, verdicts, out, places, kinds).items()}
        for run in support._consecutive(sorted(scores))[:3]:
            mean = support._mean(scores, run, doc)
            at_bar = replace(model, threshold=mean - doc.options.thresholds.support_margin)
            moved = (doc, verdicts, out, places, kinds, at_bar, *args[6:])
            assert support.supported(*moved, **kwargs) == reference_supported(*moved, **kwargs)
            if args[6:7] == (None,):  # every run weighed (not only those of some lines): this one goes
                assert set(run) <= support.supported(*moved).keys()


_CHARS = st.sampled_from(list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ0123456789:|-–»·,.!?()'\"_/éßİş日本語ह\u093fТекст"))


@settings(max_examples=200, deadline=None)
@given(st.one_of(LINE, st.text(_CHARS, max_size=60)))
def test_a_line_matched_with_what_the_pipeline_knows_matches_as_alone(line):
    """The pipeline hands the matcher and the promo reader the line normalized, keyed and split, and the grammar
    its words: the same phrases and readings as a line read from nothing."""
    phrases = clean.default_cleaner().phrases
    norm, split = normalize_split(line)
    assert norm == normalize(line) and split == norm.split()
    key = whole_key(line, norm)
    words = split if key == norm else key.split()
    assert phrases.match(line, norm=norm, key=key, words=words) == phrases.match(line)
    n = len(line.split())
    assert read_line(phrases.promo, line, n, key, words) == read_line(phrases.promo, line, n)
    if phrases.meaning is not None:
        assert phrases.meaning.read(line, norm, 30, norm.split()) == phrases.meaning.read(line, max_words=30)



def _silent_and_read(line):
    """Whether the pipeline's gate calls ``line`` silent, and what the matcher and the promo reader find in it."""
    phrases = clean.default_cleaner().phrases
    norm, split = normalize_split(line)
    key = whole_key(line, norm)
    words = split if key == norm else key.split()
    silent = phrases.silent(line, norm, key, words, split)
    return silent, phrases.match(line, norm=norm, key=key, words=words), read_line(phrases.promo, line,
                                                                                   len(line.split()), key, words)


def _lines_of_the_data():
    """Every phrase of the data as a whole line, as a line's head, inside a sentence, in curly quotes; and every
    line of the promo and notice benchmark sets."""
    import json
    from pathlib import Path

    phrases = clean.default_cleaner().phrases
    keys = list(phrases._whole) + list(phrases._head)
    keys += [p.strip() for entries in phrases._anchors.values() for p, _ in entries]
    lines = []
    for k in keys:
        lines += [k, k.title(), f"{k.capitalize()}: more below", f"We said {k} today.", f"\u201c{k}\u201d \u2014 2026"]
    bench = Path(__file__).resolve().parent.parent / "benchmarks"
    for name in ("promo/cases.jsonl", "notices/notices.jsonl", "notices/real.jsonl", "notices/negatives.jsonl"):
        for row in map(json.loads, (bench / name).read_text(encoding="utf-8").splitlines()):
            lines += row.get("lines", [row.get("text", "")])
    return [x for x in lines if x.strip()]


def test_a_silent_line_holds_nothing_the_readers_find():
    """The gate that passes over most lines (:meth:`Phrasebook.silent`) never passes over a line the matcher or the
    promo reader finds something in: every phrase of the data, as a line, a head or inside one, and every line of
    the promo and notice sets."""
    lines = _lines_of_the_data() + POOL
    found = 0
    for line in lines:
        silent, match, reading = _silent_and_read(line)
        if silent:
            assert not match and reading is None, line
        found += bool(match or reading)
    assert found > len(lines) // 2  # the lines hold what the readers find


@settings(max_examples=300, deadline=None)
@given(st.one_of(LINE, st.text(_CHARS, max_size=60)))
def test_a_silent_generated_line_holds_nothing_the_readers_find(line):
    silent, match, reading = _silent_and_read(line)
    if silent:
        assert not match and reading is None


def test_most_lines_of_an_article_are_silent():
    """An article's sentences hold no phrase: the gate passes over them (the fast path is taken)."""
    assert all(_silent_and_read(line)[0] for line in
               ["The council met on Tuesday to discuss the budget for the new road.",
                "It\u2019s the \u201cbiggest\u201d road in the county \u2014 the mayor said.",
                "Der Stadtrat hat am Dienstag über die Straße beraten.",
                "Городской совет обсудил бюджет на новую дорогу."])
    # a line of a script written without spaces is never passed over: its phrases are found as substrings
    assert not _silent_and_read("市议会周二讨论了新道路的预算。")[0]


def test_a_page_with_too_few_bracketed_lines_has_no_counted_list():
    """The counted-list rule passes over a page with fewer bracketed line ends than a list needs; four items in
    a row are still found."""
    four = ["Maio (184)", "Junho (12)", "Julho (7)", "Agosto (30)"]
    found = {r.text for r in clean.clean_text("\n".join(EN + four) + "\n").removals}
    assert set(four) <= found
    assert not set(four[:3]) & {r.text for r in clean.clean_text("\n".join(EN + four[:3]) + "\n").removals
                                if r.reason is clean.Reason.TAGS}


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(max_codepoint=127), max_size=80))
def test_ascii_text_is_normalized_as_its_definition_says(text):
    """ASCII punctuation becomes a space, letters lower case, white space runs one space, the ends trimmed (as
    bytes, through one table)."""
    expected = " ".join(text.translate(str.maketrans({c: " " for c in string.punctuation})).lower().split())
    assert normalize(text) == expected
    assert normalize_split(text) == (expected, expected.split())


@settings(max_examples=400, deadline=None)
@given(st.text(st.one_of(st.characters(max_codepoint=0x2FF), st.sampled_from("’“”–…İşţ\u0301\u093fख日本")), max_size=60))
def test_latin_text_is_normalized_as_its_definition_says(text):
    """After NFKC and case folding, every run of characters that are not part of a word (``\\w`` less "_", with
    combining marks) becomes one space, the ends trimmed; Latin-1 text is folded as bytes through one table."""
    folded = phrases.fold_letters(unicodedata.normalize("NFKC", text).casefold())
    run = phrases._PUNCT_RUN if phrases._MARK.search(folded) else phrases._PUNCT_RUN_NO_MARKS
    if not text.isascii():
        assert normalize(text) == run.sub(" ", folded).strip()


def test_langdetect_profiles_are_read_only_tuples_and_guesses_are_unchanged():
    """The profiles' probabilities are tuples (untracked by the garbage collector once checked, so a long run's
    full collections do not walk 88,000 lists); langdetect reads them the same."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    from clean.lang import SEED, LanguageIdentifier

    ours = LanguageIdentifier()
    table = ours._factory.word_lang_prob_map
    assert table and all(type(v) is tuple for v in table.values())
    plain = DetectorFactory()
    plain.load_profile(PROFILES_DIRECTORY)
    plain.set_seed(SEED)
    for text in ["The council voted on Tuesday to extend the housing programme for three more years.",
                 "Der Rat hat am Dienstag beschlossen, das Wohnungsprogramm zu verlängern.",
                 "El consejo votó el martes para ampliar el programa de vivienda."]:
        d = plain.create()
        d.append(text)
        expected = d.get_probabilities()[0]
        got = ours.guess(text)
        assert (got.lang, got.prob) == (expected.lang, expected.prob)


def test_removals_and_judged_blocks_made_fast_are_the_dataclasses_objects():
    """The pipeline makes its Removal and Judged objects without the frozen dataclasses' __init__: they are equal,
    hash, print, pickle and convert as the objects the dataclasses make, and stay frozen."""
    import dataclasses
    import pickle

    import pytest

    from clean.reasons import Reason
    from clean.result import Judged, Removal, judged, removal

    made = Removal(3, 9, "Share this", Reason.SHARE_BAR, "en:=share this", "")
    fast = removal(3, 9, "Share this", Reason.SHARE_BAR, "en:=share this", "")
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert fast.to_dict() == made.to_dict() and dataclasses.asdict(fast) == dataclasses.asdict(made)
    assert pickle.loads(pickle.dumps(fast)) == made
    assert judged(["Share this", "Text."], [fast, None]) == (Judged("Share this", made), Judged("Text."))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.text = "other"


@settings(max_examples=300, deadline=None)
@given(st.sets(st.integers(0, 40)), st.sets(st.integers(0, 40)))
def test_removable_runs_are_the_runs_of_consecutive_lines(judged_, candidates_):
    runs = support._removable_runs(dict.fromkeys(judged_), dict.fromkeys(candidates_))
    lines = sorted(judged_ | candidates_)
    assert [k for i, j in runs for k in range(i, j)] == lines  # every line once, in order
    assert all(j < i2 for (_, j), (i2, _) in zip(runs, runs[1:]))  # a kept line between every two runs


def _reference_paragraph_kinds(doc, kinds, t, min_stop):
    """The definition: from each line, the lines that continue it one after another make one paragraph."""
    from clean.detectors.context import Kind, _continues, _joined, classify

    out, feats, blocks, i = list(kinds), doc.features, doc.blocks, 0
    while i < len(blocks):
        j = i + 1
        while j < len(blocks) and kinds[j - 1] is not Kind.BAD and kinds[j] is not Kind.BAD \
                and _continues(feats[j - 1], blocks[j - 1].text, blocks[j]):
            j += 1
        if j - i > 1:
            out[i:j] = [classify(_joined(feats[i:j]), t, min_stop)] * (j - i)
        i = j
    return out


_WRAPPED = st.sampled_from(["The council said on Tuesday that the budget for the", "new road would be cut,",
                            "and the mayor agreed with the plan to build it next year", "Home", "News.",
                            "a line that starts in lower case and goes on for a while", "Short one",
                            "It ends here, with a sentence that is long enough to wrap."])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(_WRAPPED, st.booleans()), min_size=1, max_size=25), st.sets(st.integers(0, 24)))
def test_wrapped_lines_are_joined_as_the_definition_says(lines, bad):
    from types import SimpleNamespace

    from clean.blocks import Block
    from clean.detectors.context import Kind, classify_all, paragraph_kinds
    from clean.features import measure
    from clean.options import Options

    blocks = [Block(text, gap_before=gap) for text, gap in lines]
    feats = [measure(b.text, None) for b in blocks]
    t = Options().thresholds
    kinds = classify_all(feats, t, 0.1)
    kinds = [Kind.BAD if i in bad else k for i, k in enumerate(kinds)]
    doc = SimpleNamespace(features=feats, blocks=blocks)
    assert paragraph_kinds(doc, kinds, t, 0.1) == _reference_paragraph_kinds(doc, kinds, t, 0.1)
