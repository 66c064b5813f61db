"""Reading a .flow file: every way it can fail is an FL007 diagnostic, never an exception."""

from __future__ import annotations

from flowlang.compiler import compile_path
from flowlang.syntax.source import read_source


def fails_with(path) -> object:
    text, diagnostics = read_source(path)
    assert text is None
    (d,) = diagnostics
    assert d.code == "FL007"
    return d


def test_reads_utf8_text(tmp_path):
    path = tmp_path / "a.flow"
    path.write_text("flow demo\n# olá\n", encoding="utf-8")
    assert read_source(path) == ("flow demo\n# olá\n", [])


def test_strips_a_byte_order_mark(tmp_path):
    path = tmp_path / "a.flow"
    path.write_bytes(b"\xef\xbb\xbfflow demo\n")
    assert read_source(path) == ("flow demo\n", [])


def test_crlf_becomes_lf(tmp_path):
    path = tmp_path / "a.flow"
    path.write_bytes(b"flow demo\r\nstart:\r\n    end\r\n")
    assert read_source(path)[0] == "flow demo\nstart:\n    end\n"


def test_missing_file(tmp_path):
    d = fails_with(tmp_path / "nope.flow")
    assert "no such file" in d.message
    assert d.span.path.endswith("nope.flow")
    assert (d.span.line, d.span.column) == (1, 1)


def test_directory(tmp_path):
    assert "directory" in fails_with(tmp_path).message


def test_binary_file_points_at_the_line_of_the_first_nul(tmp_path):
    path = tmp_path / "a.flow"
    path.write_bytes(b"flow demo\nstart:\n\x00\x01\x02")
    d = fails_with(path)
    assert "binary" in d.message
    assert d.span.line == 3


def test_non_utf8_file_points_at_the_bad_byte(tmp_path):
    path = tmp_path / "a.flow"
    path.write_bytes(b"flow demo\nstart:\n    send \"caf\xe9\"\n")
    d = fails_with(path)
    assert "0xe9" in d.message
    assert (d.span.line, d.span.column) == (3, 14)
    assert "UTF-8" in d.hint


def test_compile_path_reports_unreadable_files_as_diagnostics(tmp_path):
    result = compile_path(tmp_path / "nope.flow")
    assert result.program is None
    assert [d.code for d in result.diagnostics] == ["FL007"]
