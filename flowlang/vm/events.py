"""What crosses the boundary between the interpreter and its host.

The VM is sans-IO: it takes an *input* (a message, a webhook response, a timeout) and gives
back the new session plus *effects* (messages to send, a webhook to call, a wait). The host
performs the effects and resumes the session with what happened. These classes are that
whole vocabulary.
"""

from __future__ import annotations

import attrs


# -- effects: VM -> host ------------------------------------------------------------------


@attrs.frozen
class SendMessage:
    """Send `text` to the contact, optionally with quick-reply buttons."""

    text: str
    quick_replies: tuple[str, ...] = ()
    node: str = ""


@attrs.frozen
class CallWebhook:
    """Perform an HTTP request and resume with a `WebhookResponse`.

    `timeout` is the author's per-call timeout in seconds (None: the host's default).
    """

    method: str
    url: str
    headers: tuple[tuple[str, str], ...] = ()
    body: str | None = None
    timeout: float | None = None
    result_name: str | None = None
    node: str = ""


@attrs.frozen
class WaitForReply:
    """The session is waiting for the contact. `timeout` seconds after `started_on`
    (ISO text, from the host's clock) the host may resume with `WaitTimeout`."""

    timeout: float | None = None
    started_on: str | None = None
    node: str = ""


@attrs.frozen
class SessionEnded:
    """The session completed or failed; `reason` says why it failed."""

    status: str
    reason: str | None = None


@attrs.frozen
class LogEntry:
    """Something an author should see in a simulator or a log (e.g. a template error,
    a result saved); never affects the conversation."""

    kind: str  # "result" | "error" | "warning" | "info"
    text: str
    node: str = ""
    line: int | None = None


Effect = SendMessage | CallWebhook | WaitForReply | SessionEnded | LogEntry


# -- inputs: host -> VM -------------------------------------------------------------------


@attrs.frozen
class MessageIn:
    """A message from the contact."""

    text: str
    attachments: tuple[str, ...] = ()


@attrs.frozen
class WebhookResponse:
    """What happened to a `CallWebhook`.

    `status` is the HTTP status code, or 0 when there was no response at all (connection
    refused, timeout, refused by policy): then `error` says why. `body` is the response text.
    """

    status: int
    body: str = ""
    headers: tuple[tuple[str, str], ...] = ()
    elapsed_ms: int = 0
    error: str | None = None
    request: str = ""  # the request as sent, for the webhook log


@attrs.frozen
class WaitTimeout:
    """The wait's timeout expired before the contact replied."""


Input = MessageIn | WebhookResponse | WaitTimeout
