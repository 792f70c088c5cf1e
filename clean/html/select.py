"""Decisions that need the whole page: which chrome elements go, which element holds the article, its title.

All of them work from sums over the walk's records, accumulated bottom-up in one pass over the record list
(children come after their parents, so a reversed pass adds every record into its parent once).
"""

from __future__ import annotations

import re

from ..options import Options
from ..reasons import Reason
from ..result import Removal
from ..scripts import NO_SPACE
from .rules import ARTICLE, CHROME_WORDS, HEADINGS, TABLIST, opens
from .thread import common, signature, thread_posts
from .walk import PAGE, Raw, Rec

#: A block counts as paragraph text ("good") from this many characters on, with at most this link share.
GOOD_CHARS = 80
MAX_GOOD_LINKS = 0.3
#: A chrome element holding this share of the page's paragraph text is kept: a wrapper misnamed (never a footer: a
#: long legal notice or a list of the places a business serves outweighs a page of short lines).
PROTECT_SHARE = 0.5
#: ... or, for an element a class or id word marks, this share.
CLASS_PROTECT_SHARE = 0.8
#: ... or, holding the page's headline (<h1>), this share of the page's text less its footers' (a footer's long
#: lists of the places a business serves make no page's own text small): comment threads and sidebars do not
#: hold it.
HEADLINE_PROTECT_SHARE = 0.5
#: An element marked as the article (<article>, itemprop=articleBody, class 'entry-content') that holds this
#: share of the page's paragraph text protects the chrome-named wrappers around it, and one holding this share
#: of the best-scoring element's text bounds the climb from it.
MARKER_SHARE = 0.5
#: An element holding this share of the text of the element marked as the article it stands in is the article's
#: body, whatever its class words say (unless they name comments, a footer or a consent dialog).
BODY_SHARE = 0.8
_NEVER_THE_BODY = frozenset((Reason.COMMENTS, Reason.FOOTER, Reason.COOKIE_NOTICE))
#: A sibling of the container joins it with this share of the container's score, or, mostly paragraph text
#: itself, with this share of the container's paragraph text (a teaser card next to the article has less).
SIBLING_SHARE = 0.2
#: An element whose rule holds only if it links elsewhere (a "teaser": a card for another story, or the
#: article's own lead) goes with at least this share of its text in links.
TEASER_LINKS = 0.1
#: A hidden element inside the article's region, or right under the short line that opens it, is a panel a
#: reader opens (an FAQ's answer, the rest of a description behind "Read more", an accordion's section) when
#: this share of its text is paragraph text.
HIDDEN_PANEL_GOOD = 0.5
#: The line that opens a panel is short: a question, an accordion's heading.
TOGGLE_MAX_CHARS = 200
#: A tab list with this share of its text paragraph text is an accordion, its panels inside.
PROSE_SHARE = 0.5


def _opened_by(r: Rec, prev: Rec) -> bool:
    """Whether ``r`` is a panel of paragraphs right under the short line that opens it, ``prev``: a question, an
    accordion's heading, or the button that shows it (the button is then the panel's heading, not a control).
    Sums are of every block."""
    return (0 < prev.chars <= TOGGLE_MAX_CHARS and prev.links <= MAX_SCORE_LINKS * prev.chars
            and r.good >= HIDDEN_PANEL_GOOD * r.chars and r.links <= MAX_GOOD_LINKS * r.chars)


def _toggled_panel(r: Rec, prev: Rec | None) -> bool:
    """Whether a hidden element is a panel of paragraphs under the line that opens it (an FAQ's answer under its
    question): it is the page's text wherever it stands, and counts where the region is chosen."""
    return (prev is not None and opens(r.name, r.names, r.rule) and _opened_by(r, prev)
            and (prev.name == "button" or (prev.dropped is None and (prev.rule is None or prev.rule is ARTICLE))))


