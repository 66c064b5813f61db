"""Legacy roots (`@flow`, `@extra`, `@step`, `@date`, `@channel`, `@contact.<field>`) derived
from the modern context, and left alone when the context defines them itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flowlang.expressions import compile_template, evaluate_template
from flowlang.expressions.values import XObject

CREATED = dt.datetime(2018, 4, 11, 13, 20, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
RESULT = XObject({"name": "Color", "value": "red", "category": "Red", "category_localized": "Rojo",
                  "input": "I like red", "created_on": CREATED}, "red")
CONTEXT = {
    "contact": XObject({"name": "Ana Lima", "urns": ["tel:+12065551212", "mailto:ana@example.com"],
                        "fields": {"age": Decimal(30)}, "groups": []}, "Ana Lima"),
    "results": {"color": RESULT},
    "input": XObject({"text": "hello", "created_on": CREATED,
                      "attachments": ["image/jpeg:https://example.com/a.jpg"]}, "hello"),
    "legacy_extra": {"order": {"status": "shipped"}},
    "parent": XObject({"results": {"role": RESULT}, "contact": None}),
}


def render(template: str, context: dict = CONTEXT, env=None) -> str:
    text, errors = evaluate_template(template, context, env)
    assert errors == [], errors
    return text


def test_flow_is_results_with_legacy_property_names(env):
    assert render("@flow.color|@flow.color.value|@flow.color.category|@flow.color.text") == "red|red|Rojo|I like red"
    assert render("@flow.color.time") == "2018-04-11T13:20:00.000000-05:00"
    assert render("@flow.contact") == "Ana Lima"
    assert render("@(flow.color = \"red\")") == "true"


def test_extra_step_and_contact_fields():
    assert render("@extra.order.status") == "shipped"
    assert render("@extra.flow.role") == "red"
    assert render("@step @step.value @step.attachments.0") == "hello hello https://example.com/a.jpg"
    assert render("@contact.age") == "30"
    assert render("@contact.mailto.path @contact.tel.scheme") == "ana@example.com tel"
    assert render("[@contact.twitter]") == "[]"  # a URN scheme the contact lacks is empty, not an error


def test_date_is_the_environment_clock_and_dates_do_arithmetic(env):
    assert render("@date.today @date.tomorrow @date.yesterday", env=env) == "11-04-2018 12-04-2018 10-04-2018"
    assert render("@(date.today + 7) @(date.today - 11)", env=env) == "18-04-2018 31-03-2018"
    assert render("@(date.now + 1)", env=env) == "2018-04-12T13:24:30.123456-05:00"


def test_a_context_that_defines_a_legacy_root_wins():
    legacy_style = {"flow": {"color": XObject({"category": "Red!"}, "red")}, "date": {"today": "tomorrow-ish"}}
    assert render("@flow.color.category @date.today", legacy_style) == "Red! tomorrow-ish"


def test_legacy_roots_are_references_even_when_the_context_lacks_their_sources():
    template = compile_template("@flow.color @extra.x @step.value @channel")
    assert template.references() == [("flow", "color"), ("extra", "x"), ("step", "value"), ("channel",)]
    text, errors = template.render({}, None)
    # no message yet: @step.value is nil (empty, like @input); no contact: @channel is nil too
    assert text == "   " and len(errors) == 2
