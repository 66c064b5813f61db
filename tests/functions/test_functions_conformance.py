"""goflow's function table (functions.json) through the conformance runner."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from flowlang.testing.conformance import functions as runner
from flowlang.testing.conformance.report import Report

from functions_testenv import FUNCTIONS_TABLE

pytestmark = pytest.mark.skipif(
    not FUNCTIONS_TABLE.exists(), reason=f"conformance tables not found at {FUNCTIONS_TABLE}"
)


@pytest.fixture(scope="module")
def report() -> Report:
    data = json.loads(FUNCTIONS_TABLE.read_text(encoding="utf-8"))
    result = Report(verbose=True)
    runner.run(data, result)
    return result


def test_at_least_97_percent_of_rows_pass(report):
    ran = report.passed + report.failed
    assert ran > 400
    assert report.passed / ran >= 0.97, "\n".join(report.failures)


def test_no_row_that_passes_today_regresses(report):
    # every row runs clean today; a single failure is a regression, not noise under 97%
    assert report.failures == []


def test_skips_only_for_unreproducible_rows(report):
    assert set(report.skip_reasons) <= {runner.SEEDED_RANDOM, runner.NO_PROMPT}
    assert report.skipped <= 5


def test_command_line_runs_the_table():
    done = subprocess.run(
        [sys.executable, "-m", "flowlang.testing.conformance", "functions", str(FUNCTIONS_TABLE), "--verbose"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode in (0, 1), done.stderr
    assert re.search(r"^\d+ passed, \d+ failed, \d+ skipped$", done.stdout, re.M), done.stdout
