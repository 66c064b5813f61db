"""Stage 3: static analysis of a syntax tree -> diagnostics (errors stop compilation,
warnings do not)."""

from __future__ import annotations

from flowlang.check.labels import check_labels
from flowlang.check.statements import check_statements
from flowlang.diagnostics import Diagnostic, sort_key
from flowlang.syntax import ast


def check(flow: ast.FlowFile, flows: set[str] | None = None) -> list[Diagnostic]:
    """Every problem in the flow, in source order. `flows` are the flow ids a `call` may name
    (the compilation unit's); by default only the flow itself."""
    known = flows if flows is not None else {flow.header.id.text}
    return sorted(check_labels(flow) + check_statements(flow, known), key=sort_key)


__all__ = ["check"]
