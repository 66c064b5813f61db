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
def token_pattern() -> re.Pattern[str]:
    """The compiled word regex: `[letters marks digits _ ']+ | one symbol`.

    Built from the running Python's Unicode tables on first use (about 0.1s, once)."""
    word: list[int] = []
    symbol: list[int] = []
    category = unicodedata.category
    codes = list(range(_SCAN_LIMIT)) + list(_SUPPLEMENTARY_SPECIAL)
    for code in codes:
        if 0xD800 <= code <= 0xDFFF:
            continue
        major = category(chr(code))[0]
        if major in "LMN":
            word.append(code)
        elif major == "S":
            symbol.append(code)
    word.extend((ord("_"), ord("'")))
    word.sort()
    return re.compile(f"[{_ranges(word)}]+|[{_ranges(symbol)}]")


def tokenize(text: str) -> list[str]:
    """The words of `text` in order (see the module docstring for what a word is)."""
    return token_pattern().findall(text)