def hidden_panels(blocks: list[Raw], goods: list[int], within: list[bool]) -> list[Raw]:
    """The blocks of hidden elements inside the article's region that hold paragraph text: the page hides them
    until a reader asks, as it hides a tab's panel; a dialog, a menu or a cookie notice is no paragraph text
    of the article's."""
    panels: dict[int, list] = {}
    may: dict[int, bool] = {}  # whether each dropped element can be a panel: asked once, not once a block
    for b, g in zip(blocks, goods):
        d = b.dropped_by
        if d is None:
            continue
        ok = may.get(d.index)
        if ok is None:
            ok = may[d.index] = within[d.index] and opens(d.name, d.names, d.rule)
        if not ok:
            continue
        p = panels.setdefault(d.index, [0, 0, []])
        p[0] += g
        p[1] += len(b.text)
        p[2].append(b)
    out = []
    for good, chars, bs in panels.values():
        if good >= HIDDEN_PANEL_GOOD * chars:
            out.extend(bs)
    return out


def _size(text: str) -> int:
    n = len(text)
    if not text.isascii():
        n += 2 * len(NO_SPACE.findall(text))
    return n


def good_sizes(blocks: list[Raw]) -> list[int]:
    """Paragraph characters each block contributes (characters of scripts written without spaces count three,
    as in :class:`clean.features.Features`). Lines a <br>
    separates inside one element are judged together, as the one paragraph a reader sees."""
    out = [0] * len(blocks)
    i, n = 0, len(blocks)
    while i < n:
        j = i + 1
        b = blocks[i]
        owner = b.owner
        while j < n and not blocks[j].gap and blocks[j].owner is owner:
            j += 1
        if j == i + 1:  # most blocks stand alone: the sums below, of one term each
            text = b.text
            s = len(text) if text.isascii() else _size(text)
            if s >= GOOD_CHARS and s * b.links / s <= MAX_GOOD_LINKS:
                out[i] = int(s * (1.0 - b.links))
            i = j
            continue
        sizes = [_size(blocks[k].text) for k in range(i, j)]
        total = sum(sizes)
        links = sum(s * blocks[k].links for s, k in zip(sizes, range(i, j))) / total if total else 1.0
        if total >= GOOD_CHARS and links <= MAX_GOOD_LINKS:
            for s, k in zip(sizes, range(i, j)):
                out[k] = int(s * (1.0 - blocks[k].links))
        i = j
    return out


def accumulate(records: list[Rec], blocks: list[Raw], goods: list[int], kept_only: bool) -> None:
    for r in records:
        r.good = r.chars = r.links = r.mark = 0
        r.heads = 1 if r.name == "h1" else 0
    for b, g in zip(blocks, goods):
        if kept_only and b.dropped_by is not None:
            continue
        o = b.owner
        n = len(b.text)
        o.good += g
        o.chars += n
        o.links += n * b.links
    for r in reversed(records):  # children come after their parents: each is complete when reached
        p = r.parent
        if p is None:
            continue
        if r.heads:
            p.heads += r.heads
        if r.chars:  # (an element with no text has nothing else to add either: no paragraphs, links or marker)
            if r.rule is ARTICLE and r.good > r.mark:
                r.mark = r.good
            if r.mark > p.mark:
                p.mark = r.mark
            p.good += r.good
            p.chars += r.chars
            p.links += r.links


