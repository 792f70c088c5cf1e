"""The one format of the project's language data (phrases, promo lexicons, translation lexicons): a header of
``# key: value`` lines that must name the file's ``language`` and the ``source`` of its wording, then
``[section]`` lines, each followed by its entries, one a line. Blank lines and ``#`` lines are skipped anywhere.
"""

from __future__ import annotations

from typing import Collection

REQUIRED_HEADER = ("language", "source")


def read_entries(text: str, name: str, sections: Collection[str] | None = None) -> list[tuple[str, str]]:
    """The ``(section, entry)`` pairs of a data file, in file order. ``sections``, if given, are the only ones
    allowed. Raises ValueError naming ``name`` and the line: an unknown section, an entry before any section,
    a header that does not say where the wording comes from."""
    entries: list[tuple[str, str]] = []
    header: set[str] = set()
    section: str | None = None
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            key, sep, _ = line[1:].partition(":")
            if sep:
                header.add(key.strip().lower())
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if sections is not None and section not in sections:
                raise ValueError(f"{name}:{n}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"{name}:{n}: entry outside a section")
        entries.append((section, line))
    for required in REQUIRED_HEADER:
        if required not in header:
            raise ValueError(f"{name}: header '# {required}:' missing")
    return entries
