"""The HTML front end: decode, parse once, walk once, choose the article, then the same pipeline as plain text.

1. Bytes are decoded as browsers do (:mod:`.decode`); ``str`` passes through. A tree the caller already holds
   is taken as it is: an lxml element is walked directly; a beautifulsoup4 ``BeautifulSoup`` or ``Tag`` is
   turned back into its markup (its own tree has no fast walk) and parsed as a page would be, so either gives
   what the page's text gives.
2. lxml's HTML parser (libxml2, the parser beautifulsoup4's "lxml" builder drives) parses it, once, straight
   into lxml's own tree: building a BeautifulSoup tree on top costs ten times the parse and nothing here needs it.
3. One walk (:mod:`.walk`) cuts the page's visible text into blocks and records every block-level
   element with the rule its tag, class, id, role or aria attributes match (:mod:`.rules`).
4. From bottom-up sums (:mod:`.select`): chrome elements are dropped unless they hold most of the page's
   paragraph text or the element marked as the article; then every paragraph scores the element holding it
   (as readability does), and the container is the ancestor of the best-scoring element with the most
   paragraph text net of other text, never above the outermost article marker holding it (but the marker
   itself when the container holds less than half its paragraphs: a page of sections); siblings rich in
   paragraphs join it, and so do lead paragraphs between the title and it. The region is more than one
   element: the container's repeated units (a thread's posts, a page's sections, side by side, of one tag and
   class), the lists, tables and code in the article marker, and on a page whose article is small, its largest
   set of short linked cards (a listing; their headline links stay). A forum's posts named as comments, a
   section whose id is its heading's words, a tab's hidden panel, a hidden panel of paragraphs (an FAQ's answer)
   in the article or under its toggle, and a <noscript> holding most of the page
   (a thread served to crawlers) are content; a thread's container holds all its posts (:mod:`.thread`), and
   the heading over its replies ("Comments") goes, as it starts no comment section there.
5. The container's blocks, title first, run through :func:`clean.pipeline.run`, so notices and teasers inside
   the body go as they do in plain text (pattern detectors first, then the whole pipeline on what is left, to
   its fixpoint: the output cleaned again as text stays as it is). Every block outside is a
   :class:`~clean.result.Removal` too, with the element's short path and the rule that dropped it.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ..blocks import Block, join_lines
from ..options import TAGS_PER_LINE, Options
from ..pipeline import Memo, run
from ..reasons import Family, Reason
from ..result import Removal, Result, judged
from .decode import decode_html
from .select import (accumulate, choose_container, empty_heads, good_sizes, head_title, hidden_panels,
                     related_sections, resolve_drops)
from .thread import thread_headings
from .rules import BLOCK, HEADINGS, SKIP
from .stream import has_streamed, may_stream, place_streamed
from .walk import Raw, Rec, TooManyBlocks, walk

__all__ = ["as_page", "clean_html", "decode_html", "parse"]

#: A block of the article whose text is mostly link text points elsewhere ("Read more: ...", a list of
#: other stories): it goes. Article paragraphs link a few words at most.
LINK_BLOCK_SHARE = 0.7
#: Headings that are links and head paragraph text are a listing's headlines (or a page's sections, each linked to
#: its own page) when the article has this many, and no fewer than headings of its own; one or two, or a few
#: among an article's own subheadings, are teasers for other stories set into its text.
LINKED_HEADS = 3
#: The lead stands within this many blocks after the title (byline, date, share bar, picture between).
LEAD_MAX_BLOCKS = 8
#: A title longer than this is not a title.
MAX_TITLE_CHARS = 300


def parse(html: str | bytes):
    """The page's root element (None for a page with no elements). ``str`` is handed to libxml2 as UTF-8 with
    the encoding forced, so a ``<meta charset>`` inside an already decoded page cannot re-decode it. A parser
    is made per call (about a microsecond): lxml parsers must not be shared between threads."""
    if not isinstance(html, str):
        html = decode_html(html)
    data = html.encode("utf-8", "replace")
    root, parser = _parse(data)
    log = parser.error_log
    if log and log.last_error.type_name == "ERR_RESOURCE_LIMIT":
        # libxml2 stops at MAX_DEPTH open elements and drops the rest of the page; such nesting is a broken
        # page, not layout, so its text is kept from a flattened copy: block tags become paragraph breaks
        root, _ = _parse(_FLATTEN.sub(_flat_tag, data))
    if root is not None and may_stream(html):
        place_streamed(root)
    return root


#: libxml2 nests at most 2048 elements deep with its huge-tree option (256 without: too few for real pages).
_FLATTEN = re.compile(rb"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*>")
_FLAT_BLOCKS = frozenset(t.encode() for t in BLOCK) | {b"br"}
_FLAT_KEEP = frozenset(t.encode() for t in SKIP) | {b"a"}


def _flat_tag(m: re.Match) -> bytes:
    name = m.group(2).lower()
    if name in _FLAT_KEEP:  # scripts stay skipped, links stay links
        return m.group(0)
    return b"<p>" if name in _FLAT_BLOCKS else b" "


def _parse(data: bytes):
    # collect_ids=False: no table of the page's id attributes (nothing here looks an element up by its id)
    parser = etree.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True,
                              huge_tree=True, collect_ids=False)
    try:
        return etree.fromstring(data, parser), parser
    except (etree.LxmlError, ValueError):  # libxml2 gives up only on input with no markup it can use
        return None, parser


def as_page(html):
    """``html`` as :func:`clean_html` takes it: ``str``, ``bytes``, or an lxml element of an HTML tree; a
    beautifulsoup4 tree becomes its markup (``str``), an lxml element tree its root element."""
    if isinstance(html, (str, bytes, bytearray, memoryview)):
        return html
    if isinstance(html, etree._ElementTree):
        html = html.getroot()
    if isinstance(html, etree._Element):
        tag = html.tag
        if isinstance(tag, str) and not tag.startswith("{"):
            return html
        # an XML tree (XHTML's namespace, or a comment) is read as the HTML page it would serialise to
        return etree.tostring(html, encoding="unicode", method="html", with_tail=False)
    if type(html).__module__.startswith("bs4"):
        from bs4.element import Tag  # beautifulsoup4 only when the caller holds its tree

        if isinstance(html, Tag):
            return html.decode()
    raise TypeError(f"clean_html takes str, bytes, a BeautifulSoup tree or an lxml element, "
                    f"not {type(html).__name__}")


def clean_html(cleaner, html, options: Options) -> Result:
    """Clean one HTML page (anything :func:`as_page` takes): see the module docstring."""
    html = as_page(html)
    if isinstance(html, etree._Element):
        root = html
        if has_streamed(root):  # the caller's tree stays as it is
            root = copy.deepcopy(root)
            place_streamed(root)
    else:
        tags = html.count("<" if isinstance(html, str) else b"<")
        if tags > TAGS_PER_LINE * options.max_lines:
            return Result("", None, skipped=options.too_many_lines(tags, "tags"))
        root = parse(html)
    try:
        records, raws = walk(root, options.max_lines)
    except TooManyBlocks:
        return Result("", None, skipped=options.too_many_lines(options.max_lines + 1, "blocks or more"))
    head = head_title(root)
    del root, html  # the tree is walked: what follows needs only the records (the caller's objects live on)
    goods = good_sizes(raws)
    thread, posts = resolve_drops(records, raws, goods, options)
    accumulate(records, raws, goods, kept_only=True)
    chrome = options.enabled(Family.CHROME)
    if chrome:
        container, siblings, cards = choose_container(records, raws, goods, thread)
    else:
        container, siblings, cards = records[0], [], []
    where = container.path()
    within = _subtrees(records, (container, *siblings))
    if chrome:
        for b in hidden_panels(raws, goods, within):
            b.dropped_by = None
    in_article = [b.dropped_by is None and within[b.owner.index] for b in raws]
    listed = _subtrees(records, cards)  # a listing's cards: their headlines are links, and are its content

    title_raw, title = _title(head, raws, in_article)
    if title_raw is not None and chrome:
        _take_lead(raws, goods, in_article, title_raw)
    heads = thread_headings(records, raws, thread, posts) if chrome else [False] * len(raws)
    items: list[tuple[Raw | None, Block, Removal | None]] = []  # every block in document order
    if title and options.include_title:
        items.append((title_raw, Block(title, kind="title", path=title_raw.owner.path() if title_raw else "title"),
                      None))
    heads_text = _linked_heads(raws, goods, in_article) if chrome else [False] * len(raws)
    for i, (b, keep, head) in enumerate(zip(raws, in_article, heads)):
        if b is title_raw:
            continue
        if b.dropped_by is not None:
            d = b.dropped_by
            items.append((b, None, Removal(None, None, b.text, d.rule[0], d.rule[1], d.path())))
        elif not keep:
            items.append((b, None, Removal(None, None, b.text, Reason.OUTSIDE_ARTICLE,
                                           f"outside the article's element {where}", b.owner.path())))
        elif head and keep:
            items.append((b, None, Removal(None, None, b.text, Reason.COMMENTS,
                                           "heading of a thread's replies: the thread is the article", b.owner.path())))
        elif b.links >= LINK_BLOCK_SHARE and chrome and not listed[b.owner.index] and not heads_text[i]:
            items.append((b, None, Removal(None, None, b.text, Reason.RELATED_LIST,
                                           f"{b.links:.0%} of its text is link text", b.owner.path())))
        else:
            items.append((b, _block(b), None))

    if chrome and not any(rem is None and blk.kind != "title" for _, blk, rem in items):
        items = _unstructured(items)
    if chrome:
        related_sections(items, records, container, cleaner.phrases)
        empty_heads(items, [b is not None and within[b.owner.index] for b, _, _ in items])
    article = _gaps([blk for _, blk, rem in items if rem is None])
    verdicts, kept, language = _judge(article, options, cleaner)
    judged_rem = iter(verdicts)
    texts: list[str] = []
    every: list[Removal | None] = []
    for raw, blk, rem in items:
        texts.append(blk.text if blk is not None else raw.text)
        every.append(rem if rem is not None else next(judged_rem))
    removals = tuple(rem for rem in every if rem is not None)
    return Result(join_lines(kept, False), language, removals, judged(texts, every))


def _subtrees(records: list[Rec], tops) -> list[bool]:
    """For each record, whether it is one of ``tops`` or inside one. Records come in document order, parents
    first, so an element's descendants are the records after it that stand deeper, up to the next that does
    not: only the marked elements are visited."""
    out = [False] * len(records)
    n = len(records)
    for top in tops:
        i, depth = top.index, top.depth
        out[i] = True
        i += 1
        while i < n and records[i].depth > depth:
            out[i] = True
            i += 1
    return out


def _block(raw: Raw) -> Block:
    """The block the text pipeline judges for a block of the walk (kept, or read again as plain text)."""
    return Block(raw.text, kind=raw.kind, gap_before=raw.gap, path=raw.owner.path(), link_density=round(raw.links, 3))


def _unstructured(items: list[tuple]) -> list[tuple]:
    """The page read as plain text, when its structure leaves nothing of it: broken markup that puts the whole
    page inside a footer, or a product grid inside a "skip to products" wrapper. Only what is never text (a
    hidden element, a script) stays out; the text pipeline judges the rest line by line, as it would the
    page's plain text, so a page is never emptied on the word of its markup alone."""
    out = []
    for raw, blk, rem in items:
        if rem is not None and raw is not None and rem.reason is not Reason.NON_CONTENT:
            blk, rem = _block(raw), None
        out.append((raw, blk, rem))
    return out


