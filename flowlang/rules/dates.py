"""Date and time rules: has_date, has_date_lt/eq/gt, has_time.

Dates are read with the environment's date format and timezone (`flowlang.env.dates`); a date
without a time of day takes the time of day of `env.now`, so the value is a full datetime.
Comparisons look only at the calendar date, in the environment's timezone.
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from flowlang.env import dates
from flowlang.expressions.values import Value, XError, default_of
from flowlang.rules.arguments import as_text
from flowlang.rules.registry import RuleMatch, rule


def find_datetime(env, text: str) -> dt.datetime | XError:
    """The datetime in `text` as the date rules read it (time of day filled from `now`)."""
    return dates.parse_datetime(env, text, fill_time=True)


def as_datetime(env, value: Value) -> dt.datetime | XError:
    """goflow's ToXDateTime for a rule argument: datetimes as they are, dates at midnight in the
    environment's timezone, text parsed without filling in the time."""
    value = default_of(value)
    if isinstance(value, XError):
        return value
    if isinstance(value, dt.datetime):
        return value if value.tzinfo is not None else value.replace(tzinfo=env.timezone)
    if isinstance(value, dt.date):
        return dates.combine(env, value, dt.timedelta(0))
    if isinstance(value, str):
        return dates.parse_datetime(env, value, fill_time=False)
    text = as_text(value)
    if isinstance(text, XError):
        return text
    return XError(f"unable to convert {text!r} to a datetime")


_NO_LIMIT = object()


def _date_test(env, operand, holds: Callable[[dt.date, dt.date | None], bool], limit: Value = _NO_LIMIT):
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    bound: dt.date | None = None
    if limit is not _NO_LIMIT:
        when = as_datetime(env, limit)
        if isinstance(when, XError):
            return when
        bound = when.astimezone(env.timezone).date()
    found = find_datetime(env, text)
    if isinstance(found, XError):
        return None
    day = found.astimezone(env.timezone).date()
    if holds(day, bound):
        return RuleMatch.of(found)
    return None


@rule("has_date")
def has_date(env, operand):
    """Matches text containing a date in the environment's date format; the value is that date
    with the current time of day (or the time given after the date).

    `has_date("the date is 15/01/2017")` -> `2017-01-15T13:24:30.123456-05:00` (in a
    day-first environment in New York at 13:24:30.123456)."""
    return _date_test(env, operand, lambda day, bound: True)


@rule("has_date_lt", 1)
def has_date_lt(env, operand, limit):
    """Matches a date before `max` (dates only, in the environment's timezone).

    `has_date_lt("the date is 15/01/2017", "2017-06-01")` matches."""
    return _date_test(env, operand, lambda day, bound: day < bound, limit)


@rule("has_date_eq", 1)
def has_date_eq(env, operand, date):
    """Matches a date on the same day as `date`, in the environment's timezone.

    `has_date_eq("the date is 15/01/2017 15:00", "2017-01-15")` -> `2017-01-15T15:00:00.000000-05:00`."""
    return _date_test(env, operand, lambda day, bound: day == bound, date)


@rule("has_date_gt", 1)
def has_date_gt(env, operand, limit):
    """Matches a date after `min` (dates only, in the environment's timezone).

    `has_date_gt("the date is 15/01/2017", "2017-01-01")` matches."""
    return _date_test(env, operand, lambda day, bound: day > bound, limit)


@rule("has_time")
def has_time(env, operand):
    """Matches text containing a time of day; the value is the time.

    `has_time("the time is 10:30")` -> `10:30:00.000000`; `has_time("10 PM")` -> `22:00:00.000000`."""
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    found = dates.parse_time(text)
    if isinstance(found, XError):
        return None
    return RuleMatch.of(found)
