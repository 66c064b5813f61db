"""Date, time and datetime functions: conversion, parts, arithmetic, epochs, zones and parsing.

Datetimes are timezone-aware. Adding days, weeks, months or years moves the wall clock (and
rolls over like Go's AddDate: 31 January + 1 month is 3 March); adding hours, minutes or
seconds moves the instant, so it crosses DST changes exactly.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flowlang.env.dates import localize
from flowlang.expressions.functions import layouts
from flowlang.expressions.functions.convert import (
    to_date,
    to_datetime,
    to_integer,
    to_number,
    to_text,
    to_time,
)
from flowlang.expressions.functions.limits import guard_arithmetic
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError

_UTC = dt.timezone.utc
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=_UTC)


def load_zone(name: str) -> dt.tzinfo | XError:
    """The IANA zone called `name`, or an error."""
    if name == "UTC":
        return _UTC
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return XError(f"unknown time zone {name}")


def zone_name(value: dt.datetime) -> str:
    """The zone's IANA name; "UTC" for UTC and "" for a bare offset (as Go names them)."""
    tz = value.tzinfo
    if tz is _UTC:
        return "UTC"
    key = getattr(tz, "key", None)
    return key if key is not None else ""


@register("date", 1)
def date(env, value):
    """`value` as a date; text is read with the environment's date format."""
    return to_date(env, value)


@register("datetime", 1)
def datetime(env, value):
    """`value` as a datetime; text is read with the environment's date format."""
    return to_datetime(env, value)


@register("time", 1)
def time(env, value):
    """`value` as a time of day."""
    return to_time(env, value)


def _integers(*values) -> list[int] | XError:
    out = []
    for value in values:
        value = to_integer(value)
        if type(value) is XError:
            return value
        out.append(value)
    return out


@register("date_from_parts", 3)
def date_from_parts(env, year, month, day):
    """The date with the given `year`, `month` and `day`."""
    parts = _integers(year, month, day)
    if type(parts) is XError:
        return parts
    year, month, day = parts
    if not 1 <= month <= 12:
        return XError("invalid value for month, must be 1-12")
    try:
        return dt.date(year, month, day)
    except ValueError:
        return XError(f"invalid date {year}-{month}-{day}")


@register("time_from_parts", 3)
def time_from_parts(env, hour, minute, second):
    """The time of day with the given `hour`, `minute` and `second`."""
    parts = _integers(hour, minute, second)
    if type(parts) is XError:
        return parts
    hour, minute, second = parts
    if not 0 <= hour <= 23:
        return XError("invalid value for hour, must be 0-23")
    if not 0 <= minute <= 59:
        return XError("invalid value for minute, must be 0-59")
    if not 0 <= second <= 59:
        return XError("invalid value for second, must be 0-59")
    return dt.time(hour, minute, second)


def add_calendar(value: dt.datetime, years: int = 0, months: int = 0, days: int = 0) -> dt.datetime:
    """Move the wall clock by whole years, months and days, rolling over like Go's AddDate."""
    month_index = value.year * 12 + (value.month - 1) + years * 12 + months
    year, month = divmod(month_index, 12)
    first = dt.date(year, month + 1, 1)
    day = first + dt.timedelta(days=value.day - 1 + days)
    naive = dt.datetime.combine(day, value.time().replace(tzinfo=None))
    return localize(naive, value.tzinfo)


_DURATIONS = {"h": dt.timedelta(hours=1), "m": dt.timedelta(minutes=1), "s": dt.timedelta(seconds=1)}


@register("datetime_add", 3)
@guard_arithmetic
def datetime_add(env, value, offset, unit):
    """`datetime` moved by `offset` units: Y, M, W, D (calendar) or h, m, s (elapsed time)."""
    value = to_datetime(env, value)
    if type(value) is XError:
        return value
    amount = to_integer(offset)
    if type(amount) is XError:
        return amount
    unit = to_text(unit)
    if type(unit) is XError:
        return unit
    try:
        if unit in _DURATIONS:
            moved = value.astimezone(_UTC) + _DURATIONS[unit] * amount
            return moved.astimezone(value.tzinfo)
        if unit == "Y":
            return add_calendar(value, years=amount)
        if unit == "M":
            return add_calendar(value, months=amount)
        if unit == "W":
            return add_calendar(value, days=7 * amount)
        if unit == "D":
            return add_calendar(value, days=amount)
    except (OverflowError, ValueError):
        return XError("datetime out of range")
    return XError(f"unknown unit: {unit}, must be one of s, m, h, D, W, M, Y")


def _truncate(value: float) -> int:
    return int(value)  # toward zero, as Go's integer division


