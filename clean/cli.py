"""The command line: ``clean [FILE]...``, ``clean --jsonl [FILE]...`` and ``clean --input-dir``. A thin layer:
options are checked here, documents are cleaned by :mod:`clean`, records and folders by :mod:`clean.batch`.

Exit status: 0 everything was cleaned, 1 some document or record failed, 2 a usage error; a run ended early
by Ctrl-C exits 130, one whose output was closed (``| head``) 141, both without a message.
"""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import stat
import sys
import textwrap
from pathlib import Path

import click

from . import __version__
from .batch import (MAX_LINE_BYTES, DocConfig, JsonlConfig, Progress, Stats, check_folders, clean_document,
                    display_name, document_text, json_name, max_file_bytes, one_line, resolve_jobs, run_jsonl,
                    run_tree, walk_tree)
from .cleaner import default_cleaner
from .explain import render_explanation
from .io import InputError, format_from_name, read_file, too_large
from .options import Mode, Options
from .reasons import Family, Reason

_REASONS_HELP = "\n".join(textwrap.fill(r.description, 76, initial_indent=f"  {r.value:<19} ",
                                         subsequent_indent=" " * 22) for r in Reason)
#: The help's sections, by option; the rest go under "Other options".
_HELP_GROUPS = (("Input", ("input_format", "encoding")),
                ("Output", ("output", "fmt", "explain", "title", "color", "stats", "quiet")),
                ("Batch (JSONL and folders)", ("jsonl", "field", "output_field", "id_field", "max_line_bytes",
                                               "input_dir", "output_dir", "jobs")),
                ("Detectors", ("mode", "disable")))
HELP_WIDTH = 79
#: Errors in the command line's words themselves, where the help is worth a pointer.
_PARSE_ERRORS = (click.BadParameter, click.NoSuchOption, click.BadOptionUsage, click.BadArgumentUsage)
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Options that only mean something in one mode, and the modes they need.
_JSONL_ONLY = ("field", "output_field", "id_field", "max_line_bytes")
_BATCH_ONLY = ("jobs",)


class _Command(click.Command):
    """The help in sections (input, output, batch, detectors) and under 80 columns; every error in one line,
    ``clean: what went wrong`` (``clean: FILE: what went wrong`` about a file): click's usage errors too,
    which click itself writes as four lines. Exit 2 for usage, 1 otherwise."""

    def format_options(self, ctx, formatter):
        rows = {p.name: p.get_help_record(ctx) for p in self.get_params(ctx) if isinstance(p, click.Option)}
        for title, names in _HELP_GROUPS + (("Other", tuple(rows)),):
            section = [rows.pop(name) for name in names if rows.get(name)]
            if section:
                with formatter.section(f"{title} options"):
                    formatter.write_dl(section)

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            status = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as exc:
            hint = " (clean --help shows the options)" if isinstance(exc, _PARSE_ERRORS) else ""
            click.echo(f"clean: {one_line(exc.format_message())}{hint}", err=True)
            sys.exit(exc.exit_code)
        except click.FileError as exc:  # the output cannot be opened
            click.echo(f"clean: {display_name(exc.ui_filename)}: {one_line(exc.message)}", err=True)
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"clean: {one_line(exc.format_message())}", err=True)
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(status if isinstance(status, int) else 0)


@click.command(cls=_Command, context_settings={"help_option_names": ["-h", "--help"],
                                               "max_content_width": HELP_WIDTH, "terminal_width": HELP_WIDTH},
               epilog="Reasons a line is removed:\n\n\b\n" + _REASONS_HELP)
@click.argument("files", nargs=-1, type=click.Path(allow_dash=True))
@click.option("-o", "--output", type=click.Path(dir_okay=False, allow_dash=True), default="-",
              help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default=None,
              help="text (default): the clean text; json: one object per file with text, language and removals.")
@click.option("--explain", is_flag=True,
              help="Show the document with every removed line marked and its reason; with --jsonl, add each "
                   "record's removals.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True,
              help="auto: a file's suffix decides (.html/.htm HTML, .txt text); else HTML when it is built "
                   "like HTML.")
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
@click.option("--max-line-bytes", type=click.IntRange(min=1), default=MAX_LINE_BYTES,
              help=f"--jsonl: a longer line becomes an error record, unread (default: {MAX_LINE_BYTES >> 20} MiB).")
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
    _check_usage(ctx, files, output, fmt, explain, jsonl, input_dir, output_dir, jobs)
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


