"""The command line, through click.testing.CliRunner (and real pipes and signals where those are the point)."""

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

import clean
from clean.cli import main
from conftest import FIXTURES, load_cases

PAGE = ("Home\nNews\nShare\n"
        "The council voted on Tuesday to extend the programme for another three years, citing strong demand.\n"
        "Critics said the money would be better spent on roads, and asked for an independent review.\n"
        "© 2021 Example Media. All rights reserved.\n")


def texts():
    """Real documents: every fixture case and seed page."""
    docs = ["\n".join(case["lines"]) + "\n" for case in load_cases()]
    docs += [p.read_text(encoding="utf-8") for p in sorted((FIXTURES / "seeds").glob("*.txt"))
             if not p.name.endswith(".expected.txt")]
    return docs


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def records(output: str):
    return [json.loads(line) for line in output.splitlines()]


# --- single documents (the behaviour before batch mode) -----------------------------------------------------

def test_file_to_clean_text(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    result = run([str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    assert result.stdout == clean.clean_text(PAGE).text


def test_stdin_json_and_explain(tmp_path):
    result = run(["--format", "json"], input=PAGE)
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"file": None, **clean.clean_text(PAGE).to_dict()}
    explained = run(["--explain", "--no-color"], input=PAGE).stdout
    assert "- [navigation] Home" in explained and explained.rstrip().splitlines()[-1].startswith("# removed")


def test_single_document_error_is_one_line(tmp_path):
    (tmp_path / "bad.txt").write_bytes(b"caf\xe9\n")
    result = CliRunner().invoke(main, [str(tmp_path / "bad.txt")])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "bad.txt: not valid utf-8" in result.stderr
    missing = CliRunner().invoke(main, [str(tmp_path / "nope.txt")])
    assert missing.exit_code == 1 and "nope.txt" in missing.stderr and missing.stderr.count("\n") == 1


def test_stats_in_single_document_mode(tmp_path):
    result = run(["--stats"], input=PAGE)
    assert result.exit_code == 0 and result.stdout == clean.clean_text(PAGE).text
    assert result.stderr.split()[:2] == ["documents", "1"]


# --- JSONL: the acceptance run ------------------------------------------------------------------------------

def test_acceptance_150_records_three_bad_jobs_2(tmp_path):
    docs = texts()
    lines, expected = [], []
    bad_at = {20: "this is not json", 75: json.dumps({"id": "r75", "body": "no text field"}),
              140: json.dumps({"id": "r140", "text": {"not": "a string"}})}
    for i in range(150):
        if len(lines) in bad_at:
            lines.append(bad_at[len(lines)])
            expected.append(None)
        text = docs[i % len(docs)]
        lines.append(json.dumps({"id": f"r{i}", "text": text, "source": {"n": i, "ok": True}}))
        expected.append((f"r{i}", text))
    assert len(lines) == 153
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run(["--jsonl", str(src), "--jobs", "2", "-o", str(tmp_path / "out.jsonl")])
    assert result.exit_code == 1
    got = records((tmp_path / "out.jsonl").read_text(encoding="utf-8"))
    assert len(got) == 153
    errors = [(n, rec) for n, rec in enumerate(got) if "error" in rec]
    assert [n for n, _ in errors] == [20, 75, 140]
    assert [rec["line"] for _, rec in errors] == [21, 76, 141]
    assert [rec["id"] for _, rec in errors] == [None, "r75", "r140"]
    cleaner = clean.default_cleaner()
    for rec, exp in zip(got, expected):
        if exp is None:
            continue
        rid, text = exp
        n = int(rid[1:])
        assert rec == {"id": rid, "text": clean.clean_text(text, cleaner=cleaner).text, "source": {"n": n, "ok": True}}
    assert "3 of 153 records failed" in result.stderr


def test_jsonl_all_good_exit_0_and_jobs_agree(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts() * 3), encoding="utf-8")
    one = run(["--jsonl", str(src)])
    assert one.exit_code == 0 and one.stderr == ""
    for jobs in ("2", "0"):
        other = run(["--jsonl", str(src), "--jobs", jobs])
        assert other.exit_code == 0 and other.stdout == one.stdout
    assert [r["text"] for r in records(one.stdout)] == [clean.clean_text(t).text for t in texts() * 3]


def test_jsonl_stdin_dash_and_several_files(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    result = run(["--jsonl", str(tmp_path / "a.jsonl"), "-"], input="oops\n" + json.dumps({"text": "x"}) + "\n")
    assert result.exit_code == 1
    got = records(result.stdout)
    assert got[0] == {"text": clean.clean_text(PAGE).text}
    assert got[1]["file"] == "-" and got[1]["line"] == 1 and got[1]["id"] is None
    assert got[2] == {"text": "x"}


def test_jsonl_fields_explain_and_format(tmp_path):
    html = "<html><body><p>x</p></body></html>"
    line = json.dumps({"doc": 1, "body": PAGE, "html": html})
    result = run(["--jsonl", "--field", "body", "--output-field", "clean", "--id-field", "doc", "--explain",
                  "--input-format", "text"], input=line + "\n")
    assert result.exit_code == 0
    [got] = records(result.stdout)
    expected = clean.clean_text(PAGE).to_dict()
    assert got == {"doc": 1, "body": PAGE, "html": html, "clean": expected["text"], "removals": expected["removals"]}
    missing = run(["--jsonl", "--id-field", "doc"], input=line + "\n")
    assert missing.exit_code == 1 and records(missing.stdout) == [{"error": "no field 'text'", "line": 1, "id": 1}]


def test_jsonl_html_records(tmp_path):
    pytest.importorskip("clean.html", reason="the HTML front end (clean/html.py) has not landed yet")
    html = "<html><head><title>T</title></head><body><nav><a href=/>Home</a></nav><p>" + PAGE + "</p></body></html>"
    result = run(["--jsonl"], input=json.dumps({"text": html}) + "\n")
    assert result.exit_code == 0
    assert records(result.stdout) == [{"text": clean.clean_html(html).text}]


def test_stats_and_quiet(tmp_path):
    lines = [json.dumps({"text": PAGE})] * 4 + ["[]", ""]
    result = run(["--jsonl", "--stats"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    stats = dict(line.rsplit(None, 1) for line in result.stderr.splitlines()[1:])
    per_doc = [r.reason.value for r in clean.clean_text(PAGE).removals]
    assert stats["records"] == "5" and stats["  failed"] == "1" and stats["blank lines skipped"] == "1"
    assert stats["removals"] == str(4 * len(per_doc))
    for reason in set(per_doc):
        assert stats[f"  {reason}"] == str(4 * per_doc.count(reason))
    quiet = run(["--jsonl", "--quiet"], input="\n".join(lines) + "\n")
    assert quiet.exit_code == 1 and quiet.stderr == ""
    assert "\r" not in result.stderr  # no progress bar when standard error is not a terminal


@pytest.mark.parametrize("args", [
    ["--field", "body"],
    ["--jobs", "2"],
    ["--jsonl", "--jobs", "-1"],
    ["--jsonl", "--format", "json"],
    ["--jsonl", "--encoding", "latin-1"],
    ["--jsonl", "--input-dir", "."],
    ["--jsonl", "does-not-exist.jsonl"],
    ["--output-dir", "x"],
    ["--jsonl", "--input-format", "pdf"],
    ["--jsonl", "--max-line-bytes", "0"],
])
def test_usage_errors_exit_2(args):
    result = CliRunner().invoke(main, args, input="")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Error" in result.stderr


def test_output_may_not_overwrite_input(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--jsonl", str(src), "-o", str(src)])
    assert result.exit_code == 2
    assert src.read_text(encoding="utf-8") == json.dumps({"text": PAGE}) + "\n"


# --- folders ------------------------------------------------------------------------------------------------

def test_folders(tmp_path):
    src = tmp_path / "in"
    (src / "x" / "y").mkdir(parents=True)
    (src / "a.txt").write_text(PAGE, encoding="utf-8")
    (src / "x" / "y" / "b.txt").write_text(PAGE.replace("Tuesday", "Monday"), encoding="utf-8")
    (src / "x" / "skip.csv").write_text("a,b")
    result = run(["--input-dir", str(src), "--output-dir", str(tmp_path / "out"), "--jobs", "2", "--stats"])
    assert result.exit_code == 0
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == clean.clean_text(PAGE).text
    assert (tmp_path / "out" / "x" / "y" / "b.txt").read_text(encoding="utf-8") == \
        clean.clean_text(PAGE.replace("Tuesday", "Monday")).text
    assert not (tmp_path / "out" / "x" / "skip.csv").exists()
    assert result.stderr.split()[:2] == ["files", "2"]

    (src / "x" / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (src / "x" / "bad2.txt").write_bytes(b"caf\xe9")
    failed = run(["--input-dir", str(src), "--output-dir", str(tmp_path / "out2"), "--format", "json"])
    assert failed.exit_code == 1
    assert failed.stderr.splitlines() == [failed.stderr.splitlines()[0], "clean: 1 of 4 files failed"]
    assert failed.stderr.startswith("clean: x/bad2.txt: not valid utf-8")
    got = json.loads((tmp_path / "out2" / "a.txt").read_text(encoding="utf-8"))
    assert got["text"] == clean.clean_text(PAGE).text and got["file"] == "a.txt"


def test_folder_html_by_suffix(tmp_path):
    pytest.importorskip("clean.html", reason="the HTML front end (clean/html.py) has not landed yet")
    (tmp_path / "in").mkdir()
    page = "<nav>Home</nav><p>" + PAGE + "</p>"  # no <html>: HTML by its suffix only
    (tmp_path / "in" / "p.html").write_text(page, encoding="utf-8")
    result = run(["--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert (tmp_path / "out" / "p.html").read_text(encoding="utf-8") == clean.clean_html(page).text


# --- pipes and signals (real processes: CliRunner has neither) ----------------------------------------------

def _big_jsonl(path, n=3000):
    docs = texts()
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": i, "text": docs[i % len(docs)]}) + "\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_closed_pipe_ends_quietly(tmp_path, jobs):
    _big_jsonl(tmp_path / "in.jsonl")
    proc = subprocess.Popen([sys.executable, "-m", "clean", "--jsonl", str(tmp_path / "in.jsonl"), "--jobs", jobs],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # what `| head -1` does
    err = proc.stderr.read()
    assert proc.wait(timeout=120) == 141
    assert json.loads(first)["id"] == 0
    assert err == b""


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_ends_quietly(tmp_path, jobs):
    _big_jsonl(tmp_path / "in.jsonl", 20000)
    # a new session, so that the signal goes to the whole process group as a terminal's Ctrl-C does
    proc = subprocess.Popen([sys.executable, "-m", "clean", "--jsonl", str(tmp_path / "in.jsonl"), "--jobs", jobs,
                             "-o", str(tmp_path / "out.jsonl")], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    # wait until output has begun: the run is under way
    while not (tmp_path / "out.jsonl").exists() or (tmp_path / "out.jsonl").stat().st_size == 0:
        assert proc.poll() is None
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert err == b""
    # what was written is whole records, in order
    written = [json.loads(line) for line in (tmp_path / "out.jsonl").read_bytes().splitlines()]
    assert 0 < len(written) < 20000
    assert [r["id"] for r in written] == list(range(len(written)))


def _stderr_on_a_terminal(args, env_extra=None) -> tuple[int, bytes]:
    """Run the command with standard error on a pseudo-terminal; its exit status and what the terminal got."""
    import pty
    import select

    master, slave = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    env.update(env_extra or {}, TERM="xterm")
    proc = subprocess.Popen([sys.executable, "-m", "clean", *args], stdout=subprocess.DEVNULL, stderr=slave, env=env)
    os.close(slave)
    got = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.1)
        if ready:
            try:
                data = os.read(master, 65536)
            except OSError:  # the terminal closed: the process has ended
                break
            if not data:
                break
            got += data
        elif proc.poll() is not None:
            break
    os.close(master)
    return proc.wait(timeout=120), got


def test_progress_bar_on_a_terminal_only(tmp_path):
    _big_jsonl(tmp_path / "in.jsonl", 600)
    status, shown = _stderr_on_a_terminal(["--jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")])
    assert status == 0
    assert b"\r" in shown and b"600 records, 0 failed" in shown and b"(100%)" in shown
    status, shown = _stderr_on_a_terminal(["--jsonl", "-q", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")])
    assert status == 0 and shown == b""
    status, shown = _stderr_on_a_terminal(["--jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")],
                                          {"CI": "true"})
    assert status == 0 and shown == b""


def test_an_unforeseen_error_is_still_one_line(monkeypatch):
    def boom(*args, **kwargs):
        raise RuntimeError("boom\n  on two lines")

    monkeypatch.setattr("clean.cli.run_jsonl", boom)
    result = CliRunner().invoke(main, ["--jsonl"], input="{}\n")
    assert result.exit_code == 1
    assert result.stderr == "Error: RuntimeError: boom on two lines\n"


def test_html_title_first_unless_no_title(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Council approves road budget</h1>"
                    "<p>The city council approved the new budget on Tuesday after a debate that lasted more than "
                    "six hours, with members split over the cost of road repairs.</p></body></html>",
                    encoding="utf-8")
    with_title = run([str(page)]).output
    without = run(["--no-title", str(page)]).output
    assert with_title.startswith("Council approves road budget\n\nThe city council")
    assert without.startswith("The city council") and "Council approves" not in without
    assert run(["--input-format", "text", str(page)]).output.startswith("<html>")
