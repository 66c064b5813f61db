"""The tables beside the code: constant pool, labels, source map, default categories."""

from __future__ import annotations

import pytest

from flowlang.compiler import Program, compile_source

HEAD = 'flow demo "Demo"\n\n'


def program_of(body: str) -> Program:
    result = compile_source(HEAD + body, "t.flow")
    assert result.errors == (), result.errors
    return result.program


def case_categories(p: Program) -> list[str]:
    (route,) = [i for i in p.code if i.op == "ROUTE"]
    return [p.constants[c[2]].value for c in route.args[2]] + [p.constants[route.args[3]].value]


# -- constant pool --------------------------------------------------------------------------


def test_equal_templates_share_one_constant():
    p = program_of('start:\n    send "Hi"\n    send "Hi"\n    send "Hi" quick_replies ["Hi"]\n')
    assert [c.value for c in p.constants].count("Hi") == 1
    assert {i.args[0] for i in p.code if i.op == "SEND"} == {p.code[1].args[0]}


def test_a_name_and_a_template_with_the_same_text_are_different_constants():
    p = program_of('start:\n    send "start"\n    goto start\n')
    assert sorted(c.kind for c in p.constants if c.value == "start") == ["name", "template"]


def test_constant_kinds_are_template_or_name():
    p = program_of('start:\n    wait for reply as x\n    send "@flow.x"\n')
    assert {c.kind for c in p.constants} == {"name", "template"}


def test_result_names_are_lowercased_constants():
    p = program_of("start:\n    wait for reply as MyAnswer\n")
    assert p.constants[p.code[1].args[0]].value == "myanswer"


# -- labels ---------------------------------------------------------------------------------


def test_labels_map_each_node_to_its_node_instruction():
    p = program_of('first:\n    send "a"\n    send "b"\nsecond:\n    end\n')
    assert p.labels == {"first": 0, "second": 3}
    for label, pc in p.labels.items():
        assert p.code[pc].op == "NODE"
        assert p.constants[p.code[pc].args[0]].value == label


def test_node_of_finds_the_node_holding_an_instruction():
    p = program_of('first:\n    send "a"\n    send "b"\nsecond:\n    end\n')
    assert [p.node_of(pc) for pc in range(len(p.code))] == ["first", "first", "first", "second", "second", "second"]


# -- source map -----------------------------------------------------------------------------


def test_every_instruction_carries_the_line_of_its_statement():
    p = program_of(
        "start:\n"                       # 3
        '    send "a"\n'                 # 4
        "\n"                             # 5
        "    # a comment\n"              # 6
        "    wait for reply as x\n"      # 7
        "next:\n"                        # 8
        "    goto start\n"               # 9
    )
    assert [(i.op, i.line) for i in p.code[:-1]] == [
        ("NODE", 3), ("SEND", 4), ("WAIT", 7), ("NODE", 8), ("JUMP", 9)]


def test_a_multi_line_statement_maps_to_its_first_line():
    p = program_of('start:\n    webhook GET "https://x"\n        timeout 5s\n        on failure -> start\n')
    assert p.code[1].line == 4


def test_the_closing_end_maps_to_a_line_of_the_file():
    source = HEAD + 'start:\n    send "a"\n'
    p = compile_source(source, "t.flow").program
    assert p.code[-1].line <= len(source.splitlines())


# -- default categories ---------------------------------------------------------------------


def test_a_case_category_defaults_to_its_target_label_capitalised():
    p = program_of('start:\n    match @input\n        has_text -> yes_please\n        other -> start\n'
                   'yes_please:\n    end\n')
    assert case_categories(p) == ["Yes please", "Other"]


def test_cases_to_the_same_label_share_a_category():
    p = program_of(
        'start:\n    match @input\n        has_any_word "yes" -> agreed\n        has_any_word "ok" -> agreed\n'
        "agreed:\n    end\n"
    )
    assert case_categories(p) == ["Agreed", "Agreed", "Other"]


def test_named_categories_win_over_the_label():
    p = program_of(
        'start:\n    match @input\n        has_number as Numeric -> next\n        has_text as "Some text" -> next\n'
        '        other as Anything -> next\nnext:\n    end\n'
    )
    assert case_categories(p) == ["Numeric", "Some text", "Anything"]


def test_other_is_called_other_whatever_its_target():
    p = program_of("start:\n    match @input\n        other -> somewhere\nsomewhere:\n    end\n")
    assert case_categories(p) == ["Other"]


def test_a_match_without_other_still_has_an_other_category_for_its_result():
    p = program_of("start:\n    match @input as x\n        has_text -> start\n")
    assert case_categories(p) == ["Start", "Other"]
