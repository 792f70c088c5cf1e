"""The one walk over the parsed tree: records for block-level and rule-bearing elements, and the page's text
cut into blocks.

The walk is lxml's ``iterwalk`` (start and end events, in C, no recursion), so no depth of nesting can exhaust
Python's recursion limit, and subtrees that are never text (scripts, hidden elements) are skipped without being
visited. Each element costs constant work: tag names are looked up in sets, attributes are classified with one
cached regular-expression search (:mod:`.rules`), and text is appended to the current block. Nothing is
decided here that needs the whole page; :mod:`.select` does that afterwards from the records' bottom-up sums.
"""

from __future__ import annotations

from lxml import etree

from .rules import _FRONT_KEYS, ARTICLE, BLOCK, CELLS, KINDS, SKIP, TAG_TABLES, Rules

#: Elements whose text is one paragraph-like unit: an inline element inside them is never cut out of it.
TEXT_OWNERS = frozenset({"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dd", "dt", "blockquote", "pre",
                         "figcaption", "caption", "td", "th", "tr", "label", "summary", "address"})


#: Elements that are the whole page: no class or id of theirs makes them chrome or the article.
PAGE = frozenset({"html", "body"})


class TooManyBlocks(Exception):
    """The page has more blocks (or elements of interest) than the walk was allowed to collect."""


class Rec:
    """One element of interest: block-level, or carrying a rule. Sums are filled in by :mod:`.select`
    (:func:`~.select.accumulate` first).
    ``names`` is the element's (id, class) when it has attributes: all that is kept of them, so that the parsed
    tree can be freed once walked."""

    __slots__ = ("parent", "name", "names", "rule", "cand", "index", "dropped", "good", "chars", "links",
                 "score", "mark", "heads", "depth", "_path", "_sel")

    def __init__(self, parent, name, names, rule, index):
        self.parent = parent
        self.name = name
        self.names = names
        self.rule = rule
        self.cand = self if rule is not None and rule is not ARTICLE else (parent.cand if parent else None)
        self.index = index
        self.depth = parent.depth + 1 if parent is not None else 0
        self.dropped = None
        self.score = 0
        self._path = self._sel = None
        # good, chars, links, mark and heads: the sums :func:`.select.accumulate` sets before any reads them

    def selector(self) -> str:
        if self._sel is None:
            self._sel = self._selector()
        return self._sel

    def _selector(self) -> str:
        if self.names:
            ident, cls = self.names
            if ident and ident.strip():
                return f"{self.name}#{ident.split()[0]}"
            if cls and cls.split():
                return f"{self.name}.{cls.split()[0]}"
        return self.name

    def path(self, depth: int = 3) -> str:
        """A short CSS-like path: this element and up to ``depth - 1`` ancestors, stopping at one with an id."""
        if self._path is None:
            parts, r = [], self
            while r is not None and r.name not in ("#root", "html") and len(parts) < depth:
                sel = r.selector()
                parts.append(sel)
                if "#" in sel:
                    break
                r = r.parent
            self._path = " > ".join(reversed(parts)) or "html"
        return self._path


class Raw:
    """A block as the walk cut it: text (white space collapsed), the element that owns it, link characters."""

    __slots__ = ("text", "owner", "links", "gap", "kind", "dropped_by")

    def __init__(self, text, owner, links, gap, kind):
        self.text = text
        self.owner = owner
        self.links = links
        self.gap = gap
        self.kind = kind
        self.dropped_by = None


_SKIPPED = object()  # frame of an element whose subtree was not visited
_LINK = object()  # frame of an <a>; a recorded element's frame is the owner before it, any other's None

# What a tag is to the walk, found with one look-up: negative for what is never a block of its own (a skipped
# subtree, a line break, a rule), else how it takes part; a tag not listed is inline.
_SKIP_TAG, _BR, _HR = -3, -2, -1
_INLINE, _A, _BLOCK, _CELL, _PRE, _PAGE = 0, 1, 2, 3, 4, 5
_TAG_KINDS = {**{t: _BLOCK for t in BLOCK}, **{t: _CELL for t in CELLS}, "pre": _PRE,
              **{t: _PAGE for t in PAGE}, "a": _A, **{t: _SKIP_TAG for t in SKIP}, "br": _BR, "hr": _HR}


def _cut(buf: list[str], owner: Rec, link_len: int, raw_len: int, gap: bool, in_pre: bool, blocks: list[Raw],
         limit: int) -> None:
    """The pending text (``buf``, holding a character that is not white space) as blocks of ``owner``: one, or
    in a <pre> one per line; the first with ``gap``."""
    joined = "".join(buf)
    share = min(1.0, link_len / raw_len) if raw_len else 0.0
    kind = KINDS.get(owner.name, "p")
    for line in (joined.split("\n") if in_pre else (joined,)):
        line = " ".join(line.split())
        if line:
            if len(blocks) >= limit:
                raise TooManyBlocks()
            blocks.append(Raw(line, owner, share, gap, kind))
            gap = False


