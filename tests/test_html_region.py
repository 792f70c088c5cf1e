"""The article's region: text a page hides until a reader asks for it, or streams into place, is content; text
no reader sees (screen-reader labels, print-only lines, tooltips) is not; a layout class is not a name."""

import lxml.html
import pytest

import clean

PARA = ("The council agreed on Tuesday to rebuild the old river bridge, and the engineers who inspected it said "
        "the work would take two summers, with one lane open to traffic for most of that time.")
ANSWER = ("Yes: members of the public can attend every session of the planning committee, and the minutes of "
          "each meeting are published on the council's website within a week of the meeting itself.")
OTHER = ("The new timetable for the number twelve bus starts in March, with more early services on weekdays and "
         "a later last bus on Fridays and Saturdays, the transport office said in its statement.")


def page(inner: str, after: str = "") -> str:
    return (f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main><h1>Bridge to be rebuilt"
            f"</h1><p>{PARA}</p><p>{OTHER}</p>{inner}</main><footer>Contact us</footer>{after}</body></html>")


def text(html) -> str:
    return clean.clean_html(html, include_title=False).text


@pytest.mark.parametrize("attr", ['style="display:none"', "hidden", 'class="hidden"', 'class="collapse d-none"',
                                  'aria-hidden="true"'])
def test_a_hidden_panel_of_the_article_is_content(attr):
    """An FAQ's answer, an accordion's section, the rest of a text behind "Read more": hidden until opened."""
    html = page(f"<h2>Can I attend the meetings?</h2><div {attr}><p>{ANSWER}</p></div>")
    assert ANSWER in text(html)


@pytest.mark.parametrize("attr", ['class="sr-only"', 'class="visually-hidden"', 'class="screen-reader-text"',
                                  'class="d-none d-print-block"'])
def test_text_no_reader_sees_stays_out(attr):
    """Screen-reader text and print-only lines are never shown on the page, whatever their length."""
    html = page(f"<div {attr}><p>{ANSWER}</p></div>")
    out = text(html)
    assert ANSWER not in out and PARA in out


@pytest.mark.parametrize("inner", ['<div class="modal" style="display:none"><p>{}</p></div>',
                                   '<div class="tooltip" hidden><p>{}</p></div>',
                                   '<nav style="display:none"><p>{}</p></nav>'])
def test_a_hidden_dialog_or_menu_stays_chrome(inner):
    out = text(page(inner.format(ANSWER)))
    assert ANSWER not in out and PARA in out


def test_a_hidden_panel_outside_the_article_stays_out():
    out = text(page("", after=f"<div style='display:none'><p>{ANSWER}</p></div>"))
    assert ANSWER not in out and PARA in out


@pytest.mark.parametrize("cls", ["tooltip", "c-tooltip__body", "popover-content"])
def test_tooltips_and_popovers_are_chrome(cls):
    out = text(page(f"<div class='{cls}'><p>{ANSWER}</p></div>"))
    assert ANSWER not in out and PARA in out


@pytest.mark.parametrize("cls", ["h-[calc(100vh-var(--nav-height))]", "top-[var(--header-height)]",
                                 "[&_.footer]:mt-4"])
def test_a_utility_class_with_a_value_in_brackets_names_nothing(cls):
    """Tailwind's arbitrary values hold CSS (a variable named for the menu's height), not what the element is."""
    html = page(f"<div class='{cls}'><p>{ANSWER}</p></div>")
    assert ANSWER in text(html)


STREAMED = ("<html><body><main><h1>Bridge to be rebuilt</h1><p>{para}</p><template id='B:0'></template>"
            "<div>Loading...</div><p>{other}</p><template id='P:1'></template></main>"
            "<footer>Contact us</footer>"
            "<div hidden id='S:0'><p>{answer}</p></div><script>$RC('B:0','S:0')</script>"
            "<div hidden id='S:1'><p>{tail}</p></div><script>$RS('S:1','P:1')</script></body></html>")
TAIL = ("Work on the southern approach starts first, the council said, because the old retaining wall there has "
        "to be replaced before the new deck can be lifted into place by the cranes next summer.")


def test_streamed_parts_are_read_in_their_place():
    """React sends a slow part of the page last, hidden, and a script moves it to its place."""
    html = STREAMED.format(para=PARA, other=OTHER, answer=ANSWER, tail=TAIL)
    out = text(html)
    assert [p for p in out.split("\n\n") if p != "Loading..."] == [PARA, ANSWER, OTHER, TAIL]


