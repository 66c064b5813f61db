"""The expression syntax tree: small frozen nodes, each with its span in the expression text.

The tree exists only between parsing and compiling (`compile.py` turns it into closures) and
for static questions such as which context paths a template references.
"""

from __future__ import annotations

from typing import Any, Union

import attrs


@attrs.frozen
class Literal:
    value: Any
    start: int
    end: int


@attrs.frozen
class Name:
    """A bare name: a lambda parameter, a context root or a function."""

    name: str  # lower-cased: names are case-insensitive
    start: int
    end: int


@attrs.frozen
class Lookup:
    """`target.key` (dotted, key a literal) or `target[key]`."""

    target: "Node"
    key: "Node"
    dotted: bool
    start: int
    end: int


@attrs.frozen
class Call:
    func: "Node"
    args: tuple["Node", ...]
    start: int
    end: int


@attrs.frozen
class Unary:
    op: str
    operand: "Node"
    start: int
    end: int


@attrs.frozen
class Binary:
    op: str
    left: "Node"
    right: "Node"
    start: int
    end: int


@attrs.frozen
class Lambda:
    params: tuple[str, ...]
    body: "Node"
    start: int
    end: int


Node = Union[Literal, Name, Lookup, Call, Unary, Binary, Lambda]


def path_of(node: Node) -> tuple[str, ...] | None:
    """The context path a node reads (`contact.fields.age` -> ("contact", "fields", "age")),
    or None if it is not a plain chain of names and literal keys."""
    keys: list[str] = []
    while isinstance(node, Lookup):
        if not isinstance(node.key, Literal) or not isinstance(node.key.value, str):
            return None
        keys.append(node.key.value)
        node = node.target
    if not isinstance(node, Name):
        return None
    keys.append(node.name)
    return tuple(reversed(keys))


def references(node: Node, bound: frozenset[str] = frozenset()) -> list[tuple[str, ...]]:
    """Every context path read by an expression, longest chains only, lambda parameters excluded."""
    found: list[tuple[str, ...]] = []
    _collect(node, bound, found)
    return found


def _collect(node: Node, bound: frozenset[str], found: list[tuple[str, ...]]) -> None:
    if isinstance(node, (Name, Lookup)):
        path = path_of(node)
        if path is not None:
            if path[0] not in bound:
                found.append(path)
            return
    if isinstance(node, Lookup):
        _collect(node.target, bound, found)
        _collect(node.key, bound, found)
    elif isinstance(node, Call):
        if not isinstance(node.func, Name):
            _collect(node.func, bound, found)
        for arg in node.args:
            _collect(arg, bound, found)
    elif isinstance(node, Unary):
        _collect(node.operand, bound, found)
    elif isinstance(node, Binary):
        _collect(node.left, bound, found)
        _collect(node.right, bound, found)
    elif isinstance(node, Lambda):
        _collect(node.body, bound | frozenset(node.params), found)
