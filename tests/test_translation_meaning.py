"""Translation notices, widget strings, banners and switchers recognised by what they say (clean/lexicon.py and
the lexicons of clean/data/translation/): golden cases per language family at a document's edges, and sentences
about translation inside the article that must stay."""

from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

import clean
from clean.lexicon import CATEGORIES, load_lexicon, parse_lexicon

from conftest import EN, doc


def removal(result, text):
    return next((r for r in result.removals if r.text == text), None)


_LEXICON = load_lexicon()


@pytest.fixture(scope="module")
def lexicon():
    return _LEXICON


# Wordings not in the phrase data: each must be read by the grammar (one per language family at least).
NOTICES = [
    # Romance
    ("fr", "Ce billet a été traduit automatiquement et n'a pas encore été relu.", "mt-notice"),
    ("es", "Esta guía fue traducida por una máquina.", "mt-notice"),
    ("it", "Questo post è stato tradotto con l'IA.", "mt-notice"),
    ("pt", "Partes desta página foram traduzidas automaticamente.", "mt-notice"),
    ("ro", "Acest ghid a fost tradus automat din engleză.", "mt-notice"),
    # Germanic
    ("en", "This guide was translated by a machine and may contain mistakes.", "mt-notice"),
    ("en", "⚠️ This text was translated by AI", "mt-notice"),
    ("de", "Dieser Leitfaden wurde mithilfe von KI übersetzt.", "mt-notice"),
    ("nl", "Deze handleiding is machinaal vertaald.", "mt-notice"),
    ("sv", "Guiden har översatts automatiskt.", "mt-notice"),
    # Slavic
    ("ru", "Это руководство переведено с помощью ИИ.", "mt-notice"),
    ("pl", "Ten poradnik został przetłumaczony automatycznie.", "mt-notice"),
    ("cs", "Tento návod byl strojově přeložen.", "mt-notice"),
    # Others: Finno-Ugric, Turkic, Semitic, Indic, East Asian, African
    ("fi", "Tämä opas on konekäännetty.", "mt-notice"),
    ("tr", "Bu rehber yapay zeka ile çevrilmiştir.", "mt-notice"),
    ("ar", "تمت ترجمة هذا الدليل آليًا.", "mt-notice"),
    ("hi", "यह गाइड मशीन द्वारा अनुवादित है।", "mt-notice"),
    ("ja", "このガイドはAIによって翻訳されました。", "mt-notice"),
    ("zh-cn", "本指南由机器翻译。", "mt-notice"),
    ("ko", "이 가이드는 AI로 번역되었습니다.", "mt-notice"),
    ("sw", "Mwongozo huu umetafsiriwa kwa mashine.", "mt-notice"),
    # the original prevails
    ("en", "This is a translation; in case of discrepancy the English original shall prevail.", "mt-notice"),
    # widget strings
    ("en", "Translated from German", "translation-widget"),
    ("en", "Translate this review into English", "translation-widget"),
    ("es", "Ver el original (en inglés)", "translation-widget"),
    ("fr", "Traduit de l'anglais par Google", "mt-notice"),
    ("en", "Original text · Rate this translation", "translation-widget"),
    # banners naming a language
    ("en", "This article is also available in French.", "language-banner"),
    ("en", "This post is also available in: 简体中文, Français, Deutsch", "language-banner"),
    ("en", "Click here to read this in English", "language-banner"),
    ("en", "To read this article in Spanish, click here.", "language-banner"),
    ("en", "Read this in another language", "language-banner"),
    ("de", "Auf Englisch lesen", "language-banner"),
    ("fr", "Cet article est également disponible en espagnol.", "language-banner"),
    ("sw", "Soma makala hii kwa Kiingereza", "language-banner"),
    ("ha", "Karanta da Turanci", "language-banner"),
]


@pytest.mark.parametrize("lang,notice,reason", NOTICES)
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_notices_at_the_edges_go(lang, notice, reason, where):
    lines = [notice] + EN if where == "top" else EN + [notice]
    result = clean.clean_text(doc(lines))
    r = removal(result, notice)
    assert r is not None, f"{lang}: {notice!r} kept"
    assert r.reason.value in (reason, "translation-widget", "mt-notice", "language-banner")
    assert all(p in result.text for p in EN)


@pytest.mark.parametrize("lang,notice,reason", NOTICES)
def test_the_grammar_reads_each_notice(lexicon, lang, notice, reason):
    reading = lexicon.read(notice)
    assert reading is not None and reading.reason == reason


def test_explain_names_what_matched(lexicon):
    result = clean.clean_text(doc(["Ce billet a été traduit automatiquement."] + EN))
    assert result.removals[0].detail == 'translation + machine agent: "traduit automatiquement"'
    assert lexicon.read("Translated by Google").detail == 'translation + tool: "translated" "google"'
    banner = lexicon.read("This article is also available in French.")
    assert banner.reason == "language-banner" and '"french"' in banner.detail


def test_a_long_disclaimer_on_the_first_line_goes():
    disclaimer = ("The official version of this content is in English. Some of this documentation is machine "
                  "translated for your convenience only. " + "No warranty of any kind is made as to the accuracy "
                  "of any translations made from the English original into any other language. " * 6)
    result = clean.clean_text(doc([disclaimer] + EN))
    assert removal(result, disclaimer) is not None
    assert all(p in result.text for p in EN)


@pytest.mark.parametrize("switcher", [
    "English | French | Spanish | German",
    "Kiswahili | Hausa | Yorùbá | አማርኛ",
    "English · Français · isiZulu · Yorùbá",
    "Deutsch / Englisch / Französisch",
])
def test_switchers_of_language_names_go(switcher):
    result = clean.clean_text(doc([switcher] + EN))
    r = removal(result, switcher)
    assert r is not None and r.reason.value == "language-banner"


