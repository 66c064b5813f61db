"""Finding numbers in human text with the environment's number format, as goflow's
`has_number` family does.

A candidate is an optional sign, then a run of digits and digit-grouping symbols with an optional
decimal part (`1,000,000`, `-12.51`), or a decimal part alone after a non-word character or at the
start (`.51`). Candidates are read left to right; each one is cleaned (grouping symbols dropped,
the decimal symbol turned into `.`, Arabic-Indic, Eastern Arabic and Bengali digits turned into
ASCII) and kept if it then reads as a decimal.

    >>> from flowlang.env.environment import Environment
    >>> [str(n) for n in numbers_in(Environment(), "1-15 and ٠.٥")]
    ['1', '-15', '0.5']
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Iterator

from flowlang.env.environment import Environment, NumberFormat

# Digit systems read as numbers: Arabic-Indic, Eastern Arabic (Persian/Urdu) and Bengali.
_DIGITS = str.maketrans(
    {chr(base + i): str(i) for base in (0x0660, 0x06F0, 0x09E6) for i in range(10)}
)

# What a cleaned candidate must look like to be a number (shopspring/decimal's accepted form,
# without exponents, which candidates can never contain).
_PLAIN_DECIMAL = re.compile(r"[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", re.ASCII)


@functools.lru_cache(maxsize=1)
def _number_class() -> str:
    """Regex class body for every Unicode number (Nd, Nl, No), like RE2's `\\pN`: a run of
    digits glued to a superscript or a fraction is one candidate, which then fails to read."""
    codes = [c for c in range(0x40000) if not 0xD800 <= c <= 0xDFFF and unicodedata.category(chr(c))[0] == "N"]
    parts, start, prev = [], None, None
    for code in codes:
        if prev is not None and code == prev + 1:
            prev = code
            continue
        if start is not None:
            parts.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}" if prev != start else re.escape(chr(start)))
        start = prev = code
    parts.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}" if prev != start else re.escape(chr(start)))
    return "".join(parts)


@functools.lru_cache(maxsize=64)
def candidate_pattern(grouping: str, decimal: str) -> re.Pattern[str]:
    """The candidate regex for one number format; symbols are matched literally, and an empty
    symbol simply drops out of the pattern."""
    digit = _number_class()
    group = re.escape(grouping)
    point = re.escape(decimal)
    return re.compile(
        rf"[-+]?(?:[{digit}{group}]+(?:{point}[{digit}]+)?|(?:[^0-9A-Za-z_]|^){point}[{digit}]+)"
    )


def parse_candidate(text: str, number_format: NumberFormat) -> Decimal | None:
    """A candidate -> its value, or None when it does not read as a number.

    An empty decimal symbol makes every candidate unreadable: goflow replaces the empty string
    by `.` everywhere, which can never give a number, and we keep that behaviour."""
    cleaned = text.strip()
    if number_format.digit_grouping_symbol:
        cleaned = cleaned.replace(number_format.digit_grouping_symbol, "")
    if not number_format.decimal_symbol:
        return None
    cleaned = cleaned.replace(number_format.decimal_symbol, ".").translate(_DIGITS)
    if not _PLAIN_DECIMAL.fullmatch(cleaned):
        return None
    try:
        return Decimal(cleaned)
    except InvalidOperation:  # pragma: no cover - the regex above already guarantees the form
        return None


def numbers_in(env: Environment, text: str) -> Iterator[Decimal]:
    """Every number in `text`, in order, read with the environment's number format."""
    number_format = env.number_format
    pattern = candidate_pattern(number_format.digit_grouping_symbol, number_format.decimal_symbol)
    for match in pattern.finditer(text):
        number = parse_candidate(match.group(), number_format)
        if number is not None:
            yield number


def first_number(env: Environment, text: str) -> Decimal | None:
    """The first number in `text`, or None."""
    return next(numbers_in(env, text), None)
