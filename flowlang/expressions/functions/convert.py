"""Argument conversions for the function library, with goflow's rules and error messages.

Each `to_*` returns the converted value or an `XError` (an error argument is passed through),
so a function body reads: `text = to_text(arg); if type(text) is XError: return text`.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flowlang.env import dates as envdates
from flowlang.env.environment import Environment
from flowlang.expressions.values import (
    XError,
    XFunction,
    default_of,
    render,
    render_for_error,
    to_number as values_to_number,
)
from flowlang.expressions.values import to_text  # noqa: F401 - functions take every conversion from here


INT32_MIN, INT32_MAX = -(2**31), 2**31 - 1


def describe(value) -> str:
    """How a value appears inside an error message: `"text"`, `3`, `null`, `array`, `object`."""
    value = default_of(value)
    if isinstance(value, XFunction):
        return "function"
    return render_for_error(value)


def text_of(value) -> str:
    """goflow's Render: the text a value stands for (the value model's `render`)."""
    return render(value)


def to_number(value) -> Decimal | XError:
    """Numbers, numeric text and objects whose default is one; else goflow's error."""
    return values_to_number(value)


def to_integer(value) -> int | XError:
    """The integer part of a number; goflow works in 32-bit ints and refuses bigger ones."""
    number = to_number(value)
    if type(number) is XError:
        return number
    # compare before converting: int() of 1E+999999 would build a million-digit integer
    if not INT32_MIN <= number < INT32_MAX + 1:
        return XError(f"number value {number} is out of range for an integer")
    return int(number)


def is_zero_date(value) -> bool:
    """Go's zero time (year 1) is how goflow spells a missing date; it is falsy."""
    return isinstance(value, (dt.date, dt.datetime)) and value.year == 1 and value.month == 1 \
        and value.day == 1 and (not isinstance(value, dt.datetime) or value.time() == dt.time())


def truth(value) -> bool:
    """goflow's Truthy (errors are handled by the caller)."""
    value = default_of(value)
    t = type(value)
    if t is bool:
        return value
    if value is None:
        return False
    if t is str:
        return value != ""
    if t is Decimal:
        return value != 0
    if isinstance(value, (list, dict)):
        return len(value) > 0
    if t in (dt.date, dt.datetime):
        return not is_zero_date(value)
    return True


def to_bool(value) -> bool | XError:
    """Text `true`/`false` (any case) reads as that boolean; anything else by its truthiness."""
    value = default_of(value)
    if type(value) is XError:
        return value
    if type(value) is str:
        lower = value.lower()
        if lower == "true":
            return True
        if lower == "false":
            return False
    return truth(value)


def to_date(env: Environment, value) -> dt.date | XError:
    value = default_of(value)
    t = type(value)
    if t is XError:
        return value
    if t is dt.date:
        return value
    if t is dt.datetime:
        return value.date()
    if t is str:
        parsed = envdates.parse_date(env, value)
        if type(parsed) is dt.date:
            return parsed
    return XError(f"unable to convert {describe(value)} to a date")


def to_datetime(env: Environment, value) -> dt.datetime | XError:
    value = default_of(value)
    t = type(value)
    if t is XError:
        return value
    if t is dt.datetime:
        # the value model keeps datetimes aware; a naive one is read in the environment's zone
        return value if value.tzinfo is not None else envdates.localize(value, env.timezone)
    if t is dt.date:
        return envdates.localize(dt.datetime(value.year, value.month, value.day), env.timezone)
    if t is str:
        parsed = envdates.parse_datetime(env, value, fill_time=False)
        if type(parsed) is dt.datetime:
            return parsed
    return XError(f"unable to convert {describe(value)} to a datetime")


def to_time(env: Environment, value) -> dt.time | XError:
    value = default_of(value)
    t = type(value)
    if t is XError:
        return value
    if t is dt.time:
        return value
    if t is dt.datetime:
        return value.time()
    if t is str or t is Decimal:
        parsed = envdates.parse_time(text_of(value))
        if type(parsed) is dt.time:
            return parsed
    return XError(f"unable to convert {describe(value)} to a time")


def to_array(value) -> list | XError:
    value = default_of(value)
    if value is None:
        return []
    if type(value) is XError:
        return value
    if isinstance(value, list):
        return value
    return XError(f"unable to convert {describe(value)} to an array")


def to_object(value) -> dict | XError:
    if value is None:
        return {}
    if type(value) is XError:
        return value
    if isinstance(value, dict):
        return value
    return XError(f"unable to convert {describe(value)} to an object")


def to_function(value) -> XFunction | XError:
    if type(value) is XError:
        return value
    if isinstance(value, XFunction):
        return value
    return XError(f"unable to convert {describe(value)} to a function")


def first_error(*values) -> XError | None:
    for value in values:
        if type(value) is XError:
            return value
    return None


def slice_bounds(length: int, start, end) -> tuple[int, int] | XError:
    """`start` and `end` (nil: to the end) of a slice as goflow takes them: integers, negatives
    counting from the end, clamped to `length` (shared by slice and text_slice)."""
    first = to_integer(start)
    if type(first) is XError:
        return first
    stop = length
    if end is not None:
        stop = to_integer(end)
        if type(stop) is XError:
            return stop
    if first < 0:
        first = max(length + first, 0)
    if stop < 0:
        stop = max(length + stop, 0)
    return min(first, length), min(stop, length)
