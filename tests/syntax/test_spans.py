"""Every node of the tree knows where it was written (lines and columns from 1, end exclusive)."""

from __future__ import annotations

import pytest

from flowlang.span import Span
from flowlang.syntax import ast, parse

SOURCE = (
    'flow demo "Demo"\n'                                  # 1
    "\n"                                                  # 2
    "start:\n"                                            # 3
    '    send "Hi" quick_replies ["Yes"]\n'               # 4
    "    wait for reply as answer timeout 5m -> start\n"  # 5
    "    match @input\n"                                  # 6
    '        has_number 1 as "Big" -> start\n'            # 7
    "        other -> start\n"                            # 8
)


@pytest.fixture(scope="module")
def flow() -> ast.FlowFile:
    flow, diagnostics = parse(SOURCE, "t.flow")
    assert diagnostics == []
    return flow


def at(line: int, column: int, end_column: int) -> Span:
    return Span("t.flow", line, column, line, end_column)


def test_header_names(flow):
    assert flow.header.id.span == at(1, 6, 10)
    assert flow.header.title.span == at(1, 11, 17)


def test_label_span(flow):
    assert flow.nodes[0].label.span == at(3, 1, 6)


def test_node_starts_at_its_label(flow):
    span = flow.nodes[0].span
    assert (span.line, span.column) == (3, 1)


def test_statement_starts_at_its_keyword(flow):
    send, wait, match = flow.nodes[0].statements
    assert (send.span.line, send.span.column) == (4, 5)
    assert (wait.span.line, wait.span.column) == (5, 5)
    assert (match.span.line, match.span.column) == (6, 5)


def test_string_spans_include_the_quotes(flow):
    send = flow.nodes[0].statements[0]
    assert send.text.span == at(4, 10, 14)
    assert send.quick_replies[0].span == at(4, 30, 35)


def test_names_and_durations(flow):
    wait = flow.nodes[0].statements[1]
    assert wait.result.span == at(5, 23, 29)
    assert wait.timeout.span == at(5, 38, 40)
    assert wait.timeout_target.span == at(5, 44, 49)


def test_case_parts(flow):
    case = flow.nodes[0].statements[2].cases[0]
    assert (case.span.line, case.span.column) == (7, 9)
    assert case.rule.span == at(7, 9, 19)
    assert case.arguments[0].span == at(7, 20, 21)
    assert case.category.span == at(7, 25, 30)
    assert case.target.span == at(7, 34, 39)


def test_bare_reference_span(flow):
    assert flow.nodes[0].statements[2].operand.span == at(6, 11, 17)


def test_a_statement_span_ends_on_its_own_line(flow):
    send = flow.nodes[0].statements[0]
    assert send.span == at(4, 5, 36)


# -- Text.column_of / span_of ---------------------------------------------------------------


def text_of(source_line: str) -> ast.Text:
    flow, diagnostics = parse('flow demo\nstart:\n' + source_line + "\n", "t.flow")
    assert diagnostics == []
    return flow.nodes[0].statements[0].text


def test_column_of_in_a_plain_string_skips_the_quote():
    text = text_of('    send "abc"')  # the quote is column 10
    assert text.column_of(0) == 11
    assert text.column_of(2) == 13


def test_column_of_counts_an_escape_as_two_source_columns():
    text = text_of('    send "a\\"b\\\\c\\nd"')
    assert text.value == 'a"b\\c\nd'
    # value offsets:     a=0 "=1 b=2 \=3 c=4 newline=5 d=6
    # source columns:    a=11 \"=12 b=14 \\=15 c=17 \n=18 d=20
    assert [text.column_of(i) for i in range(7)] == [11, 12, 14, 15, 17, 18, 20]


def test_column_of_in_a_bare_reference_is_direct():
    text = text_of("    send @input.text")
    assert text.column_of(0) == 10
    assert text.column_of(6) == 16


def test_span_of_covers_the_source_of_a_value_slice():
    text = text_of('    send "\\"x\\" @flow.a"')
    start = text.value.index("@")
    assert text.span_of(start, start + len("@flow.a")) == at(3, 17, 24)


def test_span_of_an_empty_slice_is_one_column_wide():
    text = text_of('    send "abc"')
    assert text.span_of(1, 1) == at(3, 12, 13)
