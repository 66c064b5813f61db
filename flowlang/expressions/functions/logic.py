"""Logic and error handling: `and`, `or`, `if`, `default`, `is_error`."""

from __future__ import annotations

from flowlang.expressions.functions.convert import to_bool
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError, XObject


@register("boolean", 1)
def boolean(env, value):
    """`value` as a boolean: text "false" (any case), empty text, zero, empty arrays and
    objects and nil are false."""
    return to_bool(value)


@register("and", 1, None)
def and_(env, *values):
    """Whether all `values` are truthy."""
    for value in values:
        value = to_bool(value)
        if type(value) is XError:
            return value
        if not value:
            return False
    return True


@register("or", 1, None)
def or_(env, *values):
    """Whether any of `values` is truthy."""
    for value in values:
        value = to_bool(value)
        if type(value) is XError:
            return value
        if value:
            return True
    return False


@register("if", 3)
def if_(env, test, value1, value2):
    """`value1` if `test` is truthy, else `value2`; an error `test` is returned as is."""
    test = to_bool(test)
    if type(test) is XError:
        return test
    return value1 if test else value2


def is_empty(value) -> bool:
    while isinstance(value, XObject) and value.has_default:
        value = value.default
    return value is None or value == ""


@register("default", 2)
def default(env, value, fallback):
    """`value`, unless it is empty or an error: then `default`."""
    if type(value) is XError or is_empty(value):
        return fallback
    return value


@register("is_error", 1)
def is_error(env, value):
    """Whether `value` is an error."""
    return type(value) is XError
