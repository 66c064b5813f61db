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
from flowlang.expressions.scanner import Block, Text, scan
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


_DEFAULT_ENV = None


def _default_env():
    """UTC, day-first dates, the clock at the epoch: used when the caller passes no environment."""
    global _DEFAULT_ENV
    if _DEFAULT_ENV is None:
        from flowlang.env import Environment  # the env package is a sibling stage: import late

        _DEFAULT_ENV = Environment()
    return _DEFAULT_ENV


def _failing(message: str):
    error = XError(message)
    return lambda e: error


def _compile_expression_text(text: str, offset: int, limits: Limits):
    """(closure, node or None, problems) for expression text found at `offset` in its source."""
    try:
        node = parse(text, limits.max_depth)
    except ParseError as e:
        problem = Problem(offset + e.start, offset + max(e.end, e.start), e.explanation)
        return _failing(e.message), None, [problem]
    problems = [p.shifted(offset) for p in check(node)]
    return compile_node(node), node, problems


def _reference_node(path: str) -> Node | ParseError:
    """The node for `@a.b.c`, parsed as goflow parses it: `@a.0.2` is a syntax error (a
    decimal after a dot), while a key that starts with a digit (`@flow.2factor`, common in
    legacy flows) is accepted as a key."""
    try:
        return parse(path)
    except ParseError as e:
        parts = path.split(".")
        if any(a.isdigit() and b.isdigit() for a, b in zip(parts, parts[1:])):
            return e
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
            self.problems.append(Problem(u.start, len(source), "'@(' is never closed, so the rest of the text is shown as written",
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
                root = piece.path.split(".", 1)[0].lower()
                if piece.path.count(".") >= limits.max_depth:
                    message = f"reference nested too deeply (more than {limits.max_depth} levels)"
                    self.problems.append(Problem(piece.start, piece.end, message))
                    compiled.append(_Part(_failing(message), None, source[piece.start:piece.end], root))
                    continue
                node = _reference_node(piece.path)
                if isinstance(node, ParseError):  # no problem reported: it is text if the root is absent
                    compiled.append(_Part(_failing(node.message), None, source[piece.start:piece.end], root))
                    continue
                compiled.append(_Part(compile_node(node), node, source[piece.start:piece.end], root))
        self._pieces = compiled
        # `@name` with a name that is not a context root is text in every flow (an e-mail
        # address, a mention), so such a template is literal for static purposes
        self.is_literal = all(type(p) is str or (p.root is not None and p.root not in KNOWN_ROOTS)
                              for p in compiled)
        plain = all(type(p) is str for p in compiled)
        self._literal_text = "".join(compiled) if plain else None
        self._single = compiled[0] if len(compiled) == 1 and type(compiled[0]) is _Part else None

    def render(self, context: dict, env: Any = None, escape=None) -> tuple[str, list[str]]:
        """The text of the template and the errors met (goflow's EvaluateTemplate).

        A failing `@...` contributes nothing to the text and adds
        `error evaluating @...: message` to the errors. `escape`, when given, is applied to
        each value's text but not to the template's own text (webhook URLs escape values).
        """
        if self._literal_text is not None:
            return truncate(self._literal_text, self._limits), []
        evaluation = Evaluation(context, env if env is not None else _default_env(), self._limits)
        out: list[str] = []
        append = out.append
        errors: list[str] = []
        for piece in self._pieces:
            if piece.__class__ is str:
                append(piece)
                continue
            root = piece.root
            if root is not None and root not in context and not has_root(context, root):
                append(piece.source)
                continue
            try:
                value = piece.closure(evaluation)
                kind = value.__class__
                if kind is not str and kind is not XError:
                    value = render(value)
                    kind = str
            except (RecursionError, MemoryError):  # a value nested absurdly deep (hostile JSON)
                value, kind = XError("value too deeply nested or too big to evaluate"), XError
            if kind is str:
                append(value if escape is None else escape(value))
            else:
                errors.append(f"error evaluating {piece.source}: {value.message}")
        text = "".join(out)
        if len(text) > self._limits.max_output:
            text = truncate(text, self._limits)
        return text, errors

    def value(self, context: dict, env: Any = None) -> Value:
        """The typed value of a template that is a single `@x` or `@(...)` (errors as values);
        otherwise the rendered text (goflow's EvaluateTemplateValue)."""
        single = self._single
        if single is not None and (single.root is None or has_root(context, single.root)):
            evaluation = Evaluation(context, env if env is not None else _default_env(), self._limits)
            try:
                return single.closure(evaluation)
            except (RecursionError, MemoryError):
                return XError("value too deeply nested or too big to evaluate")
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
        try:
            return self._closure(evaluation)
        except (RecursionError, MemoryError):
            return XError("value too deeply nested or too big to evaluate")

    def references(self) -> list[tuple[str, ...]]:
        """The context paths the expression reads."""
        return references(self._node) if self._node is not None else []

    def __repr__(self) -> str:
        return f"Expression({self.source!r})"
