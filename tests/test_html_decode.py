"""Decoding HTML bytes: declared labels as browsers read them, and the undeclared fallback for legacy pages."""

import codecs
import encodings.aliases

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import clean
from clean.html.decode import decode_html, declared_encoding
from clean.html.labels import CODECS, LABELS
from conftest import FIXTURES

# --- labels that name no text encoding are ignored, never raised on -----------------------------------------

NOT_TEXT = ["hex", "base64", "zlib", "rot13", "rot_13", "bz2", "uu", "quopri", "undefined", "idna", "punycode",
            "utf-7", "unicode_escape", "raw_unicode_escape", "utf-32", "mbcs", "oem", "palmos", "replacement",
            "iso-2022-kr", "hz-gb-2312", "no-such-thing", ""]


@pytest.mark.parametrize("label", NOT_TEXT)
@pytest.mark.parametrize("form", ['<meta charset="{}">', '<meta http-equiv="Content-Type" content="text/html; '
                                  'charset={}">', '<?xml version="1.0" encoding="{}"?>'])
def test_label_of_no_text_encoding_is_ignored(label, form):
    html = form.format(label).encode("ascii") + b"<p>Le caf\xe9 du port ferme ses portes apr\xe8s trente ans.</p>"
    assert declared_encoding(html) in (None, "utf-8")  # utf-16/utf-32 labels read in ASCII mean UTF-8
    result = clean.clean_html(html)
    assert "Le caf" in result.text and "portes" in result.text
    assert isinstance(clean.clean_html(html.decode("latin-1")).text, str)


def test_labels_are_whatwg_labels():
    assert declared_encoding(b'<meta charset=" Windows-1251 ">') == "cp1251"
    assert declared_encoding(b'<meta charset="latin1">') == "cp1252"
    assert declared_encoding(b'<meta charset="x-sjis">') == "cp932"
    assert declared_encoding(b'<meta charset="gb2312">') == "gb18030"
    assert declared_encoding(b'<meta charset="cp037">') is None  # an EBCDIC codec Python knows; browsers don't
    assert all(codecs.lookup(c)._is_text_encoding for c in CODECS)


def test_declaration_after_the_first_2_kib():
    head = b"<html><head><!-- " + b"x" * 5000 + b" --><script>" + b"var a = 1;\n" * 500 + b"</script>"
    html = head + b'<meta charset="windows-1251"></head><body><p>' + "Привет, мир".encode("cp1251") + b"</p>"
    assert declared_encoding(html) == "cp1251"
    assert "Привет, мир" in decode_html(html)
    # a declaration in the body is not the page's
    assert declared_encoding(b"<html><head></head><body>" + b"x" * 3000 + b'<meta charset="koi8-r">') is None


codec_names = sorted(set(encodings.aliases.aliases) | set(encodings.aliases.aliases.values()) | set(LABELS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(codec_names), st.binary(max_size=200), st.sampled_from(["charset={}", 'charset="{}"']))
def test_any_label_any_bytes_never_raises(label, body, form):
    html = b"<meta " + form.format(label).encode("ascii") + b"><p>" + body
    assert isinstance(decode_html(html), str)
    assert isinstance(clean.clean_html(html).text, str)


# --- undeclared legacy pages --------------------------------------------------------------------------------

ENCODINGS = {"ru": ["cp1251", "koi8_r"], "ja": ["shift_jis"], "zh": ["gbk"], "el": ["cp1253"],
             "fr": ["cp1252", "latin-1"], "de": ["cp1252", "latin-1"]}
ARTICLES = sorted((FIXTURES / "encodings").glob("*/*.txt"))


def undeclared_page(lines: list[str]) -> str:
    return ("<html><head><title>{0}</title></head><body><h1>{0}</h1>{1}</body></html>"
            .format(lines[0], "".join(f"<p>{line}</p>" for line in lines[1:])))


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
@pytest.mark.parametrize("paragraphs", [1, 9])
def test_undeclared_legacy_page_is_read_right(path, paragraphs):
    lines = path.read_text(encoding="utf-8").splitlines()[:1 + paragraphs]
    for encoding in ENCODINGS[path.stem]:
        lines = [line.translate({0xAB: '"', 0xBB: '"', 0x2014: "-"}) if encoding == "koi8_r" else line for line in lines]
        data = undeclared_page(lines).encode(encoding)
        assert decode_html(data) == undeclared_page(lines), encoding
        text = clean.clean_html(data, include_title=False).text
        assert [line for line in text.splitlines() if line] == lines[1:], encoding


def test_utf16_page_decodes_by_its_bom():
    data = (FIXTURES / "html" / "utf16-bom.html").read_bytes()
    assert data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE)
    assert "Le conseil prolonge le programme" in decode_html(data)
