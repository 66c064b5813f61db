"""Engine limits: named settings with defaults, never magic numbers in the loop."""

from __future__ import annotations

import attrs


@attrs.frozen
class Limits:
    # Nodes entered between two waits for the contact. goflow uses 100: a flow that loops
    # this long without waiting is a bug, and the session fails naming the node.
    max_steps_per_sprint: int = 100
    # Webhook calls between two waits: a loop around a webhook would otherwise hammer a server
    # until the step limit; the session fails instead, naming the node.
    max_webhooks_per_sprint: int = 50
    # Instructions run between two waits: a second guard that needs no node entries.
    max_instructions_per_sprint: int = 10_000
    # Subflows calling subflows: deeper than this is a runaway recursion (goflow stops at 10 too).
    max_call_depth: int = 10
    # Path entries kept in a session; older ones are dropped so a long-lived session stays small.
    max_path_length: int = 500
    # Largest webhook body that is parsed as JSON for @extra (bytes), and its deepest nesting:
    # deeper JSON would not survive the session's next save, so it is kept as text.
    max_webhook_json: int = 256 * 1024
    max_webhook_json_depth: int = 64
    # Longest message a flow may send (characters); longer text is truncated with an ellipsis.
    max_message_length: int = 10_000


DEFAULT_LIMITS = Limits()
