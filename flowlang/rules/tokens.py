"""Splitting text into words, as goflow's word rules do.

A word is a run of Unicode letters, marks, digits, `_` and `'` (so `O'Grady`, `can't` and
`foo_bar` are one word each, and Thai or Bengali words keep their combining marks); every other
punctuation mark or space separates words; and each symbol (currency, maths, emoji, a skin
tone modifier) is a word of its own.

    >>> tokenize("one(two!*@three spend$£")
    ['one', 'two', 'three', 'spend', '$', '£']
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Code points above this are unassigned except the tags/variation selectors plane, which holds
# marks only (scanned separately), so the class tables are built from a quarter of the space.
_SCAN_LIMIT = 0x40000
_SUPPLEMENTARY_SPECIAL = range(0xE0000, 0xE1000)


def _ranges(codes: list[int]) -> str:
    """A regex character-class body for a sorted list of code points, as compact ranges."""
    parts: list[str] = []
    start = prev = None
    for code in codes:
        if prev is not None and code == prev + 1:
            prev = code
            continue
        if start is not None:
            parts.append(_span(start, prev))
        start = prev = code
    if start is not None:
        parts.append(_span(start, prev))
    return "".join(parts)


def _span(start: int, end: int) -> str:
    if start == end:
        return re.escape(chr(start))
    return f"{re.escape(chr(start))}-{re.escape(chr(end))}"


@functools.lru_cache(maxsize=1)
def _classes() -> tuple[list[int], list[int]]:
    """Code points of word characters (letters, marks, numbers, `_`, `'`) and of symbols."""
    word: list[int] = []
    symbol: list[int] = []
    category = unicodedata.category
    for code in list(range(_SCAN_LIMIT)) + list(_SUPPLEMENTARY_SPECIAL):
        if 0xD800 <= code <= 0xDFFF:
            continue
        major = category(chr(code))[0]
        if major in "LMN":
            word.append(code)
        elif major == "S":
            symbol.append(code)
    word.extend((ord("_"), ord("'")))
    word.sort()
    return word, symbol


_ASTRAL = 0x10000
_ASTRAL_CHAR = re.compile("[\U00010000-\U0010ffff]")


@functools.lru_cache(maxsize=1)
def _bmp_pattern() -> re.Pattern[str]:
    # Python's regex engine tests a character against a class with a bitmap for the Basic
    # Multilingual Plane but scans astral ranges one by one, so text without astral characters
    # (most messages) gets a pattern with no astral ranges at all.
    word, symbol = _classes()
    return re.compile(f"[{_ranges([c for c in word if c < _ASTRAL])}]+|[{_ranges([c for c in symbol if c < _ASTRAL])}]")


@functools.lru_cache(maxsize=1)
def token_pattern() -> re.Pattern[str]:
    """The compiled word regex: `[letters marks digits _ ']+ | one symbol`, for any text.

    Built from the running Python's Unicode tables on first use (about 0.1s, once). Astral
    ranges are only tried after a cheap check that the character is astral (see `_bmp_pattern`)."""
    word, symbol = _classes()
    bmp_word = _ranges([c for c in word if c < _ASTRAL])
    astral_word = _ranges([c for c in word if c >= _ASTRAL])
    bmp_symbol = _ranges([c for c in symbol if c < _ASTRAL])
    astral_symbol = _ranges([c for c in symbol if c >= _ASTRAL])
    astral = "(?=[\U00010000-\U0010ffff])"
    return re.compile(
        f"(?:[{bmp_word}]|{astral}[{astral_word}])+|[{bmp_symbol}]|{astral}[{astral_symbol}]"
    )


def tokenize(text: str) -> list[str]:
    """The words of `text` in order (see the module docstring for what a word is)."""
    if text.isascii() or _ASTRAL_CHAR.search(text) is None:
        return _bmp_pattern().findall(text)
    return token_pattern().findall(text)
