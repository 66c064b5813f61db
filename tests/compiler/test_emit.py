"""The instructions each statement compiles to (opcodes and operands)."""

from __future__ import annotations

import pytest

from flowlang.compiler import Program, compile_file, compile_source
from flowlang.errors import CompileError

HEAD = 'flow demo "Demo"\n\n'


def program_of(body: str) -> Program:
    result = compile_source(HEAD + body, "t.flow")
    assert result.errors == (), result.errors
    return result.program


def listing(program: Program) -> list[tuple]:
    """Each instruction as one flat tuple: (op, *operands)."""
    return [(i.op, *i.args) for i in program.code]


def k(program: Program, value: str, kind: str | None = None) -> int:
    (index,) = [n for n, c in enumerate(program.constants) if c.value == value and kind in (None, c.kind)]
    return index


def test_a_node_starts_with_node_and_the_program_ends_with_end():
    p = program_of("start:\n    end\n")
    assert listing(p) == [("NODE", k(p, "start")), ("END",), ("END",)]


def test_send_without_quick_replies():
    p = program_of('start:\n    send "Hi @contact.name"\n')
    assert p.code[1].op == "SEND"
    assert p.code[1].args == (k(p, "Hi @contact.name"), ())
    assert p.constants[p.code[1].args[0]].kind == "template"


def test_send_with_quick_replies():
    p = program_of('start:\n    send "Pick" quick_replies ["Red", "Blue"]\n')
    assert p.code[1].args == (k(p, "Pick"), (k(p, "Red"), k(p, "Blue")))


def test_wait_plain():
    p = program_of("start:\n    wait for reply\n")
    assert p.code[1].op == "WAIT"
    assert p.code[1].args == (None, None, None)


def test_wait_as_name_with_timeout_jumps_to_the_label():
    p = program_of("start:\n    wait for reply as Answer timeout 10m -> late\nlate:\n    end\n")
    assert p.code[1].args == (k(p, "answer", "name"), 600, p.labels["late"])


def test_wait_durations_are_in_seconds():
    for text, seconds in [("45s", 45), ("2h", 7200), ("3d", 259200)]:
        p = program_of(f"start:\n    wait for reply timeout {text} -> start\n")
        assert p.code[1].args[1] == seconds


def test_webhook_with_every_option():
    p = program_of(
        'start:\n    webhook POST "https://x/@flow.id" as call\n'
        '        header "Authorization" = "Token"\n'
        '        body "{}"\n'
        "        timeout 10s\n"
        "        on success -> ok\n"
        "        on failure -> ko\n"
        "ok:\n    end\nko:\n    end\n"
    )
    assert listing(p)[1] == (
        "WEBHOOK", k(p, "POST"), k(p, "https://x/@flow.id"), ((k(p, "Authorization"), k(p, "Token")),),
        k(p, "{}"), 10, k(p, "call", "name"), p.labels["ok"], p.labels["ko"],
    )


def test_webhook_outcomes_without_a_label_continue_with_the_next_instruction():
    p = program_of('start:\n    webhook GET "https://x"\n    end\n')
    method, url, headers, body, timeout, result, success, failure = p.code[1].args
    assert (headers, body, timeout, result) == ((), None, None, None)
    assert success == failure == 2


def test_webhook_method_is_a_name_constant():
    p = program_of('start:\n    webhook GET "https://x"\n')
    assert p.constants[p.code[1].args[0]].kind == "name"


def test_match_compiles_to_route_with_cases_in_order():
    p = program_of(
        "start:\n    match @input as choice\n"
        '        has_any_word "yes" -> yes\n'
        "        has_number_between 1 5 as Small -> no\n"
        "        other -> no\n"
        "yes:\n    end\nno:\n    end\n"
    )
    operand, result, cases, other_category, other_pc = p.code[1].args
    assert operand == k(p, "@input")
    assert result == k(p, "choice", "name")
    assert cases == (
        (k(p, "has_any_word"), (k(p, "yes", "template"),), k(p, "Yes", "name"), p.labels["yes"]),
        (k(p, "has_number_between"), (k(p, "1"), k(p, "5")), k(p, "Small"), p.labels["no"]),
    )
    assert other_category == k(p, "Other")
    assert other_pc == p.labels["no"]


def test_match_without_other_falls_through_to_the_next_instruction():
    p = program_of('start:\n    match @input\n        has_text -> start\n    send "after"\n')
    assert p.code[1].args[-1] == 2
    assert p.code[2].op == "SEND"


def test_set_flow_and_set_contact():
    p = program_of('start:\n    set flow.Total = 12\n    set contact.name = @input\n')
    assert listing(p)[1:3] == [
        ("SET_RESULT", k(p, "total", "name"), k(p, "12")),
        ("SET_CONTACT", k(p, "name", "name"), k(p, "@input")),
    ]


def test_goto_is_a_jump_to_the_node_instruction():
    p = program_of("start:\n    goto next\nnext:\n    end\n")
    assert listing(p)[1] == ("JUMP", p.labels["next"])
    assert p.code[p.labels["next"]].op == "NODE"


def test_end():
    p = program_of('start:\n    send "a"\n    end\n')
    assert [i.op for i in p.code] == ["NODE", "SEND", "END", "END"]


def test_nodes_are_laid_out_in_source_order():
    p = program_of('a:\n    send "1"\nb:\n    send "2"\n')
    assert [i.op for i in p.code] == ["NODE", "SEND", "NODE", "SEND", "END"]
    assert p.labels == {"a": 0, "b": 2}


def test_results_lists_every_saved_name_once_in_order():
    p = program_of(
        "start:\n    wait for reply as b\n    match @input as a\n        other -> next\n"
        'next:\n    set flow.b = "x"\n    webhook GET "https://x" as c\n'
    )
    assert p.result_names == ("b", "a", "c")


def test_call_jumps_to_the_entry_of_the_used_flow():
    p = program_of("use std.confirm\n\nstart:\n    call confirm\n    end\n")
    (call,) = [i for i in p.code if i.op == "CALL"]
    flow_k, entry = call.args
    assert p.constants[flow_k].value == "confirm"
    assert entry == p.flows["confirm"].entry
    assert p.code[entry].op == "NODE"


def test_labels_of_a_used_flow_are_qualified_with_its_id():
    p = program_of("use std.confirm\n\nstart:\n    call confirm\n")
    assert "start" in p.labels
    assert {label for label in p.labels if label != "start"} <= {
        label for label in p.labels if label.startswith("confirm/")}
    assert "confirm/ask" in p.labels


def test_title_falls_back_to_the_flow_id():
    result = compile_source("flow bare\nstart:\n    end\n")
    assert (result.program.flow_id, result.program.title) == ("bare", "bare")


def test_compile_file_raises_compile_error_with_every_diagnostic(tmp_path):
    path = tmp_path / "bad.flow"
    path.write_text('flow bad\nstart:\n    goto nowhere\n    goto elsewhere\n', encoding="utf-8")
    with pytest.raises(CompileError) as caught:
        compile_file(path)
    assert [d.code for d in caught.value.diagnostics] == ["FL010", "FL040", "FL010"]
    assert "bad.flow:3:10" in str(caught.value)
