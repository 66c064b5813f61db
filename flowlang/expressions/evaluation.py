"""The state of one evaluation: what compiled closures read and the budget they spend."""

from __future__ import annotations

from typing import Any

from flowlang.expressions.limits import DEFAULT_LIMITS, Limits


class Evaluation:
    """Context, environment, lambda scope and cost of one `render`/`value`/`evaluate` call.

    Mutable and short-lived: closures take it as their only argument, so a compiled template
    is shared safely between evaluations.
    """

    __slots__ = ("context", "env", "scope", "cost", "limits", "derived")

    def __init__(self, context: dict, env: Any, limits: Limits = DEFAULT_LIMITS):
        self.context = context
        self.env = env
        self.scope: dict | None = None  # lambda parameters in force
        self.cost = 0
        self.limits = limits
        self.derived: dict | None = None  # roots resolved beyond the context (legacy names)
