"""The host: what touches the world on the VM's behalf (webhooks over HTTP, the clock)."""

from flowlang.host.async_engine import AsyncEngine
from flowlang.host.engine import Engine
from flowlang.host.fixtures import FixtureError, FixtureTransport, load_fixtures
from flowlang.host.turn import Turn, WebhookCall
from flowlang.host.webhook_policy import RetryPolicy, WebhookPolicy, refuse_private_hosts
from flowlang.host.webhooks import AsyncHttpxWebhooks, AsyncWebhookClient, HttpxWebhooks, WebhookClient
from flowlang.vm.session import dumps, loads  # sessions as JSON (re-exported for hosts)

__all__ = [
    "AsyncEngine",
    "AsyncHttpxWebhooks",
    "AsyncWebhookClient",
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
