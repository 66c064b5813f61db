"""Safety limits for evaluation, as named settings (goflow keeps these as engine settings too).

A template comes from flow authors, and a context from contacts and web services: neither may
make evaluation hang or exhaust memory. Every limit ends evaluation with an error value.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Limits:
    """How much one template evaluation may do.

    - `max_cost`: function calls and lambda invocations per evaluation
    - `max_depth`: nesting of parentheses, calls and operators in one expression
    - `max_output`: characters a rendered template keeps; longer output is cut and ends in `...`
    - `max_text`: characters of any text value made during evaluation
    - `max_items`: items of any array made during evaluation
    """

    max_cost: int = 10_000
    max_depth: int = 50
    max_output: int = 10_000
    max_text: int = 100_000
    max_items: int = 10_000


DEFAULT_LIMITS = Limits()

ELLIPSIS = "..."


def truncate(text: str, limits: Limits) -> str:
    """Cut `text` to `limits.max_output` characters, the last three being an ellipsis."""
    if len(text) <= limits.max_output:
        return text
    return text[: max(limits.max_output - len(ELLIPSIS), 0)] + ELLIPSIS
