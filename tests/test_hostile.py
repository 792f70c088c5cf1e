"""Hostile input, through the library and the command line: random bytes, an empty file, UTF-16 with a BOM,
latin-1 HTML with a meta charset, HTML nested 100,000 deep, a 100 MB text, NUL bytes, lone surrogates.

Each must give a result, or a one-line error with exit status 1 or 2, never a traceback. The two big inputs run
in real processes whose peak memory is measured (it must stay under 1.5 GB); the rest run through CliRunner.
"""

import codecs
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import clean
from clean.cli import main

ARTICLE = ("The council voted on Tuesday to extend the programme for another three years, citing strong demand.\n"
           "Critics said the money would be better spent on roads, and asked for an independent review.\n")
PEAK_LIMIT = 1_500_000_000
DEEP = 100_000


def cli(args, input=None):
    """The command line in-process; a traceback would be an exception CliRunner keeps, so none may escape."""
    result = CliRunner().invoke(main, args, input=input)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert "Traceback" not in result.output
    return result


def assert_one_line_error(result, status=1):
    assert result.exit_code == status
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("clean: "), result.stderr


# --- the inputs ---------------------------------------------------------------------------------------------

def random_bytes(n=200_000, seed=7) -> bytes:
    return random.Random(seed).randbytes(n)


def utf16_text() -> bytes:
    return codecs.BOM_UTF16_LE + ("Überschrift: Gemeinderat\n" + ARTICLE).encode("utf-16-le")


def latin1_html() -> bytes:
    page = ('<html><head><meta charset="iso-8859-1"><title>Café society</title></head><body>'
            f'<nav><a href="/">Home</a></nav><p>{ARTICLE.replace("council", "café council")}</p></body></html>')
    return page.encode("latin-1")


DEEP_LINE = "Deep down, the council voted on Tuesday to extend the programme for another three years."


def deep_html(tag="div", closed=True) -> str:
    """The article's first paragraph, then one under ``DEEP`` nested elements, then one after them."""
    close = f"</{tag}>" * DEEP if closed else ""
    return (f"<html><body><p>{ARTICLE}</p>{f'<{tag}>' * DEEP}<p>{DEEP_LINE}</p>{close}"
            f"<p>Afterwards, {ARTICLE}</p></body></html>")


def nul_text() -> str:
    return "a\x00b\n" + ARTICLE + "\x00\x00\x00\n"


def surrogate_text() -> str:
    return "x\ud800y\n" + ARTICLE.replace("roads", "roads\udfff")


# --- library ------------------------------------------------------------------------------------------------

def test_library_random_bytes():
    data = random_bytes()
    assert isinstance(clean.clean_html(data).text, str)  # decoded as a browser would
    assert isinstance(clean.clean_text(data.decode("latin-1")).text, str)
    with pytest.raises(TypeError, match="takes str"):
        clean.clean_text(data)  # bytes are the caller's to decode: a clear error


def test_library_empty():
    for result in (clean.clean_text(""), clean.clean_html(""), clean.clean_html(b"")):
        assert result.text == "" and result.removals == ()


def test_library_utf16_bom_and_latin1_meta_charset():
    html = clean.clean_html(codecs.BOM_UTF16_LE + f"<html><body><p>{ARTICLE}</p></body></html>".encode("utf-16-le"))
    assert "The council voted" in html.text
    page = clean.clean_html(latin1_html())
    assert "café council" in page.text and "\ufffd" not in page.text


@pytest.mark.slow
@pytest.mark.parametrize("tag, closed", [("div", True), ("b", False)])
def test_library_html_nested_100000_deep(tag, closed):
    text = clean.clean_html(deep_html(tag, closed)).text
    assert text.startswith("The council voted") and DEEP_LINE in text and "Afterwards, The council" in text


def test_library_nul_bytes():
    text = nul_text()
    result = clean.clean_text(text)
    assert all(line in text.splitlines() for line in result.text.splitlines())  # kept lines are input lines
    assert "The council voted" in clean.clean_html(f"<p>\x00</p><p>{ARTICLE}</p>").text
    assert isinstance(clean.clean_html(b"\x00" * 10_000).text, str)


def test_library_lone_surrogates():
    text = surrogate_text()
    result = clean.clean_text(text)
    assert "roads\udfff" in result.text  # kept text is never rewritten, not even this
    assert "The council voted" in clean.clean_html(f"<p>x\ud800y</p><p>{ARTICLE}</p>").text


# --- command line: one document -----------------------------------------------------------------------------

