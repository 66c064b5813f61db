"""The function registry: every `@(name(...))` callable, from goflow's library, the rule
tests (registered by `flowlang.rules`) and the legacy Excel-style aliases.

The registry is open so that later stages can add functions without the expression
package importing them (rules come after expressions in the pipeline).
"""

from __future__ import annotations

from typing import Callable

import attrs

from flowlang.expressions.values import Value, XError


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


def arity_error(spec: FunctionSpec, count: int) -> str:
    """goflow's message for a call with the wrong number of arguments."""
    if spec.max_args == spec.min_args:
        return f"need {spec.min_args} argument(s), got {count}"
    if spec.max_args is None:
        return f"need at least {spec.min_args} argument(s), got {count}"
    return f"need {spec.min_args} to {spec.max_args} argument(s), got {count}"


def invoke(spec: FunctionSpec, env, args: list | tuple) -> Value:
    """Run a function as goflow does: check the argument count, run it, and name the function
    in any error it returns (`error calling upper(...): ...`, once). Never raises."""
    if not spec.accepts(len(args)):
        result = XError(arity_error(spec, len(args)))
    else:
        try:
            result = spec.impl(env, *args)
        except RecursionError:
            result = XError("expression nested too deeply")
        except Exception as e:  # a library bug must not become a user-visible traceback
            result = XError(f"internal error: {type(e).__name__}: {e}")
    if type(result) is XError:
        prefix = f"error calling {spec.name}(...): "
        return result if result.message.startswith(prefix) else XError(prefix + result.message)
    return result


def call(env, name: str, args: list | tuple) -> Value:
    """Call a registered function by name, outside any evaluation (no budget): see `invoke`."""
    spec = lookup(name)
    if spec is None:
        return XError(f"{name.lower()} is not a function")
    return invoke(spec, env, args)
