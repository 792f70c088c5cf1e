"""Turning input bytes into text, and telling HTML from plain text. Errors are ``InputError`` with one line."""

from __future__ import annotations

import codecs
import os
import re
import stat

_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8"),
         (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
#: A page: what only a page starts with (after white space and comments).
_PAGE_START = re.compile(rb"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
#: A fragment: it starts with a block element's tag ...
_FRAGMENT_START = re.compile(rb"\A\s*(?:<!--.*?-->\s*)*<(?:div|p|article|section|main|table|ul|ol|h[1-6]|title|meta)"
                             rb"\b[^<>]*>", re.I | re.S)
#: ... and, somewhere, closes one: markup is structure, opened and closed, not a tag named in a sentence.
_CLOSING_TAG = re.compile(rb"</(?:p|div|a|span|li|ul|ol|td|tr|table|h[1-6]|article|section|main|body|html)\s*>",
                          re.I)
_BYTES_PATTERNS = (_PAGE_START, _FRAGMENT_START, _CLOSING_TAG)
_STR_PATTERNS = tuple(re.compile(p.pattern.decode("ascii"), p.flags & ~re.U | re.I | re.S) for p in _BYTES_PATTERNS)


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
    """True when the document is HTML by its structure: it starts like a page (a doctype, ``<html>``,
    ``<head>`` or ``<body>``), or it holds three closing tags of common elements, or it starts with a block
    element's tag and closes one somewhere. A text whose first line merely starts with a tag ("<div> elements
    group other elements ...") stays text; and since the closing tags are counted over the whole document,
    cleaning (which only removes lines) never turns a text into HTML on a second pass. Bytes are looked at
    through a byte-order mark of any UTF (UTF-16 and UTF-32 as well as UTF-8)."""
    if isinstance(data, bytes):
        bom = bom_encoding(data[:4])
        if bom:
            name, skip = bom
            data = data[skip:].decode(name, errors="replace")
    page, fragment, closing_tag = _STR_PATTERNS if isinstance(data, str) else _BYTES_PATTERNS
    data = data[1:] if isinstance(data, str) and data.startswith("\ufeff") else data
    head = data[:4096]
    if page.match(head):
        return True
    closing = 0
    for _ in closing_tag.finditer(data):
        closing += 1
        if closing >= 3:
            return True
    return closing >= 1 and fragment.match(head) is not None

#: What a file's suffix says it holds: the suffix decides for files, sniffing only where there is none.
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
TEXT_SUFFIXES = (".txt",)


def format_from_name(name: str | os.PathLike | None) -> str | None:
    """``html`` or ``text`` as a file's suffix says, ``None`` when it says nothing (or for standard input)."""
    if name is None:
        return None
    lower = os.fspath(name).lower()
    if lower.endswith(HTML_SUFFIXES):
        return "html"
    if lower.endswith(TEXT_SUFFIXES):
        return "text"
    return None


#: How the files most often mistaken for text start (executables, archives, images, PDF).
_BINARY_MAGIC = (b"\x7fELF", b"MZ", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe", b"PK\x03\x04", b"\x1f\x8b",
                 b"BZh", b"\xfd7zXZ", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF-")


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` is a binary file and not a document (``None`` when it may be one): it starts like an
    executable, archive, image or PDF, or holds a NUL byte in its first 8 KiB and no UTF-16/32 byte-order mark."""
    if bom_encoding(data[:4]):
        return None
    if data.startswith(_BINARY_MAGIC) and (not data.startswith(b"MZ") or b"\x00" in data[:1024]):
        return "a binary file (an executable, archive, image or PDF), not a document: not cleaned"
    if b"\x00" in data[:8192]:
        return "a binary file (NUL bytes), not a document: not cleaned"
    return None

#: Bytes a character takes at most in any encoding the input may be in (UTF-8 and UTF-32): a file larger than
#: ``max_chars`` times this cannot hold a document the library accepts, so it is refused from its size, unread.
MAX_BYTES_PER_CHAR = 4

_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"))


def file_kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def mib(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MiB"


def too_large(size: int | None, limit: int) -> str:
    head = "" if size is None else f"{mib(size)}, "
    return f"{head}more than the {mib(limit)} a document may be: not read"


def read_file(path: str | os.PathLike, limit: int, regular_only: bool = False) -> bytes:
    """A file's bytes, at most ``limit`` of them: a larger regular file is refused from its size, unread; a
    pipe or device (given by name on the command line) is read until ``limit`` and then refused. With
    ``regular_only`` (files found in a folder) anything but a regular file, also through a link, is refused
    unread: opening does not wait for a FIFO's writer. Errors are :class:`InputError`, one line."""
    flags = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
    if regular_only:
        flags |= getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode) or (regular_only and not stat.S_ISREG(st.st_mode)):
            raise InputError(f"{file_kind(st.st_mode)}, not a file: not read")
        if stat.S_ISREG(st.st_mode) and st.st_size > limit:
            raise InputError(too_large(st.st_size, limit))
        if regular_only:
            os.set_blocking(fd, True)
        with os.fdopen(fd, "rb", closefd=False) as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise InputError(too_large(None, limit))
    return data
