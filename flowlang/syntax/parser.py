"""Source text -> FlowFile, or diagnostics that say where and why it is not a flow.

The Lark parser is built once per process (it is the slow part) and shared by every parse.
"""

from __future__ import annotations

import functools

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken, VisitError

from flowlang import resources
from flowlang.diagnostics import Diagnostic
from flowlang.syntax import ast
from flowlang.syntax.indent import IndentProblem, FlowIndenter, find_mixed_indentation
from flowlang.span import Span
from flowlang.syntax.strings import StringProblem, unescape


@functools.cache
def _parser() -> Lark:
    grammar = resources.grammar_path("flow.lark").read_text(encoding="utf-8")
    return Lark(
        grammar,
        parser="lalr",
        lexer="contextual",
        postlex=FlowIndenter(),
        propagate_positions=True,
        maybe_placeholders=True,
    )


def parse(source: str, path: str = "<string>") -> tuple[ast.FlowFile | None, list[Diagnostic]]:
    """Parse a whole .flow source. Never raises for bad input: problems come back as diagnostics."""
    if not source.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in source.splitlines()):
        return None, [Diagnostic.of("FL006", "the file is empty: no flow header", Span.point(path, 1, 1))]
    if "\x00" in source:
        line = source[: source.index("\x00")].count("\n") + 1
        return None, [Diagnostic.of("FL007", "this is a binary file, not a flow", Span.point(path, line, 1),
                                    "flow files are UTF-8 text")]
    mixed = find_mixed_indentation(source)
    if mixed is not None:
        line, column = mixed
        return None, [Diagnostic.of("FL004", "tabs and spaces are mixed in indentation", Span.point(path, line, column))]
    if not source.endswith("\n"):
        source += "\n"
    try:
        tree = _parser().parse(source)
        return _ToAst(path, source).transform(tree), []
    except IndentProblem as e:
        return None, [Diagnostic.of("FL005", e.message, Span.point(path, e.line, e.column))]
    except UnexpectedInput as e:
        return None, [_syntax_diagnostic(e, source, path)]
    except VisitError as e:
        if isinstance(e.orig_exc, StringProblem):
            p = e.orig_exc
            return None, [Diagnostic.of("FL001", p.message, Span.point(path, p.line, p.column), p.hint)]
        raise


# What the parser expected, in words an author understands.
_EXPECTED = {
    "NAME": "a name",
    "STRING": 'a string ("...")',
    "NUMBER": "a number",
    "DURATION": "a duration such as 30s, 10m, 2h or 7d",
    "REF": "a reference such as @input",
    "EXPR": "an expression @(...)",
    "_NL": "the end of the line",
    "_INDENT": "an indented block",
    "_DEDENT": "the end of the block",
    "MINUS": '"-"',
    "__ANON_0": '"->"',
    "$END": "the end of the file",
}


_STATEMENT_WORDS = {"send", "wait", "webhook", "match", "set", "goto", "end", "call", "use"}


def _describe_expected(expected: set[str]) -> str:
    words = sorted({_EXPECTED.get(name, _keyword(name)) for name in expected})
    if len(words) > 6:
        words = words[:6] + ["..."]
    return ", ".join(words)


def _keyword(terminal: str) -> str:
    pattern = _terminal_patterns().get(terminal)
    return f'"{pattern}"' if pattern else terminal.lower()


@functools.cache
def _terminal_patterns() -> dict[str, str]:
    patterns = {}
    for t in _parser().terminals:
        if t.pattern.type == "str":
            patterns[t.name] = t.pattern.value
    return patterns


def _describe_token(token: Token) -> str:
    if token.type == "_NL":
        return "end of line"
    if token.type == "_INDENT":
        return "indentation"
    if token.type == "_DEDENT":
        return "end of block"
    if token.type == "$END":
        return "end of file"
    return repr(str(token))


