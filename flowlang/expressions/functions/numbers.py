"""Number functions: conversion, rounding, aggregates, modulo and random numbers."""

from __future__ import annotations

import random
from decimal import (
    ROUND_CEILING,
    ROUND_FLOOR,
    ROUND_HALF_UP,
    Decimal,
    InvalidOperation,
    localcontext,
)

from flowlang.expressions.functions.convert import to_array, to_integer, to_number
from flowlang.expressions.functions.limits import guard_arithmetic
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError, out_of_range

# rand() is the one impure function; hosts and tests may reseed it (`seed_random`)
_RANDOM = random.Random()


def seed_random(seed) -> None:
    """Make rand() and rand_between() repeatable (for tests and replays)."""
    _RANDOM.seed(seed)


@register("number", 1)
def number(env, value):
    """`value` as a number."""
    return to_number(value)


@register("abs", 1)
@guard_arithmetic
def abs_(env, value):
    """The absolute value of `number`."""
    value = to_number(value)
    return value if type(value) is XError else abs(value)


_ONE = Decimal(1)
_UNITS = {places: Decimal(1).scaleb(-places) for places in range(-100, 100)}


def round_to(value: Decimal, places: int, rounding: str) -> Decimal:
    """Round to `places` decimals (negative: tens, hundreds...); places beyond the value's own
    precision change nothing, and hugely negative places give 0, so no bound is needed."""
    exponent = value.as_tuple().exponent
    if not isinstance(exponent, int) or places >= -exponent:
        return value
    if value == 0:
        return Decimal(0)
    # rounding to a unit much bigger than the value: only 0 or one unit can result
    places = max(places, -(value.adjusted() + 2))
    if value.adjusted() + places < 25 and -100 < places < 100:
        # fits the default context (28 digits): no need for a costly local one
        result = value.quantize(_UNITS[places], rounding=rounding)
        return result.quantize(_ONE) if places < 0 else result
    with localcontext() as ctx:
        ctx.prec = max(value.adjusted() + 1 + max(places, 0), 1) + 2
        ctx.Emax = 999_999_999
        ctx.Emin = -999_999_999
        result = value.quantize(Decimal(1).scaleb(-places), rounding=rounding)
    if places < 0:
        result = result.quantize(Decimal(1))
    return result + 0 if result == 0 else result


def _round_with(rounding):
    def impl(env, value, places=None):
        value = to_number(value)
        if type(value) is XError:
            return value
        digits = 0
        if places is not None:
            digits = to_integer(places)
            if type(digits) is XError:
                return digits
        return round_to(value, digits, rounding)

    return impl


register("round", 1, 2)(guard_arithmetic(_round_with(ROUND_HALF_UP)))
register("round_up", 1, 2)(guard_arithmetic(_round_with(ROUND_CEILING)))
register("round_down", 1, 2)(guard_arithmetic(_round_with(ROUND_FLOOR)))


def _numbers(values) -> list[Decimal] | XError:
    out = []
    for value in values:
        value = to_number(value)
        if type(value) is XError:
            return value
        out.append(value)
    return out


@register("max", 1, None)
@guard_arithmetic
def max_(env, *values):
    """The largest of `numbers`."""
    numbers = _numbers(values)
    return numbers if type(numbers) is XError else max(numbers)


@register("min", 1, None)
@guard_arithmetic
def min_(env, *values):
    """The smallest of `numbers`."""
    numbers = _numbers(values)
    return numbers if type(numbers) is XError else min(numbers)


@register("mean", 1, None)
@guard_arithmetic
def mean(env, *values):
    """The arithmetic mean of `numbers`."""
    numbers = _numbers(values)
    if type(numbers) is XError:
        return numbers
    with localcontext() as ctx:
        ctx.prec = 40
        return sum(numbers) / len(numbers)


@register("sum", 1, None)
@guard_arithmetic
def sum_(env, *values):
    """The sum of the numbers in `array` (legacy `SUM(a, b, ...)` adds its arguments)."""
    if len(values) == 1:
        items = to_array(values[0])
        if type(items) is XError:
            return items
    else:
        items = list(values)
    numbers = _numbers(items)
    if type(numbers) is XError:
        return numbers
    total = sum(numbers, Decimal(0))
    return out_of_range(total) or total


@register("mod", 2)
@guard_arithmetic
def mod(env, dividend, divisor):
    """The remainder of `dividend` divided by `divisor` (sign of the dividend)."""
    dividend, divisor = to_number(dividend), to_number(divisor)
    if type(dividend) is XError:
        return dividend
    if type(divisor) is XError:
        return divisor
    if divisor == 0:
        return XError("division by zero")
    try:
        return dividend % divisor
    except InvalidOperation:
        return XError("number value out of range")


@register("rand", 0)
def rand(env):
    """A random number in [0, 1)."""
    return Decimal(repr(_RANDOM.random()))


@register("rand_between", 2)
@guard_arithmetic
def rand_between(env, low, high):
    """A random whole number between `min` and `max` inclusive."""
    low, high = to_number(low), to_number(high)
    if type(low) is XError:
        return low
    if type(high) is XError:
        return high
    if max(abs(low), abs(high)) >= 2**63:
        return XError("rand_between needs numbers within the range of a 64-bit integer")
    low_int, high_int = int(low.to_integral_value(ROUND_FLOOR)), int(high.to_integral_value(ROUND_FLOOR))
    if high_int < low_int:
        low_int, high_int = high_int, low_int
    return Decimal(_RANDOM.randint(low_int, high_int))
