"""Indentation: Lark's indenter, with errors that carry a place, and the tab check."""

from __future__ import annotations

from lark import Token
from lark.indenter import Indenter


class IndentProblem(Exception):
    def __init__(self, message: str, line: int, column: int):
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class FlowIndenter(Indenter):
    NL_type = "_NL"
    OPEN_PAREN_types = ["LSQB"]
    CLOSE_PAREN_types = ["RSQB"]
    INDENT_type = "_INDENT"
    DEDENT_type = "_DEDENT"
    tab_len = 8

    def handle_NL(self, token: Token):
        # Same as Lark's, but a dedent to a column no outer block uses is reported with
        # the line and column of the offending statement instead of a bare DedentError.
        if self.paren_level > 0:
            return
        yield token
        indent_str = token.rsplit("\n", 1)[1]
        indent = indent_str.count(" ") + indent_str.count("\t") * self.tab_len
        if indent > self.indent_level[-1]:
            self.indent_level.append(indent)
            yield Token.new_borrow_pos(self.INDENT_type, indent_str, token)
        else:
            levels = list(self.indent_level)
            while indent < self.indent_level[-1]:
                self.indent_level.pop()
                yield Token.new_borrow_pos(self.DEDENT_type, indent_str, token)
            if indent != self.indent_level[-1]:
                shown = " or ".join(str(level) for level in levels)
                raise IndentProblem(
                    f"this line is indented by {indent}, but the blocks around it are indented by {shown}",
                    token.end_line, len(indent_str) + 1,
                )


def find_mixed_indentation(source: str) -> tuple[int, int] | None:
    """The (line, column) of the first line whose indentation mixes tabs and spaces, or that
    indents with a different character than the lines before it; None if consistent."""
    seen: str | None = None
    for number, line in enumerate(source.splitlines(), start=1):
        stripped = line.lstrip(" \t")
        if not stripped or stripped.startswith("#"):
            continue
        indent = line[: len(line) - len(stripped)]
        if not indent:
            continue
        kinds = set(indent)
        if len(kinds) > 1:
            return number, 1
        kind = indent[0]
        if seen is None:
            seen = kind
        elif kind != seen:
            return number, 1
    return None
