"""Syntax tree -> Program. Runs after flowlang.check found no errors, so every label exists
and every duration parses."""

from __future__ import annotations

from flowlang.check.durations import parse_duration
from flowlang.compiler.program import Constant, FlowInfo as _FlowInfo, Instruction, Program
from flowlang.syntax import ast


class _Emitter:
    """Emits every flow of a compilation into one instruction list. The main flow's labels are
    written as is; a used flow's labels are qualified as `flow_id/label`."""

    def __init__(self, flows: list[ast.FlowFile]):
        self.flows = flows
        self.prefix = ""
        self.entries: dict[str, int] = {}
        self.constants: list[Constant] = []
        self._index: dict[Constant, int] = {}
        self.code: list[list] = []  # [op, args(list), line]; jump targets are labels until patched
        self.labels: dict[str, int] = {}
        self.results: list[str] = []

    def k(self, value: str, kind: str = "template") -> int:
        constant = Constant(kind, value)
        index = self._index.get(constant)
        if index is None:
            index = self._index[constant] = len(self.constants)
            self.constants.append(constant)
        return index

    def name_k(self, name: ast.Name | None) -> int | None:
        return None if name is None else self.k(name.text.lower(), "name")

    def emit(self, op: str, line: int, *args) -> int:
        self.code.append([op, list(args), line])
        return len(self.code) - 1

    def result(self, name: ast.Name | None) -> int | None:
        if name is not None and name.text.lower() not in self.results:
            self.results.append(name.text.lower())
        return self.name_k(name)

    # -- statements -----------------------------------------------------------------------

    def q(self, label: str) -> tuple[str, str]:
        """A jump target: the label qualified with the current flow."""
        return ("label", self.prefix + label)

    def node(self, node: ast.Node) -> None:
        label = self.prefix + node.label.text
        self.labels[label] = self.emit("NODE", node.span.line, self.k(label, "name"))
        for statement in node.statements:
            getattr(self, type(statement).__name__.lower())(statement)

    def send(self, s: ast.Send) -> None:
        self.emit("SEND", s.span.line, self.k(s.text.value), [self.k(q.value) for q in s.quick_replies])

    def wait(self, s: ast.Wait) -> None:
        timeout = parse_duration(s.timeout.text) if s.timeout else None
        target = self.q(s.timeout_target.text) if s.timeout_target else None
        self.emit("WAIT", s.span.line, self.result(s.result), timeout, target)

    def webhook(self, s: ast.Webhook) -> None:
        outcomes = {on.outcome.text: self.q(on.target.text) for on in s.on}
        headers = [[self.k(h.name.value), self.k(h.value.value)] for h in s.headers]
        pc = len(self.code)
        self.emit(
            "WEBHOOK", s.span.line, self.k(s.method.text.upper(), "name"), self.k(s.url.value), headers,
            None if s.body is None else self.k(s.body.value),
            parse_duration(s.timeout.text) if s.timeout else None,
            self.result(s.result),
            outcomes.get("success", ("pc", pc + 1)), outcomes.get("failure", ("pc", pc + 1)),
        )

    def match(self, s: ast.Match) -> None:
        cases = []
        for case in s.cases:
            args = [self.k(a.value if isinstance(a, ast.Text) else a.text) for a in case.arguments]
            cases.append([self.k(case.rule.text, "name"), args, self.k(_category(case.category, case.target), "name"),
                          self.q(case.target.text)])
        pc = len(self.code)
        other_category = _category(s.other.category, None) if s.other else "Other"
        other = self.q(s.other.target.text) if s.other else ("pc", pc + 1)
        self.emit("ROUTE", s.span.line, self.k(s.operand.value), self.result(s.result), cases,
                  self.k(other_category, "name"), other)

    def set(self, s: ast.Set) -> None:
        value = s.value.value if isinstance(s.value, ast.Text) else s.value.text
        if s.scope.text == "flow":
            self.emit("SET_RESULT", s.span.line, self.result(s.name), self.k(value))
        else:
            # contact fields are keyed like results: `set contact.Name` sets the name
            self.emit("SET_CONTACT", s.span.line, self.k(s.name.text.lower(), "name"), self.k(value))

    def goto(self, s: ast.Goto) -> None:
        self.emit("JUMP", s.span.line, self.q(s.target.text))

    def end(self, s: ast.End) -> None:
        self.emit("END", s.span.line)

    def call(self, s: ast.Call) -> None:
        self.emit("CALL", s.span.line, self.k(s.flow.text, "name"), ("flow", s.flow.text))

    # -- assembly -------------------------------------------------------------------------

    def program(self) -> Program:
        for index, flow in enumerate(self.flows):
            self.prefix = "" if index == 0 else flow.header.id.text + "/"
            self.entries[flow.header.id.text] = len(self.code)
            for node in flow.nodes:
                if self.prefix + node.label.text not in self.labels:  # a duplicate: check reported it
                    self.node(node)
            last = flow.nodes[-1].statements[-1] if flow.nodes else flow.header
            last_line = last.span.end_line
            self.emit("END", last_line)  # falling off the last node ends the flow
        code = tuple(Instruction(op, self._patch(args), line) for op, args, line in self.code)
        main = self.flows[0]
        title = main.header.title.value if main.header.title else main.header.id.text
        return Program(
            flow_id=main.header.id.text, title=title, source_path=main.path,
            constants=tuple(self.constants), code=code, labels=dict(self.labels), result_names=tuple(self.results),
            flows={f.header.id.text: _FlowInfo(self.entries[f.header.id.text], f.path,
                                                f.header.title.value if f.header.title else f.header.id.text)
                   for f in self.flows[1:]},
        )

    def _patch(self, value):
        if isinstance(value, tuple) and len(value) == 2 and value[0] in ("label", "pc", "flow"):
            kind, target = value
            return self.labels[target] if kind == "label" else self.entries[target] if kind == "flow" else target
        if isinstance(value, (list, tuple)):
            return tuple(self._patch(v) for v in value)
        return value


def _category(category: ast.Name | ast.Text | None, target: ast.Name | None) -> str:
    """A case's category: as written, else its target label capitalised (so cases that go
    to the same node share a category), else Other."""
    if isinstance(category, ast.Text):
        return category.value
    if isinstance(category, ast.Name):
        return category.text
    if target is not None:
        words = target.text.replace("_", " ").strip()
        return words[:1].upper() + words[1:]
    return "Other"


def emit(flows: list[ast.FlowFile]) -> Program:
    """Compile the main flow and the flows it uses (main first) into one program."""
    return _Emitter(flows).program()