def resolve_drops(records: list[Rec], blocks: list[Raw], goods: list[int], options: Options,
                  ) -> tuple[list[Rec], list[Rec]]:
    """Mark the chrome elements that go (``Rec.dropped`` = the outermost element dropped) and their blocks.
    Returns the page's own thread, if it is one (see :func:`_thread_posts`): the elements named as comments
    that are not inside one, and its posts."""
    accumulate(records, blocks, goods, kept_only=False)
    # shares are of the text a reader sees: a hidden dialog's or template's text does not make the visible
    # article look small (hidden elements themselves are weighed against everything)
    everything = records[0].good
    hidden = [False] * len(records)
    invisible = 0
    footed = [False] * len(records)  # within a footer
    footers = 0
    for r in records[1:]:
        hidden[r.index] = hidden[r.parent.index]
        footed[r.index] = footed[r.parent.index]
        if not hidden[r.index] and r.cand is r and r.rule.hides:
            hidden[r.index] = True
            invisible += r.good
        elif (not hidden[r.index] and not footed[r.index] and r.cand is r and r.rule.reason is Reason.FOOTER
              and not r.heads):  # a "footer" holding the headline holds the page (an unclosed element)
            footed[r.index] = True
            footers += r.good
    visible = everything - invisible
    outer, posts = thread_posts(records, blocks, goods, visible)
    thread = outer | posts | _heading_anchors(blocks)
    in_thread = [False] * len(records)
    # the element marked as the article that each element stands in (the innermost), if any
    article: list[Rec | None] = [None] * len(records)
    for r in records[1:]:
        in_thread[r.index] = in_thread[r.parent.index] or r.index in thread
        article[r.index] = r.parent if r.parent.rule is ARTICLE else article[r.parent.index]
    last: dict[int, Rec] = {}  # each element's previous sibling, as the records come
    for r in records[1:]:
        prev = last.get(r.parent.index)
        last[r.parent.index] = r
        p = r.parent.dropped
        if p is not None:
            r.dropped = p
        elif r.cand is r:
            reason = r.rule.reason
            share = CLASS_PROTECT_SHARE if r.rule.named else PROTECT_SHARE
            # a wrapper misnamed: it holds most of the page's text, or the element marked as the article (a
            # consent dialog's legal text can outweigh a listing's; no wrapper is named for consent)
            # (a page whose every paragraph is hidden, in a menu's hidden panel, is weighed against everything)
            total = everything if hidden[r.index] or not visible else visible
            protected = total and reason is not Reason.COOKIE_NOTICE and (
                (r.good >= share * total and reason is not Reason.FOOTER) or r.mark >= MARKER_SHARE * total
                or (r.heads and r.good >= HEADLINE_PROTECT_SHARE * (total - footers)))
            # a post's own parts (its content, its meta line) are named as comments too
            # the body of the article (most of the marked element's text, which holds most of the page's): a
            # theme's class word on it ("entry share") names what it holds, not what it is
            body = article[r.index]
            protected = protected or (total and body is not None and reason not in _NEVER_THE_BODY
                                      and body.good >= MARKER_SHARE * total and r.good >= BODY_SHARE * body.good)
            protected = protected or r.index in thread or (reason is Reason.COMMENTS and in_thread[r.parent.index])
            protected = protected or (r.rule.linked and r.name != "a" and r.links < TEASER_LINKS * r.chars)
            protected = protected or (r.rule.hides and _toggled_panel(r, prev))
            # a tab list holds labels: one whose text is paragraphs is an accordion with its panels
            protected = protected or (r.rule is TABLIST and r.good >= PROSE_SHARE * r.chars
                                      and r.links <= MAX_GOOD_LINKS * r.chars)
            r.dropped = None if protected or not options.enabled(reason.family) else r
        else:
            r.dropped = None
        if prev is not None and prev.dropped is prev and prev.name == "button" and r.dropped is None and r.good \
                and _opened_by(r, prev):
            for k in range(prev.index, r.index):  # the button and what it holds: the records between the two
                if records[k].dropped is prev:
                    records[k].dropped = None
    records[0].dropped = None
    for b in blocks:
        b.dropped_by = b.owner.dropped
    return [records[i] for i in sorted(outer)], [records[i] for i in sorted(posts)]


_WORDS = re.compile(r"[^\W_]+")


