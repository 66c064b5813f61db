"""The Engine: runs a program's sessions against the world (webhooks over HTTP, a clock).

The VM only ever asks for things; the Engine does them. Each call feeds the VM's effects
back until the session needs the contact again (a reply or a timeout) or ends, and hands
back the new session plus the `Turn` that describes what happened.

    engine = Engine(program, webhooks=HttpxWebhooks())
    session, turn = engine.start(contact={"name": "Ben"})
    session, turn = engine.resume(session, "CU001")
    text = dumps(session)                      # store it anywhere...
    session = loads(text, program)             # ...and carry on later, in any process
"""

from __future__ import annotations

import datetime as dt
from typing import Callable

from flowlang import vm
from flowlang.compiler.program import Program
from flowlang.env.environment import Environment
from flowlang.host.turn import Turn, WebhookCall
from flowlang.host.webhooks import HttpxWebhooks, WebhookClient, format_response
from flowlang.vm.events import CallWebhook, Input, LogEntry, MessageIn, WaitTimeout
from flowlang.vm.session import Session

# A loop of webhooks with no wait in between is a flow bug; stop it rather than hammer a server.
MAX_WEBHOOKS_PER_TURN = 50


def utc_now() -> dt.datetime:
    """The default clock."""
    return dt.datetime.now(dt.timezone.utc)


class Engine:
    """Runs sessions of one program.

    `webhooks` performs webhook calls (default: a real `HttpxWebhooks`); `env` is the
    evaluation environment (timezone, date format...); `clock` gives "now" for every step.
    """

    def __init__(
        self,
        program: Program,
        *,
        webhooks: WebhookClient | None = None,
        env: Environment | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
        max_webhooks_per_turn: int = MAX_WEBHOOKS_PER_TURN,
    ) -> None:
        self.program = program
        self.webhooks = webhooks if webhooks is not None else HttpxWebhooks()
        self.env = env or Environment()
        self.clock = clock
        self.max_webhooks_per_turn = max_webhooks_per_turn

    def _env(self) -> Environment:
        return self.env.with_now(self.clock())

    def start(self, *, contact: dict | None = None, globals: dict | None = None) -> tuple[Session, Turn]:
        """Start a new session for `contact`; runs until the first wait or the end."""
        step = vm.start(self.program, env=self._env(), contact=contact, globals=globals)
        return self._follow(step, Turn())

    def resume(
        self,
        session: Session,
        text: str | None = None,
        *,
        attachments: tuple[str, ...] = (),
        input: Input | None = None,
    ) -> tuple[Session, Turn]:
        """Resume a session waiting for a reply with the contact's message `text` (or any
        other `input`). The given session is not modified.

        Raises flowlang.errors.ResumeError if the session is not waiting for a reply, and
        SessionError if it belongs to another program.
        """
        if input is None:
            input = MessageIn(text=text or "", attachments=tuple(attachments))
        return self._resume(session, input, Turn())

    def timeout(self, session: Session) -> tuple[Session, Turn]:
        """Resume a session waiting for a reply as if its wait timed out."""
        return self._resume(session, WaitTimeout(), Turn())

    # -- the loop -------------------------------------------------------------------------

    def _resume(self, session: Session, input: Input, turn: Turn) -> tuple[Session, Turn]:
        step = vm.resume(self.program, session, input, env=self._env())
        return self._follow(step, turn)

    def _follow(self, step: vm.Step, turn: Turn) -> tuple[Session, Turn]:
        calls = 0
        while True:
            pending: CallWebhook | None = None
            for effect in step.effects:
                if isinstance(effect, CallWebhook):
                    pending = effect
                else:
                    turn.events.append(effect)
            session = step.session
            if pending is None or getattr(session, "waiting_for", None) != "webhook":
                return session, turn
            calls += 1
            if calls > self.max_webhooks_per_turn:
                turn.events.append(
                    LogEntry("error", f"stopped after {self.max_webhooks_per_turn} webhook calls in one turn", pending.node)
                )
                return session, turn
            response = self.webhooks(pending)
            turn.events.append(
                WebhookCall(
                    method=pending.method.upper(),
                    url=pending.url,
                    status=response.status,
                    elapsed_ms=response.elapsed_ms,
                    request=response.request,
                    response=format_response(response),
                    error=response.error,
                    result_name=pending.result_name,
                    node=pending.node,
                )
            )
            step = vm.resume(self.program, session, response, env=self._env())
