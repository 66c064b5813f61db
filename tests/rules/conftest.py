"""Shared fixtures for the rule tests: the environments goflow's own tests use."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flowlang.env.environment import Environment

ROUTER_TESTS = Path(__file__).resolve().parents[3] / "shared" / "conformance" / "goflow" / "router_tests.json"

RWANDA = {
    "name": "Rwanda",
    "aliases": ["Ruanda"],
    "children": [
        {
            "name": "Kigali City",
            "aliases": ["Kigali", "Kigari"],
            "children": [
                {"name": "Gasabo", "children": [{"name": "Gisozi"}, {"name": "Ndera"}]},
                {"name": "Nyarugenge", "children": []},
            ],
        },
        {"name": "Paktika", "aliases": ["Janikhel", "Terwa", "تروو"], "children": []},
    ],
}

NOW = dt.datetime(2018, 4, 11, 13, 24, 30, 123456, tzinfo=dt.timezone.utc)


@pytest.fixture
def env() -> Environment:
    """goflow's TestTests environment: day-first dates, Kigali time, Rwanda."""
    return Environment(
        date_format="DD-MM-YYYY",
        time_format="tt:mm:ss",
        timezone="Africa/Kigali",
        default_country="RW",
        now=NOW,
        locations=RWANDA,
    )


@pytest.fixture
def doc_env() -> Environment:
    """The environment docs/rules.md examples run in."""
    return Environment(
        date_format="DD-MM-YYYY",
        timezone="America/Guayaquil",
        default_country="EC",
        now=dt.datetime(2018, 4, 11, 18, 24, 30, 123456, tzinfo=dt.timezone.utc),
        locations=RWANDA,
    )


@pytest.fixture
def router_tests() -> dict:
    if not ROUTER_TESTS.exists():
        pytest.skip(f"conformance tables not found at {ROUTER_TESTS} (shared/ is beside the project only in the team checkout)")
    return json.loads(ROUTER_TESTS.read_text(encoding="utf-8"))
