"""Turning a rule's operand and arguments into the types a rule works on, as goflow's
function wrappers do: an error argument is the result, nil is empty text."""

from __future__ import annotations

from decimal import Decimal

from flowlang.expressions.values import Value, XError, default_of, render, to_number


def as_text(value: Value) -> str | XError:
    """goflow's ToXText: nil is "", objects render as their default (or JSON)."""
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, XError):
        return value
    return render(value)


def as_number(value: Value) -> Decimal | XError:
    """goflow's ToXNumber: numbers, numeric text and objects whose default is one."""
    return to_number(value)


def as_texts(*values: Value) -> list[str] | XError:
    """Several values as text, or the first conversion error."""
    texts = []
    for value in values:
        text = as_text(value)
        if isinstance(text, XError):
            return text
        texts.append(text)
    return texts


def unwrap(value: Value) -> Value:
    """An object standing for a value (a result, an input) -> that value."""
    return default_of(value)
