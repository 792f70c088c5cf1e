"""Detector rules found wanting in review, each with the document that showed it: article sentences that use a
detector's words must stay, and what the rule is for must still go."""

import pytest

import clean
from clean.features import measure, tokens

from conftest import EN, doc


def removed(result):
    return {r.text: r.reason.value for r in result.removals}


@pytest.mark.parametrize("mode", ["precise", "thorough"])
@pytest.mark.parametrize("sentence", [
    "Under section 3(c) of the act, the council must publish the full budget before the vote.",
    "The copyright dispute over the city's logo is expected to reach the courts next year, officials said.",
    "More - much more - will have to be spent on the bridges over the next decade, the chief engineer warned "
    "in a report published on Monday, because the repairs have been put off for so long.",
    "\"We and our partners have spent three years preparing this bid,\" the mayor told reporters after the "
    "vote on Tuesday evening.",
])
def test_sentences_using_chrome_and_promo_words_stay(sentence, mode):
    result = clean.clean_text(doc(EN[:2] + [sentence] + EN[2:]), mode=mode)
    assert removed(result) == {}


def test_copyright_line_goes():
    result = clean.clean_text(doc(EN + ["© 2024 Gazette Media Group. All rights reserved."]))
    assert removed(result) == {"© 2024 Gazette Media Group. All rights reserved.": "footer"}


def test_foreign_lines_at_an_edge_go_a_foreign_half_stays():
    notice = "Die Stadt hat am Dienstag ein neues Budget für die Brücken beschlossen, sagte der Bürgermeister."
    result = clean.clean_text(doc([notice] + EN), disable="chrome")  # else the context pass takes it first
    assert removed(result) == {notice: "foreign-edge"}
    italian = [f"Il consiglio comunale di {c} ha approvato il nuovo bilancio dopo un dibattito che è durato più "
               "di sei ore, con i membri divisi sul costo delle riparazioni stradali." for c in
               ("Roma", "Milano", "Torino", "Napoli", "Bari", "Genova", "Firenze", "Bologna")]
    bilingual = doc(italian + EN)
    once = clean.clean_text(bilingual, disable="chrome")
    assert removed(once) == {}  # four lines and more in another language are a part, not a notice at the edge
    assert clean.clean_text(once.text, disable="chrome").text == once.text


def test_all_caps_needs_most_letters_cased():
    arabic = "وذكرت وكالة BBC أن الحكومة تدرس خطة جديدة للنقل العام في العاصمة خلال العام المقبل."
    assert not measure(arabic, None).is_all_caps
    assert measure("CLICK HERE TO GET THE FOX NEWS APP", None).is_all_caps


def test_japanese_title_starting_with_katakana_stays_a_japanese_notice_goes():
    body = ["東京都は火曜日、新しい予算案を承認した。議会では六時間以上にわたって議論が続き、道路の修繕費用や工事の開始時期をめぐって意見が分かれた。",
            "市長は記者会見で、この計画によって東側の老朽化した橋がようやく修理されると述べ、これ以上待てば費用がさらに高くなると強調した。",
            "一方で反対派は、その資金は学校に回すべきだと主張し、何人かの保護者が投票の前に意見を述べた。採決は夜遅くに行われた。"]
    title = "アップル社が新型スマートフォンを発表"
    notice = "この記事は機械翻訳されています。正確でない場合があります。"
    result = clean.clean_text(doc([title] + body[:2] + [notice] + body[2:]))
    assert result.language == "ja"
    assert removed(result) == {notice: "mt-notice"}


def test_words_keep_their_marks_and_letters_fold():
    assert tokens("यह एक परीक्षण है") == ["यह", "एक", "परीक्षण", "है"]
    assert tokens("İstanbul") == ["istanbul"]
    cedilla, comma = "Consiliul a aprobat şi bugetul ţării", "Consiliul a aprobat și bugetul țării"
    stop = clean.default_cleaner().phrases.stopwords["ro"]
    assert measure(cedilla, stop).stopword_ratio == measure(comma, stop).stopword_ratio > 0


