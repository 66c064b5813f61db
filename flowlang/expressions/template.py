"""Compiled templates and expressions: parse once, evaluate many times."""

from __future__ import annotations

import importlib
from typing import Any

from flowlang.expressions.checks import check
from flowlang.expressions.closures import compile_node
from flowlang.expressions.context import KNOWN_ROOTS, has_root
from flowlang.expressions.evaluation import Evaluation
from flowlang.expressions.limits import DEFAULT_LIMITS, Limits, truncate
from flowlang.expressions.parser import ParseError, parse
from flowlang.expressions.problems import Problem
from flowlang.expressions.scanner import Block, Reference, Text, scan
from flowlang.expressions.syntax import Literal, Lookup, Name, Node, references
from flowlang.expressions.values import Value, XError, render


_functions_loaded = False


def _load_functions() -> None:
    """Import goflow's function library so that compiled calls find it in the registry.

    Imported lazily (not at package import) because the library itself imports from this
    package; a missing or broken library leaves calls as "not a function" errors.
    """
    global _functions_loaded
    if _functions_loaded:
        return
    _functions_loaded = True
    try:
        importlib.import_module("flowlang.expressions.functions")
    except Exception:  # the library is optional for the engine itself
        pass


def _default_env():
    from flowlang.env import Environment

    return Environment()


def _failing(message: str):
    error = XError(message)
    return lambda e: error


def _compile_expression_text(text: str, offset: int, limits: Limits):
    """(closure, node or None, problems) for expression text found at `offset` in its source."""
    try:
        node = parse(text, limits.max_depth)
    except ParseError as e:
        problem = Problem(offset + e.start, offset + max(e.end, e.start), e.message)
        return _failing(e.message), None, [problem]
    problems = [p.shifted(offset) for p in check(node)]
    return compile_node(node), node, problems


def _reference_node(path: str, offset: int) -> Node:
    """The node for `@a.b.c`, parsed as goflow parses it (so `@a.0.2` looks up key "0.2")."""
    try:
        return parse(path)
    except ParseError:
        parts = path.split(".")
        node: Node = Name(parts[0].lower(), 0, len(parts[0]))
        position = len(parts[0])
        for part in parts[1:]:
            key = Literal(part, position + 1, position + 1 + len(part))
            node = Lookup(node, key, True, 0, key.end)
            position = key.end
        return node


class _Part:
    """One `@...` of a template: its closure, tree, and what it looks like in the source."""

    __slots__ = ("closure", "node", "source", "root")

    def __init__(self, closure, node, source: str, root: str | None):
        self.closure = closure
        self.node = node
        self.source = source  # e.g. "@(1 + 2)" or "@contact.name"
        self.root = root  # for references: the top-level name that must exist


class Template:
    """A compiled template. Build it with `compile_template`.

    >>> from decimal import Decimal
    >>> from flowlang.expressions import compile_template
    >>> t = compile_template("Hi @contact.name, you owe @(price * 2)!")
    >>> t.render({"contact": {"name": "Ben"}, "price": Decimal("1.5")}, None)
    ('Hi Ben, you owe 3!', [])
    >>> t.references()
    [('contact', 'name'), ('price',)]
    """

    __slots__ = ("source", "problems", "is_literal", "_pieces", "_limits", "_literal_text", "_single")

    def __init__(self, source: str, limits: Limits = DEFAULT_LIMITS):
        _load_functions()
        self.source = source
        self._limits = limits
        self.problems: list[Problem] = []
        pieces, unclosed = scan(source)
        for u in unclosed:
            self.problems.append(Problem(u.start, len(source), "'@(' is never closed, so it is plain text",
                                         hint="add the missing ')' or write '@@(' for a literal '@('",
                                         severity="warning"))
        compiled: list[Any] = []
        for piece in pieces:
            if type(piece) is Text:
                compiled.append(piece.text)
            elif type(piece) is Block:
                closure, node, problems = _compile_expression_text(piece.expression, piece.inner_start, limits)
                self.problems.extend(problems)
                compiled.append(_Part(closure, node, source[piece.start:piece.end], None))
            else:
                node = _reference_node(piece.path, piece.start + 1)
                root = piece.path.split(".", 1)[0].lower()
                compiled.append(_Part(compile_node(node), node, source[piece.start:piece.end], root))
        self._pieces = compiled
        self.is_literal = all(type(p) is str for p in compiled)
        self._literal_text = "".join(compiled) if self.is_literal else None
        self._single = compiled[0] if len(compiled) == 1 and type(compiled[0]) is _Part else None

    def render(self, context: dict, env: Any = None) -> tuple[str, list[str]]:
        """The text of the template and the errors met (goflow's EvaluateTemplate).

        A failing `@...` contributes nothing to the text and adds
        `error evaluating @...: message` to the errors.
        """
        if self._literal_text is not None:
            return truncate(self._literal_text, self._limits), []
        evaluation = Evaluation(context, env if env is not None else _default_env(), self._limits)
        out: list[str] = []
        errors: list[str] = []
        for piece in self._pieces:
            if type(piece) is str:
                out.append(piece)
                continue
            if piece.root is not None and not has_root(context, piece.root):
                out.append(piece.source)
                continue
            value = piece.closure(evaluation)
            if type(value) is XError:
                errors.append(f"error evaluating {piece.source}: {value.message}")
            else:
                out.append(render(value))
        return truncate("".join(out), self._limits), errors

    def value(self, context: dict, env: Any = None) -> Value:
        """The typed value of a template that is a single `@x` or `@(...)` (errors as values);
        otherwise the rendered text (goflow's EvaluateTemplateValue)."""
        single = self._single
        if single is not None and (single.root is None or has_root(context, single.root)):
            evaluation = Evaluation(context, env if env is not None else _default_env(), self._limits)
            return single.closure(evaluation)
        return self.render(context, env)[0]

    def references(self) -> list[tuple[str, ...]]:
        """The context paths the template reads, e.g. `("flow", "pedido")`, for static checks.

        `@name` references count only when `name` is a context root (or legacy root), so an
        e-mail address is not a reference.
        """
        found: list[tuple[str, ...]] = []
        for piece in self._pieces:
            if type(piece) is str or piece.node is None:
                continue
            for path in references(piece.node):
                if piece.root is not None and path[0] not in KNOWN_ROOTS:
                    continue
                if path not in found:
                    found.append(path)
        return found

    def __repr__(self) -> str:
        return f"Template({self.source!r})"


class Expression:
    """A compiled bare expression (the inside of `@(...)`). Build it with `compile_expression`.

    >>> from flowlang.expressions import compile_expression
    >>> compile_expression("1 + 2 * 3").evaluate({}, None)
    Decimal('7')
    """

    __slots__ = ("source", "problems", "_closure", "_node", "_limits")

    def __init__(self, source: str, limits: Limits = DEFAULT_LIMITS):
        _load_functions()
        self.source = source
        self._limits = limits
        self._closure, self._node, self.problems = _compile_expression_text(source, 0, limits)

    def evaluate(self, context: dict, env: Any = None) -> Value:
        """The expression's value; errors are returned as `XError` values."""
        evaluation = Evaluation(context, env if env is not None else _default_env(), self._limits)
        return self._closure(evaluation)

    def references(self) -> list[tuple[str, ...]]:
        """The context paths the expression reads."""
        return references(self._node) if self._node is not None else []

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"
