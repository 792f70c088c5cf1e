"""Adapters for ../shared/eval/score.py: ``py:benchmarks/adapt.py:text`` and ``...:html``."""

import clean


def text(s: str) -> str:
    return clean.clean_text(s).text


def html(s: str) -> str:
    return clean.clean_html(s).text
