"""What cleaning returns: the clean text, the article's language and every removal with its reason."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from .reasons import Reason


@dataclass(frozen=True)
class Removal:
    """One removed block.

    ``start``/``end`` are offsets into the input ``str`` (for HTML, into the decoded document; ``None`` where
    the parser does not give one), ``text`` the removed text, ``reason`` why, and ``detail`` the phrase or rule
    that decided it, so "why was this line removed?" always has an answer. ``path`` is a short CSS-like path of
    the removed element for HTML input, empty for plain text.
    """

    start: int | None
    end: int | None
    text: str
    reason: Reason
    detail: str
    path: str = ""

    def to_dict(self) -> dict:
        out = {"start": self.start, "end": self.end, "text": self.text, "reason": self.reason.value,
               "detail": self.detail}
        if self.path:
            out["path"] = self.path
        return out


@dataclass(frozen=True)
class Judged:
    """One block of the input as judged: its text and, if it was removed, the removal."""

    text: str
    removal: Removal | None = None


def removal(start: int | None, end: int | None, text: str, reason: Reason, detail: str, path: str = "") -> Removal:
    """``Removal(start, end, text, reason, detail, path)``, made as :func:`judged` makes its objects: the pipeline
    makes one for every removed line."""
    r = object.__new__(Removal)
    fields = r.__dict__
    fields["start"] = start
    fields["end"] = end
    fields["text"] = text
    fields["reason"] = reason
    fields["detail"] = detail
    fields["path"] = path
    return r


def judged(texts: Iterable[str], removals: Iterable[Removal | None]) -> tuple[Judged, ...]:
    """``Judged(text, removal)`` of each pair: equal objects, made without the frozen dataclass's ``__init__`` (which
    sets each field through ``object.__setattr__``), several times cheaper for every block of every document."""
    new = object.__new__
    out = []
    for text, removal in zip(texts, removals):
        j = new(Judged)
        fields = j.__dict__
        fields["text"] = text
        fields["removal"] = removal
        out.append(j)
    return tuple(out)


@dataclass(frozen=True)
class Result:
    """The outcome of cleaning one document.

    ``text`` is the clean text, ``language`` the article's language (a langdetect code), ``removals`` every
    removed block in document order, and ``blocks`` every block of the input, kept or not, for explanations.
    ``skipped`` says why a document was not cleaned at all (it is longer than ``Options.max_chars``): plain text
    then comes back unchanged, HTML as no text.
    """

    text: str
    language: str | None
    removals: tuple[Removal, ...] = field(default_factory=tuple)
    blocks: tuple[Judged, ...] = field(default_factory=tuple, repr=False, compare=False)
    skipped: str | None = None

    def to_dict(self) -> dict:
        out = {"text": self.text, "language": self.language, "removals": [r.to_dict() for r in self.removals]}
        if self.skipped:
            out["skipped"] = self.skipped
        return out
