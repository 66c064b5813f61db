"""Diagnostics: every problem the compiler can report, as data.

Each code has one `Definition` here (severity, title, a default hint and an example source that
triggers it); `tests/check/test_definitions.py` compiles every example, so the registry and
docs/diagnostics.md cannot drift from what the compiler really says.
"""

from __future__ import annotations

import attrs

from flowlang.span import Span

ERROR = "error"
WARNING = "warning"


@attrs.frozen
class Definition:
    code: str
    severity: str
    title: str
    hint: str | None
    example: str  # a .flow source that produces this diagnostic


_HEAD = 'flow demo "Demo"\n\n'

DEFINITIONS: dict[str, Definition] = {
    d.code: d
    for d in [
        Definition("FL001", ERROR, "syntax error", None, _HEAD + "start:\n    send\n"),
        Definition("FL002", ERROR, "unterminated string",
                   'close the string with " on the same line; write \\n for a line break',
                   _HEAD + 'start:\n    send "Hello\n'),
        Definition("FL003", ERROR, "unexpected character", None, _HEAD + "start:\n    send $\n"),
        Definition("FL004", ERROR, "tabs mixed with spaces in indentation",
                   "indent with spaces only (4 per level is the convention)",
                   _HEAD + 'start:\n    send "a"\n\tsend "b"\n'),
        Definition("FL005", ERROR, "indentation does not match any outer level",
                   "line the statement up with the statements above it",
                   _HEAD + 'start:\n        send "a"\n    send "b"\n'),
        Definition("FL006", ERROR, "empty file",
                   'a flow file starts with a header such as: flow my_flow "My flow"', ""),
        Definition("FL007", ERROR, "cannot read file", None, ""),
        Definition("FL010", ERROR, "unknown label", None, _HEAD + "start:\n    goto nowhere\n"),
        Definition("FL011", ERROR, "duplicate label", "rename one of the nodes",
                   _HEAD + 'start:\n    send "a"\n\nstart:\n    send "b"\n'),
        Definition("FL012", ERROR, "bad duration",
                   "write a whole number followed by s, m, h or d, e.g. 30s, 10m, 2h, 7d",
                   _HEAD + "start:\n    wait for reply timeout 10x -> start\n"),
        Definition("FL013", ERROR, "unknown HTTP method", "use GET, POST, PUT, PATCH, DELETE or HEAD",
                   _HEAD + 'start:\n    webhook FETCH "https://example.com"\n'),
        Definition("FL014", ERROR, "unknown webhook outcome", "write `on success -> label` or `on failure -> label`",
                   _HEAD + 'start:\n    webhook GET "https://example.com"\n        on done -> start\n'),
        Definition("FL015", ERROR, "unknown set target",
                   "set either a result (set flow.NAME = ...) or a contact field (set contact.FIELD = ...)",
                   _HEAD + 'start:\n    set run.x = "1"\n'),
        Definition("FL016", ERROR, "more than one `other` case", "keep a single `other` as the last case",
                   _HEAD + 'start:\n    match @input\n        other -> start\n        other -> start\n'),
        Definition("FL017", ERROR, "webhook option given twice", None,
                   _HEAD + 'start:\n    webhook POST "https://example.com"\n        body "a"\n        body "b"\n'),
        Definition("FL018", ERROR, "timeout out of range", "a wait may last from 1 second to 30 days",
                   _HEAD + "start:\n    wait for reply timeout 0s -> start\n"),
        Definition("FL020", ERROR, "unknown rule", None,
                   _HEAD + 'start:\n    match @input\n        has_al_words "x" -> start\n'),
        Definition("FL021", ERROR, "wrong number of rule arguments", None,
                   _HEAD + 'start:\n    match @input\n        has_number_between 1 -> start\n'),
        Definition("FL022", ERROR, "invalid rule argument", None,
                   _HEAD + 'start:\n    match @input\n        has_pattern "(unclosed" -> start\n'),
        Definition("FL023", WARNING, "deprecated rule", None,
                   _HEAD + 'start:\n    match @input\n        has_intent "greet" 0.5 -> start\n        other -> start\n'),
        Definition("FL030", ERROR, "error in template", None, _HEAD + 'start:\n    send "@(upper(\\"a\\", 1, 2))"\n'),
        Definition("FL031", WARNING, "result never saved",
                   "save it first with `wait for reply as NAME`, `match ... as NAME`, `webhook ... as NAME` or `set flow.NAME = ...`",
                   _HEAD + 'start:\n    send "You said @flow.answer"\n'),
        Definition("FL032", WARNING, "suspicious template", None,
                   _HEAD + 'start:\n    send "Total: @(1 + 2"\n'),
        Definition("FL040", WARNING, "unreachable statement",
                   "nothing runs after goto or end in the same node", _HEAD + 'start:\n    end\n    send "never"\n'),
        Definition("FL041", WARNING, "unreachable node",
                   "no goto, match case or fall-through leads here",
                   _HEAD + 'start:\n    end\n\nlost:\n    send "never"\n'),
        Definition("FL042", ERROR, "flow without nodes",
                   "add a node: a `label:` line with indented statements under it", 'flow demo "Demo"\n'),
        Definition("FL050", ERROR, "unknown flow",
                   "a subflow is called by the id in its `flow` header; bring its file in with `use`",
                   _HEAD + "start:\n    call nosuchflow\n"),
        Definition("FL051", ERROR, "module not found",
                   "`use std.NAME` loads stdlib/NAME.flow; `use NAME` loads NAME.flow next to this file",
                   _HEAD + "use nosuchmodule\n\nstart:\n    end\n"),
        Definition("FL052", ERROR, "two flows with the same id", "give each flow of a compilation its own id",
                   'flow confirm "Mine"\nuse std.confirm\n\nstart:\n    end\n'),
    ]
}


@attrs.frozen
class Diagnostic:
    """A problem with a place: `path:line:col: severity: message`, plus a hint."""

    code: str
    severity: str
    message: str
    span: Span
    hint: str | None = None

    @classmethod
    def of(cls, code: str, message: str, span: Span, hint: str | None = None) -> "Diagnostic":
        definition = DEFINITIONS[code]
        return cls(code, definition.severity, message, span, hint if hint is not None else definition.hint)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def headline(self) -> str:
        return f"{self.span}: {self.severity}: {self.message} [{self.code}]"

    def format(self, source: str | None = None) -> str:
        """The headline, then (when the source is known) the line with a caret, then the hint."""
        lines = [self.headline()]
        if source is not None:
            text_lines = source.split("\n")  # not splitlines(): U+2028 is not a line end to the parser
            if 1 <= self.span.line <= len(text_lines) and text_lines[self.span.line - 1].strip():
                line = text_lines[self.span.line - 1].replace("\t", " ")
                width = (self.span.end_column - self.span.column) if self.span.end_line == self.span.line else 1
                width = max(1, min(width, len(line) - self.span.column + 2))
                lines.append(f"    {line}")
                lines.append("    " + " " * (self.span.column - 1) + "^" * width)
        if self.hint:
            lines.append(f"    hint: {self.hint}")
        return "\n".join(lines)


def sort_key(d: Diagnostic) -> tuple:
    return (d.span.path, d.span.line, d.span.column, d.code)
