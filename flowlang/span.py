"""Where something is in a source file."""

from __future__ import annotations

import attrs


@attrs.frozen
class Span:
    """A region of a source file. Lines and columns count from 1; `end_column` is exclusive."""

    path: str
    line: int
    column: int
    end_line: int
    end_column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"

    @classmethod
    def point(cls, path: str, line: int, column: int, width: int = 1) -> "Span":
        return cls(path, line, column, line, column + max(width, 1))

    def narrow(self, start: int, end: int) -> "Span":
        """A sub-span of a single-line span, by column offsets from its start."""
        return Span(self.path, self.line, self.column + start, self.line, self.column + max(end, start + 1))
