"""The knobs of the webhook client, as named settings with defaults.

These are the seams for hardening webhooks later (size limits, retries, which hosts a flow
may reach); the client reads them and nothing else decides these questions.
"""

from __future__ import annotations

import ipaddress
from typing import Callable
from urllib.parse import urlsplit

import attrs

# refuse(url) -> None to allow the request, or the reason it is refused
UrlCheck = Callable[[str], "str | None"]


def allow_any_url(url: str) -> str | None:
    """The default URL check: every http(s) URL may be called."""
    return None


def refuse_private_hosts(url: str) -> str | None:
    """A URL check that refuses literal loopback, private and link-local addresses.

    Only literal IPs and `localhost` are checked (no DNS lookup): a building block for a
    real SSRF policy, which must also check the addresses a name resolves to.
    """
    host = urlsplit(url).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return f"host {host!r} is local"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified:
        return f"address {host} is not public"
    return None


@attrs.frozen
class RetryPolicy:
    """How often a failed call is tried again. The default (one attempt) never retries,
    as goflow does; hosts that talk to flaky services can allow more."""

    attempts: int = 1
    backoff_seconds: float = 0.5  # doubled after every retry
    retry_statuses: tuple[int, ...] = (429, 502, 503, 504)
    retry_connection_errors: bool = True


@attrs.frozen
class WebhookPolicy:
    """Limits applied to every call made by `HttpxWebhooks`."""

    default_timeout: float = 10.0  # seconds, when the flow gives none
    max_timeout: float = 60.0  # a flow's own timeout is clamped to this
    max_response_bytes: int = 1024 * 1024  # longer bodies are cut here (and the call marked)
    max_redirects: int = 10
    retries: RetryPolicy = RetryPolicy()
    check_url: UrlCheck = allow_any_url

    def timeout_for(self, requested: float | None) -> float:
        if requested is None or requested <= 0:
            return self.default_timeout
        return min(requested, self.max_timeout)