def test_cli_random_bytes(tmp_path):
    (tmp_path / "r.bin").write_bytes(random_bytes())
    for args in ([], ["--input-format", "html"], ["--input-format", "text"]):
        result = cli(args + [str(tmp_path / "r.bin")])
        assert_one_line_error(result)  # a binary file: says so, in one line, and is never cleaned
        assert "r.bin: a binary file" in result.stderr and result.stdout == ""
    piped = cli(["--format", "json"], input=random_bytes())
    assert_one_line_error(piped)
    assert "<stdin>: a binary file" in piped.stderr
    text = random_bytes().replace(b"\x00", b"")  # no NUL: not valid UTF-8 text, said in one line
    assert "<stdin>: not valid utf-8" in cli([], input=text).stderr


def test_cli_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    result = cli([str(tmp_path / "e.txt")])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr == ""
    result = cli(["--format", "json", str(tmp_path / "e.txt")])
    assert json.loads(result.stdout)["text"] == ""
    result = cli(["--jsonl", "--stats", str(tmp_path / "e.txt")])
    assert result.exit_code == 0 and result.stdout == "" and result.stderr.split()[:2] == ["records", "0"]


def test_cli_utf16_with_bom(tmp_path):
    (tmp_path / "u.txt").write_bytes(utf16_text())
    result = cli([str(tmp_path / "u.txt")])
    assert result.exit_code == 0
    assert result.stdout == clean.clean_text(utf16_text()[2:].decode("utf-16-le")).text
    records = ("\n".join(json.dumps({"id": i, "text": ARTICLE}) for i in range(3)) + "\n").encode("utf-16")
    jsonl = cli(["--jsonl"], input=records)
    assert jsonl.exit_code == 0 and [json.loads(l)["id"] for l in jsonl.stdout.splitlines()] == [0, 1, 2]


def test_cli_latin1_html_meta_charset(tmp_path):
    (tmp_path / "p.html").write_bytes(latin1_html())
    result = cli([str(tmp_path / "p.html")])
    assert result.exit_code == 0 and result.stdout.rstrip("\n") == clean.clean_html(latin1_html()).text.rstrip("\n")
    assert "café council" in result.stdout
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "p.html").write_bytes(latin1_html())
    tree = cli(["--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")])
    assert tree.exit_code == 0
    assert (tmp_path / "out" / "p.html").read_text(encoding="utf-8") == result.stdout


def test_cli_nul_bytes(tmp_path):
    (tmp_path / "n.txt").write_bytes(nul_text().encode())
    result = cli([str(tmp_path / "n.txt")])
    assert_one_line_error(result)  # NUL bytes in a file: a binary file, reported, not cleaned
    assert "n.txt: a binary file (NUL bytes)" in result.stderr and result.stdout == ""
    jsonl = cli(["--jsonl"], input=json.dumps({"text": nul_text()}) + "\n" + '{"text": "a\x00b"}\n')
    assert jsonl.exit_code == 1  # a raw NUL inside a JSON string is not JSON; the escaped one is
    good, bad = (json.loads(l) for l in jsonl.stdout.splitlines())
    assert good == {"text": clean.clean_text(nul_text()).text}
    assert bad["line"] == 2 and bad["error"].startswith("not JSON")


def test_cli_lone_surrogates(tmp_path):
    # in a file they can only be invalid UTF-8 (CESU-8 style): a one-line error, or a result as HTML
    (tmp_path / "s.txt").write_bytes(surrogate_text().encode("utf-8", "surrogatepass"))
    assert_one_line_error(cli([str(tmp_path / "s.txt")]))
    assert cli(["--input-format", "html", str(tmp_path / "s.txt")]).exit_code == 0
    # in JSON they are legal escapes: cleaned, and written back as escapes
    jsonl = cli(["--jsonl", "--explain"], input=json.dumps({"id": 1, "text": surrogate_text()}) + "\n")
    assert jsonl.exit_code == 0
    record = json.loads(jsonl.stdout)
    assert record["text"] == clean.clean_text(surrogate_text()).text and "roads\udfff" in record["text"]


def test_cli_jsonl_random_bytes_and_deep_json(tmp_path):
    data = random_bytes(50_000).replace(b"\n", b"\n\n")  # many lines of garbage
    result = cli(["--jsonl", "--stats"], input=data + b"\n" + b"[" * DEEP + b"]" * DEEP + b"\n")
    assert result.exit_code == 1
    out = [json.loads(l) for l in result.stdout.splitlines()]
    assert out and all(set(r) == {"error", "line", "id"} for r in out)
    assert out[-1]["error"].startswith("not a JSON object") or out[-1]["error"].startswith("not JSON")


