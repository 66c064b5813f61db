"""Word functions: `word`, `word_count`, `word_slice`, `remove_first_word`, `field`, `split`.

Words are what goflow's tokenizer finds: runs of letters, marks, digits, `_` and `'`, and
every symbol (emoji, currency, math) as a word of its own, with any marks that follow it
(so a variation selector stays with its emoji). Everything else separates words.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from flowlang.expressions.functions.convert import to_integer
from flowlang.expressions.values import to_text
from flowlang.expressions.functions.limits import too_many_items
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError


# Text without marks or symbols outside ASCII (the common case) is tokenized by one regex:
# Python's `\\w` is exactly letters, digits and `_`.
_SIMPLE_TOKENS = re.compile(r"[\w']+|[$+<=>^`|~]")

# character -> "w" (word), "m" (mark), "s" (symbol) or " " (separator), filled as met
_KINDS: dict[str, str] = {}
_MAX_KINDS = 50_000


def _kind(ch: str) -> str:
    kind = _KINDS.get(ch)
    if kind is None:
        category = unicodedata.category(ch)[0]
        kind = "w" if category in "LN" or ch in "_'" else category.lower() if category in "MS" else " "
        if len(_KINDS) < _MAX_KINDS:
            _KINDS[ch] = kind
    return kind


def _has_marks_or_symbols(text: str) -> bool:
    get = _KINDS.get
    for ch in set(text):
        if ch > "\x7f" and (get(ch) or _kind(ch)) in "ms":
            return True
    return False


def tokenize(text: str) -> list[str]:
    """The words of `text` (goflow's TokenizeString)."""
    if text.isascii() or not _has_marks_or_symbols(text):
        return _SIMPLE_TOKENS.findall(text)
    get = _KINDS.get
    tokens = []
    start, i, n = -1, 0, len(text)
    while i < n:
        kind = get(text[i]) or _kind(text[i])
        if kind == "w" or kind == "m":
            if start < 0:
                start = i
            i += 1
            continue
        if start >= 0:
            tokens.append(text[start:i])
            start = -1
        if kind == "s":  # a symbol is a word of its own, with the marks that follow it
            j = i + 1
            while j < n and (get(text[j]) or _kind(text[j])) == "m":
                j += 1
            tokens.append(text[i:j])
            i = j
            continue
        i += 1
    if start >= 0:
        tokens.append(text[start:])
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
    # the text from where the second word starts (punctuation around the first goes with it)
    after_first = text.find(words[0]) + len(words[0])
    return text[text.find(words[1], after_first):]


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
    fields = list(text) if sep == "" else text.split(sep)
    if sep == " ":  # splitting on a space means splitting on runs of spaces
        fields = [f for f in fields if f]
    if index >= len(fields):
        return ""
    return fields[index].strip()


@register("split", 1, 2)
def split(env, text, delimiters=None):
    """The pieces of `text` between any of the characters in `delimiters`, empty pieces
    removed; without delimiters, the words of `text`."""
    text = to_text(text)
    if type(text) is XError:
        return text
    pieces = _words(text, delimiters)
    if type(pieces) is XError:
        return pieces
    error = too_many_items(len(pieces))
    return error if error else pieces
