"""`flowlang check FILE...`: report every diagnostic; exit 1 if any is an error."""

from __future__ import annotations

import click

from flowlang.cli.loading import load_program
from flowlang.cli.reporting import echo_diagnostics, summary


@click.command(short_help="Report errors and warnings; exit 1 on errors.")
@click.argument("files", nargs=-1, required=True)
@click.option("--quiet", "-q", is_flag=True, help="Print only diagnostics, not the summary line.")
def check(files: tuple[str, ...], quiet: bool) -> None:
    """Check flow files (.flow, or compiled .flowc) without running them."""
    errors = warnings = 0
    for path in files:
        loaded = load_program(path)
        if loaded.problem:
            click.echo(loaded.problem)
            errors += 1
            continue
        echo_diagnostics(loaded.diagnostics, loaded.source)
        errors += sum(1 for d in loaded.diagnostics if d.is_error)
        warnings += sum(1 for d in loaded.diagnostics if not d.is_error)
    if not quiet:
        files_checked = f"{len(files)} file{'' if len(files) == 1 else 's'} checked"
        click.echo(f"{files_checked}: {summary(errors, warnings)}")
    raise click.exceptions.Exit(1 if errors else 0)
