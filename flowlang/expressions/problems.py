"""Compile-time problems in templates and expressions, placed by offsets into the source text."""

from __future__ import annotations

from typing import Literal

import attrs


@attrs.frozen
class Problem:
    """Something wrong with a template, found without evaluating it.

    `start`/`end` are offsets into the template text (the compiler turns them into line:col).
    """

    start: int
    end: int
    message: str
    hint: str | None = None
    severity: Literal["error", "warning"] = "error"

    def shifted(self, offset: int) -> "Problem":
        """The same problem in a text where this one starts at `offset`."""
        return attrs.evolve(self, start=self.start + offset, end=self.end + offset)
