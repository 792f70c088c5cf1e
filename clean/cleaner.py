"""The Cleaner: the loaded resources (phrase data, langdetect profiles) and the two entry points.

Loading costs about a second, so a Cleaner is made once and reused: the module-level functions share one
made on first use (it is read-only after construction, so sharing it across threads is safe), and the batch
and Spark layers make one per worker.
"""

from __future__ import annotations

import functools

from .blocks import Block, join_lines, line_count, text_blocks
from .lang import LanguageIdentifier
from .options import Options
from .phrases import Phrasebook, load_phrasebook
from .pipeline import run
from .detectors.support import SupportModel
from .result import Removal, Result, judged


class Cleaner:
    """Holds what cleaning needs; ``clean_text``/``clean_html`` never modify it."""

    def __init__(self, phrases: Phrasebook | None = None, langid: LanguageIdentifier | None = None,
                 support: SupportModel | None = None):
        self.phrases = phrases if phrases is not None else load_phrasebook()
        self.langid = langid if langid is not None else LanguageIdentifier()
        self.support = support if support is not None else SupportModel.load()

    def clean_text(self, text: str, options: Options | None = None) -> Result:
        """Clean plain text: every output line is an input line, verbatim."""
        if not isinstance(text, str):
            raise TypeError(f"clean_text takes str, not {type(text).__name__}")
        options = options or Options()
        if len(text) > options.max_chars:
            return Result(text, None, skipped=options.too_long(len(text)))
        lines = line_count(text)
        if lines > options.max_lines:
            return Result(text, None, skipped=options.too_many_lines(lines))
        blocks = text_blocks(text)
        kept, removals, language = run(blocks, options, self.phrases, self.langid, self.support)
        trailing = text.endswith(("\n", "\r"))
        return _result(join_lines(kept, trailing), language, blocks, removals)

    def clean_html(self, html, options: Options | None = None) -> Result:
        """Clean an HTML page: ``str``, ``bytes`` (decoded as browsers do), or the tree a scraper already holds
        (a beautifulsoup4 ``BeautifulSoup`` or ``Tag``, an lxml element)."""
        from .html import as_page, clean_html  # the HTML front end; imported on first use

        options = options or Options()
        html = as_page(html)
        if isinstance(html, (str, bytes, bytearray, memoryview)) and len(html) > options.max_chars:
            return Result("", None, skipped=options.too_long(len(html)))
        return clean_html(self, html, options)


def _result(text: str, language: str | None, blocks: list[Block], removals: list[Removal | None]) -> Result:
    return Result(text, language, tuple(filter(None, removals)),  # a Removal is always true
                  judged([b.text for b in blocks], removals))


@functools.lru_cache(maxsize=1)
def default_cleaner() -> Cleaner:
    """The shared Cleaner of the module-level functions, built on first use."""
    return Cleaner()
