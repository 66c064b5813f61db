"""Templates: what is a reference, what stays text, and how values render."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from flowlang.expressions import compile_template, evaluate_template
from flowlang.expressions.values import XError, XObject

CONTEXT = {
    "contact": XObject({"name": "Ben Haggerty", "first_name": "Ben", "fields": {"age": Decimal(34)}}, "Ben Haggerty"),
    "results": {"pedido": XObject({"value": "CU001", "category": "Valid", "category_localized": "Válido",
                                   "input": "my order is CU001", "name": "Pedido"}, "CU001")},
    "items": ["a", "b", "c"],
    "total": Decimal("12.50"),
}


@pytest.mark.parametrize("template, expected", [
    ("Hi @contact.name!", "Hi Ben Haggerty!"),
    ("@contact.name's order", "Ben Haggerty's order"),
    ("Dear @contact.first_name.", "Dear Ben."),
    ("write to support@example.com", "write to support@example.com"),
    ("@hello world", "@hello world"),
    ("@@contact.name", "@contact.name"),
    ("@@@contact.first_name", "@Ben"),
    ("50 @ 3 @", "50 @ 3 @"),
    ("@(1 + 2) apples", "3 apples"),
    ("@(\"(\" & \")\")", "()"),
    ("@(items[1])@(items[-1])", "bc"),
    ("@items.0", "a"),
    ("@total", "12.5"),
    ("@(total * 2)", "25"),
    ("@(upper(\"x\"))", "X"),
    ("@(contact.name & \"!\")", "Ben Haggerty!"),
    ("@contact.age", "34"),
])
def test_render(template, expected):
    assert evaluate_template(template, CONTEXT) == (expected, [])


def test_a_failing_expression_renders_nothing_and_reports_the_error():
    text, errors = evaluate_template("[@(1 / 0)] [@(items[9])]", CONTEXT)
    assert text == "[] []"
    assert errors == ["error evaluating @(1 / 0): division by zero",
                      "error evaluating @(items[9]): index 9 out of range for 3 items"]


def test_an_unclosed_block_is_text_with_a_warning():
    template = compile_template("Hi @(upper(contact.name)")
    assert template.render(CONTEXT, None) == ("Hi @(upper(contact.name)", [])
    assert [(p.start, p.severity) for p in template.problems] == [(3, "warning")]


def test_literal_templates_are_marked_and_unescaped():
    assert compile_template("50@@ off, mail me@example.com").is_literal is True  # example is no context root
    assert compile_template("hi @contact").is_literal is False
    assert compile_template("@(1)").is_literal is False
    assert compile_template("just text @@ here").is_literal is True
    assert compile_template("just text @@ here").render({}, None) == ("just text @ here", [])


def test_value_gives_the_typed_value_of_a_lone_reference_or_block():
    assert compile_template("@total").value(CONTEXT) == Decimal("12.50")
    assert compile_template("@(items)").value(CONTEXT) == ["a", "b", "c"]
    assert isinstance(compile_template("@(1 / 0)").value(CONTEXT), XError)
    assert compile_template("@total @total").value(CONTEXT) == "12.5 12.5"
    assert compile_template("@hello").value(CONTEXT) == "@hello"


def test_references_list_context_paths():
    template = compile_template("@contact.name @(upper(results.pedido.value)) me@example.com @(map(items, (x) => x))")
    assert template.references() == [("contact", "name"), ("results", "pedido", "value"), ("items",)]


@pytest.mark.parametrize("value, text", [
    (Decimal("4.000"), "4"),
    (Decimal("-0.50"), "-0.5"),
    (Decimal("1E+3"), "1000"),
    (True, "true"),
    (None, ""),
    (dt.date(2018, 4, 11), "2018-04-11"),
    (dt.time(10, 30), "10:30:00.000000"),
    (dt.datetime(2017, 10, 1, 15, 24, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=2))),
     "2017-10-01T15:24:30.123456+02:00"),
    (dt.datetime(2017, 10, 1, 15, 24, 30, tzinfo=dt.timezone.utc), "2017-10-01T15:24:30.000000Z"),
    (["a", Decimal(1), True], "[a, 1, true]"),
    ({"b": "x", "a": Decimal(1)}, "{a: 1, b: x}"),
    (XObject({"a": 1}, "default"), "default"),
])
def test_values_render_as_goflow_renders_them(value, text):
    assert evaluate_template("@(x)", {"x": value})[0] == text


def test_output_is_truncated_with_an_ellipsis():
    text, errors = evaluate_template("@x@x", {"x": "ab" * 3000})
    assert errors == []
    assert len(text) == 10_000 and text.endswith("...")


def test_problems_have_offsets_into_the_template():
    template = compile_template("Hi @(1 +) and @(nosuchfn(1)) and @(upper())")
    spans = [(p.start, p.end, p.message) for p in template.problems]
    assert spans[0][:2] == (8, 9)  # just after `1 +`, where an operand was expected
    assert spans[0][2] == "syntax error: the expression ends where more was expected"
    assert spans[1][:2] == (16, 24) and "unknown function 'nosuchfn'" in spans[1][2]
    assert spans[2][:2] == (35, 42) and "upper() takes 1 argument" in spans[2][2]
    assert all(p.severity == "error" for p in template.problems)


def test_everything_after_an_unclosed_block_is_text():
    assert evaluate_template("@contact.first_name @(upper(x) @contact.first_name", CONTEXT) == (
        "Ben @(upper(x) @contact.first_name", [])


def test_a_reference_stops_before_brackets_and_trailing_dots():
    assert evaluate_template("@items[0] @contact.first_name...", CONTEXT) == ("[a, b, c][0] Ben...", [])


def test_parentheses_inside_text_literals_do_not_end_a_block():
    assert evaluate_template('@("a)b" & "(")!', CONTEXT) == ("a)b(!", [])
