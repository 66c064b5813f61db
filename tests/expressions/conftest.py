"""Shared fixtures for the expression tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flowlang.env import Environment

CONFORMANCE = Path(__file__).resolve().parents[2].parent / "shared" / "conformance" / "goflow"


def load_table(name: str) -> dict:
    path = CONFORMANCE / name
    if not path.exists():
        pytest.skip(f"conformance table not found at {path} (shared/ sits beside the project only in the team checkout)")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture
def env() -> Environment:
    """goflow's docs environment: day-first dates, Guayaquil time, a fixed clock."""
    return Environment(
        date_format="DD-MM-YYYY",
        timezone="America/Guayaquil",
        now=dt.datetime(2018, 4, 11, 18, 24, 30, 123456, tzinfo=dt.timezone.utc),
    )


@pytest.fixture
def expressions_table() -> dict:
    return load_table("expressions.json")


@pytest.fixture
def legacy_table() -> dict:
    return load_table("legacy_migrations.json")
