"""clean.spark on a real local[2] SparkSession: every row equals the library's output.

Skipped (with the reason) only when pyspark, pandas or pyarrow is not installed: ``pip install -e '.[test,spark]'``
installs them, as CI does. Spark needs Java 17 or later on the PATH or in JAVA_HOME.
"""

import sys

import pytest

pytest.importorskip("pyspark", reason="pyspark is not installed (the 'spark' extra)")
pytest.importorskip("pandas", reason="pandas is not installed (the 'spark' extra)")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (the 'spark' extra)")

import clean  # noqa: E402
from clean.spark import clean_dataframe  # noqa: E402
from conftest import FIXTURES, load_cases  # noqa: E402

# pyspark 4 warns that it does not fully support pandas 3; what this module uses works with both
pytestmark = pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning")

PAGE = ("Home\nNews\nShare\n"
        "The council voted on Tuesday to extend the programme for another three years, citing strong demand.\n"
        "Critics said the money would be better spent on roads, and asked for an independent review.\n"
        "© 2021 Example Media. All rights reserved.\n")


@pytest.fixture(scope="module")
def spark():
    """One small local session for the module: two cores, no UI, the workers on this very interpreter."""
    from pyspark.sql import SparkSession

    with pytest.MonkeyPatch.context() as env:
        env.setenv("PYSPARK_PYTHON", sys.executable)
        env.setenv("PYSPARK_DRIVER_PYTHON", sys.executable)
        session = (SparkSession.builder.master("local[2]").appName("clean-tests")
                   .config("spark.ui.enabled", "false")
                   .config("spark.sql.shuffle.partitions", "2")
                   .config("spark.driver.memory", "1g")
                   .getOrCreate())
        session.sparkContext.setLogLevel("ERROR")
        yield session
        session.stop()


def documents(n: int) -> list[str]:
    """``n`` real documents: the fixture cases and seed pages, repeated."""
    docs = ["\n".join(case["lines"]) + "\n" for case in load_cases()]
    docs += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))
             if not p.name.endswith(".expected.txt")]
    return [docs[i % len(docs)] for i in range(n)]


def test_60_rows_3_partitions_equal_the_library(spark):
    docs = documents(60)
    df = spark.createDataFrame([(i, text, f"u{i}") for i, text in enumerate(docs)], "id int, text string, url string")
    df = df.repartition(3, "id")
    assert df.rdd.getNumPartitions() == 3

    out = clean_dataframe(df)
    assert out.columns == ["id", "text", "url", "clean_text"]
    rows = out.collect()
    assert sorted(r.id for r in rows) == list(range(60))
    cleaner = clean.default_cleaner()
    for row in rows:
        assert row.text == docs[row.id] and row.url == f"u{row.id}"
        assert row.clean_text == clean.clean_text(docs[row.id], cleaner=cleaner).text, row.id


def test_options_nulls_html_and_errors(spark):
    html = ("<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><h1>Council extends programme</h1>"
            "<p>" + PAGE + "</p></body></html>")
    df = spark.createDataFrame([(1, PAGE, PAGE.encode()), (2, None, None), (3, html, b"caf\xe9 \xff")],
                               "id int, body string, raw binary").coalesce(1)

    precise = {r.id: r.out for r in clean_dataframe(df, "body", "out", mode="precise", disable=["chrome"]).collect()}
    assert precise[1] == clean.clean_text(PAGE, mode="precise", disable=["chrome"]).text
    assert precise[2] is None

    auto = {r.id: r.body for r in clean_dataframe(df, "body", "body", "auto").collect()}  # replaced in place
    assert auto[1] == clean.clean_text(PAGE).text
    assert auto[3] == clean.clean_html(html).text

    untitled = {r.id: r.out for r in clean_dataframe(df, "body", "out", include_title=False).collect()}
    assert untitled[3] == clean.clean_html(html, include_title=False).text != auto[3]  # the library's options

    raw = clean_dataframe(df, "raw", "clean", error_col="error").orderBy("id").collect()
    assert [r.clean for r in raw] == [clean.clean_text(PAGE).text, None, None]
    assert raw[0].error is None and raw[1].error is None
    assert raw[2].error.startswith("not valid utf-8") and "\n" not in raw[2].error


def test_bad_arguments_fail_on_the_driver(spark):
    df = spark.createDataFrame([(1, "x")], "id int, text string")
    with pytest.raises(ValueError, match="no column 'body'"):
        clean_dataframe(df, "body")
    with pytest.raises(TypeError, match="holds int"):
        clean_dataframe(df, "id")
    with pytest.raises(ValueError, match="input_format"):
        clean_dataframe(df, input_format="pdf")
    with pytest.raises(ValueError):
        clean_dataframe(df, mode="sloppy")
    with pytest.raises(TypeError):
        clean_dataframe(df, include_titel=False)


def test_defaults_match_the_command_line():
    import inspect

    from clean.cli import main

    default = next(p.default for p in main.params if p.name == "input_format")
    assert inspect.signature(clean_dataframe).parameters["input_format"].default == default == "auto"
