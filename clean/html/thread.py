"""A forum's thread: the posts a page names as comments that are its content, not comments under an article.

Forums mark every post, the first too, as a comment ("comment", "post-comment", "discussion"), or mark the
opening post and the replies' box apart. Such elements are kept, and the article's container holds them all.
"""

from __future__ import annotations

from ..reasons import Reason
from .rules import HEADINGS
from .walk import Raw, Rec


def signature(r: Rec) -> tuple[str, str]:
    """An element's kind: its tag and first class word less a numbering."""
    if not r.names:
        return r.name, ""
    ident, cls = r.names
    words = cls.split() if isinstance(cls, str) else None
    first = words[0] if words else ""
    return r.name, first.rstrip("0123456789-_")


def common(a: Rec, b: Rec) -> Rec:
    """The lowest element holding both."""
    while a.depth > b.depth:
        a = a.parent
    while b.depth > a.depth:
        b = b.parent
    while a is not b:
        a, b = a.parent, b.parent
    return a


#: Elements named as comments are a thread (kept) when, with posts among them, they hold this share of the page's
#: visible paragraph text, and the paragraph text before the first of them (an article they would comment on)
#: is at most this share of theirs.
THREAD_SHARE = 0.5
THREAD_LEAD_SHARE = 0.25


def thread_posts(records: list[Rec], blocks: list[Raw], goods: list[int], visible: int,
                 ) -> tuple[set[int], set[int]]:
    """Indexes of the elements that make the page's own thread: a forum marks every post, the first too, as a
    comment, or marks the opening post and the replies' box apart ("discussion", "comments"). A thread has
    posts (elements of one kind side by side, named as comments); with the other elements named as comments
    that are not inside one, they hold most of the page's text, and no article stands before them: comments
    under an article stand after it."""
    groups: dict[tuple, list[Rec]] = {}
    outer: list[Rec] = []
    inside = [False] * len(records)  # within an element named as comments
    for r in records[1:]:
        rule = r.rule
        named = r.cand is r and rule.reason is Reason.COMMENTS and not rule.hides
        inside[r.index] = inside[r.parent.index] or named
        if named and r.good:
            groups.setdefault((r.parent.index, *signature(r)), []).append(r)
            if not inside[r.parent.index]:
                outer.append(r)
    groups = [g for g in groups.values() if len(g) > 1]  # posts: one element is a comment section
    if not groups:
        return set(), set()
    posts = max(groups, key=lambda g: sum(r.good for r in g))
    total = sum(r.good for r in outer)
    if not visible or total < THREAD_SHARE * visible:
        return set(), set()
    first = outer[0]
    before = 0
    for b, g in zip(blocks, goods):
        o = b.owner
        if o.index >= first.index:
            break
        if g and (o.cand is None or not o.cand.rule.hides):  # a wrapper named for the sidebar beside it counts
            before += g
    if before > THREAD_LEAD_SHARE * total:
        return set(), set()
    return {r.index for r in outer}, {r.index for r in posts}


def thread_headings(records: list[Rec], blocks: list[Raw], outer: list[Rec], posts: list[Rec]) -> list[bool]:
    """For each block, whether it is a heading of the thread's own boxes outside its posts ("Comments",
    "12 replies" over the replies): the thread is the article, so this heading starts no comment section."""
    if not outer:
        return [False] * len(blocks)
    state = [0] * len(records)  # 1: in the thread outside a post, 2: in a post
    for r in outer:
        state[r.index] = 1
    for r in posts:
        state[r.index] = 2
    for r in records[1:]:
        if not state[r.index]:
            state[r.index] = state[r.parent.index]
    return [b.owner.name in HEADINGS and state[b.owner.index] == 1 for b in blocks]
