"""Date/time layouts: writing values with them, reading text by them."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from flowlang.expressions.functions import layouts
from flowlang.expressions.values import XError

LA = ZoneInfo("America/Los_Angeles")
MOMENT = dt.datetime(2010, 5, 10, 7, 5, 9, 123456, tzinfo=LA)


@pytest.mark.parametrize("layout, expected", [
    ("YYYY-MM-DD", "2010-05-10"),
    ("YY M D", "10 5 10"),
    ("EEE EEEE MMM MMMM", "Mon Monday May May"),
    ("h:mm aa", "7:05 am"),
    ("hh:mm AA", "07:05 AM"),
    ("t tt", "7 07"),
    ("m mm s ss", "5 05 9 09"),
    ("ss.fff ss.ffffff ss.fffffffff", "09.123 09.123456 09.123456000"),
    ("Z ZZZ", "-07:00 -07:00"),
    ("YYYY-MM-DDTtt:mm:ss,_/", "2010-05-10T07:05:09,_/"),
])
def test_format(layout, expected):
    assert layouts.format_layout(MOMENT, layout, layouts.DATETIME) == expected


def test_utc_writes_z_only_with_a_single_z():
    utc = MOMENT.astimezone(dt.timezone.utc)
    assert layouts.format_layout(utc, "Z|ZZZ".replace("|", " "), layouts.DATETIME) == "Z +00:00"


@pytest.mark.parametrize("layout, mode", [
    ("YYYYY", layouts.DATETIME), ("x", layouts.DATETIME), ("tt", layouts.DATE),
    ("YYYY", layouts.TIME), ("Z", layouts.DATE), ("ffff", layouts.TIME),
])
def test_invalid_layouts_are_errors(layout, mode):
    assert isinstance(layouts.format_layout(MOMENT, layout, mode), XError)


def test_names_are_written_but_not_read():
    assert isinstance(layouts.parse_layout("May", "MMM", layouts.DATE), XError)


@pytest.mark.parametrize("text, layout, expected", [
    ("2010 5 10 12:50", "YYYY M DD tt:mm", dt.datetime(2010, 5, 10, 12, 50, tzinfo=LA)),
    ("1977-06-23 03:34 pm", "YYYY-MM-DD tt:mm aa", dt.datetime(1977, 6, 23, 15, 34, tzinfo=LA)),
    ("1977-06-23T15:34:00.1234Z", "YYYY-MM-DDTtt:mm:ssZ",
     dt.datetime(1977, 6, 23, 15, 34, 0, 123400, tzinfo=dt.timezone.utc).astimezone(LA)),
    ("10/05/99", "DD/MM/YY", dt.datetime(1999, 5, 10, tzinfo=LA)),
])
def test_parse_datetime(text, layout, expected):
    parsed = layouts.parse_layout(text, layout, layouts.DATETIME)
    assert layouts.parsed_datetime(parsed, LA) == expected


@pytest.mark.parametrize("text, layout", [
    ("2010-13-01", "YYYY-MM-DD"), ("2010-02-30", "YYYY-MM-DD"), ("25:00", "tt:mm"),
    ("2010-05-10 extra", "YYYY-MM-DD"), ("13:00 pm", "h:mm aa"),
])
def test_parse_errors(text, layout):
    mode = layouts.TIME if ":" in layout and "Y" not in layout else layouts.DATETIME
    assert isinstance(layouts.parse_layout(text, layout, mode), XError)