def _syntax_diagnostic(e: UnexpectedInput, source: str, path: str) -> Diagnostic:
    if isinstance(e, UnexpectedCharacters):
        char = source[e.pos_in_stream] if e.pos_in_stream < len(source) else ""
        span = Span.point(path, e.line, e.column)
        if char == '"':
            return Diagnostic.of("FL002", "unterminated string", span)
        if char == "@":
            return Diagnostic.of(
                "FL001", "this @-expression is not complete or nests too deeply to write bare",
                span, 'put it in a string: "@(...)"',
            )
        expected = _describe_expected(set(e.allowed or ()))
        return Diagnostic.of("FL003", f"unexpected character {char!r}", span, f"expected {expected}" if expected else None)
    if isinstance(e, UnexpectedToken):
        token = e.token
        expected = set(e.expected or ())
        if token.type == "$END" or token.line is None:
            lines = source.splitlines() or [""]
            span = Span.point(path, len(lines), len(lines[-1]) + 1)
        elif token.type in ("_NL",):
            # point at the end of the line, where something is missing
            span = Span.point(path, token.line, token.column)
        elif token.type in ("_INDENT", "_DEDENT"):
            line = (token.end_line or token.line)
            col = len(str(token).rsplit("\n", 1)[-1]) + 1
            span = Span.point(path, line, col)
        else:
            span = Span(path, token.line, token.column, token.end_line or token.line,
                        token.end_column or token.column + len(str(token)))
        if token.type == "_INDENT":
            return Diagnostic.of("FL001", "unexpected indentation", span,
                                 "only the options of a webhook and the cases of a match are indented under a statement")
        if "DURATION" in expected and token.type in ("NUMBER", "NAME"):
            return Diagnostic.of("FL012", f"bad duration {str(token)!r}", span)
        if token.column == 1 and str(token) in _STATEMENT_WORDS:
            return Diagnostic.of("FL001", f"statement {str(token)!r} outside a node", span,
                                 "statements go inside a labelled node, indented under its `label:` line")
        if token.type == "NAME" and expected and expected <= {"_NL"}:
            return Diagnostic.of("FL001", f"unexpected {str(token)!r} at the end of the statement", span,
                                 "one statement per line")
        return Diagnostic.of("FL001", f"unexpected {_describe_token(token)}", span,
                             f"expected {_describe_expected(expected)}" if expected else None)
    if isinstance(e, UnexpectedEOF):
        lines = source.splitlines() or [""]
        return Diagnostic.of("FL001", "unexpected end of file", Span.point(path, len(lines), len(lines[-1]) + 1))
    return Diagnostic.of("FL001", str(e).splitlines()[0], Span.point(path, getattr(e, "line", 1) or 1, getattr(e, "column", 1) or 1))


def _without_comment(line: str) -> str:
    """The line up to a `#` that is not inside a string."""
    in_string = escaped = False
    for i, ch in enumerate(line):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = in_string
        elif ch == '"':
            in_string = not in_string
        elif ch == "#" and not in_string:
            return line[:i]
    return line


def _token_span(path: str, token: Token) -> Span:
    return Span(path, token.line, token.column, token.end_line, token.end_column)


def _meta_span(path: str, meta) -> Span:
    if getattr(meta, "empty", False):
        return Span.point(path, 1, 1)
    return Span(path, meta.line, meta.column, meta.end_line, meta.end_column)


