"""Calling functions: argument counts, the budget, size limits and goflow's error wrapping.

goflow reports any error a function returns as `error calling NAME(...): message`, including
an error that came in as an argument; a function that fails inside (a bug) becomes an error
value too, never a traceback.
"""

from __future__ import annotations

from typing import Any

from flowlang.expressions.evaluation import Evaluation
from flowlang.expressions.limits import DEFAULT_LIMITS
from flowlang.expressions.registry import FunctionSpec, invoke
from flowlang.expressions.values import XError, XFunction, render_for_error

BUDGET_EXCEEDED = "expression too expensive: evaluation budget exceeded"
CHARS_PER_COST = 1000


def check_size(value: Any, limits, evaluation: Evaluation | None = None) -> Any:
    """An error instead of a text or array bigger than the limits allow; big values also
    spend budget (one unit per `CHARS_PER_COST` characters or items), so that many
    medium-sized values cannot add up to a huge amount of work."""
    t = type(value)
    if evaluation is not None and (t is str or t is list):
        evaluation.cost += len(value) // CHARS_PER_COST
        if evaluation.cost > limits.max_cost:
            return XError(BUDGET_EXCEEDED)
    if t is str and len(value) > limits.max_text:
        return XError(f"text too long: {len(value)} characters (limit {limits.max_text})")
    if t is list and len(value) > limits.max_items:
        return XError(f"array too long: {len(value)} items (limit {limits.max_items})")
    return value


def call_spec(spec: FunctionSpec, env: Any, args: list, evaluation: Evaluation | None) -> Any:
    """Call a registered function with evaluated arguments; the result is a value, never a raise."""
    limits = evaluation.limits if evaluation is not None else DEFAULT_LIMITS
    if evaluation is not None:
        evaluation.cost += 1
        if evaluation.cost > limits.max_cost:
            return XError(BUDGET_EXCEEDED)
    result = invoke(spec, env, args)
    if type(result) is XError:
        return result
    return check_size(result, limits, evaluation)


def call_value(function: Any, env: Any, args: list, evaluation: Evaluation | None) -> Any:
    """Call a function value (a lambda, or a function held in the context)."""
    if type(function) is XError:
        return function
    if type(function) is not XFunction:
        return XError(f"{render_for_error(function)} is not a function")
    try:
        result = function.call(env, *args)
    except RecursionError:
        result = XError("expression nested too deeply")
    except Exception as e:
        result = XError(f"internal error: {type(e).__name__}: {e}")
    if evaluation is not None:
        result = check_size(result, evaluation.limits, evaluation)
    return result
