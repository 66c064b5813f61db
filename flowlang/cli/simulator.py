"""How the terminal simulator shows a turn: messages, webhook calls, saved results, waits."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from flowlang.host.turn import Turn, WebhookCall
from flowlang.vm.events import LogEntry, SendMessage, SessionEnded, WaitForReply

_LOG_STYLES = {"result": "green", "error": "bold red", "warning": "yellow", "info": "dim"}
_LOG_MARKS = {"result": "=", "error": "!", "warning": "!", "info": "i"}


def make_console(*, stderr: bool = False) -> Console:
    # soft_wrap: never break a long message into lines (scripted output stays one line per event)
    return Console(stderr=stderr, soft_wrap=True, highlight=False, emoji=False)


def show_turn(console: Console, turn: Turn, *, verbose: bool = False) -> None:
    # a failure is logged and also ends the session: say it once, at the end
    failures = {e.reason for e in turn.events if isinstance(e, SessionEnded) and e.reason}
    for event in turn.events:
        if isinstance(event, LogEntry) and event.kind == "error" and event.text in failures:
            continue
        elif isinstance(event, SendMessage):
            show_message(console, event)
        elif isinstance(event, WebhookCall):
            show_webhook(console, event, verbose=verbose)
        elif isinstance(event, LogEntry):
            if event.kind != "info" or verbose:
                where = f" (line {event.line})" if verbose and event.line else ""
                style = _LOG_STYLES.get(event.kind, "")
                mark = _LOG_MARKS.get(event.kind, "-")
                console.print(f"      [{style}]{mark} {escape(event.text)}{where}[/]")
        elif isinstance(event, WaitForReply):
            timeout = f" (timeout {_duration(event.timeout)}; /timeout fires it)" if event.timeout else ""
            console.print(f"[dim]      ... waiting for a reply{timeout}[/]")
        elif isinstance(event, SessionEnded):
            if event.status == "failed":
                console.print(f"[bold red]  ## session failed: {escape(event.reason or 'unknown reason')}[/]")
            else:
                console.print(f"[bold]  ## session {escape(event.status)}[/]")


def show_message(console: Console, message: SendMessage) -> None:
    lines = message.text.split("\n") or [""]
    console.print(f"[bold cyan]  bot >[/] {escape(lines[0])}")
    for line in lines[1:]:
        console.print(f"        {escape(line)}")
    if message.quick_replies:
        buttons = " ".join(escape(f"[{q}]") for q in message.quick_replies)
        console.print(f"        [cyan]{buttons}[/]")


def show_reply(console: Console, text: str) -> None:
    console.print(f"[bold green]  you >[/] {escape(text)}")


def show_webhook(console: Console, call: WebhookCall, *, verbose: bool = False) -> None:
    if call.status:
        outcome = f"[{'green' if call.ok else 'red'}]{call.status}[/]"
    else:
        outcome = f"[red]no response: {escape(call.error or 'unknown error')}[/]"
    console.print(f"[magenta]   <-> {escape(call.method)} {escape(call.url)}[/] -> {outcome} [dim]({call.elapsed_ms} ms)[/]")
    if call.status and call.error:
        console.print(f"      [yellow]! {escape(call.error)}[/]")
    if verbose:
        for title, text in (("request", call.request), ("response", call.response)):
            if text:
                console.print(f"[dim]      {title}:[/]")
                for line in text.replace("\r\n", "\n").split("\n"):
                    console.print(f"[dim]        {escape(line)}[/]")


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds // size}{unit}"
    return f"{seconds}s"
