"""The table of rule tests: what `match` cases may call, and the `has_*` expression functions.

Each rule is a plain function `impl(env, operand, *args) -> RuleMatch | None | XError` registered
with `@rule(name, min_args, max_args)`. Registration puts it in `RULES` (for the compiler and the
interpreter, through `lookup`) and in the expression function registry, where it returns goflow's
result object: `{match, extra}` rendering as `true`, or `{match: ""}` rendering as `false`.
"""

from __future__ import annotations

from typing import Callable

import attrs

from flowlang.env.environment import Environment
from flowlang.expressions import registry as functions
from flowlang.expressions.values import Value, XError, XObject, render


@attrs.frozen
class RuleMatch:
    """A successful rule test: `value` is the typed match, `text` what a result saves as its
    value, `extra` what becomes the result's extra (`@extra.0`... for `has_pattern`)."""

    value: Value
    text: str
    extra: dict | None = None

    @classmethod
    def of(cls, value: Value, extra: dict | None = None) -> "RuleMatch":
        return cls(value, render(value), extra)


Impl = Callable[..., "RuleMatch | None | XError"]
LiteralCheck = Callable[[list["str | None"]], "list[tuple[int, str]]"]


@attrs.frozen
class RuleTest:
    """One rule test. Argument counts exclude the operand; `max_args=None` is variadic."""

    name: str
    min_args: int
    max_args: int | None
    impl: Impl = attrs.field(repr=False)
    deprecated: str | None = None
    doc: str = ""
    literal_check: LiteralCheck | None = attrs.field(default=None, repr=False)
    # goflow's has_ward takes the text alone or with both district and state, never two args
    allowed_counts: tuple[int, ...] | None = None

    def accepts(self, count: int) -> bool:
        if self.allowed_counts is not None:
            return count in self.allowed_counts
        return count >= self.min_args and (self.max_args is None or count <= self.max_args)

    def arity_text(self) -> str:
        if self.allowed_counts is not None:
            return " or ".join(str(c) for c in self.allowed_counts) + " arguments"
        if self.max_args == self.min_args:
            return f"{self.min_args} argument{'' if self.min_args == 1 else 's'}"
        if self.max_args is None:
            return f"at least {self.min_args} argument{'' if self.min_args == 1 else 's'}"
        return f"{self.min_args} to {self.max_args} arguments"

    def check_literal_args(self, args: list[str | None]) -> list[tuple[int, str]]:
        """Problems with arguments known at compile time (`None` = not a literal), as
        (argument index, message), e.g. an invalid regular expression for `has_pattern`."""
        if self.literal_check is None:
            return []
        return self.literal_check(args)

    def test(self, env: Environment, operand: Value, args: list[Value]) -> RuleMatch | None | XError:
        """Run the test on `operand`: a match, None for no match, or an error (never a match)."""
        if not self.accepts(len(args)):
            return XError(f"{self.name} takes {self.arity_text()} after the text, got {len(args)}")
        try:
            return self.impl(env, operand, *args)
        except Exception as e:  # noqa: BLE001
            # a rule must never take the interpreter down: an unforeseen input is an error value
            # (the property tests call the implementations without this net, to find such inputs)
            return XError(f"internal error in {self.name}: {type(e).__name__}: {e}")

    def call(self, env: Environment, *values: Value) -> Value:
        """The expression-function form: `has_x(operand, args...)` -> goflow's result object."""
        if not values:
            return XError(f"{self.name} takes the text to test and {self.arity_text()}, got none")
        outcome = self.test(env, values[0], list(values[1:]))
        return result_object(outcome)


def result_object(outcome: RuleMatch | None | XError) -> Value:
    """goflow's test result: an object whose default is true/false, with `match` (and `extra`)."""
    if isinstance(outcome, XError):
        return outcome
    if outcome is None:
        return XObject({"match": ""}, False)
    props = {"match": outcome.value}
    if outcome.extra is not None:
        props["extra"] = XObject(dict(outcome.extra))
    return XObject(props, True)


RULES: dict[str, RuleTest] = {}


def rule(
    name: str,
    min_args: int = 0,
    max_args: int | None = -1,
    *,
    deprecated: str | None = None,
    literal_check: LiteralCheck | None = None,
    allowed_counts: tuple[int, ...] | None = None,
):
    """Decorator registering `impl(env, operand, *args)` as the rule `name`.

    `max_args` defaults to `min_args`; pass None for variadic rules."""

    def decorate(impl: Impl) -> Impl:
        high = min_args if max_args == -1 else max_args
        test = RuleTest(
            name, min_args, high, impl, deprecated, (impl.__doc__ or "").strip(), literal_check, allowed_counts
        )
        RULES[name] = test
        # the expression-function arity counts the operand too
        functions.register(name, min_args + 1, None if high is None else high + 1)(
            lambda env, *values, _test=test: _test.call(env, *values)
        )
        functions.FUNCTIONS[name] = attrs.evolve(functions.FUNCTIONS[name], doc=test.doc)
        return impl

    return decorate


def lookup(name: str) -> RuleTest | None:
    """The rule test called `name` (case-insensitive), or None."""
    return RULES.get(name.lower())