def _judge(article: list[Block], options: Options, cleaner,
           ) -> tuple[list[Removal | None], list[Block], str | None]:
    """The plain-text pipeline on the article's blocks, in two stages. First without the context pass (which
    is part of the chrome family): notices, banners, teasers and comment heads go. Then the whole pipeline on
    what is left, so the context pass judges the article as it reads without them, as it will when the output
    is cleaned again as text (a subheading after a removed teaser is not "next to a removed line"). The second
    stage runs to its fixpoint, which keeps the output idempotent."""
    if not options.enabled(Family.CHROME):
        kept, verdicts, language = run(article, options, cleaner.phrases, cleaner.langid, cleaner.support)
        return verdicts, kept, language
    first = Options(mode=options.mode, disable=options.disable | {Family.CHROME}, include_title=options.include_title)
    memo = Memo()  # the second stage reads the same lines: what they are alone is found once
    survivors, verdicts, _ = run(article, first, cleaner.phrases, cleaner.langid, cleaner.support, memo)
    kept, second, language = run(survivors, options, cleaner.phrases, cleaner.langid, cleaner.support, memo)
    later = iter(second)
    return [v if v is not None else next(later) for v in verdicts], kept, language


def _linked_heads(raws: list[Raw], goods: list[int], in_article: list[bool]) -> list[bool]:
    """For each block, whether it is a heading that is a link and heads paragraph text of the article (a
    listing's headline over its summary, a section linked to its own page): the text under it says it is not a
    teaser's headline in a list of other stories."""
    out = [False] * len(raws)
    under = False  # paragraph text stands below, before the next heading
    plain = 0  # the article's own headings, not links
    for i in range(len(raws) - 1, -1, -1):
        b = raws[i]
        if not in_article[i] or b.dropped_by is not None:
            continue
        if b.owner.name in HEADINGS:
            out[i] = under and b.links >= LINK_BLOCK_SHARE
            plain += b.links < LINK_BLOCK_SHARE
            under = False
        elif goods[i]:
            under = True
    linked = sum(out)
    return out if linked >= LINKED_HEADS and linked >= plain else [False] * len(raws)


