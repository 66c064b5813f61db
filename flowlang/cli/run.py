"""`flowlang run FILE`: talk to a flow in the terminal (or feed it replies from a script).

On a terminal it prompts for each reply. Otherwise it reads one reply per line from stdin,
so a conversation can be scripted: `printf 'CU001\n' | flowlang run order_status.flow`.
A line `/timeout` fires the wait's timeout; `/quit` stops. It ends when the session ends or
the input does.
"""

from __future__ import annotations

import sys

import click

from flowlang.cli.build import load_or_exit
from flowlang.cli.options import parse_pairs
from flowlang.cli.reporting import fail
from flowlang.cli.simulator import make_console, show_reply, show_turn
from flowlang.env.environment import Environment
from flowlang.errors import FlowlangError
from flowlang.host.engine import Engine
from flowlang.host.fixtures import FixtureError, FixtureTransport
from flowlang.host.webhooks import HttpxWebhooks

TIMEOUT_COMMAND = "/timeout"
QUIT_COMMANDS = ("/quit", "/exit")


@click.command()
@click.argument("file")
@click.option("--contact", "contact_pairs", multiple=True, metavar="KEY=VALUE",
              help="A contact property (name, language, urn, timezone) or field (fields.X); repeatable.")
@click.option("--global", "global_pairs", multiple=True, metavar="KEY=VALUE",
              help="A value for @globals.KEY; repeatable.")
@click.option("--webhook-fixtures", metavar="FILE",
              help="Answer webhooks from this JSON file of canned responses instead of the network.")
@click.option("--timezone", default="UTC", show_default=True, help="The environment's timezone (IANA name).")
@click.option("--verbose", "-v", is_flag=True, help="Show webhook requests and responses in full.")
def run(
    file: str,
    contact_pairs: tuple[str, ...],
    global_pairs: tuple[str, ...],
    webhook_fixtures: str | None,
    timezone: str,
    verbose: bool,
) -> None:
    """Run a flow (.flow or .flowc) as a conversation in the terminal."""
    contact = parse_pairs(contact_pairs, "--contact")
    globals_ = parse_pairs(global_pairs, "--global")
    env = _environment(timezone)
    loaded = load_or_exit(file)
    program = loaded.program
    transport = None
    if webhook_fixtures:
        try:
            transport = FixtureTransport.from_file(webhook_fixtures)
        except FixtureError as error:
            raise fail(f"error: {error}")
    console = make_console()
    interactive = sys.stdin.isatty()
    console.print(f'[dim]flow {program.flow_id} "{program.title}" ({loaded.path})[/]')
    with HttpxWebhooks(transport=transport) as webhooks:
        engine = Engine(program, webhooks=webhooks, env=env)
        session, turn = engine.start(contact=contact, globals=globals_)
        show_turn(console, turn, verbose=verbose)
        while session.status == "waiting" and session.waiting_for == "reply":
            line = _read_reply(console, interactive)
            if line is None:
                console.print("[dim]  (input ended; the session is still waiting for a reply)[/]")
                break
            command = line.strip()
            if command in QUIT_COMMANDS:
                break
            if not interactive:
                show_reply(console, line)
            try:
                if command == TIMEOUT_COMMAND:
                    session, turn = engine.timeout(session)
                else:
                    session, turn = engine.resume(session, line)
            except FlowlangError as error:
                console.print(f"[red]  ! {error}[/]")
                continue
            show_turn(console, turn, verbose=verbose)
    raise click.exceptions.Exit(1 if session.status == "failed" else 0)


def _environment(timezone: str) -> Environment:
    try:
        return Environment(timezone=timezone)
    except Exception:  # zoneinfo raises several kinds for a bad name
        raise click.BadParameter(f"unknown timezone {timezone!r}", param_hint="--timezone")


def _read_reply(console, interactive: bool) -> str | None:
    if interactive:
        try:
            return console.input("[bold green]  you > [/]")
        except (EOFError, KeyboardInterrupt):
            console.print()
            return None
    line = sys.stdin.readline()
    if not line:
        return None
    return line.rstrip("\r\n")
