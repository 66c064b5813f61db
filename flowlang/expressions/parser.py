"""Expression text -> syntax tree: a regex lexer and a hand-written Pratt parser.

Precedence (tightest first), as in goflow's Excellent grammar: lookups and calls on atoms
(`a.b`, `a[0]`, `f(x)`), unary minus, `^`, `* /`, `+ -`, `< <= > >=`, `= !=`, `&`; all binary
operators associate to the left. `true`, `false` and `null` are not atoms, so `null.x` is a
syntax error, as in goflow. Errors carry goflow's message, `syntax error at <rest of text>`.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs

from flowlang.expressions.syntax import Binary, Call, Lambda, Literal, Lookup, Name, Node, Unary

DEFAULT_MAX_DEPTH = 50


class ParseError(Exception):
    """A syntax problem at `start:end` of the expression text.

    `message` is goflow's wording (what evaluation reports); `explanation` is for authors.
    """

    def __init__(self, start: int, end: int, message: str, explanation: str | None = None):
        super().__init__(message)
        self.start = start
        self.end = end
        self.message = message
        self.explanation = explanation or message


_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<num>[0-9]+(?:\.[0-9]+)?)
  | (?P<str>"(?:[^"\\]|\\.|"")*")
  | (?P<name>[^\W\d]\w*)
  | (?P<op>=>|<=|>=|!=|[-+*/^&=<>()\[\],.])
    """,
    re.VERBOSE | re.DOTALL,
)

_KEYWORDS = {"true": True, "false": False, "null": None}

# binding power of each infix operator; higher binds tighter
_BINDING = {"&": 10, "=": 20, "!=": 20, "<": 30, "<=": 30, ">": 30, ">=": 30,
            "+": 40, "-": 40, "*": 50, "/": 50, "^": 60}
_UNARY_BINDING = 70

_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v",
                   "\\": "\\", '"': '"'}
_ESCAPE = re.compile(r"\\(x[0-9a-fA-F]{2}|[0-7]{3}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)", re.DOTALL)


class _Invalid(Exception):
    pass


def _escape(match: re.Match) -> str:
    code = match.group(1)
    if len(code) == 1:
        if code not in _SIMPLE_ESCAPES:
            raise _Invalid
        return _SIMPLE_ESCAPES[code]
    point = int(code, 8) if code[0] in "01234567" else int(code[1:], 16)
    if point > 0x10FFFF or 0xD800 <= point <= 0xDFFF or (code[0] in "01234567" and point > 255):
        raise _Invalid
    return chr(point)


def unescape(body: str) -> str:
    """The text a string literal's body (between its quotes) stands for.

    goflow unquotes literals as Go does (`\\n`, `\\t`, `\\"`, `\\u00e9`, ...) and, when the
    literal is not valid Go (say the regex `"\\d+"`), keeps the body exactly as written. A doubled
    quote (`""`) is a quote, as in legacy Excel-style expressions; modern goflow has no meaning
    for it, so nothing modern changes.
    """
    if '""' in body:
        body = body.replace('""', '\\"')
    if "\\" not in body:
        return body
    if "\n" in body:
        return body
    try:
        return _ESCAPE.sub(_escape, body)
    except _Invalid:
        return body


def tokenize(text: str) -> list[tuple[str, str, int, int]]:
    """(kind, text, start, end) tuples ending with an `eof` token; raises ParseError."""
    tokens = []
    pos, size = 0, len(text)
    match = _TOKEN.match
    while pos < size:
        m = match(text, pos)
        if m is None:
            explanation = f"syntax error: unexpected {text[pos]!r}"
            if text[pos] == '"':
                explanation = "syntax error: this text literal is never closed"
            elif text[pos] == "'":
                explanation = "syntax error: text literals use double quotes (\"...\")"
            raise ParseError(pos, size, f"syntax error at {text[pos:]}", explanation)
        kind = m.lastgroup
        if kind != "ws":
            tokens.append((kind, m.group(), pos, m.end()))
        pos = m.end()
    tokens.append(("eof", "", size, size))
    return tokens