def walk(root, limit: int) -> tuple[list[Rec], list[Raw]]:
    """Records (document order, parents first) and blocks (document order) of the tree under ``root``
    (an lxml element, or None for an empty page). More than ``limit`` of either raises :class:`TooManyBlocks`.

    The text of the block being read is in ``buf``; ``solid`` says it holds a character that is not white space
    (only then can it make a block). Where a block ends, that text becomes blocks (:func:`_cut`) and ``gap``
    says whether the next stands after a paragraph break: always, except after a <br> that ended a line (a
    second <br>, with no text between, makes one)."""
    top = Rec(None, "#root", None, None, 0)
    records = [top]
    blocks: list[Raw] = []
    if root is None:
        return records, blocks
    buf: list[str] = []
    link_len = raw_len = 0
    solid = False
    owner = rec = top
    in_link = in_article = in_pre = 0
    gap = True
    frames: list = []
    push, pop = frames.append, frames.pop
    rules = Rules()  # this page's
    classify, named = rules.classify, rules.named
    tags_out, tags_in = TAG_TABLES[False], TAG_TABLES[True]
    tag_kind = _TAG_KINDS.get
    front_keys = _FRONT_KEYS.isdisjoint
    events = etree.iterwalk(root, events=("start", "end", "comment", "pi"))
    skip = events.skip_subtree
    for event, el in events:
        if event == "end":
            frame = pop()
            if frame is _LINK:
                in_link -= 1
            elif frame is not None and frame is not _SKIPPED:
                if rec is owner:
                    if solid:
                        _cut(buf, owner, link_len, raw_len, gap, in_pre > 0, blocks, limit)
                        solid = False
                    gap = True
                    if buf:
                        buf.clear()
                        link_len = raw_len = 0
                else:
                    buf.append(" ")
                    raw_len += 1
                # the frame of a recorded element is the owner before it; the rest is the record's own
                if rec.rule is ARTICLE:
                    in_article -= 1
                if rec.name == "pre":
                    in_pre -= 1
                rec, owner = rec.parent, frame
            text = el.tail if el is not root else None  # a subtree's tail is its parent's text
        elif event != "start":  # a comment or processing instruction (a caller's tree has them): its tail is text
            text = el.tail
        else:
            name = el.tag
            what = tag_kind(name)
            if what is None:
                if type(name) is not str:  # a comment, processing instruction or entity of a caller's tree
                    push(_SKIPPED)
                    skip()
                    continue
                what = _INLINE
            elif what < 0:
                if what == _SKIP_TAG:  # scripts, media: never text
                    push(_SKIPPED)
                    skip()
                    continue
                if solid:
                    _cut(buf, owner, link_len, raw_len, gap, in_pre > 0, blocks, limit)
                    solid = False
                    gap = what != _BR  # after a <br> that ends a line, the next follows on its own line
                else:
                    gap = True
                if buf:
                    buf.clear()
                    link_len = raw_len = 0
                push(None)
                continue
            keys = el.keys()
            if keys:
                # (a list of a few names: looking a name up in it costs less than asking the element)
                cls = el.get("class") if "class" in keys else None
                ident = el.get("id") if "id" in keys else None
                if what == _PAGE:  # the page's own classes are its state ("menu-pinned", "single-post"), not a part
                    rule = None
                elif not front_keys(keys):
                    rule = classify(name, el.attrib, in_article > 0)
                else:
                    rule = named(name, cls, ident, in_article > 0)
            else:
                rule = None if what == _PAGE else (tags_in if in_article else tags_out).get(name)
            is_block = what >= _BLOCK
            frame = None
            if rule is not None and not is_block:
                if owner.name in TEXT_OWNERS:  # inside a paragraph: hidden text goes, other rules are ignored
                    if rule is not ARTICLE and rule.hides:
                        push(_SKIPPED)
                        skip()
                        continue
                    rule = None
                else:
                    is_block = True
            if is_block:
                if len(records) > limit:
                    raise TooManyBlocks()
                new = Rec(rec, name, (ident, cls) if keys else None, rule, len(records))
                records.append(new)
                frame = owner
                rec = new
                if what == _CELL and rule is None:
                    buf.append(" ")
                    raw_len += 1
                else:
                    if solid:
                        _cut(buf, owner, link_len, raw_len, gap, in_pre > 0, blocks, limit)
                        solid = False
                    gap = True
                    if buf:
                        buf.clear()
                        link_len = raw_len = 0
                    owner = new
                if rule is ARTICLE:
                    in_article += 1
                if what == _PRE:
                    in_pre += 1
            elif what == _A:
                in_link += 1
                frame = _LINK
            push(frame)
            text = el.text
        if text:
            buf.append(text)
            # the link share is of the text, not of the markup's indentation (which re-serialising changes)
            if text.isspace():
                size = 1
            else:
                size = len(text)
                solid = True
            raw_len += size
            if in_link:
                link_len += size
    if solid:
        _cut(buf, owner, link_len, raw_len, gap, in_pre > 0, blocks, limit)
    return records, blocks