def test_streamed_parts_from_a_caller_tree_and_the_tree_unchanged():
    html = STREAMED.format(para=PARA, other=OTHER, answer=ANSWER, tail=TAIL)
    tree = lxml.html.document_fromstring(html)
    before = lxml.html.tostring(tree)
    assert text(tree) == text(html)
    assert lxml.html.tostring(tree) == before


def test_a_streamed_part_without_its_place_stays_hidden():
    html = page("", after=f"<div hidden id='S:7'><p>{ANSWER}</p></div>")
    assert ANSWER not in text(html)


def test_a_footers_long_lists_make_no_article_small():
    """An unclosed menu holds the headline and the article; the footer's list of the places a business serves
    outweighs them, yet it is no text of the page's own."""
    places = " ".join(f"Springfield{i}, Shelbyville{i}, Ogdenville{i}, North Haverbrook{i}," for i in range(40))
    html = (f"<html><body><header><nav class='navbar'><div class='topbar'><a href='/'>Home</a> <a href='/a'>About"
            f"</a><h1>Bridge to be rebuilt</h1><p>{PARA}</p><p>{OTHER}</p></div><footer><p>We serve: {places}</p>"
            f"</footer></nav></header></body></html>")
    out = text(html)
    assert PARA in out and OTHER in out and "Springfield1," not in out


TITLES = ["Slow-cooker pork ragù with pappardelle", "Spaghetti and meatballs like the ones Grandma made",
          "Sweet and spicy tomato chutney for the cheese board", "Penne alla vodka in twenty-five minutes",
          "The best slow-cooked bolognese sauce", "Pasta with burst cherry tomatoes and basil",
          "Baked ziti with two mozzarellas and parmesan cream", "Quick-cooked tomato purée for the winter",
          "Roman-style spaghetti with tuna and mushrooms", "Fried eggplant sandwich with eggplant mayo"]


def test_a_listings_cards_of_linked_headlines_are_its_content():
    """A listing's cards are wholly links, each a headline of several words; the page's own text is an intro."""
    cards = "".join(f"<a class='card' href='/r{i}'><div class='card__content'><span>{t}</span></div></a>"
                    for i, t in enumerate(TITLES))
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/pasta'>Pasta</a> <a href='/sauces'>Sauces</a></nav>"
            f"<main><h1>Tomato sauce recipes</h1><div class='intro'><p>{PARA}</p></div>"
            f"<div class='list'>{cards}</div></main><footer>Contact us</footer></body></html>")
    out = text(html)
    assert PARA in out and all(t in out for t in TITLES) and "Sauces" not in out


def test_a_listing_split_into_lists_of_one_kind_is_listed_whole():
    """A category page lists its subcategories and its pages, each under letters: lists of one kind in two
    places. All of them are the listing, not only the longest."""
    def section(titles, n):
        groups = "".join(f"<div class='group'><h3>{t[0]}</h3><ul>" + "".join(
            f"<li><a href='/r{n}{i}'>{t}</a></li>" for t in titles[k:k + 2]) + "</ul></div>"
            for i, (k, t) in enumerate((k, titles[k]) for k in range(0, len(titles), 2)))
        return f"<div class='section'><h2>Part {n}</h2><div class='category'>{groups}</div></div>"
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/sweet'>Desserts</a></nav><main><h1>Sauces</h1>"
            f"<p>Recipes by letter.</p>{section(TITLES[:5], 1)}{section(TITLES[5:], 2)}</main>"
            f"<footer>Contact us</footer></body></html>")
    out = text(html)
    assert all(t in out for t in TITLES) and "Desserts" not in out


def test_cards_each_an_article_do_not_bound_the_region():
    """A page's boxes, each an <article>, are none of them the page's article: the text beside them stays."""
    cards = "".join(f"<article class='card'><h2>Course {i}</h2><p>{t}</p></article>"
                    for i, t in enumerate([ANSWER, OTHER, TAIL]))
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='page'>"
            f"<h1>Certificates</h1><div class='cards'>{cards}</div><div class='about'><h2>About our certificates</h2>"
            f"<p>{PARA}</p></div></div><footer>Contact us</footer></body></html>")
    out = text(html)
    assert all(t in out for t in (PARA, ANSWER, OTHER, TAIL))


