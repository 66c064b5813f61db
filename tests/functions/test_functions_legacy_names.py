"""Excel-style names of legacy RapidPro expressions mean what goflow's migration makes of them."""

from __future__ import annotations

import pytest
from functions_testenv import doc_environment

from flowlang.expressions import evaluate_template


@pytest.mark.parametrize("legacy, modern", [
    ('@(PROPER("ryan lewis"))', '@(title("ryan lewis"))'),
    ('@(Len("abc"))', '@(text_length("abc"))'),
    ('@(AVERAGE(1, 2, 6))', '@(mean(1, 2, 6))'),
    ('@(CONCATENATE("a", 1, "b"))', '@("a" & 1 & "b")'),
    ('@(DATE(2019, 4, 11))', '@(date_from_parts(2019, 4, 11))'),
    ('@(DATEDIF("2019-01-01", "2019-04-11", "D"))', '@(datetime_diff("2019-01-01", "2019-04-11", "D"))'),
    ('@(DATEVALUE("2019-04-11"))', '@(date("2019-04-11"))'),
    ('@(DAY("2019-04-11"))', '@(format_date("2019-04-11", "D"))'),
    ('@(DAYS("2019-04-11", "2019-01-01"))', '@(datetime_diff("2019-01-01", "2019-04-11", "D"))'),
    ('@(EDATE("2019-01-31", 1))', '@(datetime_add("2019-01-31", 1, "M"))'),
    ('@(FIRST_WORD("hello world"))', '@(word("hello world", 0))'),
    ('@(FIXED(1234.5678, 1))', '@(format_number(1234.5678, 1))'),
    ('@(HOUR("2019-04-11 15:30"))', '@(format_datetime("2019-04-11 15:30", "tt"))'),
    ('@(INT(12.7))', '@(round_down(12.7))'),
    ('@(LEFT("hello", 3))', '@(text_slice("hello", 0, 3))'),
    ('@(MINUTE("2019-04-11 15:30"))', '@(format_datetime("2019-04-11 15:30", "m"))'),
    ('@(MONTH("2019-04-11"))', '@(format_date("2019-04-11", "M"))'),
    ('@(POWER(2, 8))', '@(2 ^ 8)'),
    ('@(RANDBETWEEN(3, 3))', '@(rand_between(3, 3))'),
    ('@(READ_DIGITS("1234"))', '@(read_chars("1234"))'),
    ('@(REGEX_GROUP("ab12", "\\d+"))', '@(regex_match("ab12", "\\d+"))'),
    ('@(REPT("ab", 2))', '@(repeat("ab", 2))'),
    ('@(RIGHT("hello", 3))', '@(text_slice("hello", -3))'),
    ('@(ROUNDDOWN(1.26, 1))', '@(round_down(1.26, 1))'),
    ('@(ROUNDUP(1.21, 1))', '@(round_up(1.21, 1))'),
    ('@(SECOND("2019-04-11 15:30:12"))', '@(format_datetime("2019-04-11 15:30:12", "s"))'),
    ('@(SUBSTITUTE("a-b", "-", "+"))', '@(replace("a-b", "-", "+"))'),
    ('@(SUM(1, 2, 3.5))', '@(1 + 2 + 3.5)'),
    ('@(TIME(15, 30, 0))', '@(time_from_parts(15, 30, 0))'),
    ('@(TIMEVALUE("10:30"))', '@(time("10:30"))'),
    ('@(TRUNC(-1.5))', '@(round_down(-1.5))'),
    ('@(UNICHAR(65))', '@(char(65))'),
    ('@(UNICODE("A"))', '@(code("A"))'),
    ('@(YEAR("2019-04-11"))', '@(format_date("2019-04-11", "YYYY"))'),
    ('@(TRUE())', '@(true)'),
    ('@(FALSE())', '@(false)'),
    ('@(IF(1 = 1, "y", "n"))', '@(if(1 = 1, "y", "n"))'),
    ('@(NOW())', '@(now())'),
    ('@(TODAY())', '@(today())'),
    ('@(ABS(-2))', '@(abs(-2))'),
    ('@(WORD_COUNT("a b c"))', '@(word_count("a b c"))'),
    ('@(REMOVE_FIRST_WORD("a b c"))', '@(remove_first_word("a b c"))'),
])
def test_legacy_name_means_its_migration(legacy, modern):
    env = doc_environment()
    assert evaluate_template(legacy, {}, env) == evaluate_template(modern, {}, env)


def test_mid_counts_from_one_like_excel():
    assert evaluate_template('@(MID("hello", 2, 3))', {}, doc_environment()) == ("ell", [])


def test_right_of_zero_characters_is_empty():
    assert evaluate_template('@(RIGHT("hello", 0))', {}, doc_environment()) == ("", [])


def test_date_and_time_tell_legacy_from_modern_by_argument_count():
    env = doc_environment()
    assert evaluate_template('@(date("2019-04-11"))', {}, env) == ("2019-04-11", [])
    output, errors = evaluate_template('@(date(2019, 4))', {}, env)
    assert output == "" and errors


def test_legacy_add_adds_days_to_dates_and_numbers_to_numbers():
    env = doc_environment()
    assert evaluate_template('@(legacy_add("2019-01-31", 1))', {}, env) == \
        ("2019-02-01T00:00:00.000000-05:00", [])
    assert evaluate_template('@(legacy_add(2, "3.5"))', {}, env) == ("5.5", [])
