"""What the host hands in, made safe to keep in a session.

A session must always save to JSON and load back. Text from the outside world can break that
in ways Python's json module allows: lone surrogates (`"\\ud800"`) that no UTF-8 writer
accepts, NaN and Infinity that are not JSON, and nesting deep enough to exhaust the
interpreter's recursion on the next save. Each is stopped here, at the boundary.
"""

from __future__ import annotations

import json
from typing import Any


def clean_text(text: str) -> str:
    """The text with lone surrogates replaced, so it encodes as UTF-8."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")


def _refuse_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json(body: str, max_bytes: int, max_depth: int) -> tuple[Any, str | None]:
    """(value, None) for a JSON body within the limits; (None, why) otherwise.

    Strings and keys come back cleaned (see clean_text)."""
    if len(body.encode("utf-8", "replace")) > max_bytes:
        return None, f"the response of {len(body)} characters is too large to read as JSON (limit {max_bytes} bytes)"
    try:
        value = json.loads(body, parse_constant=_refuse_constant)
    except RecursionError:
        return None, f"the response nests deeper than {max_depth} levels, so it is kept as text"
    except ValueError:
        return None, None  # not JSON: an ordinary case, the body stays text
    if _depth(value) > max_depth:
        return None, f"the response nests deeper than {max_depth} levels, so it is kept as text"
    return _clean(value), None


def _depth(value: Any) -> int:
    """Nesting depth, without recursion (the value may be deeper than Python's stack)."""
    deepest, stack = 0, [(value, 1)]
    while stack:
        item, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return deepest


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v) for v in value]
    return value
