"""Word functions: `word`, `word_count`, `word_slice`, `remove_first_word`, `field`, `split`.

Words are what goflow's tokenizer finds: runs of letters, marks, digits, `_` and `'`, and
every symbol (emoji, currency, math) as a word of its own, with any marks that follow it
(so a variation selector stays with its emoji). Everything else separates words.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from flowlang.expressions.functions.convert import to_integer, to_text
from flowlang.expressions.functions.limits import too_many_items
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError


def _is_word_char(ch: str) -> bool:
    if ch == "_" or ch == "'":
        return True
    if ch.isascii():
        return ch.isalnum()
    return unicodedata.category(ch)[0] in "LMN"


def _is_mark(ch: str) -> bool:
    return not ch.isascii() and unicodedata.category(ch)[0] == "M"


def _is_symbol(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "S"


def tokenize(text: str) -> list[str]:
    """The words of `text` (goflow's TokenizeString)."""
    tokens = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if _is_word_char(ch):
            j = i + 1
            while j < n and _is_word_char(text[j]):
                j += 1
            tokens.append(text[i:j])
            i = j
        elif _is_symbol(ch):
            j = i + 1
            while j < n and _is_mark(text[j]):
                j += 1
            tokens.append(text[i:j])
            i = j
        else:
            i += 1
    return tokens


def split_by_chars(text: str, delimiters: str) -> list[str]:
    """Split on any of the characters in `delimiters`, dropping empty pieces."""
    if not delimiters:
        return [text] if text else []
    pieces, start = [], 0
    delims = set(delimiters)
    for i, ch in enumerate(text):
        if ch in delims:
            if i > start:
                pieces.append(text[start:i])
            start = i + 1
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _words(text: str, delimiters) -> list[str] | XError:
    if delimiters is None:
        return tokenize(text)
    chars = to_text(delimiters)
    if type(chars) is XError:
        return chars
    return split_by_chars(text, chars)


@register("word", 2, 3)
def word(env, text, index, delimiters=None):
    """The word at `index` (from 0; negative counts from the end), optionally split on `delimiters`."""
    text = to_text(text)
    if type(text) is XError:
        return text
    index = to_integer(index)
    if type(index) is XError:
        return index
    words = _words(text, delimiters)
    if type(words) is XError:
        return words
    offset = index + len(words) if index < 0 else index
    if not 0 <= offset < len(words):
        return XError(f"index {index} is out of range for the number of words {len(words)}")
    return words[offset]


@register("remove_first_word", 1)
def remove_first_word(env, text):
    """`text` without its first word and the spaces after it."""
    text = to_text(text)
    if type(text) is XError:
        return text
    words = tokenize(text)
    if len(words) < 2:  # nothing but (maybe quoted) one word: nothing remains
        return ""
    start = text.find(words[0])
    return text[start + len(words[0]):].lstrip(" ")


@register("word_count", 1, 2)
def word_count(env, text, delimiters=None):
    """How many words `text` has, optionally split on `delimiters`."""
    text = to_text(text)
    if type(text) is XError:
        return text
    words = _words(text, delimiters)
    if type(words) is XError:
        return words
    return Decimal(len(words))


@register("word_slice", 2, 4)
def word_slice(env, text, start, end=None, delimiters=None):
    """The words from `start` up to (not including) `end`, joined by spaces; a negative
    `end` (the default) means to the last word."""
    text = to_text(text)
    if type(text) is XError:
        return text
    start = to_integer(start)
    if type(start) is XError:
        return start
    if start < 0:
        return XError("must start with a positive index")
    stop = -1
    if end is not None:
        stop = to_integer(end)
        if type(stop) is XError:
            return stop
    if 0 < stop <= start:
        return XError("must have a end which is greater than the start")
    words = _words(text, delimiters)
    if type(words) is XError:
        return words
    if start >= len(words):
        return ""
    if stop < 0 or stop >= len(words):
        stop = len(words)
    return " ".join(words[start:stop])


@register("field", 3)
def field(env, text, index, delimiter):
    """The piece at `index` (from 0) when `text` is split on `delimiter`, trimmed."""
    text = to_text(text)
    if type(text) is XError:
        return text
    index = to_integer(index)
    if type(index) is XError:
        return index
    if index < 0:
        return XError("cannot use a negative index to FIELD")
    sep = to_text(delimiter)
    if type(sep) is XError:
        return sep
    # Go splits on an empty separator between every character
    fields = list(text) if sep == "" else text.split(sep, index + 1)
    if index >= len(fields):
        return ""
    return fields[index].strip()


@register("split", 1, 2)
def split(env, text, delimiters=None):
    """The pieces of `text` between any of the characters in `delimiters` (default a space),
    empty pieces removed."""
    text = to_text(text)
    if type(text) is XError:
        return text
    chars = " " if delimiters is None else to_text(delimiters)
    if type(chars) is XError:
        return chars
    pieces = split_by_chars(text, chars)
    error = too_many_items(len(pieces))
    return error if error else pieces
