"""The `flowlang` entry point: help, version, and no tracebacks even for flowlang's own bugs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import click
import pytest

from flowlang.cli import main as main_module
from flowlang.cli.options import parse_pairs

REPO = Path(__file__).resolve().parents[2]


def test_help_lists_every_command(flowlang):
    result = flowlang("--help")
    for command in ("check", "compile", "disasm", "run", "test"):
        assert f"  {command} " in result.stdout


def test_version(flowlang):
    assert flowlang("--version").stdout.strip() == "flowlang 0.1.0"


def test_an_internal_error_is_one_readable_line(monkeypatch, capsys):
    def broken(*args, **kwargs):
        raise RuntimeError("something impossible")

    monkeypatch.setattr(main_module.cli, "main", broken)
    monkeypatch.delenv("FLOWLANG_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exited:
        main_module.main([])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("flowlang: internal error: RuntimeError: something impossible\n")
    assert "Traceback" not in err


def test_the_module_runs_as_a_program():
    result = subprocess.run(
        [sys.executable, "-m", "flowlang.cli.main", "check", "examples/order_status.flow"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "1 file checked: 0 errors, 0 warnings"


def test_key_value_pairs():
    assert parse_pairs(["name=Ben", "fields.city=Kigali", "fields.age=33", "note=a=b"], "--contact") == {
        "name": "Ben", "fields": {"city": "Kigali", "age": "33"}, "note": "a=b",
    }
    for bad in (["novalue"], ["=x"], ["a=1", "a.b=2"]):
        with pytest.raises(click.BadParameter):
            parse_pairs(bad, "--contact")
