"""The expression context of a session: goflow's modern roots, built from session data.

The legacy names (`@flow`, `@extra`, `@step`, `@date`, `@contact.<field>`) are resolved by
the expression evaluator from these roots, so a host's plain context behaves the same.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flowlang.expressions.values import XObject, from_json
from flowlang.vm.session import Result, Session


def result_value(result: Result) -> XObject:
    props = {
        "name": result.name,
        "value": result.value,
        "category": result.category,
        "category_localized": result.category,
        "input": result.input,
        "extra": from_json(result.extra),
        "node_uuid": result.node,
        "created_on": from_json(_datetime(result.created_on)),
        "values": [result.value],
        "categories": [result.category] if result.category is not None else [],
    }
    return XObject(props, result.value)


def _datetime(text: str | None) -> Any:
    if not text:
        return None
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text


def contact_value(session: Session) -> XObject:
    c = session.contact
    first_name = c.name.split()[0] if c.name and c.name.split() else None
    urns = list(c.urns)
    props = {
        "uuid": c.uuid,
        "name": c.name,
        "first_name": first_name,
        "language": c.language,
        "timezone": c.timezone,
        "urn": c.urn,
        "urns": urns,
        "groups": [XObject(dict(g), g.get("name")) for g in c.groups],
        "fields": from_json(c.fields),
        "created_on": from_json(_datetime(c.created_on)),
        "channel": None,
    }
    return XObject(props, c.name if c.name is not None else "")


def input_value(session: Session) -> XObject | None:
    message = session.input
    if message is None:
        return None
    props = {
        "type": "msg",
        "text": message.text,
        "attachments": list(message.attachments),
        "urn": session.contact.urn,
        "channel": None,
        "created_on": from_json(_datetime(message.created_on)),
    }
    return XObject(props, message.text)


def webhook_value(session: Session) -> XObject | None:
    call = session.webhook
    if call is None:
        return None
    data = from_json(call)
    return XObject(data, data.get("json") if data.get("json") is not None else data.get("body", ""))


def build_context(session: Session, program) -> dict[str, Any]:
    results = {name: result_value(r) for name, r in session.results.items()}
    contact = contact_value(session)
    return {
        "contact": contact,
        "fields": contact["fields"],
        "urns": _urns_by_scheme(session.contact.urns),
        "results": results,
        "run": XObject({
            "uuid": "",
            "status": session.status,
            "flow": XObject({"uuid": program.hash, "name": program.title}, program.title),
            "results": results,
            "created_on": from_json(_datetime(session.created_on)),
        }, program.title),
        "input": input_value(session),
        "webhook": webhook_value(session),
        "globals": from_json(session.globals),
        "trigger": {"type": "manual", "params": {}},
        "node": XObject({"uuid": session.node or "", "visit_count": 0}),
        "parent": _run_of(session.stack[-1].results, session.stack[-1].flow, contact) if session.stack else None,
        "child": _run_of(session.child, None, contact) if session.child is not None else None,
        "locals": {},
        "legacy_extra": from_json(session.extra),
    }


def _run_of(results: dict[str, Result], flow: str | None, contact: XObject) -> XObject:
    """A parent or child run as goflow shows it: its contact and results (`@parent.results.x`,
    legacy `@parent.x`). A child renders as its results, as legacy `@child` did."""
    values = {name: result_value(r) for name, r in results.items()}
    props = {"contact": contact, "fields": contact["fields"], "urns": contact["urns"], "results": values,
             "flow": {"name": flow or ""}, "status": "active" if flow else "completed"}
    return XObject(props) if flow else XObject(props, values)


def _urns_by_scheme(urns: list[str]) -> dict[str, Any]:
    by_scheme: dict[str, Any] = {}
    for urn in urns:
        scheme = urn.split(":", 1)[0] if ":" in urn else "ext"
        by_scheme.setdefault(scheme, urn)
    return by_scheme
