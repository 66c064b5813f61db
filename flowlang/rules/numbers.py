"""Number rules: has_number, has_number_lt/lte/eq/gte/gt, has_number_between.

Numbers are read from the text with the environment's number format
(`flowlang.env.numbers`); the value is the first number in the text that passes the test.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from flowlang.env.numbers import numbers_in
from flowlang.expressions.values import XError, number_to_text
from flowlang.rules.arguments import as_number, as_text
from flowlang.rules.registry import RuleMatch, rule


def _check_numbers(args: list[str | None]) -> list[tuple[int, str]]:
    """Literal limits must be numbers: `has_number_lt "ten"` can never match, only fail."""
    problems = []
    for index, arg in enumerate(args):
        if arg is not None and isinstance(as_number(arg), XError):
            problems.append((index, f"{arg.strip() or repr(arg)!s} is not a number"))
    return problems


def _first(env, text: str, accept: Callable[[Decimal], bool]):
    for number in numbers_in(env, text):
        if accept(number):
            return RuleMatch(number, number_to_text(number))
    return None


@rule("has_number")
def has_number(env, operand):
    """Matches text containing a number; the value is the first number.

    `has_number("the number is 42")` -> `42`; `has_number("forty two")` -> no match."""
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    for number in numbers_in(env, text):
        return RuleMatch(number, number_to_text(number))
    return None


def _compare(name: str, doc: str, holds: Callable[[Decimal, Decimal], bool]):
    def impl(env, operand, limit):
        text = as_text(operand)
        if isinstance(text, XError):
            return text
        bound = as_number(limit)
        if isinstance(bound, XError):
            return bound
        return _first(env, text, lambda n: holds(n, bound))

    impl.__doc__ = doc
    impl.__name__ = name
    return rule(name, 1, literal_check=_check_numbers)(impl)


has_number_lt = _compare(
    "has_number_lt",
    """Matches a number less than `max`: `has_number_lt("the number is 42", 44)` -> `42`.""",
    lambda n, b: n < b,
)
has_number_lte = _compare(
    "has_number_lte",
    """Matches a number at most `max`: `has_number_lte("the number is 42", 42)` -> `42`.""",
    lambda n, b: n <= b,
)
has_number_eq = _compare(
    "has_number_eq",
    """Matches a number equal to `value`: `has_number_eq("the number is 42", 42)` -> `42`.""",
    lambda n, b: n == b,
)
has_number_gte = _compare(
    "has_number_gte",
    """Matches a number at least `min`: `has_number_gte("the number is 42", 42)` -> `42`.""",
    lambda n, b: n >= b,
)
has_number_gt = _compare(
    "has_number_gt",
    """Matches a number greater than `min`: `has_number_gt("the number is 42", 40)` -> `42`.""",
    lambda n, b: n > b,
)


@rule("has_number_between", 2, literal_check=_check_numbers)
def has_number_between(env, operand, low, high):
    """Matches a number from `min` to `max` inclusive.

    `has_number_between("the number is 42", 40, 44)` -> `42`."""
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    bounds = []
    for value in (low, high):
        bound = as_number(value)
        if isinstance(bound, XError):
            return bound
        bounds.append(bound)
    return _first(env, text, lambda n: bounds[0] <= n <= bounds[1])