def test_comment_detail_names_the_head():
    lines = EN + ["3 comments", "Great article, thanks for writing it.", "I disagree with the council."]
    result = clean.clean_text(doc(lines))
    details = [r.detail for r in result.removals if r.reason.value == "comments"]
    assert details[1:] == ["after the comment head '3 comments'"] * 2


def test_a_shops_customer_reviews_are_its_comments():
    """Amazon heads its customers' reviews "Top reviews from <country>": they are posts of readers, as comments."""
    reviews = ["Reviewed in the United States on June 5, 2024", "They fit well and the sound is better than I hoped."]
    result = clean.clean_text(doc(EN + ["Top reviews from the United States"] + reviews))
    assert {r.text for r in result.removals if r.reason.value == "comments"} >= set(reviews)
    assert all(line in result.text for line in EN)


def test_short_lines_between_paragraphs_stay_without_evidence():
    """Subheadings or a related list? Nothing says: they stay, in both modes (issue 8)."""
    lines = EN[:2] + ["Budget vote", "Road repairs", "School funding"] + EN[2:]
    assert removed(clean.clean_text(doc(lines))) == {}
    assert removed(clean.clean_text(doc(lines), mode="precise")) == {}


def test_precise_mode_keeps_what_thorough_removes_and_disable_takes_one_name():
    """A related-stories head is the evidence: thorough removes the list it heads, precise only the head."""
    items = ["Budget vote", "Road repairs", "School funding"]
    lines = EN[:2] + ["Related stories"] + items + EN[2:]
    thorough = clean.clean_text(doc(lines))
    precise = clean.clean_text(doc(lines), mode="precise")
    assert removed(thorough) == {"Related stories": "related-list", **{i: "outside-article" for i in items}}
    assert removed(precise) == {"Related stories": "related-list"}
    assert removed(clean.clean_text(doc(lines), disable="chrome")) == {}


def test_a_japanese_line_with_latin_brand_names_is_japanese():
    """Kana make a line Japanese, however many Latin letters its brand names have."""
    ja = ["東京都は火曜日、新しい予算案を承認した。道路の修理費用をめぐって議員の意見は分かれ、議論は六時間以上続いた。",
          "賛成派は、この計画によって東側の古い橋がようやく修理されると述べた。技術者は十年近く前から警告していた。",
          "反対派は、その資金は学校に使うべきだと主張し、何人かの保護者も公聴会で同じ意見を述べた。"]
    line = "※「iPhone」は、Apple Inc.の商標です。"
    assert removed(clean.clean_text(doc(ja + [line]))) == {}


def test_an_archive_of_months_with_counts_goes_but_a_short_list_stays():
    archive = ["Outubro (148)", "Setembro (139)", "Agosto (162)", "2017", "Julho (127)", "Junho (139)"]
    result = clean.clean_text(doc(EN + archive))
    assert removed(result) == {line: "tags" for line in archive}
    three = ["Bridges (3)", "Roads (2)", "Schools (4)"]
    assert removed(clean.clean_text(doc(EN[:2] + three + EN[2:]))) == {}


POSTS = ["I have had the same problem since the last update, and turning the router off and on did not help at all.",
         "Try resetting the network settings on the phone first; that fixed it for me after two days of trying.",
         "Thanks, resetting the network settings worked. The connection has been stable for a week now.",
         "Good to hear. If it comes back, the firmware update from the vendor's site should sort it out for good."]


@pytest.mark.parametrize("control", ["0 Reply", "Add a comment |", "1 Reply Last reply"])
def test_a_control_under_every_post_of_a_thread_cuts_no_post(control):
    lines = [x for post in POSTS for x in (post, control)]
    result = clean.clean_text(doc(lines))
    assert removed(result) == {control: "comments"}
    assert [x for x in result.text.splitlines() if x] == POSTS


