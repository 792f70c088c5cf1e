"""Bytes to ``str`` the way browsers do it: a byte-order mark, then (bytes that are valid UTF-8 aside, see
:func:`decode_html`) a ``<meta charset>`` (or ``http-equiv`` content type) in the first bytes, then
windows-1252 (what browsers use for undeclared and latin-1 pages). A declared encoding that Python does not
know is ignored; undecodable bytes become U+FFFD, so decoding never fails.
"""

from __future__ import annotations

import codecs
import re

from ..io import bom_encoding

#: How far into the document a charset declaration is looked for (browsers look at the first 1024 bytes;
#: pages with long comments or scripts in <head> put it later, so a little more).
PRESCAN_BYTES = 2048
_META_CHARSET = re.compile(rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:+-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([a-zA-Z0-9_.:+-]+)""", re.I)
#: Labels browsers decode with a larger encoding than the label's own (WHATWG Encoding Standard).
_SUPERSETS = {
    "ascii": "cp1252", "latin_1": "cp1252", "iso8859_1": "cp1252", "iso8859_9": "cp1254",
    "shift_jis": "cp932", "euc_kr": "cp949", "gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs",
    "tis_620": "cp874", "iso8859_11": "cp874",
    # a document whose declaration could be read in ASCII is not UTF-16 or UTF-32, whatever it says
    "utf_16": "utf-8", "utf_16_le": "utf-8", "utf_16_be": "utf-8", "utf_32": "utf-8",
}
FALLBACK = "cp1252"


def declared_encoding(data: bytes) -> str | None:
    """The Python codec name of the encoding the document's head declares, or None."""
    head = data[:PRESCAN_BYTES]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    label = m.group(1).decode("ascii", "replace").strip().lower()
    if label in ("x-user-defined", "windows-874"):
        label = "cp1252" if label == "x-user-defined" else "cp874"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return _SUPERSETS.get(name.replace("-", "_"), name)


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
    declared = declared_encoding(data)
    if declared and declared != "utf-8":
        return data.decode(declared, errors="replace")
    if declared == "utf-8":
        return data.decode("utf-8", errors="replace")
    return data.decode(FALLBACK, errors="replace")
