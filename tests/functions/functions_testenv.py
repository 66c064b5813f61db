"""Paths and environments shared by the function library tests (a uniquely named module:
the test folders are not packages)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from flowlang.env.environment import Environment

REPO = Path(__file__).resolve().parents[2]
CONFORMANCE = REPO.parent / "shared" / "conformance"
FUNCTIONS_TABLE = CONFORMANCE / "goflow" / "functions.json"

# 13:24:30.123456 in Guayaquil (UTC-5), the example session goflow documents with
DOC_NOW = dt.datetime(2018, 4, 11, 18, 24, 30, 123456, tzinfo=dt.timezone.utc)


def doc_environment() -> Environment:
    return Environment(date_format="DD-MM-YYYY", time_format="tt:mm", timezone="America/Guayaquil",
                       default_country="EC", now=DOC_NOW)
