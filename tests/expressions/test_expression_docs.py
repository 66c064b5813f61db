"""Every example in docs/expressions.md runs: the reference cannot drift from the implementation."""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from flowlang.env import Environment
from flowlang.expressions import compile_template
from flowlang.expressions.values import XObject

DOC = Path(__file__).resolve().parents[2] / "docs" / "expressions.md"
ENV = Environment(
    date_format="DD-MM-YYYY",
    timezone="America/Guayaquil",
    now=dt.datetime(2018, 4, 11, 18, 24, 30, 123456, tzinfo=dt.timezone.utc),
)
_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d")


def _value(data):
    """The doc's JSON context as values: `__default__` is what an object renders as."""
    if isinstance(data, dict):
        props = {k: _value(v) for k, v in data.items() if k != "__default__"}
        return XObject(props, _value(data["__default__"])) if "__default__" in data else props
    if isinstance(data, list):
        return [_value(v) for v in data]
    if isinstance(data, (int, float)) and not isinstance(data, bool):
        return Decimal(str(data))
    if isinstance(data, str) and _DATETIME.match(data):
        return dt.datetime.fromisoformat(data)
    return data


def _doc() -> str:
    return DOC.read_text(encoding="utf-8")


def context() -> dict:
    block = re.search(r"```context\n(.*?)```", _doc(), re.S).group(1)
    return _value(json.loads(block))


def examples() -> list[str]:
    return [line for block in re.findall(r"```example\n(.*?)```", _doc(), re.S)
            for line in block.splitlines() if line.strip()]


@pytest.mark.parametrize("line", examples())
def test_documented_example(line):
    template, expected = line.rsplit(" => ", 1)
    text, errors = compile_template(template).render(context(), ENV)
    if expected == "!":
        assert errors, f"{template!r} rendered {text!r} without errors"
    else:
        assert (text, errors) == (expected, [])
