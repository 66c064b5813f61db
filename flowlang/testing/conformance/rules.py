"""Runner for goflow's router tests (`router_tests.json`): every rule row, plus the tokenizer
and collation tables the word rules are built on."""

from __future__ import annotations

import json
from typing import Any

from flowlang.env.collation import transform
from flowlang.env.environment import Environment
from flowlang.expressions.values import XError, XObject
from flowlang.rules import RuleMatch, lookup
from flowlang.rules.tokens import tokenize
from flowlang.testing.conformance.report import Report
from flowlang.testing.conformance.xval import decode, same, show


def build_env(spec: Any, data: dict) -> Environment:
    """A row's `env`: the name of a top-level env, or an inline partial one."""
    if isinstance(spec, str):
        spec = data.get("envs", {}).get(spec, {})
    spec = {k: v for k, v in (spec or {}).items() if v is not None}
    if isinstance(spec.get("locations"), str):  # "top-level 'locations'"
        spec["locations"] = data.get("locations")
    return Environment.from_dict(spec)


def run_row(row: dict, data: dict) -> tuple[bool, str, str]:
    """(passed, expected, actual) for one rule row."""
    env = build_env(row.get("env"), data)
    test = lookup(row["test"])
    if test is None:
        return False, row["test"], "unknown rule"
    if row.get("input_missing"):
        outcome: Any = test.call(env)
        outcome = outcome if isinstance(outcome, XError) else None
    else:
        outcome = test.test(env, decode(row["input"]), [decode(a) for a in row["args"]])
    expected = _expected(row)
    if row.get("expected_error"):
        # a rule that crashed is contained as an "internal error" value: that is not the error meant
        crashed = isinstance(outcome, XError) and outcome.message.startswith("internal error")
        return isinstance(outcome, XError) and not crashed, expected, _show(outcome)
    if not row["expected_match"]:
        return outcome is None, expected, _show(outcome)
    if not isinstance(outcome, RuleMatch):
        return False, expected, _show(outcome)
    passed = same(decode(row["expected_value"]), outcome.value) and outcome.text == row["expected_value_text"]
    if "expected_extra" in row:
        passed = passed and same(decode(row["expected_extra"]), XObject(outcome.extra or {}))
    return passed, expected, _show(outcome)


def _expected(row: dict) -> str:
    if row.get("expected_error"):
        return "an error"
    if not row["expected_match"]:
        return "no match"
    extra = f" extra={json.dumps(row['expected_extra'], ensure_ascii=False)}" if "expected_extra" in row else ""
    return f"match {show(decode(row['expected_value']))} text={row['expected_value_text']!r}{extra}"


def _show(outcome: Any) -> str:
    if isinstance(outcome, RuleMatch):
        extra = f" extra={outcome.extra!r}" if outcome.extra is not None else ""
        return f"match {show(outcome.value)} text={outcome.text!r}{extra}"
    if outcome is None:
        return "no match"
    return show(outcome)


def run(data: dict, report: Report) -> None:
    for row in data.get("rows", []):
        where = f"{row.get('table', 'rows')}:{row.get('line')} {row['test']}({row.get('input')!r}, {row.get('args')!r})"
        try:
            passed, expected, actual = run_row(row, data)
        except Exception as e:  # a crash is a failure of that row, not of the run
            passed, expected, actual = False, _expected(row), f"exception {type(e).__name__}: {e}"
        report.check(where, passed, expected, actual)
    for row in data.get("tokenizer", {}).get("rows", []):
        tokens = tokenize(row["text"])
        report.check(f"tokenizer:{row['line']} {row['text']!r}", tokens == row["tokens"], repr(row["tokens"]), repr(tokens))
    for row in data.get("collation", {}).get("rows", []):
        result = transform(row["collation"], row["input"])
        passed = result == row["transform"] and all(
            (transform(row["collation"], other) == result) == equal for other, equal in row["equals"].items()
        )
        report.check(f"collation:{row['line']} {row['collation']} {row['input']!r}", passed, repr(row["transform"]), repr(result))
