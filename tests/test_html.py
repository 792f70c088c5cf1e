"""The HTML front end: chrome families by structure, encodings, broken markup, the title, explanations, and
the invariants of plain text (deterministic, idempotent on its own output as text, never raises)."""

import codecs

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clean
from clean.cli import main
from clean.html.decode import decode_html, declared_encoding
from conftest import FIXTURES

HTML = FIXTURES / "html"
R = clean.Reason
PARA = ("The council voted on Tuesday to extend the housing programme for another three years, citing strong "
        "demand from young families across the district.")


def page(name):
    return (HTML / name).read_bytes()


def removed(result):
    """Each removed text (first 30 characters) with its reason."""
    return {r.text[:30]: r.reason for r in result.removals}


# --- chrome families -----------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def families():
    return clean.clean_html(page("chrome-families.html"))


def test_article_kept_title_first(families):
    lines = families.text.split("\n")
    assert lines[0] == "Council extends housing programme"
    assert lines[1] == ""  # paragraphs are separated by a blank line
    # a subheading stays although the teaser before it went: context judges the article without it
    assert "A Team Effort" in lines
    for start in ("The council voted on Tuesday", "The programme, which started", "\"We did not expect",
                  "Critics said the money", "The extension will be reviewed"):
        assert any(line.startswith(start) for line in lines), start
    assert families.language == "en"


@pytest.mark.parametrize("text, reasons", [
    ("Skip to content", {R.NAVIGATION}),
    ("Home", {R.NAVIGATION}),
    ("Home › News › Local", {R.NAVIGATION}),
    ("We use cookies to improve your", {R.COOKIE_NOTICE}),
    ("Share on Facebook Share on Twi", {R.SHARE_BAR}),
    ("Advertisement", {R.ADVERTISEMENT}),
    ("Sign up for our morning newsle", {R.CALL_TO_ACTION}),
    ("Housing Council", {R.TAGS}),
    ("Related stories", {R.RELATED_LIST}),
    ("Depot site sold to developer", {R.RELATED_LIST}),
    ("Storm closes coast road", {R.NON_CONTENT, R.RELATED_LIST}),
    ("Log in to save this article.", {R.LOGIN_PROMPT}),
    ("13 comments", {R.COMMENTS}),
    ("What about the roads? Nobody h", {R.COMMENTS}),
    ("Hidden teaser that no reader e", {R.NON_CONTENT}),
    ("Another invisible block of tex", {R.NON_CONTENT}),
    ("© 2021 Example Gazette. All ri", {R.FOOTER}),
    # the same detectors as for plain text, inside the article's own container
    ("Este sitio web fue traducido a", {R.MT_NOTICE}),
    ("COUNCIL MEMBERS CLASH OVER ROA", {R.PROMO_HEADLINE}),
])
def test_chrome_family_removed(families, text, reasons):
    assert text not in families.text
    assert removed(families)[text] in reasons


def test_scripts_and_styles_are_never_text(families):
    assert "tracking" not in families.text and "color" not in families.text
    assert all("tracking" not in b.text for b in families.blocks)


def test_explanations_name_the_element(families):
    by_text = {r.text[:30]: r for r in families.removals}
    cookie = by_text["We use cookies to improve your"]
    assert cookie.path == "div#cookie-consent" and cookie.detail == "id 'cookie-consent'"
    share = by_text["Share on Facebook Share on Twi"]
    assert share.path.endswith("article > div.share-buttons") and "share-buttons" in share.detail
    assert by_text["© 2021 Example Gazette. All ri"].detail == "<footer> outside the article"
    assert by_text["Hidden teaser that no reader e"].detail == "hidden attribute"
    assert all(r.path for r in families.removals)
    # every block of the page is judged, kept or not, in document order
    assert [j.removal for j in families.blocks if j.removal] == list(families.removals)


def test_disable_family(families):
    kept = clean.clean_html(page("chrome-families.html"), disable=("comments",))
    assert "13 comments" not in removed(kept) and "13 comments" not in families.text


