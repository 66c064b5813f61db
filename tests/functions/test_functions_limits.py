"""No call can build something unbounded: the limits hold and come back as error values."""

from __future__ import annotations

from decimal import Decimal

import pytest
from functions_testenv import doc_environment

import flowlang.expressions.functions  # noqa: F401
from flowlang.expressions.registry import call
from flowlang.expressions.values import XError

ENV = doc_environment()


def test_repeat_is_capped_at_10000_characters():
    assert len(call(ENV, "repeat", ["é", Decimal(10_000)])) == 10_000
    assert isinstance(call(ENV, "repeat", ["é", Decimal(10_001)]), XError)
    assert isinstance(call(ENV, "repeat", ["x", Decimal(2**31 - 1)]), XError)


def test_arrays_are_capped_at_10000_items():
    assert len(call(ENV, "split", ["x " * 10_000])) == 10_000
    assert isinstance(call(ENV, "split", ["x " * 10_001]), XError)
    assert isinstance(call(ENV, "array", ["x"] * 10_001), XError)
    assert isinstance(call(ENV, "concat", [["x"] * 6000, ["y"] * 6000]), XError)


def test_replace_cannot_blow_up():
    text = "x" * 10_000
    assert isinstance(call(ENV, "replace", [text, "x", "y" * 1000]), XError)


@pytest.mark.parametrize("name, args", [
    ("percent", [Decimal("9E+999998")]),
    ("sum", [[Decimal("9E+999998")] * 20]),
    ("datetime_from_epoch", [Decimal("9E+999998")]),
    ("char", [Decimal("9E+999998")]),
    ("rand_between", [Decimal(0), Decimal("1E+30")]),
    ("format_number", [Decimal(1), Decimal(11)]),
    ("parse_json", ["[" * 1000 + "]" * 1000]),
    ("parse_json", ["1e999999"]),
])
def test_extreme_arguments_give_errors(name, args):
    assert isinstance(call(ENV, name, args), XError)


def test_rounding_a_huge_number_to_a_coarser_unit_changes_nothing():
    assert call(ENV, "round", [Decimal("9E+999998"), Decimal(-3)]) == Decimal("9E+999998")
    assert call(ENV, "round", [Decimal("0.5"), Decimal(-2_000_000_000)]) == 0


def test_huge_numbers_still_format_quickly():
    text = call(ENV, "format_number", [Decimal("9E+99999")])
    assert len(text) > 100_000


def test_arity_and_unknown_functions_are_errors_not_exceptions():
    assert call(ENV, "upper", []).message == "error calling upper(...): need 1 argument(s), got 0"
    assert call(ENV, "word_count", []).message == \
        "error calling word_count(...): need 1 to 2 argument(s), got 0"
    assert call(ENV, "max", []).message == "error calling max(...): need at least 1 argument(s), got 0"
    assert call(ENV, "nope", ["x"]).message == "nope is not a function"