FAQ = [("Can I attend the meetings?", ANSWER), ("When does the new timetable start?", OTHER),
       ("Where does the work start?", TAIL)]


def test_hidden_answers_under_their_questions_are_the_pages_text():
    """An FAQ's answers, hidden under their questions, count as the page's text where the region is chosen."""
    faq = "".join(f"<div class='item'><div class='question'>{q}</div><div class='answer' style='display: none'>"
                  f"<p>{a}</p></div></div>" for q, a in FAQ)
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class='page'>"
            f"<div class='intro'><h1>Council questions</h1><p>{PARA}</p></div><div class='faq'><h2>Questions</h2>"
            f"{faq}</div></div><footer>Contact us</footer></body></html>")
    out = text(html)
    assert all(t in out for t in (PARA, ANSWER, OTHER, TAIL))


def test_a_hidden_link_is_no_panel():
    html = page(f"<div class='support'><h4>Support the project:</h4><a href='/donate' style='display:none'>{ANSWER}"
                f"</a></div>")
    out = text(html)
    assert ANSWER not in out and PARA in out


MORE = ["The library on Station Road will close for two weeks in April while the heating is replaced, and the "
        "mobile library will stop outside the school on Tuesdays and Thursdays in the meantime.",
        "Residents can comment on the draft local plan until the end of May, either online or at the drop-in "
        "sessions the planning team will hold in each of the town's four wards during that month.",
        "The recycling centre on the ring road now takes small electrical items and batteries, and its opening "
        "hours on Sundays have been extended to four o'clock in the afternoon from the first of March.",
        "Volunteers planted more than three hundred trees along the river path last winter, and the parks team "
        "says it will water them through their first two summers before they are left to grow on their own."]


def test_an_accordion_marked_as_a_tab_list_keeps_its_panels():
    """Bootstrap's accordion sets role=tablist on the accordion: its panels' paragraphs are no tabs' labels."""
    items = "".join(f"<div class='card'><div role='tab'><h5>{q}</h5></div><div role='tabpanel'><p>{a}</p></div>"
                    f"</div>" for q, a in FAQ)
    more = "".join(f"<p>{t}</p>" for t in MORE)
    out = text(page(f"{more}<h2>Questions</h2><div id='accordion' role='tablist'>{items}</div>"))
    assert all(t in out for t in (PARA, ANSWER, OTHER, TAIL))


def test_a_tab_list_of_labels_stays_navigation():
    tabs = "".join(f"<button role='tab'>{w}</button>" for w in ("Overview", "Details", "Reviews"))
    tabs += "".join(f"<a href='#{w}'>{w} and more</a> " for w in ("Specifications", "Shipping", "Returns"))
    out = text(page(f"<div role='tablist'>{tabs}</div>"))
    assert "Specifications and more" not in out and PARA in out


@pytest.mark.parametrize("style", ["", " style='display:none'"])
def test_a_button_over_its_panel_is_the_panels_heading(style):
    """An FAQ's questions as buttons without ARIA state: each opens the answer right under it."""
    items = "".join(f"<div class='faq'><button class='label'>{q}</button><div class='body'{style}><p>{a}</p></div>"
                    f"</div>" for q, a in FAQ)
    out = text(page(f"{''.join(f'<p>{t}</p>' for t in MORE)}<h2>Questions</h2>{items}"))
    assert all(q in out and a in out for q, a in FAQ)


def test_a_button_over_no_paragraphs_stays_a_control():
    out = text(page("<div class='buy'><button>Add to cart</button><div class='price'><span>$20.00</span></div>"
                    "</div>"))
    assert "Add to cart" not in out and PARA in out


SHORT_ANSWERS = ["Yes, every session is open to the public.", "In March, with more early buses.",
                 "At the north end of the bridge."]


@pytest.mark.parametrize("hide", ["hidden", "aria-hidden='true' hidden", "style='display:none'"])
def test_a_panel_its_control_names_is_opened_by_a_reader(hide):
    """A disclosure that names what it opens (aria-controls, aria-expanded): the hidden answer is a panel,
    however short."""
    items = "".join(f"<div class='item'><button aria-controls='a{i}' aria-expanded='false' class='q'>{q}</button>"
                    f"<div id='a{i}' {hide}><p>{a}</p></div></div>"
                    for i, ((q, _), a) in enumerate(zip(FAQ, SHORT_ANSWERS)))
    out = text(page(f"{''.join(f'<p>{t}</p>' for t in MORE)}<h2>Questions</h2>{items}"))
    assert all(a in out for a in SHORT_ANSWERS) and PARA in out