def test_title_option(families):
    without = clean.clean_html(page("chrome-families.html"), include_title=False)
    assert without.text.startswith("The council voted on Tuesday")
    assert "Council extends housing programme" not in without.text
    assert without.text.split("\n") == families.text.split("\n")[2:]


def test_title_from_og_title_without_h1():
    html = ("<html><head><title>Council extends programme | Gazette</title><meta property='og:title' content='Council extends "
            f"housing programme'></head><body><p>{PARA}</p><p>{PARA[::-1]}</p></body></html>")
    assert clean.clean_html(html).text.startswith("Council extends housing programme\n\n")
    html = html.replace("<meta property='og:title' content='Council extends housing programme'>", "")
    assert clean.clean_html(html).text.startswith("Council extends programme\n\n")  # <title> without the site's name


def test_headings_and_list_items_on_their_own_lines():
    html = (f"<article><h1>Council extends housing programme</h1><p>{PARA}</p><h2>What changes for renters</h2>"
            "<ul><li>Rents are capped at a third of the household's income after tax.</li>"
            "<li>Tenancies run for at least five years, with a right to renew once.</li></ul>"
            "<p>The office moves to the town hall, at this address:<br>12 Market Street, Exampleton</p>"
            f"<p>{PARA.replace('Tuesday', 'Monday')}</p></article>")
    lines = clean.clean_html(html).text.split("\n")
    assert "What changes for renters" in lines
    i = lines.index("Rents are capped at a third of the household's income after tax.")
    assert lines[i + 1] == "Tenancies run for at least five years, with a right to renew once."  # no blank line
    assert lines[lines.index("The office moves to the town hall, at this address:") + 1] == "12 Market Street, Exampleton"


# --- encodings ----------------------------------------------------------------------------------------------

FRENCH = "Selon le maire, « cette décision était attendue"


@pytest.mark.parametrize("name", ["latin1-meta-charset.html", "latin1-undeclared.html", "cp1252-http-equiv.html",
                                  "utf8-bom-wrong-meta.html", "utf16-bom.html"])
def test_encodings_french(name):
    result = clean.clean_html(page(name))
    assert FRENCH in result.text and "\ufffd" not in result.text
    assert result.text.startswith("Le conseil prolonge le programme\n")
    assert result.language == "fr"


def test_cp1252_only_characters():
    assert "attendue – enfin" in clean.clean_html(page("cp1252-http-equiv.html")).text


def test_shift_jis():
    result = clean.clean_html(page("shift_jis-http-equiv.html"))
    assert result.text.startswith("市議会、住宅支援策を三年延長\n")
    assert "二千世帯以上" in result.text and result.language == "ja"


def test_str_and_bytes_agree():
    for name in ("chrome-families.html", "latin1-meta-charset.html", "shift_jis-http-equiv.html"):
        data = page(name)
        assert clean.clean_html(data).text == clean.clean_html(decode_html(data)).text


def test_decode_rules():
    assert declared_encoding(b'<meta charset="ISO-8859-1">') == "cp1252"  # what browsers use for latin-1
    assert declared_encoding(b'<meta http-equiv="content-type" content="text/html; charset=shift_jis">') == "cp932"
    assert declared_encoding(b'<meta charset="no-such-thing">') is None
    assert decode_html(codecs.BOM_UTF8 + "é".encode("utf-8") + b'<meta charset="latin-1">').startswith("é")
    assert decode_html("café".encode("utf-8")) == "café"  # undeclared: UTF-8 when it decodes
    assert decode_html("café".encode("cp1252")) == "café"  # ... else windows-1252
    # saved as UTF-8 with the old declaration left in: valid UTF-8 is UTF-8
    assert decode_html('<meta charset="iso-8859-1">café'.encode("utf-8")).endswith("café")
    assert decode_html(b'<meta charset="utf-8">caf\xe9') == '<meta charset="utf-8">caf\ufffd'  # never raises


# --- broken and odd markup ----------------------------------------------------------------------------------

