"""The compiled program: instructions, constant pool, labels, source map; JSON in and out.

The content hash covers what the program *does* (instructions, constants, labels, flow id),
not the source map: editing a comment moves lines but leaves saved sessions resumable.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import attrs

from flowlang import rules
from flowlang.compiler.opcodes import OPCODES
from flowlang.errors import FormatError

FORMAT = "flowlang-program"
# The layout of the JSON below. Bump on any change a reader of the old layout would misread.
FORMAT_VERSION = 1
# The language the program was compiled from: what statements and instructions mean.
LANGUAGE_VERSION = 1


@attrs.frozen
class Instruction:
    op: str
    args: tuple
    line: int  # source line of the statement this instruction was compiled from


def _freeze(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _thaw(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_thaw(v) for v in value]
    return value


@attrs.frozen
class Constant:
    """A pool entry: a template (pre-parsed when the program loads) or a plain name."""

    kind: str  # "template" | "name"
    value: str


@attrs.frozen
class FlowInfo:
    """A subflow compiled into the program: where it starts and where it came from."""

    entry: int
    path: str
    title: str


@attrs.define(eq=False)
class Program:
    flow_id: str
    title: str
    source_path: str
    constants: tuple[Constant, ...]
    code: tuple[Instruction, ...]
    labels: dict[str, int]  # node label -> pc of its NODE instruction
    result_names: tuple[str, ...] = ()
    flows: dict[str, FlowInfo] = attrs.field(factory=dict)  # subflows brought in by `use`
    language_version: int = LANGUAGE_VERSION
    hash: str = ""
    _templates: dict = attrs.field(factory=dict, repr=False)

    def __attrs_post_init__(self) -> None:
        if not self.hash:
            self.hash = self.compute_hash()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Program) and self._payload(True) == other._payload(True)

    # -- constants ------------------------------------------------------------------------

    def constant(self, k: int | None) -> str | None:
        return None if k is None else self.constants[k].value

    def template(self, k: int):
        """The pre-parsed template of constant k (parsed once per loaded program)."""
        template = self._templates.get(k)
        if template is None:
            from flowlang.expressions import compile_template

            template = self._templates[k] = compile_template(self.constants[k].value)
        return template

    def prepare(self) -> "Program":
        """Parse every template constant now, so the first conversation pays nothing."""
        for k, constant in enumerate(self.constants):
            if constant.kind == "template":
                self.template(k)
        return self

    def node_of(self, pc: int) -> str:
        """The label of the node holding instruction pc."""
        best, best_pc = "", -1
        for label, start in self.labels.items():
            if best_pc < start <= pc:
                best, best_pc = label, start
        return best

    # -- JSON -----------------------------------------------------------------------------

    def _payload(self, with_source: bool) -> dict:
        payload = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "language_version": self.language_version,
            "flow": {"id": self.flow_id, "title": self.title},
            "constants": [[c.kind, c.value] for c in self.constants],
            "labels": self.labels,
            "results": list(self.result_names),
            "flows": {k: {"entry": f.entry, "title": f.title} for k, f in self.flows.items()},
            "code": [[i.op, *_thaw(i.args)] for i in self.code],
        }
        if with_source:
            payload["source"] = {"path": self.source_path, "lines": [i.line for i in self.code],
                                 "flows": {k: f.path for k, f in self.flows.items()}}
        return payload

    def compute_hash(self) -> str:
        text = json.dumps(self._payload(False), sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()

    def to_json(self, indent: int | None = None) -> str:
        payload = self._payload(True)
        payload["hash"] = self.hash
        return json.dumps(payload, indent=indent, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> "Program":
        """Load a program saved by `to_json`; refuses anything else with a FormatError."""
        try:
            data = json.loads(text)
        except (ValueError, UnicodeDecodeError, RecursionError) as e:
            raise FormatError(f"not a compiled flowlang program (invalid JSON: {type(e).__name__})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise FormatError("not a compiled flowlang program (no 'flowlang-program' format marker)")
        version = data.get("format_version")
        if type(version) is not int or version > FORMAT_VERSION:
            raise FormatError(
                f"this program was compiled by a newer flowlang (format {version}); "
                f"this version reads format {FORMAT_VERSION}: upgrade flowlang or recompile"
            )
        try:
            constants = tuple(Constant(str(kind), str(value)) for kind, value in data["constants"])
            code = []
            lines = data["source"]["lines"]
            for (op, *args), line in zip(data["code"], lines, strict=True):
                if op not in OPCODES:
                    raise FormatError(f"unknown instruction {op!r}")
                code.append(Instruction(op, _freeze(args), int(line)))
            program = cls(
                flow_id=data["flow"]["id"], title=data["flow"]["title"], source_path=data["source"]["path"],
                constants=constants, code=tuple(code), labels={str(k): int(v) for k, v in data["labels"].items()},
                result_names=tuple(data.get("results", ())), language_version=int(data["language_version"]),
                flows={str(k): FlowInfo(int(v["entry"]), str(data["source"].get("flows", {}).get(k, "")),
                                        str(v["title"])) for k, v in data.get("flows", {}).items()},
            )
            if not all(isinstance(v, str) for v in (program.flow_id, program.title, program.source_path)):
                raise FormatError("corrupt compiled program: its flow id, title and source path must be text")
        except FormatError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise FormatError(f"corrupt compiled program: {type(e).__name__}: {e}") from None
        if program.language_version > LANGUAGE_VERSION:
            raise FormatError(
                f"this program was compiled for a newer language (version {program.language_version}); "
                f"this flowlang runs version {LANGUAGE_VERSION}: upgrade flowlang or recompile")
        if data.get("hash") != program.hash:
            raise FormatError("corrupt compiled program: its content does not match its hash")
        problem = program.find_problem()
        if problem:
            raise FormatError(f"corrupt compiled program: {problem}")
        return program

    def find_problem(self) -> str | None:
        """The first instruction whose operands do not fit the instruction set (a count, a
        constant index, a jump target out of range), so a hand-edited program is refused at
        load time instead of failing mid-conversation."""
        size, pool = len(self.code), len(self.constants)
        if not size or self.code[-1].op not in ("END", "JUMP"):
            return "the code does not end with END or JUMP, so a session could run off its end"

        def fits(kind: str, value) -> bool:
            if kind.endswith("?") and value is None:
                return True
            kind = kind.rstrip("?")
            if kind.endswith("_k"):
                return type(value) is int and 0 <= value < pool
            if kind.endswith("pc"):
                return type(value) is int and 0 <= value < size
            if kind.endswith("_k[]"):
                return isinstance(value, tuple) and all(fits("_k", v) for v in value)
            if kind.startswith("headers"):
                return isinstance(value, tuple) and all(
                    isinstance(h, tuple) and len(h) == 2 and all(fits("_k", v) for v in h) for h in value)
            if kind.startswith("cases"):
                return isinstance(value, tuple) and all(
                    isinstance(c, tuple) and len(c) == 4 and fits("_k", c[0]) and fits("_k[]", c[1])
                    and fits("_k", c[2]) and fits("pc", c[3]) for c in value)
            if kind.endswith("seconds"):
                return type(value) is int and value > 0
            return True

        for pc, instruction in enumerate(self.code):
            operands = OPCODES[instruction.op].operands
            if len(instruction.args) != len(operands):
                return f"instruction {pc} ({instruction.op}) has {len(instruction.args)} operands, not {len(operands)}"
            for kind, value in zip(operands, instruction.args):
                if not fits(kind, value):
                    return f"instruction {pc} ({instruction.op}): operand {kind} = {value!r} is out of range"
            if instruction.op == "ROUTE":
                for rule_k, *_ in instruction.args[2]:
                    if rules.lookup(self.constants[rule_k].value) is None:
                        return f"instruction {pc} (ROUTE) uses the rule {self.constants[rule_k].value!r}, " \
                               "which this version of flowlang does not have"
        for label, pc in self.labels.items():
            if not (0 <= pc < size and self.code[pc].op == "NODE"):
                return f"label {label!r} does not point at a node"
        return None
