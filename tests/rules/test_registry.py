"""The `flowlang.rules` contract the compiler and interpreter rely on."""

from __future__ import annotations

from decimal import Decimal

import pytest

from flowlang.expressions import registry as functions
from flowlang.expressions.values import XError, XObject, render
from flowlang.rules import RULES, RuleMatch, lookup

GOFLOW_TESTS = {
    "has_error", "has_text", "has_value", "has_only_text", "has_beginning", "has_pattern",
    "has_any_word", "has_all_words", "has_phrase", "has_only_phrase",
    "has_number", "has_number_lt", "has_number_lte", "has_number_eq", "has_number_gte",
    "has_number_gt", "has_number_between",
    "has_date", "has_date_lt", "has_date_eq", "has_date_gt", "has_time",
    "has_email", "has_phone", "has_group", "has_category", "has_intent", "has_top_intent",
    "has_state", "has_district", "has_ward",
}


def test_every_goflow_test_is_a_rule_and_a_function():
    assert set(RULES) == GOFLOW_TESTS
    for name in GOFLOW_TESTS:
        assert functions.lookup(name) is not None, name


def test_lookup_is_case_insensitive_and_none_for_unknown():
    assert lookup("HAS_TEXT") is lookup("has_text")
    assert lookup("has_nothing") is None


@pytest.mark.parametrize(
    "name, low, high",
    [("has_text", 0, 0), ("has_any_word", 1, 1), ("has_number_between", 2, 2), ("has_phone", 0, 1),
     ("has_group", 1, 2), ("has_category", 1, None), ("has_district", 0, 1), ("has_ward", 0, 2)],
)
def test_argument_counts_exclude_the_operand(name, low, high):
    rule = lookup(name)
    assert (rule.min_args, rule.max_args) == (low, high)


def test_has_ward_takes_no_parents_or_both():
    rule = lookup("has_ward")
    assert [rule.accepts(n) for n in range(4)] == [True, False, True, False]


def test_wrong_argument_count_is_an_error_value(env):
    assert isinstance(lookup("has_text").test(env, "a", ["b"]), XError)
    assert isinstance(lookup("has_number_between").test(env, "5", ["1"]), XError)


def test_only_the_intent_tests_are_deprecated():
    assert {name for name, rule in RULES.items() if rule.deprecated} == {"has_intent", "has_top_intent"}


def test_invalid_literal_pattern_is_reported_against_its_argument():
    rule = lookup("has_pattern")
    problems = rule.check_literal_args(["(unclosed"])
    assert len(problems) == 1 and problems[0][0] == 0 and "regular expression" in problems[0][1]
    assert rule.check_literal_args(["buy (\\w+)"]) == []
    assert rule.check_literal_args([None]) == []
    assert lookup("has_text").check_literal_args([]) == []


def test_invalid_pattern_at_run_time_is_an_error(env):
    assert isinstance(lookup("has_pattern").test(env, "x", ["[a"]), XError)


def test_catastrophic_pattern_returns_quickly(env):
    # exponential for a backtracking engine; linear for RE2
    outcome = lookup("has_pattern").test(env, "a" * 5000 + "!", ["^(a+)+$"])
    assert outcome is None


def test_a_match_carries_value_text_and_extra(env):
    outcome = lookup("has_pattern").test(env, "Buy cheese please", ["buy (\\w+)( now)?"])
    assert outcome == RuleMatch("Buy cheese", "Buy cheese", {"0": "Buy cheese", "1": "cheese", "2": ""})
    number = lookup("has_number").test(env, "I am 42.50", [])
    assert number.value == Decimal("42.50") and number.text == "42.5"


def test_expression_function_returns_goflow_result_objects(env):
    spec = functions.lookup("has_number")
    matched = spec.impl(env, "the number is 42")
    assert isinstance(matched, XObject) and matched.default is True and matched["match"] == Decimal(42)
    missed = spec.impl(env, "nothing")
    assert missed.default is False and missed["match"] == "" and render(missed) == "false"
    extra = functions.lookup("has_pattern").impl(env, "Buy cheese", "buy (\\w+)")
    assert dict(extra["extra"]) == {"0": "Buy cheese", "1": "cheese"}
    assert isinstance(functions.lookup("has_number_lt").impl(env, "1", "x"), XError)


def test_errors_in_the_operand_are_errors_not_matches(env):
    for name, args in [("has_text", []), ("has_any_word", ["a"]), ("has_number", []), ("has_date", []),
                       ("has_email", []), ("has_phone", []), ("has_state", []), ("has_pattern", ["a"])]:
        assert isinstance(lookup(name).test(env, XError("boom"), args), XError), name


def test_location_rules_need_locations():
    from flowlang.env.environment import Environment

    assert isinstance(lookup("has_state").test(Environment(), "Kigali", []), XError)


def test_literal_limits_of_number_rules_must_be_numbers():
    assert lookup("has_number_lt").check_literal_args(["ten"]) == [(0, "ten is not a number")]
    assert lookup("has_number_between").check_literal_args(["1", None]) == []
    assert [i for i, _ in lookup("has_number_between").check_literal_args(["x", "y"])] == [0, 1]
    assert lookup("has_number_eq").check_literal_args(["-12.5"]) == []


def test_has_ward_with_only_a_district_is_reported_at_compile_time():
    assert lookup("has_ward").check_literal_args(["Gasabo"]) == [(0, "has_ward takes the district and the state, or neither")]
    assert lookup("has_ward").check_literal_args([None]) != []
    assert lookup("has_ward").check_literal_args(["Gasabo", "Kigali"]) == []


def test_literal_country_of_has_phone_must_be_known():
    assert lookup("has_phone").check_literal_args(["US"]) == []
    assert lookup("has_phone").check_literal_args(["rw"]) == []
    assert lookup("has_phone").check_literal_args([None]) == []
    assert [i for i, _ in lookup("has_phone").check_literal_args(["USA"])] == [0]
