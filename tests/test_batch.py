"""clean.batch and clean.parallel: records, line reading, the ordered parallel map, folders, statistics and progress."""

import io
import json
import os
import re

import pytest

import clean
from clean import batch, parallel
from clean.batch import JsonlConfig, Line, Oversize, Outcome, Stats, clean_line, read_lines

ARTICLE = ("The council voted on Tuesday to extend the programme for another three years, citing strong demand.\n"
           "Critics said the money would be better spent on roads, and asked for an independent review.\n")
PAGE = "Home\nNews\nShare\n" + ARTICLE + "© 2021 Example Media. All rights reserved.\n"


def line(obj, number=1, source=None):
    payload = obj if isinstance(obj, (bytes, Oversize)) else json.dumps(obj).encode()
    return Line(source, number, payload)


def out(outcome: Outcome) -> dict:
    assert outcome.data.endswith(b"\n") and outcome.data.count(b"\n") == 1
    return json.loads(outcome.data)


# --- one record ---------------------------------------------------------------------------------------------

def test_record_cleaned_in_place_other_fields_untouched():
    record = {"url": "https://example.com/a", "text": PAGE, "meta": {"n": [1, 2.5, None, True]}, "id": "a1"}
    outcome = clean_line(line(record), JsonlConfig())
    assert outcome.error is None
    got = out(outcome)
    expected = clean.clean_text(PAGE)
    assert got == {**record, "text": expected.text}
    assert list(got) == list(record)  # key order kept
    assert outcome.reasons == tuple(r.reason.value for r in expected.removals) and outcome.reasons


def test_output_field_and_explain():
    record = {"id": 3, "body": PAGE}
    got = out(clean_line(line(record), JsonlConfig(field="body", output_field="clean", explain=True)))
    expected = clean.clean_text(PAGE).to_dict()
    assert got["body"] == PAGE
    assert got["clean"] == expected["text"]
    assert got["removals"] == expected["removals"] and got["removals"]


@pytest.mark.parametrize("payload, message", [
    (b"not json {", "not JSON: Expecting value at column 1"),
    (b'{"text": "a"', "not JSON"),
    (b"[1, 2]", "not a JSON object but an array"),
    (b'"just a string"', "not a JSON object but a string"),
    (b'{"text": NaN}', "not JSON: NaN is not JSON"),
    (b'{"id": 7, "title": "x"}', "no field 'text'"),
    (b'{"id": 7, "text": 12}', "field 'text' holds a number, not a string"),
    (b'{"id": 7, "text": null}', "field 'text' holds null, not a string"),
    (b'{"id": 7, "text": ["a"]}', "field 'text' holds an array, not a string"),
    (b'{"id": 7, "text": "caf\xe9"}', "not valid UTF-8 (byte 0xe9 at offset 22)"),
    (b"[" * 100_000 + b"]" * 100_000, "not JSON: nested too deeply"),
    (Oversize(5_000), "line is 5,000 bytes, longer than the limit"),
])
def test_bad_lines_become_error_records(payload, message):
    outcome = clean_line(Line(None, 42, payload), JsonlConfig())
    got = out(outcome)
    assert outcome.error == got["error"] and outcome.reasons == ()
    assert got["error"].startswith(message)
    assert "\n" not in got["error"] and len(got["error"]) <= batch.MAX_MESSAGE
    assert got["line"] == 42
    assert list(got) == ["error", "line", "id"]
    assert got["id"] == (7 if b'"id": 7' in (payload if isinstance(payload, bytes) else b"") else None)


def test_other_fields_come_out_as_they_came_in():
    raw = ('{"n": 1.10, "e": 1E2, "big": 3.14159265358979323846264338327950288419716939937510, "inf": 1e400, '
           '"neg": -0, "id": 7, "text": "Home\\nThe council voted on Tuesday to extend the programme.\\n", '
           '"dup": 1, "dup": 2, "nested": {"z": 1.0, "a": [1.50, {"k": 2E-3}]}}')
    got = clean_line(Line(None, 1, raw.encode()), JsonlConfig())
    assert got.error is None
    text = clean.clean_text("Home\nThe council voted on Tuesday to extend the programme.\n").text
    assert got.data.decode() == raw.replace(
        '"Home\\nThe council voted on Tuesday to extend the programme.\\n"', json.dumps(text)) + "\n"


def test_a_duplicated_field_to_clean_is_reported():
    got = out(clean_line(Line(None, 3, b'{"id": 1.50, "text": "a", "text": "b"}'), JsonlConfig()))
    assert got["error"] == "field 'text' appears 2 times" and got["line"] == 3
    assert clean_line(Line(None, 3, b'{"id": 1.50, "text": "a", "text": "b"}'), JsonlConfig()).data.startswith(
        b'{"error": "field \'text\' appears 2 times", "line": 3, "id": 1.50')  # the id as written


