"""Date/time layouts like `YYYY-MM-DD tt:mm`: formatting values with them and parsing text by them.

The sequences (goflow's, from gocommon/dates):

| sequence | meaning                         | sequence    | meaning                      |
| -------- | ------------------------------- | ----------- | ---------------------------- |
| `YY`     | year, two digits                | `h`, `hh`   | hour 1-12, unpadded / padded |
| `YYYY`   | year, four digits               | `t`, `tt`   | hour 0-23, unpadded / padded |
| `M`,`MM` | month 1-12, unpadded / padded   | `m`, `mm`   | minute                       |
| `MMM`    | month name, short (`Jan`)       | `s`, `ss`   | second                       |
| `MMMM`   | month name (`January`)          | `fff`...    | milli, micro (6), nano (9)   |
| `D`,`DD` | day of month                    | `aa`, `AA`  | am/pm, AM/PM                 |
| `EEE`    | weekday, short (`Mon`)          | `Z`         | offset, or `Z` for UTC       |
| `EEEE`   | weekday (`Monday`)              | `ZZZ`       | offset, always numeric       |

Space and `: / . , T - _` are copied as they are. Names (`MMM`, `EEE`...) can be formatted
but not parsed.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterator

import attrs

from flowlang.env.dates import localize
from flowlang.expressions.values import XError

DATE, TIME, DATETIME = "date", "time", "datetime"

# sequence -> (kind, parseable); kind "date" sequences need a date, "time" a time of day,
# "zone" an instant with an offset
_SEQUENCES = {
    "YY": ("date", True), "YYYY": ("date", True),
    "M": ("date", True), "MM": ("date", True), "MMM": ("date", False), "MMMM": ("date", False),
    "D": ("date", True), "DD": ("date", True),
    "EEE": ("date", False), "EEEE": ("date", False),
    "fffffffff": ("time", True), "ffffff": ("time", True), "fff": ("time", True),
    "h": ("time", True), "hh": ("time", True), "t": ("time", True), "tt": ("time", True),
    "m": ("time", True), "mm": ("time", True), "s": ("time", True), "ss": ("time", True),
    "aa": ("time", True), "AA": ("time", True),
    "Z": ("zone", True), "ZZZ": ("zone", True),
}
_ALLOWED = {DATE: {"date"}, TIME: {"time"}, DATETIME: {"date", "time", "zone"}}
_IGNORED = set(" :/.,T-_")

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]


@attrs.frozen
class Piece:
    text: str
    literal: bool


@functools.lru_cache(maxsize=256)
def split_layout(layout: str, mode: str, parsing: bool = False) -> tuple[Piece, ...] | XError:
    """The layout as sequences and literal runs, or an error naming the first bad sequence."""
    pieces = []
    i = 0
    while i < len(layout):
        ch = layout[i]
        j = i + 1
        while j < len(layout) and layout[j] == ch:
            j += 1
        seq = layout[i:j]
        if ch in _IGNORED:
            pieces.append(Piece(seq, True))
        else:
            spec = _SEQUENCES.get(seq)
            if spec is None or spec[0] not in _ALLOWED[mode] or (parsing and not spec[1]):
                return XError(f"'{seq}' is not valid in a {mode} format")
            pieces.append(Piece(seq, False))
        i = j
    return tuple(pieces)


def _offset_text(offset: dt.timedelta | None, z_for_utc: bool) -> str:
    if offset is None:
        return ""
    if z_for_utc and offset == dt.timedelta(0):
        return "Z"
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _format_sequence(seq: str, value) -> str:
    if seq == "YYYY":
        return f"{value.year:04d}"
    if seq == "YY":
        return f"{value.year % 100:02d}"
    if seq == "M":
        return str(value.month)
    if seq == "MM":
        return f"{value.month:02d}"
    if seq == "MMM":
        return MONTHS[value.month - 1][:3]
    if seq == "MMMM":
        return MONTHS[value.month - 1]
    if seq == "D":
        return str(value.day)
    if seq == "DD":
        return f"{value.day:02d}"
    if seq == "EEE":
        return DAYS[(value.weekday() + 1) % 7][:3]
    if seq == "EEEE":
        return DAYS[(value.weekday() + 1) % 7]
    if seq in ("h", "hh"):
        hour = value.hour % 12 or 12
        return str(hour) if seq == "h" else f"{hour:02d}"
    if seq == "t":
        return str(value.hour)
    if seq == "tt":
        return f"{value.hour:02d}"
    if seq == "m":
        return str(value.minute)
    if seq == "mm":
        return f"{value.minute:02d}"
    if seq == "s":
        return str(value.second)
    if seq == "ss":
        return f"{value.second:02d}"
    if seq.startswith("f"):
        return f"{value.microsecond:06d}000"[: len(seq)]
    if seq == "aa":
        return "pm" if value.hour >= 12 else "am"
    if seq == "AA":
        return "PM" if value.hour >= 12 else "AM"
    if seq == "Z":
        return _offset_text(value.utcoffset(), True)
    if seq == "ZZZ":
        return _offset_text(value.utcoffset(), False)
    raise AssertionError(seq)  # pragma: no cover - split_layout admits only known sequences


def format_layout(value, layout: str, mode: str) -> str | XError:
    """`value` (a date, time or datetime, as `mode` says) written out by `layout`."""
    pieces = split_layout(layout, mode)
    if isinstance(pieces, XError):
        return pieces
    return "".join(p.text if p.literal else _format_sequence(p.text, value) for p in pieces)


# what each sequence accepts when parsing (Go's rules: padded sequences need both digits)
_PARSE_PATTERNS = {
    "YYYY": r"(?P<year>\d{4})", "YY": r"(?P<year2>\d{2})",
    "M": r"(?P<month>\d{1,2})", "MM": r"(?P<month>\d{2})",
    "D": r"(?P<day>\d{1,2})", "DD": r"(?P<day>\d{2})",
    "h": r"(?P<hour12>\d{1,2})", "hh": r"(?P<hour12>\d{2})",
    "t": r"(?P<hour>\d{1,2})", "tt": r"(?P<hour>\d{1,2})",
    "m": r"(?P<minute>\d{1,2})", "mm": r"(?P<minute>\d{2})",
    # Go accepts a fraction after the seconds even when the layout has none
    "s": r"(?P<second>\d{1,2})(?:\.(?P<fraction_extra>\d+))?",
    "ss": r"(?P<second>\d{2})(?:\.(?P<fraction_extra>\d+))?",
    "fff": r"(?P<fraction>\d{3})", "ffffff": r"(?P<fraction>\d{6})", "fffffffff": r"(?P<fraction>\d{9})",
    "aa": r"(?P<ampm>[aApP][mM])", "AA": r"(?P<ampm>[aApP][mM])",
    "Z": r"(?P<zone>Z|[+-]\d{2}:?\d{2})", "ZZZ": r"(?P<zone>[+-]\d{2}:?\d{2})",
}


@functools.lru_cache(maxsize=256)
def _layout_regex(pieces: tuple[Piece, ...]) -> re.Pattern | XError:
    parts, seen = [], set()
    for piece in pieces:
        if piece.literal:
            parts.append(re.escape(piece.text))
            continue
        pattern = _PARSE_PATTERNS[piece.text]
        names = re.findall(r"\?P<(\w+)>", pattern)
        if any(name in seen for name in names):
            return XError(f"'{piece.text}' appears twice in the format")
        seen.update(names)
        parts.append(pattern)
    return re.compile("".join(parts), re.ASCII)


@attrs.frozen
class Parsed:
    date: dt.date | None
    time: dt.time
    offset: dt.timedelta | None


def _fields(groups: dict) -> Iterator[tuple[str, str]]:
    return ((k, v) for k, v in groups.items() if v is not None)


def parse_layout(text: str, layout: str, mode: str) -> Parsed | XError:
    """Read `text` written in `layout` (the whole text must match)."""
    pieces = split_layout(layout, mode, parsing=True)
    if isinstance(pieces, XError):
        return pieces
    regex = _layout_regex(pieces)
    if isinstance(regex, XError):
        return regex
    match = regex.fullmatch(text)
    if match is None:
        return XError(f"unable to parse \"{text}\" with the format \"{layout}\"")
    g = dict(_fields(match.groupdict()))
    year = int(g["year"]) if "year" in g else None
    if "year2" in g:  # Go's pivot: 69-99 are 19xx, 00-68 are 20xx
        short = int(g["year2"])
        year = short + (1900 if short >= 69 else 2000)
    hour = int(g.get("hour", 0))
    if "hour12" in g:
        hour = int(g["hour12"])
        if not 1 <= hour <= 12:
            return XError("hour out of range")
    ampm = g.get("ampm", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    minute, second = int(g.get("minute", 0)), int(g.get("second", 0))
    if hour > 23 or minute > 59 or second > 59:
        return XError("time out of range")
    fraction = g.get("fraction") or g.get("fraction_extra") or ""
    time = dt.time(hour, minute, second, int(fraction[:6].ljust(6, "0")))
    date = None
    if mode != TIME:
        month, day = int(g.get("month", 1)), int(g.get("day", 1))
        if not 1 <= month <= 12:
            return XError("month out of range")
        try:
            date = dt.date(year if year is not None else 1, month, day)
        except ValueError:
            return XError("day out of range")
    offset = None
    if "zone" in g:
        zone = g["zone"].replace(":", "")
        if zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            offset = sign * dt.timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
        else:
            offset = dt.timedelta(0)
    return Parsed(date, time, offset)


def parsed_datetime(parsed: Parsed, zone: dt.tzinfo) -> dt.datetime:
    """The instant a parse describes, seen in `zone` (text without an offset is local to `zone`)."""
    assert parsed.date is not None
    naive = dt.datetime.combine(parsed.date, parsed.time)
    if parsed.offset is None:
        return localize(naive, zone)
    return naive.replace(tzinfo=dt.timezone(parsed.offset)).astimezone(zone)
