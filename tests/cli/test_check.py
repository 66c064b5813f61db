"""`flowlang check`: diagnostics with places, exit 1 on errors, never a traceback."""

from __future__ import annotations

import pytest


def test_a_clean_flow_passes(flowlang, examples):
    result = flowlang("check", examples / "order_status.flow")
    assert result.exit_code == 0
    assert result.stdout.strip() == "1 file checked: 0 errors, 0 warnings"


def test_errors_show_place_source_line_caret_and_hint(flowlang, tmp_path):
    path = tmp_path / "bad.flow"
    path.write_text('flow bad "Bad"\n\nstart:\n    send "hi"\n    goto nowhere\n')
    result = flowlang("check", path)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"{path}:5:10: error: ")
    assert lines[1] == "        goto nowhere"
    assert lines[2] == " " * 13 + "^" * len("nowhere")
    assert lines[3].strip().startswith("hint: ")
    assert lines[-1] == "1 file checked: 1 error, 0 warnings"


def test_warnings_do_not_fail(flowlang, tmp_path):
    path = tmp_path / "warn.flow"
    path.write_text('flow warn "Warn"\n\nstart:\n    send "You said @flow.answer"\n    end\n')
    result = flowlang("check", path)
    assert result.exit_code == 0
    assert ": warning: " in result.stdout
    assert result.stdout.splitlines()[-1] == "1 file checked: 0 errors, 1 warning"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("missing.flow", None, "no such file"),
        ("empty.flow", b"", "empty"),
        ("binary.flow", b"flow x\x00\x01\x02", "binary"),
        ("latin1.flow", 'flow x "Café"\n'.encode("latin-1"), "not UTF-8"),
        ("folder", "dir", "directory"),
    ],
)
def test_unreadable_inputs_are_one_line_diagnostics(flowlang, tmp_path, name, content, message):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    result = flowlang("check", path)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{path}:") and ": error: " in first and message in first
    assert first.split(":")[1].isdigit() and first.split(":")[2].isdigit()
    assert "Traceback" not in result.output


def test_several_files_are_all_checked(flowlang, tmp_path, examples):
    bad = tmp_path / "bad.flow"
    bad.write_text("flow bad \"Bad\"\n\nstart:\n    goto nowhere\n")
    result = flowlang("check", examples / "order_status.flow", bad, tmp_path / "nope.flow")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "3 files checked: 2 errors, 0 warnings"


def test_quiet_prints_only_diagnostics(flowlang, examples):
    assert flowlang("check", "-q", examples / "order_status.flow").stdout == ""


def test_check_needs_a_file(flowlang):
    result = flowlang("check")
    assert result.exit_code == 2 and "Missing argument" in result.output
