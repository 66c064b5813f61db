"""README.md cannot lie: its Python example runs, and CI runs its commands."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")


def fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, re.MULTILINE | re.DOTALL)


def test_the_embedding_example_runs_and_prints_what_its_comments_say(monkeypatch):
    (block,) = fenced("python")
    monkeypatch.chdir(REPO)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block, "README.md", "exec"), {"__name__": "readme"})
    # every print(...) line ends with a comment showing what it prints
    expected = [line.split("  # ", 1)[1] for line in block.splitlines() if "print(" in line]
    assert output.getvalue().splitlines() == expected


def test_ci_runs_the_readme_commands_verbatim():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    commands = [c.strip() for block in fenced("bash") for c in block.strip().split("&&")]
    assert len(commands) >= 6
    for command in commands:
        # the same command with the venv in CI's temporary folder
        in_ci = re.sub(r"\.venv/bin/(\S+)", r'"$VENV/bin/\1"', command).replace("venv .venv", 'venv "$VENV"')
        assert in_ci in ci, f"{command!r} from README.md is not run by .ci/run (as {in_ci!r})"


def test_every_doc_the_readme_links_to_exists():
    targets = re.findall(r"\]\((docs/[\w.-]+)\)", README)
    assert targets
    for target in targets:
        assert (REPO / target).is_file(), f"README.md links to {target}, which does not exist"