@pytest.mark.parametrize("head", ["13 comments on “Council extends programme”", "3 Replies to “Council extends programme”"])
def test_reply_counts_under_comments_still_follow_the_section_head(head):
    replies = ["1 reply", "Great article, thanks for writing it.", "2 replies", "I disagree with the council.",
               "3 replies", "The roads are worse than the article says."]
    result = clean.clean_text(doc(EN + [head] + replies))
    assert [x for x in result.text.splitlines() if x] == EN
    assert {r.reason.value for r in result.removals} == {"comments"}


def test_a_control_under_a_question_and_its_answers_cuts_no_answer():
    # the first "Add a comment" stands under the question, too early in the page to head anything
    lines = [POSTS[0], "Add a comment |", POSTS[1], "Add a comment |", POSTS[2], "Add a comment |"]
    result = clean.clean_text(doc(lines))
    assert [x for x in result.text.splitlines() if x] == POSTS[:3]


def test_a_comment_count_shown_twice_is_still_a_head():
    lines = ["5 Comments"] + EN + ["5 Comments", "Great article, thanks for writing it."]
    result = clean.clean_text(doc(lines))
    assert [x for x in result.text.splitlines() if x] == EN


def test_a_head_shown_again_with_no_post_between_is_still_a_head():
    lines = EN + ["Comments", "Great article, thanks for writing it.", "Comments", "Comments"]
    result = clean.clean_text(doc(lines))
    assert [x for x in result.text.splitlines() if x] == EN


MORE_POSTS = ["We moved the router to the hallway and the drop-outs stopped, so it may be interference after all.",
              "Same here: the vendor's support line told me to update the firmware and it has been fine since.",
              "I would still check the cables, because a loose one gave me exactly these symptoms last winter."]


def test_a_reply_count_under_one_post_inside_a_thread_cuts_no_post():
    """A forum thread shows its posts' controls (the author's counts, the post's number, its buttons) under
    every post; a reply count under one of them stands inside the thread, not at the head of comments on it."""
    posts = POSTS + MORE_POSTS
    lines = []
    for n, post in enumerate(posts, 1):
        lines += [f"user{n}", f"{n * 37} posts · Joined 2019", f"#{n} · Jan {n}, 2024", post, "Reply Quote Like"]
        if n == 4:
            lines.append("0 Reply")
    result = clean.clean_text(doc(lines))
    kept = result.text
    assert all(post in kept for post in posts)
    assert removed(result).get("0 Reply") == "comments"


def test_comments_under_an_article_still_go_when_one_line_repeats_around_the_head():
    """A lone line that comes back around the head (the author's name under her posts and her replies) makes
    no thread."""
    teasers = ["Mayor opens the new bridge to cyclists on Sunday", "Jane Doe", "Schools to get new heating next year",
               "Jane Doe"]
    comments = ["Great article, thanks for writing it.", "Jane Doe", "I disagree with the council on this.", "Jane Doe"]
    result = clean.clean_text(doc(EN + teasers + ["2 comments"] + comments))
    assert "I disagree with the council" not in result.text
    head = next(r for r in result.removals if r.text == "2 comments")
    assert head.detail.startswith("comment section starts here")



def test_comments_under_an_article_still_go_when_a_block_repeats_around_the_head():
    """A block shown twice above the article and twice under its comments (a byline box, a menu shown again in
    the footer) repeats its lines in the same order, with nothing said once between two copies: no thread."""
    box = ["Jane Doe", "Staff writer", "Our newsroom covers the city every day"]
    comments = ["Great article, thanks for writing it.", "I disagree with the council on this."]
    result = clean.clean_text(doc(box + box + EN + ["2 comments"] + comments + box + box))
    assert "I disagree with the council" not in result.text
    head = next(r for r in result.removals if r.text == "2 comments")
    assert head.detail.startswith("comment section starts here")

# a related-list head read by its words: heads no phrase file lists, in four languages
@pytest.mark.parametrize("head", ["NOTAS RELACIONADAS", "Beliebte Beiträge zum Thema:", "Articoli simili",
                                  "Autres articles sur le sujet", "Trending headlines", "Najnowsze wpisy",
                                  "Więcej wpisów", "Al het ander nieuws"])
