"""String literals: the escapes a flow author may write."""

from __future__ import annotations

from flowlang.span import Span

_ESCAPES = {'"': '"', "\\": "\\", "n": "\n", "t": "\t", "r": "\r"}


class StringProblem(Exception):
    def __init__(self, message: str, line: int, column: int, hint: str | None = None):
        super().__init__(message)
        self.message, self.line, self.column, self.hint = message, line, column, hint


def unescape(raw: str, span: Span) -> str:
    r"""`"Hi \"Ben\"\n"` -> `Hi "Ben"` + newline. Unknown escapes are an error with a place."""
    body = raw[1:-1]
    if "\\" not in body:
        return body
    out, i = [], 0
    while i < len(body):
        ch = body[i]
        if ch == "\\" and i + 1 < len(body):
            nxt = body[i + 1]
            if nxt not in _ESCAPES:
                raise StringProblem(
                    f"unknown escape \\{nxt} in string", span.line, span.column + 1 + i,
                    'write \\" for a quote, \\\\ for a backslash, \\n for a new line',
                )
            out.append(_ESCAPES[nxt])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)
