"""What each statement says: durations, methods, rules and their arguments, templates,
and references to results that are never saved."""

from __future__ import annotations

import difflib
from typing import Iterator

from flowlang import expressions, rules
from flowlang.check.durations import MAX_WAIT_SECONDS, parse_duration
from flowlang.diagnostics import Diagnostic
from flowlang.syntax import ast

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")
OUTCOMES = ("success", "failure")
SET_SCOPES = ("flow", "contact")


def saved_results(flow: ast.FlowFile) -> set[str]:
    """Names of every result the flow can save (`@flow.NAME` that can resolve)."""
    names = set()
    for node in flow.nodes:
        for s in node.statements:
            if isinstance(s, (ast.Wait, ast.Webhook, ast.Match)) and s.result is not None:
                names.add(s.result.text.lower())
            elif isinstance(s, ast.Set) and s.scope.text == "flow":
                names.add(s.name.text.lower())
    return names


def templates_of(statement: ast.Statement) -> Iterator[ast.Text]:
    if isinstance(statement, ast.Send):
        yield statement.text
        yield from statement.quick_replies
    elif isinstance(statement, ast.Webhook):
        yield statement.url
        for header in statement.headers:
            yield header.name
            yield header.value
        if statement.body is not None:
            yield statement.body
    elif isinstance(statement, ast.Match):
        yield statement.operand
        for case in statement.cases:
            yield from (a for a in case.arguments if isinstance(a, ast.Text))
    elif isinstance(statement, ast.Set) and isinstance(statement.value, ast.Text):
        yield statement.value


def check_statements(flow: ast.FlowFile, flows: set[str]) -> list[Diagnostic]:
    results = saved_results(flow)
    diagnostics: list[Diagnostic] = []
    for node in flow.nodes:
        for statement in node.statements:
            diagnostics += _check_statement(statement)
            if isinstance(statement, ast.Call) and statement.flow.text not in flows:
                close = difflib.get_close_matches(statement.flow.text, sorted(flows), n=1)
                diagnostics.append(Diagnostic.of(
                    "FL050", f"no flow {statement.flow.text!r} in this compilation", statement.flow.span,
                    f"did you mean {close[0]!r}?" if close else None))
            for text in templates_of(statement):
                diagnostics += _check_template(text, results)
    return diagnostics


def _check_duration(duration: ast.Duration | None, wait: bool) -> list[Diagnostic]:
    if duration is None:
        return []
    seconds = parse_duration(duration.text)
    if seconds is None:
        unit = duration.text.lstrip("0123456789")
        return [Diagnostic.of("FL012", f"bad duration {duration.text!r}: unknown unit {unit!r}", duration.span)]
    if wait and not (1 <= seconds <= MAX_WAIT_SECONDS):
        return [Diagnostic.of("FL018", f"a wait of {duration.text} is out of range", duration.span)]
    if not wait and not (1 <= seconds <= 3600):
        return [Diagnostic.of("FL018", f"a webhook timeout of {duration.text} is out of range", duration.span,
                              "a webhook timeout may be from 1 second to 1 hour")]
    return []


def _check_statement(s: ast.Statement) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    if isinstance(s, ast.Wait):
        out += _check_duration(s.timeout, wait=True)
    elif isinstance(s, ast.Webhook):
        if s.method.text.upper() not in METHODS:
            out.append(Diagnostic.of("FL013", f"unknown HTTP method {s.method.text!r}", s.method.span))
        elif s.method.text != s.method.text.upper():
            out.append(Diagnostic.of("FL013", f"HTTP methods are written in capitals: {s.method.text.upper()}",
                                     s.method.span))
        out += _check_duration(s.timeout, wait=False)
        seen = set()
        for on in s.on:
            if on.outcome.text not in OUTCOMES:
                out.append(Diagnostic.of("FL014", f"unknown webhook outcome {on.outcome.text!r}", on.outcome.span))
            elif on.outcome.text in seen:
                out.append(Diagnostic.of("FL017", f"`on {on.outcome.text}` is given twice", on.span))
            seen.add(on.outcome.text)
        for span in s.repeated_options:
            out.append(Diagnostic.of("FL017", "this webhook option is given twice", span))
    elif isinstance(s, ast.Match):
        for other in s.extra_others:
            out.append(Diagnostic.of("FL016", "this match already has an `other` case", other.span))
        for case in s.cases:
            out += _check_case(case)
    elif isinstance(s, ast.Set):
        if s.scope.text not in SET_SCOPES:
            out.append(Diagnostic.of("FL015", f"cannot set {s.scope.text}.{s.name.text}", s.scope.span))
    return out


def _check_case(case: ast.Case) -> list[Diagnostic]:
    rule = rules.lookup(case.rule.text)
    if rule is None:
        known = sorted(rules.RULES)
        close = difflib.get_close_matches(case.rule.text, known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else "see docs/rules.md for the rule tests"
        return [Diagnostic.of("FL020", f"unknown rule {case.rule.text!r}", case.rule.span, hint)]
    out = []
    count = len(case.arguments)
    if not rule.accepts(count):
        out.append(Diagnostic.of("FL021", f"{rule.name} takes {rule.arity_text()}, not {count}", case.span))
    if rule.deprecated:
        out.append(Diagnostic.of("FL023", f"{rule.name} is deprecated: {rule.deprecated}", case.rule.span))
    literals = [_literal(a) for a in case.arguments]
    for index, problem in rule.check_literal_args(literals):
        if 0 <= index < len(case.arguments):
            out.append(Diagnostic.of("FL022", problem, case.arguments[index].span))
    return out


def _literal(argument: ast.Argument) -> str | None:
    """The argument's value when it is known at compile time (no @ in it)."""
    if isinstance(argument, ast.Number):
        return argument.text
    template = expressions.compile_template(argument.value)
    return argument.value.replace("@@", "@") if template.is_literal else None


def _check_template(text: ast.Text, results: set[str]) -> list[Diagnostic]:
    template = expressions.compile_template(text.value)
    out = []
    for problem in template.problems:
        span = text.span_of(problem.start, problem.end)
        code = "FL030" if problem.severity == "error" else "FL032"
        out.append(Diagnostic.of(code, problem.message, span, problem.hint))
    if any(p.severity == "error" for p in template.problems):
        return out
    for path in template.references():
        if len(path) >= 2 and path[0].lower() in ("flow", "results") and path[1].lower() not in results:
            written = ".".join(path[:2])
            start = text.value.lower().find(written.lower())  # inside @(...) there is no leading @
            if start > 0 and text.value[start - 1] == "@":
                start -= 1
                written = "@" + written
            span = text.span_of(start, start + len(written)) if start >= 0 else text.span
            out.append(Diagnostic.of("FL031", f"no statement saves a result named {path[1]!r}", span))
    return out
