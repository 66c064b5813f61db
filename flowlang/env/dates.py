"""Dates, datetimes and times read from human text, the way goflow reads them.

Text is first tried as ISO-8601; otherwise the environment's date format decides whether
`01-02-2017` is the 1st of February or the 2nd of January, and a time of day is looked for
in whatever follows the date. Failures are `XError` values, never exceptions.

Layout strings (`YYYY-MM-DD tt:mm`) used by `format_date`, `parse_datetime` etc. live in
`flowlang.expressions.functions.layouts`.
"""

from __future__ import annotations

import datetime as dt
import re

from flowlang.env.environment import Environment
from flowlang.expressions.values import XError

# The ISO forms goflow accepts before falling back to the environment's layout: seconds and
# fractions are optional, a zone designator is required.
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|[+-]\d{2}:\d{2})",
    re.ASCII,
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)

# Human-entered dates: two groups of 1-2 digits and a 2 or 4 digit year, in the order the
# environment's date format says; separators may be - . \ / _ or a space.
_DAY_OR_MONTH_FIRST = re.compile(
    r"\b([0-9]{1,2})[-.\\/_ ]([0-9]{1,2})[-.\\/_ ]([0-9]{4}|[0-9]{2})\b", re.ASCII
)
_YEAR_FIRST = re.compile(
    r"\b([0-9]{4}|[0-9]{2})[-.\\/_ ]([0-9]{1,2})[-.\\/_ ]([0-9]{1,2})\b", re.ASCII
)
_TIME = re.compile(
    r"\b(\d{1,2})(?:(?::)?(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\W*([aApP][mM])?\b", re.ASCII
)

_WHITESPACE = " \n\r\t"


