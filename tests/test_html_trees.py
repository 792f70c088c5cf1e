"""clean_html takes the tree a scraper already holds: beautifulsoup4's, or lxml's, with the page's result."""

import lxml.etree
import lxml.html
import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings

import clean
from clean.html.decode import decode_html
from conftest import FIXTURES
from test_html import html_ish

PAGES = sorted((FIXTURES / "html").glob("*.html"))


def same(a: clean.Result, b: clean.Result) -> bool:
    return (a.text, a.language, a.removals, a.skipped) == (b.text, b.language, b.removals, b.skipped)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
@pytest.mark.parametrize("builder", ["lxml", "html.parser"])
def test_beautifulsoup_tree_gives_the_page_result(path, builder):
    html = decode_html(path.read_bytes())
    assert same(clean.clean_html(BeautifulSoup(html, builder)), clean.clean_html(html))


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_lxml_tree_gives_the_page_result(path):
    html = decode_html(path.read_bytes())
    expected = clean.clean_html(html)
    assert same(clean.clean_html(lxml.html.document_fromstring(html)), expected)
    assert same(clean.clean_html(lxml.html.fromstring(html).getroottree()), expected)


def test_a_tag_or_element_is_its_own_page():
    html = (FIXTURES / "html" / "chrome-families.html").read_text(encoding="utf-8")
    tag = BeautifulSoup(html, "lxml").find("article")
    assert tag is not None
    expected = clean.clean_html(str(tag))
    assert expected.text and same(clean.clean_html(tag), expected)
    element = lxml.html.document_fromstring(html).find(".//article")
    result = clean.clean_html(element)
    assert result.text == expected.text
    element.tail = "This sentence follows the article in its parent, and is not part of the article at all."
    assert same(clean.clean_html(element), result)  # the text after it is its parent's


def test_xhtml_tree_is_read_as_html():
    xhtml = ('<html xmlns="http://www.w3.org/1999/xhtml"><body><article><p>' + "The council met on Tuesday to "
             "vote on the budget for the coming year, which funds the library. " * 3 + "</p></article></body></html>")
    assert "The council met on Tuesday" in clean.clean_html(lxml.etree.fromstring(xhtml)).text


def test_other_objects_are_a_type_error():
    for bad in (12, None, ["<p>a</p>"], object()):
        with pytest.raises(TypeError):
            clean.clean_html(bad)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_ish)
def test_trees_agree_with_text(html):
    expected = clean.clean_html(html)
    assert same(clean.clean_html(BeautifulSoup(html, "lxml")), expected)
