"""Writing diagnostics and one-line errors to the terminal."""

from __future__ import annotations

from typing import Iterable

import click

from flowlang.diagnostics import Diagnostic

_COLORS = {"error": "red", "warning": "yellow"}


def echo_diagnostics(diagnostics: Iterable[Diagnostic], source: str | None, *, err: bool = False) -> None:
    """Each diagnostic as `path:line:col: severity: message [code]`, its source line with a
    caret, and its hint (colour only on a terminal; click strips it otherwise)."""
    for diagnostic in diagnostics:
        head, _, rest = diagnostic.format(source).partition("\n")
        click.echo(click.style(head, fg=_COLORS.get(diagnostic.severity), bold=True), err=err)
        if rest:
            click.echo(rest, err=err)


def fail(message: str) -> "click.exceptions.Exit":
    """Print a one-line error on stderr and give the exit to raise (status 1)."""
    click.echo(click.style(message, fg="red"), err=True)
    return click.exceptions.Exit(1)


def summary(errors: int, warnings: int) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return f"{count(errors, 'error')}, {count(warnings, 'warning')}"
