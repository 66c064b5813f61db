"""Syntax tree -> a Python closure `f(evaluation) -> value`, built once per expression.

Evaluation then never looks at the tree again: each node became a small function that
calls its children's functions directly, with names, keys and registry entries resolved
at compile time wherever they can be.
"""

from __future__ import annotations

from typing import Any, Callable

from flowlang.expressions import registry
from flowlang.expressions.calls import BUDGET_EXCEEDED, CHARS_PER_COST, call_spec, call_value, check_size
from flowlang.expressions.context import MISSING, get_key, index, lookup, resolve_root
from flowlang.expressions.evaluation import Evaluation
from flowlang.expressions.operators import BINARY, concatenate, negate
from flowlang.expressions.syntax import Binary, Call, Lambda, Literal, Lookup, Name, Node, Unary
from flowlang.expressions.values import XError, XFunction, XObject

Closure = Callable[[Evaluation], Any]


def compile_node(node: Node, bound: frozenset[str] = frozenset()) -> Closure:
    """The closure evaluating `node`; `bound` are the lambda parameters in scope."""
    t = type(node)
    if t is Literal:
        return _literal(node.value)
    if t is Name:
        return _name(node.name, node.name in bound)
    if t is Lookup:
        return _lookup(node, bound)
    if t is Call:
        return _call(node, bound)
    if t is Unary:
        operand = compile_node(node.operand, bound)
        return lambda e: negate(e.env, operand(e))
    if t is Binary:
        return _binary(node, bound)
    if t is Lambda:
        return _lambda(node, bound)
    raise TypeError(f"not an expression node: {node!r}")


def _literal(value: Any) -> Closure:
    return lambda e: value


def _name(name: str, is_parameter: bool) -> Closure:
    if is_parameter:
        def parameter(e: Evaluation) -> Any:
            return e.scope.get(name)

        return parameter

    def root(e: Evaluation) -> Any:
        value = e.context.get(name, MISSING)
        if value is MISSING:
            # legacy roots are built from the modern ones: once per evaluation is enough
            derived = e.derived
            if derived is None:
                derived = e.derived = {}
            value = derived.get(name, MISSING)
            if value is MISSING:
                value = derived[name] = resolve_root(e.context, e.env, name, e)
        return value

    return root


def _lookup(node: Lookup, bound: frozenset[str]) -> Closure:
    target = compile_node(node.target, bound)
    if node.dotted:
        key = node.key.value

        def dotted(e: Evaluation) -> Any:
            value = target(e)
            if type(value) is dict or type(value) is XObject:  # the common case, inlined
                found = value.get(key, MISSING)
                if found is not MISSING:
                    return found
            return lookup(value, key)

        return dotted
    key_closure = compile_node(node.key, bound)
    return lambda e: index(target(e), key_closure(e))


def _call(node: Call, bound: frozenset[str]) -> Closure:
    args = tuple(compile_node(arg, bound) for arg in node.args)
    func = node.func
    if type(func) is Name and func.name not in bound:
        name = func.name
        spec = registry.lookup(name)

        def call_named(e: Evaluation) -> Any:
            values = [arg(e) for arg in args]
            found = spec if spec is not None else registry.lookup(name)
            if found is not None:
                return call_spec(found, e.env, values, e)
            target = get_key(e.context, name)
            if type(target) is XFunction:
                return _spend_then_call(e, target, values)
            return XError(f"{name} is not a function")

        return call_named

    callee = compile_node(func, bound)

    def call_computed(e: Evaluation) -> Any:
        target = callee(e)
        values = [arg(e) for arg in args]
        return _spend_then_call(e, target, values)

    return call_computed


def _spend_then_call(e: Evaluation, target: Any, values: list) -> Any:
    e.cost += 1
    if e.cost > e.limits.max_cost:
        return XError(BUDGET_EXCEEDED)
    return call_value(target, e.env, values, e)


def _binary(node: Binary, bound: frozenset[str]) -> Closure:
    left = compile_node(node.left, bound)
    right = compile_node(node.right, bound)
    if node.op == "&":
        def joined(e: Evaluation) -> Any:
            result = concatenate(e.env, left(e), right(e))
            if type(result) is str and len(result) >= CHARS_PER_COST:
                return check_size(result, e.limits, e)
            return result

        return joined
    op = BINARY[node.op]
    return lambda e: op(e.env, left(e), right(e))


def _lambda(node: Lambda, bound: frozenset[str]) -> Closure:
    params = node.params
    body = compile_node(node.body, bound | frozenset(params))

    def make(e: Evaluation) -> XFunction:
        outer = e.scope

        def invoke(env: Any, *args: Any) -> Any:
            e.cost += 1
            if e.cost > e.limits.max_cost:
                return XError(BUDGET_EXCEEDED)
            if len(args) != len(params):
                return XError(f"need {len(params)} argument(s), got {len(args)}")
            scope = dict(outer) if outer else {}
            scope.update(zip(params, args))
            saved = e.scope
            e.scope = scope
            try:
                return body(e)
            finally:
                e.scope = saved

        return XFunction("(" + ", ".join(params) + ") => ...", invoke)

    return make
