"""The command line: ``clean [FILE]...``. A thin layer over :mod:`clean`; every decision is the library's."""

from __future__ import annotations

import json
import sys

import click

from . import __version__
from .cleaner import default_cleaner
from .explain import render_explanation
from .io import InputError, decode_text, looks_like_html
from .options import Mode, Options
from .reasons import Family, Reason
from .result import Result

_REASONS_HELP = "\n".join(f"  {r.value:<19} {r.description}" for r in Reason)


def _clean_one(data: bytes, name: str, options: Options, input_format: str, encoding: str | None) -> Result:
    cleaner = default_cleaner()
    is_html = input_format == "html" or (input_format == "auto" and looks_like_html(data))
    if is_html:
        return cleaner.clean_html(data, options)
    return cleaner.clean_text(decode_text(data, encoding), options)


@click.command(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 110},
               epilog="Reasons a line is removed:\n\n\b\n" + _REASONS_HELP)
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, allow_dash=True))
@click.option("-o", "--output", type=click.File("w", encoding="utf-8", lazy=True), default="-",
              help="Write here instead of standard output.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the clean text; json: one object per file with text, language and removals.")
@click.option("--explain", is_flag=True, help="Show the document with every removed line marked and its reason.")
@click.option("--input-format", type=click.Choice(["auto", "text", "html"]), default="auto", show_default=True,
              help="auto recognises HTML by its start.")
@click.option("--mode", type=click.Choice([m.value for m in Mode]), default=Mode.THOROUGH.value, show_default=True,
              help="precise: remove only on strong evidence; thorough: also what context marks as chrome.")
@click.option("--disable", multiple=True, type=click.Choice([f.value for f in Family]),
              help="Leave a family of boilerplate alone (repeatable).")
@click.option("--encoding", default=None, help="Encoding of plain-text input (default: BOM, else UTF-8).")
@click.option("--color/--no-color", default=None, help="Colour in --explain (default: when writing to a terminal).")
@click.version_option(__version__, prog_name="clean")
def main(files, output, fmt, explain, input_format, mode, disable, encoding, color):
    """Clean scraped article text: remove machine-translation notices, language banners, promo lines,
    site chrome and comment sections, keep the article. Reads FILEs (or standard input) and writes the
    article's own text."""
    options = Options(mode=mode, disable=frozenset(disable))
    for name in files or ("-",):
        try:
            data = sys.stdin.buffer.read() if name == "-" else _read(name)
            result = _clean_one(data, name, options, input_format, encoding)
        except InputError as exc:
            raise click.ClickException(f"{_label(name)}: {exc}") from None
        if fmt == "json":
            record = {"file": None if name == "-" else name, **result.to_dict()}
            output.write(json.dumps(record, ensure_ascii=False) + "\n")
        elif explain:
            output.write(render_explanation(result, color=_use_color(color, output)))
        else:
            output.write(result.text)


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
