"""Runner for goflow/legacy_migrations.json.

flowlang does not rewrite legacy templates: it evaluates them directly, deriving the legacy
roots (`@flow`, `@extra`, `@step`, `@date`, `@channel`, `@contact.<field>`...) from the modern
context. So a `migrations` row checks that the legacy template and the modern template goflow
migrates it to render the *same text* in flowlang, against one sample session (below).

`legacy_tests` are the old engine's own test cases with its own outputs; where legacy and
current semantics differ, goflow's win in flowlang, so those rows are informational: each is
counted as a skip whose reason says whether flowlang's output matches the old engine's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from flowlang.env import Environment
from flowlang.expressions import compile_template
from flowlang.expressions.values import XObject, from_json
from flowlang.testing.conformance.expressions import load_library
from flowlang.testing.conformance.report import Report

ENV = Environment(
    date_format="DD-MM-YYYY",
    timezone="America/Guayaquil",
    default_country="US",
    now=dt.datetime(2018, 4, 11, 18, 24, 30, 123456, tzinfo=dt.timezone.utc),
)

_CREATED = dt.datetime(2018, 4, 11, 13, 24, 30, 123456, tzinfo=dt.timezone(dt.timedelta(hours=-5)))


def _result(name: str, value: str, category: str, localized: str, text: str) -> XObject:
    return XObject({
        "name": name, "value": value, "category": category, "category_localized": localized,
        "input": text, "extra": None, "node_uuid": "f5bb9b7a-7b5e-45c3-8f0e-61b4e95edf03",
        "created_on": _CREATED, "values": [value], "categories": [category],
    }, value)


def _contact(name: str, fields: dict, urns: list[str]) -> XObject:
    return XObject({
        "uuid": "5d76d86b-3bb9-4d5a-b822-c9d86f5d8e4f", "id": Decimal(1234567), "name": name,
        "first_name": name.split()[0], "language": "eng", "timezone": "America/Guayaquil",
        "urn": urns[0] if urns else None, "urns": urns, "fields": fields,
        "groups": [{"uuid": "b7cf0d83-f1c9-411c-96fd-c511a4cfa86d", "name": "Testers"},
                   {"uuid": "4f1f98fc-27a7-4a69-bbdb-24744ba739a9", "name": "Males"}],
        "created_on": _CREATED,
        "channel": XObject({"uuid": "57f1078f-88aa-46f4-a59a-948a5739c03d", "name": "My Android Phone",
                            "address": "+17036975131"}, "My Android Phone"),
    }, name)


def _urns(urns: list[str]) -> XObject:
    by_scheme: dict = {}
    for urn in urns:
        by_scheme.setdefault(urn.split(":", 1)[0], urn)
    return XObject(by_scheme)


def sample_context() -> dict:
    """A modern context like the interpreter's, with something behind every legacy name."""
    urns = ["tel:+12024561111", "twitterid:54784326227#nyaruka", "mailto:foo@bar.com"]
    fields = {"gender": "Male", "age": Decimal(23), "activation_token": "AACC55"}
    contact = _contact("Ryan Lewis", fields, urns)
    results = {
        "favorite_color": _result("Favorite Color", "red", "Red", "Rojo", "I like red"),
        "2factor": _result("2Factor", "34634624463525", "Other", "Other", "34634624463525"),
        "1": _result("1", "one", "One", "Uno", "one"),
        "1337": _result("1337", "leet", "Leet", "Leet", "leet"),
        "time_input": _result("Time Input", "10:30", "Has Time", "Has Time", "10:30"),
        "age": _result("Age", "23", "Adult", "Adulto", "I am 23"),
    }
    parent_urns = ["tel:+593979111111"]
    parent_contact = _contact("Jasmine Lewis", {"gender": "Female", "age": Decimal(41)}, parent_urns)
    parent = XObject({
        "uuid": "4213ac47-93fd-48c4-af12-7da8218ef09d", "contact": parent_contact,
        "fields": parent_contact["fields"], "urns": _urns(parent_urns),
        "results": {"role": _result("Role", "reporter", "Reporter", "Reportero", "I'm a reporter")},
        "status": "active",
    })
    child = XObject({
        "uuid": "9688d21d-95aa-4bed-afc7-f31b35731a3d", "contact": contact, "fields": fields,
        "urns": _urns(urns), "results": {"age": _result("Age", "23", "Adult", "Adulto", "23")},
        "status": "completed",
    })
    # as in the interpreter (flowlang/vm/context.py): a child run renders as its results
    child.default = child["results"]
    return {
        "contact": contact, "fields": fields, "urns": _urns(urns), "results": results,
        "input": XObject({
            "uuid": "9bf91c2b-ce58-4cef-aacc-281e03f69ab5", "type": "msg_in", "text": "Hi there",
            "urn": "tel:+12024561111", "created_on": _CREATED, "channel": None,
            "attachments": ["image/jpeg:http://s3.amazon.com/bucket/test.jpg",
                            "audio/mp3:http://s3.amazon.com/bucket/test.mp3"],
        }, "Hi there"),
        "legacy_extra": from_json({"address": {"state": "WA"}, "exists": "yes"}),
        "parent": parent, "child": child, "run": {"status": "active"}, "globals": {},
    }


def run(data: dict, report: Report) -> None:
    load_library()
    context = sample_context()
    for row in data["migrations"]:
        where = f"migrations line {row['line']} {row['old']!r} -> {row['new']!r}"
        if row.get("dont_eval"):
            report.skip("migration not evaluated by goflow either (dont_eval)")
            continue
        if row.get("default_to_self"):
            report.skip("migration option default_to_self (the migrated text is a fallback expression)")
            continue
        try:
            legacy = compile_template(row["old"]).render(context, ENV)[0]
            modern = compile_template(row["new"]).render(context, ENV)[0]
        except Exception as e:  # a crash fails the row, not the run
            report.fail(where, "no exception", f"{type(e).__name__}: {e}")
            continue
        report.check(where, legacy == modern, f"{modern!r} (the modern template's text)", repr(legacy))
    for row in data.get("legacy_tests", []):
        _informational(row, report)


def _informational(row: dict, report: Report) -> None:
    ctx = row["context"]
    env = Environment(
        timezone=ctx.get("timezone") or "UTC",
        date_format="DD-MM-YYYY" if ctx.get("date_style") == "day_first" else "MM-DD-YYYY",
        now=dt.datetime.fromisoformat(ctx["now"].replace("Z", "+00:00")) if ctx.get("now") else ENV.now,
    )
    variables = _legacy_variables(ctx.get("variables") or {})
    try:
        text, _ = compile_template(row["template"]).render(variables, env)
    except Exception as e:
        report.fail(f"legacy_tests {row['template']!r}", "no exception", f"{type(e).__name__}: {e}")
        return
    expected = row.get("output")
    if expected is not None and text == expected:
        report.skip("legacy_tests (informational): flowlang matches the legacy engine")
    else:
        report.skip("legacy_tests (informational): legacy engine output differs (goflow semantics win)")


def _legacy_variables(data):
    """The legacy engine's context: `*` is what an object renders as."""
    if isinstance(data, dict):
        props = {k: _legacy_variables(v) for k, v in data.items() if k != "*"}
        return XObject(props, _legacy_variables(data["*"])) if "*" in data else props
    if isinstance(data, list):
        return [_legacy_variables(v) for v in data]
    return from_json(data)
