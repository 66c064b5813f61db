"""Excellent's operators, each a plain function of the environment and its operands.

goflow converts operands before operating: arithmetic and comparisons want numbers
(`"3" + 1` is 4, `"a" + 1` an error), `=`/`!=`/`&` compare or join *text* (`1 = "1"` is
true). An error operand is passed through unchanged, so errors flow to where they are
consumed. `BY_NAME` maps goflow's operator names to these functions (the conformance
table functions.json calls them by those names).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Context, Decimal, DivisionByZero, InvalidOperation, Overflow, ROUND_HALF_UP
from typing import Any, Callable

from flowlang.expressions.values import FormattedDate, XError, default_of, out_of_range, render, to_number
# goflow's decimal library divides to 16 places after the point.
DIVISION_PLACES = Decimal(1).scaleb(-16)
# Wide enough that sums and products of in-range numbers are exact.
ARITHMETIC = Context(prec=120, rounding=ROUND_HALF_UP, Emax=999999, Emin=-999999)
# `^` with a whole exponent is computed exactly; a larger exponent is refused outright so that
# `2 ^ 99999999` cannot eat memory.
MAX_EXPONENT = 100
MAX_EXPONENT_DIGITS = 400

_OUT_OF_RANGE = "number value out of range"


def _text(value: Any) -> str | XError:
    if value is None:
        return ""
    if type(value) is XError:
        return value
    return render(value)


def _in_range(number: Decimal) -> Decimal | XError:
    return out_of_range(number) or number


def _numbers(a: Any, b: Any) -> tuple[Decimal, Decimal] | XError:
    x = to_number(a)
    if type(x) is XError:
        return x
    y = to_number(b)
    if type(y) is XError:
        return y
    return x, y


def concatenate(env, a: Any, b: Any) -> Any:
    """`a & b`: both as text, joined (`"a" & null` is "a")."""
    x = _text(a)
    if type(x) is XError:
        return x
    y = _text(b)
    if type(y) is XError:
        return y
    return x + y


def equal(env, a: Any, b: Any) -> Any:
    """`a = b`: textual equality, case-sensitive (`1 = "1"`, `1.0 = 1` are true)."""
    x = _text(a)
    if type(x) is XError:
        return x
    y = _text(b)
    if type(y) is XError:
        return y
    return x == y


def not_equal(env, a: Any, b: Any) -> Any:
    """`a != b`: the negation of `=` (errors still pass through)."""
    result = equal(env, a, b)
    return result if type(result) is XError else not result


def negate(env, a: Any) -> Any:
    """Unary `-a`."""
    x = to_number(a)
    if type(x) is XError:
        return x
    return -x


def _days(env, moment: Any, days: Any, sign: int) -> Any:
    """Legacy date arithmetic: a date or datetime plus a number of days."""
    count = to_number(days)
    if type(count) is XError:
        return count
    try:
        return moment + dt.timedelta(days=float(count) * sign)
    except (OverflowError, ValueError):
        return XError(_OUT_OF_RANGE)


def _dated(value: Any) -> bool:
    return type(value) is FormattedDate or isinstance(default_of(value), dt.date)


def _date_plus(env, a: Any, b: Any, sign: int) -> Any:
    """`date + number`, `datetime - number`, `date + time` (legacy flows do date arithmetic with
    `+`; goflow's migration rewrites it to datetime_add/replace_time, flowlang evaluates it)."""
    if sign > 0 and _dated(b) and not _dated(a):
        a, b = b, a
    if type(a) is FormattedDate:
        moved = _date_plus(env, a.date, b, sign)
        return FormattedDate(moved, a.layout) if type(moved) is dt.date else moved
    a, b = default_of(a), default_of(b)
    if isinstance(a, dt.date) and type(b) is dt.time:
        if sign < 0:
            return XError("unable to subtract a time from a date")
        day = a.date() if type(a) is dt.datetime else a
        zone = a.tzinfo if type(a) is dt.datetime else (env.timezone if env is not None else dt.timezone.utc)
        return dt.datetime.combine(day, b, tzinfo=zone)
    return _days(env, a, b, sign)


def _arithmetic(operation, x: Decimal, y: Decimal) -> Any:
    """An operation whose result may be beyond what the arithmetic context holds: an error
    value then, not a decimal.Overflow escaping the evaluator."""
    try:
        return _in_range(operation(x, y))
    except ArithmeticError:
        return XError(_OUT_OF_RANGE)


def add(env, a: Any, b: Any) -> Any:
    """`a + b` (numbers; for legacy flows also a date or datetime plus days, or a date plus a time)."""
    if (_dated(a) or _dated(b)) and type(a) is not XError and type(b) is not XError:
        return _date_plus(env, a, b, 1)
    pair = _numbers(a, b)
    if type(pair) is XError:
        return pair
    return _arithmetic(ARITHMETIC.add, pair[0], pair[1])


def subtract(env, a: Any, b: Any) -> Any:
    """`a - b` (numbers; for legacy flows also a date or datetime minus days)."""
    if _dated(a) and type(b) is not XError and not _dated(b):
        return _date_plus(env, a, b, -1)
    pair = _numbers(a, b)
    if type(pair) is XError:
        return pair
    return _arithmetic(ARITHMETIC.subtract, pair[0], pair[1])


def multiply(env, a: Any, b: Any) -> Any:
    """`a * b`."""
    pair = _numbers(a, b)
    if type(pair) is XError:
        return pair
    return _arithmetic(ARITHMETIC.multiply, pair[0], pair[1])


def divide(env, a: Any, b: Any) -> Any:
    """`a / b`, to 16 decimal places; division by zero is an error."""
    pair = _numbers(a, b)
    if type(pair) is XError:
        return pair
    x, y = pair
    if y == 0:
        return XError("division by zero")
    try:
        quotient = ARITHMETIC.divide(x, y)
        if quotient.adjusted() < 60:  # rounding a huge quotient to 16 places would need huge precision
            quotient = quotient.quantize(DIVISION_PLACES, context=ARITHMETIC)
    except ArithmeticError:
        return XError(_OUT_OF_RANGE)
    return _in_range(quotient)


def exponent(env, a: Any, b: Any) -> Any:
    """`a ^ b`: exact for whole exponents, floating point otherwise (as goflow does)."""
    pair = _numbers(a, b)
    if type(pair) is XError:
        return pair
    base, power = pair
    if abs(power) > MAX_EXPONENT:
        return XError(_OUT_OF_RANGE)
    try:
        if power == power.to_integral_value():
            if base == 0 and power < 0:
                return XError("division by zero")
            result = ARITHMETIC.power(base, power.to_integral_value())
            # goflow allows 10 ^ 100; far bigger (or smaller) results would only make huge text
            if result and not -MAX_EXPONENT_DIGITS <= result.adjusted() <= MAX_EXPONENT_DIGITS:
                return XError(_OUT_OF_RANGE)
            return result
        result = math.pow(float(base), float(power))
    except (ValueError, OverflowError, InvalidOperation, Overflow, DivisionByZero):
        return XError(_OUT_OF_RANGE)
    if not math.isfinite(result):
        return XError(_OUT_OF_RANGE)
    return Decimal(repr(result)).normalize(ARITHMETIC) if result != int(result) else Decimal(int(result))


def _comparison(test: Callable[[Decimal, Decimal], bool], doc: str):
    def compare(env, a: Any, b: Any) -> Any:
        pair = _numbers(a, b)
        if type(pair) is XError:
            return pair
        return test(pair[0], pair[1])

    compare.__doc__ = doc
    return compare


less_than = _comparison(lambda x, y: x < y, "`a < b` (numbers only).")
less_than_or_equal = _comparison(lambda x, y: x <= y, "`a <= b` (numbers only).")
greater_than = _comparison(lambda x, y: x > y, "`a > b` (numbers only).")
greater_than_or_equal = _comparison(lambda x, y: x >= y, "`a >= b` (numbers only).")

BY_NAME: dict[str, Callable[..., Any]] = {
    "Add": add,
    "Concatenate": concatenate,
    "Divide": divide,
    "Equal": equal,
    "Exponent": exponent,
    "GreaterThan": greater_than,
    "GreaterThanOrEqual": greater_than_or_equal,
    "LessThan": less_than,
    "LessThanOrEqual": less_than_or_equal,
    "Multiply": multiply,
    "Negate": negate,
    "NotEqual": not_equal,
    "Subtract": subtract,
}

# the infix symbols, for the parser
BINARY = {
    "+": add,
    "-": subtract,
    "*": multiply,
    "/": divide,
    "^": exponent,
    "<": less_than,
    "<=": less_than_or_equal,
    ">": greater_than,
    ">=": greater_than_or_equal,
    "=": equal,
    "!=": not_equal,
    "&": concatenate,
}