def test_broken_markup():
    result = clean.clean_html(page("broken-markup.html"))
    assert result.text.startswith("The council voted on Tuesday")
    assert "It will be reviewed again in two years, when" in result.text
    assert "Critics said the money" in result.text
    assert "Home" not in result.text and "©" not in result.text


@pytest.mark.parametrize("tag", ["div", "b", "span", "blockquote"])
def test_deep_nesting(tag):
    n = 20_000
    html = f"<{tag}>" * n + f"<p>{PARA}</p>" + f"</{tag}>" * n + f"<p>{PARA}</p>"
    assert PARA in clean.clean_html(html).text


@pytest.mark.parametrize("html", ["", " ", "<!-- nothing -->", "<", "<p>", "<html>", "</div></div>", "\x00",
                                  b"", b"\xff\xfe", b"\x00\x00\xfe\xff", "<?xml version='1.0'?><x/>",
                                  "<table><tr><td>a<td>b</table>", "<p>\ud800</p>"])
def test_degenerate_pages(html):
    assert isinstance(clean.clean_html(html).text, str)


def test_type_error():
    with pytest.raises(TypeError):
        clean.clean_html(12)


# --- invariants, as for plain text --------------------------------------------------------------------------

TAGS = ["p", "div", "span", "a", "h1", "h2", "li", "ul", "nav", "footer", "article", "br", "table", "tr", "td",
        "script", "aside", "section", "b", "pre"]
ATTRS = ["", " class='share'", " class='article-body'", " id='comments'", " hidden", " style='display:none'",
         " role='navigation'", " class='related'", " aria-hidden='true'"]
TEXTS = [PARA, "Home", "Share", "READ MORE: Mayor resigns", "Advertisement", "13 comments on “Council”",
         "Este sitio web fue traducido automáticamente. Para obtener más información, haz clic aquí.",
         "COUNCIL MEMBERS CLASH OVER ROAD FUNDING IN HEATED SESSION", "A Team Effort", "&amp; &lt; &#x263a;"]
piece = st.one_of(
    st.builds(lambda t, a: f"<{t}{a}>", st.sampled_from(TAGS), st.sampled_from(ATTRS)),
    st.builds(lambda t: f"</{t}>", st.sampled_from(TAGS)),
    st.sampled_from(TEXTS), st.text(max_size=40))
html_ish = st.builds("".join, st.lists(piece, max_size=60))
SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(html_ish)
def test_never_raises_deterministic_idempotent(html):
    once = clean.clean_html(html)
    assert clean.clean_html(html) == once
    assert clean.clean_text(once.text).text == once.text
    for r in once.removals:
        assert isinstance(r.reason, clean.Reason)


@SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes(data):
    assert isinstance(clean.clean_html(data).text, str)


def test_idempotent_on_fixtures():
    for path in sorted(HTML.glob("*.html")):
        once = clean.clean_html(path.read_bytes()).text
        assert once and clean.clean_text(once).text == once, path.name


# --- command line -------------------------------------------------------------------------------------------

def test_cli_recognises_html():
    path = str(HTML / "chrome-families.html")
    result = CliRunner().invoke(main, [path])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == clean.clean_html(page("chrome-families.html")).text
    as_text = CliRunner().invoke(main, ["--input-format", "text", path])
    assert as_text.exit_code == 0 and "<p>" in as_text.output


# --- choosing the article's container -----------------------------------------------------------------------

BODY = "".join(f"<p>{PARA.replace('three', n)}</p>" for n in ("two", "three", "four", "five"))


def test_wrapper_named_like_chrome_keeps_the_article():
    """A chrome word on an element around the article (a layout class) does not drop the article."""
    html = (f"<body><div class='off-canvas-wrap sidebar-layout'><main><h1>Council extends housing programme</h1>"
            f"<div class='entry-content'>{BODY}</div></main><div class='sidebar'><p>Most read today</p></div>"
            f"</div></body>")
    result = clean.clean_html(html)
    assert result.text.count("The council voted") == 4 and "Most read" not in result.text


