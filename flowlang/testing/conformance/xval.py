"""The conformance tables' value encoding (see shared/conformance/README.md) <-> flowlang values."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from flowlang.expressions.values import XError, XFunction, XObject, default_of, render, type_name


# Go's zero time, which the tables write as {"$type": "date", "value": null, "zero": true}
_ZERO = {"date": "0001-01-01", "datetime": "0001-01-01T00:00:00+00:00", "time": "00:00:00"}


def decode(data: Any) -> Any:
    """A tagged JSON value -> a flowlang value."""
    if data is None or isinstance(data, (str, bool)):
        return data
    if isinstance(data, (int, float)):
        return Decimal(str(data))
    if isinstance(data, list):
        return [decode(v) for v in data]
    tag = data.get("$type")
    if data.get("zero") and tag in _ZERO:
        data = {"$type": tag, "value": _ZERO[tag]}
    if tag == "number":
        return Decimal(data["value"])
    if tag == "date":
        return dt.date.fromisoformat(data["value"])
    if tag == "datetime":
        return dt.datetime.fromisoformat(data["value"].replace("Z", "+00:00"))
    if tag == "time":
        return dt.time.fromisoformat(data["value"])
    if tag == "array":
        return [decode(v) for v in data["items"]]
    if tag == "object":
        props = {k: decode(v) for k, v in data["props"].items() if k != "__default__"}
        if "__default__" in data["props"]:
            return XObject(props, decode(data["props"]["__default__"]))
        return XObject(props)
    if tag == "error":
        return XError(data.get("message", "any error"))
    if tag == "function":
        return XFunction(data["name"], lambda *a: XError("not callable in tables"))
    if tag is None:  # a plain JSON object
        return {k: decode(v) for k, v in data.items()}
    raise ValueError(f"unknown $type {tag!r}")


def same(expected: Any, actual: Any) -> bool:
    """Equality as the tables mean it: numbers by value, datetimes by instant and offset,
    errors by message unless the expected message is `any error`."""
    if isinstance(expected, XError):
        return isinstance(actual, XError) and (
            expected.message == "any error" or expected.message == actual.message
        )
    if type(expected) is not type(actual):
        if isinstance(expected, dict) and isinstance(actual, dict):
            pass
        else:
            return False
    if isinstance(expected, Decimal):
        return expected == actual
    if isinstance(expected, dt.datetime):
        return expected == actual and expected.utcoffset() == actual.utcoffset()
    if isinstance(expected, list):
        return len(expected) == len(actual) and all(same(e, a) for e, a in zip(expected, actual))
    if isinstance(expected, dict):
        if set(expected) != set(actual):
            return False
        if isinstance(expected, XObject) and expected.has_default:
            if not (isinstance(actual, XObject) and actual.has_default and same(expected.default, actual.default)):
                return False
        return all(same(expected[k], actual[k]) for k in expected)
    if isinstance(expected, XFunction):
        return isinstance(actual, XFunction) and expected.name == actual.name
    return expected == actual


def show(value: Any) -> str:
    """A value for a failure report: its type and how it renders."""
    if isinstance(value, XError):
        return f"error({value.message!r})"
    if isinstance(value, XObject) and value.has_default:
        return f"object(default={show(value.default)}, {dict(value)!r})"
    return f"{type_name(value)}({render(default_of(value)) if not isinstance(value, (list, dict)) else value!r})"