def test_a_related_list_head_is_read_by_its_words(head):
    result = clean.clean_text(doc(EN + [head, "Mayor opens the new bridge to cyclists"]))
    assert removed(result).get(head) == "related-list"
    detail = next(r.detail for r in result.removals if r.text == head)
    assert "related-list head" in detail


@pytest.mark.parametrize("line", [
    "Other stories of the flood are grimmer.",  # a sentence
    "More news from the council on Monday",  # words no head is made of
    "Related articles and the open data they cite",  # too long, and content words
    "Weitere Nachrichten aus Berlin",
])
def test_lines_with_the_words_of_a_related_head_that_are_not_one_stay(line):
    assert clean.Cleaner().phrases.match(line).get(clean.Reason.RELATED_LIST) is None


@pytest.mark.parametrize("button", ["Klick, um auf Facebook zu teilen (Wird in neuem Fenster geöffnet)",
                                    "Auf Skype teilen (Wird in neuem Fenster geöffnet)",
                                    "Partagez sur LinkedIn", "Udostępnij na Facebooku przez Messenger",
                                    "Fai clic per condividere su Facebook (Si apre in una nuova finestra)",
                                    "Klik om te delen op Facebook (Wordt geopend in een nieuw venster)",
                                    "Udostępnij stronę na Facebooku"])
def test_a_share_button_is_read_by_its_words(button):
    result = clean.clean_text(doc(EN + [button]))
    assert removed(result).get(button) == "share-bar"
    assert "share button" in next(r.detail for r in result.removals if r.text == button)


@pytest.mark.parametrize("line", ["Teens share videos on TikTok", "Millionen teilen Fotos auf Instagram", "send-email",
                                  "He shared it on Facebook", "Share your thoughts on Facebook."])
def test_lines_about_sharing_that_are_no_button_are_not_read_as_one(line):
    assert clean.Cleaner().phrases.match(line).get(clean.Reason.SHARE_BAR, kinds=("whole",)) is None


# what no head nor button is, though made of their words: a sentence (its full stop), a long line, a subject
@pytest.mark.parametrize("line", [
    "There are more stories.", "Share it on Telegram!",  # sentences, by their full stop
    "Other stories that are more popular than this",  # a related-list head has six words at most
    "Share this on Facebook and on X and on Threads and on the new Pinterest",  # a share button, twelve
    "I share it on WhatsApp", "We have more news", "Why we share on Instagram",  # someone's sentence:
    "They were the top stories", "Ich teile es auf Facebook", "Nous partageons sur Facebook",  # its subject
])
def test_lines_of_the_words_of_a_head_or_a_button_that_are_none_are_not_read_as_one(line):
    match = clean.Cleaner().phrases.match(line)
    assert match.get(clean.Reason.RELATED_LIST, clean.Reason.SHARE_BAR, kinds=("whole",)) is None


@pytest.mark.parametrize("post", ["I share it on WhatsApp", "We have more news", "Ich teile es auf Facebook",
                                  "Send me an email"])
def test_a_post_of_the_words_of_a_head_or_a_button_stays(post):
    """A forum post that lacks its full stop is someone's sentence, not chrome."""
    result = clean.clean_text(doc(EN + [post, "Mayor opens the new bridge to cyclists"]))
    assert post in result.text.splitlines()


def test_a_share_button_may_address_the_reader():
    """Subject pronouns make a sentence; the reader's formal "Sie" is a button's own."""
    line = "Teilen Sie diesen Artikel auf Facebook"
    assert removed(clean.clean_text(doc(EN + [line])))[line] == "share-bar"


def test_a_share_buttons_wording_asked_is_a_post():
    """A share button never asks: "Share on Facebook?" between the posts of a thread is one of them."""
    for asked in ("Share on Facebook?", "Share on Facebook ?"):
        result = clean.clean_text(doc(EN + [POSTS[0], asked, POSTS[1], POSTS[2]]))
        assert asked in result.text.splitlines()
    result = clean.clean_text(doc(EN + [POSTS[0], "Share on Facebook", POSTS[1], POSTS[2]]))
    assert removed(result).get("Share on Facebook") == "share-bar"