def test_line_separators_are_escaped_in_the_output():
    value = "The council voted on Tuesday\u2028to extend\u2029the programme\x85for three years.\n"
    got = clean_line(line({"text": value, "note": "a\u2028b"}), JsonlConfig())
    assert len(got.data.decode().splitlines()) == 1
    assert b"\\u2028" in got.data and b"\\u0085" in got.data and b"\\u2029" in got.data
    assert json.loads(got.data)["note"] == "a\u2028b"


def test_error_record_id_field_and_file():
    cfg = JsonlConfig(id_field="doc")
    got = out(clean_line(Line("b.jsonl", 5, b'{"doc": {"k": 1}, "id": 2}'), cfg))
    assert got == {"error": "no field 'text'", "line": 5, "id": {"k": 1}, "file": "b.jsonl"}


def test_lone_surrogates_round_trip():
    # legal as JSON escapes; not encodable as UTF-8, so that record is written with ASCII escapes
    raw = b'{"id": 1, "text": "The council met.\\ud800 It voted.\\n", "note": "\\udfff"}'
    outcome = clean_line(Line(None, 1, raw), JsonlConfig())
    assert outcome.error is None
    got = json.loads(outcome.data)
    assert got["note"] == "\udfff"
    assert got["text"] == clean.clean_text("The council met.\ud800 It voted.\n").text


def test_nul_and_utf8_bom_on_first_line():
    raw = '\ufeff{"text": "a\\u0000b\\nThe council voted on Tuesday to extend the programme.\\n"}'.encode()
    got = out(clean_line(Line(None, 1, raw), JsonlConfig()))
    assert got["text"] == clean.clean_text("a\x00b\nThe council voted on Tuesday to extend the programme.\n").text
    # a BOM later in the file is not a BOM
    assert clean_line(Line(None, 2, raw), JsonlConfig()).error.startswith("not JSON")


def test_input_format_text_keeps_markup_as_text():
    html = "<p>The council voted.</p><p>It met.</p><p>Then.</p><div>x</div>"
    got = out(clean_line(line({"text": html}), JsonlConfig(input_format="text")))
    assert got["text"] == clean.clean_text(html).text


def test_html_records_use_the_html_front_end():
    html = f"<html><body><nav>Home News</nav><article><p>{ARTICLE}</p></article></body></html>"
    for fmt in ("auto", "html"):
        got = out(clean_line(line({"text": html}), JsonlConfig(input_format=fmt)))
        assert got["text"] == clean.clean_html(html).text


# --- reading lines ------------------------------------------------------------------------------------------

