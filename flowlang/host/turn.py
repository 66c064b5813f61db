"""What happened in one turn of a conversation, as the host saw it."""

from __future__ import annotations

import attrs

from flowlang.vm.events import LogEntry, SendMessage, SessionEnded, WaitForReply


@attrs.frozen
class WebhookCall:
    """One webhook performed by the host: the webhook log entry.

    `request` and `response` are the HTTP exchange as text ("" when there was no response);
    `status` is 0 when the call got no response, and `error` then says why.
    """

    method: str
    url: str
    status: int
    elapsed_ms: int
    request: str
    response: str
    error: str | None = None
    result_name: str | None = None
    node: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


TurnEvent = SendMessage | WebhookCall | LogEntry | WaitForReply | SessionEnded


@attrs.define
class Turn:
    """Everything from one start/resume/timeout until the session waits for the contact or
    ends: `events` in the order they happened, with views by kind."""

    events: list[TurnEvent] = attrs.field(factory=list)

    @property
    def messages(self) -> list[SendMessage]:
        return [e for e in self.events if isinstance(e, SendMessage)]

    @property
    def texts(self) -> list[str]:
        """The text of every message sent, in order."""
        return [e.text for e in self.messages]

    @property
    def webhooks(self) -> list[WebhookCall]:
        return [e for e in self.events if isinstance(e, WebhookCall)]

    @property
    def logs(self) -> list[LogEntry]:
        return [e for e in self.events if isinstance(e, LogEntry)]

    @property
    def wait(self) -> WaitForReply | None:
        """The wait the turn ended on, if the session now waits for a reply."""
        waits = [e for e in self.events if isinstance(e, WaitForReply)]
        return waits[-1] if waits else None

    @property
    def ended(self) -> SessionEnded | None:
        ends = [e for e in self.events if isinstance(e, SessionEnded)]
        return ends[-1] if ends else None
