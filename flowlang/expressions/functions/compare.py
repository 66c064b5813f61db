"""Equality and ordering of values, as `contains`, `unique` and `sort` need them (goflow's
Equals and Compare)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flowlang.expressions.values import XError, XFunction, XObject, type_name


def plain(value):
    """The value an object with a default stands for."""
    while isinstance(value, XObject) and value.has_default:
        value = value.default
    return value


def _kind(value) -> str:
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "array"
    return type(value).__name__


def equal(a, b) -> bool:
    """Same type and same value: numbers by value, datetimes by instant, arrays and objects
    item by item."""
    a, b = plain(a), plain(b)
    if a is None or b is None:
        return a is None and b is None
    if _kind(a) != _kind(b):
        return False
    if isinstance(a, list):
        return len(a) == len(b) and all(equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(equal(a[k], b[k]) for k in a)
    if isinstance(a, XError):
        return a.message == b.message
    if isinstance(a, XFunction):
        return a.name == b.name
    return a == b


ORDERED = frozenset({Decimal, str, dt.datetime, dt.date, dt.time, bool})


def compare(a, b) -> int | XError:
    """-1, 0 or 1; an error for values of different types or types without an order."""
    a, b = plain(a), plain(b)
    if type(a) is XError:
        return a
    if type(b) is XError:
        return b
    if type(a) is not type(b) or type(a) not in ORDERED:
        if type(a) is not type(b):
            return XError(f"can't compare {type_name(a)} with {type_name(b)}")
        return XError(f"can't compare values of type {type_name(a)}")
    return (a > b) - (a < b)
