"""The HTML front end's fast paths hold to the definitions they stand in for: what a page's (class, id) pairs
make its elements is what each element's own attributes make it, the tag tables are :func:`classify_tag`, the
walk's text is the tree's text (white space alone makes no block, nor counts in the next block's link share),
and the walk's one look-up of a tag says what the tag sets of clean.html.rules say.
"""

import lxml.etree
import lxml.html
import pytest
from hypothesis import given, settings, strategies as st

from clean.html import parse, select
from clean.html.rules import ARTICLE, BLOCK, CELLS, TAG_RULES, TAG_TABLES, SKIP, Rules, classify_tag
from clean.html.walk import Raw, Rec, walk

# words that say something (chrome of several families, the article, weak article words, hiding, a teaser),
# and words that say nothing
WORDS = ["nav", "menu-item", "share", "article-body", "entry-content", "post", "hentry", "article", "d-none",
         "d-md-block", "sr-only", "teaser", "comments", "sidebar", "footer", "wrapper", "row", "col-md-8", "Nav",
         "tag-news", "has-sidebar", "story__caption", ""]
TAGS = sorted({"div", "span", "a", "p", "article", "main", "header", "footer", "nav", "aside", "section", "button",
               "noscript", "li", "figcaption"})
attr_words = st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join)
element = st.tuples(st.sampled_from(TAGS), st.none() | attr_words, st.none() | attr_words, st.booleans())


@settings(max_examples=300, deadline=None)
@given(st.lists(element, max_size=25))
def test_a_pages_memo_gives_each_elements_own_rule(elements):
    shared = Rules()  # one page: answers kept by (class, id), whatever tag or place asked first
    for name, cls, ident, in_article in elements:
        attrs = {k: v for k, v in (("class", cls), ("id", ident)) if v is not None}
        alone = Rules().classify(name, attrs, in_article)
        assert shared.classify(name, attrs, in_article) == alone
        assert shared.named(name, cls, ident, in_article) == alone


@given(st.sampled_from(sorted(BLOCK | SKIP | set(TAG_RULES) | {"header", "footer", "article", "main", "span", "a"}))
       | st.text(max_size=8))
def test_tag_tables_are_classify_tag(name):
    for inside in (False, True):
        assert TAG_TABLES[inside].get(name) == classify_tag(name, inside)


# --- the walk's text --------------------------------------------------------------------------------------------

SPACE = st.sampled_from(["", " ", "\n  ", "\t", "\n\n", "\xa0"])  # indentation and other white space only
WORD = st.sampled_from(["alpha", "beta", "gamma", "delta,", "x", "Ω"])
text = st.lists(WORD | SPACE, max_size=4).map("".join)
INLINE = ["span", "b", "em", "a"]
PLAIN_BLOCKS = ["div", "p", "section", "li", "td", "h2", "blockquote"]


def tree(depth: int):
    leaf = st.tuples(st.just("#text"), text)
    if depth == 0:
        return leaf
    child = tree(depth - 1)
    return leaf | st.tuples(st.sampled_from(INLINE + PLAIN_BLOCKS + ["br"]), st.lists(child, max_size=4))


def markup(node) -> str:
    name, body = node
    if name == "#text":
        return body.replace("&", "&amp;").replace("<", "&lt;")
    if name == "br":
        return "<br>"
    return f"<{name}>{''.join(markup(c) for c in body)}</{name}>"


def words(root) -> list[str]:
    """The tree's words by definition: its text, with a break at every block element's edges and at <br>."""

    def text_of(el) -> str:
        if el.tag == "br":
            return " "
        inner = (el.text or "") + "".join(text_of(c) + (c.tail or "") for c in el)
        return f" {inner} " if el.tag in BLOCK else inner

    return text_of(root).split()


@settings(max_examples=300, deadline=None)
@given(st.lists(tree(3), min_size=1, max_size=4))
def test_walk_keeps_every_word_and_makes_no_blank_block(nodes):
    root = parse(f"<html><body>{''.join(markup(n) for n in nodes)}</body></html>")
    _, blocks = walk(root, 10_000)
    for b in blocks:
        assert b.text and b.text == " ".join(b.text.split())
    assert [w for b in blocks for w in b.text.split()] == words(root)


def size(piece: str) -> int:
    return 1 if piece.isspace() else len(piece)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(SPACE, st.lists(st.tuples(text, st.booleans()), min_size=1, max_size=5)), max_size=6))
def test_link_share_is_of_each_paragraphs_own_text(paragraphs):
    """Paragraphs of plain and linked pieces, with white space between them (the markup's indentation): each
    block's link share is its linked characters over its characters, white-space pieces counting one."""
    body = "".join(f"{space}<p>" + "".join(f"<a>{t}</a>" if linked else t for t, linked in pieces) + "</p>"
                   for space, pieces in paragraphs)
    _, blocks = walk(parse(f"<html><body><div>{body}</div></body></html>"), 10_000)
    expected = []
    for _, pieces in paragraphs:
        solid = []  # the paragraph's text nodes: plain pieces side by side are one
        for t, linked in pieces:
            if solid and not linked and not solid[-1][1]:
                solid[-1] = (solid[-1][0] + t, False)
            else:
                solid.append((t, linked))
        solid = [(t, linked) for t, linked in solid if t]
        if any(not t.isspace() for t, _ in solid):
            total = sum(size(t) for t, _ in solid)
            expected.append(min(1.0, sum(size(t) for t, linked in solid if linked) / total))
    assert [b.links for b in blocks] == expected


