"""The disassembler lists every instruction with its source line; docs/bytecode.md documents
every opcode."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowlang.compiler import compile_path, compile_source
from flowlang.compiler.disasm import disassemble
from flowlang.compiler.opcodes import OPCODES

ROOT = Path(__file__).parents[2]
EXAMPLE = ROOT / "examples" / "order_status.flow"
DOC = ROOT / "docs" / "bytecode.md"


@pytest.fixture(scope="module")
def compiled():
    return compile_path(EXAMPLE)


def instruction_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^\s+\d+\s+[A-Z_]+", line)]


def test_every_instruction_is_listed_once_in_pc_order(compiled):
    lines = instruction_lines(disassemble(compiled.program, compiled.source))
    assert len(lines) == len(compiled.program.code)
    for pc, (line, instruction) in enumerate(zip(lines, compiled.program.code)):
        assert line.split()[:2] == [str(pc), instruction.op]


def test_source_lines_are_shown_above_their_instructions(compiled):
    text = disassemble(compiled.program, compiled.source)
    source_lines = compiled.source.splitlines()
    for instruction in compiled.program.code[:-1]:
        shown = f"; {instruction.line:>4} | {source_lines[instruction.line - 1].strip()}"
        assert shown in text


def test_labels_head_their_nodes(compiled):
    text = disassemble(compiled.program, compiled.source)
    for label in compiled.program.labels:
        assert f"\n{label}:\n" in text


def test_header_names_the_flow_and_its_hash(compiled):
    first = disassemble(compiled.program).splitlines()[:3]
    assert "order_status" in first[0]
    assert compiled.program.hash in first[1]
    assert f"{len(compiled.program.code)} instructions" in first[2]


def test_operands_are_shown_readably():
    source = (
        'flow demo "Demo"\n\nstart:\n    send "Hi" quick_replies ["A"]\n'
        "    wait for reply as x timeout 1m -> start\n"
    )
    text = disassemble(compile_source(source).program, source)
    assert 'SEND        "Hi" ["A"]' in text
    assert "WAIT        x 60 @0" in text


def test_without_source_the_listing_still_has_every_instruction(compiled):
    lines = instruction_lines(disassemble(compiled.program))
    assert len(lines) == len(compiled.program.code)


@pytest.mark.parametrize("name", sorted(OPCODES))
def test_bytecode_doc_documents_every_opcode(name):
    text = DOC.read_text(encoding="utf-8")
    assert re.search(rf"^#+ `?{name}`?\b", text, re.MULTILINE), f"docs/bytecode.md has no section for {name}"


@pytest.mark.parametrize("name", sorted(OPCODES))
def test_bytecode_doc_lists_each_opcodes_operands(name):
    text = DOC.read_text(encoding="utf-8")
    section = text.split(f"### `{name}`", 1)[1].split("\n### ", 1)[0]
    for operand in OPCODES[name].operands:
        bare = operand.split("[")[0].rstrip("?")
        assert bare in section, f"{name}: operand {operand} is not described"


def test_source_lines_stay_aligned_when_a_string_holds_a_line_separator():
    source = 'flow demo\nstart:\n    send "\u2028"\n    send "after"\n'
    text = disassemble(compile_source(source).program, source)
    assert re.search(r';\s+4 \| send "after"', text)


def test_the_example_listing_in_the_bytecode_doc_is_what_the_compiler_gives():
    text = DOC.read_text(encoding="utf-8")
    source = re.search(r"^```flow\n(.*?)^```", text, re.MULTILINE | re.DOTALL).group(1)
    listing = re.search(r"^```\n(; flow .*?)^```", text, re.MULTILINE | re.DOTALL).group(1)
    program = compile_source(source, "survey.flow").program
    assert disassemble(program, source) == listing