class _Parser:
    def __init__(self, text: str, max_depth: int):
        self.text = text
        self.tokens = tokenize(text)
        self.pos = 0
        self.depth = 0
        self.max_depth = max_depth

    def error(self, token) -> ParseError:
        if token[0] == "eof":
            explanation = "syntax error: the expression ends where more was expected"
        else:
            explanation = f"syntax error: unexpected {token[1]!r}"
        return ParseError(token[2], max(token[3], token[2] + 1), f"syntax error at {self.text[token[2]:]}", explanation)

    def peek(self, ahead: int = 0):
        index = min(self.pos + ahead, len(self.tokens) - 1)
        return self.tokens[index]

    def next(self):
        token = self.tokens[self.pos]
        if token[0] != "eof":
            self.pos += 1
        return token

    def expect(self, op: str):
        token = self.next()
        if token[0] != "op" or token[1] != op:
            raise self.error(token)
        return token

    def parse(self) -> Node:
        node = self.expression(0)
        token = self.peek()
        if token[0] != "eof":
            raise self.error(token)
        return node

    def expression(self, right_binding: int) -> Node:
        self.depth += 1
        if self.depth > self.max_depth:
            token = self.peek()
            raise ParseError(token[2], token[3], f"expression nested too deeply (more than {self.max_depth} levels)")
        left = self.prefix()
        chain = 0  # `a & b & c ...` nests to the left: each link deepens the tree by one
        while True:
            token = self.peek()
            binding = _BINDING.get(token[1]) if token[0] == "op" else None
            if binding is None or binding <= right_binding:
                break
            chain += 1
            if self.depth + chain > self.max_depth:
                raise ParseError(token[2], token[3], f"expression nested too deeply (more than {self.max_depth} levels)")
            self.next()
            right = self.expression(binding)
            left = Binary(token[1], left, right, left.start, right.end)
        self.depth -= 1
        return left

    def prefix(self) -> Node:
        token = self.next()
        kind, value, start, end = token
        if kind == "num":
            return self.postfix(Literal(Decimal(value), start, end))
        if kind == "str":
            return self.postfix(Literal(unescape(value[1:-1]), start, end))
        if kind == "name":
            lowered = value.lower()
            if lowered in _KEYWORDS:
                following, closing = self.peek(), self.peek(1)
                if lowered != "null" and following[1] == "(" and closing[1] == ")":
                    self.pos += 2  # legacy Excel-style TRUE() and FALSE()
                    return Literal(_KEYWORDS[lowered], start, closing[3])
                return Literal(_KEYWORDS[lowered], start, end)
            return self.postfix(Name(lowered, start, end))
        if kind == "op" and value == "-":
            operand = self.expression(_UNARY_BINDING)
            return Unary("-", operand, start, operand.end)
        if kind == "op" and value == "(":
            params = self.lambda_params()
            if params is not None:
                body = self.expression(0)
                return Lambda(params, body, start, body.end)
            inner = self.expression(0)
            close = self.expect(")")
            # the parentheses are part of the node's span, so problems point at all of it
            return self.postfix(_respan(inner, start, close[3]))
        raise self.error(token)

    def lambda_params(self) -> tuple[str, ...] | None:
        """After `(`: if this is `(a, b) =>`, consume through the arrow and return the names."""
        names, ahead = [], 0
        if self.peek(0)[1] == ")" and self.peek(0)[0] == "op":
            ahead = 1
        else:
            while True:
                token = self.peek(ahead)
                if token[0] != "name":
                    return None
                names.append(token[1].lower())
                separator = self.peek(ahead + 1)
                ahead += 2
                if separator[0] == "op" and separator[1] == ")":
                    break
                if not (separator[0] == "op" and separator[1] == ","):
                    return None
        arrow = self.peek(ahead)
        if arrow[0] != "op" or arrow[1] != "=>":
            return None
        self.pos += ahead + 1
        return tuple(names)

    def postfix(self, node: Node) -> Node:
        chain = 0
        while True:
            token = self.peek()
            if token[0] != "op":
                return node
            op = token[1]
            if op in ".[(":
                # each lookup or call nests the tree one level deeper, like parentheses do
                chain += 1
                if self.depth + chain > self.max_depth:
                    raise ParseError(token[2], token[3], f"expression nested too deeply (more than {self.max_depth} levels)")
            if op == ".":
                self.next()
                key = self.next()
                # after a dot: a name or a whole number (`items.0`); `a.0.2` is a syntax error
                if key[0] not in ("name", "num") or "." in key[1]:
                    raise self.error(key)
                node = Lookup(node, Literal(key[1], key[2], key[3]), True, node.start, key[3])
            elif op == "[":
                self.next()
                self.depth += 1
                index = self.expression(0)
                self.depth -= 1
                close = self.expect("]")
                node = Lookup(node, index, False, node.start, close[3])
            elif op == "(":
                self.next()
                args = []
                if self.peek()[1] == ")" and self.peek()[0] == "op":
                    close = self.next()
                else:
                    while True:
                        args.append(self.expression(0))
                        close = self.next()
                        if close[0] == "op" and close[1] == ")":
                            break
                        if not (close[0] == "op" and close[1] == ","):
                            raise self.error(close)
                node = Call(node, tuple(args), node.start, close[3])
            else:
                return node


def _respan(node: Node, start: int, end: int) -> Node:
    return attrs.evolve(node, start=start, end=end)


def parse(text: str, max_depth: int = DEFAULT_MAX_DEPTH) -> Node:
    """Parse an expression (the inside of `@(...)`); raises ParseError."""
    return _Parser(text, max_depth).parse()
