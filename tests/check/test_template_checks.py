"""Templates inside strings are compiled at check time; problems point inside the string."""

from __future__ import annotations

import pytest

from flowlang.compiler import compile_source

HEAD = 'flow demo "Demo"\n\n'


def found(body: str) -> list:
    return list(compile_source(HEAD + "start:\n" + body, "t.flow").diagnostics)


def the(body: str, code: str):
    ds = found(body)
    assert [d.code for d in ds] == [code], ds
    return ds[0]


def where(d) -> tuple[int, int, int]:
    return d.span.line, d.span.column, d.span.end_column


def test_syntax_error_in_an_expression_points_at_the_offending_token_inside_the_string():
    #         the quote is column 10; `*` is column 19
    d = the('    send "x @(1 + * 2)"\n', "FL030")
    assert d.severity == "error"
    assert "'*'" in d.message
    assert where(d) == (4, 19, 20)


def test_an_expression_that_stops_short_points_at_its_closing_parenthesis():
    #         `"x @(\"a\" & )"`: the escaped quotes take two columns each, `)` is column 23
    d = the('    send "x @(\\"a\\" & )"\n', "FL030")
    assert where(d) == (4, 23, 24)


def test_unknown_function_points_at_its_name():
    d = the('    send "x @(foo(1))"\n', "FL030")
    assert where(d) == (4, 15, 18)
    assert "foo" in d.message


def test_columns_inside_a_string_count_escapes_as_written():
    # `"a\"b @(foo(1))"`: the escape \" takes two columns, so foo starts at 18, not 17
    d = the('    send "a\\"b @(foo(1))"\n', "FL030")
    assert where(d) == (4, 18, 21)


def test_template_errors_are_found_in_every_template_position():
    body = (
        '    send "@(foo())" quick_replies ["@(foo())"]\n'          # 4
        '    webhook POST "@(foo())"\n'                             # 5
        '        header "@(foo())" = "@(foo())"\n'                  # 6
        '        body "@(foo())"\n'                                 # 7
        '    set flow.x = "@(foo())"\n'                             # 8
        '    match "@(foo())"\n'                                    # 9
        '        has_any_word "@(foo())" -> start\n'                # 10
    )
    lines = [d.span.line for d in found(body) if d.code == "FL030"]
    assert lines == [4, 4, 5, 6, 6, 7, 8, 9, 10]


def test_reference_to_a_result_never_saved_is_a_warning_at_the_reference():
    d = the('    send "You said @flow.answer"\n', "FL031")
    assert d.severity == "warning"
    assert where(d) == (4, 20, 32)


def test_results_root_is_checked_too():
    assert where(the('    send "@results.nope"\n', "FL031")) == (4, 11, 24)


@pytest.mark.parametrize("saver", [
    "    wait for reply as answer\n",
    "    match @input as answer\n        other -> next\nnext:\n",
    '    webhook GET "https://example.com" as answer\n',
    '    set flow.answer = "x"\n',
])
def test_every_way_of_saving_a_result_satisfies_the_reference(saver):
    assert found(saver + '    send "@flow.answer"\n') == []


def test_result_names_compare_without_case():
    assert found('    wait for reply as Answer\n    send "@flow.answer"\n') == []


def test_a_result_saved_later_in_the_file_counts():
    assert found('    send "@flow.later"\n    wait for reply as later\n') == []


def test_unsaved_result_warning_does_not_stop_compilation():
    result = compile_source(HEAD + 'start:\n    send "@flow.answer"\n', "t.flow")
    assert result.program is not None
    assert [d.code for d in result.warnings] == ["FL031"]


def test_double_at_is_a_literal_at_and_not_a_reference():
    assert found('    send "mail me at ben@@example.com or @@flow.x"\n') == []


def test_reference_inside_an_expression_is_checked_too():
    assert [d.code for d in found('    send "@(flow.nope & 1)"\n')] == ["FL031"]


def test_reference_inside_an_expression_points_at_the_reference():
    #            col 10 is the quote, `flow.nope` is columns 13-21
    d = the('    send "@(flow.nope & 1)"\n', "FL031")
    assert where(d) == (4, 13, 22)


def test_a_very_long_operator_chain_is_a_diagnostic_not_a_crash():
    source = 'flow x\nstart:\n    send "@(' + " & ".join(["1"] * 800) + ')"\n'
    result = compile_source(source, "x.flow")
    assert [d.code for d in result.errors] == ["FL030"]
    assert "nested too deeply" in result.errors[0].message
