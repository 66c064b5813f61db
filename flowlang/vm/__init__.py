"""Stage 5: the sans-IO interpreter. `start` and `resume` take data and return data."""

from flowlang.vm.events import (
    CallWebhook, Effect, Input, LogEntry, MessageIn, SendMessage, SessionEnded, WaitForReply, WaitTimeout,
    WebhookResponse,
)
from flowlang.vm.limits import DEFAULT_LIMITS, Limits
from flowlang.vm.machine import Step
from flowlang.vm.resume import pending_call, resume, start
from flowlang.vm.session import Contact, Result, Session, dumps, loads

__all__ = [
    "CallWebhook", "Contact", "DEFAULT_LIMITS", "Effect", "Input", "Limits", "LogEntry", "MessageIn", "Result",
    "SendMessage", "Session", "SessionEnded", "Step", "WaitForReply", "WaitTimeout", "WebhookResponse", "dumps",
    "loads", "pending_call", "resume", "start",
]
