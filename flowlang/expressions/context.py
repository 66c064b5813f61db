"""Resolving names and lookups against the evaluation context.

The interpreter supplies goflow's modern roots (`contact`, `results`, `input`, ...); the
legacy roots (`@flow`, `@extra`, ...) come from `legacy.py` when the context lacks them.
"""

from __future__ import annotations

from typing import Any

from flowlang.expressions import legacy, registry
from flowlang.expressions.calls import call_spec
from flowlang.expressions.objects import MISSING, get_key
from flowlang.expressions.values import XError, XFunction, render, render_for_error, to_number

MODERN_ROOTS = frozenset({
    "contact", "fields", "urns", "results", "run", "input", "webhook", "globals", "trigger",
    "parent", "child", "node", "locals", "legacy_extra",
})
LEGACY_ROOTS = legacy.ROOTS
KNOWN_ROOTS = MODERN_ROOTS | LEGACY_ROOTS


def has_root(context: dict, name: str) -> bool:
    """Whether `@name` is a reference (rather than literal text) in this context."""
    return name in LEGACY_ROOTS or get_key(context, name) is not MISSING


def lookup(value: Any, key: str) -> Any:
    """`value.key` (and `value["key"]`): object properties, or array items by number."""
    if isinstance(value, dict):
        found = get_key(value, key)
        if found is MISSING:
            found = legacy.legacy_property(value, key)
            if found is MISSING:
                return XError(f"object has no property '{key}'")
        return found
    if type(value) is XError:
        return value
    if isinstance(value, list):
        return item(value, key)
    return XError(f"{render_for_error(value)} doesn't support lookups")


def index(value: Any, key: Any) -> Any:
    """`value[key]` with an evaluated key: a number for arrays, text for objects."""
    if type(value) is XError:
        return value
    if type(key) is XError:
        return key
    if isinstance(value, list):
        return item(value, key)
    if isinstance(value, dict):
        # unlike `.`, `[...]` gives nil for a missing property (goflow's rule)
        name = render(key)
        found = get_key(value, name)
        if found is MISSING:
            found = legacy.legacy_property(value, name)
        return None if found is MISSING else found
    return XError(f"{render_for_error(value)} doesn't support lookups")


def item(array: list, key: Any) -> Any:
    """An array item by (possibly negative) index, as goflow indexes."""
    number = to_number(key)
    if type(number) is XError:
        return number
    if not -2**31 <= number < 2**31:  # compared first: int() of 9E+999999 would take minutes
        return XError(f"number value {render(number)} is out of range for an integer")
    position = int(number)  # goflow takes the integer part: [1.9] is [1]
    size = len(array)
    if position < -size or position >= size:
        return XError(f"index {position} out of range for {size} items")
    return array[position]


def function_value(name: str, evaluation=None) -> XFunction | None:
    """A registered function as a value (`@(foreach(list, upper))`). Given the evaluation it
    is used in, its calls spend that evaluation's budget like direct calls do."""
    spec = registry.lookup(name)
    if spec is None:
        return None
    if evaluation is not None:
        return XFunction(spec.name, lambda env, *args: call_spec(spec, env, list(args), evaluation))
    cached = _FUNCTION_VALUES.get(spec.name)
    if cached is None or cached[0] is not spec:
        cached = (spec, XFunction(spec.name, _bound_call(spec)))
        _FUNCTION_VALUES[spec.name] = cached
    return cached[1]


_FUNCTION_VALUES: dict[str, tuple[Any, XFunction]] = {}


def _bound_call(spec):
    def call(env, *args):
        return call_spec(spec, env, list(args), None)

    return call


def resolve_root(context: dict, env, name: str, evaluation=None) -> Any:
    """A top-level name: a context root, a legacy root derived from the modern ones, or a function."""
    found = get_key(context, name)
    if found is not MISSING:
        return found
    build = legacy.BUILDERS.get(name)
    if build is not None:
        return build(context, env)
    function = function_value(name, evaluation)
    if function is not None:
        return function
    return XError(f"context has no property '{name}'")


__all__ = ["KNOWN_ROOTS", "LEGACY_ROOTS", "MODERN_ROOTS", "MISSING", "function_value",
           "get_key", "has_root", "index", "item", "lookup", "resolve_root"]
