"""The HTML front end: decode, parse once, walk once, choose the article, then the same pipeline as plain text.

1. Bytes are decoded as browsers do (:mod:`.decode`); ``str`` passes through.
2. ``BeautifulSoup(html, "lxml")`` parses it, once.
3. One iterative walk (:mod:`.walk`) cuts the page's visible text into blocks and records every block-level
   element with the rule its tag, class, id, role or aria attributes match (:mod:`.rules`).
4. From bottom-up sums (:mod:`.select`): chrome elements are dropped unless they hold most of the page's
   paragraph text, then the article's container is the deepest element holding most of what is left (or the
   element marked as the article, when it holds most), with paragraph-rich siblings.
5. The container's blocks, title first, run through :func:`clean.pipeline.run`, so notices and teasers inside
   the body go as they do in plain text. Every block outside is a :class:`~clean.result.Removal` too.
"""

from __future__ import annotations

import warnings

from bs4 import BeautifulSoup

from ..blocks import Block, join_lines
from ..options import Options
from ..pipeline import run
from ..reasons import Family, Reason
from ..result import Judged, Removal, Result
from .decode import decode_html
from .select import choose_container, accumulate, good_sizes, head_title, inside, resolve_drops
from .walk import Raw, walk

try:  # bs4 warns about XML-looking and file-name-looking input; neither matters here
    from bs4 import MarkupResemblesLocatorWarning, XMLParsedAsHTMLWarning

    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)
    warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)
except ImportError:  # pragma: no cover
    pass

__all__ = ["clean_html", "decode_html", "parse"]

#: A title longer than this is not a title.
MAX_TITLE_CHARS = 300


def parse(html: str | bytes) -> BeautifulSoup:
    if not isinstance(html, str):
        html = decode_html(html)
    if "\x00" in html:
        html = html.replace("\x00", "\ufffd")
    return BeautifulSoup(html, "lxml")


def clean_html(cleaner, html: str | bytes, options: Options) -> Result:
    """Clean one HTML page: see the module docstring."""
    if not isinstance(html, (str, bytes, bytearray, memoryview)):
        raise TypeError(f"clean_html takes str or bytes, not {type(html).__name__}")
    soup = parse(html)
    records, raws = walk(soup)
    goods = good_sizes(raws)
    resolve_drops(records, raws, goods, options)
    accumulate(records, raws, goods, kept_only=True)
    if options.enabled(Family.CHROME):
        container, siblings = choose_container(records, raws, goods)
    else:
        container, siblings = records[0], []
    ids = {container.index, *(s.index for s in siblings)}
    whole = container.index == 0
    where = container.path()
    in_article = [b.dropped_by is None and (whole or inside(b.owner, ids)) for b in raws]

    title_raw, title = _title(soup, raws, in_article, options)
    items: list[tuple[Raw | None, Block, Removal | None]] = []  # every block in document order
    if title:
        items.append((title_raw, Block(title, kind="title", path=title_raw.owner.path() if title_raw else "title"),
                      None))
    for b, keep in zip(raws, in_article):
        if b is title_raw:
            continue
        if b.dropped_by is not None:
            d = b.dropped_by
            items.append((b, None, Removal(None, None, b.text, d.rule[0], d.rule[1], d.path())))
        elif not keep:
            items.append((b, None, Removal(None, None, b.text, Reason.OUTSIDE_ARTICLE,
                                           f"outside the article's element {where}", b.owner.path())))
        else:
            items.append((b, Block(b.text, kind=b.kind, gap_before=b.gap, path=b.owner.path(),
                                   link_density=round(b.links, 3)), None))

    article = [blk for _, blk, rem in items if rem is None]
    article = _gaps(article)
    kept, verdicts, language = run(article, options, cleaner.phrases, cleaner.langid)
    judged_rem = iter(verdicts)
    removals: list[Removal] = []
    judged: list[Judged] = []
    for raw, blk, rem in items:
        if rem is None:
            rem = next(judged_rem)
        judged.append(Judged(blk.text if blk is not None else raw.text, rem))
        if rem is not None:
            removals.append(rem)
    return Result(join_lines(kept, False), language, tuple(removals), tuple(judged))


def _title(soup, raws: list[Raw], in_article: list[bool], options: Options) -> tuple[Raw | None, str]:
    """The article's title: its first <h1>, else the last <h1> before it, else og:title or <title>."""
    if not options.include_title:
        return None, ""
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
    text = head_title(soup)
    return None, text[:MAX_TITLE_CHARS] if text else ""


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
