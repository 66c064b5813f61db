"""Resolving names and lookups against the evaluation context, including the legacy roots.

The interpreter supplies goflow's modern roots (`contact`, `results`, `input`, ...). Flows
written for older RapidPro use `@flow`, `@extra`, `@step`, `@date` and `@channel`; when the
context does not define those names they are derived here from the modern roots, so both
dialects run against the same session.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flowlang.expressions import registry
from flowlang.expressions.values import XError, XFunction, XObject, render, render_for_error, to_number

MISSING = object()

MODERN_ROOTS = frozenset({
    "contact", "fields", "urns", "results", "run", "input", "webhook", "globals", "trigger",
    "parent", "child", "node", "locals", "legacy_extra",
})
LEGACY_ROOTS = frozenset({"flow", "extra", "step", "date", "channel"})
KNOWN_ROOTS = MODERN_ROOTS | LEGACY_ROOTS

# legacy result property -> modern result property
LEGACY_RESULT_PROPS = {"category": "category_localized", "text": "input", "time": "created_on"}


def get_key(mapping: dict, key: str) -> Any:
    """`mapping[key]` with keys matched case-insensitively (goflow's objects), or MISSING."""
    value = mapping.get(key, MISSING)
    if value is not MISSING:
        return value
    lowered = key.lower()
    value = mapping.get(lowered, MISSING)
    if value is not MISSING:
        return value
    for candidate, value in mapping.items():
        if type(candidate) is str and candidate.lower() == lowered:
            return value
    return MISSING


def has_root(context: dict, name: str) -> bool:
    """Whether `@name` is a reference (rather than literal text) in this context."""
    return name in LEGACY_ROOTS or get_key(context, name) is not MISSING


def lookup(value: Any, key: str) -> Any:
    """`value.key` (and `value["key"]`): object properties, or array items by number."""
    if isinstance(value, dict):
        found = get_key(value, key)
        if found is MISSING:
            found = _legacy_property(value, key)
            if found is MISSING:
                return XError(f"object has no property '{key}'")
        return found
    if type(value) is XError:
        return value
    if isinstance(value, list):
        return item(value, key)
    return XError(f"{render_for_error(value)} doesn't support lookups")


def index(value: Any, key: Any) -> Any:
    """`value[key]` with an evaluated key: a number for arrays, text for objects."""
    if type(value) is XError:
        return value
    if type(key) is XError:
        return key
    if isinstance(value, list):
        return item(value, key)
    if isinstance(value, dict):
        return lookup(value, render(key))
    return XError(f"{render_for_error(value)} doesn't support lookups")


def item(array: list, key: Any) -> Any:
    """An array item by (possibly negative) index, as goflow indexes."""
    number = to_number(key)
    if type(number) is XError:
        return number
    if number != number.to_integral_value():
        return XError(f"{render(number)} is not a valid array index")
    position = int(number)
    size = len(array)
    if position < -size or position >= size:
        return XError(f"index {position} out of range for {size} items")
    return array[position]


# URN schemes RapidPro knows: `@contact.<scheme>` is the contact's first URN of that scheme
URN_SCHEMES = frozenset({
    "tel", "mailto", "twitter", "twitterid", "facebook", "telegram", "whatsapp", "viber", "line",
    "ext", "fcm", "jiochat", "wechat", "discord", "instagram", "vk", "freshchat", "rocketchat",
    "slack", "webchat", "external",
})


def _legacy_property(value: dict, key: str) -> Any:
    """Legacy names on modern objects, tried only when the object lacks `key`: a run's results
    (`@parent.role`, `@child.age`), then a contact's fields and URNs (`@contact.age`,
    `@contact.tel`)."""
    results = value.get("results")
    if isinstance(results, dict):
        found = get_key(results, key)
        if found is not MISSING:
            return legacy_result(found)
    fields = value.get("fields")
    if isinstance(fields, dict):
        found = get_key(fields, key)
        if found is not MISSING:
            return found
    lowered = key.lower()
    if lowered in URN_SCHEMES and ("urns" in value or "fields" in value):
        return legacy_urn(value.get("urns"), lowered)
    return MISSING


def legacy_urn(urns: Any, scheme: str) -> Any:
    """The legacy URN object (`display`, `scheme`, `path`, `urn`) of a contact's first URN
    with `scheme`, rendering as its display form; nil if the contact has none."""
    candidates: list = []
    if isinstance(urns, list):
        candidates = urns
    elif isinstance(urns, dict):
        found = get_key(urns, scheme)
        candidates = [] if found is MISSING or found is None else [found]
    for urn in candidates:
        text = render(urn)
        if text.lower().startswith(scheme + ":"):
            path = text.split(":", 1)[1].split("?", 1)[0].split("#", 1)[0]
            display = path
            formatter = registry.lookup("format_urn")
            if formatter is not None:
                try:
                    formatted = formatter.impl(None, text)
                except Exception:
                    formatted = None
                if type(formatted) is str:
                    display = formatted
            return XObject({"scheme": scheme, "path": path, "urn": text, "display": display}, display)
    return None


def function_value(name: str) -> XFunction | None:
    """A registered function as a value (`@(foreach(list, upper))`)."""
    spec = registry.lookup(name)
    if spec is None:
        return None
    cached = _FUNCTION_VALUES.get(spec.name)
    if cached is None or cached[0] is not spec:
        cached = (spec, XFunction(spec.name, _bound_call(spec)))
        _FUNCTION_VALUES[spec.name] = cached
    return cached[1]


_FUNCTION_VALUES: dict[str, tuple[Any, XFunction]] = {}


def _bound_call(spec):
    from flowlang.expressions.calls import call_spec

    def call(env, *args):
        return call_spec(spec, env, list(args), None)

    return call


def resolve_root(context: dict, env, name: str) -> Any:
    """A top-level name: a context root, a legacy root derived from the modern ones, or a function."""
    found = get_key(context, name)
    if found is not MISSING:
        return found
    legacy = _LEGACY.get(name)
    if legacy is not None:
        return legacy(context, env)
    function = function_value(name)
    if function is not None:
        return function
    return XError(f"context has no property '{name}'")


def _root(context: dict, name: str) -> Any:
    found = get_key(context, name)
    return None if found is MISSING else found


def legacy_result(result: Any) -> Any:
    """A modern result seen through the legacy property names (`.category`, `.text`, `.time`)."""
    if not isinstance(result, dict):
        return result
    props = dict(result)
    for old, new in LEGACY_RESULT_PROPS.items():
        modern = get_key(result, new)
        if modern is not MISSING:
            props[old] = modern
        elif old == "category" and get_key(result, "category") is not MISSING:
            props[old] = get_key(result, "category")
    if "value" not in props:
        props["value"] = result.default if isinstance(result, XObject) and result.has_default else None
    default = result.default if isinstance(result, XObject) and result.has_default else props.get("value")
    return XObject(props, default)


def _legacy_flow(context: dict, env) -> Any:
    results = _root(context, "results")
    if not isinstance(results, dict):
        results = {}
    flow = {key: legacy_result(value) for key, value in results.items()}
    contact = _root(context, "contact")
    if contact is not None and "contact" not in flow:
        flow["contact"] = contact  # `@flow.contact.name` is the contact
    return XObject(flow, results)


def _legacy_extra(context: dict, env) -> Any:
    extra = _root(context, "legacy_extra")
    extra = extra if isinstance(extra, dict) else {}
    if get_key(extra, "flow") is MISSING:
        parent = _root(context, "parent")
        if isinstance(parent, dict):  # `@extra.flow.X` was the parent run's result X
            extra = XObject(extra, extra.default if isinstance(extra, XObject) and extra.has_default else extra)
            extra["flow"] = _legacy_flow(parent, env)
    return extra


def _legacy_step(context: dict, env) -> Any:
    message = _root(context, "input")
    contact = _root(context, "contact")
    if not isinstance(message, dict):
        return XObject({"value": message, "text": message, "contact": contact}, message)
    text = get_key(message, "text")
    text = None if text is MISSING else text
    props = dict(message)
    props["value"] = text
    props["text"] = text
    props["contact"] = contact
    created = get_key(message, "created_on")
    props["time"] = None if created is MISSING else created
    attachments = get_key(message, "attachments")
    # legacy attachments were URLs; modern ones are "content-type:url"
    props["attachments"] = [] if not isinstance(attachments, list) else [
        render(a).split(":", 1)[1] if ":" in render(a) and "/" in render(a).split(":", 1)[0] else render(a)
        for a in attachments
    ]
    return XObject(props, text)


def _legacy_date(context: dict, env) -> Any:
    now = env.local_now()
    today = now.date()
    day = dt.timedelta(days=1)
    # legacy dates were text in the environment's date format
    return XObject({
        "now": now,
        "today": format_date(today, env),
        "tomorrow": format_date(today + day, env),
        "yesterday": format_date(today - day, env),
    }, now)


def format_date(date: dt.date, env) -> str:
    """A date in the environment's date format (`DD-MM-YYYY` -> `11-04-2018`)."""
    layout = env.date_format.value
    return (layout.replace("YYYY", f"{date.year:04d}").replace("YY", f"{date.year % 100:02d}")
            .replace("MM", f"{date.month:02d}").replace("DD", f"{date.day:02d}"))


def _legacy_channel(context: dict, env) -> Any:
    contact = _root(context, "contact")
    channel = get_key(contact, "channel") if isinstance(contact, dict) else MISSING
    if not isinstance(channel, dict):
        return None
    address = get_key(channel, "address")
    address = None if address is MISSING else address
    props = dict(channel)
    props.setdefault("tel", address)
    props.setdefault("tel_e164", address)
    return XObject(props, address)


_LEGACY = {
    "flow": _legacy_flow,
    "extra": _legacy_extra,
    "step": _legacy_step,
    "date": _legacy_date,
    "channel": _legacy_channel,
}

__all__ = ["KNOWN_ROOTS", "LEGACY_ROOTS", "MODERN_ROOTS", "MISSING",
           "get_key", "has_root", "index", "item", "lookup", "resolve_root"]
