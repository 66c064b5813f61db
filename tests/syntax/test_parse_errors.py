"""Bad input gives exactly one diagnostic, with the right code and place, and never an exception."""

from __future__ import annotations

import pytest

from flowlang.compiler import compile_source
from flowlang.syntax import parse

HEAD = 'flow demo "Demo"\n\n'


def one_diagnostic(source: str):
    flow, diagnostics = parse(source, "t.flow")
    assert flow is None
    assert len(diagnostics) == 1, diagnostics
    (d,) = diagnostics
    assert d.is_error
    return d


def place(d) -> tuple[str, int, int]:
    return d.code, d.span.line, d.span.column


def test_missing_template_is_a_syntax_error_at_the_end_of_the_line():
    d = one_diagnostic(HEAD + "start:\n    send\n")
    assert place(d) == ("FL001", 4, 9)
    assert "end of line" in d.message
    assert "string" in d.hint


def test_two_templates_on_one_line_point_at_the_second():
    d = one_diagnostic(HEAD + 'start:\n    send "a" "b"\n')
    assert place(d) == ("FL001", 4, 14)


def test_goto_without_label():
    assert place(one_diagnostic(HEAD + "start:\n    goto\n")) == ("FL001", 4, 9)


def test_statement_at_column_one_is_outside_a_node():
    d = one_diagnostic(HEAD + "start:\nend\n")
    assert place(d) == ("FL001", 4, 1)
    assert "outside a node" in d.message


def test_statement_indented_under_the_header_is_unexpected_indentation():
    d = one_diagnostic('flow demo\n    send "a"\n')
    assert place(d) == ("FL001", 2, 5)
    assert "indentation" in d.message


def test_indented_statement_under_a_simple_statement_is_unexpected_indentation():
    d = one_diagnostic(HEAD + 'start:\n    send "a"\n        send "b"\n')
    assert place(d) == ("FL001", 5, 9)


def test_missing_header_is_a_syntax_error_on_line_one():
    d = one_diagnostic("start:\n    end\n")
    assert place(d) == ("FL001", 1, 1)
    assert '"flow"' in d.hint


def test_unterminated_string_points_at_its_opening_quote():
    d = one_diagnostic(HEAD + 'start:\n    send "Hello\n')
    assert place(d) == ("FL002", 4, 10)


def test_unexpected_character():
    d = one_diagnostic(HEAD + "start:\n    send $\n")
    assert place(d) == ("FL003", 4, 10)
    assert "'$'" in d.message


def test_unexpected_character_in_a_label():
    assert place(one_diagnostic(HEAD + "st-art:\n    end\n"))[:2] == ("FL003", 3)


def test_a_byte_order_mark_in_text_is_an_unexpected_character():
    # read_source strips a BOM from files; text handed to parse directly keeps it
    assert place(one_diagnostic('\ufeffflow demo\nstart:\n    end\n')) == ("FL003", 1, 1)


def test_bare_expression_nested_too_deeply_suggests_a_string():
    d = one_diagnostic(HEAD + "start:\n    send @(a(b(c(1))))\n")
    assert place(d) == ("FL001", 4, 10)
    assert "@(...)" in d.hint


def test_tabs_mixed_with_spaces_in_one_indent():
    d = one_diagnostic(HEAD + 'start:\n \tsend "a"\n')
    assert place(d) == ("FL004", 4, 1)


def test_tabs_after_spaces_on_another_line():
    d = one_diagnostic(HEAD + 'start:\n    send "a"\n\tsend "b"\n')
    assert place(d) == ("FL004", 5, 1)


def test_dedent_to_a_column_no_block_uses():
    d = one_diagnostic(HEAD + "start:\n    match @input\n        other -> start\n      end\n")
    assert place(d) == ("FL005", 6, 7)
    assert "6" in d.message and "4" in d.message


def test_first_statement_deeper_than_the_next():
    assert place(one_diagnostic(HEAD + 'start:\n        send "a"\n    send "b"\n')) == ("FL005", 5, 5)


@pytest.mark.parametrize("source", ["", "\n\n", "   \n\t\n", "# only a comment\n", "# one\n\n# two"])
def test_empty_or_comment_only_file(source):
    d = one_diagnostic(source)
    assert place(d) == ("FL006", 1, 1)
    assert "flow" in d.hint


def test_nul_character_is_a_binary_file():
    d = one_diagnostic('flow demo\nstart:\n    send "a\x00"\n')
    assert place(d) == ("FL007", 3, 1)


def test_unknown_escape_points_at_the_backslash():
    d = one_diagnostic(HEAD + 'start:\n    send "ab\\qc"\n')
    assert place(d) == ("FL001", 4, 13)
    assert "\\q" in d.message
    assert "\\n" in d.hint


def test_bad_duration_without_unit_is_reported_by_the_parser():
    d = one_diagnostic(HEAD + "start:\n    wait for reply timeout 10 -> start\n")
    assert place(d) == ("FL012", 4, 28)


def test_compile_source_passes_parse_diagnostics_through():
    result = compile_source(HEAD + "start:\n    send\n", "t.flow")
    assert result.program is None
    assert [d.code for d in result.diagnostics] == ["FL001"]


def test_formatted_diagnostic_shows_line_and_caret():
    source = HEAD + "start:\n    send $\n"
    (d,) = parse(source, "t.flow")[1]
    lines = d.format(source).splitlines()
    assert lines[0] == "t.flow:4:10: error: unexpected character '$' [FL003]"
    assert lines[1] == "    " + "    send $"
    assert lines[2] == "    " + " " * 9 + "^"


def test_formatted_diagnostic_shows_the_right_line_when_a_string_holds_a_line_separator():
    source = HEAD + 'start:\n    send "\u2028"\n    send "a" "b"\n'
    (d,) = parse(source, "t.flow")[1]
    assert d.span.line == 5
    assert d.format(source).splitlines()[1] == '        send "a" "b"'
