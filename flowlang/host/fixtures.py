"""Canned webhook responses: an httpx transport that answers from a JSON fixtures file.

The file is a list of fixtures (or `{"fixtures": [...]}`), each matching a request by
method and URL and saying how to answer it:

    {"method": "POST", "url": "https://shop.example.com/api/orders/CU001",
     "status": 200, "json": {"status": "Shipped"}}
    {"url_pattern": "https://shop\\.example\\.com/api/orders/.*", "status": 404,
     "body": "not found", "headers": {"Content-Type": "text/plain"}, "delay_ms": 250}

`method` defaults to any method; `url` is an exact URL, `url_pattern` a regular expression
the whole URL must match. Exact URLs are tried before patterns, patterns in file order, so a
catch-all pattern can sit anywhere. A request nothing matches gets a 404 whose JSON body
says so. `delay_ms` waits before answering, and a delay longer than the request's timeout
becomes a timeout, as a slow server would.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from pathlib import Path
from typing import Any, Callable

import attrs
import httpx

_KEYS = {"method", "url", "url_pattern", "status", "json", "body", "headers", "delay_ms", "comment"}


class FixtureError(Exception):
    """A fixtures file that cannot be used; the message names the file and the entry."""


@attrs.frozen
class Fixture:
    """One canned response and the requests it answers."""

    method: str | None  # None: any method
    url: str | None
    url_pattern: re.Pattern | None
    status: int = 200
    body: bytes = b""
    headers: tuple[tuple[str, str], ...] = ()
    delay_ms: int = 0

    def matches(self, method: str, url: str) -> bool:
        if self.method is not None and self.method != method.upper():
            return False
        if self.url is not None:
            return self.url == url
        return bool(self.url_pattern and self.url_pattern.fullmatch(url))


class FixtureTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """A real httpx transport serving `fixtures`; every request is recorded in `requests`.

    It serves both `httpx.Client` and `httpx.AsyncClient`, so asyncio hosts can use it too.
    """

    def __init__(self, fixtures: list[Fixture], *, source: str = "fixtures", sleep: Callable[[float], None] = time.sleep):
        self.fixtures = list(fixtures)
        self.source = source
        self.requests: list[httpx.Request] = []
        self._sleep = sleep

    @classmethod
    def from_file(cls, path: str | Path, **kwargs: Any) -> "FixtureTransport":
        return cls(load_fixtures(path), source=str(path), **kwargs)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        fixture = self._lookup(request)
        if fixture is not None and fixture.delay_ms:
            seconds, timeout = self._delay(fixture, request)
            self._sleep(min(seconds, timeout))
            if seconds > timeout:
                raise httpx.ReadTimeout(f"fixture answers after {seconds:g}s", request=request)
        return self._respond(fixture, request)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        fixture = self._lookup(request)
        if fixture is not None and fixture.delay_ms:
            seconds, timeout = self._delay(fixture, request)
            await asyncio.sleep(min(seconds, timeout))
            if seconds > timeout:
                raise httpx.ReadTimeout(f"fixture answers after {seconds:g}s", request=request)
        return self._respond(fixture, request)

    def _lookup(self, request: httpx.Request) -> Fixture | None:
        self.requests.append(request)
        return self.find(request.method, str(request.url))

    def _respond(self, fixture: Fixture | None, request: httpx.Request) -> httpx.Response:
        if fixture is None:
            body = {"error": f"no fixture matches {request.method} {request.url}", "fixtures": self.source}
            return httpx.Response(404, json=body, request=request)
        return httpx.Response(fixture.status, headers=list(fixture.headers), content=fixture.body, request=request)

    @staticmethod
    def _delay(fixture: Fixture, request: httpx.Request) -> tuple[float, float]:
        """The fixture's delay and the request's read timeout, in seconds: a delay longer
        than the timeout becomes a timeout, as a slow server's would."""
        read_timeout = (request.extensions.get("timeout") or {}).get("read")
        return fixture.delay_ms / 1000, float("inf") if read_timeout is None else read_timeout

    def find(self, method: str, url: str) -> Fixture | None:
        exact = [f for f in self.fixtures if f.url is not None]
        patterns = [f for f in self.fixtures if f.url is None]
        return next((f for f in exact + patterns if f.matches(method, url)), None)


