"""Labels and control flow: which nodes exist, where each statement can go, what is reachable."""

from __future__ import annotations

import difflib

from flowlang.diagnostics import Diagnostic
from flowlang.syntax import ast


def targets_of(statement: ast.Statement) -> list[ast.Name]:
    """Every label a statement may jump to."""
    if isinstance(statement, ast.Goto):
        return [statement.target]
    if isinstance(statement, ast.Wait):
        return [statement.timeout_target] if statement.timeout_target else []
    if isinstance(statement, ast.Webhook):
        return [on.target for on in statement.on]
    if isinstance(statement, ast.Match):
        names = [case.target for case in statement.cases]
        names += [o.target for o in ((statement.other,) if statement.other else ()) + statement.extra_others]
        return names
    return []


def always_jumps(statement: ast.Statement) -> bool:
    """True when control never reaches the next statement."""
    if isinstance(statement, (ast.Goto, ast.End)):
        return True
    if isinstance(statement, ast.Match):
        return statement.other is not None
    if isinstance(statement, ast.Webhook):
        outcomes = {on.outcome.text for on in statement.on}
        return {"success", "failure"} <= outcomes
    return False


def check_labels(flow: ast.FlowFile) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    if not flow.nodes:
        diagnostics.append(Diagnostic.of("FL042", f"flow {flow.header.id.text!r} has no nodes, so it does nothing",
                                         flow.header.span))
    labels: dict[str, ast.Node] = {}
    for node in flow.nodes:
        first = labels.get(node.label.text)
        if first is not None:
            diagnostics.append(Diagnostic.of(
                "FL011", f"label {node.label.text!r} is already defined on line {first.label.span.line}",
                node.label.span,
            ))
        else:
            labels[node.label.text] = node

    for node in flow.nodes:
        for statement in node.statements:
            for target in targets_of(statement):
                if target.text not in labels:
                    close = difflib.get_close_matches(target.text, list(labels), n=1)
                    hint = f"did you mean {close[0]!r}?" if close else (
                        "labels defined here: " + ", ".join(labels) if labels else "define a node with `label:`")
                    diagnostics.append(Diagnostic.of("FL010", f"no node is labelled {target.text!r}", target.span, hint))

    diagnostics += _check_reachability(flow, labels)
    return diagnostics


def _check_reachability(flow: ast.FlowFile, labels: dict[str, ast.Node]) -> list[Diagnostic]:
    diagnostics = []
    order = [n for n in flow.nodes if labels.get(n.label.text) is n]
    if not order:
        return diagnostics
    successors: dict[str, set[str]] = {}
    for index, node in enumerate(order):
        nexts: set[str] = set()
        falls_through = True
        for position, statement in enumerate(node.statements):
            nexts.update(t.text for t in targets_of(statement) if t.text in labels)
            if always_jumps(statement):
                falls_through = False
                if position + 1 < len(node.statements):
                    dead = node.statements[position + 1]
                    diagnostics.append(Diagnostic.of(
                        "FL040", f"this statement in node {node.label.text!r} can never run", dead.span,
                    ))
                break
        if falls_through and index + 1 < len(order):
            nexts.add(order[index + 1].label.text)
        successors[node.label.text] = nexts

    seen, stack = set(), [order[0].label.text]
    while stack:
        label = stack.pop()
        if label in seen:
            continue
        seen.add(label)
        stack.extend(successors.get(label, ()))
    for node in order:
        if node.label.text not in seen:
            diagnostics.append(Diagnostic.of("FL041", f"node {node.label.text!r} is never reached", node.label.span))
    return diagnostics
