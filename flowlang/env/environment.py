"""The `Environment`: goflow's envs.Environment as an immutable attrs value."""

from __future__ import annotations

import datetime as dt
import enum
from typing import Any
from zoneinfo import ZoneInfo

import attrs


class DateFormat(str, enum.Enum):
    """Date layouts goflow supports; the order of the parts decides day-first vs month-first."""

    YYYY_MM_DD = "YYYY-MM-DD"
    DD_MM_YYYY = "DD-MM-YYYY"
    MM_DD_YYYY = "MM-DD-YYYY"
    # goflow also accepts the short-year and dotted/slashed variants
    YY_MM_DD = "YY-MM-DD"
    DD_MM_YY = "DD-MM-YY"
    MM_DD_YY = "MM-DD-YY"
    DD_MM_YYYY_SLASH = "DD/MM/YYYY"
    MM_DD_YYYY_SLASH = "MM/DD/YYYY"
    YYYY_MM_DD_SLASH = "YYYY/MM/DD"
    DD_MM_YYYY_DOT = "DD.MM.YYYY"
    MM_DD_YYYY_DOT = "MM.DD.YYYY"
    YYYY_MM_DD_DOT = "YYYY.MM.DD"

    @property
    def day_first(self) -> bool:
        return self.value.startswith("DD")

    @property
    def year_first(self) -> bool:
        return self.value.startswith("Y")


class TimeFormat(str, enum.Enum):
    HH_MM = "hh:mm"
    HH_MM_AA = "hh:mm aa"
    HH_MM_SS = "hh:mm:ss"
    TT_MM = "tt:mm"
    TT_MM_SS = "tt:mm:ss"
    H_MM_AA = "h:mm aa"
    H_MM_SS_AA = "h:mm:ss aa"


@attrs.frozen
class NumberFormat:
    decimal_symbol: str = "."
    digit_grouping_symbol: str = ","


# The UTC reading used when the host supplies no clock; the VM never reads the wall clock
# itself, so a deterministic default keeps evaluation reproducible.
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)


def _zone(value: Any) -> dt.tzinfo:
    if isinstance(value, dt.tzinfo):
        return value
    return ZoneInfo(value or "UTC")


def _date_format(value: Any) -> DateFormat:
    return value if isinstance(value, DateFormat) else DateFormat(value)


def _time_format(value: Any) -> TimeFormat:
    return value if isinstance(value, TimeFormat) else TimeFormat(value)


def _number_format(value: Any) -> NumberFormat:
    if isinstance(value, NumberFormat):
        return value
    if isinstance(value, dict):
        return NumberFormat(**value)
    return NumberFormat()


@attrs.frozen
class Environment:
    """Where and when evaluation happens.

    `now` is a reading of the host's clock taken once per resume: `@(now())`, date rules and
    `@date.now` all see the same instant, and the VM stays deterministic.
    `locations` is the host's location hierarchy for has_state/has_district/has_ward
    (a tree of {"name": ..., "aliases": [...], "children": [...]} dicts), or None.
    """

    date_format: DateFormat = attrs.field(default=DateFormat.DD_MM_YYYY, converter=_date_format)
    time_format: TimeFormat = attrs.field(default=TimeFormat.TT_MM, converter=_time_format)
    timezone: dt.tzinfo = attrs.field(default=dt.timezone.utc, converter=_zone)
    default_country: str | None = None
    number_format: NumberFormat = attrs.field(factory=NumberFormat, converter=_number_format)
    input_collation: str = "default"  # "default" | "confusables" | "arabic_variants"
    default_language: str | None = None
    allowed_languages: tuple[str, ...] = ()
    redaction_policy: str = "none"
    now: dt.datetime = EPOCH
    locations: Any = attrs.field(default=None, eq=False, hash=False)

    @property
    def timezone_name(self) -> str:
        return getattr(self.timezone, "key", None) or str(self.timezone)

    def local_now(self) -> dt.datetime:
        """`now` in the environment's timezone."""
        return self.now.astimezone(self.timezone)

    def with_now(self, now: dt.datetime) -> "Environment":
        return attrs.evolve(self, now=now)

    @classmethod
    def from_dict(cls, data: dict) -> "Environment":
        """Build from goflow-style JSON (the conformance tables' `envs`)."""
        kwargs = {k: v for k, v in data.items() if k in attrs.fields_dict(cls)}
        if isinstance(kwargs.get("now"), str):
            kwargs["now"] = dt.datetime.fromisoformat(kwargs["now"].replace("Z", "+00:00"))
        if kwargs.get("locations") is not None and not isinstance(kwargs["locations"], (dict, list)):
            kwargs.pop("locations")
        return cls(**kwargs)
