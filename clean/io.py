"""Turning input bytes into text, and telling HTML from plain text. Errors are ``InputError`` with one line."""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section)\b",
                         re.I | re.S)
_HTML_TAGS = re.compile(rb"</(?:p|div|a|span|li|td|h[1-6])\s*>", re.I)


class InputError(ValueError):
    """Input that cannot be cleaned; the message is one line a person can act on."""


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark declares, and the mark's length."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def decode_text(data: bytes, encoding: str | None = None) -> str:
    """Plain text from bytes: a BOM wins, else ``encoding``, else UTF-8 (strict: a wrong guess is an error)."""
    bom = bom_encoding(data)
    if bom:
        name, skip = bom
        return data[skip:].decode(name, errors="replace")
    try:
        return data.decode(encoding or "utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {exc.encoding} text (byte {data[exc.start]:#04x} at offset {exc.start}); "
                         "give the encoding with --encoding") from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None


def looks_like_html(data: bytes | str) -> bool:
    """True when the document starts like an HTML page or is full of closing block tags."""
    head = data[:4096].encode("utf-8", "replace") if isinstance(data, str) else data[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAGS.findall(head)) >= 3
