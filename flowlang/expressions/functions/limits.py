"""Bounds on what one function call may build, so no template can exhaust memory or time.

goflow's values: an array holds at most 10,000 items and `repeat` makes at most 10,000
characters. A single text result is capped more loosely (a message is far smaller), so that
`replace`, `join` and friends cannot multiply their input without limit.
"""

from __future__ import annotations

import functools

from flowlang.expressions.values import XError

MAX_ITEMS = 10_000  # items in an array made by array(), concat(), split()...
MAX_REPEAT_CHARS = 10_000  # characters repeat() may produce
MAX_TEXT_CHARS = 1_000_000  # characters any text-building function may produce
MAX_FORMAT_PLACES = 10  # decimal places format_number() accepts (goflow: 0-10)
MAX_JSON_DEPTH = 100  # nesting parse_json() accepts


def too_many_items(count: int) -> XError | None:
    if count > MAX_ITEMS:
        return XError(f"array would have {count} items, the maximum is {MAX_ITEMS}")
    return None


def too_long(text: str) -> XError | None:
    if len(text) > MAX_TEXT_CHARS:
        return XError(f"text would be {len(text)} characters, the maximum is {MAX_TEXT_CHARS}")
    return None


def guard_arithmetic(impl):
    """Decimal arithmetic on extreme numbers (1E+999999) overflows by raising: turn that into
    goflow's error value. Wraps only the functions that compute with their arguments."""

    @functools.wraps(impl)
    def guarded(env, *args):
        try:
            return impl(env, *args)
        except ArithmeticError:
            return XError("number value out of range")

    return guarded