def test_other_stories_beside_the_article_stay_out():
    teasers = "".join(f"<div class='card'><h3><a href='/{i}'>Another story number {i}</a></h3><p>An excerpt of "
                      f"another story, long enough to read like a paragraph of its own, number {i}.</p></div>"
                      for i in range(8))
    html = f"<body><article><h1>Council extends housing programme</h1>{BODY}</article>{teasers}</body>"
    result = clean.clean_html(html)
    assert result.text.count("The council voted") == 4 and "excerpt" not in result.text


def test_lead_between_title_and_body_is_kept():
    html = (f"<body><header class='article-header'><h1>Council extends housing programme</h1><p class='standfirst'>"
            "The decision follows two years of record demand for affordable homes in the district, officials said."
            f"</p></header><div class='article-body'>{BODY}</div></body>")
    assert "two years of record demand" in clean.clean_html(html).text


def test_link_paragraphs_and_captions_inside_the_article_go():
    html = (f"<article><h1>Council extends housing programme</h1>{BODY}<p>Read more: <a href='/x'>Mayor resigns "
            "after a long row over the budget for the new depot</a></p><figure><img src='a.jpg'><figcaption>The "
            f"depot site, pictured in May. Photo: Example Gazette</figcaption></figure>{BODY}</article>")
    result = clean.clean_html(html)
    assert "Mayor resigns" not in result.text and "pictured in May" not in result.text
    reasons = removed(result)
    assert reasons["Read more: Mayor resigns after"] is R.RELATED_LIST
    assert reasons["The depot site, pictured in Ma"] is R.NON_CONTENT


REPLIES = ["I had the same problem after the update last week, and turning the sync off and on again fixed it "
           "for me, although it took a few hours to settle.",
           "Thanks, that worked here too. The storage figure went down once the devices had finished their "
           "first full backup overnight.",
           "For what it is worth, the support team told me the same thing and said a fix is planned for the "
           "next release of the app."]
NAV = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/f'>Forums</a></li></ul></nav>"


def _thread(post_tag, post_class, body_class=""):
    posts = "".join(f"<{post_tag} class='{post_class}'><div class='user'>member{i}</div><div class='{body_class}'>"
                    f"<p>{text}</p></div><div class='signature'>My rig: a laptop from {2010 + i}, upgraded twice "
                    f"since, and a very old router that still works</div></{post_tag}>"
                    for i, text in enumerate([PARA, *REPLIES]))
    return f"<body>{NAV}<main><h1>Sync keeps old messages</h1><div class='thread'>{posts}</div></main></body>"


@pytest.mark.parametrize("post_tag,post_class,body_class", [
    ("article", "message", "post-content"),  # each post is marked as an article: the climb stops inside one
    ("div", "post", "bbWrapper"),
    ("article", "comment ipsComment", "ipsComment_content"),  # a forum names every post a comment
])
def test_every_post_of_a_thread_is_kept(post_tag, post_class, body_class):
    result = clean.clean_html(_thread(post_tag, post_class, body_class), include_title=False)
    for text in [PARA, *REPLIES]:
        assert text in result.text
    assert "Forums" not in result.text and "My rig" not in result.text
    assert clean.clean_text(result.text).text == result.text


def test_a_thread_whose_opening_post_stands_apart_from_its_replies():
    """Forums (Vanilla, IP.Board) mark the opening post ("Discussion_12") and the replies' box ("CommentsWrap")
    apart; both are the thread, beside an install popover's steps, and the "Comments" heading over the replies
    starts no comment section there."""
    popover = "<div class='pwa'><ol>" + "".join(f"<li>Tap the {w} icon, then choose the option to add it</li>"
                                                for w in ("share", "menu", "home", "settings")) + "</ol></div>"
    replies = "".join(f"<li class='Item ItemComment'><div class='Author'>member{i}</div><div class='Message'>"
                      f"<p>{text}</p></div></li>" for i, text in enumerate(REPLIES))
    html = (f"<body>{NAV}{popover}<main><h1>Sync keeps old messages</h1><div id='Discussion_12'><p>{PARA}</p>"
            f"</div><div class='CommentsWrap'><h2>Comments</h2><ul class='Comments'>{replies}</ul></div></main>"
            f"</body>")
    result = clean.clean_html(html, include_title=False)
    for text in [PARA, *REPLIES]:
        assert text in result.text
    assert "Tap the" not in result.text and "Comments" not in result.text
    assert removed(result)["Comments"] is R.COMMENTS
    assert clean.clean_text(result.text).text == result.text


