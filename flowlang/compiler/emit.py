"""Syntax tree -> Program. Runs after flowlang.check found no errors, so every label exists
and every duration parses."""

from __future__ import annotations

from flowlang.check.durations import parse_duration
from flowlang.compiler.program import Constant, Instruction, Program
from flowlang.syntax import ast


class _Emitter:
    def __init__(self, flow: ast.FlowFile):
        self.flow = flow
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

    def node(self, node: ast.Node) -> None:
        self.labels[node.label.text] = self.emit("NODE", node.span.line, self.k(node.label.text, "name"))
        for statement in node.statements:
            getattr(self, type(statement).__name__.lower())(statement)

    def send(self, s: ast.Send) -> None:
        self.emit("SEND", s.span.line, self.k(s.text.value), [self.k(q.value) for q in s.quick_replies])

    def wait(self, s: ast.Wait) -> None:
        timeout = parse_duration(s.timeout.text) if s.timeout else None
        target = ("label", s.timeout_target.text) if s.timeout_target else None
        self.emit("WAIT", s.span.line, self.result(s.result), timeout, target)

    def webhook(self, s: ast.Webhook) -> None:
        outcomes = {on.outcome.text: ("label", on.target.text) for on in s.on}
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
                          ("label", case.target.text)])
        pc = len(self.code)
        other_category = _category(s.other.category, None) if s.other else "Other"
        other = ("label", s.other.target.text) if s.other else ("pc", pc + 1)
        self.emit("ROUTE", s.span.line, self.k(s.operand.value), self.result(s.result), cases,
                  self.k(other_category, "name"), other)

    def set(self, s: ast.Set) -> None:
        value = s.value.value if isinstance(s.value, ast.Text) else s.value.text
        if s.scope.text == "flow":
            self.emit("SET_RESULT", s.span.line, self.result(s.name), self.k(value))
        else:
            self.emit("SET_CONTACT", s.span.line, self.k(s.name.text, "name"), self.k(value))

    def goto(self, s: ast.Goto) -> None:
        self.emit("JUMP", s.span.line, ("label", s.target.text))

    def end(self, s: ast.End) -> None:
        self.emit("END", s.span.line)

    # -- assembly -------------------------------------------------------------------------

    def program(self) -> Program:
        for node in self.flow.nodes:
            if node.label.text not in self.labels:  # a duplicate: check reported it
                self.node(node)
        last_line = self.flow.nodes[-1].span.end_line if self.flow.nodes else self.flow.header.span.line
        self.emit("END", last_line)  # falling off the last node completes the session
        code = tuple(Instruction(op, self._patch(args), line) for op, args, line in self.code)
        title = self.flow.header.title.value if self.flow.header.title else self.flow.header.id.text
        return Program(
            flow_id=self.flow.header.id.text, title=title, source_path=self.flow.path,
            constants=tuple(self.constants), code=code, labels=dict(self.labels), result_names=tuple(self.results),
        )

    def _patch(self, value):
        if isinstance(value, tuple) and len(value) == 2 and value[0] in ("label", "pc"):
            return self.labels[value[1]] if value[0] == "label" else value[1]
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


def emit(flow: ast.FlowFile) -> Program:
    return _Emitter(flow).program()
