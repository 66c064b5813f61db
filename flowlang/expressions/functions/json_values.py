"""JSON in and out of the value model: `json` and `parse_json`."""

from __future__ import annotations

import json as jsonlib
from decimal import Decimal

from flowlang.expressions.functions.convert import text_of
from flowlang.expressions.values import to_text
from flowlang.expressions.functions.limits import MAX_JSON_DEPTH, too_long
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError, XFunction, number_to_text


def _encode(value, out: list[str]) -> XError | None:
    t = type(value)
    if value is None or t is XFunction:
        out.append("null")
    elif t is bool:
        out.append("true" if value else "false")
    elif t is Decimal:
        out.append(number_to_text(value))
    elif t is str:
        out.append(jsonlib.dumps(value, ensure_ascii=False))
    elif t is XError:
        return value
    elif isinstance(value, list):
        out.append("[")
        for i, item in enumerate(value):
            if i:
                out.append(",")
            error = _encode(item, out)
            if error:
                return error
        out.append("]")
    elif isinstance(value, dict):
        out.append("{")
        for i, key in enumerate(sorted(value)):
            if i:
                out.append(",")
            out.append(jsonlib.dumps(key, ensure_ascii=False))
            out.append(":")
            error = _encode(value[key], out)
            if error:
                return error
        out.append("}")
    else:  # dates, times, datetimes: their text
        out.append(jsonlib.dumps(text_of(value), ensure_ascii=False))
    return None


def to_json(value) -> str | XError:
    """`value` as compact JSON with sorted keys (an error inside makes the whole an error)."""
    out: list[str] = []
    try:
        error = _encode(value, out)
    except RecursionError:
        return XError("value is too deeply nested")
    if error:
        return error
    return "".join(out)


@register("json", 1)
def json(env, value):
    """`value` as JSON text."""
    text = to_json(value)
    return text if type(text) is XError else (too_long(text) or text)


def _depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _no_constants(name):
    raise ValueError(f"invalid JSON constant {name}")


def _number(text: str) -> Decimal:
    number = Decimal(text)
    # 1e999999 is valid JSON but would make a million-digit number: keep to what a double holds
    if number and abs(number.adjusted()) > 308:
        raise ValueError(f"number {text} is out of range")
    return number


@register("parse_json", 1)
def parse_json(env, value):
    """The value the JSON `text` holds (numbers become numbers, objects objects)."""
    text = to_text(value)
    if type(text) is XError:
        return text
    if _depth(text) > MAX_JSON_DEPTH:
        return XError(f"JSON nested more than {MAX_JSON_DEPTH} levels")
    try:
        return jsonlib.loads(text, parse_float=_number, parse_int=_number,
                             parse_constant=_no_constants)
    except (ValueError, RecursionError) as e:
        return XError(f"unable to parse \"{text[:100]}\" as JSON: {e}")
