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
from typing import Any, Callable

from flowlang import vm
from flowlang.compiler.program import Program
from flowlang.env.environment import Environment
from flowlang.host.exchange import format_response
from flowlang.host.turn import Turn, WebhookCall
from flowlang.host.webhooks import HttpxWebhooks
from flowlang.vm.limits import DEFAULT_LIMITS, Limits
from flowlang.vm.events import CallWebhook, Input, MessageIn, WaitTimeout, WebhookResponse
from flowlang.vm.session import Session



def utc_now() -> dt.datetime:
    """The default clock."""
    return dt.datetime.now(dt.timezone.utc)


class _EngineBase:
    """What the sync and asyncio engines share: settings, the clock, reading effects."""

    # the webhook client used when none is given; each engine names its own (sync or asyncio)
    default_webhooks: Callable[[], Any]

    def __init__(
        self,
        program: Program,
        *,
        webhooks=None,
        env: Environment | None = None,
        clock: Callable[[], dt.datetime] = utc_now,
        limits: Limits = DEFAULT_LIMITS,
        checkpoint: Callable[[Session], Session | None] | None = None,
    ) -> None:
        self.program = program
        self.webhooks = webhooks if webhooks is not None else self.default_webhooks()
        self.env = env or Environment()
        self.clock = clock
        self.limits = limits
        self.checkpoint = checkpoint

    def _checkpointed(self, session: Session) -> Session:
        """The session to continue with after a webhook: what `checkpoint` returned (e.g.
        the copy it saved and loaded back), or the session itself."""
        if self.checkpoint is None:
            return session
        kept = self.checkpoint(session)
        return session if kept is None else kept

    def _env(self) -> Environment:
        return self.env.with_now(self.clock())

    def _absorb(self, step: vm.Step, turn: Turn) -> CallWebhook | None:
        """Add a step's effects to the turn; return the webhook call to perform next, if the
        session waits for one (the VM fails a session that calls too many: Limits)."""
        pending: CallWebhook | None = None
        for effect in step.effects:
            if isinstance(effect, CallWebhook):
                pending = effect
            else:
                turn.events.append(effect)
        if pending is None or step.session.waiting_for != "webhook":
            return None
        return pending


def reply_input(text: str | None, attachments: tuple[str, ...], input: Input | None) -> Input:
    return input if input is not None else MessageIn(text=text or "", attachments=tuple(attachments))


class Engine(_EngineBase):
    """Runs sessions of one program.

    `webhooks` performs webhook calls (default: a real `HttpxWebhooks`; any callable from
    `CallWebhook` to `WebhookResponse` will do); `env` is the evaluation environment
    (timezone, date format...); `clock` gives "now" for every step. `checkpoint`, if given,
    sees the session each time it waits for a webhook, before the call is made (to save it,
    so a crash during a slow call loses nothing); the session it returns is the one resumed.
    """

    default_webhooks = HttpxWebhooks

    def start(self, *, contact: dict | None = None, globals: dict | None = None) -> tuple[Session, Turn]:
        """Start a new session for `contact`; runs until the first wait or the end."""
        step = vm.start(self.program, env=self._env(), limits=self.limits, contact=contact, globals=globals)
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
        return self._resume(session, reply_input(text, attachments, input), Turn())

    def timeout(self, session: Session) -> tuple[Session, Turn]:
        """Resume a session waiting for a reply as if its wait timed out."""
        return self._resume(session, WaitTimeout(), Turn())

    # -- the loop -------------------------------------------------------------------------

    def _resume(self, session: Session, input: Input, turn: Turn) -> tuple[Session, Turn]:
        step = vm.resume(self.program, session, input, env=self._env(), limits=self.limits)
        return self._follow(step, turn)

    def _follow(self, step: vm.Step, turn: Turn) -> tuple[Session, Turn]:
        while (call := self._absorb(step, turn)) is not None:
            session = self._checkpointed(step.session)
            response = self.webhooks(call)
            turn.events.append(webhook_log_entry(call, response))
            step = vm.resume(self.program, session, response, env=self._env(), limits=self.limits)
        return step.session, turn


def webhook_log_entry(call: CallWebhook, response: WebhookResponse) -> WebhookCall:
    """The webhook log's record of one call and what came back."""
    return WebhookCall(
        method=call.method.upper(),
        url=call.url,
        status=response.status,
        elapsed_ms=response.elapsed_ms,
        request=response.request,
        response=format_response(response),
        error=response.error,
        result_name=call.result_name,
        node=call.node,
    )