def test_a_hidden_panel_a_control_only_names_stays_hidden():
    """A control that names what it drives without saying it expands it (a gallery's button over its hidden
    lightbox) opens no panel of the article: the lightbox's controls stay out, and so do they as evidence against
    the title and the first paragraph (found in review)."""
    box = ("<button aria-controls='lb'>View gallery</button><div id='lb' aria-hidden='true'><p>1 / 12</p>"
           "<p>Previous</p><p>Next</p><p>Close</p></div>")
    html = (f"<html><body><article><h1>Bridge to be rebuilt</h1><p>{PARA}</p>{box}<p>{OTHER}</p>"
            f"<p>{MORE[0]}</p></article></body></html>")
    out = clean.clean_html(html, include_title=True).text
    assert "Bridge to be rebuilt" in out and PARA in out and OTHER in out and "Previous" not in out


def test_a_hidden_element_no_control_names_stays_hidden():
    items = "".join(f"<div class='item'><button class='q'>{q}</button><div id='a{i}' hidden><p>{a}</p></div></div>"
                    for i, ((q, _), a) in enumerate(zip(FAQ, SHORT_ANSWERS)))
    out = text(page(f"{''.join(f'<p>{t}</p>' for t in MORE)}<h2>Questions</h2>{items}"))
    assert not any(a in out for a in SHORT_ANSWERS) and PARA in out


SPECS = [("Weight", "1.2 kg"), ("Battery", "Lithium-ion, 4000 mAh"), ("Water resistance", "IPX7")]


def test_a_products_specification_table_beside_its_description_is_content():
    """A product page's specifications stand in a section of their own beside the description: a table of names
    and values there is the product's text, a grid of numbers (a calendar) is not."""
    rows = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in SPECS)
    grid = "<table class='cal'>" + "".join("<tr>" + "".join(f"<td>{7 * w + d + 1}</td>" for d in range(7)) + "</tr>"
                                           for w in range(4)) + "</table>"
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/shop'>Shop</a></nav><div class='product'>"
            f"<div class='description'><p>{PARA}</p><p>{OTHER}</p></div>"
            f"<div class='details'><h3>Specifications</h3><table>{rows}</table></div>{grid}</div>"
            f"<footer>Contact us</footer></body></html>")
    out = text(html)
    assert PARA in out and all(f"{k} {v}" in out for k, v in SPECS) and "22 23 24" not in out


def test_a_short_unit_among_its_kind_stays():
    """Posts side by side, one of them a one-line reply: it is a post as the others are."""
    meta = "".join(f"<div class='meta'>{w}</div>" for w in ("Member since 2019", "1,204 messages",
                                                            "Location: the north end of town, by the old bridge",
                                                            "Reaction score: 3,017", "Points: 12,480 this year",
                                                            "Trophies: 41", "Gallery: 212 photos", "Albums: 9",
                                                            "Signature: ride safe, and mind the potholes on the "
                                                            "ring road after the rain"))
    posts = "".join(f"<div class='post'><div class='info'>{meta}</div><div class='body'><p>{t}</p></div></div>"
                    for t in (PARA, OTHER, TAIL))
    short = f"<div class='post'><div class='info'>{meta}</div><div class='body'><p>Thanks, that answers it.</p></div></div>"
    html = (f"<html><body><nav><a href='/'>Home</a> <a href='/forum'>Forum</a></nav><div class='wrap'>"
            f"<div class='thread'>{posts}{short}</div><div class='side'><p>{MORE[0]}</p></div></div>"
            f"<footer>Contact us</footer></body></html>")
    out = text(html)
    assert all(t in out for t in (PARA, OTHER, TAIL, "Thanks, that answers it."))


@pytest.mark.parametrize("panel", ["<div id='m' class='mobile-menu' hidden>", "<nav id='m' hidden>",
                                   "<div id='m' role='dialog' hidden>"])
def test_a_menu_or_dialog_a_control_opens_stays_chrome(panel):
    """What the control opens is judged as if it were shown: a menu or a dialog is chrome all the same."""
    end = "</nav>" if panel.startswith("<nav") else "</div>"
    html = page(f"<button aria-controls='m'>Menu</button>{panel}<p>{ANSWER}</p>{end}")
    out = text(html)
    assert ANSWER not in out and PARA in out