class CountingStream(io.RawIOBase):
    """A endless-looking binary stream that counts what was read from it."""

    def __init__(self, data: bytes):
        self.data, self.pos = data, 0

    def readable(self):
        return True

    def readinto(self, buf):
        n = min(len(buf), len(self.data) - self.pos)
        buf[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n


def test_read_lines_numbers_skip_blank_and_count_bytes():
    data = b'{"a": 1}\n\n   \n{"a": 2}\r\n{"a": 3}'
    stats = Stats()
    got = list(read_lines(io.BytesIO(data), stats=stats))
    assert [(l.number, l.payload) for l in got] == [(1, b'{"a": 1}\n'), (4, b'{"a": 2}\r\n'), (5, b'{"a": 3}')]
    assert stats.blank == 2 and stats.input_bytes == len(data)


def test_read_lines_streams():
    record = json.dumps({"text": "x" * 1000}).encode() + b"\n"
    stream = CountingStream(record * 100_000)  # 100 MB
    lines = read_lines(io.BufferedReader(stream))
    first = next(lines)
    assert first.payload == record
    assert stream.pos < 1 << 20  # read a buffer's worth, not the stream


def test_read_lines_oversize_line_is_skipped_not_read_whole():
    data = b'{"text": "a"}\n' + b"x" * 5_000_000 + b"\n" + b'{"text": "b"}\n'
    got = list(read_lines(io.BytesIO(data), max_line_bytes=1000))
    assert [l.number for l in got] == [1, 2, 3]
    assert got[1].payload == Oversize(5_000_001)
    assert got[2].payload == b'{"text": "b"}\n'


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-16-be"])
def test_read_lines_utf16_utf32_with_bom(encoding):
    text = '{"text": "caf\u00e9 \u4e2d"}\n{"text": "b"}\n'
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    got = list(read_lines(io.BytesIO(data)))
    assert [l.payload for l in got] == ['{"text": "caf\u00e9 \u4e2d"}\n', '{"text": "b"}\n']
    assert json.loads(clean_line(got[0], JsonlConfig()).data)["text"] == clean.clean_text("caf\u00e9 \u4e2d").text


def test_chunks_bounded_by_records_and_bytes():
    lines = [Line(None, i, b"x" * 100) for i in range(1, 11)]
    assert [len(c) for c in batch.chunked(lines, max_records=4, max_bytes=10_000)] == [4, 4, 2]
    assert [len(c) for c in batch.chunked(lines, max_records=100, max_bytes=250)] == [3, 3, 3, 1]


# --- ordered parallel map -----------------------------------------------------------------------------------

def _square_slowly_first(chunk):
    import time

    if chunk[0] == 0:
        time.sleep(0.5)  # the first chunk comes back last; order must not follow
    return [x * x for x in chunk]


def _die_on_13(chunk):
    if 13 in chunk:
        os._exit(3)
    return [x + 1000 for x in chunk]


def test_ordered_map_keeps_order_with_two_workers():
    chunks = [[i, i + 1] for i in range(0, 40, 2)]
    got = list(parallel.ordered_map(_square_slowly_first, chunks, 2, on_crash=lambda x: None))
    assert [c for c, _ in got] == chunks
    assert [r for _, rs in got for r in rs] == [x * x for x in range(40)]


def test_ordered_map_bounds_what_is_in_flight():
    pulled = []

    def source():
        for i in range(60):
            pulled.append(i)
            yield [i]

    seen = 0
    for chunk, results in parallel.ordered_map(_square_slowly_first, source(), 2, on_crash=lambda x: None,
                                             max_chunks=3):
        seen += 1
        assert len(pulled) - seen <= 3 - 1 + 1  # at most the window ahead (one more may be pulled to refill)
        assert results == [chunk[0] ** 2]
    assert seen == 60


def test_ordered_map_bounds_by_size():
    pulled = []

    def source():
        for i in range(20):
            pulled.append(i)
            yield [i]

    seen = 0
    for _ in parallel.ordered_map(_square_slowly_first, source(), 2, on_crash=lambda x: None, max_chunks=10,
                               size=lambda c: 100, max_size=250):
        seen += 1
        assert len(pulled) - seen <= 3
    assert seen == 20


def test_a_dead_worker_loses_only_its_own_record():
    chunks = [list(range(i, i + 5)) for i in range(0, 30, 5)]
    got = list(parallel.ordered_map(_die_on_13, chunks, 2, on_crash=lambda x: f"crashed {x}"))
    flat = [r for _, rs in got for r in rs]
    assert flat == [x + 1000 if x != 13 else "crashed 13" for x in range(30)]


def _die_on_13_first_time_in_each_run(flag_dir, chunk):
    flag = os.path.join(flag_dir, "13")
    if 13 in chunk and not os.path.exists(flag):
        open(flag, "w").close()
        os._exit(9)
    return [x + 1000 for x in chunk]


def test_a_record_that_kills_its_worker_once_is_cleaned(tmp_path):
    from functools import partial

    chunks = [list(range(i, i + 5)) for i in range(0, 30, 5)]
    got = list(parallel.ordered_map(partial(_die_on_13_first_time_in_each_run, str(tmp_path)), chunks, 2,
                                    on_crash=lambda x: f"crashed {x}"))
    assert [r for _, rs in got for r in rs] == [x + 1000 for x in range(30)]


def _raise_on_7(chunk):
    if 7 in chunk:
        raise MemoryError
    return [x + 1000 for x in chunk]


def test_a_record_whose_task_raises_twice_is_an_error_the_others_are_cleaned():
    got = list(parallel.ordered_map(_raise_on_7, [list(range(i, i + 4)) for i in range(0, 12, 4)], 2,
                                    on_crash=lambda x: f"crashed {x}"))
    assert [r for _, rs in got for r in rs] == [x + 1000 if x != 7 else "crashed 7" for x in range(12)]


def test_crashed_line_keeps_its_id():
    got = json.loads(batch._crashed_line(JsonlConfig(), Line(None, 9, b'{"id": "z", "text": "a"}')).data)
    assert got["line"] == 9 and got["id"] == "z" and "worker process died" in got["error"]


def test_jobs_zero_means_all_cores():
    assert parallel.resolve_jobs(0) >= 1
    assert parallel.resolve_jobs(3) == 3
    with pytest.raises(ValueError):
        parallel.resolve_jobs(-1)


# --- run_jsonl ----------------------------------------------------------------------------------------------

def _run(data: bytes, jobs=1, **config):
    sink = io.BytesIO()
    stats = batch.run_jsonl([("in", lambda: io.BytesIO(data))], sink, JsonlConfig(**config), jobs)
    return [json.loads(l) for l in sink.getvalue().splitlines()], stats


def test_run_jsonl_in_order_with_errors_and_stats():
    lines = [json.dumps({"id": i, "text": PAGE.replace("Tuesday", f"day {i}")}) for i in range(40)]
    lines[7] = "garbage"
    lines[30] = json.dumps({"id": 30})
    got, stats = _run(("\n".join(lines) + "\n").encode(), jobs=2)
    assert len(got) == 40
    for i, rec in enumerate(got):
        if i in (7, 30):
            assert rec["line"] == i + 1 and "error" in rec
        else:
            assert rec == {"id": i, "text": clean.clean_text(PAGE.replace("Tuesday", f"day {i}")).text}
    assert (stats.done, stats.failed) == (40, 2)
    one = clean.clean_text(PAGE).removals
    assert sum(stats.removals.values()) == 38 * len(one)


def test_run_jsonl_several_inputs_name_their_file():
    sink = io.BytesIO()
    inputs = [("a.jsonl", lambda: io.BytesIO(b'{"text": "x"}\n')), ("b.jsonl", lambda: io.BytesIO(b"oops\n"))]
    stats = batch.run_jsonl(inputs, sink, JsonlConfig())
    got = [json.loads(l) for l in sink.getvalue().splitlines()]
    assert got[0] == {"text": clean.clean_text("x").text}
    assert got[1] == {"error": got[1]["error"], "line": 1, "id": None, "file": "b.jsonl"}
    assert stats.failed == 1


# --- folders ------------------------------------------------------------------------------------------------

def _tree(root):
    (root / "in" / "a" / "b").mkdir(parents=True)
    (root / "in" / "one.txt").write_text(PAGE, encoding="utf-8")
    (root / "in" / "a" / "two.TXT").write_text(ARTICLE, encoding="utf-8")
    (root / "in" / "a" / "b" / "bad.txt").write_bytes(b"caf\xe9\n")
    (root / "in" / "a" / "notes.md").write_text("not cleaned")
    return root / "in"


@pytest.mark.parametrize("jobs", [1, 2])
def test_run_tree_mirrors_and_reports(tmp_path, jobs):
    src = _tree(tmp_path)
    dst = tmp_path / "out"
    errors = []
    stats = batch.run_tree(src, dst, batch.DocConfig(), jobs, lambda label, msg: errors.append((label, msg)))
    files = sorted(p.relative_to(dst).as_posix() for p in dst.rglob("*") if p.is_file())
    assert files == ["a/two.TXT", "one.txt"]
    assert (dst / "one.txt").read_text(encoding="utf-8") == clean.clean_text(PAGE).text
    assert (dst / "a" / "two.TXT").read_text(encoding="utf-8") == clean.clean_text(ARTICLE).text.rstrip("\n") + "\n"
    assert errors == [("a/b/bad.txt", errors[0][1])] and "UTF-8" in errors[0][1].upper()
    assert (stats.done, stats.failed) == (3, 1)


def test_run_tree_json_output(tmp_path):
    src = _tree(tmp_path)
    batch.run_tree(src, tmp_path / "out", batch.DocConfig(output="json"))
    got = json.loads((tmp_path / "out" / "one.txt").read_text(encoding="utf-8"))
    assert got == {"file": "one.txt", **clean.clean_text(PAGE).to_dict()}


# --- statistics and progress --------------------------------------------------------------------------------

def test_stats_render():
    stats = Stats()
    stats.add(Outcome(b"", None, ("navigation", "navigation", "footer")))
    stats.add(Outcome(b"", "bad"))
    stats.blank = 2
    text = stats.render()
    rows = [l.split() for l in text.splitlines()]
    assert rows == [["records", "2"], ["cleaned", "1"], ["failed", "1"], ["blank", "lines", "skipped", "2"],
                    ["removals", "3"], ["navigation", "2"], ["footer", "1"]]


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_draws_on_a_terminal_only_within_its_width(monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    stream, stats = Terminal(), Stats(input_bytes=50_000_000, done=10)
    progress = batch.Progress(stream, True, total=200_000_000)
    progress.update(stats)
    stats.input_bytes, stats.done = 200_000_000, 40
    progress.finish(stats)
    visible = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", stream.getvalue())  # no cursor codes
    drawn = [piece for piece in visible.replace("\n", "\r").split("\r") if piece.strip()]
    assert drawn and all(len(piece) <= 60 for piece in drawn), drawn
    assert "25%" in drawn[0] and "100%" in drawn[-1] and "40 records, 0 failed" in drawn[-1]
    assert stream.getvalue().endswith("\n")

    silent = io.StringIO()
    off = batch.Progress(silent, False)
    off.update(stats, force=True)
    off.finish(stats)
    assert silent.getvalue() == ""
