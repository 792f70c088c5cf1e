"""Promo lines recognised by what they do (issue 12): calls to action, pointers and their headlines, ad labels,
caps teasers; the article's own look-alike lines, and the lines around a promo line, stay."""

from importlib import resources

import pytest

import clean
from clean.promo_lexicon import Lexicon, load_lexicon, parse_lexicon_file, read_cta

P = [
    "The storm knocked out power to more than 200,000 homes across the region on Tuesday, utility officials "
    "said, and crews from four states were called in to help restore service before the weekend.",
    "Officials said the repairs could take until Friday in the hardest-hit areas, where falling trees brought "
    "down dozens of utility poles and blocked several main roads leading into town.",
    "Residents were urged to stay off the roads and to check on elderly neighbours, and the city opened three "
    "warming centres in school gymnasiums that will stay open through the weekend.",
    "Engineers said work on the damaged substations could begin in the spring if the contracts are signed by "
    "the end of February, and would take about two years to finish.",
]


def middle(*lines):
    """``lines`` between the article's second and third paragraphs."""
    return "\n\n".join([*P[:2], *lines, *P[2:]]) + "\n"


def removals(text):
    return {r.text: (r.reason.value, r.detail) for r in clean.clean_text(text).removals}


@pytest.mark.parametrize("line, reason", [
    ("Sign up for our weekly politics newsletter.", "call-to-action"),
    ("Get our morning briefing delivered to your inbox.", "call-to-action"),
    ("Download the Toronto Star app for breaking news alerts.", "call-to-action"),
    ("Get the app—it's free", "call-to-action"),
    ("Subscribe to the newsletter/podcast", "call-to-action"),
    ("Scarica l’app del Corriere", "call-to-action"),
    ("Follow Jane Smith on Twitter @janesmith", "call-to-action"),
    ("Got a tip? Email us at tips@example.com", "call-to-action"),
    ("Listen and follow The Daily", "call-to-action"),
    ("Hier kostenlos für den Newsletter anmelden", "call-to-action"),
    ("Síguenos en Twitter y Facebook", "call-to-action"),
    ("Abonnez-vous à notre newsletter", "call-to-action"),
    ("Kliknij dzwoneczek! Polub/udostępnij!", "call-to-action"),
    ("हमें फॉलो करें", "call-to-action"),
    ("点击关注，获取更多资讯", "call-to-action"),
    ("Lea también: Se inició el juicio contra alias Popeye por amenazas contra Petro", "call-to-action"),
    ("Mehr lesen: Regierung plant neue Regeln für Mieter", "call-to-action"),
    ("Read more about how the city plans to spend the money", "call-to-action"),
    ("ZOBACZ WIDEO: Tak wyglądał pożar hali w Warszawie", "call-to-action"),
    ("यह भी पढ़ें: दिल्ली में बारिश से जलभराव", "call-to-action"),
    ("延伸阅读：北京发布暴雨红色预警", "call-to-action"),
    ("Continue reading the main story", "advertisement"),
    ("Story continues below video", "advertisement"),
    ("Anzeige", "advertisement"),
    ("Dalsza część artykułu pod wideo", "advertisement"),
    ("POLICE ARREST SUSPECT IN SHOOTING OF TWO DEPUTIES", "promo-headline"),
    ("MAYOR SAYS THE NEW BRIDGE WILL OPEN TO TRAFFIC IN MAY", "promo-headline"),
])
def test_promo_lines_go_and_their_neighbours_stay(line, reason):
    out = clean.clean_text(middle(line))
    assert {r.text: r.reason.value for r in out.removals} == {line: reason}
    assert clean.clean_text(out.text).text == out.text


def test_detail_names_the_verb_and_the_target():
    assert removals(middle("Sign up for our weekly politics newsletter."))[
        "Sign up for our weekly politics newsletter."][1] == 'call to action: "sign up" + newsletter'
    assert removals(middle("Follow us on Instagram"))["Follow us on Instagram"][1] == \
        'call to action: "follow" + instagram'


