"""The syntax tree of a .flow file: attrs classes, each node carrying its source span.

The tree says only what was written; meaning (does that label exist? is that rule known?)
is decided by flowlang.check.
"""

from __future__ import annotations

import attrs

from flowlang.span import Span


@attrs.frozen
class Name:
    text: str
    span: Span


@attrs.frozen
class Text:
    """A template as written: a string literal (unescaped `value`, `raw` as in the source,
    quotes included) or a bare `@ref` / `@(expr)`."""

    value: str
    raw: str
    span: Span

    def column_of(self, offset: int) -> int:
        """The source column of character `offset` of `value` (strings are single-line)."""
        if not self.raw.startswith('"'):
            return self.span.column + offset
        i, seen = 1, 0  # i walks the raw text after the opening quote
        while seen < offset and i < len(self.raw) - 1:
            i += 2 if self.raw[i] == "\\" else 1
            seen += 1
        return self.span.column + i

    def span_of(self, start: int, end: int) -> Span:
        first = self.column_of(start)
        last = self.column_of(max(end, start + 1))
        return Span(self.span.path, self.span.line, first, self.span.line, max(last, first + 1))


@attrs.frozen
class Number:
    text: str
    span: Span


@attrs.frozen
class Duration:
    text: str
    span: Span


Argument = Text | Number


@attrs.frozen
class Send:
    text: Text
    quick_replies: tuple[Text, ...]
    span: Span


@attrs.frozen
class Wait:
    result: Name | None
    timeout: Duration | None
    timeout_target: Name | None
    span: Span


@attrs.frozen
class Header:
    name: Text
    value: Text
    span: Span


@attrs.frozen
class WebhookOn:
    """`on success -> label` / `on failure -> label`."""

    outcome: Name
    target: Name
    span: Span


@attrs.frozen
class Webhook:
    method: Name
    url: Text
    result: Name | None
    headers: tuple[Header, ...]
    body: Text | None
    timeout: Duration | None
    on: tuple[WebhookOn, ...]
    span: Span
    repeated_options: tuple[Span, ...] = ()  # a second body/timeout: reported by the checker


@attrs.frozen
class Case:
    rule: Name
    arguments: tuple[Argument, ...]
    category: Name | Text | None
    target: Name
    span: Span


@attrs.frozen
class Other:
    category: Name | Text | None
    target: Name
    span: Span


@attrs.frozen
class Match:
    operand: Text
    result: Name | None
    cases: tuple[Case, ...]
    other: Other | None
    extra_others: tuple[Other, ...]  # more than one `other`: kept so the checker can report it
    span: Span


@attrs.frozen
class Set:
    scope: Name  # flow | contact
    name: Name
    value: Text | Number
    span: Span


@attrs.frozen
class Goto:
    target: Name
    span: Span


@attrs.frozen
class End:
    span: Span


@attrs.frozen
class Call:
    """`call FLOW`: run another flow of the compilation as a subflow, then come back."""

    flow: Name
    span: Span


Statement = Send | Wait | Webhook | Match | Set | Goto | End | Call


@attrs.frozen
class Use:
    """`use std.confirm`: a module path, resolved by the compiler."""

    path: tuple[Name, ...]
    span: Span

    @property
    def dotted(self) -> str:
        return ".".join(n.text for n in self.path)


@attrs.frozen
class Node:
    label: Name
    statements: tuple[Statement, ...]
    span: Span


@attrs.frozen
class FlowHeader:
    id: Name
    title: Text | None
    span: Span


@attrs.frozen
class FlowFile:
    path: str
    header: FlowHeader
    nodes: tuple[Node, ...]
    span: Span
    uses: tuple[Use, ...] = ()
