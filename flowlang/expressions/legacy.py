"""The legacy names of older RapidPro flows, derived from goflow's modern context.

`@flow` (results with the old property names), `@extra` (merged webhook JSON), `@step` (the
last message), `@date` (the clock), `@channel`, and on modern objects the old shortcuts:
`@contact.<field>`, `@contact.<urn scheme>`, `@parent.<result>`, `@child.<result>`. Each is
used only where the context does not define the name itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flowlang.expressions import registry
from flowlang.expressions.objects import MISSING, get_key
from flowlang.expressions.values import FormattedDate, XObject, render

ROOTS = frozenset({"flow", "extra", "step", "date", "channel"})

# legacy result property -> modern result property
LEGACY_RESULT_PROPS = {"category": "category_localized", "text": "input", "time": "created_on"}

# URN schemes RapidPro knows: `@contact.<scheme>` is the contact's first URN of that scheme
URN_SCHEMES = frozenset({
    "tel", "mailto", "twitter", "twitterid", "facebook", "telegram", "whatsapp", "viber", "line",
    "ext", "fcm", "jiochat", "wechat", "discord", "instagram", "vk", "freshchat", "rocketchat",
    "slack", "webchat", "external",
})


def legacy_property(value: dict, key: str) -> Any:
    """Legacy names on modern objects, tried only when the object lacks `key`: a run's results
    (`@parent.role`, `@child.age`), then a contact's fields and URNs (`@contact.age`,
    `@contact.tel`)."""
    results = value.get("results")
    if isinstance(results, dict) and "contact" in value:  # a run (parent, child), not any JSON
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
    layout = env.date_format.value
    # legacy dates were text in the environment's date format (that still did date arithmetic)
    return XObject({
        "now": now,
        "today": FormattedDate(today, layout),
        "tomorrow": FormattedDate(today + day, layout),
        "yesterday": FormattedDate(today - day, layout),
    }, now)


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


BUILDERS = {
    "flow": _legacy_flow,
    "extra": _legacy_extra,
    "step": _legacy_step,
    "date": _legacy_date,
    "channel": _legacy_channel,
}
