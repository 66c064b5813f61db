"""Runner for goflow's function table (`goflow/functions.json`): one call per row.

Rows named like `upper` call the function library the way an expression does (through
`registry.call`: argument count checked, errors named after the function). Rows named like
`Add` are operators and call `flowlang.expressions.operators.BY_NAME[name]`; while that
module is missing they count as failed, not skipped.

Skipped, counted by reason: rows whose result depends on goflow's seeded random generator,
and the one successful call of the LLM `prompt` function, which flowlang does not have.
"""

from __future__ import annotations

import importlib
import json
from typing import Any

from flowlang.env.environment import Environment
from flowlang.expressions import registry
from flowlang.expressions.values import XError, XFunction
from flowlang.testing.conformance import xval
from flowlang.testing.conformance.report import Report

SEEDED_RANDOM = "goflow's seeded random numbers are not reproducible (rand, rand_between)"
NO_PROMPT = "the LLM prompt() function is not part of flowlang"

def _callable(value: Any) -> Any:
    """Function values in the tables name a registered function: make them callable."""
    if isinstance(value, XFunction):
        name = value.name
        return XFunction(name, lambda env, *args: registry.call(env, name, list(args)))
    if isinstance(value, list):
        return [_callable(v) for v in value]
    return value


def decode(data: Any) -> Any:
    return _callable(xval.decode(data))


def _operators():
    try:
        return importlib.import_module("flowlang.expressions.operators").BY_NAME
    except (ImportError, AttributeError):
        return None


def run_row(row: dict, env: Environment, operators) -> Any:
    """The value flowlang gives for one row (never raises for a well-formed row)."""
    args = [decode(a) for a in row["args"]]
    name = row["name"]
    if row.get("kind") == "operator" or name[:1].isupper():
        if operators is None:
            return XError("flowlang.expressions.operators.BY_NAME is not available")
        op = operators.get(name)
        if op is None:
            return XError(f"no operator {name} in BY_NAME")
        try:
            return op(env, *args)
        except Exception as e:  # a raising operator is a failed row, not a crashed run
            return XError(f"operator raised {type(e).__name__}: {e}")
    return registry.call(env, name, args)


def _skip_reason(row: dict) -> str | None:
    if row["name"] in ("rand", "rand_between"):
        return SEEDED_RANDOM
    if row["name"] == "prompt" and not row.get("expected_error"):
        return NO_PROMPT
    return None


def _passes(row: dict, actual: Any) -> tuple[bool, str]:
    expected = row.get("expected")
    if row.get("expected_error") and not (isinstance(expected, dict) and expected.get("$type") == "error"):
        return isinstance(actual, XError), "an error"
    wanted = decode(expected)
    return xval.same(wanted, actual), xval.show(wanted)


def run(data: dict, report: Report) -> None:
    import flowlang.expressions.functions  # noqa: F401  (registers the library)

    try:  # the rule tests register has_* functions; the table itself does not need them
        import flowlang.rules  # noqa: F401
    except Exception:
        pass
    envs = {name: Environment.from_dict(spec) for name, spec in data.get("envs", {}).items()}
    operators = _operators()
    for row in data["rows"]:
        where = f"line {row.get('line', '?')}: {row['name']}({_short_args(row)})"
        reason = _skip_reason(row)
        if reason:
            report.skip(reason)
            continue
        env = envs.get(row.get("env", "default")) or Environment()
        try:
            actual = run_row(row, env, operators)
        except Exception as e:  # keep going: a crash is one failed row
            actual = XError(f"runner raised {type(e).__name__}: {e}")
        passed, expected_text = _passes(row, actual)
        report.check(where, passed, expected_text, xval.show(actual))


def _short_args(row: dict) -> str:
    text = ", ".join(json.dumps(a, ensure_ascii=False) for a in row["args"][:4])
    if len(row["args"]) > 4:
        text += f", ... ({len(row['args'])} args)"
    return text if len(text) < 200 else text[:200] + "..."
