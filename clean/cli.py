"""The command line: ``clean [FILE]...``, ``clean --jsonl [FILE]...`` and ``clean --input-dir``. A thin layer:
options are checked here, documents are cleaned by :mod:`clean`, records and folders by :mod:`clean.batch`.

Exit status: 0 everything was cleaned, 1 some document or record failed, 2 a usage error; a run ended early
by Ctrl-C exits 130, one whose output was closed (``| head``) 141, both without a message.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
from pathlib import Path

import click

from . import __version__
from .batch import (MAX_LINE_BYTES, DocConfig, JsonlConfig, Progress, Stats, clean_document, one_line,
                    resolve_jobs, run_jsonl, run_tree)
from .cleaner import default_cleaner
from .explain import render_explanation
from .io import InputError
from .options import Mode, Options
from .reasons import Family, Reason

_REASONS_HELP = "\n".join(f"  {r.value:<19} {r.description}" for r in Reason)
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Options that only mean something in one mode, and the modes they need.
_JSONL_ONLY = ("field", "output_field", "id_field", "max_line_bytes")
_BATCH_ONLY = ("jobs",)


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
               epilog="Reasons a line is removed:\n\n\b\n" + _REASONS_HELP)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text (default): the clean text; json: one object per file with text, language and removals.")
@click.option("--explain", is_flag=True,
              help="Show the document with every removed line marked and its reason; with --jsonl, add each "
                   "record's removals.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True,
              help="auto recognises HTML by its start (in folders, also by the .html/.htm suffix).")
@click.option("--mode", type=click.Choice([m.value for m in Mode]), default=Mode.THOROUGH.value, show_default=True,
              help="precise: keep short lines inside the article when in doubt; thorough: remove runs of them.")
@click.option("--title/--no-title", default=True, show_default=True,
              help="HTML: put the page's title (its <h1>, else og:title) first.")
@click.option("--disable", multiple=True, type=click.Choice([f.value for f in Family]),
              help="Leave a family of boilerplate alone (repeatable).")
@click.option("--encoding", default=None, help="Encoding of plain-text input (default: BOM, else UTF-8).")
@click.option("--color/--no-color", default=None, help="Colour in --explain (default: when writing to a terminal).")
@click.option("--jsonl", is_flag=True,
              help="Input is JSON Lines: clean one field of each record, write one record per line in input order.")
@click.option("--field", default="text", show_default=True, help="--jsonl: the field to clean.")
@click.option("--output-field", default=None,
              help="--jsonl: put the clean text in this field (default: replace --field).")
@click.option("--id-field", default="id", show_default=True,
              help="--jsonl: the field copied into error records as their id.")
@click.option("--max-line-bytes", type=click.IntRange(min=1), default=MAX_LINE_BYTES, show_default=True,
              help="--jsonl: a longer line becomes an error record, unread.")
@click.option("--input-dir", type=click.Path(exists=True, file_okay=False),
              help="Clean every .txt/.html/.htm file under this folder ...")
@click.option("--output-dir", type=click.Path(file_okay=False),
              help="... into the same relative paths under this one.")
@click.option("-j", "--jobs", type=int, default=1, show_default=True,
              help="--jsonl/--input-dir: worker processes (0: one per core); output stays in input order.")
@click.option("--stats", is_flag=True, help="At the end, print counts of documents and removals per reason "
                                            "on standard error.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary on standard error.")
@click.version_option(__version__, prog_name="clean")
@click.pass_context
def main(ctx, files, output, fmt, explain, input_format, mode, title, disable, encoding, color, jsonl, field,
         output_field, id_field, max_line_bytes, input_dir, output_dir, jobs, stats, quiet):
    """Clean scraped article text: remove machine-translation notices, language banners, promo lines,
    site chrome and comment sections, keep the article. Reads FILEs (or standard input) and writes the
    article's own text.

    \b
    clean page.html > article.txt
    clean --jsonl pages.jsonl -o clean.jsonl --jobs 0 --stats
    clean --input-dir scraped/ --output-dir clean/ --jobs 0
    """
    options = Options(mode=mode, disable=frozenset(disable), include_title=title)
    _check_usage(ctx, files, output, fmt, jsonl, input_dir, output_dir, jobs)
    counts = Stats(unit="files" if input_dir else "records" if jsonl else "documents")
    try:
        if jsonl:
            status = _jsonl(files, output, JsonlConfig(field, output_field, id_field, explain, input_format,
                                                       options, max_line_bytes), jobs, counts, quiet)
        elif input_dir:
            kind = "json" if fmt == "json" else "explain" if explain else "text"
            status = _tree(Path(input_dir), Path(output_dir), DocConfig(options, input_format, encoding, kind),
                           jobs, counts, quiet)
        else:
            status = _documents(files, output, options, fmt, explain, input_format, encoding, color, counts)
    except KeyboardInterrupt:
        _quiet_exit(ctx, EXIT_INTERRUPTED)
    except BrokenPipeError:
        _quiet_exit(ctx, EXIT_BROKEN_PIPE)
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise click.ClickException(one_line(exc)) from None
        _quiet_exit(ctx, EXIT_BROKEN_PIPE)
    except (click.ClickException, click.exceptions.Exit):
        raise
    except Exception as exc:  # a bug or an input nobody foresaw: still one line, no traceback
        raise click.ClickException(one_line(exc)) from None
    if stats:
        click.echo(counts.render(), err=True, nl=False)
    ctx.exit(status)


def _check_usage(ctx, files, output, fmt, jsonl, input_dir, output_dir, jobs) -> None:
    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT

    if jsonl and input_dir:
        raise click.UsageError("--jsonl and --input-dir do not go together")
    if not jsonl:
        for name in _JSONL_ONLY:
            if given(name):
                raise click.UsageError(f"--{name.replace('_', '-')} needs --jsonl")
    if not jsonl and not input_dir and given("jobs"):
        raise click.UsageError("--jobs needs --jsonl or --input-dir")
    try:
        resolve_jobs(jobs)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--jobs") from None
    if jsonl:
        for name in ("fmt", "encoding", "color"):
            if given(name):
                raise click.UsageError(f"--{'format' if name == 'fmt' else name} does not apply to --jsonl "
                                       "(JSONL is UTF-8 in and out)")
    if input_dir or output_dir:
        if not (input_dir and output_dir):
            raise click.UsageError("--input-dir and --output-dir go together")
        if files or given("output"):
            raise click.UsageError("--input-dir takes no FILE and no --output")
    if jsonl:
        for name in files:
            if name != "-" and not os.path.isfile(name):
                raise click.BadParameter(f"{name}: no such file", param_hint="FILE")
        if output != "-" and os.path.exists(output) and any(
                name != "-" and os.path.samefile(name, output) for name in files):
            raise click.BadParameter("the output would overwrite an input", param_hint="--output")


def _quiet_exit(ctx, status: int):
    """End without a message: on a closed pipe, point standard output at /dev/null so that Python's own flush
    at exit does not complain a second time."""
    if status == EXIT_BROKEN_PIPE:
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    ctx.exit(status)


def _progress(quiet: bool, unit: str, total: int | None) -> Progress:
    err = sys.stderr
    enabled = (not quiet and err.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb")
    return Progress(err, enabled, total, unit)


def _summary(quiet: bool, counts: Stats) -> int:
    if counts.failed and not quiet:
        click.echo(f"clean: {counts.failed:,} of {counts.done:,} {counts.unit} failed", err=True)
    return 1 if counts.failed else 0


def _jsonl(files, output, config: JsonlConfig, jobs: int, counts: Stats, quiet: bool) -> int:
    names = files or ("-",)
    inputs = [(name, (lambda: contextlib.nullcontext(_stdin_bytes())) if name == "-"
               else (lambda name=name: open(name, "rb"))) for name in names]
    total = sum(os.path.getsize(n) for n in names) if "-" not in names else None
    progress = _progress(quiet, "records", total)
    with _binary_output(output) as out:
        run_jsonl(inputs, out, config, jobs, counts, progress)
    progress.finish(counts)
    return _summary(quiet, counts)


@contextlib.contextmanager
def _binary_output(output: str):
    if output == "-":
        yield _stdout_bytes()
        return
    try:
        fh = open(output, "wb")
    except OSError as exc:
        raise click.BadParameter(f"{output}: {exc.strerror or exc}", param_hint="--output") from None
    with fh:
        yield fh


def _tree(input_dir: Path, output_dir: Path, config: DocConfig, jobs: int, counts: Stats, quiet: bool) -> int:
    progress = _progress(quiet, "files", None)

    def report(label: str, message: str) -> None:
        if progress.enabled:
            click.echo(err=True)
        click.echo(f"clean: {label}: {message}", err=True)

    run_tree(input_dir, output_dir, config, jobs, report, counts, progress)
    progress.finish(counts)
    return _summary(quiet, counts)


def _documents(files, output, options, fmt, explain, input_format, encoding, color, counts: Stats) -> int:
    """The single-document mode: each FILE (or standard input) cleaned whole, written in turn."""
    out = click.open_file(output, "w", encoding="utf-8", lazy=True)
    try:
        for name in files or ("-",):
            try:
                data = _stdin_bytes().read() if name == "-" else _read(name)
                result = clean_document(data, options, input_format, encoding, default_cleaner())
                del data
            except InputError as exc:
                raise click.ClickException(f"{_label(name)}: {exc}") from None
            except (Exception, RecursionError) as exc:  # never a traceback, whatever the input
                raise click.ClickException(f"{_label(name)}: cannot clean: {one_line(exc)}") from None
            counts.done += 1
            counts.removals.update(r.reason.value for r in result.removals)
            if fmt == "json":
                record = {"file": None if name == "-" else name, **result.to_dict()}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif explain:
                out.write(render_explanation(result, color=_use_color(color, out)))
            else:
                out.write(result.text)
    finally:
        out.close()
    return 0


def _stdin_bytes():
    """Standard input as bytes (``sys.stdin`` is looked up at call time, so a test runner's replacement counts)."""
    if sys.stdin is None:
        raise click.ClickException("standard input is closed")
    return sys.stdin.buffer


def _stdout_bytes():
    """Standard output as bytes, after whatever was written to it as text."""
    if sys.stdout is None:
        raise click.ClickException("standard output is closed")
    sys.stdout.flush()
    return sys.stdout.buffer


def _read(name: str) -> bytes:
    try:
        with open(name, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None


def _label(name: str) -> str:
    return "<stdin>" if name == "-" else name


def _use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    return hasattr(stream, "isatty") and stream.isatty()


if __name__ == "__main__":  # pragma: no cover
    main()
