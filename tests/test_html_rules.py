"""Class and id rules: an element is judged by what its words say, never by the wording of a rule's detail."""

import pytest

import clean
from clean.html import rules
from clean.html.rules import ARTICLE, Rules

SENTENCE = ("The mayor said the new bridge would open in spring, and {} the engineers who inspected it agreed with "
            "her after a long meeting on Tuesday.")


def body(inner: str) -> str:
    para = SENTENCE.format(inner)
    return f"<html><body><article><h1>Bridge to open in spring</h1><p>{para}</p><p>{SENTENCE.format('all')}</p>" \
           "</article></body></html>"


@pytest.mark.parametrize("cls", ["screenshot-share", "hidden-share", "hide-comments-link", "screen-size",
                                 "visually-rich", "sr-newsletter", "share", "related-link", "ad"])
def test_words_inside_a_paragraph_stay(cls):
    text = clean.clean_html(body(f'<span class="{cls}">almost all of</span>')).text
    assert SENTENCE.format("almost all of") in text


@pytest.mark.parametrize("attr", ['class="sr-only"', 'class="visually-hidden"', 'class="screen-reader-text"',
                                  'class="hidden"', 'class="is-hidden"', 'class="d-none"', 'hidden',
                                  'aria-hidden="true"', 'style="display: none"'])
def test_hidden_inline_text_goes(attr):
    text = clean.clean_html(body(f'<span {attr}>SECRET WORDS</span>')).text
    assert "SECRET WORDS" not in text and "the mayor said" in text.lower()


def test_rule_fields_say_what_it_is():
    r = Rules()
    hidden = r.classify("span", {"class": "sr-only"}, False)
    share = r.classify("span", {"class": "screenshot-share"}, False)
    assert hidden.hides and hidden.named and hidden.reason is clean.Reason.NON_CONTENT
    assert not share.hides and share.named and share.reason is clean.Reason.SHARE_BAR
    assert share.detail == "class 'screenshot-share'"
    assert r.classify("div", {"role": "navigation"}, False).named is False
    assert r.classify("div", {"class": "d-none d-md-block"}, False) is None  # shown on wider screens
    assert r.classify("div", {"id": "article-body"}, False) is ARTICLE
    assert r.classify("div", {"class": "Screen-Reader-Text"}, False).hides
    # a display modifier says what the element hides or shows, not what it is
    assert r.classify("div", {"class": "card hide-read-more-ad"}, False) is None
    assert r.classify("div", {"class": "card show-on-sidebar"}, False) is None
    assert r.classify("div", {"class": "card read-more-ad"}, False).reason is clean.Reason.ADVERTISEMENT
    # a widget's name says nothing of what it holds; a menu's says it
    assert r.classify("div", {"class": "accordion-item__dropdown"}, False) is None
    assert r.classify("div", {"class": "nav-dropdown"}, False).reason is clean.Reason.NAVIGATION


def test_no_global_cache():
    assert not any(hasattr(v, "cache_info") for v in vars(rules).values())
    a, b = Rules(), Rules()
    a.classify("div", {"class": "share"}, False)
    assert a._words and not b._words


@pytest.mark.parametrize("cls, reason", [
    # BEM: the element after "__" says what it is; an article block's caption is a caption
    ("story-contents__caption", clean.Reason.NON_CONTENT), ("article-body__caption", clean.Reason.NON_CONTENT),
    # author boxes, however their words are run together, and in German
    ("cbx-Author_InfoContainer", clean.Reason.NON_CONTENT), ("artDetailAutor__text", clean.Reason.NON_CONTENT),
    ("article--authors", clean.Reason.NON_CONTENT), ("autorenbox", clean.Reason.NON_CONTENT),
    # an advertiser's disclosure, a disclaimer, the content's meta row, a crumb trail by any name
    ("editorial-disclosure", clean.Reason.NON_CONTENT), ("aawp-disclaimer", clean.Reason.NON_CONTENT),
    ("content-meta", clean.Reason.NON_CONTENT), ("entry-crumbs", clean.Reason.NAVIGATION),
    # the post's category label, a picture's box (its text is the caption)
    ("post--category", clean.Reason.TAGS), ("node-tag", clean.Reason.TAGS), ("image-box", clean.Reason.NON_CONTENT),
    ("imginline", clean.Reason.NON_CONTENT),
    # a forum post's author panel: the member's extras (joined, messages, reaction score) under the name
    ("message-userExtras", clean.Reason.NON_CONTENT), ("message-lastEdit", clean.Reason.NON_CONTENT),
])
def test_chrome_words_inside_the_article(cls, reason):
    rule = Rules().classify("div", {"class": cls}, True)
    assert rule is not ARTICLE and rule is not None and rule.reason is reason


@pytest.mark.parametrize("cls", ["article-body", "story-content", "article__body", "c-article__content-body",
                                 "author-jennifer-charles hentry", "authorName", "image-boxes-grid"])
def test_article_words_and_author_names_are_not_author_boxes(cls):
    rule = Rules().classify("div", {"class": cls}, True)
    assert rule is ARTICLE or rule is None


