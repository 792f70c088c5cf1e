"""Cleaning a Spark DataFrame column: ``clean_dataframe(df)`` adds the clean text of every row.

Needs the ``spark`` extra (``pip install 'clean-scraped[spark]'``: pyspark, pandas, pyarrow). The work is one
``mapInPandas`` stage: each Python worker cleans whole Arrow batches with the library's shared
:func:`~clean.cleaner.default_cleaner`, so the phrase data and langdetect profiles are loaded once per worker
process (at most once per partition), not once per row as a plain UDF would. Rows keep their partitions and
order; nothing is shuffled.

A row whose text is null stays null; a row that cannot be cleaned (undecodable bytes, say) gets null and, when
``error_col`` is given, the one-line reason there, so one bad row never fails the job.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, Iterator

from .batch import clean_document, one_line
from .cleaner import default_cleaner
from .options import Options

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from pyspark.sql import DataFrame

__all__ = ["clean_dataframe"]

INPUT_FORMATS = ("auto", "text", "html")


def clean_dataframe(df: "DataFrame", text_col: str = "text", output_col: str = "clean_text",
                    input_format: str = "auto", *, error_col: str | None = None, **options) -> "DataFrame":
    """``df`` with ``output_col`` added: the clean text of ``text_col`` (a string column, or binary for HTML
    bytes), as :func:`clean.clean_text` (``input_format="text"``), :func:`clean.clean_html` (``"html"``) or
    either by the look of each value (``"auto"``, the default, as on the command line) would return it.

    ``options`` are the library's, by name (the fields of :class:`clean.Options`: ``mode``, ``disable``,
    ``include_title``, ``max_chars``, ``max_lines``), checked here, on the driver. An existing column named
    ``output_col`` (or ``error_col``) is replaced in place; every other column passes through unchanged.
    """
    from pyspark.sql.types import BinaryType, StringType, StructField, StructType

    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {', '.join(INPUT_FORMATS)}, not {input_format!r}")
    if text_col not in df.columns:
        raise ValueError(f"no column {text_col!r} (the DataFrame has {', '.join(df.columns) or 'none'})")
    source_type = df.schema[text_col].dataType
    if not isinstance(source_type, (StringType, BinaryType)):
        raise TypeError(f"column {text_col!r} holds {source_type.simpleString()}, not string or binary")
    options = Options(**options)  # checked here, on the driver: an unknown name or value fails now
    added = [name for name in (output_col, error_col) if name is not None]
    fields = [StructField(f.name, StringType(), True) if f.name in added else f for f in df.schema.fields]
    fields += [StructField(name, StringType(), True) for name in added if name not in df.columns]
    schema = StructType(fields)
    work = partial(_clean_batches, text_col=text_col, output_col=output_col, error_col=error_col,
                   input_format=input_format, options=options, columns=schema.names)
    return df.mapInPandas(work, schema)


def _clean_batches(batches: Iterator["pandas.DataFrame"], *, text_col: str, output_col: str,
                   error_col: str | None, input_format: str, options: Options, columns: list[str]
                   ) -> Iterator["pandas.DataFrame"]:
    """Runs on the executors: one partition's Arrow batches in, the same batches with the clean text out."""
    cleaner = default_cleaner()  # once per worker process; every batch of the partition shares it
    for frame in batches:
        outcomes = [_clean_value(value, input_format, options, cleaner) for value in frame[text_col]]
        frame[output_col] = [text for text, _ in outcomes]
        if error_col is not None:
            frame[error_col] = [error for _, error in outcomes]
        yield frame[columns]


def _clean_value(value, input_format: str, options: Options, cleaner) -> tuple[str | None, str | None]:
    """One cell: ``(clean text, None)``, ``(None, None)`` for null, or ``(None, one-line error)``."""
    if not isinstance(value, (str, bytes, bytearray)):  # None, or pandas' NaN for a null
        return None, None
    try:
        return clean_document(bytes(value) if isinstance(value, bytearray) else value, options, input_format,
                              cleaner=cleaner).text, None
    except Exception as exc:  # the row fails, the job goes on
        return None, one_line(exc)
