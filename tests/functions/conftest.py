"""Fixtures for the function library tests."""

from __future__ import annotations

import pytest
from functions_testenv import DOC_NOW, doc_environment

from flowlang.env.environment import Environment


@pytest.fixture
def env() -> Environment:
    """The documentation's environment: DD-MM-YYYY, America/Guayaquil, a fixed now."""
    return doc_environment()


@pytest.fixture
def utc() -> Environment:
    return Environment(date_format="DD-MM-YYYY", time_format="tt:mm", timezone="UTC", now=DOC_NOW)
