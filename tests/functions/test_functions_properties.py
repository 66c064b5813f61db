"""Properties of the function library that hold for any input (hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from functions_testenv import doc_environment
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import flowlang.expressions.functions  # noqa: F401  (registers the library)
from flowlang.expressions.registry import FUNCTIONS, call
from flowlang.expressions.values import XError, XFunction

ENV = doc_environment()
LIBRARY = sorted(name for name, spec in FUNCTIONS.items()
                 if spec.impl.__module__.startswith("flowlang.expressions.functions"))

texts = st.text(max_size=30)
date_texts = st.sampled_from(["01-02-2019", "2019-02-01", "1.10.99 10:30pm", "31-02-2017", "10:30",
                              "2019-02-01T10:00:00Z", "not a date", "12:00 am", ""])
numbers = st.one_of(
    st.integers(-10**6, 10**6).map(Decimal),
    st.decimals(allow_nan=False, allow_infinity=False, places=3, min_value=-10**9, max_value=10**9),
    st.sampled_from([Decimal("1E+100"), Decimal("-1E+100"), Decimal("1E-50"), Decimal("2147483648"),
                     Decimal("9E+999998"), Decimal("-9E+999999"), Decimal("0.5"),
                     # a host can hand these in; they must end in error values, not exceptions
                     Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")]),
)
dates = st.dates(min_value=dt.date(1, 1, 2), max_value=dt.date(9999, 12, 30))
datetimes = st.datetimes(min_value=dt.datetime(2, 1, 1), max_value=dt.datetime(9998, 12, 31),
                         timezones=st.just(dt.timezone.utc))
times = st.times()
functions = st.sampled_from(["upper", "abs", "word", "text_length"]).map(
    lambda name: XFunction(name, lambda env, *args: call(env, name, list(args))))
scalars = st.one_of(st.none(), st.booleans(), texts, date_texts, numbers, dates, datetimes, times,
                    st.just(XError("boom")), functions)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)), max_leaves=8)


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(LIBRARY), args=st.lists(values, max_size=4))
def test_no_input_makes_a_function_raise(name, args):
    spec = FUNCTIONS[name]
    assume(spec.accepts(len(args)))
    spec.impl(ENV, *args)  # must return a value (maybe an XError), never raise
    call(ENV, name, list(args))  # and so must the path expressions take (counts, limits, wrapping)


# Five characters lower-case to a letter whose upper case is another character (Kelvin sign
# K -> k -> K, Ohm sign, Angstrom sign, capital sharp s, capital theta symbol), in Go as here.
_ONE_WAY_LOWER = set("\u03f4\u1e9e\u2126\u212a\u212b")


@given(st.text(max_size=50))
def test_upper_of_lower_is_upper(text):
    assume(not _ONE_WAY_LOWER & set(text))
    assert call(ENV, "upper", [call(ENV, "lower", [text])]) == call(ENV, "upper", [text])


@given(st.text(max_size=20), st.integers(0, 50))
def test_repeat_multiplies_the_length(text, count):
    repeated = call(ENV, "repeat", [text, Decimal(count)])
    if len(text) * count > 10_000:
        assert isinstance(repeated, XError)
    else:
        assert call(ENV, "text_length", [repeated]) == len(text) * count


@given(st.text(max_size=20), st.integers(0, 10**6))
def test_repeat_never_exceeds_its_bound(text, count):
    repeated = call(ENV, "repeat", [text, Decimal(count)])
    assert isinstance(repeated, XError) or len(repeated) <= 10_000


@given(st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 1, 1),
                    timezones=st.just(dt.timezone.utc)),
       st.integers(-5000, 5000), st.sampled_from(["D", "W", "h", "m", "s"]))
def test_datetime_add_and_diff_are_inverse(start, amount, unit):
    moved = call(ENV, "datetime_add", [start, Decimal(amount), unit])
    assert call(ENV, "datetime_diff", [start, moved, unit]) == amount


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 1, 1)))
def test_formatting_a_date_then_reading_it_gives_it_back(date):
    text = call(ENV, "format_date", [date])
    assert call(ENV, "date", [text]) == date


@given(st.decimals(allow_nan=False, allow_infinity=False, places=4, min_value=-10**12, max_value=10**12))
def test_format_number_without_grouping_reads_back(number):
    text = call(ENV, "format_number", [number, Decimal(4), False])
    assert Decimal(text) == number


@given(st.text(max_size=40))
def test_word_count_counts_the_words_word_returns(text):
    count = int(call(ENV, "word_count", [text]))
    for index in range(count):
        assert not isinstance(call(ENV, "word", [text, Decimal(index)]), XError)
    assert isinstance(call(ENV, "word", [text, Decimal(count)]), XError)


@given(st.lists(st.integers(-100, 100).map(Decimal), max_size=20))
def test_sort_orders_and_keeps_the_items(items):
    result = call(ENV, "sort", [items])
    assert result == sorted(items)
    assert call(ENV, "unique", [result]) == sorted(set(items))


# JSON keeps numbers to what a double can hold (parse_json refuses 1E+999999)
json_values = st.recursive(
    st.one_of(st.none(), st.booleans(), texts, st.integers(-10**15, 10**15).map(Decimal),
              dates, datetimes, times, functions),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
    max_leaves=8)


@given(json_values)
def test_json_round_trips_plain_data(value):
    text = call(ENV, "json", [value])
    if isinstance(text, XError):
        return
    again = call(ENV, "parse_json", [text])
    assert call(ENV, "json", [again]) == text


def test_upper_of_lower_is_upper_for_every_character_but_the_one_way_ones():
    for code in range(0x110000):
        if 0xD800 <= code < 0xE000 or chr(code) in _ONE_WAY_LOWER:
            continue
        ch = chr(code)
        assert call(ENV, "upper", [call(ENV, "lower", [ch])]) == call(ENV, "upper", [ch]), hex(code)