def test_an_faq_question_is_the_heading_of_its_answer():
    """An accordion's question is a button that says it expands its answer (WAI-ARIA's disclosure pattern):
    the heading of its section, kept; a menu button says it opens a popup, and goes."""
    faq = "".join(f"<h3><button aria-expanded='false'>{q}</button></h3><div role='region'><p>{a}</p></div>"
                  for q, a in (("Who is this programme for?", REPLIES[0]), ("What does it cost?", REPLIES[1])))
    html = (f"<body>{NAV}<main><h1>Housing programme</h1>{BODY}<button aria-expanded='false' "
            f"aria-haspopup='menu'>Share options</button>{faq}</main></body>")
    result = clean.clean_html(html, include_title=False)
    assert "Who is this programme for?" in result.text and "What does it cost?" in result.text
    assert REPLIES[1] in result.text and "Share options" not in result.text


def test_a_listings_linked_headlines_over_their_summaries_stay():
    """A listing's headlines are links, each over its summary: with three or more, they are its content. One
    linked heading over text is a teaser set into an article, and goes."""
    heads = ["Council extends the housing programme", "Depot site to become a park", "Bridge opens in spring"]
    cards = "".join(f"<div class='entry'><h3><a href='/{i}'>{h}</a></h3><p>{text}</p></div>"
                    for i, (h, text) in enumerate(zip(heads, REPLIES)))
    listing = clean.clean_html(f"<body>{NAV}<main><h1>Latest news</h1>{cards}</main></body>", include_title=False)
    for h in heads:
        assert h in listing.text
    teaser = f"<h3><a href='/t'>{heads[1]}</a></h3>"
    article = clean.clean_html(f"<body><article><h1>Council extends housing programme</h1>{BODY}{teaser}"
                               f"<p>{REPLIES[0]}</p></article></body>", include_title=False)
    assert heads[1] not in article.text and REPLIES[0] in article.text
    # three teasers over their summaries among an article's four own subheadings are teasers still
    own = "".join(f"<h2>Part {n}</h2><p>{PARA}</p>" for n in ("one", "two", "three", "four"))
    teasers = "".join(f"<h3><a href='/{i}'>{h}</a></h3><p>{text}</p>" for i, (h, text) in enumerate(zip(heads, REPLIES)))
    article = clean.clean_html(f"<body><article><h1>Council extends housing programme</h1>{own}{teasers}"
                               f"</article></body>", include_title=False)
    assert "Part four" in article.text and heads[0] not in article.text


def test_a_footer_is_never_the_article_however_long():
    """A product or listing page of short lines can hold less paragraph text than its footer's legal notice or
    its list of the towns it serves: the footer still goes."""
    items = "".join(f"<li>Treadmill model {i}, folding, 12 programmes</li>" for i in range(6))
    notice = "".join(f"<p>{text}</p>" for text in REPLIES)
    html = f"<body>{NAV}<main><h1>Fitness equipment rentals</h1><ul>{items}</ul></main><footer>{notice}</footer></body>"
    result = clean.clean_html(html, include_title=False)
    assert REPLIES[0] not in result.text
    assert removed(result)[REPLIES[0][:30]] is R.FOOTER and "Treadmill model 3" in result.text


def test_comments_under_an_article_stay_out():
    comments = "".join(f"<div class='comment'><p>{text}</p></div>" for text in REPLIES)
    html = f"<body><article><h1>Council extends housing programme</h1>{BODY}</article>{comments}</body>"
    result = clean.clean_html(html)
    assert result.text.count("The council voted") == 4 and "sync" not in result.text
    assert removed(result)[REPLIES[0][:30]] is R.COMMENTS


