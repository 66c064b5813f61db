"""Static checks of a parsed expression: unknown functions and wrong argument counts."""

from __future__ import annotations

import difflib

from flowlang.expressions import registry
from flowlang.expressions.registry import arity_error
from flowlang.expressions.context import KNOWN_ROOTS
from flowlang.expressions.problems import Problem
from flowlang.expressions.syntax import Binary, Call, Lambda, Lookup, Name, Node, Unary


def check(node: Node, bound: frozenset[str] = frozenset()) -> list[Problem]:
    """Problems in an expression, with offsets relative to the expression text."""
    problems: list[Problem] = []
    _check(node, bound, problems)
    return problems


def _check(node: Node, bound: frozenset[str], problems: list[Problem]) -> None:
    t = type(node)
    if t is Call:
        func = node.func
        if type(func) is Name and func.name not in bound:
            spec = registry.lookup(func.name)
            if spec is None:
                # a context root could hold a function value; everything else is a typo
                if func.name not in KNOWN_ROOTS:
                    problems.append(Problem(func.start, func.end, f"unknown function '{func.name}'",
                                            hint=_suggest(func.name)))
            elif not spec.accepts(len(node.args)):
                problems.append(Problem(node.start, node.end,
                                        f"{spec.name}() takes {spec.arity_text()}, got {len(node.args)}",
                                        hint=f"goflow would fail with: {arity_error(spec, len(node.args))}"))
        else:
            _check(func, bound, problems)
        for arg in node.args:
            _check(arg, bound, problems)
    elif t is Lookup:
        _check(node.target, bound, problems)
        _check(node.key, bound, problems)
    elif t is Unary:
        _check(node.operand, bound, problems)
    elif t is Binary:
        _check(node.left, bound, problems)
        _check(node.right, bound, problems)
    elif t is Lambda:
        _check(node.body, bound | frozenset(node.params), problems)


def _suggest(name: str) -> str | None:
    close = difflib.get_close_matches(name, list(registry.FUNCTIONS), n=1)
    return f"did you mean {close[0]}()?" if close else None
