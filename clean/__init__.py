"""clean: the article's own text out of a scraped page, with every removal explained.

>>> import clean
>>> result = clean.clean_text(open("page.txt").read())
>>> result.text            # the clean text
>>> result.removals        # what went, where, and why (a Reason and a detail)
"""

from __future__ import annotations

from .cleaner import Cleaner, default_cleaner
from .options import DEFAULT_MAX_CHARS, Mode, Options
from .reasons import Family, Reason
from .result import Removal, Result

__all__ = ["Cleaner", "Family", "Mode", "Options", "Reason", "Removal", "Result", "clean_html", "clean_text"]
__version__ = "0.1.0"


def clean_text(text: str, *, mode: Mode | str = Mode.THOROUGH, disable=(), max_chars: int = DEFAULT_MAX_CHARS,
               cleaner: Cleaner | None = None) -> Result:
    """Clean a plain-text article. ``mode`` is ``"precise"`` or ``"thorough"``; ``disable`` names detector
    families to leave alone (``"translation"``, ``"language"``, ``"promo"``, ``"comments"``, ``"chrome"``; one
    name or several). A text longer than ``max_chars`` comes back unchanged, ``Result.skipped`` saying why."""
    return (cleaner or default_cleaner()).clean_text(text, Options(mode=mode, disable=disable, max_chars=max_chars))


def clean_html(html, *, mode: Mode | str = Mode.THOROUGH, disable=(), include_title: bool = True,
               max_chars: int = DEFAULT_MAX_CHARS, cleaner: Cleaner | None = None) -> Result:
    """Clean an HTML page: ``str``, ``bytes`` (decoded as browsers do: BOM, then meta charset, then a careful
    fallback), or the tree a scraper already holds (a beautifulsoup4 ``BeautifulSoup`` or ``Tag``, an lxml
    element), which gives what the page's text gives. Same options as :func:`clean_text`; ``include_title`` puts the page's title first."""
    options = Options(mode=mode, disable=disable, include_title=include_title, max_chars=max_chars)
    return (cleaner or default_cleaner()).clean_html(html, options)
