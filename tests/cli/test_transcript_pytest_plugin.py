"""The pytest plugin collects *.transcript files: two items per conversation."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_transcripts_become_pytest_items(tmp_path):
    (tmp_path / "conftest.py").write_text('pytest_plugins = ["flowlang.testing.transcript.pytest_plugin"]\n')
    (tmp_path / "hello.flow").write_text('flow hello "Hello"\n\nstart:\n    send "Hi"\n    wait for reply as x\n    send "Got @flow.x"\n    end\n')
    (tmp_path / "hello.transcript").write_text(
        "=== good\nbot: Hi\nuser: yes\nbot: Got yes\n=== bad\nbot: Hello\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-o", "addopts=", "-v", str(tmp_path)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120,
    )
    out = result.stdout
    assert result.returncode == 1, out + result.stderr
    assert "hello.transcript::good[in memory] PASSED" in out
    assert "hello.transcript::good[saved and loaded] PASSED" in out
    assert "hello.transcript::bad[in memory] FAILED" in out
    assert "hello.transcript:6: [bad, in memory] expected bot: 'Hello'" in out
    assert "Traceback" not in out