def _heading_anchors(blocks: list[Raw]) -> set[int]:
    """Indexes of the elements whose chrome-like id is their heading's text made a link target: documentation
    generators name a section "more-on-lists" for its heading "5.1. More on Lists", not for what it is."""
    out = set()
    for b in blocks:
        o = b.owner
        if o.name not in HEADINGS:
            continue
        for r in (o, o.parent, o.parent.parent if o.parent is not None else None):
            if r is None or r.rule is None or r.rule is ARTICLE or not r.rule.named or not r.names:
                continue
            ident, cls = r.names
            if not isinstance(ident, str) or (isinstance(cls, str) and any(CHROME_WORDS.search(w.lower())
                                                                         for w in cls.split())):
                continue  # no id, or the class says it (an id is weighed only without a class that does)
            slug = _WORDS.findall(ident.lower())
            words = _WORDS.findall(b.text.lower())
            n = len(slug)
            if n > 1 and any(words[i:i + n] == slug for i in range(len(words) - n + 1)):
                out.add(r.index)
    return out


#: The container is the ancestor of the best-scoring element (or itself) with the most paragraph text less
#: this weight times its other text (short lines, link text).
CLIMB_BAD_WEIGHT = 1.0
#: An element marked as the article scores this many times its paragraphs' worth.
MARKER_BONUS = 1.5
#: A block scores its holder from this many characters on, with at most this link share.
MIN_SCORE_CHARS = 25
MAX_SCORE_LINKS = 0.5
#: The container grows to the element marked as the article above it when it holds less than this share of
#: that element's paragraph text (and that element at most CAP_MAX_LINKS of link text).
CAP_SHARE = 0.5
#: A list or table in the element marked as the article joins the container with at most this link share.
CAP_MAX_LINKS = 0.3
#: Elements that hold paragraphs rather than being one: text directly inside one scores the element itself.
HOLDERS = frozenset({"div", "section", "article", "main", "body", "td", "th", "form", "center", "span", "font",
                     "#root", "html", "table", "tbody", "tr", "ul", "ol", "dl", "details", "fieldset", "figure"})


def choose_container(records: list[Rec], blocks: list[Raw], goods: list[int], thread: list[Rec] = (),
                     ) -> tuple[Rec, list[Rec], list[Rec]]:
    """The element holding the article, the other elements that hold more of it, and among those the cards of
    a listing (whose headlines are links, and stay). Sums must be of kept blocks.

    As readability does, every paragraph scores the element that holds it (and half that element's parent),
    so the element under which most paragraph text stands side by side wins, and lists of teasers, each in
    its own box, score little however much text they hold together.
    """
    children = _children(records)
    node, siblings = _region(records, blocks, children, thread)
    cards = _listing(node, siblings, children)
    if node is records[0]:
        return node, [], cards
    return node, siblings + cards, cards


def _region(records: list[Rec], blocks: list[Raw], children: dict[int, list[Rec]], thread: list[Rec],
            ) -> tuple[Rec, list[Rec]]:
    top = records[0]
    if not top.good:
        return top, []
    for b in blocks:
        if b.dropped_by is None and b.links <= MAX_SCORE_LINKS:
            text = b.text
            n = len(text)
            if n < MIN_SCORE_CHARS:
                continue
            g = (1.0 + text.count(",") + text.count("、") + text.count("，") + min(n / 100, 3.0)) * (1.0 - b.links)
            o = b.owner
            holder = o if o.name in HOLDERS or o.parent is None else o.parent
            holder.score += g
            if holder.parent is not None:
                holder.parent.score += g / 2
    for r in records:
        if r.score and r.chars:
            r.score *= 1.0 - min(1.0, r.links / r.chars)
            if r.rule is ARTICLE:  # the page says this is the article: trust it over a box of teasers
                r.score *= MARKER_BONUS
    best = max(records, key=_score_key)
    if best is top or not best.score:
        return top, []
    # the climb stops at the outermost element marked as the article (<article>, itemprop=articleBody, ...)
    # that holds the best element's text: above it stand the page's other stories, however wordy
    cap = None
    r = best
    while r is not None:
        if r.rule is ARTICLE and r.good >= MARKER_SHARE * best.good and not _one_of_many(r, children):
            cap = r
        r = r.parent
    node = best
    value = node.good - CLIMB_BAD_WEIGHT * (node.chars - node.good)
    r = node.parent
    while r is not None and node is not cap:
        v = r.good - CLIMB_BAD_WEIGHT * (r.chars - r.good)
        if v > value:
            node, value = r, v
        if r is cap:
            break
        r = r.parent
    # a page marked as the article whose paragraphs stand in many boxes (a product's or service's page of
    # sections): the container is the marked element when it holds most of that element's paragraphs
    if cap is not None and node.good < CAP_SHARE * cap.good and cap.links <= CAP_MAX_LINKS * cap.chars:
        node = cap
    if thread:  # a thread is the article: the container holds all of its posts, and nothing beside them
        lowest = thread[0]
        for post in thread:
            lowest = common(lowest, post)
        joint = common(node, lowest)  # the article a long comment thread follows stays in
        return (joint if joint is node and joint.name not in PAGE else lowest), []
    if node is top:
        return top, []
    if cap is not None and node is not cap:
        extra = _structures(node, cap, records)
    else:
        extra = _nearby_structures(node, records, children)
    unit, posts = _repeated_unit(node, children)
    if unit is not node:
        if unit is top:
            return top, []
        node = unit
    siblings = list(posts)
    threshold = SIBLING_SHARE * node.score
    for r in children[node.parent.index]:
        if r is not node and r.dropped is None and r.good and r not in posts:
            dense = r.links <= 0.25 * r.chars and r.good >= max(0.5 * r.chars, SIBLING_SHARE * node.good)
            if r.score >= threshold or dense:
                siblings.append(r)
    return node, siblings + [r for r in extra if r.parent is not node.parent or r not in siblings]


