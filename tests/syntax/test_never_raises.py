"""No text makes the compiler raise: whatever it is given, it returns diagnostics (or a program)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flowlang.compiler import CompileResult, compile_source

EXAMPLE = (Path(__file__).parents[2] / "examples" / "order_status.flow").read_text(encoding="utf-8")

# characters that matter to the grammar, so insertions hit interesting states often
_SIGNIFICANT = st.sampled_from(list('"\\@()[]:#->=.\n\t \r\x00{}$') + ["    ", "->", "@(", "other", "as", "end"])
_INSERT = st.one_of(st.text(min_size=1, max_size=3), _SIGNIFICANT)

_settings = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def compiles_without_raising(source: str) -> None:
    result = compile_source(source, "fuzz.flow")
    assert isinstance(result, CompileResult)
    if result.program is None:
        assert result.errors, "no program but no error either"
    for d in result.diagnostics:
        assert d.code.startswith("FL")
        assert d.span.line >= 1 and d.span.column >= 1
        d.format(source)


@_settings
@given(st.text())
def test_arbitrary_text(source):
    compiles_without_raising(source)


@_settings
@given(st.lists(st.tuples(st.integers(0, len(EXAMPLE)), st.integers(0, 12)), min_size=1, max_size=4))
def test_example_with_deletions(cuts):
    source = EXAMPLE
    for at, length in cuts:
        at = min(at, len(source))
        source = source[:at] + source[at + length:]
    compiles_without_raising(source)


@_settings
@given(st.lists(st.tuples(st.integers(0, len(EXAMPLE)), _INSERT), min_size=1, max_size=4))
def test_example_with_insertions(inserts):
    source = EXAMPLE
    for at, text in inserts:
        at = min(at, len(source))
        source = source[:at] + text + source[at:]
    compiles_without_raising(source)


@_settings
@given(st.lists(st.sampled_from(EXAMPLE.splitlines(keepends=True)), max_size=20))
def test_lines_of_the_example_in_any_order(lines):
    compiles_without_raising("".join(lines))
