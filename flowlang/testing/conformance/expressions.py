"""Runner for goflow/expressions.json: templates in the modes template_value, template and docgen.

- template_value: `Template.value` must give the typed value (an error value where goflow errs)
- template: `Template.render` must give the text; rows expecting an error need at least one
  error message, and rows with `expected_error_message` the exact joined messages and no text
- docgen: goflow's documented examples, rendered in the docs' environment; rows reading the
  example session's `contact`/`urns` run against those roots built from the table's literals;
  rows that need state produced by running goflow's example flow (`fields`, `run`, `results`)
  or goflow's seeded random numbers are skipped
"""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any

import attrs

from flowlang.env import Environment
from flowlang.expressions import compile_template
from flowlang.expressions.context import function_value
from flowlang.expressions.values import XError, XFunction, XObject
from flowlang.testing.conformance.report import Report
from flowlang.testing.conformance.xval import decode, same, show

# the environment goflow's docgen evaluates examples in (see contexts.docgen_session.how_built)
DOCGEN_ENV = Environment(
    date_format="DD-MM-YYYY",
    timezone="America/Guayaquil",
    allowed_languages=("eng", "spa"),
    now=dt.datetime(2018, 4, 11, 18, 24, 30, 123456, tzinfo=dt.timezone.utc),
)


def _with_functions(value: Any) -> Any:
    """Tables name functions only; make them the registered (callable) functions."""
    if isinstance(value, XFunction):
        return function_value(value.name) or value
    if isinstance(value, XObject):
        converted = XObject({k: _with_functions(v) for k, v in value.items()})
        if value.has_default:
            converted.default = _with_functions(value.default)
        return converted
    if isinstance(value, dict):
        return {k: _with_functions(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_with_functions(v) for v in value]
    return value


def _env(data: dict | None) -> Environment:
    if not data:
        return Environment()
    fields = {k: v for k, v in data.items() if k != "now"}  # "real clock": not fixed by the tests
    fields["timezone"] = fields.get("timezone") or "UTC"
    return Environment.from_dict(fields)


def _context(contexts: dict, name: str) -> tuple[dict, Environment]:
    entry = contexts[name]
    value = _with_functions(decode(entry["value"])) if entry.get("value") is not None else {}
    return dict(value), _env(entry.get("env"))


def load_library() -> None:
    """Register every function the tables call: goflow's library and the rule tests."""
    for module in ("flowlang", "flowlang.expressions.functions", "flowlang.rules"):
        try:
            importlib.import_module(module)
        except ImportError:
            pass


# roots of the docgen session that exist before its example flow runs (built from the table's
# literals); rows reading other roots need state only running goflow's test flow produces
SESSION_ROOTS_FROM_LITERALS = {"contact", "urns"}


def _field_value(field_type: str, value: dict | None) -> Any:
    if not value:
        return None
    if field_type == "number" and "number" in value:
        return decode({"$type": "number", "value": str(value["number"])})
    if field_type == "datetime" and "datetime" in value:
        return dt.datetime.fromisoformat(value["datetime"])
    return value.get("text")


def session_context(literals: dict) -> dict:
    """`contact` and `urns` of goflow's docgen session, from the literals it was built from."""
    contact = literals.get("sessionContact") or {}
    assets = literals.get("sessionAssets") or {}
    values = contact.get("fields") or {}
    fields = {f["key"]: _field_value(f.get("type", "text"), values.get(f["key"])) for f in assets.get("fields", [])}
    urns = list(contact.get("urns") or [])
    by_scheme: dict = {}
    for urn in urns:
        by_scheme.setdefault(urn.split(":", 1)[0], urn.split("?", 1)[0])
    props = {
        "uuid": contact.get("uuid"), "name": contact.get("name"),
        "first_name": (contact.get("name") or "").split(" ")[0] or None,
        "language": contact.get("language"), "timezone": contact.get("timezone"),
        "urn": urns[0] if urns else None, "urns": urns,
        "groups": [{"uuid": g["uuid"], "name": g["name"]} for g in contact.get("groups", [])],
        "fields": fields,
    }
    return {"contact": XObject(props, contact.get("name")), "urns": XObject(by_scheme)}


def run(data: dict, report: Report) -> None:
    load_library()
    contexts = data["contexts"]
    literals = contexts.get("docgen_session", {}).get("literals", {})
    docgen_env = attrs.evolve(DOCGEN_ENV, locations=literals.get("sessionAssets", {}).get("locations"))
    session = session_context(literals)
    prepared: dict[str, tuple[dict, Environment]] = {}
    for number, row in enumerate(data["rows"]):
        mode = row["mode"]
        where = f"row {number} [{mode}] {row['template']!r}"
        if mode == "docgen":
            if row.get("depends_on"):
                report.skip(f"docgen: depends on {', '.join(row['depends_on'])}")
                continue
            needs = set(row.get("uses_context") or ())
            if needs - SESSION_ROOTS_FROM_LITERALS:
                report.skip("docgen: needs state that running goflow's example flow produces")
                continue
            context, env = session, docgen_env
        else:
            if row["context"] not in prepared:
                prepared[row["context"]] = _context(contexts, row["context"])
            context, env = prepared[row["context"]]
        try:
            _check_row(row, mode, where, context, env, report)
        except Exception as e:  # a crash is a failure of that row, not of the run
            report.fail(where, "no exception", f"{type(e).__name__}: {e}")


def _check_row(row: dict, mode: str, where: str, context: dict, env: Environment, report: Report) -> None:
    template = compile_template(row["template"])
    if mode == "template_value":
        actual = template.value(context, env)
        if row["expected_error"]:
            report.check(where, isinstance(actual, XError), "an error", show(actual))
        else:
            expected = decode(row["expected"])
            report.check(where, same(expected, actual), show(expected), show(actual))
        return
    text, errors = template.render(context, env)
    if row["expected_error"]:
        message = row.get("expected_error_message")
        if message is not None:
            actual = ", ".join(errors)
            report.check(where, text == "" and actual == message, f"'' with {message!r}", f"{text!r} with {actual!r}")
        else:
            report.check(where, bool(errors), "an error", f"{text!r} without errors")
        return
    expected = row["expected"]
    report.check(where, text == expected and not errors, repr(expected), f"{text!r} errors={errors}")
