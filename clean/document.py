"""The view of one document that detectors share: its blocks, their features and phrase matches."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable

from .blocks import SIGN_SCANS, Block, lines_holding
from .features import Features
from .options import Options
from .phrases import LineMatch, Phrase, Phrasebook
from .reasons import Reason

#: Lines longer than this many words are never matched against contained phrases: no notice, banner or
#: chrome line is that long, and skipping them keeps the phrase scan off the article's paragraphs.
MAX_PHRASE_LINE_WORDS = 80


@dataclass(frozen=True)
class Verdict:
    """A detector's decision to remove one block, and why; ``phrase`` is the phrase of the data that decided,
    where one did (how strong a sign of chrome the line is depends on it: one word is a weak one)."""

    reason: Reason
    detail: str
    phrase: Phrase | None = None


@dataclass(frozen=True)
class Document:
    blocks: tuple[Block, ...]
    features: tuple[Features, ...]
    matches: tuple[LineMatch, ...]
    language: str | None
    options: Options
    phrases: Phrasebook
    detect_language: Callable[[str], str | None]  #: langdetect, wrapped; costly: call only where it decides
    support: Any = None  #: the :class:`~clean.detectors.support.SupportModel` removals by context are weighed by
    #: what each line does, read with the promo lexicons (:func:`clean.detectors.promo.read_line`); empty when
    #: not read beforehand
    readings: tuple = ()
    #: what the support model read of each text alone (:class:`~clean.detectors.support.Shapes`), kept for the
    #: document across rounds; None: read anew
    shapes: Any = None

    # Read by several detectors of one pass: made once for each document they share (a frozen dataclass still
    # has the instance dictionary cached_property writes to).
    @cached_property
    def texts(self) -> list[str]:
        """The text of every block, in order."""
        return [b.text for b in self.blocks]

    @cached_property
    def signs(self) -> set[int] | None:
        """The lines holding a sign or unusual white space (:data:`clean.blocks.SIGN_SCANS`), found by one scan
        of the document for every detector that looks for menus, switchers or copyright lines; None when a block
        holds a line break of its own (each line must be searched)."""
        return lines_holding(self.texts, SIGN_SCANS)

    @cached_property
    def copies(self) -> Counter:
        """How often each text occurs in the document, white space at its ends aside."""
        return Counter(map(str.strip, self.texts))
