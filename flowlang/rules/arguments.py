"""Turning a rule's operand and arguments into the types a rule works on, as goflow's
function wrappers do: an error argument is the result, nil is empty text."""

from __future__ import annotations

import functools
from decimal import Decimal

from flowlang.expressions.values import Value, XError, XObject, default_of, render, to_number


def as_text(value: Value) -> str | XError:
    """goflow's ToXText: nil is "", objects render as their default (or JSON)."""
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, XError):
        return value
    if isinstance(value, XObject):
        inner = default_of(value)
        if isinstance(inner, XError):  # an object standing for an error is that error
            return inner
    return render(value)


def as_number(value: Value) -> Decimal | XError:
    """goflow's ToXNumber: numbers, numeric text and objects whose default is one."""
    if type(value) is Decimal:
        return value
    if type(value) is str:
        return _text_to_number(value)
    return to_number(value)


@functools.lru_cache(maxsize=1024)
def _text_to_number(text: str) -> Decimal | XError:
    # case arguments are templates, usually the same text for every message
    return to_number(text)


def as_texts(*values: Value) -> list[str] | XError:
    """Several values as text, or the first conversion error."""
    texts = []
    for value in values:
        text = as_text(value)
        if isinstance(text, XError):
            return text
        texts.append(text)
    return texts

