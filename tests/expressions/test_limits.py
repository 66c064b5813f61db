"""Hostile templates end in an error value, quickly: no hang, RecursionError or MemoryError."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flowlang.expressions import Limits, compile_template, evaluate, evaluate_template
from flowlang.expressions.template import Template
from flowlang.expressions.values import XError


@pytest.mark.parametrize("expression", [
    "repeat(repeat(repeat(\"x\", 1000), 1000), 1000)",
    "repeat(\"x\", 999999999999)",
    "foreach(split(repeat(\"a \", 4000), \" \"), (w) => repeat(w, 9000))",
    "foreach(foreach(split(repeat(\"a \", 4000), \" \"), (w) => w & w), (v) => foreach(split(repeat(\"b \", 4000), \" \"), (u) => u))",
    "99999 ^ 99999",
    "(10 ^ 100) ^ 100",
    "2 ^ -100000",
    "999999999999999999999999999999999999 * 999999999999999999999999999999999999",
])
def test_expensive_expressions_become_errors(expression):
    assert isinstance(evaluate(expression, {}), XError)


def test_exponential_concatenation_is_stopped_by_the_text_limit():
    doubled = '"xx"'
    for _ in range(30):
        doubled = f"d({doubled})"
    assert isinstance(evaluate(f"((d) => {doubled})((x) => x & x)", {}), XError)


def test_deep_nesting_is_a_problem_not_a_recursion_error():
    deep = "@(" + "(" * 5000 + "1" + ")" * 5000 + ")"
    template = compile_template(deep)
    assert template.problems and "nested too deeply" in template.problems[0].message
    text, errors = template.render({}, None)
    assert text == "" and errors


def test_deep_calls_and_minus_signs_are_problems_too():
    assert compile_template("@(" + "upper(" * 3000 + "\"x\"" + ")" * 3000 + ")").problems
    assert compile_template("@(" + "-" * 5000 + "1)").problems
    assert compile_template("@(" + "a." * 5000 + "b)").problems
    assert compile_template("@" + "a." * 5000 + "b").problems


def test_limits_are_settings():
    tight = Template("@(repeat(\"ab\", 50))", Limits(max_text=20))
    assert tight.render({}, None)[0] == ""
    short = Template("@x", Limits(max_output=8))
    assert short.render({"x": "abcdefghijkl"}, None)[0] == "abcde..."


def test_a_huge_template_of_plain_references_still_renders():
    text, errors = evaluate_template("@x " * 20000, {"x": "y"})
    assert len(text) == 10_000 and errors == []


def test_absurdly_nested_context_values_are_errors_not_tracebacks():
    deep: dict = {}
    node = deep
    for _ in range(5000):
        node["a"] = {}
        node = node["a"]
    text, errors = evaluate_template("[@x]", {"x": deep})
    assert text == "[]" and errors
    assert evaluate_template("@(x)", {"x": {1: "int key", "b": "text key"}}) == ("{1: int key, b: text key}", [])


@pytest.mark.parametrize("expression, context", [
    ('repeat("a", x)', {"x": Decimal("9E+999999")}),
    ("x[y]", {"x": [1, 2], "y": Decimal("9E+999999")}),
    ("x - y", {"x": Decimal("9E+999999"), "y": Decimal("-9E+999999")}),
    ("x * x", {"x": Decimal("1E+600000")}),
    ("x + 1", {"x": Decimal("NaN")}),
    ("x > 1", {"x": Decimal("Infinity")}),
])
def test_extreme_numbers_from_the_host_end_in_error_values(expression, context):
    from flowlang.expressions import XError

    assert isinstance(evaluate(expression, context), XError)


def test_a_huge_number_renders_with_its_exponent_not_a_megabyte_of_digits():

    assert evaluate_template("@x", {"x": Decimal("9E+999999999")}) == ("9E+999999999", [])


def test_a_function_passed_as_a_value_spends_the_same_budget_as_a_direct_call():
    from flowlang.expressions import XError

    nested = 'foreach(split(repeat("a,", 3000), ","), (a) => foreach(split(repeat("a,", 3000), ","), {}))'
    assert isinstance(evaluate(nested.format("(b) => upper(b)"), {}), XError)
    assert isinstance(evaluate(nested.format("upper"), {}), XError)
