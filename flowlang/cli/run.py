"""`flowlang run FILE`: talk to a flow in the terminal (or feed it replies from a script).

On a terminal it prompts for each reply. Otherwise it reads one reply per line from stdin,
so a conversation can be scripted: `printf 'CU001\n' | flowlang run order_status.flow`.
A line `/timeout` fires the wait's timeout; `/quit` stops. It ends when the session ends or
the input does. `--session FILE` keeps the session in a file between runs.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.markup import escape

from flowlang.cli.build import load_or_exit
from flowlang.cli.options import parse_pairs
from flowlang.cli.reporting import fail
from flowlang.cli.simulator import make_console, show_reply, show_turn
from flowlang.env.environment import Environment
from flowlang.errors import FlowlangError, SessionError
from flowlang.host.engine import Engine
from flowlang.host.fixtures import FixtureError, FixtureTransport
from flowlang.host.webhooks import HttpxWebhooks
from flowlang.vm.session import Contact, ContactError, Session, dumps, loads

TIMEOUT_COMMAND = "/timeout"
QUIT_COMMANDS = ("/quit", "/exit")


@click.command(short_help="Talk to a flow in the terminal (or script it via stdin).")
@click.argument("file")
@click.option("--contact", "contact_pairs", multiple=True, metavar="KEY=VALUE",
              help="A contact property (name, language, urn, timezone) or field (fields.X); repeatable.")
@click.option("--global", "global_pairs", multiple=True, metavar="KEY=VALUE",
              help="A value for @globals.KEY; repeatable.")
@click.option("--webhook-fixtures", metavar="FILE",
              help="Answer webhooks from this JSON file of canned responses instead of the network.")
@click.option("--timezone", default="UTC", show_default=True, help="The environment's timezone (IANA name).")
@click.option("--session", "session_file", metavar="FILE",
              help="Keep the session in this JSON file: continue it if it is waiting, save it after every turn.")
@click.option("--verbose", "-v", is_flag=True, help="Show webhook requests and responses in full.")
def run(
    file: str,
    contact_pairs: tuple[str, ...],
    global_pairs: tuple[str, ...],
    webhook_fixtures: str | None,
    timezone: str,
    session_file: str | None,
    verbose: bool,
) -> None:
    """Run a flow (.flow or .flowc) as a conversation in the terminal."""
    contact = parse_pairs(contact_pairs, "--contact")
    try:
        Contact.from_dict(contact)  # refuse a malformed contact here, as an option error
    except ContactError as e:
        raise click.BadParameter(str(e), param_hint="--contact") from None
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
    saved = _load_session(session_file, program)
    console = make_console()
    interactive = sys.stdin.isatty()
    console.print(f'[dim]flow {program.flow_id} "{escape(program.title)}" ({escape(loaded.path)})[/]')
    with HttpxWebhooks(transport=transport) as webhooks:
        engine = Engine(program, webhooks=webhooks, env=env)
        session = saved
        if session is None:
            session, turn = engine.start(contact=contact, globals=globals_)
            show_turn(console, turn, verbose=verbose)
            _save_session(session_file, session)
        else:
            console.print(f"[dim]  (continuing the session saved in {escape(session_file)})[/]")
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
                console.print(f"[red]  ! {escape(str(error))}[/]")
                continue
            show_turn(console, turn, verbose=verbose)
            _save_session(session_file, session)
    raise click.exceptions.Exit(1 if session.status == "failed" else 0)


def _load_session(path: str | None, program) -> Session | None:
    """The saved session to continue, or None to start a new one (no file, an empty file,
    or a session that has ended)."""
    if not path:
        return None
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise fail(f"{path}:1:1: error: cannot read the session: {getattr(error, 'strerror', None) or error}")
    if not text.strip():
        return None
    try:
        session = loads(text, program)
    except SessionError as error:
        raise fail(f"{path}:1:1: error: {error}")
    return session if session.status == "waiting" and session.waiting_for == "reply" else None


def _save_session(path: str | None, session: Session) -> None:
    if not path:
        return
    try:
        Path(path).write_text(dumps(session) + "\n", encoding="utf-8")
    except OSError as error:
        raise fail(f"{path}: error: cannot save the session: {error.strerror or error}")


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
    # read bytes and decode leniently: a stray non-UTF-8 byte in a script is a reply, not a crash
    stream = getattr(sys.stdin, "buffer", None)
    line = stream.readline().decode("utf-8", errors="replace") if stream is not None else sys.stdin.readline()
    if not line:
        return None
    return line.rstrip("\r\n")
