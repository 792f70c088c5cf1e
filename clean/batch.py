"""Batch cleaning: JSONL records, folders of files, parallel jobs in input order, progress and statistics.

The command line (:mod:`clean.cli`) only parses options and calls in here; the worker processes and the
ordering are :mod:`clean.parallel`'s. Nothing here keeps state between calls: a run's counts live in a
:class:`Stats` the caller owns, and each worker process uses the library's shared
:func:`~clean.cleaner.default_cleaner`, built once per process when the worker starts.

Memory stays bounded whatever the input's size: input is read line by line (a line longer than
``max_line_bytes`` is skipped unread and reported), records go to the workers in small chunks, and at most a
fixed window of chunks is in flight; output is written in input order as the chunks come back.
"""

from __future__ import annotations

import codecs
import io
import json
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field as dc_field
from functools import partial
from pathlib import Path
from typing import BinaryIO, Callable, ContextManager, Iterable, Iterator, NamedTuple, Sequence

import click

from .cleaner import Cleaner, default_cleaner
from .explain import render_explanation
from .io import (HTML_SUFFIXES, MAX_BYTES_PER_CHAR, TEXT_SUFFIXES, InputError, binary_reason, decode_text,
                 format_from_name, looks_like_html, read_file)
from .options import Options
from .parallel import ordered_map, resolve_jobs
from . import records
from .records import Number, Object
from .result import Result

#: Records per chunk sent to a worker, and the input bytes after which a chunk is closed early.
CHUNK_RECORDS = 32
CHUNK_BYTES = 1 << 20
#: A JSONL line longer than this is reported as an error record instead of being read.
MAX_LINE_BYTES = 64 << 20
#: Longest error message in an error record.
MAX_MESSAGE = 300

# --- one document -------------------------------------------------------------------------------------------

def clean_document(data: bytes | str, options: Options, input_format: str = "auto", encoding: str | None = None,
                   cleaner: Cleaner | None = None, suffix_format: str | None = None) -> Result:
    """Clean one document given as bytes (a file's content) or str (a JSON field).

    ``input_format`` is ``auto`` (what ``suffix_format``, the file name's suffix, says; else HTML when
    :func:`~clean.io.looks_like_html`), ``text`` or ``html``. Bytes that are a binary file are refused
    (:func:`~clean.io.binary_reason`); bytes of plain text are decoded by :func:`~clean.io.decode_text` (BOM,
    else ``encoding``, else strict UTF-8). Both raise :class:`~clean.io.InputError` with a one-line message; so
    does a document longer than ``options.max_chars``, which the library would pass through uncleaned.
    """
    cleaner = cleaner or default_cleaner()
    if isinstance(data, bytes):
        binary = binary_reason(data)
        if binary:
            raise InputError(binary)
    if input_format == "auto":
        input_format = suffix_format or ("html" if looks_like_html(data) else "text")
    if input_format == "html":
        result = cleaner.clean_html(data, options)
    else:
        text = data if isinstance(data, str) else decode_text(data, encoding)
        del data  # a large document's bytes are not kept while it is cleaned
        result = cleaner.clean_text(text, options)
    if result.skipped:  # a batch wants clean text or a failure it can count, not a document passed through
        raise InputError(result.skipped)
    return result


def document_text(result: Result) -> str:
    """A document's clean text as the command line writes it: ending with a newline (unless empty), so that
    the outputs of two files never run together."""
    text = result.text
    return text if not text or text.endswith("\n") else text + "\n"


def max_file_bytes(options: Options) -> int:
    """The largest file that may hold a document the library accepts; larger ones are refused unread."""
    return MAX_BYTES_PER_CHAR * options.max_chars


def one_line(exc: BaseException | str) -> str:
    """An exception (or message) as one short line: white space collapsed, cut at :data:`MAX_MESSAGE`."""
    if isinstance(exc, BaseException):
        msg = str(exc)
        if isinstance(exc, RecursionError):
            msg = "nested too deeply (" + (msg or "recursion limit") + ")"
        elif isinstance(exc, MemoryError):
            msg = "out of memory"
        elif not isinstance(exc, ValueError) or not msg:
            msg = f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
    else:
        msg = exc
    msg = " ".join(msg.split())
    return msg if len(msg) <= MAX_MESSAGE else msg[:MAX_MESSAGE - 1] + "…"