@pytest.mark.parametrize("line", [
    "BY THE NUMBERS",
    "POLITICAL RADAR",
    "What happens next?",
    "Follow the money",
    "“WE WILL NEVER GIVE UP ON OUR FARMERS!” the president wrote on Twitter.",
    "“WE WILL NEVER GIVE UP ON OUR FARMERS AND OUR GREAT RANCHERS!”",
    "“Please sign up for alerts on our app before you travel,” the airline told customers in an email.",
    "The county urged residents to sign up for emergency alerts and to follow the sheriff on Twitter.",
    "Read the full report here: the inspector general found 14 violations at the plant.",
    "Start here: Eighteen states have voted for the Democratic nominee in every election since 1992.",
    "More than 5,000 people have been killed in the war in eastern Ukraine",
    "See also the reference chapter about the functions of the library to get to know the details.",
    "Check out our picks for the best rental trucks in the city:",
    "Read",
    "On the Edit menu, click Join.",
    "Die Folgen",
    "Werbung für Tabak verboten",
    "Ad hoc committee",
    "support@happycoffee.org",
    "Sign up for a vaccine appointment at vaccines.gov or call the hotline.",
    "Enable the verification of the repository with app-portage/gemato before you sync it.",
    "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
    "AA AB AC AD BA BB BC BD CA CB CC CD",
    "13 PC PRECISION KNIFE SET RAZOR SHARP BLADE CUTTING TOOL ARTS & CRAFT HOBBY KIT",
])
def test_look_alike_article_lines_stay(line):
    assert removals(middle(line)) == {}


def test_a_subheading_after_a_promo_line_stays():
    """The context pass judges the article as if the promo line were not there (as it does in the next round)."""
    text = middle("Sign up for our weekly politics newsletter.", "What happens next?")
    assert set(removals(text)) == {"Sign up for our weekly politics newsletter."}


@pytest.mark.parametrize("label, headline", [
    ("RELATED COVERAGE", "Live Coverage: Updates on the Paris Attacks"),
    ("Czytaj także:", "Rząd przyjął projekt budżetu na 2025 rok"),
])
def test_a_bare_label_takes_its_headline(label, headline):
    assert set(removals(middle(label, headline))) == {label, headline}


def test_a_bare_label_leaves_a_sentence_case_line_without_its_colon():
    assert set(removals(middle("RELATED COVERAGE", "What the storm means for the power grid"))) == {
        "RELATED COVERAGE"}


def test_reported_speech_is_no_call_to_action():
    lex = load_lexicon()
    line = "Subscribe to our newsletter, the company said"
    assert read_cta(lex, line, clean.phrases.whole_key(line)) is None
    line = "Subscribe to our newsletter"
    assert read_cta(lex, line, clean.phrases.whole_key(line)) is not None


def test_lexicon_files_have_headers_and_cover_the_languages():
    names = {e.name[:-4] for e in resources.files("clean.data.promo").iterdir() if e.name.endswith(".txt")}
    news = {"en", "de", "es", "fr", "pl", "pt", "it", "zh-cn", "hi"}
    web = {"en", "ru", "es", "de", "fr", "ja", "pt", "tr", "it", "fa", "nl", "pl", "zh-cn", "vi", "id", "cs",
           "ko", "uk", "ar", "hu"}
    assert news | web <= names
    lex = load_lexicon()
    for lang in news | web:
        assert lex.pointers.get(lang) and lex.ads.get(lang), lang


@pytest.mark.parametrize("text, message", [
    ("# language: xx\n[verbs]\nfoo\n", "source"),
    ("# language: xx\n# source: test\n[nouns]\nfoo\n", "unknown section"),
    ("# language: xx\n# source: test\nfoo\n", "outside a section"),
])
def test_malformed_lexicon_files_are_refused(text, message):
    with pytest.raises(ValueError, match=message):
        parse_lexicon_file(text, "xx", Lexicon())


def test_blurbs_in_a_list_of_teasers_after_the_article_stay_out():
    """A line between two promo lines is a teaser's blurb, not an article line next to an insert."""
    teasers = []
    for title, blurb in [("Storm Damage: What Insurers Will Pay For", "Most home policies cover wind damage, but "
                          "flooding is another matter. Here is how to check what your policy includes."),
                         ("The Towns That Never Got Their Power Back", "A year after the ice storm, three villages "
                          "still rely on generators. Our reporter spent a week with the families there.")]:
        teasers += ["READ MORE", title, blurb]
    out = clean.clean_text("\n\n".join(P + teasers + ["READ MORE"]) + "\n")
    assert [line for line in out.text.splitlines() if line] == P


def test_promo_detector_can_be_switched_off():
    text = middle("Sign up for our weekly politics newsletter.")
    assert clean.clean_text(text, disable="promo").removals == ()
