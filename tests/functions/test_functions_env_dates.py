"""Reading dates, datetimes and times from human text (flowlang.env.dates), goflow's rules."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flowlang.env.dates import parse_date, parse_datetime, parse_time
from flowlang.env.environment import Environment
from flowlang.expressions.values import XError

NOW = dt.datetime(2018, 4, 11, 13, 24, 30, 123456, tzinfo=dt.timezone.utc)
DMY = Environment(date_format="DD-MM-YYYY", timezone="UTC", now=NOW)
MDY = Environment(date_format="MM-DD-YYYY", timezone="America/Los_Angeles", now=NOW)
YMD = Environment(date_format="YYYY-MM-DD", timezone="Africa/Kigali", now=NOW)


@pytest.mark.parametrize("env, text, expected", [
    (DMY, "01-12-2017", dt.date(2017, 12, 1)),
    (MDY, "12-01-2017", dt.date(2017, 12, 1)),
    (YMD, "2017/12/01", dt.date(2017, 12, 1)),
    (DMY, "it was 1.10.2017, I think", dt.date(2017, 10, 1)),
    (DMY, "1 10 17", dt.date(2017, 10, 1)),
    (DMY, "2017-12-01T10:00:00Z", dt.date(2017, 12, 1)),  # ISO first, whatever the format
    (MDY, "1977-06-23", dt.date(1977, 6, 23)),
    (DMY, "31-02-2017 or 01-03-2017", dt.date(2017, 3, 1)),  # not on the calendar: look further
])
def test_parse_date(env, text, expected):
    assert parse_date(env, text) == expected


@pytest.mark.parametrize("env, text", [
    (DMY, "01.15.2017"), (DMY, "no date"), (DMY, ""), (DMY, "33.2.99"), (DMY, "31/02/2022"),
])
def test_parse_date_errors(env, text):
    assert isinstance(parse_date(env, text), XError)


def test_two_digit_years_pivot_on_the_current_year():
    assert parse_date(DMY, "1.10.99") == dt.date(1999, 10, 1)
    assert parse_date(DMY, "1.10.01") == dt.date(2001, 10, 1)


@pytest.mark.parametrize("env, text, fill, expected", [
    (DMY, "01-12-2017 10:15pm", True, dt.datetime(2017, 12, 1, 22, 15, tzinfo=dt.timezone.utc)),
    (DMY, "01-12-2017", False, dt.datetime(2017, 12, 1, tzinfo=dt.timezone.utc)),
    (DMY, "01-12-2017", True, dt.datetime(2017, 12, 1, 13, 24, 30, 123456, tzinfo=dt.timezone.utc)),
    (MDY, "12-01-2017", False, dt.datetime(2017, 12, 1, tzinfo=ZoneInfo("America/Los_Angeles"))),
    (DMY, "2017-06-12T16:56:59.000000Z", True, dt.datetime(2017, 6, 12, 16, 56, 59, tzinfo=dt.timezone.utc)),
    (DMY, "01-12-2017 10:15:33.123", False,
     dt.datetime(2017, 12, 1, 10, 15, 33, 123000, tzinfo=dt.timezone.utc)),
])
def test_parse_datetime(env, text, fill, expected):
    found = parse_datetime(env, text, fill_time=fill)
    assert found == expected
    assert found.utcoffset() == expected.utcoffset()


def test_iso_offsets_keep_the_environments_zone_when_it_matches():
    found = parse_datetime(MDY, "1977-06-23T08:34:00.000-07:00")
    assert found.tzinfo == ZoneInfo("America/Los_Angeles")
    other = parse_datetime(MDY, "1977-06-23T08:34:00.000+03:00")
    assert other.utcoffset() == dt.timedelta(hours=3)


def test_fill_time_uses_now_in_the_environments_zone():
    found = parse_datetime(MDY, "12-01-2017", fill_time=True)
    assert (found.hour, found.minute) == (6, 24)  # 13:24 UTC is 06:24 in Los Angeles (PDT)


def test_a_time_skipped_by_dst_moves_forward():
    found = parse_datetime(MDY, "03-10-2019 2:30am")
    assert found.isoformat() == "2019-03-10T03:30:00-07:00"


@pytest.mark.parametrize("text, expected", [
    ("10:30", dt.time(10, 30)),
    ("12:00pm", dt.time(12, 0)),
    ("12:30 am", dt.time(0, 30)),
    ("the time is 10 PM", dt.time(22, 0)),
    ("10:30:45.123456", dt.time(10, 30, 45, 123456)),
    ("24:00", dt.time(0, 0)),
])
def test_parse_time(text, expected):
    assert parse_time(text) == expected


@pytest.mark.parametrize("text", ["", "no time", "25:00"])
def test_parse_time_errors(text):
    assert isinstance(parse_time(text), XError)
