"""Values of the expression language, as plain Python objects.

Evaluation is hot, so values are native types rather than wrappers:

| goflow     | Python                                                         |
| ---------- | -------------------------------------------------------------- |
| nil        | `None`                                                         |
| text       | `str`                                                          |
| number     | `decimal.Decimal` (JSON ints and floats are converted on entry)|
| boolean    | `bool`                                                         |
| date       | `datetime.date`                                                |
| datetime   | `datetime.datetime`, always timezone-aware                     |
| time       | `datetime.time` (naive: a time of day)                         |
| array      | `list`                                                         |
| object     | `dict`; `XObject` (a dict) when it renders as a default value  |
| error      | `XError` - errors are values that flow through operators       |
| function   | `XFunction`                                                    |
"""

from __future__ import annotations

import datetime as dt
import json
import re
import math
from decimal import Decimal
from typing import Any, Callable

import attrs

Value = Any  # one of the Python types in the table above

_NO_DEFAULT = object()


class XObject(dict):
    """An object that renders as its default value (goflow's `__default__`), e.g. a result
    renders as its value and a contact as its name."""

    __slots__ = ("default",)

    def __init__(self, props: dict | None = None, default: Any = _NO_DEFAULT):
        super().__init__(props or {})
        self.default = default

    @property
    def has_default(self) -> bool:
        return self.default is not _NO_DEFAULT

    def __repr__(self) -> str:
        suffix = f", default={self.default!r}" if self.has_default else ""
        return f"XObject({dict.__repr__(self)}{suffix})"


class FormattedDate(XObject):
    """A date that renders in a date layout such as `DD-MM-YYYY` yet still does date arithmetic:
    the legacy `@date.today` (text like `11-04-2018` in old flows, where `@(date.today + 1)` worked)."""

    __slots__ = ("date", "layout")

    def __init__(self, date: dt.date, layout: str):
        super().__init__({}, format_date_layout(date, layout))
        self.date = date
        self.layout = layout


def format_date_layout(date: dt.date, layout: str) -> str:
    """A date in one of the environment's date layouts (`DD-MM-YYYY` -> `11-04-2018`)."""
    return (layout.replace("YYYY", f"{date.year:04d}").replace("YY", f"{date.year % 100:02d}")
            .replace("MM", f"{date.month:02d}").replace("DD", f"{date.day:02d}"))


@attrs.frozen
class XError:
    """An error as a value: it passes through operators and functions until something
    (`is_error`, `default`, `has_error`, a router) consumes it."""

    message: str

    def __str__(self) -> str:
        return self.message


@attrs.frozen(eq=False)
class XFunction:
    name: str
    call: Callable[..., Value] = attrs.field(repr=False)


def has_default(value: Value) -> bool:
    return isinstance(value, XObject) and value.default is not _NO_DEFAULT


def default_of(value: Value) -> Value:
    """What an object stands for in text or arithmetic: its default, recursively."""
    while isinstance(value, XObject) and value.default is not _NO_DEFAULT:
        value = value.default
    return value


def type_name(value: Value) -> str:
    if value is None:
        return "nil"
    t = type(value)
    if t is str:
        return "text"
    if t is bool:
        return "boolean"
    if t is Decimal:
        return "number"
    if t is dt.datetime:
        return "datetime"
    if t is dt.date:
        return "date"
    if t is dt.time:
        return "time"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    if t is XError:
        return "error"
    if t is XFunction:
        return "function"
    return t.__name__


def from_json(data: Any) -> Value:
    """Turn JSON-like Python data (a host's context, a webhook body) into values:
    numbers become Decimal; everything else keeps its shape."""
    t = type(data)
    if t is Decimal:
        return data if data.is_finite() else None
    if t is str or data is None or t is bool:
        return data
    if t is int:
        return Decimal(data)
    if t is float and not math.isfinite(data):
        return None  # NaN and Infinity are not numbers in goflow (nor JSON)
    if t is float:
        return Decimal(repr(data))
    if isinstance(data, dict):
        converted = {str(k): from_json(v) for k, v in data.items()}
        if isinstance(data, XObject):
            return XObject(converted, data.default if data.has_default else _NO_DEFAULT)
        return converted
    if isinstance(data, (list, tuple)):
        return [from_json(v) for v in data]
    return data


# goflow stores numbers as Postgres numeric(36, 8): results outside this range are errors.
MAX_NUMBER = Decimal("999999999999999999999999999999999999")