@pytest.mark.slow
def test_cli_jsonl_deep_html_record():
    result = cli(["--jsonl"], input=json.dumps({"id": 1, "text": deep_html()}) + "\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"id": 1, "text": clean.clean_html(deep_html()).text}
    assert DEEP_LINE in json.loads(result.stdout)["text"]


# --- the big ones, in real processes with their peak memory measured ---------------------------------------

#: Runs argv[4:] with standard input, output and error from/to the files argv[1:4], then prints its exit
#: status and the peak RSS (kB) of the largest process it waited for. Being small itself, this wrapper keeps
#: the figure clean: a child forked straight from pytest would count pytest's own memory in its peak.
_MEASURE = ("import resource, subprocess, sys; "
            "status = subprocess.call(sys.argv[4:], stdin=open(sys.argv[1], 'rb'), stdout=open(sys.argv[2], 'wb'), "
            "stderr=open(sys.argv[3], 'wb')); "
            "print(status, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def measured(tmp_path: Path, argv: list[str], stdin: Path | None = None, timeout: float = 600):
    """Run ``argv`` in a fresh process: ``(exit status, peak RSS in bytes, stdout path, stderr text)``."""
    out, err = tmp_path / "stdout", tmp_path / "stderr"
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(stdin or "/dev/null"), str(out), str(err), *argv],
                          capture_output=True, text=True, timeout=timeout, check=True)
    status, peak_kb = map(int, done.stdout.split())
    return status, peak_kb * 1024, out, err.read_text(encoding="utf-8", errors="replace")


_LIBRARY = ("import sys, clean; data = open(sys.argv[2], 'rb').read(); "
            "result = clean.clean_html(data) if sys.argv[1] == 'html' else clean.clean_text(data.decode('utf-8')); "
            "sys.stdout.write(result.text)")


@pytest.fixture(scope="module")
def text_100mb(tmp_path_factory) -> Path:
    """100 MB of article-like plain text: sentences of varied length, one per line, few repeated."""
    path = tmp_path_factory.mktemp("big") / "100mb.txt"
    rnd = random.Random(100)
    words = (ARTICLE + "budget school hospital river bridge minister mayor report week year city people "
             "plan vote local new said would could after before under over").lower().split()
    with open(path, "w", encoding="utf-8") as fh:
        size = 0
        while size < 100_000_000:
            lines = [" ".join(rnd.choices(words, k=rnd.randint(4, 40))).capitalize() + ".\n" for _ in range(1000)]
            chunk = "".join(lines)
            fh.write(chunk)
            size += len(chunk)
    return path


@pytest.fixture(scope="module")
def deep_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("deep") / "deep.html"
    path.write_text(deep_html(), encoding="utf-8")
    return path


def _big_result(status, peak, out, err, expected_start: str):
    assert "Traceback" not in err
    assert peak < PEAK_LIMIT, f"peak RSS {peak / 1e6:,.0f} MB"
    if status == 0:
        assert err == ""
        with open(out, encoding="utf-8") as fh:
            assert fh.read(len(expected_start)) == expected_start
    else:
        assert status in (1, 2) and err.count("\n") == 1, err


@pytest.mark.slow
def test_100mb_text_cli(tmp_path, text_100mb):
    status, peak, out, err = measured(tmp_path, [sys.executable, "-m", "clean", str(text_100mb)])
    first = text_100mb.open(encoding="utf-8").readline()
    _big_result(status, peak, out, err, first[:20])


@pytest.mark.slow
def test_100mb_text_library(tmp_path, text_100mb):
    status, peak, out, err = measured(tmp_path, [sys.executable, "-c", _LIBRARY, "text", str(text_100mb)])
    assert status == 0, err
    _big_result(status, peak, out, err, text_100mb.open(encoding="utf-8").readline()[:20])


@pytest.mark.slow
def test_100mb_record_in_jsonl_is_an_error_record_read_in_bounded_memory(tmp_path, text_100mb):
    src = tmp_path / "big.jsonl"
    with open(src, "w", encoding="utf-8") as fh, open(text_100mb, encoding="utf-8") as big:
        fh.write('{"id": "big", "text": ' + json.dumps(big.read()) + "}\n")
        fh.write(json.dumps({"id": "small", "text": ARTICLE}) + "\n")
    status, peak, out, err = measured(tmp_path, [sys.executable, "-m", "clean", "--jsonl", str(src)])
    assert status == 1 and peak < 500_000_000, (status, peak)
    big, small = (json.loads(l) for l in out.read_text(encoding="utf-8").splitlines())
    assert big["line"] == 1 and "longer than the limit" in big["error"] and big["id"] is None  # never parsed
    assert small == {"id": "small", "text": clean.clean_text(ARTICLE).text}
    assert err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.slow