def display_name(name: str | os.PathLike) -> str:
    """A file name for a one-line message: bytes that are not UTF-8 and control characters (a newline in a
    name) written as escapes."""
    text = os.fspath(name)
    if isinstance(text, bytes):
        text = text.decode("utf-8", "surrogateescape")
    text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in text)


def json_name(name: str) -> str:
    """A file name as JSON text can hold it: bytes that are not UTF-8 (which Python keeps as lone surrogates)
    written as ``\\xNN``."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# --- outcomes and statistics --------------------------------------------------------------------------------

class Outcome(NamedTuple):
    """What became of one record or file: the bytes to write, the error (``None`` when it was cleaned) and the
    reason code of each removal."""

    data: bytes
    error: str | None = None
    reasons: tuple[str, ...] = ()


@dataclass
class Stats:
    """Counts of one run, for ``--stats`` and the exit status."""

    unit: str = "records"
    done: int = 0
    failed: int = 0
    blank: int = 0
    input_bytes: int = 0
    removals: Counter = dc_field(default_factory=Counter)

    def add(self, outcome: Outcome) -> None:
        self.done += 1
        if outcome.error is not None:
            self.failed += 1
        self.removals.update(outcome.reasons)

    def render(self) -> str:
        rows = [(self.unit, self.done), ("  cleaned", self.done - self.failed), ("  failed", self.failed)]
        if self.blank:
            rows.append(("blank lines skipped", self.blank))
        rows.append(("removals", sum(self.removals.values())))
        rows += [(f"  {reason}", n) for reason, n in sorted(self.removals.items(), key=lambda kv: (-kv[1], kv[0]))]
        width = max(len(name) for name, _ in rows)
        return "".join(f"{name:<{width}}  {n:>9,}\n" for name, n in rows)


class Progress:
    """A progress line on ``stream``: click's progress bar, as wide as the terminal (re-measured at every
    redraw), with the share done and an ETA when the total is known, and the counts of documents and failures
    cut to what fits, so that it never wraps and scrolls on a narrow terminal. Silent when not ``enabled`` (the
    command line enables it when standard error is a terminal and ``--quiet`` is not given). ``total`` is in
    input bytes (``measure="bytes"``, JSONL) or in documents (``measure="done"``, folders)."""

    def __init__(self, stream, enabled: bool, total: int | None = None, unit: str = "records",
                 measure: str = "bytes"):
        self.unit, self.measure, self.shown = unit, measure, 0
        self.enabled = enabled
        self.bar = None
        if enabled:
            self.bar = click.progressbar(length=total, file=stream, width=0, label="clean", show_eta=True,
                                         show_percent=total is not None, show_pos=False,
                                         item_show_func=self._fit)

    def _fit(self, text: str | None) -> str | None:
        room = shutil.get_terminal_size().columns - 1 - 30  # label, bar ends, share and ETA take about 30
        if not text or room < 8:
            return None
        return text if len(text) <= room else text[:room - 1] + "…"

    def update(self, stats: Stats, force: bool = False) -> None:
        if self.bar is None:
            return
        position = stats.input_bytes if self.measure == "bytes" else stats.done
        self.bar.update(max(0, position - self.shown), f"{stats.done:,} {self.unit}, {stats.failed:,} failed")
        self.shown = max(self.shown, position)

    def finish(self, stats: Stats) -> None:
        if self.bar is not None:
            self.update(stats)
            self.bar.render_finish()


# --- JSONL --------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class JsonlConfig:
    """What a JSONL run does to each record."""

    field: str = "text"  #: the field cleaned
    output_field: str | None = None  #: where the clean text goes (default: replaces ``field``)
    id_field: str = "id"  #: copied into error records, when the record is an object that has it
    explain: bool = False  #: add ``removals`` (as in :meth:`Result.to_dict`)
    input_format: str = "auto"  #: auto, text or html
    options: Options = dc_field(default_factory=Options)
    max_line_bytes: int = MAX_LINE_BYTES


@dataclass(frozen=True)
class Oversize:
    """Stands for a line that was too long to read."""

    length: int


class Line(NamedTuple):
    """One input line: where it is and its content (bytes, or str when the file declared UTF-16/32)."""

    source: str | None  #: the file's name, when the run has more than one input
    number: int  #: 1-based, counting every line
    payload: bytes | str | Oversize


_JSON_TYPES = {Object: "an object", list: "an array", Number: "a number", str: "a string", bool: "a boolean",
               type(None): "null"}


def error_record(message: str, line: Line, record_id=None) -> dict:
    out = {"error": message, "line": line.number, "id": record_id}
    if line.source is not None:
        out["file"] = line.source
    return out


def _dumps(obj) -> bytes:
    """One output line (see :func:`clean.records.line`): numbers and key order as read, U+2028 and the like
    escaped; UTF-8, or ASCII escapes for a record holding lone surrogates (legal as JSON escapes)."""
    return records.line(obj)


def clean_line(line: Line, config: JsonlConfig, cleaner: Cleaner | None = None) -> Outcome:
    """One JSONL line to one output line: the record with its field cleaned, or an error record. The other
    fields come out as they came in: numbers as written, keys in their order, duplicate keys kept (but a
    duplicated field to clean or to write is an error: which copy is meant?)."""

    def fail(message: str, record_id=None) -> Outcome:
        return Outcome(_dumps(error_record(message, line, record_id)), message)

    payload = line.payload
    if isinstance(payload, Oversize):
        return fail(f"line is {payload.length:,} bytes, longer than the limit of {config.max_line_bytes:,} "
                    "(--max-line-bytes)")
    if isinstance(payload, bytes):
        try:
            payload = payload.decode("utf-8")
        except UnicodeDecodeError as exc:
            return fail(f"not valid UTF-8 (byte {exc.object[exc.start]:#04x} at offset {exc.start})",
                        _find_id(payload.decode("utf-8", "replace"), config))
    if line.number == 1 and payload.startswith("\ufeff"):
        payload = payload[1:]
    try:
        record = records.parse(payload)
    except json.JSONDecodeError as exc:
        return fail(f"not JSON: {exc.msg} at column {exc.colno}")
    except (ValueError, RecursionError) as exc:
        return fail(f"not JSON: {one_line(exc)}")
    if not isinstance(record, Object):
        return fail(f"not a JSON object but {_JSON_TYPES.get(type(record), 'a value')}")
    record_id = record.get(config.id_field)
    for name in dict.fromkeys((config.field, config.output_field or config.field, "removals")):
        copies = len(record.indexes(name))
        if copies > 1 and (name != "removals" or config.explain):
            return fail(f"field {name!r} appears {copies} times", record_id)
    if not record.indexes(config.field):
        return fail(f"no field {config.field!r}", record_id)
    value = record.get(config.field)
    if not isinstance(value, str) or isinstance(value, Number):
        return fail(f"field {config.field!r} holds {_JSON_TYPES.get(type(value), 'a value')}, not a string",
                    record_id)
    try:
        result = clean_document(value, config.options, config.input_format, cleaner=cleaner)
    except Exception as exc:  # the record fails, the run goes on
        return fail(f"cannot clean: {one_line(exc)}", record_id)
    record.set(config.output_field or config.field, result.text)
    if config.explain:
        record.set("removals", [r.to_dict() for r in result.removals])
    try:
        data = _dumps(record)
    except RecursionError:
        return fail("nested too deeply to write back", record_id)
    return Outcome(data, None, tuple(r.reason.value for r in result.removals))


def _clean_lines(config: JsonlConfig, chunk: Sequence[Line]) -> list[Outcome]:
    cleaner = default_cleaner()
    return [clean_line(line, config, cleaner) for line in chunk]


def _find_id(payload: bytes | str | Oversize, config: JsonlConfig):
    """The id of a record that could not be cleaned, if its line parses at all."""
    if isinstance(payload, Oversize):
        return None
    try:
        record = records.parse(payload)
    except Exception:
        return None
    return record.get(config.id_field) if isinstance(record, Object) else None


def _crashed_line(config: JsonlConfig, line: Line) -> Outcome:
    """The error record of a line whose cleaning killed its worker process."""
    record_id = _find_id(line.payload, config)
    message = "the worker process died while cleaning this record (out of memory or a crash)"
    return Outcome(_dumps(error_record(message, line, record_id)), message)


class _Prefixed(io.RawIOBase):
    """A raw stream reading ``head`` and then ``rest``: puts back what was read to look for a BOM."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if self.head:
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.rest.read1(len(buffer)) if hasattr(self.rest, "read1") else self.rest.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def read_lines(stream: BinaryIO, max_line_bytes: int = MAX_LINE_BYTES, source: str | None = None,
               stats: Stats | None = None) -> Iterator[Line]:
    """The lines of a JSONL stream, one at a time (never the whole stream), blank lines skipped.

    JSONL is UTF-8 (a UTF-8 BOM is allowed); a stream that starts with a UTF-16 or UTF-32 BOM is decoded as
    that encoding. A line longer than ``max_line_bytes`` is passed on as :class:`Oversize`, skipped unread.
    ``stats`` counts bytes read and blank lines.
    """
    head = stream.read(4)
    for bom, name in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                      (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            text = io.TextIOWrapper(io.BufferedReader(_Prefixed(head, stream)), encoding=name, errors="replace",
                                    newline="\n")
            reader: Callable[[int], bytes | str] = text.readline
            newline: bytes | str = "\n"
            break
    else:
        buffered = io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
        reader, newline = buffered.readline, b"\n"
    number = 0
    while True:
        data = reader(max_line_bytes + 1)
        if not data:
            return
        number += 1
        length = len(data)
        if length > max_line_bytes and not data.endswith(newline):
            while data and not data.endswith(newline):  # skip the rest of the line, a bounded piece at a time
                data = reader(1 << 20)
                length += len(data)
            payload: bytes | str | Oversize = Oversize(length)
        else:
            payload = data
        if stats is not None:
            stats.input_bytes += length
        if not isinstance(payload, Oversize) and not payload.strip():
            if stats is not None:
                stats.blank += 1
            continue
        yield Line(source, number, payload)


def _line_size(chunk: Sequence[Line]) -> int:
    return sum(len(line.payload) if not isinstance(line.payload, Oversize) else 0 for line in chunk)


def chunked(lines: Iterable[Line], max_records: int = CHUNK_RECORDS, max_bytes: int = CHUNK_BYTES
            ) -> Iterator[list[Line]]:
    chunk: list[Line] = []
    size = 0
    for line in lines:
        chunk.append(line)
        size += len(line.payload) if not isinstance(line.payload, Oversize) else 0
        if len(chunk) >= max_records or size >= max_bytes:
            yield chunk
            chunk, size = [], 0
    if chunk:
        yield chunk


def run_jsonl(inputs: Sequence[tuple[str, Callable[[], ContextManager[BinaryIO]]]], out: BinaryIO,
              config: JsonlConfig, jobs: int = 1, stats: Stats | None = None, progress: Progress | None = None
              ) -> Stats:
    """Clean every record of ``inputs`` and write one line per record to ``out``, in input order; returns the
    counts. Each input is a name (it appears in error records when there is more than one input) and a
    function opening it as a binary stream (a context manager), called when the input's turn comes."""
    stats = stats if stats is not None else Stats()
    named = len(inputs) > 1

    def lines() -> Iterator[Line]:
        for name, opener in inputs:
            with opener() as stream:
                yield from read_lines(stream, config.max_line_bytes, name if named else None, stats)

    results = ordered_map(partial(_clean_lines, config), chunked(lines()), resolve_jobs(jobs),
                          partial(_crashed_line, config), size=_line_size)
    try:
        for _, outcomes in results:
            for outcome in outcomes:
                out.write(outcome.data)
                stats.add(outcome)
            if progress is not None:
                progress.update(stats)
        out.flush()
    finally:
        results.close()
    return stats


# --- folders ------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class DocConfig:
    """What a folder run does to each file."""

    options: Options = dc_field(default_factory=Options)
    input_format: str = "auto"  #: auto: the suffix decides (.html/.htm HTML, .txt text)
    encoding: str | None = None
    output: str = "text"  #: text, json or explain


class Job(NamedTuple):
    source: Path
    target: Path
    label: str  #: the path relative to the input folder, for messages
    error: str | None = None  #: why this file or folder cannot be cleaned, found while walking


def check_folders(input_dir: Path, output_dir: Path) -> None:
    """Refuse (``ValueError``) an output folder that is the input folder, lies inside it or holds it, also
    through links: the run would write onto or among its own inputs."""
    src, dst = Path(input_dir).resolve(), Path(output_dir).resolve()
    if src == dst:
        raise ValueError("the output folder is the input folder")
    if src in dst.parents:
        raise ValueError("the output folder is inside the input folder")
    if dst in src.parents:
        raise ValueError("the input folder is inside the output folder")


def walk_tree(input_dir: Path, output_dir: Path) -> Iterator[Job]:
    """The ``.txt``/``.html``/``.htm`` files under ``input_dir`` in sorted order, each with the file of the same
    relative path under ``output_dir``. A folder that cannot be read, and a file whose target would land
    inside the input folder (an output subfolder that is a link into it), come as jobs with an ``error``."""
    input_dir, output_dir = Path(input_dir), Path(output_dir)
    guard = input_dir.resolve()
    errors: list[OSError] = []

    def unreadable() -> Iterator[Job]:
        while errors:
            exc = errors.pop(0)
            where = Path(exc.filename) if exc.filename else input_dir
            rel = where.relative_to(input_dir).as_posix() if where != input_dir else "."
            yield Job(where, output_dir / rel, rel + "/", f"cannot read this folder: {exc.strerror or exc}")

    for root, dirs, files in os.walk(input_dir, onerror=errors.append):
        yield from unreadable()
        here = Path(root)
        dirs.sort()
        for name in sorted(files):
            if name.lower().endswith(HTML_SUFFIXES + TEXT_SUFFIXES):
                rel = (here / name).relative_to(input_dir)
                job = Job(here / name, output_dir / rel, rel.as_posix())
                parent = job.target.parent.resolve()
                if parent == guard or guard in parent.parents:
                    job = job._replace(error="its output would be written into the input folder (a link in the "
                                             "output folder leads there): not cleaned")
                yield job
    yield from unreadable()


def clean_file(job: Job, config: DocConfig, cleaner: Cleaner | None = None) -> Outcome:
    """Clean one file of a folder run into its target (written whole or not at all). Only a regular file is
    opened (also through a link), and only when its size allows a document the library accepts."""
    if job.error is not None:
        return Outcome(b"", job.error)
    try:
        data = read_file(job.source, max_file_bytes(config.options), regular_only=True)
        result = clean_document(data, config.options, config.input_format, config.encoding, cleaner,
                                suffix_format=format_from_name(job.source.name))
        del data
        if config.output == "json":
            text = json.dumps({"file": json_name(job.label), **result.to_dict()}, ensure_ascii=False) + "\n"
        elif config.output == "explain":
            text = render_explanation(result)
        else:
            text = document_text(result)
        job.target.parent.mkdir(parents=True, exist_ok=True)
        tmp = job.target.with_name(job.target.name + ".part")
        tmp.write_bytes(text.encode("utf-8", "surrogatepass" if config.output == "text" else "strict"))
        os.replace(tmp, job.target)
    except Exception as exc:
        message = one_line(exc.strerror if isinstance(exc, OSError) and exc.strerror else exc)
        return Outcome(b"", message)
    return Outcome(b"", None, tuple(r.reason.value for r in result.removals))


def _clean_files(config: DocConfig, chunk: Sequence[Job]) -> list[Outcome]:
    cleaner = default_cleaner()
    return [clean_file(job, config, cleaner) for job in chunk]


def _crashed_file(job: Job) -> Outcome:
    return Outcome(b"", "the worker process died while cleaning this file (out of memory or a crash)")


def run_tree(input_dir: Path, output_dir: Path, config: DocConfig, jobs: int = 1,
             on_error: Callable[[str, str], None] | None = None, stats: Stats | None = None,
             progress: Progress | None = None) -> Stats:
    """Clean the tree under ``input_dir`` into ``output_dir``; ``on_error(label, message)`` is told of each file
    that fails (its target is then not written). Returns the counts. An output folder that is, lies inside or
    holds the input folder is refused (``ValueError``, see :func:`check_folders`) before anything is read."""
    check_folders(input_dir, output_dir)
    stats = stats if stats is not None else Stats(unit="files")
    jobs_list = walk_tree(input_dir, output_dir)
    batches = chunked_jobs(jobs_list, 4 if resolve_jobs(jobs) > 1 else 1)
    results = ordered_map(partial(_clean_files, config), batches, resolve_jobs(jobs), _crashed_file)
    try:
        for chunk, outcomes in results:
            for job, outcome in zip(chunk, outcomes):
                stats.add(outcome)
                if outcome.error is not None and on_error is not None:
                    on_error(job.label, outcome.error)
            if progress is not None:
                progress.update(stats)
    finally:
        results.close()
    return stats


def chunked_jobs(jobs: Iterable[Job], n: int) -> Iterator[list[Job]]:
    chunk: list[Job] = []
    for job in jobs:
        chunk.append(job)
        if len(chunk) >= n:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