def _check_usage(ctx, files, output, fmt, explain, jsonl, input_dir, output_dir, jobs) -> None:
    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT

    if jsonl and input_dir:
        raise click.UsageError("--jsonl and --input-dir do not go together")
    if explain and fmt == "json":
        raise click.UsageError("--explain and --format json do not go together: the JSON lists every removal "
                               "with its reason already")
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
    if input_dir:
        try:
            check_folders(Path(input_dir), Path(output_dir))
        except ValueError as exc:
            raise click.UsageError(f"{display_name(output_dir)}: {exc}: refused") from None
    if jsonl:
        for name in files:
            if name != "-" and not os.path.exists(name):
                raise click.UsageError(f"{display_name(name)}: no such file")
            if name != "-" and os.path.isdir(name):
                raise click.UsageError(f"{display_name(name)}: a folder, not a file (use --input-dir)")
    if not input_dir:
        _refuse_output_onto_input(files or ("-",), output)


def _file_id(name: str, stream=None) -> tuple[int, int] | None:
    """Device and inode of a regular file (by name, following links, or of an open stream); else ``None``."""
    try:
        st = os.fstat(stream.fileno()) if stream is not None else os.stat(name)
    except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
        return None
    return (st.st_dev, st.st_ino) if stat.S_ISREG(st.st_mode) else None


def _refuse_output_onto_input(names, output: str) -> None:
    """Before anything is read: the output may not be one of the inputs, by name, link or standard input."""
    target = _file_id(output, sys.stdout if output == "-" else None)
    if target is None:
        return
    for name in names:
        if _file_id(name, sys.stdin if name == "-" else None) == target:
            where = "standard output" if output == "-" else display_name(output)
            raise click.UsageError(f"{_label(name)}: is also the output ({where}); writing would destroy it: "
                                   "refused, nothing read")


def _quiet_exit(ctx, status: int):
    """End without a message: on a closed pipe, point standard output at /dev/null so that Python's own flush
    at exit does not complain a second time."""
    if status == EXIT_BROKEN_PIPE:
        with contextlib.suppress(Exception):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
    ctx.exit(status)


def _progress_enabled(quiet: bool) -> bool:
    err = sys.stderr
    return not quiet and err.isatty() and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


def _progress(quiet: bool, unit: str, total: int | None, measure: str = "bytes") -> Progress:
    return Progress(sys.stderr, _progress_enabled(quiet), total, unit, measure)


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
        raise click.ClickException(f"{display_name(output)}: {exc.strerror or exc}") from None
    with fh:
        yield fh


def _tree(input_dir: Path, output_dir: Path, config: DocConfig, jobs: int, counts: Stats, quiet: bool) -> int:
    total = sum(1 for _ in walk_tree(input_dir, output_dir)) if _progress_enabled(quiet) else None  # for an ETA
    progress = _progress(quiet, "files", total, measure="done")

    def report(label: str, message: str) -> None:
        if progress.enabled:
            click.echo(err=True)
        click.echo(f"clean: {display_name(os.path.join(input_dir, label))}: {message}", err=True)

    run_tree(input_dir, output_dir, config, jobs, report, counts, progress)
    progress.finish(counts)
    return _summary(quiet, counts)


def _documents(files, output, options, fmt, explain, input_format, encoding, color, counts: Stats) -> int:
    """The single-document mode: each FILE (or standard input) cleaned whole, written in turn. A FILE that
    cannot be read or cleaned is reported on standard error and the others are still cleaned (exit 1)."""
    names = files or ("-",)
    limit = max_file_bytes(options)
    out = click.open_file(output, "w", encoding="utf-8", lazy=True)
    try:
        for name in names:
            try:
                data = _stdin_bytes().read(limit + 1) if name == "-" else read_file(name, limit)
                if len(data) > limit:
                    raise InputError(too_large(None, limit))
                result = clean_document(data, options, input_format, encoding, default_cleaner(),
                                        suffix_format=None if name == "-" else format_from_name(name))
                del data
            except InputError as exc:
                _report(name, str(exc), counts)
                continue
            except (Exception, RecursionError) as exc:  # never a traceback, whatever the input
                _report(name, f"cannot clean: {one_line(exc)}", counts)
                continue
            counts.done += 1
            counts.removals.update(r.reason.value for r in result.removals)
            if fmt == "json":
                record = {"file": None if name == "-" else json_name(name), **result.to_dict()}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif explain:
                if len(names) > 1:
                    out.write(f"# file: {_label(name)}\n")
                out.write(render_explanation(result, color=_use_color(color, out)))
            else:
                out.write(document_text(result))
    finally:
        out.close()
    return 1 if counts.failed else 0


def _report(name: str, message: str, counts: Stats) -> None:
    counts.done += 1
    counts.failed += 1
    click.echo(f"clean: {_label(name)}: {one_line(message)}", err=True)


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


def _label(name: str) -> str:
    return "<stdin>" if name == "-" else display_name(name)


def _use_color(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    return hasattr(stream, "isatty") and stream.isatty()


if __name__ == "__main__":  # pragma: no cover
    main()