def test_deep_html_cli_and_library(tmp_path, deep_file):
    expected = clean.clean_html(deep_html()).text
    for argv in ([sys.executable, "-m", "clean", str(deep_file)],
                 [sys.executable, "-c", _LIBRARY, "html", str(deep_file)]):
        status, peak, out, err = measured(tmp_path, argv)
        assert status == 0, err
        _big_result(status, peak, out, err, "The council voted")
        assert out.read_text(encoding="utf-8").rstrip("\n") == expected.rstrip("\n")


def test_a_document_over_max_chars_is_passed_through_by_the_library_and_fails_in_the_cli(tmp_path):
    text = "\n".join(ARTICLE.split(". ")) + "\n"
    result = clean.clean_text(text, max_chars=len(text) - 1)
    assert result.text == text and result.removals == () and "not cleaned" in result.skipped
    assert clean.clean_text(text, max_chars=len(text)).skipped is None
    page = f"<html><body><p>{ARTICLE}</p></body></html>"
    assert clean.clean_html(page, max_chars=10).text == "" and clean.clean_html(page, max_chars=10).skipped
    big = tmp_path / "big.txt"
    big.write_text("short line\n" * (clean.options.DEFAULT_MAX_CHARS // 11 + 1), encoding="utf-8")
    out = CliRunner().invoke(main, [str(big)])
    assert out.exit_code == 1 and out.output.count("\n") == 1 and "not cleaned" in out.output


@pytest.mark.slow
def test_the_longest_document_of_short_lines_stays_within_memory(tmp_path):
    """As many lines as max_chars allows: more than max_lines, so refused in bounded memory (tests/test_memory.py
    has the worst shapes that are cleaned)."""
    path = tmp_path / "lines.txt"
    rnd = random.Random(7)
    words = ["home", "news", "sport", "weather", "video", "more"]
    with open(path, "w", encoding="utf-8") as fh:
        size = 0
        while size < clean.options.DEFAULT_MAX_CHARS - 100:
            line = f"{rnd.choice(words)} {rnd.choice(words)}\n"
            fh.write(line)
            size += len(line)
    status, peak, out, err = measured(tmp_path, [sys.executable, "-m", "clean", str(path)])
    assert status == 1 and "lines, more than the 250,000 a document may have: not cleaned" in err, err
    assert peak < PEAK_LIMIT, f"peak RSS {peak / 1e6:,.0f} MB"


# --- worker deaths: every record once, in order, as with --jobs 1 -------------------------------------------

def _kill_workers():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kill_workers", ROOT / "benchmarks" / "kill_workers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


ROOT = Path(__file__).resolve().parent.parent
KILL_RECORDS = 300


@pytest.fixture(scope="module")
def kill_run(tmp_path_factory):
    """Real records and their --jobs 1 output."""
    if not Path("/proc/self/stat").exists():
        pytest.skip("finds the workers in /proc (Linux)")
    kw = _kill_workers()
    recs = kw.write_records(tmp_path_factory.mktemp("kill") / "recs.jsonl", KILL_RECORDS)
    argv = [sys.executable, "-m", "clean", "--jsonl", "--quiet", str(recs)]
    expected = subprocess.run(argv + ["--jobs", "1"], capture_output=True, check=True, timeout=600).stdout
    assert len(expected.splitlines()) == KILL_RECORDS and b'"error"' not in expected
    return kw, argv, expected


@pytest.mark.slow
def test_a_worker_killed_while_the_output_is_held_back_loses_nothing(kill_run):
    kw, argv, expected = kill_run
    run = kw.run_with_kills(argv + ["--jobs", "2"], hold=6.0, kill_at=4.0)
    assert run["kills"] == 1
    assert (run["status"], run["stderr"]) == (0, b"")
    assert run["stdout"] == expected  # every record, in order, each as --jobs 1 cleans it


@pytest.mark.slow
def test_a_worker_killed_every_second_loses_nothing(kill_run):
    # One kill a second (the output read slowly, so the run lasts several): a record is an error only when
    # its worker dies twice while cleaning it alone, which at this rate a healthy record almost never meets
    # (0 in 66 kills measured; at four kills a second about 1 kill in 80 hits a retry again).
    kw, argv, expected = kill_run
    run = kw.run_with_kills(argv + ["--jobs", "2"], kill_at=1.0, interval=1.0, read_pause=0.08)
    assert run["kills"] >= 4, run["kills"]
    assert (run["status"], run["stderr"]) == (0, b"")
    assert run["stdout"] == expected