def test_lxml_tree_with_whitespace_only_text():
    root = lxml.html.fromstring("<div>\n  <p>One <a>two</a></p>\n  <p>  </p>\n  <p>three</p>\n</div>")
    _, blocks = walk(root, 100)
    assert [(b.text, b.links) for b in blocks] == [("One two", 3 / 7), ("three", 0.0)]


# --- paragraph sizes --------------------------------------------------------------------------------------------

def reference_good_sizes(blocks):
    """good_sizes by its definition: each run of blocks with one owner and no break between them is one
    paragraph, good when it is long enough and mostly not links; then each block counts its size less links."""
    out, run = [0] * len(blocks), []
    for i, b in enumerate(blocks + [None]):
        if run and (b is None or b.gap or b.owner is not blocks[run[0]].owner):
            sizes = {k: select._size(blocks[k].text) for k in run}
            total = sum(sizes.values())
            share = sum(sizes[k] * blocks[k].links for k in run) / total if total else 1.0
            if total >= select.GOOD_CHARS and share <= select.MAX_GOOD_LINKS:
                for k in run:
                    out[k] = int(sizes[k] * (1.0 - blocks[k].links))
            run = []
        run.append(i)
    return out


block_text = st.lists(st.sampled_from(["word ", "a, ", "你好", "ab", "longer words here. "]), min_size=1,
                      max_size=30).map("".join)
raw_block = st.tuples(block_text,
                      st.sampled_from([0.0, 0.1, 0.25, 0.3, 1 / 3, 0.5, 1.0]), st.booleans(), st.integers(0, 2))


@settings(max_examples=300, deadline=None)
@given(st.lists(raw_block, max_size=12))
def test_good_sizes_is_its_definition(drawn):
    owners = [Rec(None, "p", None, None, i) for i in range(3)]
    blocks = [Raw(text, owners[o], links, gap, "p") for text, links, gap, o in drawn]
    assert select.good_sizes(blocks) == reference_good_sizes(blocks)


@settings(max_examples=100, deadline=None)
@given(st.lists(tree(3), min_size=1, max_size=4))
def test_children_are_each_records_own_in_document_order(nodes):
    records, _ = walk(parse(f"<html><body>{''.join(markup(n) for n in nodes)}</body></html>"), 10_000)
    expected: dict = {}
    for r in records[1:]:
        expected.setdefault(r.parent.index, []).append(r)
    got = select._children(records)
    assert list(got.items()) == list(expected.items())


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["article", "header", "footer", "div", "pre", "td"]), st.integers(0, 3)),
                min_size=1, max_size=14))
def test_a_header_is_chrome_exactly_when_no_article_holds_it(opened):
    """Elements opened and closed in any order (each closes the given number of open ones first): the walk's
    'inside an article' returns to what it was when an element ends, so a <header> or <footer> after an
    <article> (not inside it) is chrome again."""
    parts, open_ = [], []
    for name, closes in opened:
        for _ in range(min(closes, len(open_))):
            parts.append(f"</{open_.pop()}>")
        parts.append(f"<{name}>{name} text")
        open_.append(name)
    parts += [f"</{n}>" for n in reversed(open_)]
    records, _ = walk(parse(f"<html><body>{''.join(parts)}</body></html>"), 10_000)
    for r in records:
        if r.name in ("header", "footer"):
            a, held = r.parent, False
            while a is not None:
                held = held or a.rule is ARTICLE
                a = a.parent
            assert (r.rule is None) == held, (r.name, [x.name for x in records])


@pytest.mark.parametrize("name", sorted((BLOCK | SKIP | {"span", "em", "a", "noscript", "my-widget"}) - {"br", "hr"}))
def test_each_tag_is_walked_as_its_set_says(name):
    """One look-up in the walk says what a tag is: a skipped subtree (SKIP), a block of its own (BLOCK), a cell
    whose text joins its row's (CELLS), or inline text."""
    root = lxml.html.fromstring("<html><body><div>before</div></body></html>")
    div = root.find("body/div")
    child = lxml.etree.SubElement(div, name)
    child.text, child.tail = "inside", "after"
    records, blocks = walk(root, 100)
    texts = [b.text for b in blocks]
    if name in SKIP:
        assert texts == ["beforeafter"]
    elif name in CELLS:
        assert texts == ["before inside after"] and any(r.name == name for r in records)
    elif name in BLOCK or name == "noscript":  # (a <noscript> outside a paragraph is a block by its rule)
        assert texts == ["before", "inside", "after"] and any(r.name == name for r in records)
    else:
        assert texts == ["beforeinsideafter"] and not any(r.name == name for r in records)