def load_fixtures(path: str | Path) -> list[Fixture]:
    """Read and validate a fixtures file; raises FixtureError with a readable message."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FixtureError(f"{path}: cannot read fixtures file: {_reason(error)}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise FixtureError(f"{path}:{error.lineno}:{error.colno}: invalid JSON: {error.msg}") from None
    return parse_fixtures(data, source=str(path))


def parse_fixtures(data: Any, *, source: str = "fixtures") -> list[Fixture]:
    """Validate already-decoded fixtures JSON (a list, or an object with a `fixtures` list)."""
    if isinstance(data, dict) and set(data) <= {"fixtures", "comment"}:
        data = data.get("fixtures")
    if not isinstance(data, list):
        raise FixtureError(f'{source}: expected a list of fixtures or {{"fixtures": [...]}}')
    return [_parse_entry(entry, f"{source}: fixture {index + 1}") for index, entry in enumerate(data)]


def _parse_entry(entry: Any, where: str) -> Fixture:
    if not isinstance(entry, dict):
        raise FixtureError(f"{where}: expected an object, got {type(entry).__name__}")
    unknown = sorted(set(entry) - _KEYS)
    if unknown:
        raise FixtureError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    if ("url" in entry) == ("url_pattern" in entry):
        raise FixtureError(f'{where}: give exactly one of "url" or "url_pattern"')
    if "json" in entry and "body" in entry:
        raise FixtureError(f'{where}: give "json" or "body", not both')
    url = entry.get("url")
    pattern = None
    if "url_pattern" in entry:
        try:
            pattern = re.compile(_text(entry["url_pattern"], where, "url_pattern"))
        except re.error as error:
            raise FixtureError(f"{where}: invalid url_pattern: {error}") from None
    elif not isinstance(url, str):
        raise FixtureError(f'{where}: "url" must be a string')
    method = entry.get("method")
    if method is not None:
        method = _text(method, where, "method").upper()
    status = entry.get("status", 200)
    if not isinstance(status, int) or isinstance(status, bool) or not 100 <= status <= 599:
        raise FixtureError(f'{where}: "status" must be an HTTP status code (100-599)')
    headers = entry.get("headers", {})
    if not isinstance(headers, dict) or not all(isinstance(v, str) for v in headers.values()):
        raise FixtureError(f'{where}: "headers" must be an object of strings')
    for name, value in headers.items():
        if not (name.isascii() and value.isascii()) or "\n" in name + value or "\r" in name + value:
            raise FixtureError(f'{where}: header {name!r} must be ASCII text on one line, as HTTP sends it')
    delay = entry.get("delay_ms", 0)
    if not isinstance(delay, (int, float)) or isinstance(delay, bool) or delay < 0:
        raise FixtureError(f'{where}: "delay_ms" must be a number of milliseconds')
    if "json" in entry:
        body = json.dumps(entry["json"]).encode("utf-8")
        content_type = "application/json"
    else:
        body = _text(entry.get("body", ""), where, "body").encode("utf-8")
        content_type = "text/plain; charset=utf-8"
    if not any(name.lower() == "content-type" for name in headers):
        headers = {"Content-Type": content_type, **headers}
    return Fixture(
        method=method,
        url=url,
        url_pattern=pattern,
        status=status,
        body=body,
        headers=tuple(headers.items()),
        delay_ms=delay,
    )


def _text(value: Any, where: str, key: str) -> str:
    if not isinstance(value, str):
        raise FixtureError(f'{where}: "{key}" must be a string')
    return value


def _reason(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)
