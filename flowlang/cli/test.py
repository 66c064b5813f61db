"""`flowlang test TRANSCRIPT...`: run transcript tests (see flowlang.testing.transcript)."""

from __future__ import annotations

import click


@click.command(short_help="Run transcript tests.")
@click.argument("files", nargs=-1, required=True)
def test(files: tuple[str, ...]) -> None:
    """Run transcript tests; each conversation runs twice, the second time saving and
    loading the session between every two messages."""
    from flowlang.testing.transcript import run_transcript_file

    failures = cases = 0
    for path in files:
        outcome = run_transcript_file(path)
        for line in outcome.report_lines():
            click.echo(line)
        cases += outcome.cases
        failures += len(outcome.failures)
    click.echo(f"{cases} conversation{'' if cases == 1 else 's'}, {failures} failure{'' if failures == 1 else 's'}")
    raise click.exceptions.Exit(1 if failures else 0)
