"""The `flowlang` command: check, compile, disasm, run and test flows."""

from __future__ import annotations

import sys

import click

from flowlang import __version__
from flowlang.cli.build import compile_command, disasm
from flowlang.cli.check import check
from flowlang.cli.run import run
from flowlang.cli.test import test


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(version=__version__, prog_name="flowlang", message="flowlang %(version)s")
def cli() -> None:
    """flowlang: chatbot conversation flows as text, checked, compiled and run."""


cli.add_command(check)
cli.add_command(compile_command)
cli.add_command(disasm)
cli.add_command(run)
cli.add_command(test)


def main(argv: list[str] | None = None) -> None:
    """Console-script entry point. A bug in flowlang itself still ends in one readable line
    (and exit status 2), not a traceback; FLOWLANG_DEBUG=1 shows the traceback."""
    import os

    try:
        cli.main(args=argv, prog_name="flowlang", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as error:  # the last line of defence: report, don't dump
        if os.environ.get("FLOWLANG_DEBUG"):
            raise
        click.echo(f"flowlang: internal error: {type(error).__name__}: {error}", err=True)
        click.echo("  this is a bug in flowlang; rerun with FLOWLANG_DEBUG=1 for details and report it", err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()
