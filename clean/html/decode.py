"""Bytes to ``str`` the way browsers do it, and a careful guess where a browser would have to guess.

The order, fastest first: a byte-order mark; bytes that are valid UTF-8 (see :func:`decode_html`); the page's
``<meta charset>`` (or ``http-equiv`` content type, or XML declaration) in its head; and only when none of these
decides, a guess (:func:`guess_encoding`), accepted when it reads clearly better than windows-1252, which is what
browsers use for undeclared pages. Labels are read as browsers read them (:mod:`.labels`): a label that names no
text encoding (``hex``, ``base64``, ``undefined``, an unknown name) counts as no declaration. Undecodable bytes
become U+FFFD, so decoding never fails.
"""

from __future__ import annotations

import codecs
import re
from types import MappingProxyType

from ..io import bom_encoding
from .labels import CODECS, LABELS, codec_for_label

#: A charset declaration is looked for in the first bytes (browsers look at the first 1024), and beyond them up
#: to the end of the head, since pages with long comments or scripts in <head> put it later; but never further
#: than HEAD_MAX_BYTES, nor, in a page whose head does not end, than NO_HEAD_END_BYTES.
PRESCAN_BYTES = 2048
HEAD_MAX_BYTES = 1 << 20
NO_HEAD_END_BYTES = 1 << 16
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([^\s"'>;/]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([^\s"'>]+)""", re.I)
_HEAD_END = re.compile(rb"</head\s*>|<body\b", re.I)
FALLBACK = "cp1252"

#: The guess reads the page's text, not its markup: at most this many bytes of it.
GUESS_SAMPLE_BYTES = 1 << 16
#: A guess other than windows-1252 is taken when its text reads at most this "messy" (charset-normalizer's
#: measure: the share of characters out of place, 0 for clean text) ...
GUESS_MAX_MESS = 0.1
#: ... and windows-1252's reading of the same bytes is messier by this much, or too messy to measure.
GUESS_MARGIN = 0.1
#: A tag (it never spans another "<", which keeps the substitution linear on any input).
_MARKUP = re.compile(rb"<[^<>]*>")


def declared_encoding(data: bytes) -> str | None:
    """The Python codec of the encoding the document's head declares, or None (no declaration, or a label that
    names no text encoding)."""
    m = _META_CHARSET.search(data, 0, PRESCAN_BYTES)
    if m is None:
        end = _HEAD_END.search(data, 0, HEAD_MAX_BYTES)
        m = _META_CHARSET.search(data, 0, end.start() if end else NO_HEAD_END_BYTES)
    if m is None:
        m = _XML_ENCODING.search(data, 0, PRESCAN_BYTES)
    if m is None:
        return None
    return codec_for_label(m.group(1).decode("latin-1"))


def decode_html(data: bytes | bytearray | memoryview) -> str:
    """Decode an HTML page's bytes; never raises.

    Bytes that are valid UTF-8 (and not plain ASCII) are UTF-8 whatever the page declares: text in a legacy
    encoding is almost never valid UTF-8 by accident, while pages saved or served as UTF-8 with their old
    latin-1 declaration left in the head are common (a browser reads them right from the HTTP header, which a
    scraped page has lost)."""
    data = bytes(data)
    bom = bom_encoding(data)
    if bom:
        name, skip = bom
        return data[skip:].decode(name, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(declared_encoding(data) or guess_encoding(data), errors="replace")


def guess_encoding(data: bytes) -> str:
    """The encoding of an undeclared page that is not UTF-8: charset-normalizer's best reading of its text, when
    that reads clearly better than windows-1252 (:data:`GUESS_MAX_MESS`, :data:`GUESS_MARGIN`), else
    windows-1252. Only encodings browsers know are answers."""
    from charset_normalizer import from_bytes  # imported on first use: only undeclared legacy pages need it

    sample = _MARKUP.sub(b" ", data[:4 * GUESS_SAMPLE_BYTES])[:GUESS_SAMPLE_BYTES]
    if sample.isascii():
        return FALLBACK
    best = from_bytes(sample).best()
    codec = _known(best.encoding) if best is not None else None
    if codec is None or codec == FALLBACK or best.chaos > GUESS_MAX_MESS:
        return FALLBACK
    western = from_bytes(sample, cp_isolation=[FALLBACK]).best()
    if western is None or western.chaos - best.chaos >= GUESS_MARGIN:
        return codec
    return FALLBACK


def _known(name: str) -> str | None:
    """The codec browsers would use for a Python codec name, or None for an encoding browsers do not know."""
    try:
        return _BROWSER_CODECS.get(codecs.lookup(name).name)
    except LookupError:
        return None


def _python_names() -> MappingProxyType:
    out = {codecs.lookup(codec).name: codec for codec in CODECS}
    for label, codec in LABELS.items():
        try:
            name = codecs.lookup(label).name
        except LookupError:
            continue
        if not name.startswith(("utf-16", "utf-32")):  # without a BOM, not a page's encoding
            out.setdefault(name, codec)
    return MappingProxyType(out)


#: Python's canonical codec name -> the codec browsers use for it.
_BROWSER_CODECS = _python_names()
