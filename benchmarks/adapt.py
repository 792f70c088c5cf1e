"""Adapters for ../shared/eval/score.py: ``py:benchmarks/adapt.py:text`` and ``...:html``."""

import clean


def text(s: str) -> str:
    return clean.clean_text(s).text


def html(s: str) -> str:
    return clean.clean_html(s).text


def html_body(s: str) -> str:
    """The HTML figures of the README: the article's body, without the title."""
    return clean.clean_html(s, include_title=False).text