def _take_lead(raws: list[Raw], goods: list[int], in_article: list[bool], title: Raw) -> None:
    """Paragraphs between the title and the article's container are its lead (standfirst, summary): news
    pages put them in the headline's box, apart from the body. Only paragraph text is taken; a byline or
    date there stays out."""
    start = next((i for i, k in enumerate(in_article) if k), None)
    t = next((i for i, b in enumerate(raws) if b is title), None)
    if start is None or t is None or t >= start or start - t > LEAD_MAX_BLOCKS:
        return  # far from the title, paragraphs are teasers of other stories
    for i in range(t + 1, start):
        if goods[i] and raws[i].dropped_by is None:
            in_article[i] = True


def _title(head: str, raws: list[Raw], in_article: list[bool]) -> tuple[Raw | None, str]:
    """The article's title: its first <h1>, else the last <h1> before it, else og:title or <title>. Found
    whether or not the output includes it, so that leaving it out also leaves out its <h1> (not a removal:
    an output option, not a judgement)."""
    first = next((i for i, k in enumerate(in_article) if k), None)
    if first is not None:
        for i in range(first, len(raws)):
            b = raws[i]
            if in_article[i] and b.owner.name == "h1" and len(b.text) <= MAX_TITLE_CHARS:
                return b, b.text
        for i in range(first - 1, -1, -1):
            b = raws[i]
            if b.owner.name == "h1" and b.dropped_by is None and len(b.text) <= MAX_TITLE_CHARS:
                return b, b.text
    return None, head[:MAX_TITLE_CHARS] if head else ""


def _gaps(blocks: list[Block]) -> list[Block]:
    """Paragraph breaks between the article's blocks: none before the first, none between items of one list or
    rows of one table (or lines a <br> separates), one everywhere else."""
    out: list[Block] = []
    prev = None
    for b in blocks:
        gap = bool(out) and b.gap_before and not (prev is not None and b.kind == prev.kind and b.kind in ("li", "row"))
        if gap != b.gap_before:
            b = Block(b.text, b.start, b.end, b.kind, gap, b.path, b.link_density)
        out.append(b)
        prev = b
    if out and out[0].kind == "title" and len(out) > 1 and not out[1].gap_before:
        out[1] = Block(out[1].text, out[1].start, out[1].end, out[1].kind, True, out[1].path, out[1].link_density)
    return out
