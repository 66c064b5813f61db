"""The host: what touches the world on the VM's behalf (webhooks over HTTP, the clock)."""

from flowlang.host.engine import Engine
from flowlang.host.fixtures import FixtureError, FixtureTransport, load_fixtures
from flowlang.vm.session import dumps, loads
from flowlang.host.turn import Turn, WebhookCall
from flowlang.host.webhook_policy import RetryPolicy, WebhookPolicy, refuse_private_hosts
from flowlang.host.webhooks import HttpxWebhooks, WebhookClient

__all__ = [
    "Engine",
    "FixtureError",
    "FixtureTransport",
    "HttpxWebhooks",
    "RetryPolicy",
    "Turn",
    "WebhookCall",
    "WebhookClient",
    "WebhookPolicy",
    "dumps",
    "load_fixtures",
    "loads",
    "refuse_private_hosts",
]