#: Structures the article holds besides its paragraphs: lists and tables of short items (a list of paragraphs
#: beside the text is a list of teasers), at most this share of their text paragraph text.
STRUCTURES = frozenset({"ul", "ol", "dl", "table", "pre"})
STRUCTURE_MAX_GOOD = 0.5


def _structures(node: Rec, cap: Rec, records: list[Rec]) -> list[Rec]:
    """The lists, tables and code in the element marked as the article, outside the container: a recipe's
    ingredients and steps, a review's specifications. Link lists (a table of contents, tags) stay out."""
    out = []
    for r in records[cap.index + 1:]:
        if r.depth <= cap.depth:
            break
        if (r.name in STRUCTURES and r.dropped is None and r.chars and r.links <= CAP_MAX_LINKS * r.chars
                and (r.name == "pre" or r.good <= STRUCTURE_MAX_GOOD * r.chars)):
            a = r.parent
            while a is not cap and a is not node and a.name not in STRUCTURES:
                a = a.parent
            if a is cap and r is not node:
                out.append(r)
    return out


#: Without an element marked as the article, the specification tables (rows of a name and a value), definition
#: lists and lists of short items in the largest element above the container with at most this many times its
#: text are the article's too: a product's specifications and features, in sections of their own beside its
#: description.
NEARBY_TEXT = 2.0


def _nearby_structures(node: Rec, records: list[Rec], children: dict[int, list[Rec]]) -> list[Rec]:
    top = node
    while (top.parent is not None and top.parent.name not in PAGE and top.parent.parent is not None
           and top.parent.chars <= NEARBY_TEXT * node.chars):
        top = top.parent
    if top is node:
        return []
    return [r for r in _structures(node, top, records) if r.name != "table" or _name_value_rows(r, children)]


def _name_value_rows(table: Rec, children: dict[int, list[Rec]]) -> bool:
    """Whether a table's rows each hold a name and a value (at most two cells: a row may hold a heading alone):
    a specification table, not a grid."""
    rows = []
    stack = list(children.get(table.index, ()))
    while stack:
        r = stack.pop()
        if r.name == "tr":
            rows.append(r)
        elif r.name in ("tbody", "thead", "tfoot"):
            stack.extend(children.get(r.index, ()))
    return len(rows) >= 2 and all(len(children.get(r.index, ())) <= 2 for r in rows)