def test_noscript_holds_a_page_rendered_by_scripts():
    """Pages built by scripts (Discourse forums) serve the whole thread to readers without scripts."""
    html = (f"<body><div id='app'><p>Loading</p></div><noscript><h1>Sync keeps old messages</h1>"
            f"<div class='post'><p>{PARA}</p></div><div class='post'><p>{REPLIES[0]}</p></div></noscript></body>")
    result = clean.clean_html(html, include_title=False)
    assert PARA in result.text and REPLIES[0] in result.text


def test_noscript_notice_goes():
    html = (f"<body><noscript><p>Please enable JavaScript in your browser to use every feature of this site, "
            f"including comments and the search.</p></noscript><article><h1>Council extends housing programme"
            f"</h1>{BODY}</article></body>")
    result = clean.clean_html(html)
    assert "enable JavaScript" not in result.text and result.text.count("The council voted") == 4
    assert removed(result)["Please enable JavaScript in yo"] is R.NON_CONTENT


def test_a_listing_keeps_its_cards():
    """A page with no article lists things: its cards (headline links, prices) are its content."""
    cards = "".join(f"<li class='product-card'><h3><a href='/p/{i}'>Trail running shoe model {i}</a></h3>"
                    f"<span class='price'>${90 + i}.00</span> <span>Lightweight, {i + 3} colours</span></li>"
                    for i in range(12))
    html = (f"<body>{NAV}<main><h1>Running shoes</h1><p>Find the right pair for road and trail.</p>"
            f"<ul class='grid'>{cards}</ul></main><footer><p>Copyright Example Shop</p></footer></body>")
    result = clean.clean_html(html, include_title=False)
    for i in range(12):
        assert f"Trail running shoe model {i}" in result.text
    assert "Forums" not in result.text and "Copyright" not in result.text
    assert clean.clean_text(result.text).text == result.text


def test_lists_and_tables_in_the_article_element_are_kept():
    """A recipe's ingredients and a review's specifications stand beside its text, in the element marked as
    the article; a list of teasers there (paragraphs, links) does not join."""
    ingredients = "".join(f"<li>{n} g flour, sieved</li>" for n in (100, 200, 300, 400))
    specs = "<table><tr><td>Weight</td><td>1.2 kg</td></tr><tr><td>Battery</td><td>10 hours</td></tr></table>"
    teasers = "".join(f"<li><a href='/{i}'>Another recipe number {i}</a></li>" for i in range(5))
    html = (f"<body>{NAV}<article><h1>Council cake</h1><section class='ingredients'><ul>{ingredients}</ul>"
            f"</section><div class='text'>{BODY}</div><div class='specs'>{specs}</div>"
            f"<div class='more'><ul>{teasers}</ul></div></article></body>")
    result = clean.clean_html(html, include_title=False)
    assert result.text.count("The council voted") == 4
    assert "400 g flour, sieved" in result.text and "Battery 10 hours" in result.text
    assert "Another recipe" not in result.text


def test_a_section_named_for_its_heading_is_not_chrome():
    """Documentation generators give each section its heading's words as id: "more-on-lists" is a heading,
    not a box of more stories; a section with the same id and another heading still goes."""
    html = (f"<body><div class='body'><h1>Data structures</h1><section id='intro'><p>{PARA}</p></section>"
            f"<section id='more-on-lists'><h2>5.1. More on Lists</h2><p>{REPLIES[0]}</p><p>{REPLIES[1]}</p>"
            f"</section><section id='more-stories'><h2>Elsewhere today</h2><p>{REPLIES[2]}</p></section>"
            f"</div></body>")
    result = clean.clean_html(html, include_title=False)
    assert REPLIES[0] in result.text and REPLIES[1] in result.text
    assert REPLIES[2] not in result.text


