"""`has_pattern`: regular expressions with RE2 semantics, as goflow (Go's regexp) has them.

RE2 runs in time linear in the text, so no pattern a flow author (or a template) supplies can
hang the interpreter; there are no backreferences or lookarounds, as in RapidPro.
"""

from __future__ import annotations

import functools

import re2

from flowlang.expressions.values import XError
from flowlang.rules.arguments import as_texts
from flowlang.rules.registry import RuleMatch, rule

INVALID_PATTERN = "must be called with a valid regular expression"

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # errors are values here, not lines on stderr


@functools.lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    """The compiled, case-insensitive, multiline form of a pattern, or the RE2 error text."""
    try:
        return re2.compile("(?mi)" + pattern.strip(), _OPTIONS)
    except re2.error as e:
        message = e.args[0] if e.args else str(e)
        message = message.decode("utf-8", "replace") if isinstance(message, bytes) else str(message)
        return message.replace("(?mi)", "", 1)  # the flags are ours, not the author's


def _check_literal(args: list[str | None]) -> list[tuple[int, str]]:
    if not args or args[0] is None:
        return []
    compiled = compile_pattern(args[0])
    if isinstance(compiled, str):
        return [(0, f"invalid regular expression: {compiled}")]
    return []


@rule("has_pattern", 1, literal_check=_check_literal)
def has_pattern(env, operand, pattern):
    """Matches text in which the regular expression `pattern` is found (case-insensitive,
    `^`/`$` at line ends); the value is the matched text, and the extra holds the match as `0`
    and each group as `1`, `2`... (`@extra.1` after a `match`).

    `has_pattern("Buy cheese please", "buy (\\w+)")` -> `Buy cheese`, extra `{0: Buy cheese, 1: cheese}`."""
    texts = as_texts(operand, pattern)
    if isinstance(texts, XError):
        return texts
    compiled = compile_pattern(texts[1])
    if isinstance(compiled, str):
        return XError(INVALID_PATTERN)
    found = compiled.search(texts[0])
    if found is None:
        return None
    groups = [found.group(0)] + [g or "" for g in found.groups()]
    extra = {str(i): g for i, g in enumerate(groups)}
    return RuleMatch(groups[0], groups[0], extra)