def test_a_quotation_set_aside_in_a_post_stays_and_a_sidebar_goes():
    """Discourse sets a reply's quotation of an earlier post in <aside class="quote">: the quoted words are the
    reply's; an <aside> by any other name is a sidebar."""
    quoted, side = SENTENCE.format("quoted"), SENTENCE.format("beside")
    html = (f"<html><body><main><div class='post'><aside class='quote'><blockquote><p>{quoted}</p></blockquote>"
            f"</aside><p>{SENTENCE.format('all')}</p><p>{SENTENCE.format('most of')}</p></div>"
            f"<aside class='widget'><p>{side}</p></aside></main></body></html>")
    out = clean.clean_html(html, include_title=False).text
    assert quoted in out and side not in out


def test_a_teaser_goes_when_it_links_elsewhere_and_stays_as_the_lead():
    lead = "The council approved the plan on Monday after a debate that lasted well into the night, members said."
    card = ('<div class="teaser"><h3><a href="/other">Another story about the harbour</a></h3>'
            '<p>Fishermen say the new quay is too short for their boats.</p></div>')
    page = (f'<html><body><article><h1>Bridge to open in spring</h1><p class="article-teaser">{lead}</p>'
            f'<p>{SENTENCE.format("all")}</p><p>{SENTENCE.format("most of")}</p>{card}</article></body></html>')
    result = clean.clean_html(page)
    assert lead in result.text and SENTENCE.format("most of") in result.text
    assert "Another story" not in result.text and "Fishermen" not in result.text
    assert any(r.reason is clean.Reason.RELATED_LIST and "teaser" in r.detail for r in result.removals)


def test_another_chrome_word_wins_over_teaser():
    rule = Rules().classify("span", {"class": "ap-story-gallery-teaser-caption"}, True)
    assert rule.reason is clean.Reason.NON_CONTENT and not rule.linked
    assert Rules().classify("div", {"class": "teaser-text"}, True).linked
    assert Rules().classify("div", {"class": "inlineTextbox"}, True).linked
    assert Rules().classify("div", {"class": "infobox"}, True).linked


def test_a_heading_over_a_removed_list_of_links_goes_with_it():
    links = "".join(f'<li><a href="/s{i}">Other story number {i} about the harbour</a></li>' for i in range(4))
    page = (f'<html><body><article><h1>Bridge to open in spring</h1><p>{SENTENCE.format("all")}</p>'
            f'<h2>Why it took so long</h2><p>{SENTENCE.format("most of")}</p>'
            f'<h2>More stories from the city</h2><ul>{links}</ul></article></body></html>')
    result = clean.clean_html(page)
    assert "Why it took so long" in result.text and SENTENCE.format("most of") in result.text
    assert "More stories from the city" not in result.text
    gone = next(r for r in result.removals if r.text == "More stories from the city")
    assert gone.reason is clean.Reason.RELATED_LIST


def test_an_index_letter_and_a_heading_over_text_stay():
    links = "".join(f'<li><a href="/w{i}">Word number {i}</a></li>' for i in range(4))
    page = (f'<html><body><article><h1>Glossary of bridges</h1><p>{SENTENCE.format("all")}</p>'
            f'<h2>A</h2><ul>{links}</ul><h2>Closing words</h2><p>{SENTENCE.format("most of")}</p></article>'
            '</body></html>')
    result = clean.clean_html(page)
    assert "\nA\n" in result.text and "Closing words" in result.text


def test_a_section_headed_as_other_stories_goes_with_its_teasers():
    card = ('<div class="card"><h3><a href="/s{0}">Harbour story {0}</a></h3><p>Fishermen say the quay number {0} '
            'is far too short for their boats, and they want it longer.</p></div>')
    cards = "".join(card.format(i) for i in range(3))
    page = (f'<html><body><article><h1>Bridge to open in spring</h1><p>{SENTENCE.format("all")}</p>'
            f'<p>{SENTENCE.format("most of")}</p><p>{SENTENCE.format("some of")}</p>'
            f'<section><h2>Related articles</h2>{cards}</section></article></body></html>')
    result = clean.clean_html(page)
    assert SENTENCE.format("some of") in result.text and "Fishermen" not in result.text


def test_a_related_heading_among_the_paragraphs_takes_nothing_with_it():
    page = (f'<html><body><article><h1>Bridge to open in spring</h1><p>{SENTENCE.format("all")}</p>'
            f'<h2>Related articles</h2><p>{SENTENCE.format("most of")}</p><p>{SENTENCE.format("some of")}</p>'
            '</article></body></html>')
    result = clean.clean_html(page)
    assert SENTENCE.format("most of") in result.text and SENTENCE.format("some of") in result.text


def test_a_head_read_by_its_words_takes_only_a_list_of_links():
    """'In other news' reads as a related-list head, but a roundup's section under it is prose: it stays. Under
    a listed head ('Related articles') or over teasers that link away, the section goes."""
    roundup = ('<p>The ferry timetable changes on Monday, with two extra crossings each evening in summer, the '
               'operator said.</p><p>The library will stay open until nine on weekdays from March, after a '
               'petition signed by four hundred readers.</p>')
    page = (f'<html><body><article><h1>Bridge to open in spring</h1><p>{SENTENCE.format("all")}</p>'
            f'<p>{SENTENCE.format("most of")}</p><p>{SENTENCE.format("some of")}</p>'
            f'<section><h2>In other news</h2>{roundup}</section></article></body></html>')
    result = clean.clean_html(page)
    assert "ferry timetable" in result.text and "four hundred readers" in result.text
    teasers = "".join(f'<p><a href="/s{i}">Harbour story number {i} about the quay and the boats</a></p>'
                      for i in range(3))
    page = page.replace(roundup, teasers)
    assert "Harbour story" not in clean.clean_html(page).text
