"""Locations, phones and dates beyond goflow's tables; the has_* functions inside expressions."""

from __future__ import annotations

from flowlang.env.environment import Environment
from flowlang.expressions import evaluate
from flowlang.expressions.values import XError
from flowlang.rules import lookup


def test_state_by_path_and_by_pair_of_words(env):
    assert lookup("has_state").test(env, "rwanda > kigali city", []).text == "Rwanda > Kigali City"
    assert lookup("has_state").test(env, "I am in Kigali City now", []).text == "Rwanda > Kigali City"


def test_locations_as_a_list_of_hierarchies(env):
    listed = Environment(locations=[env.locations])
    assert lookup("has_district").test(listed, "Gasabo", ["Kigali"]).text == "Rwanda > Kigali City > Gasabo"


def test_ambiguous_ward_without_parents_does_not_match():
    tree = {"name": "X", "children": [
        {"name": "North", "children": [{"name": "Central", "children": [{"name": "Market"}]}]},
        {"name": "South", "children": [{"name": "Central", "children": [{"name": "Market"}]}]},
    ]}
    env = Environment(locations=tree)
    assert lookup("has_ward").test(env, "Market", []) is None
    assert lookup("has_ward").test(env, "Market", ["Central", "South"]).text == "X > South > Central > Market"
    assert lookup("has_district").test(env, "Central", []) is None
    assert lookup("has_district").test(env, "Central", ["North"]).text == "X > North > Central"


def test_phone_without_any_country():
    env = Environment()
    assert lookup("has_phone").test(env, "call +250 788 123 123", []).text == "+250788123123"
    assert lookup("has_phone").test(env, "call 0788123123", []) is None


def test_dates_follow_the_environment_format():
    us = Environment(date_format="MM-DD-YYYY")
    assert lookup("has_date_eq").test(us, "on 01/02/2020", ["2020-01-02"]) is not None
    ymd = Environment(date_format="YYYY-MM-DD")
    assert lookup("has_date").test(ymd, "on 2020/02/31", []) is None
    assert lookup("has_date_lt").test(ymd, "on 2020/02/03", ["not a date"]).__class__ is XError


def test_has_functions_inside_expressions(env):
    assert evaluate('has_number_between("I am 42", 18, 65).match', {}, env) == 42
    assert evaluate('has_any_word("no way", "yes")', {}, env).default is False
    assert evaluate('has_pattern("Buy cheese", "buy (\\\\w+)").extra.1', {}, env) == "cheese"
    assert isinstance(evaluate('has_number_lt("5", "x")', {}, env), XError)


def test_an_object_standing_for_an_error_is_an_error(env):
    from flowlang.expressions.values import XObject

    wrapped = XObject({"text": "x"}, XError("boom"))
    assert isinstance(lookup("has_text").test(env, wrapped, []), XError)
    assert lookup("has_text").test(env, XObject({"text": "hi"}, "hi"), []).text == "hi"
