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


_ASTRAL = 0x10000
_ASTRAL_CHAR = re.compile("[\U00010000-\U0010ffff]")
_ASTRAL_GUARD = "(?=[\U00010000-\U0010ffff])"


@functools.lru_cache(maxsize=1)
def _number_codes() -> list[int]:
    """Every Unicode number (Nd, Nl, No) code point, like RE2's `\\pN`: a run of digits glued
    to a superscript or a fraction is one candidate, which then fails to read."""
    category = unicodedata.category
    return [c for c in range(0x40000) if not 0xD800 <= c <= 0xDFFF and category(chr(c))[0] == "N"]


def _class_body(codes: list[int]) -> str:
    parts, start, prev = [], None, None
    for code in codes + [-2]:
        if prev is not None and code == prev + 1:
            prev = code
            continue
        if start is not None:
            parts.append(re.escape(chr(start)) + (f"-{re.escape(chr(prev))}" if prev != start else ""))
        start = prev = code
    return "".join(parts)


@functools.lru_cache(maxsize=64)
def candidate_pattern(grouping: str, decimal: str, astral: bool = True) -> re.Pattern[str]:
    """The candidate regex for one number format; symbols are matched literally, and an empty
    symbol simply drops out of the pattern.

    Python's regex engine tests a character against a class with a bitmap for the Basic
    Multilingual Plane but walks astral ranges one by one, so astral digits are only tried after
    a cheap check that the character is astral, and `astral=False` gives the pattern for text
    without astral characters (most messages), with no astral ranges at all."""
    codes = _number_codes()
    bmp = _class_body([c for c in codes if c < _ASTRAL])
    group = re.escape(grouping)
    point = re.escape(decimal)
    if astral:
        high = _class_body([c for c in codes if c >= _ASTRAL])
        digit = f"(?:[{bmp}]|{_ASTRAL_GUARD}[{high}])"
        digit_or_group = f"(?:[{bmp}{group}]|{_ASTRAL_GUARD}[{high}])"
    else:
        digit, digit_or_group = f"[{bmp}]", f"[{bmp}{group}]"
    return re.compile(
        rf"[-+]?(?:{digit_or_group}+(?:{point}{digit}+)?|(?:[^0-9A-Za-z_]|^){point}{digit}+)"
    )


class NumberReader:
    """Reads numbers for one number format (built once per format: see `reader`)."""

    __slots__ = ("pattern", "bmp_pattern", "grouping", "decimal", "plain_symbols")

    def __init__(self, grouping: str, decimal: str):
        self.pattern = candidate_pattern(grouping, decimal)
        self.bmp_pattern = candidate_pattern(grouping, decimal, astral=False)
        self.grouping = grouping
        self.decimal = decimal
        # With punctuation symbols a cleaned candidate holds only ASCII digits, `.`, signs and
        # punctuation, which `Decimal` accepts exactly when it is a plain decimal; letters or `_`
        # in a symbol could smuggle in `1e5`, `NaN` or `1_000`, so those formats check the form.
        self.plain_symbols = not any(c.isalnum() or c == "_" for c in grouping + decimal)

    def parse(self, candidate: str) -> Decimal | None:
        """A candidate -> its value, or None when it does not read as a number.

        An empty decimal symbol makes every candidate unreadable: goflow replaces the empty
        string by `.` everywhere, which can never give a number, and we keep that behaviour."""
        if not self.decimal:
            return None
        cleaned = candidate.strip()
        if self.grouping:
            cleaned = cleaned.replace(self.grouping, "")
        if self.decimal != ".":
            cleaned = cleaned.replace(self.decimal, ".")
        if not cleaned.isascii():
            cleaned = cleaned.translate(_DIGITS)
            if not cleaned.isascii():  # digits of other systems, superscripts, fractions...
                return None
        if not self.plain_symbols and not _PLAIN_DECIMAL.fullmatch(cleaned):
            return None
        try:
            number = Decimal(cleaned)
        except InvalidOperation:
            return None
        return number if number.is_finite() else None

    def numbers(self, text: str) -> Iterator[Decimal]:
        """Every number in `text`, in order."""
        parse = self.parse
        bmp = text.isascii() or _ASTRAL_CHAR.search(text) is None
        for candidate in (self.bmp_pattern if bmp else self.pattern).findall(text):
            number = parse(candidate)
            if number is not None:
                yield number


@functools.lru_cache(maxsize=64)
def reader(grouping: str, decimal: str) -> NumberReader:
    return NumberReader(grouping, decimal)


def parse_candidate(text: str, number_format: NumberFormat) -> Decimal | None:
    """A candidate (as found by `candidate_pattern`) -> its value, or None."""
    return reader(number_format.digit_grouping_symbol, number_format.decimal_symbol).parse(text)


def numbers_in(env: Environment, text: str) -> Iterator[Decimal]:
    """Every number in `text`, in order, read with the environment's number format."""
    number_format = env.number_format
    return reader(number_format.digit_grouping_symbol, number_format.decimal_symbol).numbers(text)


def first_number(env: Environment, text: str) -> Decimal | None:
    """The first number in `text`, or None."""
    return next(numbers_in(env, text), None)
