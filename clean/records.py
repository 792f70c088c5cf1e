"""JSON records as they were written: what a JSONL run does not clean comes out as it came in.

:func:`parse` reads a record keeping every number as its text (``1.10`` stays ``1.10``, ``1E2`` stays ``1E2``,
a 40-digit decimal keeps its digits, ``1e400`` is not infinity) and every object as its list of pairs, in order,
duplicate keys included. :func:`encode` writes such values back, and plain Python values too; strings as JSON
escapes them, plus U+0085, U+2028 and U+2029, which line splitters such as Python's ``str.splitlines()`` take
for line ends and so would cut a record in two.
"""

from __future__ import annotations

import json


class Number(str):
    """A JSON number, as its text."""


class Object(list):
    """A JSON object: its ``(key, value)`` pairs in order, duplicate keys included."""

    def indexes(self, key: str) -> list[int]:
        return [i for i, (k, _) in enumerate(self) if k == key]

    def get(self, key: str, default=None):
        """The value of ``key`` (of its last copy, as JSON parsers commonly take it)."""
        found = self.indexes(key)
        return self[found[-1]][1] if found else default

    def set(self, key: str, value) -> None:
        """Replace the value of ``key`` where it stands (its last copy), or add it at the end."""
        found = self.indexes(key)
        if found:
            self[found[-1]] = (key, value)
        else:
            self.append((key, value))


def _reject_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def parse(text: str):
    """A JSON value with numbers as :class:`Number` and objects as :class:`Object`."""
    return json.loads(text, parse_int=Number, parse_float=Number, parse_constant=_reject_constant,
                      object_pairs_hook=Object)


_LINE_ENDS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _string(value: str, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only).translate(_LINE_ENDS)


def encode(value, ascii_only: bool = False) -> str:
    """``value`` as JSON text on one line; ``ascii_only`` escapes everything beyond ASCII (what a record
    holding lone surrogates, legal as JSON escapes but not as UTF-8, must be written with)."""
    parts: list[str] = []
    _encode(value, ascii_only, parts)
    return "".join(parts)


def _encode(value, ascii_only: bool, out: list[str]) -> None:
    if isinstance(value, Number):
        out.append(str.__str__(value))
    elif isinstance(value, str):
        out.append(_string(value, ascii_only))
    elif isinstance(value, Object) or isinstance(value, dict):
        out.append("{")
        for i, (key, item) in enumerate(value if isinstance(value, Object) else value.items()):
            if i:
                out.append(", ")
            out.append(_string(key, ascii_only))
            out.append(": ")
            _encode(item, ascii_only, out)
        out.append("}")
    elif isinstance(value, (list, tuple)):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(", ")
            _encode(item, ascii_only, out)
        out.append("]")
    else:  # True, False, None, and numbers of our own
        out.append(json.dumps(value, allow_nan=False))


def line(value) -> bytes:
    """One output line: UTF-8, or ASCII escapes when the value holds lone surrogates."""
    try:
        return (encode(value) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (encode(value, ascii_only=True) + "\n").encode("ascii")