def test_the_page_elements_own_classes_are_not_chrome():
    """<html> and <body> carry the page's state ("main-menu-pinned", "sidebar-open"): never a reason to drop it."""
    items = "".join(f"<li><a href='/{n}'>{n}</a>, a programming language</li>" for n in ("Ada", "C", "Go", "Lua"))
    html = (f"<html class='feature-main-menu-pinned'><body class='sidebar-open'><h1>Category: Programming "
            f"languages</h1><p>Pages in this category.</p><ul>{items}</ul></body></html>")
    result = clean.clean_html(html, include_title=False)
    assert "Lua, a programming language" in result.text


def test_hidden_tab_panels_are_content():
    """A page's tabs show one panel at a time; the others are hidden only until their tab is clicked."""
    html = (f"<body><main><h1>Driver insurance</h1><div role='tablist'><button>Rideshare</button><button>Delivery"
            f"</button></div><div role='tabpanel'><p>{PARA}</p></div><div role='tabpanel' hidden><p>{REPLIES[0]}"
            f"</p></div></main><div hidden><p>{REPLIES[1]}</p></div></body>")
    result = clean.clean_html(html, include_title=False)
    assert PARA in result.text and REPLIES[0] in result.text and REPLIES[1] not in result.text


def test_a_page_of_sections_keeps_every_section():
    """A service or product page stands in many boxes under <main>, none holding most of its text."""
    boxes = (f"<section class='hero'><div><p>{PARA}</p></div></section><section class='features'><div class='grid'>"
             f"<div><h3>Fast</h3><p>{REPLIES[0]}</p></div></div></section><section class='faq'><details><summary>"
             f"Why?</summary><p>{REPLIES[1]}</p></details></section><section class='quote'><blockquote><p>"
             f"{REPLIES[2]}</p></blockquote></section>")
    badges = "".join(f"<div class='badge'>Plan {i}: ${i * 9}</div>" for i in range(1, 40))
    html = (f"<body>{NAV}<main><h1>Sync for teams</h1>{boxes}<section class='plans'>{badges}</section></main>"
            f"<footer><p>Example Ltd</p></footer></body>")
    result = clean.clean_html(html, include_title=False)
    for text in [PARA, *REPLIES]:
        assert text in result.text
    assert "Example Ltd" not in result.text


def test_a_consent_dialog_never_passes_for_the_page():
    """A consent dialog's legal text can outweigh a short page's own; it still goes."""
    legal = "".join(f"<p>We and our {n} partners store and access information on your device, such as cookies, "
                    f"to measure audiences and personalise advertising, content and services.</p>" for n in range(12))
    html = (f"<body><main><h1>Dinner recipes</h1><p>{PARA}</p></main><div id='onetrust-consent-sdk'>"
            f"<div class='ot-pc-content'>{legal}</div></div></body>")
    result = clean.clean_html(html, include_title=False)
    assert PARA in result.text and "partners store" not in result.text


def test_a_listing_of_cards_wholly_links_keeps_them():
    """News listings wrap each card, headline and summary, in one link; a menu's links are short."""
    cards = "".join(f"<article class='list-item'><a href='/n/{i}'><h2>Hotel group number {i} opens a resort on the "
                    f"coast</h2><p>The opening follows two years of building work and adds {i + 100} rooms to the "
                    f"region, the company said on Monday in a statement to investors.</p></a></article>" for i in range(8))
    menu = "".join(f"<li class='menu-entry'><a href='/s/{i}'>Section {i}</a></li>" for i in range(30))
    html = f"<body><div class='top'><ul>{menu}</ul></div><div class='content'>{cards}</div></body>"
    result = clean.clean_html(html, include_title=False)
    assert "Hotel group number 7 opens" in result.text and "adds 107 rooms" in result.text
    assert "Section 12" not in result.text


