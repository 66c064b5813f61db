"""Splitting a template into literal text, `@path` references and `@(...)` expressions.

Rules (goflow's): `@@` is a literal `@`; `@(` starts an expression that runs to its balancing
`)`, skipping parentheses inside string literals (if it never balances, the rest of the
template is literal text);
`@` followed by a name starts a reference whose path continues over a `.` only when a name
character follows (`@contact.name.` and `@contact.name's` end at `name`). Any other `@` is
literal text. Whether a reference's root exists is decided later, against the context.
"""

from __future__ import annotations

import re
from typing import Iterator

import attrs

_PATH = re.compile(r"[^\W\d]\w*(?:\.\w+)*")


@attrs.frozen
class Text:
    text: str  # already unescaped
    start: int
    end: int


@attrs.frozen
class Reference:
    """`@a.b.c`: `path` is `a.b.c`, spanning `start:end` (the `@` included)."""

    path: str
    start: int
    end: int


@attrs.frozen
class Block:
    """`@(expr)`: `expression` is the text inside the parentheses, starting at `inner_start`."""

    expression: str
    inner_start: int
    start: int
    end: int


@attrs.frozen
class Unclosed:
    """An `@(` that never balances: rendered literally, reported as a warning."""

    start: int


Piece = Text | Reference | Block


def _closing_paren(text: str, open_at: int) -> int:
    """Index of the `)` balancing the `(` at `open_at`, or -1."""
    depth = 0
    i, size = open_at, len(text)
    while i < size:
        c = text[i]
        if c == '"':
            i += 1
            while i < size and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i
        i += 1
    return -1


def scan(text: str) -> tuple[list[Piece], list[Unclosed]]:
    """The pieces of a template, in order, with adjacent literal text merged."""
    pieces: list[Piece] = []
    unclosed: list[Unclosed] = []
    literal: list[str] = []
    literal_start = 0
    for piece in _pieces(text, unclosed):
        if type(piece) is Text:
            if not literal:
                literal_start = piece.start
            literal.append(piece.text)
            continue
        if literal:
            pieces.append(Text("".join(literal), literal_start, piece.start))
            literal = []
        pieces.append(piece)
    if literal:
        pieces.append(Text("".join(literal), literal_start, len(text)))
    return pieces, unclosed


def _pieces(text: str, unclosed: list[Unclosed]) -> Iterator[Piece]:
    size = len(text)
    pos = 0
    while pos < size:
        at = text.find("@", pos)
        if at < 0:
            yield Text(text[pos:], pos, size)
            return
        if at > pos:
            yield Text(text[pos:at], pos, at)
        following = text[at + 1] if at + 1 < size else ""
        if following == "@":
            yield Text("@", at, at + 2)
            pos = at + 2
        elif following == "(":
            close = _closing_paren(text, at + 1)
            if close < 0:
                # as in goflow, everything from an unclosed `@(` on is text
                unclosed.append(Unclosed(at))
                yield Text(text[at:], at, size)
                return
            else:
                yield Block(text[at + 2 : close], at + 2, at, close + 1)
                pos = close + 1
        else:
            match = _PATH.match(text, at + 1)
            if match is None:
                yield Text("@", at, at + 1)
                pos = at + 1
            else:
                yield Reference(match.group(), at, match.end())
                pos = match.end()
