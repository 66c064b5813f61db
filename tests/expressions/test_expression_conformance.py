"""goflow's expression and legacy-migration tables, through the conformance runners."""

from __future__ import annotations

from flowlang.testing.conformance import expressions as expressions_runner
from flowlang.testing.conformance import legacy as legacy_runner
from flowlang.testing.conformance.report import Report

# Legacy templates whose meaning collides with a modern one: the modern reading wins
# (see docs/conformance.md, "Expressions").
KNOWN_LEGACY_DEVIATIONS = {
    "migrations line 43 '@contact.groups'",  # modern: the array of groups; legacy: names joined by ","
    "migrations line 92 '@parent.contact.groups'",  # the same, on the parent's contact
}


def _run(module, table: dict) -> Report:
    report = Report(verbose=True)
    module.run(table, report)
    return report


def test_expressions_table_passes_at_least_97_percent(expressions_table):
    report = _run(expressions_runner, expressions_table)
    ran = report.passed + report.failed
    assert report.passed / ran >= 0.97, "\n".join(report.failures)
    assert report.failures == []  # every evaluated row passes today: any failure is a regression


def test_expressions_table_skips_only_rows_needing_goflows_session_or_random(expressions_table):
    report = _run(expressions_runner, expressions_table)
    assert all(reason.startswith("docgen:") for reason in report.skip_reasons)
    assert report.skipped <= 20


def test_legacy_templates_render_like_their_migrations_except_known_collisions(legacy_table):
    report = _run(legacy_runner, legacy_table)
    unexpected = [f for f in report.failures if not any(f.startswith("FAIL " + d) for d in KNOWN_LEGACY_DEVIATIONS)]
    assert unexpected == []
    assert report.failed <= len(KNOWN_LEGACY_DEVIATIONS)
    assert report.passed / (report.passed + report.failed) >= 0.97
