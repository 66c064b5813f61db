"""Turning a path on the command line into a Program, with every failure a diagnostic line.

A `.flowc` file is a compiled program (JSON); anything else is flow source.
"""

from __future__ import annotations

from pathlib import Path

import attrs

from flowlang.compiler import compile_path, compile_source
from flowlang.compiler.program import Program
from flowlang.diagnostics import Diagnostic
from flowlang.errors import FormatError

COMPILED_SUFFIX = ".flowc"


@attrs.frozen
class Loaded:
    """What loading a path gave: the program (None on errors), diagnostics, and the source
    text when known (for carets under diagnostics and source lines in listings)."""

    path: str
    program: Program | None
    diagnostics: tuple[Diagnostic, ...] = ()
    source: str | None = None
    problem: str | None = None  # a one-line error that is not a source diagnostic

    @property
    def ok(self) -> bool:
        return self.program is not None


def load_program(path: str) -> Loaded:
    """Compile a .flow file or read a .flowc file."""
    if path.endswith(COMPILED_SUFFIX):
        return _load_compiled(path)
    result = compile_path(path)
    return Loaded(path, result.program, tuple(result.diagnostics), result.source)


def _load_compiled(path: str) -> Loaded:
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return Loaded(path, None, problem=f"{path}:1:1: error: no such file")
    except IsADirectoryError:
        return Loaded(path, None, problem=f"{path}:1:1: error: this is a directory, not a compiled flow")
    except OSError as error:
        return Loaded(path, None, problem=f"{path}:1:1: error: cannot read the file: {error.strerror or error}")
    try:
        program = Program.from_json(data)
    except FormatError as error:
        return Loaded(path, None, problem=f"{path}:1:1: error: {error}")
    return Loaded(path, program, source=_matching_source(program))


def _matching_source(program: Program) -> str | None:
    """The program's source text, if the file it came from is here and still compiles to
    the same program (a listing with someone else's lines would mislead)."""
    try:
        source = Path(program.source_path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    compiled = compile_source(source, program.source_path).program
    return source if compiled is not None and compiled.hash == program.hash else None
