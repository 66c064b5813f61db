"""Properties of the template language, checked with hypothesis."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from flowlang.expressions import compile_expression, compile_template, evaluate
from flowlang.expressions.template import Template
from flowlang.expressions.values import XError, render

numbers = st.decimals(allow_nan=False, allow_infinity=False, min_value=-10**12, max_value=10**12, places=6)
texts = st.text(max_size=40)


def literal_of(value) -> str:
    """The expression literal for a value (what a flow author would write)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, Decimal):
        text = render(value)
        return f"({text})" if text.startswith("-") else text
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


@given(st.one_of(numbers, texts, st.booleans(), st.none()))
def test_literals_round_trip_through_render_and_parse(value):
    parsed = evaluate(literal_of(value), {})
    if isinstance(value, Decimal):
        value = value.normalize()
        text = render(value)
        assert render(parsed if not isinstance(parsed, Decimal) else parsed) == text
        if text.startswith("-"):
            return
    assert parsed == value


@given(texts)
def test_text_without_at_passes_through_unchanged(text):
    text = text.replace("@", "")
    template = compile_template(text)
    assert template.is_literal
    assert template.render({}, None) == (text[:9997] + "..." if len(text) > 10_000 else text, [])
    assert template.problems == []


@given(texts)
def test_doubling_every_at_escapes_it(text):
    assert compile_template(text.replace("@", "@@")).render({"x": "1"}, None)[0] == text


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from('@()."\\[]abx1 +-*/^&=<>!,_'), max_size=60))
def test_no_template_makes_compiling_or_rendering_raise(text):
    template = Template(text)
    for problem in template.problems:
        assert 0 <= problem.start <= problem.end <= len(text)
    rendered, errors = template.render({"x": "1", "a": {"b": ["c"]}}, None)
    assert isinstance(rendered, str) and all(isinstance(e, str) for e in errors)
    template.value({"x": "1"}, None)
    template.references()


@settings(max_examples=300)
@given(st.text(max_size=60))
def test_no_expression_text_makes_compiling_or_evaluating_raise(text):
    expression = compile_expression(text)
    result = expression.evaluate({"x": Decimal(1)})
    if expression.problems:
        assert isinstance(result, XError) or any(p.severity == "error" for p in expression.problems)


@settings(max_examples=50, deadline=None)
@given(st.integers(min_value=1, max_value=9), st.integers(min_value=2, max_value=45), st.booleans())
def test_the_budget_stops_hostile_templates(width, depth, tripling):
    seed = '"' + "x" * width + '"'
    if tripling:  # each call triples the text: exponential growth from a linear template
        body = seed
        for _ in range(depth):
            body = f"f({body})"
        expression = f"((f) => {body})((x) => join(array(x, x), x))"
    else:
        expression = seed
        for _ in range(depth):
            expression = f"repeat({expression}, 1000)"
    started = dt.datetime.now()
    compile_template("@(" + expression + ")").render({}, None)
    assert (dt.datetime.now() - started).total_seconds() < 5  # generous: a hang would take forever
