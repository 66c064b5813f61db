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


def _text(_instance, attribute, value) -> None:
    if not isinstance(value, str):
        raise TypeError(f"{attribute.name} must be text (str), not {type(value).__name__}")


def _texts(_instance, attribute, value) -> None:
    if not isinstance(value, tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError(f"{attribute.name} must be a tuple of text")


def _status(_instance, attribute, value) -> None:
    if type(value) is not int or not 0 <= value <= 999:
        raise TypeError(f"status must be an HTTP status code (int) or 0, not {value!r}")


@attrs.frozen
class MessageIn:
    """A message from the contact. Inputs check their fields when built, so a host bug is
    reported where it happens, not deep inside the interpreter."""

    text: str = attrs.field(validator=_text)
    attachments: tuple[str, ...] = attrs.field(default=(), converter=tuple, validator=_texts)


@attrs.frozen
class WebhookResponse:
    """What happened to a `CallWebhook`.

    `status` is the HTTP status code, or 0 when there was no response at all (connection
    refused, timeout, refused by policy): then `error` says why. `body` is the response text.
    """

    status: int = attrs.field(validator=_status)
    body: str = attrs.field(default="", validator=_text)
    headers: tuple[tuple[str, str], ...] = ()
    elapsed_ms: int = 0
    error: str | None = attrs.field(default=None, validator=attrs.validators.optional(_text))
    request: str = ""  # the request as sent, for the webhook log


@attrs.frozen
class WaitTimeout:
    """The wait's timeout expired before the contact replied."""


Input = MessageIn | WebhookResponse | WaitTimeout