def test_the_article_body_is_kept_whatever_its_class_words():
    """A theme's class word on the article's body ("entry share": share buttons enabled) names a feature of it."""
    comments = "".join(f"<li class='comment'><p>{r}</p></li>" for r in REPLIES)
    html = (f"<body>{NAV}<div class='content'><article class='post'><h1>Council extends housing programme</h1>"
            f"<div class='entry themeform share'>{BODY}</div><div class='sharrre-container share'><a href='/s'>"
            f"Share</a></div></article><section id='comments'><ol>{comments}</ol></section></div></body>")
    result = clean.clean_html(html, include_title=False)
    assert result.text.count("The council voted") == 4
    assert REPLIES[0] not in result.text


def test_a_page_whose_text_is_all_in_a_hidden_panel_is_not_lost():
    """Broken markup can put the whole page inside a menu's hidden panel: there is no visible text to weigh the
    chrome elements against, so they are weighed against all of it, and the article is not lost with the header.
    Its structure is still read, not its plain text (the fallback of a page its markup would empty): the
    headline is known as the title and stays out of the text."""
    html = (f"<body><header class='top'><nav><ul><li class='js-menu-trigger' aria-hidden='true'><main>"
            f"<article><h1>Council extends housing programme</h1>{BODY}</article></main></li></ul></nav></header>"
            f"</body>")
    result = clean.clean_html(html, include_title=False)
    assert result.text.count("The council voted") == 4
    assert "Council extends housing programme" not in result.text


def test_a_page_its_markup_would_empty_is_read_as_text():
    """Broken markup can put a whole page inside one chrome element (an unclosed <footer>); a page is never
    emptied on the word of its markup alone: its text is judged line by line, as plain text would be."""
    html = (f"<body><header id='header'>{NAV}</header><footer id='footer'>{BODY}<p>Copyright 2026 Example News. "
            f"All rights reserved.</p></footer></body>")
    result = clean.clean_html(html, include_title=False)
    assert result.text.count("The council voted") == 4 and "All rights reserved" not in result.text
    assert clean.clean_text(result.text).text == result.text



@pytest.mark.parametrize("head", ["Plus d'infos", "Weitere Infos"])
def test_a_section_of_practical_information_is_no_related_list(head):
    """"Plus d'infos", "Weitere Infos" head an article's practical information (opening hours, prices, a
    contact), not a list of other stories: the section stays with the article."""
    info = "<p>The library on Elm Street reopens in March; entry is free and the reading room is open daily.</p>"
    html = f"<body><article><h1>Library reopens</h1><section>{BODY}</section><section><h2>{head}</h2>{info}</section>" \
           f"</article></body>"
    assert "The library on Elm Street" in clean.clean_html(html, include_title=False).text

# --- the benchmark script's output (its runs need ../shared/eval and take minutes) -----------------------------

def test_bench_table_and_plot():
    import importlib.util
    import xml.dom.minidom

    from conftest import ROOT

    spec = importlib.util.spec_from_file_location("bench_html", ROOT / "benchmarks" / "bench_html.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    results = [{"set": "shub", "tool": "parse floor (bs4 + lxml)", "n": 3, "p": 0, "r": 0, "f1": 0, "docs_s": 30.0,
                "errors": 0, "ratio": 1.0},
               {"set": "shub", "tool": "clean", "n": 3, "p": 0.95, "r": 0.94, "f1": 0.945, "docs_s": 60.0,
                "errors": 0, "ratio": 2.0},
               {"set": "shub", "tool": "clean, no title", "n": 3, "p": 0.96, "r": 0.94, "f1": 0.95, "docs_s": None,
                "errors": 0, "ratio": None},
               {"set": "shub", "tool": "trafilatura 2.3.1", "n": 3, "p": 0.94, "r": 0.97, "f1": 0.955,
                "docs_s": 28.0, "errors": 1, "ratio": 0.93}]
    table = bench.table(results).splitlines()
    assert table[0].startswith("| set | tool | P | R | F1 | docs/s |") and len(table) == 6
    assert "| **0.945** | 60.0 | 2.00 |" in table[3] and "(1 errors)" in table[5]
    xml.dom.minidom.parseString(bench.svg(results))  # well-formed
