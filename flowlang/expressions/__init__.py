"""The expression language: `@`-templates and `@(...)` expressions (goflow's Excellent).

Templates and expressions are compiled once into closures and evaluated many times against a
context dict (values as in `flowlang.expressions.values`) and an `Environment`:

>>> from flowlang.expressions import evaluate, evaluate_template
>>> evaluate_template("@contact.name has @(count) new @@mentions", {"contact": {"name": "Ana"}, "count": 2})
('Ana has 2 new @mentions', [])
>>> evaluate('"a" & 1 + 2', {})
'a3'

Nothing here raises on bad input: syntax errors are `Problem`s at compile time and error
values (`XError`) at evaluation time.

The modules, in the order text flows through them: `scanner` (template -> text, `@refs`,
`@(blocks)`), `parser` (expression text -> `syntax` tree), `checks` (static problems),
`closures` (tree -> Python closures), `template` (the compiled `Template`/`Expression`),
and at evaluation time `evaluation` (per-call state and budget), `context` and `objects`
(names and lookups), `legacy` (`@flow`, `@extra`, `@step`...), `operators`, `calls`
(invoking `registry` functions), `values` (the value model) and `limits`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from flowlang.expressions.limits import DEFAULT_LIMITS, Limits
from flowlang.expressions.problems import Problem
from flowlang.expressions.template import Expression, Template
from flowlang.expressions.values import Value, XError, XFunction, XObject


@lru_cache(maxsize=4096)
def compile_template(text: str) -> Template:
    """Compile a template; never raises (problems are in `Template.problems`).

    >>> t = compile_template("Hello @(upper(")
    >>> t.is_literal, [p.severity for p in t.problems]
    (True, ['warning'])
    """
    return Template(text)


@lru_cache(maxsize=4096)
def compile_expression(text: str) -> Expression:
    """Compile an expression (no `@`); never raises (problems are in `Expression.problems`).

    >>> compile_expression("1 +").problems[0].message
    'syntax error: the expression ends where more was expected'
    >>> compile_expression("1 +").evaluate({})   # evaluation reports goflow's wording
    XError(message='syntax error at ')
    """
    return Expression(text)


def evaluate_template(template: str, context: dict, env: Any = None) -> tuple[str, list[str]]:
    """Render a template once: `(text, error messages)`."""
    return compile_template(template).render(context, env)


def evaluate(expression: str, context: dict, env: Any = None) -> Value:
    """Evaluate an expression once; errors come back as `XError` values."""
    return compile_expression(expression).evaluate(context, env)


__all__ = [
    "DEFAULT_LIMITS",
    "Expression",
    "Limits",
    "Problem",
    "Template",
    "Value",
    "XError",
    "XFunction",
    "XObject",
    "compile_expression",
    "compile_template",
    "evaluate",
    "evaluate_template",
]
