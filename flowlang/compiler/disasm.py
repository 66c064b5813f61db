"""A readable listing of a program, with the source line of each statement."""

from __future__ import annotations

from flowlang.compiler.opcodes import OPCODES
from flowlang.compiler.program import Program


def _operand(program: Program, name: str, value) -> str:
    if value is None:
        return "-"
    if name.endswith("_k") or name.endswith("_k?"):
        return _constant(program, value)
    if name.endswith("pc") or name.endswith("pc?"):
        return f"@{value}"
    if name.endswith("[]"):
        return "[" + ", ".join(_constant(program, v) for v in value) + "]"
    if name.startswith("headers"):
        return "{" + ", ".join(f"{_constant(program, a)}: {_constant(program, b)}" for a, b in value) + "}"
    if name.startswith("cases"):
        parts = []
        for rule, args, category, pc in value:
            rendered = " ".join(_constant(program, a) for a in args)
            parts.append(f"{program.constant(rule)} {rendered} => {program.constant(category)} @{pc}".replace("  ", " "))
        return "[" + "; ".join(parts) + "]"
    return str(value)


def _constant(program: Program, k: int) -> str:
    constant = program.constants[k]
    return constant.value if constant.kind == "name" else '"' + constant.value.replace('"', '\\"') + '"'


def _files(program: Program) -> list[tuple[int, str]]:
    """(first pc, path) of each flow's code, in pc order."""
    starts = [(0, program.source_path)] + [(f.entry, f.path) for f in program.flows.values()]
    return sorted(starts)


def disassemble(program: Program, source: str | None = None, sources: dict[str, str] | None = None) -> str:
    """One line per instruction: pc, opcode, operands; then the source line it came from.

    `source` is the main file's text; `sources` (path -> text) adds the files of used flows."""
    lines = [
        f"; flow {program.flow_id} {program.title!r}",
        f"; from {program.source_path}, language {program.language_version}, {program.hash}",
        f"; {len(program.code)} instructions, {len(program.constants)} constants",
    ]
    texts = dict(sources or {})
    if source is not None:
        texts[program.source_path] = source
    files = _files(program)
    starts = {pc: label for label, pc in program.labels.items()}
    last_line = None
    source_lines: list[str] = []
    for pc, instruction in enumerate(program.code):
        for first, path in files:
            if first == pc:
                source_lines = texts[path].split("\n") if path in texts else []
                if pc:
                    lines.append(f"\n; flow {path}")
        if pc in starts:
            lines.append(f"\n{starts[pc]}:")
        if instruction.line != last_line and 1 <= instruction.line <= len(source_lines):
            lines.append(f"      ; {instruction.line:>4} | {source_lines[instruction.line - 1].strip()}")
        last_line = instruction.line
        names = OPCODES[instruction.op].operands
        operands = " ".join(_operand(program, n, v) for n, v in zip(names, instruction.args))
        lines.append(f"  {pc:>4}  {instruction.op:<11} {operands}".rstrip())
    return "\n".join(lines) + "\n"
