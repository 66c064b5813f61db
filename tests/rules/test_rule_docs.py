"""Every example in docs/rules.md runs: the reference cannot drift from the implementation."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

import pytest

from flowlang.env.environment import Environment
from flowlang.expressions.values import XError
from flowlang.rules import RULES, RuleMatch, lookup

DOC = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\S+')


def _literal(token: str):
    value = json.loads(token)
    if isinstance(value, (int, float)):
        return Decimal(token)
    return value


def examples() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    found = []
    for block in re.findall(r"```rules\n(.*?)```", text, re.S):
        for line in block.splitlines():
            if line.strip():
                found.append(line)
    return found


def run_example(env: Environment, line: str):
    operand_text, call, outcome = (part.strip() for part in line.split(" | "))
    name, *arg_tokens = _TOKEN.findall(call)
    # in a `match` case the arguments are templates, so they reach the rule as text
    args = [str(_literal(t)) if not t.startswith('"') else json.loads(t) for t in arg_tokens]
    test = lookup(name)
    assert test is not None, f"unknown rule {name}"
    return test.test(env, _literal(operand_text), args), outcome


@pytest.mark.parametrize("line", examples())
def test_documented_example(doc_env, line):
    result, outcome = run_example(doc_env, line)
    if outcome == "no match":
        assert result is None
    elif outcome == "error":
        assert isinstance(result, XError)
    else:
        tokens = _TOKEN.findall(outcome)
        assert isinstance(result, RuleMatch), result
        assert result.text == json.loads(tokens[0])
        if len(tokens) > 1:
            assert tokens[1] == "extra"
            assert result.extra == json.loads(outcome.split(" extra ", 1)[1])


def test_every_rule_has_a_documented_example():
    documented = {_TOKEN.findall(line.split(" | ")[1])[0] for line in examples()}
    assert sorted(set(RULES) - documented) == []
