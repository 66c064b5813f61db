"""Performing a `CallWebhook` effect over real HTTP with httpx.

Whatever happens on the wire comes back as a `WebhookResponse`, never an exception: a
refused connection, a timeout or an invalid URL is status 0 with `error` saying why, so
the session can take its `on failure` route and the author can read what went wrong.
"""

from __future__ import annotations

import time
from typing import Callable, Protocol

import httpx

from flowlang.host.webhook_policy import WebhookPolicy
from flowlang.vm.events import CallWebhook, WebhookResponse

USER_AGENT = "flowlang-webhooks/0.1"


class WebhookClient(Protocol):
    """Anything that turns a `CallWebhook` into a `WebhookResponse` (the Engine's seam)."""

    def __call__(self, call: CallWebhook) -> WebhookResponse: ...


class _Refused(Exception):
    """A request refused by the policy's URL check (raised from an httpx event hook)."""


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
            follow_redirects=True,
            max_redirects=self.policy.max_redirects,
            headers={"User-Agent": USER_AGENT},
            # every hop of a redirect chain is checked, not just the first URL
            event_hooks={"request": [self._check_request]},
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "HttpxWebhooks":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def __call__(self, call: CallWebhook) -> WebhookResponse:
        retries = self.policy.retries
        delay = retries.backoff_seconds
        response = self._attempt(call)
        for _ in range(max(retries.attempts, 1) - 1):
            retry = response.status in retries.retry_statuses or (
                response.status == 0 and retries.retry_connection_errors and not _is_refusal(response)
            )
            if not retry:
                break
            self._sleep(delay)
            delay *= 2
            response = self._attempt(call)
        return response

    # -- one attempt ----------------------------------------------------------------------

    def _check_request(self, request: httpx.Request) -> None:
        reason = self.policy.check_url(str(request.url))
        if reason:
            raise _Refused(reason)

    def _attempt(self, call: CallWebhook) -> WebhookResponse:
        started = time.monotonic()
        timeout = self.policy.timeout_for(call.timeout)
        try:
            request = self._client.build_request(
                call.method.upper(),
                call.url,
                headers=[(name, value.encode("utf-8")) for name, value in call.headers],
                content=call.body.encode("utf-8") if call.body is not None else None,
                timeout=timeout,
            )
        except (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError, TypeError) as error:
            return _no_response(f"invalid request: {error}", started, request_text=f"{call.method} {call.url}")
        request_text = format_request(request, call.body)
        try:
            response = self._client.send(request, stream=True)
            try:
                body, truncated = _read_limited(response, self.policy.max_response_bytes)
            finally:
                response.close()
            text = body.decode(response.encoding or "utf-8", errors="replace")
            error = (
                f"response body longer than {self.policy.max_response_bytes} bytes; truncated" if truncated else None
            )
            return WebhookResponse(
                status=response.status_code,
                body=text,
                headers=tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw),
                elapsed_ms=_elapsed_ms(started),
                error=error,
                request=format_request(response.request, call.body),
            )
        except _Refused as refused:
            return _no_response(f"{REFUSAL_PREFIX}{refused}", started, request_text)
        except httpx.TimeoutException:
            return _no_response(f"timed out after {timeout:g}s", started, request_text)
        except httpx.TooManyRedirects:
            return _no_response(f"more than {self.policy.max_redirects} redirects", started, request_text)
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as error:
            return _no_response(f"invalid URL: {error}", started, request_text)
        except httpx.HTTPError as error:
            return _no_response(f"connection error: {error or type(error).__name__}", started, request_text)
        except OSError as error:  # e.g. a transport raising a plain socket error
            return _no_response(f"connection error: {error}", started, request_text)


REFUSAL_PREFIX = "refused by policy: "


def _is_refusal(response: WebhookResponse) -> bool:
    return (response.error or "").startswith(REFUSAL_PREFIX)


def _no_response(error: str, started: float, request_text: str) -> WebhookResponse:
    return WebhookResponse(status=0, error=error, elapsed_ms=_elapsed_ms(started), request=request_text)


def _elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


def _read_limited(response: httpx.Response, limit: int) -> tuple[bytes, bool]:
    """Read at most `limit` bytes of the body, so a huge response cannot exhaust memory."""
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        if size + len(chunk) > limit:
            chunks.append(chunk[: limit - size])
            return b"".join(chunks), True
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks), False


def format_request(request: httpx.Request, body: str | None) -> str:
    """The request as HTTP/1.1 text, for the webhook log."""
    target = request.url.raw_path.decode("ascii", errors="replace")
    lines = [f"{request.method} {target} HTTP/1.1"]
    lines += [f"{name.decode('latin-1')}: {value.decode('latin-1')}" for name, value in request.headers.raw]
    return "\r\n".join(lines) + "\r\n\r\n" + (body or "")


def format_response(response: WebhookResponse) -> str:
    """The response as HTTP/1.1 text, for the webhook log ("" when there was none)."""
    if response.status == 0:
        return ""
    reason = _reason_phrase(response.status)
    lines = [f"HTTP/1.1 {response.status} {reason}".rstrip()]
    lines += [f"{name}: {value}" for name, value in response.headers]
    return "\r\n".join(lines) + "\r\n\r\n" + response.body


def _reason_phrase(status: int) -> str:
    try:
        return httpx.codes.get_reason_phrase(status)
    except Exception:  # unknown codes have no phrase
        return ""