#: A page whose article is small lists things: the largest set of at least this many elements of one kind side
#: by side (a listing's cards, a shop's products, a chart's rows), each short and with a link, with at least
#: this many times the article's paragraph text and at most this link share, is its content too, and so is
#: every other such set of the same kind (a category page's lists under each letter, in two sections).
LIST_MIN_ITEMS = 3
LIST_OVER_ARTICLE = 2.0
LIST_MAX_LINKS = 0.8
#: ... or, cards that are wholly links, this many characters each on average: a headline of several words (a
#: recipe's, a story's, a table's row of names), not a menu's one- or two-word labels.
LIST_LINKED_CARD = 40
#: A card is short: a longer element is a section of its own (a footer's, a review's).
LIST_MAX_CARD = 1000


def _listing(node: Rec, siblings: list[Rec], children: dict[int, list[Rec]]) -> list[Rec]:
    article = node.good + sum(r.good for r in siblings)
    groups, most = [], LIST_OVER_ARTICLE * article
    for kids in children.values():
        if len(kids) < LIST_MIN_ITEMS:
            continue
        kinds: dict[tuple[str, str], list[Rec]] = {}
        for r in kids:
            if r.dropped is None and r.links and r.chars <= LIST_MAX_CARD:  # a card links to what it lists
                kinds.setdefault(signature(r), []).append(r)
        for group in kinds.values():
            if len(group) >= LIST_MIN_ITEMS:
                chars = sum(r.chars for r in group)
                # a menu's items are short links; a card wholly a link holds a headline and its summary
                if chars > most and (sum(r.links for r in group) <= LIST_MAX_LINKS * chars
                                     or chars >= LIST_LINKED_CARD * len(group)):
                    groups.append((chars, group))
    if not groups:
        return []
    # a listing split into lists of one kind (by letter, by category) is listed whole
    top = max(groups, key=lambda x: x[0])[1]
    sig = signature(top[0])
    return [r for _, group in groups if signature(group[0]) == sig for r in group]


def _children(records: list[Rec]) -> dict[int, list[Rec]]:
    out: dict[int, list[Rec]] = {}
    get = out.get
    for r in records[1:]:
        p = r.parent.index
        kids = get(p)
        if kids is None:
            out[p] = [r]
        else:
            kids.append(r)
    return out


#: Repeated units (a thread's posts, a listing's cards, a page's sections) join the container when the other
#: units, each with paragraph text and little link text, hold this share of the container's unit's paragraphs.
REPEAT_SHARE = 0.3
#: ... each with at most this link share of its text (a teaser's headline is a link; a post's text is not).
REPEAT_MAX_LINKS = 0.3


def _repeated_unit(node: Rec, children: dict[int, list[Rec]]) -> tuple[Rec, list[Rec]]:
    """The container's thread: the lowest element, from the container up, whose parent holds more elements of
    its kind (same tag, same first class word) with paragraph text of their own, as a thread's posts, a
    documentation page's sections or a listing's cards stand side by side. The container unchanged if none."""
    unit = node
    while unit.parent is not None and unit.parent.parent is not None:
        sig = signature(unit)
        kin = [r for r in children[unit.parent.index]
               if r is not unit and r.dropped is None and r.chars and r.links <= REPEAT_MAX_LINKS * r.chars
               and signature(r) == sig]
        same = [r for r in kin if r.good]
        if same and sum(r.good for r in same) >= REPEAT_SHARE * unit.good:
            # the units are side by side: a short one (a one-line reply) is one of them too
            return unit, kin
        unit = unit.parent
    return node, []


def _one_of_many(r: Rec, children: dict[int, list[Rec]]) -> bool:
    """Whether an element marked as the article stands beside others of its kind marked so too, with text of
    their own: cards of a listing or a page's boxes, each an <article>, none of them the page's article."""
    sig = signature(r)
    return any(k is not r and k.rule is ARTICLE and k.good and signature(k) == sig
               for k in children[r.parent.index])


def _score_key(r: Rec):
    return r.score if r.dropped is None else -1.0


_TITLE_SPLIT = re.compile(r"\s+[|–—»·:-]\s+|\s+-\s+")