@register("datetime_diff", 3)
@guard_arithmetic
def datetime_diff(env, start, end, unit):
    """How many whole `unit`s (Y, M, W, D, h, m, s) from `date1` to `date2`."""
    start, end = to_datetime(env, start), to_datetime(env, end)
    if type(start) is XError:
        return start
    if type(end) is XError:
        return end
    unit = to_text(unit)
    if type(unit) is XError:
        return unit
    if unit in _DURATIONS:
        # aware datetimes sharing a zone subtract as wall clocks in Python: compare instants
        elapsed = end.astimezone(_UTC) - start.astimezone(_UTC)
        return Decimal(_truncate(elapsed / _DURATIONS[unit]))
    days = (end.date() - start.date()).days
    if unit == "D":
        return Decimal(days)
    if unit == "W":
        return Decimal(_truncate(days / 7))
    if unit == "M":
        return Decimal((end.year - start.year) * 12 + end.month - start.month)
    if unit == "Y":
        return Decimal(end.year - start.year)
    return XError(f"unknown unit: {unit}, must be one of s, m, h, D, W, M, Y")


@register("datetime_from_epoch", 1)
@guard_arithmetic
def datetime_from_epoch(env, seconds):
    """The datetime `seconds` after 1970-01-01T00:00:00Z, in the environment's timezone."""
    seconds = to_number(seconds)
    if type(seconds) is XError:
        return seconds
    if abs(seconds) > 10**12:  # far beyond year 9999 either way
        return XError(f"{seconds} is out of range for a datetime")
    try:
        micros = int((seconds * 1_000_000).to_integral_value())
        return (_EPOCH + dt.timedelta(microseconds=micros)).astimezone(env.timezone)
    except (OverflowError, ValueError, InvalidOperation):
        return XError(f"{seconds} is out of range for a datetime")


@register("epoch", 1)
@guard_arithmetic
def epoch(env, value):
    """Seconds since 1970-01-01T00:00:00Z, with microseconds as decimals."""
    value = to_datetime(env, value)
    if type(value) is XError:
        return value
    delta = value - _EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return (Decimal(micros) / Decimal(1_000_000)).normalize() + 0 if micros else Decimal(0)


@register("replace_time", 2)
def replace_time(env, value, time_of_day):
    """`datetime` with its time of day replaced by `time`."""
    value = to_datetime(env, value)
    if type(value) is XError:
        return value
    time_of_day = to_time(env, time_of_day)
    if type(time_of_day) is XError:
        return time_of_day
    return localize(dt.datetime.combine(value.date(), time_of_day), value.tzinfo)


@register("tz", 1)
def tz(env, value):
    """The name of the timezone of `datetime`."""
    value = to_datetime(env, value)
    return value if type(value) is XError else zone_name(value)


@register("tz_offset", 1)
def tz_offset(env, value):
    """The UTC offset of `datetime`, like `-0500`."""
    value = to_datetime(env, value)
    if type(value) is XError:
        return value
    minutes = int(value.utcoffset().total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"


@register("now", 0)
def now(env):
    """The current datetime (the host's reading for this step) in the environment's timezone."""
    return env.local_now()


@register("today", 0)
def today(env):
    """The current date in the environment's timezone."""
    return env.local_now().date()


@register("weekday", 1)
def weekday(env, value):
    """The day of the week of `date`: 0 is Sunday, 6 is Saturday."""
    value = to_date(env, value)
    return value if type(value) is XError else Decimal((value.weekday() + 1) % 7)


@register("week_number", 1)
def week_number(env, value):
    """The week of the year of `date` (1-54); weeks start on Sunday and week 1 holds 1 January."""
    value = to_date(env, value)
    if type(value) is XError:
        return value
    first_weekday = (dt.date(value.year, 1, 1).weekday() + 1) % 7
    day_of_year = value.timetuple().tm_yday
    return Decimal((day_of_year - 1 + first_weekday) // 7 + 1)


@register("parse_datetime", 2, 3)
def parse_datetime(env, text, layout, zone=None):
    """The datetime in `text` written in `format` (in `timezone`, default the environment's)."""
    text, layout = to_text(text), to_text(layout)
    if type(text) is XError:
        return text
    if type(layout) is XError:
        return layout
    tzinfo = env.timezone
    if zone is not None:
        name = to_text(zone)
        if type(name) is XError:
            return name
        tzinfo = load_zone(name)
        if type(tzinfo) is XError:
            return tzinfo
    parsed = layouts.parse_layout(text, layout, layouts.DATETIME)
    if type(parsed) is XError:
        return parsed
    try:
        return layouts.parsed_datetime(parsed, tzinfo)
    except (OverflowError, ValueError):
        return XError("datetime out of range")


@register("parse_time", 2)
def parse_time(env, text, layout):
    """The time of day in `text` written in `format`."""
    text, layout = to_text(text), to_text(layout)
    if type(text) is XError:
        return text
    if type(layout) is XError:
        return layout
    parsed = layouts.parse_layout(text, layout, layouts.TIME)
    return parsed if type(parsed) is XError else parsed.time
