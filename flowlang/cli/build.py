"""`flowlang compile` and `flowlang disasm`: the compiled program as JSON or as a listing."""

from __future__ import annotations

from pathlib import Path

import click

from flowlang.cli.loading import COMPILED_SUFFIX, Loaded, load_program
from flowlang.cli.reporting import echo_diagnostics, fail
from flowlang.compiler.disasm import disassemble


def load_or_exit(path: str) -> Loaded:
    """The loaded program, after printing its diagnostics on stderr; exits 1 on errors."""
    loaded = load_program(path)
    if loaded.problem:
        raise fail(loaded.problem)
    echo_diagnostics(loaded.diagnostics, loaded.source, err=True)
    if loaded.program is None:
        raise click.exceptions.Exit(1)
    return loaded


@click.command("compile", short_help="Write the compiled program (JSON).")
@click.argument("file")
@click.option("-o", "--output", help=f"Where to write the program (default: FILE with {COMPILED_SUFFIX}).")
@click.option("--indent", type=int, default=None, help="Pretty-print the JSON with this indent.")
def compile_command(file: str, output: str | None, indent: int | None) -> None:
    """Compile a flow to a program file (JSON) that `run` and embedders can load."""
    loaded = load_or_exit(file)
    target = Path(output) if output else Path(file).with_suffix(COMPILED_SUFFIX)
    try:
        target.write_text(loaded.program.to_json(indent=indent) + "\n", encoding="utf-8")
    except OSError as error:
        raise fail(f"{target}: error: cannot write the program: {error.strerror or error}")
    click.echo(f"{target}: {loaded.program.flow_id} ({len(loaded.program.code)} instructions)", err=True)


@click.command(short_help="List the bytecode beside its source lines.")
@click.argument("file")
def disasm(file: str) -> None:
    """List a flow's compiled instructions beside the source lines they came from."""
    loaded = load_or_exit(file)
    click.echo(disassemble(loaded.program, loaded.source))
