"""Formatting functions: values written for people, with the environment's layouts and number
symbols (`format`, `format_date`, `format_datetime`, `format_time`, `format_number`,
`format_location`)."""

from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from flowlang.env.environment import Environment
from flowlang.expressions.functions import layouts
from flowlang.expressions.functions.convert import (
    to_bool,
    to_date,
    to_datetime,
    to_integer,
    to_number,
    to_text,
    to_time,
)
from flowlang.expressions.functions.datetimes import load_zone
from flowlang.expressions.functions.limits import MAX_FORMAT_PLACES, guard_arithmetic
from flowlang.expressions.functions.numbers import round_to
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError, XObject


def _layout_of(env: Environment, mode: str) -> str:
    if mode == layouts.DATE:
        return env.date_format.value
    if mode == layouts.TIME:
        return env.time_format.value
    return f"{env.date_format.value} {env.time_format.value}"


def group_digits(number: Decimal, places: int | None, humanize: bool, env: Environment) -> str:
    """`number` with `places` decimals (None: as many as it has) using the environment's
    decimal symbol, and digit grouping when `humanize`."""
    if places is not None:
        number = round_to(number, places, ROUND_HALF_UP)
    # format(..., "f") is linear; an explicit precision (".2f") is not, for huge exponents
    text = format(number.normalize(), "f") if number != 0 else "0"
    if places is not None:
        whole, _, fraction = text.partition(".")
        text = whole + ("." + fraction.ljust(places, "0") if places else "")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    symbols = env.number_format
    if humanize and len(whole) > 3:
        head = len(whole) % 3 or 3
        groups = [whole[:head]] + [whole[i:i + 3] for i in range(head, len(whole), 3)]
        whole = symbols.digit_grouping_symbol.join(groups)
    out = whole + (symbols.decimal_symbol + fraction if fraction else "")
    return ("-" if negative and any(c not in "0.," for c in text[1:]) else "") + out


@register("format_number", 1, 3)
@guard_arithmetic
def format_number(env, value, places=None, humanize=None):
    """`number` with `places` decimals (default as many as it has) and, when `humanize`
    (default true), its digits grouped in thousands."""
    number = to_number(value)
    if type(number) is XError:
        return number
    digits = None
    if places is not None:
        digits = to_integer(places)
        if type(digits) is XError:
            return digits
        if not 0 <= digits <= MAX_FORMAT_PLACES:
            return XError(f"must take 0-{MAX_FORMAT_PLACES} decimal places, got {digits}")
    group = True
    if humanize is not None:
        group = to_bool(humanize)
        if type(group) is XError:
            return group
    return group_digits(number, digits, group, env)


def _zone_arg(env, zone):
    if zone is None:
        return env.timezone
    name = to_text(zone)
    if type(name) is XError:
        return name
    return load_zone(name)


@register("format_date", 1, 2)
def format_date(env, value, layout=None):
    """`date` written with `format` (default the environment's date format)."""
    date = to_date(env, value)
    if type(date) is XError:
        return date
    layout = _layout_of(env, layouts.DATE) if layout is None else to_text(layout)
    if type(layout) is XError:
        return layout
    return layouts.format_layout(date, layout, layouts.DATE)


@register("format_datetime", 1, 3)
def format_datetime(env, value, layout=None, zone=None):
    """`datetime` written with `format` (default the environment's date and time formats) in
    `timezone` (default the environment's)."""
    value = to_datetime(env, value)
    if type(value) is XError:
        return value
    layout = _layout_of(env, layouts.DATETIME) if layout is None else to_text(layout)
    if type(layout) is XError:
        return layout
    tzinfo = _zone_arg(env, zone)
    if type(tzinfo) is XError:
        return tzinfo
    return layouts.format_layout(value.astimezone(tzinfo), layout, layouts.DATETIME)


@register("format_time", 1, 2)
def format_time(env, value, layout=None):
    """`time` written with `format` (default the environment's time format)."""
    value = to_time(env, value)
    if type(value) is XError:
        return value
    layout = _layout_of(env, layouts.TIME) if layout is None else to_text(layout)
    if type(layout) is XError:
        return layout
    return layouts.format_layout(value, layout, layouts.TIME)


@register("format_location", 1)
def format_location(env, value):
    """The name of the last level of a location path (`Rwanda > Kigali` gives `Kigali`)."""
    value = to_text(value)
    if type(value) is XError:
        return value
    return value.split(">")[-1].strip()


def format_value(env: Environment, value) -> str | XError:
    """goflow's Format: a value as a person would write it in this environment."""
    if isinstance(value, XObject) and value.has_default:
        return format_value(env, value.default)
    t = type(value)
    if value is None:
        return ""
    if t is XError:
        return value
    if t is Decimal:
        return group_digits(value, None, True, env)
    if t is dt.datetime:
        local = value.astimezone(env.timezone)
        return layouts.format_layout(local, _layout_of(env, layouts.DATETIME), layouts.DATETIME)
    if t is dt.date:
        return layouts.format_layout(value, _layout_of(env, layouts.DATE), layouts.DATE)
    if t is dt.time:
        return layouts.format_layout(value, _layout_of(env, layouts.TIME), layouts.TIME)
    if isinstance(value, list):
        parts = []
        for item in value:
            text = format_value(env, item)
            if type(text) is XError:
                return text
            parts.append(text)
        return ", ".join(parts)
    if isinstance(value, dict):
        lines = []
        for key in sorted(value):
            text = format_value(env, value[key])
            if type(text) is XError:
                return text
            lines.append(f"{key}: {text}")
        return "\n".join(lines)
    return to_text(value)


@register("format", 1)
@guard_arithmetic
def format_(env, value):
    """`value` formatted for people by its type: dates, times and numbers use the environment."""
    return format_value(env, value)
