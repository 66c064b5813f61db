from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from flowlang.cli.main import cli

REPO = Path(__file__).resolve().parents[2]
EXAMPLES = REPO / "examples"


@pytest.fixture
def flowlang():
    """Run the `flowlang` command in-process: flowlang("check", "x.flow", input=...)."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, [str(a) for a in args], input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def examples() -> Path:
    return EXAMPLES


@pytest.fixture
def closed_port_url():
    """A URL on a port nothing listens on (connection refused)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/nothing"