def _valid_ymd(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _fixed_or_env_zone(env: Environment, naive: dt.datetime, offset_text: str) -> dt.datetime:
    """Like Go's ParseInLocation: `Z` means UTC; an offset the environment's zone uses at that
    instant means the environment's zone; any other offset stays a fixed offset."""
    if offset_text == "Z":
        return naive.replace(tzinfo=dt.timezone.utc)
    sign = -1 if offset_text[0] == "-" else 1
    offset = dt.timedelta(hours=int(offset_text[1:3]), minutes=int(offset_text[4:6])) * sign
    fixed = naive.replace(tzinfo=dt.timezone(offset))
    local = fixed.astimezone(env.timezone)
    if local.utcoffset() == offset:
        return local
    return fixed


def _parse_iso_datetime(env: Environment, text: str) -> dt.datetime | None:
    match = _ISO_DATETIME.fullmatch(text)
    if not match:
        return None
    year, month, day, hour, minute = (int(match.group(i)) for i in range(1, 6))
    second = int(match.group(6) or 0)
    fraction = (match.group(7) or "")[:6].ljust(6, "0")
    if hour > 23 or minute > 59 or second > 59:
        return None
    date = _valid_ymd(year, month, day)
    if date is None:
        return None
    naive = dt.datetime(year, month, day, hour, minute, second, int(fraction))
    return _fixed_or_env_zone(env, naive, match.group(8))


def _two_digit_year(year_text: str, env: Environment) -> int:
    year = int(year_text)
    if len(year_text) == 2:
        # goflow pivots on the current year: 2-digit years after this year's last digits are 19xx
        current = env.now.year
        year += 1900 if year > current % 1000 else 2000
    return year


def _parse_date_and_rest(env: Environment, text: str) -> tuple[dt.date, str] | XError:
    text = text.strip(_WHITESPACE)
    iso = _ISO_DATE.match(text[:10])
    if iso and len(text) >= 10:
        date = _valid_ymd(*(int(g) for g in iso.groups()))
        if date is not None:
            return date, text[10:]
    if env.date_format.year_first:
        pattern, d, m, y = _YEAR_FIRST, 3, 2, 1
    elif env.date_format.day_first:
        pattern, d, m, y = _DAY_OR_MONTH_FIRST, 1, 2, 3
    else:
        pattern, d, m, y = _DAY_OR_MONTH_FIRST, 2, 1, 3
    for match in pattern.finditer(text):
        day, month = int(match.group(d)), int(match.group(m))
        if day == 0 or day > 31 or month == 0 or month > 12:
            continue
        # a believable triple that is not on the calendar (31-02) is not a date: look further
        date = _valid_ymd(_two_digit_year(match.group(y), env), month, day)
        if date is None:
            continue
        return date, text[match.end():]
    return XError(f"unable to convert \"{text}\" to a date")


def _find_time(text: str) -> tuple[dt.timedelta, bool] | None:
    """The first believable time of day in `text`, as an offset from midnight (goflow allows
    minute and second 60 and rolls them over), plus whether it ran past midnight."""
    for match in _TIME.finditer(text):
        hour = int(match.group(1))
        minute = int(match.group(2) or 0)
        second = int(match.group(3) or 0)
        ampm = (match.group(5) or "").lower()
        if hour < 12 and ampm == "pm":
            hour += 12
        elif hour == 12 and ampm == "am":
            hour -= 12
        fraction = (match.group(4) or "")[:6].ljust(6, "0")
        micros = int(fraction)
        if hour == 24 and minute == 0 and second == 0 and micros == 0:
            hour = 0
        if hour > 24 or minute > 60 or second > 60:
            continue
        return dt.timedelta(hours=hour, minutes=minute, seconds=second, microseconds=micros), True
    return None


def parse_date(env: Environment, text: str) -> dt.date | XError:
    """A date read from text: ISO `YYYY-MM-DD` first, else the environment's date format
    (goflow's DateFromString). Anything after the date is ignored."""
    result = _parse_date_and_rest(env, text)
    if isinstance(result, XError):
        return result
    return result[0]


def parse_time(text: str) -> dt.time | XError:
    """A time of day read from text (`10:30`, `3pm`, `15:04:05.123`), goflow's TimeFromString."""
    found = _find_time(text)
    if found is None:
        return XError(f"unable to convert \"{text}\" to a time")
    offset = found[0] % dt.timedelta(days=1)
    return (dt.datetime.min + offset).time()


def parse_datetime(env: Environment, text: str, fill_time: bool = True) -> dt.datetime | XError:
    """A datetime read from text, in the environment's timezone (goflow's DateTimeFromString).

    ISO-8601 with a zone is taken as is; otherwise a date is found by the environment's format
    and a time of day in the text after it. Without a time, `fill_time` takes the time of day
    of `env.now`, else midnight.
    """
    text = text.strip(_WHITESPACE)
    iso = _parse_iso_datetime(env, text)
    if iso is not None:
        return iso
    result = _parse_date_and_rest(env, text)
    if isinstance(result, XError):
        return XError(f"unable to convert \"{text}\" to a datetime")
    date, rest = result
    found = _find_time(rest)
    if found is not None:
        offset = found[0]
    elif fill_time:
        now = env.local_now()
        offset = dt.timedelta(hours=now.hour, minutes=now.minute, seconds=now.second,
                              microseconds=now.microsecond)
    else:
        offset = dt.timedelta(0)
    return combine(env, date, offset)


def combine(env: Environment, date: dt.date, offset: dt.timedelta) -> dt.datetime:
    """Wall-clock `date` + `offset` in the environment's timezone (overflowing into later days)."""
    naive = dt.datetime(date.year, date.month, date.day) + offset
    return localize(naive, env.timezone)


def localize(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """Attach a zone to a wall-clock time; a time skipped by a DST change moves forward by the
    size of the gap, as Go's time.Date does."""
    local = naive.replace(tzinfo=zone)
    try:
        return local.astimezone(dt.timezone.utc).astimezone(zone)
    except OverflowError:  # the first or last day of year 1..9999: no DST gap to skip there
        return local
