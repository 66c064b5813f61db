"""Every ```flow example in docs/language.md compiles with no errors and no warnings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowlang.compiler import compile_source

DOC = Path(__file__).parents[2] / "docs" / "language.md"
# Compiled as if they were files in the repository root, so `use` finds its modules as it would
# for a flow there.
ROOT = Path(__file__).parents[2]


def examples() -> list[tuple[int, str]]:
    text = DOC.read_text(encoding="utf-8")
    found = []
    for match in re.finditer(r"^```flow\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        line = text[: match.start()].count("\n") + 2
        found.append((line, match.group(1)))
    return found


def test_the_doc_has_examples():
    assert len(examples()) >= 10


@pytest.mark.parametrize("line, source", examples(), ids=[f"line{line}" for line, _ in examples()])
def test_example_compiles_cleanly(line, source):
    result = compile_source(source, str(ROOT / f"language.md-line{line}.flow"))
    assert result.program is not None, "\n".join(result.format_diagnostics())
    assert result.diagnostics == (), "\n".join(result.format_diagnostics())