@v_args(meta=True)
class _ToAst(Transformer):
    """Lark tree -> flowlang.syntax.ast; every node gets the span of what it was written as."""

    def __init__(self, path: str, source: str):
        super().__init__()
        self.path = path
        self.source = source

    def _span(self, meta) -> Span:
        """The span of what was written, without the newline, indentation and comments that
        Lark's positions include because the statement's closing _NL token holds them."""
        if getattr(meta, "empty", False):
            return Span.point(self.path, 1, 1)
        lines = self.source[meta.start_pos:meta.end_pos].split("\n")
        while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()
        last = _without_comment(lines[-1]).rstrip()
        end_line = meta.line + len(lines) - 1
        end_column = (meta.column if len(lines) == 1 else 1) + len(last)
        return Span(self.path, meta.line, meta.column, end_line, max(end_column, meta.column + 1))

    # -- leaves ---------------------------------------------------------------------------

    def _name(self, token: Token) -> ast.Name:
        return ast.Name(str(token), _token_span(self.path, token))

    def _text(self, token: Token) -> ast.Text:
        raw = str(token)
        span = _token_span(self.path, token)
        if token.type == "STRING":
            return ast.Text(unescape(raw, span), raw, span)
        return ast.Text(raw, raw, span)

    def _arg(self, token: Token) -> ast.Text | ast.Number:
        if token.type == "NUMBER":
            return ast.Number(str(token), _token_span(self.path, token))
        return self._text(token)

    def _opt_name(self, token: Token | None) -> ast.Name | None:
        return None if token is None else self._name(token)

    def _duration(self, token: Token | None) -> ast.Duration | None:
        return None if token is None else ast.Duration(str(token), _token_span(self.path, token))

    # -- structure ------------------------------------------------------------------------

    def start(self, meta, children):
        header, *rest = children
        uses = tuple(c for c in rest if isinstance(c, ast.Use))
        nodes = tuple(c for c in rest if isinstance(c, ast.Node))
        return ast.FlowFile(self.path, header, nodes, _meta_span(self.path, meta), uses)

    def use(self, meta, children):
        return ast.Use(tuple(self._name(t) for t in children), self._span(meta))

    def header(self, meta, children):
        name, title = children
        return ast.FlowHeader(self._name(name), None if title is None else self._text(title), self._span(meta))

    def node(self, meta, children):
        label, *statements = children
        return ast.Node(self._name(label), tuple(statements), self._span(meta))

    def send(self, meta, children):
        text, replies = children
        return ast.Send(self._text(text), replies or (), self._span(meta))

    def quick_replies(self, meta, children):
        return tuple(self._text(t) for t in children if t is not None)

    def wait(self, meta, children):
        result, timeout = children
        duration, target = timeout if timeout is not None else (None, None)
        return ast.Wait(self._opt_name(result), duration, target, self._span(meta))

    def wait_timeout(self, meta, children):
        duration, target = children
        return (self._duration(duration), self._name(target))

    def webhook(self, meta, children):
        method, url, result, *options = children
        options = [o for o in options if o is not None]
        headers = tuple(o for o in options if isinstance(o, ast.Header))
        ons = tuple(o for o in options if isinstance(o, ast.WebhookOn))
        bodies = [o[1] for o in options if isinstance(o, tuple) and o[0] == "body"]
        timeouts = [o[1] for o in options if isinstance(o, tuple) and o[0] == "timeout"]
        return ast.Webhook(
            self._name(method), self._text(url), self._opt_name(result), headers,
            bodies[0] if bodies else None, timeouts[0] if timeouts else None, ons,
            self._span(meta),
            tuple(o.span for o in bodies[1:] + timeouts[1:]),
        )

    def header_option(self, meta, children):
        name, value = children
        return ast.Header(self._text(name), self._text(value), self._span(meta))

    def body_option(self, meta, children):
        (value,) = children
        return ("body", self._text(value))

    def timeout_option(self, meta, children):
        (duration,) = children
        return ("timeout", self._duration(duration))

    def on_option(self, meta, children):
        outcome, target = children
        return ast.WebhookOn(self._name(outcome), self._name(target), self._span(meta))

    def match(self, meta, children):
        operand, result, *branches = children
        cases = tuple(b for b in branches if isinstance(b, ast.Case))
        others = [b for b in branches if isinstance(b, ast.Other)]
        return ast.Match(
            self._text(operand), self._opt_name(result), cases,
            others[0] if others else None, tuple(others[1:]), self._span(meta),
        )

    def case(self, meta, children):
        rule, *rest = children
        *arguments, category, target = rest
        return ast.Case(
            self._name(rule), tuple(self._arg(a) for a in arguments), category, self._name(target),
            self._span(meta),
        )

    def other(self, meta, children):
        category, target = children
        return ast.Other(category, self._name(target), self._span(meta))

    def category(self, meta, children):
        (token,) = children
        return self._text(token) if token.type == "STRING" else self._name(token)

    def set(self, meta, children):
        scope, name, value = children
        return ast.Set(self._name(scope), self._name(name), self._arg(value), self._span(meta))

    def goto(self, meta, children):
        (target,) = children
        return ast.Goto(self._name(target), self._span(meta))

    def end(self, meta, children):
        return ast.End(self._span(meta))

    def call(self, meta, children):
        (flow,) = children
        return ast.Call(self._name(flow), self._span(meta))
