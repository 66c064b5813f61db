"""Text functions: case, trimming, slicing, searching, replacing, encoding.

Lengths and positions count characters (Unicode code points), as goflow counts runes.
"""

from __future__ import annotations

import html
import unicodedata
import urllib.parse
from decimal import ROUND_HALF_UP, Decimal

import re2

from flowlang.expressions.functions.convert import slice_bounds, to_array, to_integer, to_number
from flowlang.expressions.values import to_text
from flowlang.expressions.functions.limits import MAX_REPEAT_CHARS, guard_arithmetic, too_long
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


@register("text", 1)
def text(env, value):
    """`value` as text."""
    return to_text(value)


def simple_upper(text: str) -> str:
    """Upper case one character at a time, as Go does (Unicode's simple mapping): where the full
    upper case is several characters, the one-character title case is the simple mapping
    (`ᾠ` -> `ᾨ`), and a character with neither (German sharp s) stays as it is."""
    upper = text.upper()
    if len(upper) == len(text):  # no character expanded: the same as Go's mapping
        return upper
    return "".join(_simple_upper_char(ch) for ch in text)


def _simple_upper_char(ch: str) -> str:
    upper = ch.upper()
    if len(upper) == 1:
        return upper
    title = ch.title()
    return title if len(title) == 1 else ch


def simple_lower(text: str) -> str:
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(u if len(u := ch.lower()) == 1 else ch for ch in text)


@register("upper", 1)
def upper(env, value):
    """`text` in upper case."""
    value = to_text(value)
    return value if type(value) is XError else simple_upper(value)


@register("lower", 1)
def lower(env, value):
    """`text` in lower case."""
    value = to_text(value)
    return value if type(value) is XError else simple_lower(value)


def _title(text: str) -> str:
    out, start = [], True
    for ch in simple_lower(text):
        out.append(simple_upper(ch) if start else ch)
        # letters, digits, marks and apostrophes continue a word; anything else starts a new one
        start = not (ch.isalnum() or ch == "'" or unicodedata.category(ch)[0] == "M")
    return "".join(out)


@register("title", 1)
def title(env, value):
    """`text` with each word capitalized."""
    value = to_text(value)
    return value if type(value) is XError else _title(value)


@register("text_length", 1)
def text_length(env, value):
    """How many characters `value` has as text."""
    value = to_text(value)
    return value if type(value) is XError else Decimal(len(value))


@register("text_slice", 2, 3)
def text_slice(env, value, start, end=None):
    """The characters of `text` from `start` up to (not including) `end`; negatives count from the end."""
    value = to_text(value)
    if type(value) is XError:
        return value
    bounds = slice_bounds(len(value), start, end)
    if type(bounds) is XError:
        return bounds
    start, stop = bounds
    return value[start:stop] if stop > start else ""


def _trim(value, chars, strip):
    value = to_text(value)
    if type(value) is XError:
        return value
    if chars is None:
        return strip(value)
    chars = to_text(chars)
    if type(chars) is XError:
        return chars
    return strip(value, chars)


@register("trim", 1, 2)
def trim(env, value, chars=None):
    """`text` without leading and trailing whitespace (or the given `chars`)."""
    return _trim(value, chars, str.strip)


@register("trim_left", 1, 2)
def trim_left(env, value, chars=None):
    """`text` without leading whitespace (or the given `chars`)."""
    return _trim(value, chars, str.lstrip)


@register("trim_right", 1, 2)
def trim_right(env, value, chars=None):
    """`text` without trailing whitespace (or the given `chars`)."""
    return _trim(value, chars, str.rstrip)


@register("clean", 1)
def clean(env, value):
    """`text` without non-printable characters."""
    value = to_text(value)
    if type(value) is XError:
        return value
    return "".join(ch for ch in value if unicodedata.category(ch)[0] != "C")


@register("char", 1)
def char(env, code):
    """The character with the Unicode `code`."""
    code = to_integer(code)
    if type(code) is XError:
        return code
    if not 0 <= code <= 0x10FFFF or 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # Go turns invalid code points into the replacement character
    return chr(code)


@register("code", 1)
def code(env, value):
    """The Unicode code of the first character of `text`."""
    value = to_text(value)
    if type(value) is XError:
        return value
    if not value:
        return XError("requires a string of at least one character")
    return Decimal(ord(value[0]))


