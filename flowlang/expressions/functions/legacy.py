"""Excel-style names from RapidPro's legacy expressions, with the meaning goflow's legacy
migration (flows/definition/legacy/expressions) gives them, plus `legacy_add`.

Names whose legacy meaning differs from the modern function of the same name (`FIELD`,
`WORD`, `WORD_SLICE` count from 1 in legacy flows; `WEEKDAY` from 1; `FORMAT_DATE` included
the time) keep the modern meaning: a flow is either modern or migrated, and modern wins.
`DATE(y, m, d)` and `TIME(h, m, s)` are told apart from `date(value)`/`time(value)` by their
argument count.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation, localcontext

from flowlang.expressions.functions import datetimes, formatting, text, words
from flowlang.expressions.functions.convert import (
    to_datetime,
    to_integer,
    to_number,
    to_text,
)
from flowlang.expressions.functions.limits import guard_arithmetic, too_long
from flowlang.expressions.registry import FUNCTIONS, alias, register
from flowlang.expressions.values import XError, out_of_range

# same meaning, another name
_RENAMES = {
    "average": "mean",
    "datedif": "datetime_diff",
    "datevalue": "date",
    "int": "round_down",
    "len": "text_length",
    "proper": "title",
    "randbetween": "rand_between",
    "read_digits": "read_chars",
    "regex_group": "regex_match",
    "rept": "repeat",
    "rounddown": "round_down",
    "roundup": "round_up",
    "substitute": "replace",
    "timevalue": "time",
    "trunc": "round_down",
    "unichar": "char",
    "unicode": "code",
}


@register("legacy_add", 2)
@guard_arithmetic
def legacy_add(env, a, b):
    """Legacy `+`: adds numbers, or a number of days to a date."""
    date1, date2 = to_datetime(env, a), to_datetime(env, b)
    num1, num2 = to_number(a), to_number(b)
    is_date1, is_date2 = type(date1) is dt.datetime, type(date2) is dt.datetime
    if is_date1 and is_date2:
        return XError("cannot operate on two dates")
    if is_date1 or is_date2:
        date, days = (date1, b) if is_date1 else (date2, a)
        if type(to_number(days)) is XError:
            return XError("cannot operate on non-numeric or date values")
        days = to_integer(days)
        if type(days) is XError:
            return days
        try:
            return datetimes.add_calendar(date, days=days)
        except (OverflowError, ValueError):
            return XError("datetime out of range")
    if type(num1) is not XError and type(num2) is not XError:
        total = num1 + num2
        return out_of_range(total) or total
    return XError("cannot operate on non-numeric or date values")


@register("date", 1, 3)
def date(env, *args):
    """`date(value)`: `value` as a date; legacy `DATE(year, month, day)`: that date."""
    if len(args) == 1:
        return datetimes.date(env, args[0])
    if len(args) == 3:
        return datetimes.date_from_parts(env, *args)
    return XError(f"need 1 or 3 argument(s), got {len(args)}")


@register("time", 1, 3)
def time(env, *args):
    """`time(value)`: `value` as a time of day; legacy `TIME(hour, minute, second)`: that time."""
    if len(args) == 1:
        return datetimes.time(env, args[0])
    if len(args) == 3:
        return datetimes.time_from_parts(env, *args)
    return XError(f"need 1 or 3 argument(s), got {len(args)}")


@register("concatenate", 1, None, legacy=True)
def concatenate(env, *values):
    """Legacy: the texts of all arguments joined together (modern: `a & b`)."""
    parts = []
    for value in values:
        value = to_text(value)
        if type(value) is XError:
            return value
        parts.append(value)
    result = "".join(parts)
    return too_long(result) or result


@register("first_word", 1, legacy=True)
def first_word(env, value):
    """Legacy: the first word of `text` (modern: `word(text, 0)`)."""
    return words.word(env, value, Decimal(0))


@register("left", 2, legacy=True)
def left(env, value, count):
    """Legacy: the first `count` characters of `text`."""
    return text.text_slice(env, value, Decimal(0), count)


@register("right", 2, legacy=True)
def right(env, value, count):
    """Legacy: the last `count` characters of `text`."""
    count = to_integer(count)
    if type(count) is XError:
        return count
    if count <= 0:  # text_slice(text, -0) would be the whole text
        value = to_text(value)
        return value if type(value) is XError else ""
    return text.text_slice(env, value, Decimal(-count))


@register("mid", 3, legacy=True)
def mid(env, value, start, count):
    """Legacy (Excel): `count` characters of `text` from position `start` (counting from 1)."""
    start, count = to_integer(start), to_integer(count)
    if type(start) is XError:
        return start
    if type(count) is XError:
        return count
    if start < 1 or count < 0:
        return XError("MID needs a start of at least 1 and a count of at least 0")
    return text.text_slice(env, value, Decimal(start - 1), Decimal(start - 1 + count))


def _formatter(layout: str, with_time: bool):
    def impl(env, value):
        if with_time:
            return formatting.format_datetime(env, value, layout)
        return formatting.format_date(env, value, layout)

    return impl


for _name, _layout, _with_time in [
    ("day", "D", False), ("month", "M", False), ("year", "YYYY", False),
    ("hour", "tt", True), ("minute", "m", True), ("second", "s", True),
]:
    _impl = _formatter(_layout, _with_time)
    _impl.__doc__ = f"Legacy: the {_name} of a date or datetime, as text."
    register(_name, 1, legacy=True)(_impl)


@register("days", 2, legacy=True)
def days(env, end, start):
    """Legacy: the days from `start` to `end`."""
    return datetimes.datetime_diff(env, start, end, "D")


@register("edate", 2, legacy=True)
def edate(env, value, months):
    """Legacy: `date` moved by `months` months."""
    return datetimes.datetime_add(env, value, months, "M")


def _power(base: Decimal, exponent: Decimal) -> Decimal | XError:
    try:
        with localcontext() as ctx:
            ctx.prec = 28
            ctx.Emax = 10_000
            ctx.Emin = -10_000
            return (base ** exponent).normalize() + 0
    except (InvalidOperation, OverflowError, ArithmeticError):
        return XError("number value out of range")


@register("power", 2, legacy=True)
@guard_arithmetic
def power(env, base, exponent):
    """Legacy: `base` raised to `exponent` (modern: `base ^ exponent`)."""
    base, exponent = to_number(base), to_number(exponent)
    if type(base) is XError:
        return base
    if type(exponent) is XError:
        return exponent
    return _power(base, exponent)


@register("exp", 1, legacy=True)
@guard_arithmetic
def exp(env, exponent):
    """Legacy: e raised to `exponent`."""
    exponent = to_number(exponent)
    if type(exponent) is XError:
        return exponent
    return _power(Decimal("2.718281828459045"), exponent)


@register("fixed", 1, 3, legacy=True)
def fixed(env, value, places=Decimal(2), commas=None):
    """Legacy: `number` with `places` decimals (default 2); migrated as `format_number`,
    whose third argument says whether to group digits."""
    return formatting.format_number(env, value, places, commas)


@register("true", 0, legacy=True)
def true(env):
    """Legacy `TRUE()`: true."""
    return True


@register("false", 0, legacy=True)
def false(env):
    """Legacy `FALSE()`: false."""
    return False


def _register_renames() -> None:
    for legacy_name, target in _RENAMES.items():
        if legacy_name not in FUNCTIONS or FUNCTIONS[legacy_name].legacy:
            alias(legacy_name, target)


_register_renames()