def head_title(root) -> str:
    """og:title, else <title> without the site's name."""
    head = root.find("head") if root is not None else None
    if head is None:
        return ""
    title = ""
    for el in head:
        name = el.tag
        if name == "meta" and el.get("property") in ("og:title", "twitter:title") and el.get("content"):
            return " ".join(el.get("content").split())
        if name == "title" and not title:
            title = " ".join("".join(el.itertext()).split())
    if title:
        parts = [p for p in _TITLE_SPLIT.split(title) if p.strip()]
        title = max(parts, key=len) if parts else title
    return title


def empty_heads(items: list, inside: list[bool]) -> None:
    """A heading of the article whose section holds nothing but a list of links to other stories, removed
    (a "More on this" over its teasers), heads that list: it goes with it. ``items`` are the page's blocks in
    order as (raw, block, removal), a removal set where the block goes; ``inside`` says which stand in the
    article's region (a removal outside it says nothing of the article's headings). One-word headings stay: an
    index's letters head its lists of links."""
    for i, (raw, blk, rem) in enumerate(items):
        if rem is not None or blk is None or blk.kind != "h" or len(blk.text.split()) < 2:
            continue
        related = other = 0
        j = i + 1
        while j < len(items) and items[j][2] is not None:
            if inside[j]:
                if items[j][2].reason is Reason.RELATED_LIST:
                    related += 1
                else:
                    other += 1
            j += 1
        if related and not other and (j >= len(items) or items[j][1].kind == "h"):
            items[i] = (raw, None, Removal(None, None, raw.text, Reason.RELATED_LIST,
                                           "heading over a removed list of links only", raw.owner.path()))


#: A section headed as other stories holds at most this share of the article's paragraph text.
RELATED_SECTION_SHARE = 0.5


#: A section under a related-list head read by its words (:mod:`clean.composed`), not listed in the phrase data,
#: goes only with at least this share of its text in links: other stories' teasers link to them.
READ_HEAD_LINKS = 0.3


def related_sections(items: list, records: list[Rec], container: Rec, phrases) -> None:
    """A section of the article whose heading names it as other stories ("Related articles", "Weitere
    Artikel": a whole-line or leading phrase of the related-list family) holds their teasers: every block of
    the element that opens with that heading goes with it. The element is the outermost one whose first block
    is the heading, below the article's container and holding less than half its paragraph text: a heading
    that opens the article itself, or that stands among its paragraphs, takes nothing with it."""
    first: dict[int, int] = {}
    for i, (raw, _, _) in enumerate(items):
        r = raw.owner if raw is not None else None
        while r is not None and r.index not in first:
            first[r.index] = i
            r = r.parent
    limit = RELATED_SECTION_SHARE * container.good
    for i, (raw, blk, rem) in enumerate(items):
        if rem is not None or blk is None or blk.kind != "h":
            continue
        head = phrases.match(blk.text, contains=False).get(Reason.RELATED_LIST, kinds=("whole", "head"))
        if not head:
            continue
        section = None
        r = raw.owner
        while r is not None and r is not container and first.get(r.index) == i and r.good < limit:
            section = r
            r = r.parent
        if r is not container and not _below(r, container):
            continue  # the section is not inside the article's container
        if section is None or section is raw.owner:
            continue
        if head.read and section.links < READ_HEAD_LINKS * section.chars:
            continue  # a head read by its words ("In other news") takes only a list of links: prose stays
        end = section.index + 1
        while end < len(records) and records[end].depth > section.depth:
            end += 1
        for j in range(i + 1, len(items)):
            raw_j, blk_j, rem_j = items[j]
            if raw_j is None or not section.index < raw_j.owner.index < end:
                break
            if rem_j is None:
                items[j] = (raw_j, None, Removal(None, None, raw_j.text, Reason.RELATED_LIST,
                                                 f"in a section headed '{blk.text[:40]}'", raw_j.owner.path()))


def _below(r: Rec | None, top: Rec) -> bool:
    while r is not None:
        if r is top:
            return True
        r = r.parent
    return False
