"""The function registry: every `@(name(...))` callable, from goflow's library, the rule
tests (registered by `flowlang.rules`) and the legacy Excel-style aliases.

The registry is open so that later stages can add functions without the expression
package importing them (rules come after expressions in the pipeline).
"""

from __future__ import annotations

from typing import Callable

import attrs

from flowlang.expressions.values import Value


@attrs.frozen
class FunctionSpec:
    """A callable: `impl(env, *args) -> Value`. `max_args=None` means variadic.

    `aliases` are extra (legacy) names; lookup is case-insensitive.
    """

    name: str
    impl: Callable[..., Value] = attrs.field(repr=False)
    min_args: int
    max_args: int | None
    doc: str = ""
    legacy: bool = False  # an Excel-style alias kept for migrated flows

    def accepts(self, count: int) -> bool:
        return count >= self.min_args and (self.max_args is None or count <= self.max_args)

    def arity_text(self) -> str:
        if self.max_args == self.min_args:
            return f"{self.min_args} argument{'s' if self.min_args != 1 else ''}"
        if self.max_args is None:
            return f"at least {self.min_args} argument{'s' if self.min_args != 1 else ''}"
        return f"{self.min_args} to {self.max_args} arguments"


FUNCTIONS: dict[str, FunctionSpec] = {}


def register(name: str, min_args: int, max_args: int | None = -1, *, legacy: bool = False):
    """Decorator: `@register("upper", 1)` registers `impl(env, text)`.

    `max_args` defaults to `min_args`; pass None for variadic functions.
    """

    def decorate(impl: Callable[..., Value]) -> Callable[..., Value]:
        high = min_args if max_args == -1 else max_args
        FUNCTIONS[name.lower()] = FunctionSpec(
            name.lower(), impl, min_args, high, (impl.__doc__ or "").strip(), legacy
        )
        return impl

    return decorate


def alias(legacy_name: str, target: str, *, legacy: bool = True) -> None:
    """Register another name for an existing function (e.g. Excel's `LEN` for `length`)."""
    spec = FUNCTIONS[target.lower()]
    FUNCTIONS[legacy_name.lower()] = attrs.evolve(spec, name=legacy_name.lower(), legacy=legacy)


def lookup(name: str) -> FunctionSpec | None:
    return FUNCTIONS.get(name.lower())
