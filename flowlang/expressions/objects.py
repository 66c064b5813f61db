"""Reading goflow objects: property names match case-insensitively."""

from __future__ import annotations

from typing import Any

MISSING = object()  # "no such key" (nil is a value: None)


def get_key(mapping: dict, key: str) -> Any:
    """`mapping[key]` with keys matched case-insensitively (goflow's objects), or MISSING."""
    value = mapping.get(key, MISSING)
    if value is not MISSING:
        return value
    lowered = key.lower()
    value = mapping.get(lowered, MISSING)
    if value is not MISSING:
        return value
    for candidate, value in mapping.items():
        if type(candidate) is str and candidate.lower() == lowered:
            return value
    return MISSING
