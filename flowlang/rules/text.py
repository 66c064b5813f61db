"""Rules on whole text: has_text, has_value, has_only_text, has_error, has_beginning."""

from __future__ import annotations

from flowlang.env.collation import lower
from flowlang.expressions.values import XError
from flowlang.rules.arguments import as_text, as_texts
from flowlang.rules.registry import RuleMatch, rule


@rule("has_text")
def has_text(env, operand):
    """Matches text with anything but whitespace in it; the value is the trimmed text.

    `has_text("  quick brown ")` -> `quick brown`; `has_text(" \\n")` -> no match."""
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    trimmed = text.strip()
    return RuleMatch(trimmed, trimmed) if trimmed else None


@rule("has_value")
def has_value(env, operand):
    """The older name of `has_text`, kept so migrated flows keep working."""
    return has_text(env, operand)


@rule("has_only_text", 1)
def has_only_text(env, operand, expected):
    """Matches when the text is exactly `expected`, case and spaces included.

    `has_only_text("foo", "foo")` -> `foo`; `has_only_text("foo", "FOO")` -> no match."""
    texts = as_texts(operand, expected)
    if isinstance(texts, XError):
        return texts
    text, wanted = texts
    return RuleMatch(text, text) if text == wanted else None


@rule("has_error")
def has_error(env, operand):
    """Matches an error value; the value is the error's message.

    `has_error(datetime("foo"))` matches; `has_error("hello")` does not."""
    if isinstance(operand, XError):
        return RuleMatch(operand.message, operand.message)
    return None


@rule("has_beginning", 1)
def has_beginning(env, operand, beginning):
    """Matches text that starts with `beginning`, ignoring case and surrounding spaces; the value
    is the start of the text as typed.

    `has_beginning("The Quick Brown", "the quick")` -> `The Quick`."""
    texts = as_texts(operand, beginning)
    if isinstance(texts, XError):
        return texts
    hay, pin = (t.strip() for t in texts)
    if not hay or not pin or len(hay) < len(pin):
        return None
    segment = hay[: len(pin)]
    if lower(segment) == lower(pin):
        return RuleMatch(segment, segment)
    return None
