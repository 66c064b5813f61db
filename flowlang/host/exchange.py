"""One HTTP exchange for a webhook, in the pieces both webhook clients share: building the
request, reading a bounded body, turning every failure into a `WebhookResponse`, and the
HTTP/1.1 text of request and response for the webhook log."""

from __future__ import annotations

import time

import httpx

from flowlang.host.webhook_policy import WebhookPolicy
from flowlang.vm.events import CallWebhook, WebhookResponse

USER_AGENT = "flowlang-webhooks/0.1"
REFUSAL_PREFIX = "refused by policy: "


class Refused(Exception):
    """A request refused by the policy's URL check (raised from an httpx event hook)."""


def client_settings(policy: WebhookPolicy) -> dict:
    """Keyword arguments for httpx.Client / AsyncClient that apply the policy (the URL check
    is added by each client as an event hook, so every hop of a redirect is checked)."""
    return {"follow_redirects": True, "max_redirects": policy.max_redirects, "headers": {"User-Agent": USER_AGENT}}


def check_url(policy: WebhookPolicy, request: httpx.Request) -> None:
    reason = policy.check_url(str(request.url))
    if reason:
        raise Refused(reason)


def build_request(client: httpx.Client | httpx.AsyncClient, call: CallWebhook, timeout: float) -> httpx.Request:
    """The request for a call; raises ValueError-like errors for URLs/headers httpx refuses."""
    url = httpx.URL(call.url)
    if url.scheme not in ("http", "https") or not url.host:
        # a template that rendered to nothing or to a path (`@globals.base/orders` with no global)
        raise httpx.InvalidURL(f"{call.url!r} is not an absolute http(s) URL")
    return client.build_request(
        call.method.upper(),
        call.url,
        headers=[(name, header_value(name, value)) for name, value in call.headers],
        content=call.body.encode("utf-8") if call.body is not None else None,
        timeout=timeout,
    )


def header_value(name: str, value: str) -> bytes:
    """A templated header value as it goes on the wire.

    Surrounding whitespace is not part of an HTTP field value (and servers refuse it), so
    `"Token @globals.token"` with an empty token still sends `Token`; a line break would
    inject a header, so it is refused. Non-ASCII text is sent as UTF-8 rather than refused.
    """
    if "\r" in value or "\n" in value:
        raise ValueError(f"the value of header {name!r} contains a line break")
    return value.strip().encode("utf-8")


BUILD_ERRORS = (httpx.InvalidURL, httpx.UnsupportedProtocol, ValueError, TypeError)


class BodyReader:
    """Collects at most `limit` bytes of a streamed body, so a huge response cannot exhaust
    memory; `feed` returns False once the limit is reached."""

    def __init__(self, limit: int):
        self.limit, self.size, self.chunks, self.truncated = limit, 0, [], False

    def feed(self, chunk: bytes) -> bool:
        room = self.limit - self.size
        if len(chunk) > room:
            self.chunks.append(chunk[:room])
            self.size, self.truncated = self.limit, True
            return False
        self.chunks.append(chunk)
        self.size += len(chunk)
        return True


def success(response: httpx.Response, reader: BodyReader, call: CallWebhook, policy: WebhookPolicy, started: float) -> WebhookResponse:
    text = b"".join(reader.chunks).decode(response.encoding or "utf-8", errors="replace")
    error = f"response body longer than {policy.max_response_bytes} bytes; truncated" if reader.truncated else None
    return WebhookResponse(
        status=response.status_code,
        body=text,
        headers=tuple((k.decode("latin-1"), v.decode("latin-1")) for k, v in response.headers.raw),
        elapsed_ms=elapsed_ms(started),
        error=error,
        request=format_request(response.request, call.body),
    )


def failure(error: BaseException, timeout: float, policy: WebhookPolicy, started: float, request_text: str) -> WebhookResponse:
    """The no-response `WebhookResponse` (status 0) for an exception raised while sending."""
    if isinstance(error, Refused):
        reason = f"{REFUSAL_PREFIX}{error}"
    elif isinstance(error, httpx.TimeoutException):
        reason = f"timed out after {timeout:g}s"
    elif isinstance(error, httpx.TooManyRedirects):
        reason = f"more than {policy.max_redirects} redirects"
    elif isinstance(error, (httpx.UnsupportedProtocol, httpx.InvalidURL)):
        reason = f"invalid URL: {error}"
    else:
        reason = f"connection error: {str(error) or type(error).__name__}"
    return no_response(reason, started, request_text)


SEND_ERRORS = (Refused, httpx.HTTPError, OSError)


def is_refusal(response: WebhookResponse) -> bool:
    return (response.error or "").startswith(REFUSAL_PREFIX)


def should_retry(response: WebhookResponse, policy: WebhookPolicy) -> bool:
    retries = policy.retries
    if response.status in retries.retry_statuses:
        return True
    return response.status == 0 and retries.retry_connection_errors and not is_refusal(response)


def no_response(error: str, started: float, request_text: str) -> WebhookResponse:
    return WebhookResponse(status=0, error=error, elapsed_ms=elapsed_ms(started), request=request_text)


def elapsed_ms(started: float) -> int:
    return int((time.monotonic() - started) * 1000)


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
    try:
        reason = httpx.codes.get_reason_phrase(response.status)
    except Exception:  # unknown codes have no phrase
        reason = ""
    lines = [f"HTTP/1.1 {response.status} {reason}".rstrip()]
    lines += [f"{name}: {value}" for name, value in response.headers]
    return "\r\n".join(lines) + "\r\n\r\n" + response.body
