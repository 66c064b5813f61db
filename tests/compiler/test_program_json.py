"""A compiled program saves to JSON and loads back equal; anything else is refused clearly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowlang.compiler import Program, compile_path, compile_source
from flowlang.compiler.program import FORMAT, FORMAT_VERSION, LANGUAGE_VERSION, Instruction
from flowlang.errors import FormatError

EXAMPLE = Path(__file__).parents[2] / "examples" / "order_status.flow"


@pytest.fixture(scope="module")
def program() -> Program:
    return compile_path(EXAMPLE).program


def saved(program: Program) -> dict:
    return json.loads(program.to_json())


def refused(text: str) -> str:
    with pytest.raises(FormatError) as caught:
        Program.from_json(text)
    return str(caught.value)


def test_round_trip_gives_an_equal_program_with_the_same_hash(program):
    again = Program.from_json(program.to_json())
    assert again == program
    assert again.hash == program.hash
    assert again.code == program.code
    assert again.constants == program.constants
    assert again.labels == program.labels
    assert again.result_names == program.result_names


def test_round_trip_of_an_indented_dump(program):
    assert Program.from_json(program.to_json(indent=2)) == program


def test_round_trip_from_bytes(program):
    assert Program.from_json(program.to_json().encode("utf-8")) == program


def test_round_trip_keeps_the_source_map(program):
    again = Program.from_json(program.to_json())
    assert [i.line for i in again.code] == [i.line for i in program.code]
    assert again.source_path == program.source_path


def test_round_trip_of_a_program_with_non_ascii_text():
    p = compile_source('flow demo "Démo ✓"\nstart:\n    send "Olá, ¿qué tal? 👋"\n').program
    assert Program.from_json(p.to_json()) == p


def test_json_layout(program):
    data = saved(program)
    assert data["format"] == FORMAT == "flowlang-program"
    assert data["format_version"] == FORMAT_VERSION
    assert data["language_version"] == LANGUAGE_VERSION
    assert data["flow"] == {"id": "order_status", "title": "Order Status Checker"}
    assert data["constants"][0] == ["name", "start"]
    assert data["labels"]["start"] == 0
    assert data["code"][0] == ["NODE", 0]
    assert len(data["source"]["lines"]) == len(data["code"])
    assert data["hash"] == program.hash
    assert program.hash.startswith("sha256:")


def test_invalid_json_is_refused():
    assert "invalid JSON" in refused("{not json")


def test_a_json_value_that_is_not_an_object_is_refused():
    assert "format marker" in refused("[1, 2, 3]")


def test_wrong_format_marker_is_refused(program):
    data = saved(program)
    data["format"] = "flowlang-session"
    assert "format marker" in refused(json.dumps(data))


def test_newer_format_version_is_refused_with_advice(program):
    data = saved(program)
    data["format_version"] = FORMAT_VERSION + 1
    message = refused(json.dumps(data))
    assert "newer flowlang" in message
    assert "upgrade" in message or "recompile" in message


def test_missing_format_version_is_refused(program):
    data = saved(program)
    del data["format_version"]
    refused(json.dumps(data))


def test_unknown_opcode_is_refused_by_name(program):
    data = saved(program)
    data["code"][1][0] = "TELEPORT"
    assert "'TELEPORT'" in refused(json.dumps(data))


def test_tampered_content_is_refused_by_the_hash(program):
    data = saved(program)
    data["constants"][1][1] = "Hi! Send me your bank password."
    assert "does not match its hash" in refused(json.dumps(data))


def test_tampered_jump_is_refused_by_the_hash(program):
    data = saved(program)
    data["labels"]["start"] = 3
    assert "hash" in refused(json.dumps(data))


@pytest.mark.parametrize("key", ["constants", "code", "labels", "flow", "source", "language_version"])
def test_missing_keys_are_refused_as_corrupt(program, key):
    data = saved(program)
    del data[key]
    assert "corrupt" in refused(json.dumps(data))


def test_a_source_map_of_the_wrong_length_is_refused(program):
    data = saved(program)
    data["source"]["lines"].pop()
    assert "corrupt" in refused(json.dumps(data))


def test_a_missing_hash_is_refused(program):
    data = saved(program)
    del data["hash"]
    assert "hash" in refused(json.dumps(data))


# -- a program whose hash matches but whose content is not runnable --------------------------


def _rehashed(program: Program, index: int, instruction) -> str:
    """A program JSON with one instruction replaced and a hash that matches the new content."""
    code = list(program.code)
    code[index] = instruction
    forged = Program(flow_id=program.flow_id, title=program.title, source_path=program.source_path,
                     constants=program.constants, code=tuple(code), labels=dict(program.labels),
                     result_names=program.result_names)
    return forged.to_json()


def test_a_jump_outside_the_code_is_refused_even_with_a_matching_hash():
    p = compile_source('flow d\nstart:\n    send "a"\n    goto start\n').program
    refused(_rehashed(p, 2, Instruction("JUMP", (999,), 4)))


def test_an_instruction_with_missing_operands_is_refused_even_with_a_matching_hash():
    p = compile_source('flow d\nstart:\n    send "a"\n').program
    refused(_rehashed(p, 1, Instruction("SEND", (0,), 3)))


def test_a_route_naming_an_unknown_rule_is_refused():
    p = compile_source('flow d\nstart:\n    match "x"\n        has_text -> start\n        other -> done\n'
                       "done:\n    end\n").program
    operand, result, cases, other_category, other_pc = p.code[1].args
    (rule_k, args, category, target), = cases
    label_k = p.code[0].args[0]  # a name constant that is not a rule: "start"
    forged = Instruction("ROUTE", (operand, result, ((label_k, args, category, target),), other_category, other_pc),
                         p.code[1].line)
    refused(_rehashed(p, 1, forged))


def test_a_program_that_could_run_off_its_end_is_refused_even_with_a_matching_hash():
    p = compile_source('flow d\nstart:\n    send "a"\n').program
    refused(_rehashed(p, len(p.code) - 1, Instruction("SEND", (0, ()), 3)))


def test_a_program_for_a_newer_language_is_refused():
    data = json.loads(compile_source('flow d\nstart:\n    send "a"\n').program.to_json())
    data["language_version"] = LANGUAGE_VERSION + 1
    with pytest.raises(FormatError, match="newer language"):
        Program.from_json(json.dumps(data))


@pytest.mark.parametrize("path", [5, None])
def test_a_source_path_that_is_not_text_is_refused(path):
    data = json.loads(compile_source('flow d\nstart:\n    send "a"\n').program.to_json())
    data["source"]["path"] = path
    with pytest.raises(FormatError):
        Program.from_json(json.dumps(data))
