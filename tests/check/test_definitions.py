"""The diagnostics registry is true: each code's example produces it, and the docs list every code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowlang.compiler import compile_path, compile_source
from flowlang.diagnostics import DEFINITIONS, ERROR, WARNING, Diagnostic
from flowlang.span import Span

DOC = Path(__file__).parents[2] / "docs" / "diagnostics.md"
WITH_EXAMPLE = sorted(code for code, d in DEFINITIONS.items() if d.example)


@pytest.mark.parametrize("code", WITH_EXAMPLE)
def test_example_produces_its_code(code):
    result = compile_source(DEFINITIONS[code].example, "example.flow")
    assert code in [d.code for d in result.diagnostics]


@pytest.mark.parametrize("code", WITH_EXAMPLE)
def test_example_severity_decides_whether_a_program_is_made(code):
    definition = DEFINITIONS[code]
    result = compile_source(definition.example, "example.flow")
    if definition.severity == WARNING:
        assert result.errors == (), f"the example of {code} should show only the warning"
        assert result.program is not None
    else:
        assert result.program is None


def test_fl006_comes_from_empty_text():
    assert [d.code for d in compile_source("", "empty.flow").diagnostics] == ["FL006"]


def test_fl007_comes_from_a_file_that_cannot_be_read(tmp_path):
    assert [d.code for d in compile_path(tmp_path / "missing.flow").diagnostics] == ["FL007"]


def test_every_code_is_well_formed():
    for code, definition in DEFINITIONS.items():
        assert re.fullmatch(r"FL\d{3}", code)
        assert definition.code == code
        assert definition.severity in (ERROR, WARNING)
        assert definition.title


def test_diagnostic_of_uses_the_registry_severity_and_default_hint():
    d = Diagnostic.of("FL011", "dup", Span.point("x", 1, 1))
    assert (d.severity, d.hint) == (ERROR, DEFINITIONS["FL011"].hint)
    assert Diagnostic.of("FL011", "dup", Span.point("x", 1, 1), "mine").hint == "mine"


@pytest.mark.parametrize("code", sorted(DEFINITIONS))
def test_docs_list_every_code(code):
    text = DOC.read_text(encoding="utf-8")
    assert re.search(rf"^#+ {code}\b", text, re.MULTILINE), f"docs/diagnostics.md has no heading for {code}"


def _doc_examples() -> list[tuple[str, str]]:
    """(code, example source) for each section of docs/diagnostics.md that shows an example."""
    text = DOC.read_text(encoding="utf-8")
    found = []
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        code = section.split(None, 1)[0]
        block = re.search(r"^```\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
        if re.fullmatch(r"FL\d{3}", code) and block:
            body = block.group(1)
            found.append((code, body if body.startswith("flow ") else 'flow demo "Demo"\n\n' + body))
    return found


@pytest.mark.parametrize("code, source", _doc_examples(), ids=[code for code, _ in _doc_examples()])
def test_the_docs_example_produces_its_code(code, source):
    assert code in [d.code for d in compile_source(source, "example.flow").diagnostics]
