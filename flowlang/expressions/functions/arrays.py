"""Array and object functions, including the higher-order ones (`filter`, `foreach`,
`foreach_value`, `sort`) that take a function value."""

from __future__ import annotations

import functools
from decimal import Decimal

from flowlang.expressions.functions.compare import ORDERED, compare, equal, plain
from flowlang.expressions.functions.convert import (
    first_error,
    slice_bounds,
    to_array,
    to_bool,
    to_function,
    to_object,
    to_text,
)
from flowlang.expressions.functions.limits import too_many_items
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError, XObject


@register("array", 0, None)
def array(env, *values):
    """The `values` as an array."""
    error = first_error(*values) or too_many_items(len(values))
    return error if error else list(values)


@register("object", 0, None)
def object_(env, *pairs):
    """An object from property name and value pairs."""
    error = first_error(*pairs)
    if error:
        return error
    if len(pairs) % 2:
        return XError("requires an even number of arguments")
    props = {}
    for i in range(0, len(pairs), 2):
        key = to_text(pairs[i])
        if type(key) is XError:
            return key
        props[key] = pairs[i + 1]
    return XObject(props)


@register("contains", 2)
def contains(env, items, value):
    """Whether `array` contains `value`."""
    items = to_array(items)
    if type(items) is XError:
        return items
    if type(value) is XError:
        return value
    return any(equal(item, value) for item in items)


@register("concat", 2)
def concat(env, first, second):
    """The items of `array1` followed by those of `array2`."""
    first, second = to_array(first), to_array(second)
    error = first_error(first, second)
    if error:
        return error
    error = too_many_items(len(first) + len(second))
    return error if error else first + second


@register("reverse", 1)
def reverse(env, items):
    """The items of `array` in reverse order."""
    items = to_array(items)
    return items if type(items) is XError else items[::-1]


@register("slice", 2, 3)
def slice_(env, items, start, end=None):
    """The items of `array` from `start` up to (not including) `end`; negatives count from the end."""
    items = to_array(items)
    if type(items) is XError:
        return items
    bounds = slice_bounds(len(items), start, end)
    if type(bounds) is XError:
        return bounds
    start, stop = bounds
    return items[start:stop] if stop > start else []


@register("sort", 1)
def sort(env, items):
    """The items of `array` in ascending order (all of one type: numbers, text, dates...)."""
    items = to_array(items)
    if type(items) is XError:
        return items
    kinds = {type(plain(item)) for item in items}
    if len(kinds) == 1 and kinds <= ORDERED:  # one orderable type: a plain sort
        return sorted(items, key=plain)
    for item in items:
        error = compare(item, items[0])
        if type(error) is XError:
            return error
    return sorted(items, key=functools.cmp_to_key(compare))  # pragma: no cover - types checked


@register("unique", 1)
def unique(env, items):
    """The items of `array` without duplicates, in first-seen order."""
    items = to_array(items)
    if type(items) is XError:
        return items
    out = []
    for item in items:
        if not any(equal(item, seen) for seen in out):
            out.append(item)
    return out


@register("count", 1)
def count(env, value):
    """How many items an array or properties an object has."""
    if type(value) is XError:
        return value
    if value is None:
        return Decimal(0)
    if isinstance(value, (list, dict)):
        return Decimal(len(value))
    return XError("value isn't countable")


@register("keys", 1)
def keys(env, value):
    """The property names of `object`, sorted."""
    value = to_object(value)
    return value if type(value) is XError else sorted(value)


def get_property(obj: dict, key: str):
    if key in obj:
        return obj[key]
    lower = key.lower()
    for name, value in obj.items():
        if name.lower() == lower:
            return value
    return None


@register("extract", 2)
def extract(env, value, prop):
    """The property `name` of `object` (nil if it has none)."""
    value = to_object(value)
    if type(value) is XError:
        return value
    prop = to_text(prop)
    return prop if type(prop) is XError else get_property(value, prop)


@register("extract_object", 2, None)
def extract_object(env, value, *props):
    """A new object with only the named `properties` of `object`."""
    value = to_object(value)
    if type(value) is XError:
        return value
    out = {}
    for prop in props:
        prop = to_text(prop)
        if type(prop) is XError:
            return prop
        out[prop] = get_property(value, prop)
    return XObject(out)


@register("filter", 2)
def filter_(env, items, func):
    """The items of `array` for which `func` returns something truthy."""
    items, func = to_array(items), to_function(func)
    error = first_error(items, func)
    if error:
        return error
    out = []
    for item in items:
        keep = to_bool(func.call(env, item))
        if type(keep) is XError:
            return keep
        if keep:
            out.append(item)
    return out


@register("foreach", 2, None)
def foreach(env, items, func, *extra):
    """`func` applied to each item of `array` (with any extra arguments after the item)."""
    items, func = to_array(items), to_function(func)
    error = first_error(items, func)
    if error:
        return error
    out = []
    for item in items:
        result = func.call(env, item, *extra)
        if type(result) is XError:
            return result
        out.append(result)
    return out


@register("foreach_value", 2, None)
def foreach_value(env, value, func, *extra):
    """An object with `func` applied to each property value of `object`."""
    value, func = to_object(value), to_function(func)
    error = first_error(value, func)
    if error:
        return error
    out = {}
    for key, item in value.items():
        result = func.call(env, item, *extra)
        if type(result) is XError:
            return result
        out[key] = result
    return XObject(out)
