"""Expressions: operators and their precedence, lookups, calls, lambdas, errors as values."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flowlang.expressions import compile_expression, evaluate
from flowlang.expressions.operators import BY_NAME
from flowlang.expressions.values import XError, XFunction, XObject

CONTEXT = {
    "thing": {"foo": "bar", "zed": Decimal(123), "missing": None, "Mixed": "case"},
    "array1": ["one", "two", "three"],
    "words": "one two three",
    "int1": Decimal(1),
    "obj": XObject({"foo": Decimal(234)}, "123"),
    "err": XError("an error"),
}


@pytest.mark.parametrize("expression, expected", [
    ("1 + 2 * 3", Decimal(7)),
    ("(1 + 2) * 3", Decimal(9)),
    ("2 ^ 3 ^ 2", Decimal(64)),  # left-associative, as ANTLR builds goflow's tree
    ("-2 ^ 2", Decimal(4)),  # unary minus binds tightest
    ("10 - 4 - 3", Decimal(3)),
    ("8 / 4 / 2", Decimal(1)),
    ("1 / 3", Decimal("0.3333333333333333")),
    ("1 + 2 = 3", True),
    ("1 < 2 = 2 < 3", True),
    ('"a" & 1 + 2', "a3"),
    ('1 = "1"', True),
    ("1.0 = 1", True),
    ('"abc" = "ABC"', False),
    ('"x" & null', "x"),
    ('"3" + 4', Decimal(7)),
    ("obj + 1", Decimal(124)),
    ("TRUE", True),
    ("Null", None),
])
def test_operators(expression, expected):
    result = evaluate(expression, CONTEXT)
    assert result == expected and type(result) is type(expected)


@pytest.mark.parametrize("expression, message", [
    ("1 / 0", "division by zero"),
    ('1 + "a"', 'unable to convert "a" to a number'),
    ("1 + null", "unable to convert null to a number"),
    ("1 < 2 < 3", "unable to convert true to a number"),
    ("2 ^ 400", "number value out of range"),
    ("thing.nope", "object has no property 'nope'"),
    ("array1[3]", "index 3 out of range for 3 items"),
    ("(1).x", "1 doesn't support lookups"),
    ("words.x", '"one two three" doesn\'t support lookups'),
    ("nosuch(1)", "nosuch is not a function"),
    ("upper()", "error calling upper(...): need 1 argument(s), got 0"),
    ("upper(1 / 0)", "error calling upper(...): division by zero"),
    ("err & 1", "an error"),
    ("null.x", "syntax error at .x"),
    ("array1.0.2", "syntax error at 0.2"),
    ('((x) => x)(1, 2)', "need 1 argument(s), got 2"),
    ("1 +", "syntax error at "),
])
def test_errors_are_values(expression, message):
    result = evaluate(expression, CONTEXT)
    assert result == XError(message)


@pytest.mark.parametrize("expression, expected", [
    ("thing.foo", "bar"),
    ("THING.FOO", "bar"),
    ('thing["FOO"]', "bar"),
    ('thing["f" & "oo"]', "bar"),
    ("thing.mixed", "case"),
    ("thing.missing", None),
    ("array1[0]", "one"),
    ("array1[-1]", "three"),
    ("array1.1", "two"),
    ('array1["1"]', "two"),
    ("array1[1.9]", "two"),  # the integer part, as goflow's ToInteger
    ('thing["nope"]', None),  # [] gives nil for a missing property; . is an error
    ("obj.foo", Decimal(234)),
])
def test_lookups(expression, expected):
    assert evaluate(expression, CONTEXT) == expected


def test_functions_are_values_and_lambdas_see_the_enclosing_scope():
    assert isinstance(evaluate("upper", CONTEXT), XFunction)
    assert evaluate("upper = UPPER", CONTEXT) is True
    assert evaluate('array(upper)[0]("abc")', CONTEXT) == "ABC"
    assert evaluate('((x) => x & int1)("a")', CONTEXT) == "a1"
    assert evaluate("((a, b) => a * b)(6, 7)", CONTEXT) == Decimal(42)
    assert evaluate('filter(array1, (w) => w != "two")', CONTEXT) == ["one", "three"]
    assert evaluate("foreach(array(1, 2), (x) => x * int1 * 10)", CONTEXT) == [Decimal(10), Decimal(20)]


def test_an_expression_is_parsed_once_and_evaluated_many_times():
    expression = compile_expression("int1 + 1")
    assert [expression.evaluate({"int1": Decimal(n)}) for n in range(3)] == [Decimal(1), Decimal(2), Decimal(3)]
    assert expression.references() == [("int1",)]


def test_string_literals_unquote_as_go_does():
    assert evaluate(r'"a\nb\t\"c\" \u00e9 \U0001F600"', {}) == 'a\nb\t"c" é 😀'
    assert evaluate(r'"\d+ stays as written"', {}) == r"\d+ stays as written"
    assert evaluate('"say ""hi"""', {}) == 'say "hi"'  # legacy doubled quotes


def test_operators_by_goflow_name():
    assert sorted(BY_NAME) == ["Add", "Concatenate", "Divide", "Equal", "Exponent", "GreaterThan",
                               "GreaterThanOrEqual", "LessThan", "LessThanOrEqual", "Multiply", "Negate",
                               "NotEqual", "Subtract"]
    assert BY_NAME["Add"](None, Decimal(1), "2") == Decimal(3)
    assert BY_NAME["Negate"](None, Decimal(5)) == Decimal(-5)
    assert BY_NAME["Exponent"](None, Decimal(4), Decimal("0.5")) == Decimal(2)
    assert isinstance(BY_NAME["Add"](None, Decimal("999999999999999999999999999999999999"), Decimal(1)), XError)
