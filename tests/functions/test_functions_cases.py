"""Cases beyond the public table, as goflow behaves (read from its test suite)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from functions_testenv import doc_environment

import flowlang.expressions.functions  # noqa: F401
from flowlang.expressions.registry import call
from flowlang.expressions.values import XError

ENV = doc_environment()
D = Decimal


@pytest.mark.parametrize("name, args, expected", [
    ("field", ["hello   world    there     now", D(1), " "], "world"),
    ("field", ["hello   world    there     now", D(5), " "], ""),
    ("field", ["a\t\tb\tc", D(1), "\t"], ""),
    ("remove_first_word", ["hello"], ""),
    ("remove_first_word", ["don't go"], "go"),
    ("remove_first_word", [" ‘start’ this"], "this"),
    ("remove_first_word", ["😁 hello"], "hello"),
    ("split", ["1 2,3", None], ["1", "2", "3"]),
    ("count", [None], D(0)),
    ("replace", ["foo bar", None, "foo"], "fooffooofooofoo foobfooafoorfoo"),
    ("replace", ["foo bar", "foo", None], " bar"),
    ("replace", ["hi ho hi", "hi", "bye", "0"], "hi ho hi"),
    ("unique", [[None, "X", None, "X"]], [None, "X"]),
    ("word", ["😁 hello World", D(0)], "😁"),
    ("word_slice", ["hello-world from mars", D(3), D(10)], "mars"),
    ("url_encode", ["hi-% ?/"], "hi-%25%20%3F%2F"),
    ("upper", ["ß"], "ß"),
    ("text_length", [[" hello"]], D(8)),
    ("text_length", [None], D(0)),
    ("time", ["12:00 AM"], dt.time(0, 0)),
    ("week_number", ["01-01-2019"], D(1)),
    ("format_urn", ["tel:+250781234567"], "0781 234 567"),
    ("format_time", ["15:34:00.000000", "tt"], "15"),
    ("extract", [{"foo": "hello"}, "bar"], None),
    ("default", [None, "20"], "20"),
    ("round", [D("123.456"), D(-2_000_000_000)], D(0)),
    ("percent", [".54"], "54%"),
    ("parse_json", ['"hello"'], "hello"),
])
def test_case(name, args, expected):
    assert call(ENV, name, args) == expected


@pytest.mark.parametrize("name, args", [
    ("repeat", ["hello", None]),
    ("repeat", ["abcdefghij", D(1001)]),
    ("text_slice", ["hello", None]),
    ("word", ["hello World", None]),
    ("word", [" hello World", D(2)]),
    ("parse_json", ["{a: b}"]),
    ("format_time", ["15:34:00.000000", "YY"]),
    ("sum", [[D("9" * 36), D("9" * 36)]]),
    ("legacy_add", ["10", "xxx"]),
    ("urn_parts", [""]),
    ("text_compare", ["abc", XError("error")]),
])
def test_error_case(name, args):
    assert isinstance(call(ENV, name, args), XError)
