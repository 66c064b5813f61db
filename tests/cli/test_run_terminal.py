"""`flowlang run` on a real terminal (a pseudo-terminal): it prompts for each reply."""

from __future__ import annotations

import os
import re
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


def read_until(fd: int, marker: str, seconds: float = 20) -> str:
    seen = ""
    deadline = time.monotonic() + seconds
    while marker not in ANSI.sub("", seen).replace("\r", ""):
        if time.monotonic() > deadline:
            raise AssertionError(f"never saw {marker!r}; got:\n{seen}")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 4096).decode("utf-8", errors="replace")
            except OSError:  # the child closed the terminal
                break
    return ANSI.sub("", seen).replace("\r", "")


def test_interactive_conversation():
    import pty

    main, child = pty.openpty()
    env = {**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200", "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "flowlang.cli.main", "run", "examples/order_status.flow",
         "--webhook-fixtures", "examples/order_status.fixtures.json", "--contact", "name=Ben"],
        cwd=REPO, env=env, stdin=child, stdout=child, stderr=child, close_fds=True,
    )
    os.close(child)
    try:
        before = read_until(main, "you > ")
        assert "bot > Hi Ben! What is your order number?" in before
        os.write(main, b"CU002\n")
        after = read_until(main, "session completed")
        assert "POST https://shop.example.com/api/orders/CU002 -> 200" in after
        assert "Order CU002 (1 coffee mug) is still being prepared." in after
        assert process.wait(timeout=20) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(main)