@register("join", 2)
def join(env, array, separator):
    """The items of `array` as text, joined with `separator`."""
    array = to_array(array)
    if type(array) is XError:
        return array
    separator = to_text(separator)
    if type(separator) is XError:
        return separator
    parts = []
    for item in array:
        item = to_text(item)
        if type(item) is XError:
            return item
        parts.append(item)
    result = separator.join(parts)
    return too_long(result) or result


@register("text_compare", 2)
def text_compare(env, a, b):
    """-1, 0 or 1 as `text1` sorts before, equal to or after `text2` (by code point)."""
    a, b = to_text(a), to_text(b)
    if type(a) is XError:
        return a
    if type(b) is XError:
        return b
    return Decimal((a > b) - (a < b))


@register("repeat", 2)
def repeat(env, value, count):
    """`text` repeated `count` times (at most 10,000 characters)."""
    value = to_text(value)
    if type(value) is XError:
        return value
    count = to_integer(count)
    if type(count) is XError:
        return count
    if count < 0:
        return XError(f"must be called with a positive integer, got {count}")
    if len(value) * count > MAX_REPEAT_CHARS:
        return XError(f"the output would be more than {MAX_REPEAT_CHARS} characters")
    return value * count


@register("replace", 3, 4)
def replace(env, value, needle, replacement, count=None):
    """`text` with `needle` replaced by `replacement` (all of them, or the first `count`)."""
    value, needle, replacement = to_text(value), to_text(needle), to_text(replacement)
    for arg in (value, needle, replacement):
        if type(arg) is XError:
            return arg
    limit = -1
    if count is not None:
        limit = to_integer(count)
        if type(limit) is XError:
            return limit
    # bound the result before building it: each replacement adds at most this much
    grows = len(replacement) - len(needle)
    hits = value.count(needle) if needle else len(value) + 1
    if limit >= 0:
        hits = min(hits, limit)
    if grows > 0 and len(value) + hits * grows > 1_000_000:
        return XError("the output would be too long")
    return value.replace(needle, replacement, limit)


_REGEX_OPTIONS = re2.Options()
_REGEX_OPTIONS.log_errors = False
_REGEX_OPTIONS.case_sensitive = False


def compile_regex(pattern: str):
    """A case-insensitive RE2 regex (linear time, Go's syntax), or None if invalid."""
    try:
        return re2.compile(pattern, options=_REGEX_OPTIONS)
    except Exception:
        return None


@register("regex_match", 2, 3)
def regex_match(env, value, pattern, group=None):
    """The first match of the regex `pattern` in `text` (or of its capture `group`), ignoring case."""
    value, pattern = to_text(value), to_text(pattern)
    if type(value) is XError:
        return value
    if type(pattern) is XError:
        return pattern
    number = 0
    if group is not None:
        number = to_integer(group)
        if type(number) is XError:
            return number
    regex = compile_regex(pattern)
    if regex is None:
        return XError(f"invalid regular expression: {pattern}")
    if not 0 <= number <= regex.groups:
        return XError("invalid regular expression group")
    match = regex.search(value)
    if match is None:
        return ""
    return match.group(number) or ""


@register("percent", 1)
@guard_arithmetic
def percent(env, number):
    """`number` (a fraction) formatted as a whole percentage."""
    number = to_number(number)
    if type(number) is XError:
        return number
    whole = int((number * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if whole < INT64_MIN or whole > INT64_MAX:
        return XError(f"number {number} is out of range for int64")
    return f"{whole}%"


@register("url_encode", 1)
def url_encode(env, value):
    """`text` encoded for use in a URL parameter (spaces as %20)."""
    value = to_text(value)
    return value if type(value) is XError else urllib.parse.quote(value, safe="")


@register("html_decode", 1)
def html_decode(env, value):
    """`text` with HTML entities decoded."""
    value = to_text(value)
    # non-breaking spaces (&nbsp;) come out as plain spaces, as in goflow
    return value if type(value) is XError else html.unescape(value).replace("\u00a0", " ")


@register("read_chars", 1)
def read_chars(env, value):
    """`text` spelled out for a text-to-speech voice: characters spaced, grouped in threes or fours."""
    value = to_text(value)
    if type(value) is XError:
        return value
    chars = list(value.lstrip("+"))
    size = 3 if len(chars) % 3 == 0 else 4 if len(chars) % 4 == 0 else 1
    groups = [" ".join(chars[i:i + size]) for i in range(0, len(chars), size)]
    return " , ".join(groups)