# a photo's credit or caption: the label opens the line or the bracket that ends it
@pytest.mark.parametrize("line", ["Foto: Sascha Klahn", "© Bild: REUTERS / CAITLIN O'HARA", "Photo: Meg Kinnard, AP",
                                  "Protesters have worn masks to protect their identities (Image: GETTY )",
                                  "Zur Einweihung wurde ein kleiner Wald gepflanzt (Foto: Stadt Nordhausen)",
                                  "La mujer quiso impedir la detención de su hijo. (Foto: Archivo/Soy502)",
                                  "Zdjęcie: PAP/Leszek Szymański"])
def test_a_photos_credit_or_caption_goes(line):
    result = clean.clean_text(doc(EN[:2] + [line] + EN[2:]))
    assert removed(result) == {line: "caption"}


@pytest.mark.parametrize("line", [
    "image: nginx:latest",  # a line of configuration starts in lower case
    "Photo: 24",  # no one is named
    "The agency sent a photographer to the scene (photo: see below for the full gallery of the evening, the "
    "parade, the fireworks and the crowd on the square by the river)",  # no credit: a sentence in the bracket
    "The council approved the new budget (a record) on Tuesday.",  # a bracket that is no credit
    "Source: Federal Statistical Office",  # a source is the article's attribution, not a photo's
    # found in review: a subheading, a specification, a quote, a bracket that is no credit
    "Foto: So gelingt das perfekte Urlaubsbild", "Illustration: How the brain processes colour",
    "Photo | Where the light comes from in the morning", "Pictures: Up to 20 per second in burst mode",
    "„Foto: Das ist kein Bild“, sagte er", "Set the container image in the manifest (image: nginx:latest)",
    "As the chart shows (Image: see figure 2 below)", "Foto |",
])
def test_lines_with_a_credits_words_that_are_none_stay(line):
    result = clean.clean_text(doc(EN[:2] + [line] + EN[2:]))
    assert removed(result) == {}


def test_a_caption_is_no_evidence_against_the_lines_around_it():
    # a short subheading between a caption and the text stays: a caption says a photo stands there, not chrome
    lines = EN[:2] + ["Photo: Meg Kinnard, AP", "What happens next", "Cost of the repairs"] + EN[2:]
    result = clean.clean_text(doc(lines))
    assert removed(result) == {"Photo: Meg Kinnard, AP": "caption"}


# what the reader may also like, read by its words: wordings no phrase file lists
@pytest.mark.parametrize("head", ["You may also be interested in", "Dich interessiert vielleicht auch",
                                  "Sie könnten auch an folgenden Artikeln interessiert sein",
                                  "Vous aimerez peut-être aussi", "Może cię też zainteresować",
                                  "Você pode gostar também"])
def test_a_head_of_what_the_reader_may_also_like_is_read_by_its_words(head):
    assert clean.Cleaner().phrases.match(head).get(clean.Reason.RELATED_LIST) is not None
    result = clean.clean_text(doc(EN + [head, "Mayor opens the new bridge to cyclists"]))
    assert removed(result).get(head) == "related-list"


@pytest.mark.parametrize("line", ["I like it too", "We also enjoy the view", "You might also like the new bridge",
                                  "Auch interessant war der Auftritt", "Ich finde das auch interessant",
                                  # statements, subheadings: no reader is spoken to (found in review)
                                  "Was auch interessant ist", "Das ist ebenfalls interessant",
                                  "Was vielleicht auch gefällt", "C'est aussi intéressant", "Also interesting",
                                  "There is interest, too", "Like the others, too"])
def test_lines_of_liking_that_are_no_head_are_not_read_as_one(line):
    assert clean.Cleaner().phrases.match(line).get(clean.Reason.RELATED_LIST) is None