@pytest.mark.parametrize("sentence", [
    "Her books are translated into many languages, and the latest one is out in French this spring.",
    "The novel has been translated in twenty countries and adapted for the stage in Berlin.",
    "The ministry said the page was translated automatically, which explains the errors.",
    "Read in English, the statement sounds harsher than the original.",
    "Google Translate now supports 110 new languages, the company said on Thursday.",
    "Machine translation has improved dramatically since neural networks replaced phrase-based systems.",
    # a sentence in another language inside the article
    "Ses romans ont été traduits dans une trentaine de langues, dont le japonais et l'arabe.",
    "Die Seite wurde automatisch übersetzt, erklärte das Ministerium, daher die Fehler.",
    "Её книги переведены на многие языки, в том числе на китайский и арабский.",
    "这部小说已被翻译成三十多种语言，在全球销售超过一百万册。",
    "Vitabu vyake vimetafsiriwa katika lugha nyingi za Afrika na Ulaya.",
])
def test_sentences_about_translation_inside_the_article_stay(sentence):
    result = clean.clean_text(doc(EN[:2] + [sentence] + EN[2:]))
    assert removal(result, sentence) is None
    assert result.text.count("\n\n") == len(EN)


@pytest.mark.parametrize("heading", ["Lost in machine translation", "Neural machine translation", "Traduction automatique neuronale"])
def test_a_heading_about_machine_translation_inside_the_article_stays(heading):
    result = clean.clean_text(doc(EN[:2] + [heading] + EN[2:]))
    assert removal(result, heading) is None


def test_a_short_widget_string_inside_the_article_goes():
    result = clean.clean_text(doc(EN[:2] + ["Translated by Google"] + EN[2:]))
    assert removal(result, "Translated by Google") is not None


def test_lexicons_cover_sixty_languages_with_their_sources():
    folder = resources.files("clean.data.translation")
    files = [f for f in folder.iterdir() if f.name.endswith(".txt")
             and f.name not in ("language_names.txt", "tools.txt")]
    assert len(files) >= 60
    for f in files:
        text = f.read_text(encoding="utf-8")
        assert "# source:" in text, f.name
        sections = parse_lexicon(text, f.name)
        assert set(sections) <= set(CATEGORIES), f.name
        assert sections.get("translate") and sections.get("machine"), f.name


def test_language_names_come_from_cldr_by_a_script(lexicon):
    names = resources.files("clean.data.translation").joinpath("language_names.txt").read_text(encoding="utf-8")
    assert "scripts/build_language_names.py" in names.splitlines()[1]
    assert (Path(__file__).parents[1] / "scripts" / "build_language_names.py").exists()
    for name in ("English", "Englisch", "anglais", "Kiswahili", "Yorùbá", "Yoruba", "አማርኛ", "英语", "isiZulu"):
        assert lexicon.is_language_name(name), name
    assert not lexicon.is_language_name("Tuesday")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_reading_any_text_never_fails_and_is_stable(text):
    first = _LEXICON.read(text)
    assert first == _LEXICON.read(text)
    if first is not None:
        assert first.reason in ("mt-notice", "translation-widget", "language-banner")


def test_cli_explain_names_the_deciding_words():
    from click.testing import CliRunner

    from clean.cli import main

    text = doc(["Ce billet a été traduit automatiquement."] + EN)
    result = CliRunner().invoke(main, ["--explain", "-"], input=text, catch_exceptions=False)
    assert result.exit_code == 0
    assert '[mt-notice] Ce billet a été traduit automatiquement.' in result.output
    assert 'translation + machine agent: "traduit automatiquement"' in result.output


def test_language_names_file_is_what_the_script_makes(tmp_path, monkeypatch):
    pytest.importorskip("babel")
    import importlib.util

    root = Path(__file__).parents[1]
    spec = importlib.util.spec_from_file_location("build_language_names", root / "scripts" / "build_language_names.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    out = tmp_path / "language_names.txt"
    monkeypatch.setattr(script, "OUT", out)
    monkeypatch.setattr(script, "ROOT", root)
    script.main()
    committed = (root / "clean" / "data" / "translation" / "language_names.txt").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8").splitlines()[4:] == committed.splitlines()[4:]


def test_a_stem_inside_an_identifier_names_no_language(lexicon):
    assert lexicon.read("-V, --version  Show information about glsa-check") is None


def test_a_sentence_with_a_cue_word_and_a_stem_like_word_stays():
    line = "The new version will check the installed packages"
    assert line in clean.clean_text(doc([line] + EN)).text


@pytest.mark.parametrize("banner", ["Lasīt angliski", "Lasiet šo ziņu arī angliski", "Lue myös englanniksi tästä linkistä",
                                    "Olvasd el angolul is itt"])
def test_a_short_banner_with_an_inflected_language_name_is_read(lexicon, banner):
    reading = lexicon.read(banner)
    assert reading is not None and reading.reason == "language-banner"


@pytest.mark.parametrize("lead", [
    "Parts of the city's website use automatic translation and may contain errors, the mayor's office said.",
    "The guide is also available in Polish and Ukrainian at the library, the council announced on Monday.",
])
def test_a_reported_lead_about_translation_on_the_first_line_stays(lead):
    result = clean.clean_text(doc([lead] + EN))
    assert lead in result.text


def test_a_notice_about_this_page_goes_even_with_a_reporting_word():
    # no phrase of the data matches: the grammar reads it, and "this story" makes it a notice for all "according to"
    notice = "According to our policy, this story was translated by an AI tool and checked by an editor."
    result = clean.clean_text(doc([notice] + EN))
    assert [r.detail for r in result.removals if r.text == notice] == ['translation + machine agent: "translated" "AI"']
