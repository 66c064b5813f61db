"""The knobs of the webhook client, as named settings with defaults.

These are the seams for hardening webhooks later (size limits, retries, which hosts a flow
may reach); the client reads them and nothing else decides these questions.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Callable
from urllib.parse import urlsplit

import attrs

# refuse(url) -> None to allow the request, or the reason it is refused
UrlCheck = Callable[[str], "str | None"]


def allow_any_url(url: str) -> str | None:
    """The default URL check: every http(s) URL may be called."""
    return None


def refuse_private_hosts(url: str) -> str | None:
    """A URL check that refuses `localhost` and literal loopback, private, link-local,
    multicast, reserved and unspecified addresses - including the numeric spellings
    resolvers accept (`2130706433`, `127.1`, `0x7f.0.0.1`, `::ffff:127.0.0.1`).

    No DNS lookup is made: this is a building block for a real SSRF policy, which must
    also check the addresses a name resolves to.
    """
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return f"host {host!r} is local"
    address = _literal_address(host)
    if address is None:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    if (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    ):
        return f"address {host} is not public"
    return None


def _literal_address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    # the legacy inet_aton forms (one to four parts, decimal, octal or hex) name IPv4 addresses too
    if host and all(c in "0123456789abcdefx." for c in host) and host[0].isdigit():
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
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
