"""Stage 1: source text -> syntax tree (flowlang.syntax.ast), with spans on every node."""

from flowlang.syntax.parser import parse

__all__ = ["parse"]
