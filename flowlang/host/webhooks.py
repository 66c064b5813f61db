"""Performing a `CallWebhook` effect over real HTTP with httpx, for sync and asyncio hosts.

Whatever happens on the wire comes back as a `WebhookResponse`, never an exception: a
refused connection, a timeout or an invalid URL is status 0 with `error` saying why, so
the session can take its `on failure` route and the author can read what went wrong.
"""

from __future__ import annotations

import asyncio
import time
from typing import Awaitable, Callable, Protocol

import httpx

from flowlang.host import exchange
from flowlang.host.exchange import format_request, format_response  # noqa: F401  (public helpers)
from flowlang.host.webhook_policy import WebhookPolicy
from flowlang.vm.events import CallWebhook, WebhookResponse


class WebhookClient(Protocol):
    """Anything that turns a `CallWebhook` into a `WebhookResponse` (the Engine's seam)."""

    def __call__(self, call: CallWebhook) -> WebhookResponse: ...


class AsyncWebhookClient(Protocol):
    """The asyncio form of `WebhookClient` (the AsyncEngine's seam)."""

    def __call__(self, call: CallWebhook) -> Awaitable[WebhookResponse]: ...


class HttpxWebhooks:
    """The standard webhook client.

    `transport` swaps the network for something else (e.g. a `FixtureTransport` answering
    from canned responses); `policy` holds timeouts, size limits, retries and the URL check.
    `sleep` is what waits between retries (injectable so tests need not wait).
    """

    def __init__(
        self,
        *,
        transport: httpx.BaseTransport | None = None,
        policy: WebhookPolicy | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or WebhookPolicy()
        self._sleep = sleep
        self._client = httpx.Client(
            transport=transport,
            event_hooks={"request": [lambda request: exchange.check_url(self.policy, request)]},
            **exchange.client_settings(self.policy),
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "HttpxWebhooks":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __call__(self, call: CallWebhook) -> WebhookResponse:
        delay = self.policy.retries.backoff_seconds
        response = self._attempt(call)
        for _ in range(max(self.policy.retries.attempts, 1) - 1):
            if not exchange.should_retry(response, self.policy):
                break
            self._sleep(delay)
            delay *= 2
            response = self._attempt(call)
        return response

    def _attempt(self, call: CallWebhook) -> WebhookResponse:
        started = time.monotonic()
        timeout = self.policy.timeout_for(call.timeout)
        try:
            request = exchange.build_request(self._client, call, timeout)
        except exchange.BUILD_ERRORS as error:
            return exchange.no_response(f"invalid request: {error}", started, f"{call.method} {call.url}")
        request_text = format_request(request, call.body)
        try:
            response = self._client.send(request, stream=True)
            try:
                reader = exchange.BodyReader(self.policy.max_response_bytes)
                for chunk in response.iter_bytes():
                    if not reader.feed(chunk):
                        break
            finally:
                response.close()
        except exchange.SEND_ERRORS as error:
            return exchange.failure(error, timeout, self.policy, started, request_text)
        return exchange.success(response, reader, call, self.policy, started)


class AsyncHttpxWebhooks:
    """`HttpxWebhooks` for asyncio hosts (an `httpx.AsyncClient` underneath); same policy,
    same outcomes. Use with `AsyncEngine`, and `await close()` (or `async with`) when done."""

    def __init__(
        self,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        policy: WebhookPolicy | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.policy = policy or WebhookPolicy()
        self._sleep = sleep

        async def check(request: httpx.Request) -> None:
            exchange.check_url(self.policy, request)

        self._client = httpx.AsyncClient(
            transport=transport, event_hooks={"request": [check]}, **exchange.client_settings(self.policy)
        )

    async def close(self) -> None:
        await self._client.aclose()

    async def __aenter__(self) -> "AsyncHttpxWebhooks":
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self.close()

    async def __call__(self, call: CallWebhook) -> WebhookResponse:
        delay = self.policy.retries.backoff_seconds
        response = await self._attempt(call)
        for _ in range(max(self.policy.retries.attempts, 1) - 1):
            if not exchange.should_retry(response, self.policy):
                break
            await self._sleep(delay)
            delay *= 2
            response = await self._attempt(call)
        return response

    async def _attempt(self, call: CallWebhook) -> WebhookResponse:
        started = time.monotonic()
        timeout = self.policy.timeout_for(call.timeout)
        try:
            request = exchange.build_request(self._client, call, timeout)
        except exchange.BUILD_ERRORS as error:
            return exchange.no_response(f"invalid request: {error}", started, f"{call.method} {call.url}")
        request_text = format_request(request, call.body)
        try:
            response = await self._client.send(request, stream=True)
            try:
                reader = exchange.BodyReader(self.policy.max_response_bytes)
                async for chunk in response.aiter_bytes():
                    if not reader.feed(chunk):
                        break
            finally:
                await response.aclose()
        except exchange.SEND_ERRORS as error:
            return exchange.failure(error, timeout, self.policy, started, request_text)
        return exchange.success(response, reader, call, self.policy, started)
