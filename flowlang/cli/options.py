"""Parsing `KEY=VALUE` command-line options (`--contact name=Ben`, `--global token=abc`)."""

from __future__ import annotations

from typing import Iterable

import click


def parse_pairs(values: Iterable[str], option: str) -> dict[str, str]:
    """`["name=Ben", "fields.city=Kigali"]` -> a dict; dotted keys make nested dicts."""
    result: dict = {}
    for item in values:
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint=option)
        target = result
        *parents, last = key.split(".")
        for part in parents:
            child = target.setdefault(part, {})
            if not isinstance(child, dict):
                raise click.BadParameter(f"{key!r} conflicts with an earlier value", param_hint=option)
            target = child
        target[last] = value
    return result