def out_of_range(number: Decimal) -> XError | None:
    """goflow's error for a computed number beyond MAX_NUMBER; None when it is in range."""
    if -MAX_NUMBER <= number <= MAX_NUMBER:
        return None
    return XError("number value out of range")


def number_to_text(number: Decimal) -> str:
    """Numbers render without trailing zeros and never in exponent form: 4.0 -> "4"."""
    if not number.is_finite():
        return str(number)
    if number == 0:
        return "0"
    if not -400 < number.adjusted() < 400:
        # written out, such a number would be a megabyte of digits: keep the exponent
        return str(number)
    return format(number.normalize(), "f")


def datetime_to_text(value: dt.datetime) -> str:
    """ISO-8601 with microseconds and an offset, as goflow renders: `2017-10-01T15:24:30.123456+02:00`
    (a zero offset renders as `Z`, as Go's RFC 3339 layout does)."""
    text = value.isoformat(timespec="microseconds")
    offset = value.utcoffset()
    if offset is not None and not offset:
        return text[:-6] + "Z"
    return text


def render(value: Value) -> str:
    """The text a value renders as (goflow's Render), used by templates and saved results."""
    t = type(value)
    if t is str:
        return value
    if value is None:
        return ""
    if t is Decimal:
        return number_to_text(value)
    if t is bool:
        return "true" if value else "false"
    if t is dt.datetime:
        return datetime_to_text(value)
    if t is dt.date:
        return value.isoformat()
    if t is dt.time:
        return value.isoformat(timespec="microseconds")
    if isinstance(value, XObject) and value.has_default:
        return render(value.default)
    if isinstance(value, list):
        # goflow renders arrays and objects for people, not as JSON: `[a, b]`, `{a: 1, b: x}`
        return "[" + ", ".join([render(v) for v in value]) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join([f"{k}: {render(value[k])}" for k in sorted(value, key=str)]) + "}"
    if t is XError:
        return value.message
    if t is XFunction:
        return value.name
    return str(value)


def to_plain(value: Value) -> Any:
    """Values -> JSON-compatible Python data (numbers as int/float, dates as ISO text)."""
    t = type(value)
    if value is None or t is str or t is bool:
        return value
    if t is Decimal:
        if value == value.to_integral_value() and abs(value) < 10**18:
            return int(value)
        return float(value)
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    return render(value)


def truthy(value: Value) -> bool:
    """goflow's Truthy: empty text, zero, empty arrays and objects, nil and errors are false."""
    t = type(value)
    if t is bool:
        return value
    if value is None or t is XError:
        return False
    if t is str:
        return value != ""
    if t is Decimal:
        return value != 0
    if isinstance(value, XObject) and value.has_default:
        return truthy(value.default)
    if isinstance(value, (list, dict)):
        return len(value) > 0
    return True


def to_number(value: Value) -> Decimal | XError:
    """goflow's ToXNumber: numbers, numeric text (trimmed) and objects with a numeric default."""
    value = default_of(value)
    t = type(value)
    if t is Decimal:
        return value if value.is_finite() else XError(f"unable to convert {value} to a number")
    if t is XError:
        return value
    if t is int or t is float:  # a host that passed plain Python numbers
        return from_json(value) if t is int or math.isfinite(value) else XError(f"unable to convert {value} to a number")
    if t is str:
        number = parse_number(value)
        if number is not None:
            return number
        return XError(f'unable to convert "{value}" to a number')
    return XError(f"unable to convert {render_for_error(value)} to a number")


# goflow reads plain decimals only: no exponents, `_`, NaN/Infinity or signs but a leading minus
_PLAIN_DECIMAL = re.compile(r"-?(?:[0-9]+|[0-9]+\.[0-9]+|\.[0-9]+)", re.ASCII)


def parse_number(text: str) -> Decimal | None:
    """The number a text is, trimmed, in goflow's plain decimal syntax; None if it is not one."""
    text = text.strip()
    return Decimal(text) if _PLAIN_DECIMAL.fullmatch(text) else None


def render_for_error(value: Value) -> str:
    """How a value is shown inside an error message (goflow's Describe)."""
    t = type(value)
    if value is None:
        return "null"
    if t is str:
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return render(value)


def to_text(value: Value) -> str | XError:
    if type(value) is XError:
        return value
    return render(value)
