"""goflow's router tests, tokenizer and collation tables, through the conformance runner."""

from __future__ import annotations

import pytest

from flowlang.testing.conformance import rules as runner
from flowlang.testing.conformance.report import Report


def test_every_row_of_router_tests_passes(router_tests):
    report = Report(verbose=True)
    runner.run(router_tests, report)
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
