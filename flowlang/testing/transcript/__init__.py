"""Transcript tests: a conversation written down as it should happen, checked by running it.

A transcript file is plain text. Lines before the first `===` set up every conversation in
the file; each `=== NAME` starts a conversation (which may override the setup lines first):

    # a comment: a line that starts with #
    flow: order_status.flow
    fixtures: order_status.fixtures.json
    contact: name=Ben language=eng urn=tel:+250788123123
    global: shop_token=demo-token
    now: 2024-05-01T09:00:00Z
    timezone: Africa/Kigali

    === a shipped order
    bot: Hi Ben! What is your order number?
    user: CU001
    webhook: POST https://shop.example.com/api/orders/CU001 -> 200
    bot: Good news, Ben! Order CU001 (...) shipped on 2024-05-02 and should arrive on 2024-05-06.
    result: status = Shipped
    result: status.category = Shipped
    ended: completed

`flow:` (relative to the transcript; default: its own name with .flow) and `fixtures:`
(webhook fixtures; default: none, real HTTP) say what runs; `now:` fixes the clock (default
2024-05-01T09:00:00Z). `bot:` is a message the flow sends: every message must be listed, in
order, and `...` matches any text; `buttons: [Yes] [No]` after it checks that message's quick
replies. `user:` is the contact's reply; `timeout` fires the wait's timeout.
`webhook: METHOD URL -> STATUS` checks the next webhook call (optional: calls need not be
listed; STATUS 0 means no response). `result: NAME[.value|.category|.input] = TEXT` checks a
saved result; `ended: completed|failed|waiting` the session's status. An indented line
continues the message above it on a new line.

Every conversation runs twice: the second time the session is saved to JSON and loaded back
before every reply and while it waits for each webhook, so a flow that only works while its
session stays in memory fails.

Run transcripts with `flowlang test FILE...`, `run_transcript_file(path)`, or let pytest collect
them: `pytest_plugins = ["flowlang.testing.transcript.pytest_plugin"]` in a conftest.py.
"""

from flowlang.testing.transcript.format import (
    Case, Line, Setup, Transcript, TranscriptSyntaxError, load_transcript, parse_transcript,
)
from flowlang.testing.transcript.runner import Failure, Outcome, run_case, run_transcript_file

__all__ = [
    "Case", "Failure", "Line", "Outcome", "Setup", "Transcript", "TranscriptSyntaxError", "load_transcript",
    "parse_transcript", "run_case", "run_transcript_file",
]
