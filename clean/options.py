"""Options: which detector families run, and how hard they judge (precise or thorough)."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from .reasons import Family


class Mode(str, enum.Enum):
    """Both settings run every detector. ``precise`` lets short lines inside the article's run of text cost less
    and keeps runs of up to four of them (subheadings, a short list), so it keeps more when in doubt;
    ``thorough`` removes such runs from three lines on. The figures in the README are measured on ``thorough``,
    the default."""

    PRECISE = "precise"
    THOROUGH = "thorough"


@dataclass(frozen=True)
class Thresholds:
    """The numbers the context pass decides by; one named field each, two presets below."""

    good_min_chars: int = 70  #: a line this long that reads like sentences is article text
    good_min_words: int = 10
    good_min_stopword_ratio: float = 0.18  #: function-word share a sentence-like line has (when a stoplist exists)
    relative_stopword_ratio: float = 0.5  #: ... or this share of the document's median long line, if lower
    long_chars: int = 200  #: a line this long counts as article text whatever else it looks like
    near_min_words: int = 5  #: shorter sentence-like lines: article text only next to article text
    span_short_penalty: float = 35.0  #: cost, in characters of article text, of one short line inside the span
    span_bad_penalty: float = 80.0  #: cost of one line a detector already judged boilerplate
    span_entry_cost: float = 300.0  #: a further run of text must outweigh this (characters) to count as article
    short_needs_both_sides: bool = True  #: a short line inside the article stays only between article lines
    short_run: int = 3  #: this many short lines in a row inside the article are a list of links
    content_list_share: float = 0.6  #: a run of short lines this much data-like (numbers, "key: value") is content
    title_distance: int = 3  #: how far before the article's first line its title may stand
    #: how much more sure than the support model's own threshold (in log-odds) a removal by context must be
    support_margin: float = 0.0


DEFAULT_MAX_CHARS = 10_000_000
DEFAULT_MAX_LINES = 250_000

#: An HTML page may have this many tags per line of ``max_lines`` (counted as "<" before parsing: what the
#: parsed tree costs is bounded by its number of elements).
TAGS_PER_LINE = 4

PRESETS = {
    "thorough": Thresholds(),
    "precise": Thresholds(span_short_penalty=20.0, short_run=5, support_margin=1.5),
}


@dataclass(frozen=True)
class Options:
    """What to remove. ``disable`` names families left alone; ``mode`` picks a threshold preset."""

    mode: Mode = Mode.THOROUGH
    disable: frozenset[Family] = field(default_factory=frozenset)
    include_title: bool = True  #: HTML: put the title first in the output
    #: A document longer than this (characters of text, or of HTML) is not an article: it is passed through, not
    #: cleaned, and the result says so (``Result.skipped``).
    max_chars: int = DEFAULT_MAX_CHARS
    #: Nor is a document of more lines than this (plain text: lines, blank ones included; HTML: blocks of text,
    #: or more than :data:`TAGS_PER_LINE` times as many tags). Cleaning keeps about a kilobyte per line, so this
    #: bound, with ``max_chars``, is what keeps any input (millions of one-letter lines or paragraphs) within
    #: memory and time: see the README for the bound that holds.
    max_lines: int = DEFAULT_MAX_LINES

    def __post_init__(self) -> None:
        object.__setattr__(self, "mode", Mode(self.mode))
        disable = (self.disable,) if isinstance(self.disable, (str, Family)) else self.disable  # one family
        object.__setattr__(self, "disable", frozenset(Family(f) for f in disable))

    @property
    def thresholds(self) -> Thresholds:
        return PRESETS[self.mode.value]

    def enabled(self, family: Family) -> bool:
        return family not in self.disable

    def too_long(self, chars: int) -> str:
        """``Result.skipped`` for a document of more than ``max_chars`` characters."""
        return f"{chars:,} characters, more than the {self.max_chars:,} a document may have: not cleaned"

    def too_many_lines(self, count: int, what: str = "lines") -> str:
        """``Result.skipped`` for a document of more than ``max_lines`` lines (or too many tags)."""
        limit = self.max_lines * (TAGS_PER_LINE if what == "tags" else 1)
        return f"{count:,} {what}, more than the {limit:,} a document may have: not cleaned"
