"""Text a page streams into place: React's server rendering sends a slow part of the page (a ``<Suspense>``
boundary) after the rest, at the end of ``<body>`` in a ``<div hidden id="S:n">``, and a script moves it to the
``<template id="B:n">`` that marks its place (the boundary's fallback, "Loading...", stands after that template;
a streamed segment's place is a ``<template id="P:n">``).
A reader sees it in its place, so it is put there before the walk: hidden at the end of the page it would be
thrown away with the dialogs and menus a page hides.
"""

from __future__ import annotations

import re

from lxml import etree

#: A page without one of these has no streamed part (a cheap test before the tree is searched): one scan of
#: the page for either (two substring tests take half as long again).
MARKERS = ('id="S:', "id='S:")
_MARKER = re.compile("|".join(re.escape(m) for m in MARKERS))
_STREAMED = etree.XPath("//div[@hidden][starts-with(@id, 'S:')]")
_PLACE = etree.XPath("//template[@id = $boundary or @id = $segment]")


def may_stream(html: str) -> bool:
    return _MARKER.search(html) is not None


def has_streamed(root) -> bool:
    return bool(_STREAMED(root))


def place_streamed(root) -> None:
    """Move every streamed part of the tree under ``root`` to its place, visible (in place: the tree is changed).
    A part whose place is missing stays where it is, hidden."""
    for part in _STREAMED(root):
        ident = part.get("id")
        places = _PLACE(root, boundary="B:" + ident[2:], segment="P:" + ident[2:])
        if not places:
            continue
        place = places[0]
        _unhook(part)
        del part.attrib["hidden"]
        part.tail = place.tail
        place.getparent().replace(place, part)


def _unhook(el) -> None:
    """Take ``el`` out of its parent, leaving the text after it (its tail) where it was."""
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent = el.getparent()
            parent.text = (parent.text or "") + tail
    el.tail = None
    el.getparent().remove(el)
