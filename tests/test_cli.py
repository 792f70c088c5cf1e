"""The command line, through click.testing.CliRunner (and real pipes and signals where those are the point)."""

import json
import os
import re
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


def nl(text: str) -> str:
    """A document's output in the command line: ends with a newline, unless empty."""
    return text if not text or text.endswith("\n") else text + "\n"


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
    assert "Traceback" not in result.output
    assert result.stderr.startswith("clean: ") and result.stderr.count("\n") == 1, result.stderr  # one line


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
    assert failed.stderr.startswith(f"clean: {src / 'x' / 'bad2.txt'}: not valid utf-8")
    got = json.loads((tmp_path / "out2" / "a.txt").read_text(encoding="utf-8"))
    assert got["text"] == clean.clean_text(PAGE).text and got["file"] == "a.txt"


def test_folder_html_by_suffix(tmp_path):
    (tmp_path / "in").mkdir()
    page = "<nav>Home</nav><p>" + PAGE + "</p>"  # no <html>: HTML by its suffix only
    (tmp_path / "in" / "p.html").write_text(page, encoding="utf-8")
    result = run(["--input-dir", str(tmp_path / "in"), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert (tmp_path / "out" / "p.html").read_text(encoding="utf-8") == nl(clean.clean_html(page).text)


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


@pytest.mark.slow
def test_progress_bar_on_a_terminal_only(tmp_path):
    _big_jsonl(tmp_path / "in.jsonl", 600)
    status, shown = _stderr_on_a_terminal(["--jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")])
    assert status == 0
    assert b"\r" in shown and b"600 records, 0 failed" in shown and b"100%" in shown
    status, shown = _stderr_on_a_terminal(["--jsonl", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "o")],
                                          {"COLUMNS": "40"})
    assert status == 0 and b"100%" in shown  # a narrow terminal: every redraw fits, nothing scrolls
    visible = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", shown.decode())  # no cursor codes
    assert all(len(piece) <= 40 for piece in visible.replace("\n", "\r").split("\r")), visible
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
    assert result.stderr == "clean: RuntimeError: boom on two lines\n"


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


# --- never onto an input (issue 11.2, issue 10) --------------------------------------------------------------

def _one_line_usage_error(result, path, content):
    assert result.exit_code == 2, result.output
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("clean: "), result.stderr
    assert path.read_bytes() == content  # untouched


def test_output_onto_an_input_is_refused_by_name_link_and_hard_link(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(PAGE, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(page)
    os.link(page, tmp_path / "hard.txt")
    for target in ("page.txt", "link.txt", "hard.txt"):
        result = CliRunner().invoke(main, ["-o", str(tmp_path / target), str(page)])
        _one_line_usage_error(result, page, PAGE.encode())
        assert "is also the output" in result.stderr
    recs = tmp_path / "f.jsonl"
    recs.write_text(json.dumps({"text": PAGE}) + "\n", encoding="utf-8")
    os.link(recs, tmp_path / "hard.jsonl")
    result = CliRunner().invoke(main, ["--jsonl", str(recs), "-o", str(tmp_path / "hard.jsonl")])
    _one_line_usage_error(result, recs, recs.read_bytes())


def test_standard_input_or_output_that_is_an_input_file_is_refused(tmp_path):
    recs = tmp_path / "f.jsonl"
    content = (json.dumps({"text": PAGE}) + "\n").encode()
    recs.write_bytes(content)
    cmd = [sys.executable, "-m", "clean"]
    for args in (["--jsonl", "-", "-o", str(recs)], ["-o", str(recs)]):
        with open(recs, "rb") as stdin:
            done = subprocess.run(cmd + args, stdin=stdin, capture_output=True, timeout=120)
        assert done.returncode == 2 and done.stderr.count(b"\n") == 1, done.stderr
        assert recs.read_bytes() == content
    with open(recs, "ab") as stdout:  # clean --jsonl f.jsonl >> f.jsonl: would never end
        done = subprocess.run(cmd + ["--jsonl", str(recs)], stdout=stdout, stderr=subprocess.PIPE, timeout=120)
    assert done.returncode == 2 and b"standard output" in done.stderr
    assert recs.read_bytes() == content


def test_folder_output_at_or_inside_the_input_is_refused(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "link").symlink_to(src)
    for out in (src, src / "sub", tmp_path / "link", tmp_path / "link" / "new"):
        result = CliRunner().invoke(main, ["--input-dir", str(src), "--output-dir", str(out)])
        _one_line_usage_error(result, src / "a.txt", PAGE.encode())
    assert sorted(p.name for p in src.rglob("*")) == ["a.txt", "sub"]


def test_folder_with_a_link_into_the_input_writes_nothing_there(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "a.txt").write_text(PAGE, encoding="utf-8")
    out.mkdir()
    (out / "sub").symlink_to(src / "sub")  # out/sub/a.txt would be the input itself
    result = CliRunner().invoke(main, ["--input-dir", str(src), "--output-dir", str(out)])
    assert result.exit_code == 1 and "sub/a.txt: its output would be written into the input" in result.stderr
    assert (src / "sub" / "a.txt").read_text(encoding="utf-8") == PAGE


def test_unreadable_folders_and_files_are_reported_and_counted(tmp_path, monkeypatch):
    src = tmp_path / "in"
    for d in ("a", "b", "c"):
        (src / d).mkdir(parents=True)
        (src / d / "x.txt").write_text(PAGE, encoding="utf-8")
    denied = {str(src / "b"), str(src / "c" / "x.txt")}
    real_scandir, real_open = os.scandir, os.open

    def scandir(path="."):
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    def open_(path, *args, **kw):
        if os.fspath(path) in denied:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_open(path, *args, **kw)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "open", open_)
    result = CliRunner().invoke(main, ["--input-dir", str(src), "--output-dir", str(tmp_path / "out"), "--stats"])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("clean: ") and "failed" not in line]
    assert errors == [f"clean: {src / 'b'}/: cannot read this folder: Permission denied",
                      f"clean: {src / 'c' / 'x.txt'}: Permission denied"]
    assert "clean: 2 of 3 files failed" in result.stderr
    assert (tmp_path / "out" / "a" / "x.txt").exists()


