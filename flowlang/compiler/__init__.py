"""Stage 4: syntax tree -> bytecode Program (versioned, serializable, with a source map)."""

from __future__ import annotations

from pathlib import Path

import attrs

from flowlang.check import check
from flowlang.compiler.emit import emit
from flowlang.compiler.modules import load_unit
from flowlang.compiler.program import Program
from flowlang.diagnostics import Diagnostic, sort_key
from flowlang.errors import CompileError
from flowlang.syntax import parse
from flowlang.syntax.source import read_source


@attrs.frozen
class CompileResult:
    """A program (None when there were errors) and every diagnostic, errors and warnings."""

    program: Program | None
    diagnostics: tuple[Diagnostic, ...]
    source: str | None = None
    sources: dict[str, str] = attrs.field(factory=dict)  # every file of the compilation, by path

    def format_diagnostics(self) -> list[str]:
        """Each diagnostic with the source line of the file it is in."""
        return [d.format(self.sources.get(d.span.path, self.source)) for d in self.diagnostics]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.is_error)

    @property
    def warnings(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if not d.is_error)


def compile_source(source: str, path: str = "<string>") -> CompileResult:
    """Parse, check and compile flow source text. Never raises for bad input."""
    flow, diagnostics = parse(source, path)
    if flow is None:
        return CompileResult(None, tuple(diagnostics), source, {path: source})
    unit = load_unit(flow, source)
    diagnostics = list(unit.diagnostics)
    for each in unit.flows:
        diagnostics += check(each, unit.flow_ids)
    diagnostics.sort(key=lambda d: (d.span.path != path, sort_key(d)))
    if any(d.is_error for d in diagnostics):
        return CompileResult(None, tuple(diagnostics), source, unit.sources)
    return CompileResult(emit(unit.flows).prepare(), tuple(diagnostics), source, unit.sources)


def compile_path(path: str | Path) -> CompileResult:
    """compile_source for a file; unreadable files become FL007 diagnostics."""
    source, diagnostics = read_source(path)
    if source is None:
        return CompileResult(None, tuple(diagnostics), None, {})
    return compile_source(source, str(path))


def compile_file(path: str | Path) -> Program:
    """The program of a .flow file; raises CompileError (with every diagnostic) if it has errors.

    >>> program = compile_file("examples/order_status.flow")
    >>> program.flow_id
    'order_status'
    """
    result = compile_path(path)
    if result.program is None:
        raise CompileError(result.diagnostics, result.source)
    return result.program


__all__ = ["CompileResult", "Program", "compile_file", "compile_path", "compile_source"]