def test_folder_opens_only_regular_files(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(PAGE, encoding="utf-8")
    os.mkfifo(src / "b.txt")  # would hang a run that opens it for reading
    (src / "z.txt").symlink_to("/dev/zero")  # would read until memory runs out
    done = subprocess.run([sys.executable, "-m", "clean", "--input-dir", str(src), "--output-dir",
                           str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"clean: {src / 'b.txt'}: a FIFO, not a file: not read",
                                        f"clean: {src / 'z.txt'}: a character device, not a file: not read",
                                        "clean: 2 of 3 files failed"]
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == nl(clean.clean_text(PAGE).text)


# --- files: suffix, several, missing, binary (issue 10) ------------------------------------------------------

def test_the_suffix_decides_and_sniffing_sees_through_any_bom(tmp_path):
    page = "<nav>Home</nav><p>" + PAGE + "</p>"  # does not start like a page: HTML by its suffix only
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert run([str(tmp_path / "p.html")]).stdout == nl(clean.clean_html(page).text)
    utf16 = (FIXTURES / "html" / "utf16-bom.html").read_bytes()
    expected = nl(clean.clean_html(utf16).text)
    assert "<" not in expected and expected.strip()
    for name in ("u.html", "u.page"):  # by its suffix; sniffed through the UTF-16 BOM
        (tmp_path / name).write_bytes(utf16)
        assert run([str(tmp_path / name)]).stdout == expected
    assert run([], input=utf16).stdout == expected


def test_two_files_never_run_together_and_say_which_is_which(tmp_path):
    a, b = "Kyiv was hit by airstrikes.", "China Continues to grow, the report said, for the third year."
    (tmp_path / "a.txt").write_text(a, encoding="utf-8")  # no newline at the end
    (tmp_path / "b.txt").write_text(b, encoding="utf-8")
    files = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    out = run(files).stdout
    assert out == nl(clean.clean_text(a).text) + nl(clean.clean_text(b).text)
    assert "airstrikes.China" not in out
    explained = run(["--explain", "--no-color"] + files).stdout
    assert explained.startswith(f"# file: {files[0]}\n") and f"\n# file: {files[1]}\n" in explained
    assert [r["file"] for r in records(run(["--format", "json"] + files).stdout)] == files


def test_a_missing_file_is_reported_and_the_others_cleaned(tmp_path):
    (tmp_path / "good.txt").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path / "missing.txt"), str(tmp_path / "good.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"clean: {tmp_path / 'missing.txt'}: No such file or directory\n"
    assert result.stdout == nl(clean.clean_text(PAGE).text)


@pytest.mark.parametrize("content", [b"\x7fELF\x02\x01\x01" + bytes(200) + b"Some text\n",
                                     b"Some text\nwith a NUL\x00 in it\n"])
def test_a_binary_file_is_reported_as_binary_never_cleaned(tmp_path, content):
    for name in ("prog", "prog.txt", "prog.html"):
        (tmp_path / name).write_bytes(content)
        result = CliRunner().invoke(main, [str(tmp_path / name)])
        assert result.exit_code == 1 and result.stdout == ""
        assert result.stderr.startswith(f"clean: {tmp_path / name}: a binary file") and \
            result.stderr.count("\n") == 1


# --- a text stays text on a second pass (issue 11.5) ---------------------------------------------------------

TAG_FIRST = ("Home\nNews\nShare\n"
             "<div> elements group other elements, and the browser lays them out as blocks one below the other "
             "unless a style sheet says otherwise.\n"
             "The council voted on Tuesday to extend the programme for another three years, citing strong demand.\n"
             "Critics said the money would be better spent on roads, and asked for an independent review.\n"
             "© 2021 Example Media. All rights reserved.\n")


def test_a_text_whose_first_kept_line_starts_with_a_tag_stays_text_on_a_second_pass(tmp_path):
    once = run([], input=TAG_FIRST).stdout
    assert once.startswith("<div> elements group") and once == nl(clean.clean_text(TAG_FIRST).text)
    assert run([], input=once).stdout == once  # standard input: judged by structure, not by a leading tag

    recs = "".join(json.dumps({"id": i, "text": TAG_FIRST}) + "\n" for i in range(3))
    first = run(["--jsonl"], input=recs).stdout
    assert records(first)[0]["text"].startswith("<div> elements group")
    assert run(["--jsonl"], input=first).stdout == first

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TAG_FIRST, encoding="utf-8")
    run(["--input-dir", str(src), "--output-dir", str(tmp_path / "once")])
    run(["--input-dir", str(tmp_path / "once"), "--output-dir", str(tmp_path / "twice")])
    assert (tmp_path / "once" / "a.txt").read_text(encoding="utf-8") == once
    assert (tmp_path / "twice" / "a.txt").read_text(encoding="utf-8") == once


@pytest.mark.parametrize("page", ["<p>The council voted on Tuesday.</p>",
                                  "<!-- saved --><!DOCTYPE html><title>x</title>The council voted.",
                                  "Intro</p><p>The council voted.</p><p>It met.</p>"])
def test_html_is_still_recognised_by_its_structure(page):
    from clean.io import looks_like_html

    assert looks_like_html(page) and looks_like_html(page.encode("utf-16"))


# --- one error format (issue 11.7, issue 10) -----------------------------------------------------------------

def test_a_file_name_with_a_newline_is_escaped_in_its_one_line_error(tmp_path):
    bad = tmp_path / "bad\nname.txt"
    bad.write_bytes(b"caf\xe9\n")
    result = CliRunner().invoke(main, [str(bad)])
    assert result.exit_code == 1
    assert result.stderr == f"clean: {tmp_path}/bad\\nname.txt: " + result.stderr.split("name.txt: ")[1]
    assert result.stderr.count("\n") == 1
    src = tmp_path / "in"
    src.mkdir()
    (src / "bad\nname.txt").write_bytes(b"caf\xe9\n")
    result = CliRunner().invoke(main, ["--input-dir", str(src), "--output-dir", str(tmp_path / "out")])
    assert result.exit_code == 1 and result.stderr.splitlines()[0].startswith(f"clean: {src}/bad\\nname.txt: ")
    assert len(result.stderr.splitlines()) == 2  # the file, and the count


def test_format_json_on_a_file_name_that_is_not_utf8(tmp_path):
    name = os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt")
    with open(name, "w", encoding="utf-8") as fh:
        fh.write(PAGE)
    result = CliRunner().invoke(main, ["--format", "json", name])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["file"].endswith("caf\\xe9.txt")
    src = os.fsdecode(bytes(tmp_path))
    result = CliRunner().invoke(main, ["--input-dir", src, "--output-dir", str(tmp_path.parent / "json-out"),
                                       "--format", "json"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("args", [["--bogus"], ["--format", "xml"], ["-j"], ["--jsonl", "--input-dir", "."]])
def test_usage_errors_are_one_line_exit_2(args):
    result = CliRunner().invoke(main, args, input="")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("clean: ") and "Usage" not in result.stderr


def test_an_output_that_cannot_be_opened_is_one_line(tmp_path):
    (tmp_path / "a.txt").write_text(PAGE, encoding="utf-8")
    result = CliRunner().invoke(main, ["-o", str(tmp_path / "no" / "x.txt"), str(tmp_path / "a.txt")])
    assert result.exit_code == 1
    assert result.stderr == f"clean: {tmp_path / 'no' / 'x.txt'}: No such file or directory\n"


# --- rough edges (issue 10) ----------------------------------------------------------------------------------

def test_help_in_groups_under_80_columns_sizes_in_mib():
    text = run(["--help"]).stdout
    assert max(len(line) for line in text.splitlines()) < 80
    for group in ("Input options:", "Output options:", "Batch (JSONL and folders) options:", "Detectors options:"):
        assert f"\n{group}\n" in text
    assert "64 MiB" in text and "67108864" not in text


def test_explain_with_format_json_is_a_usage_error():
    result = CliRunner().invoke(main, ["--explain", "--format", "json"], input=PAGE)
    assert result.exit_code == 2 and result.stderr.startswith("clean: --explain and --format json")


def test_explain_counts_lines():
    explained = run(["--explain", "--no-color"], input=PAGE).stdout
    removed = [line for line in explained.splitlines() if line.startswith("- [")]
    assert explained.splitlines()[-1].startswith(f"# removed {len(removed)} of {len(PAGE.splitlines())} lines: ")
