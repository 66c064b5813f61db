"""Webhook fixtures: canned responses served through a real httpx transport."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowlang.host.fixtures import FixtureError, FixtureTransport, load_fixtures, parse_fixtures
from flowlang.host.webhooks import HttpxWebhooks
from flowlang.vm.events import CallWebhook

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "order_status.fixtures.json"
ORDERS = "https://shop.example.com/api/orders/"


def client(fixtures, **kwargs) -> HttpxWebhooks:
    return HttpxWebhooks(transport=FixtureTransport(parse_fixtures(fixtures), **kwargs))


def test_exact_url_and_method_match():
    webhooks = client([{"method": "post", "url": ORDERS + "CU001", "json": {"status": "Shipped"}}])
    response = webhooks(CallWebhook("POST", ORDERS + "CU001", body="{}"))
    assert response.status == 200
    assert json.loads(response.body) == {"status": "Shipped"}
    assert ("Content-Type", "application/json") in response.headers


def test_method_must_match_when_given():
    webhooks = client([{"method": "POST", "url": ORDERS + "CU001", "json": {}}])
    response = webhooks(CallWebhook("GET", ORDERS + "CU001"))
    assert response.status == 404
    assert json.loads(response.body)["error"] == f"no fixture matches GET {ORDERS}CU001"


def test_exact_urls_win_over_patterns_listed_earlier():
    webhooks = client(
        [
            {"url_pattern": ORDERS.replace(".", r"\.") + ".*", "status": 404, "body": "nope"},
            {"url": ORDERS + "CU001", "json": {"status": "Shipped"}},
        ]
    )
    assert webhooks(CallWebhook("POST", ORDERS + "CU001")).status == 200
    response = webhooks(CallWebhook("POST", ORDERS + "XX"))
    assert (response.status, response.body) == (404, "nope")


def test_pattern_must_match_the_whole_url():
    webhooks = client([{"url_pattern": "https://a\\.example/x", "body": "ok"}])
    assert webhooks(CallWebhook("GET", "https://a.example/x")).status == 200
    assert webhooks(CallWebhook("GET", "https://a.example/x/y")).status == 404


def test_custom_headers_and_text_body():
    webhooks = client([{"url": "https://a.example/", "status": 503, "body": "busy", "headers": {"Retry-After": "5"}}])
    response = webhooks(CallWebhook("GET", "https://a.example/"))
    assert response.status == 503 and response.body == "busy"
    assert ("Retry-After", "5") in response.headers


def test_delay_waits_and_a_delay_past_the_timeout_times_out():
    slept: list[float] = []
    webhooks = client(
        [{"url": "https://a.example/slow", "delay_ms": 250}, {"url": "https://a.example/slower", "delay_ms": 5000}],
        sleep=slept.append,
    )
    assert webhooks(CallWebhook("GET", "https://a.example/slow")).status == 200
    response = webhooks(CallWebhook("GET", "https://a.example/slower", timeout=2))
    assert (response.status, response.error) == (0, "timed out after 2s")
    assert slept == [0.25, 2]


def test_requests_are_recorded():
    transport = FixtureTransport(parse_fixtures([{"url": "https://a.example/", "body": ""}]))
    HttpxWebhooks(transport=transport)(CallWebhook("POST", "https://a.example/", headers=(("X-A", "1"),), body="hi"))
    (request,) = transport.requests
    assert request.headers["X-A"] == "1" and request.content == b"hi"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"nope": 1}, 'expected a list of fixtures or {"fixtures": [...]}'),
        ([1], "fixture 1: expected an object, got int"),
        ([{"status": 200}], 'fixture 1: give exactly one of "url" or "url_pattern"'),
        ([{"url": "a", "url_pattern": "b"}], 'give exactly one of "url" or "url_pattern"'),
        ([{"url": "a"}, {"url": "b", "stauts": 200}], "fixture 2: unknown key 'stauts'"),
        ([{"url_pattern": "(unclosed"}], "fixture 1: invalid url_pattern"),
        ([{"url": "a", "status": 999}], "must be an HTTP status code"),
        ([{"url": "a", "status": "200"}], "must be an HTTP status code"),
        ([{"url": "a", "json": {}, "body": ""}], 'give "json" or "body", not both'),
        ([{"url": "a", "headers": {"X": 1}}], '"headers" must be an object of strings'),
        ([{"url": "a", "delay_ms": -1}], '"delay_ms" must be a number'),
        ([{"url": 5}], '"url" must be a string'),
    ],
)
def test_invalid_fixtures_are_explained(data, message):
    with pytest.raises(FixtureError, match=None) as raised:
        parse_fixtures(data, source="f.json")
    assert message in str(raised.value)
    assert str(raised.value).startswith("f.json: ")


def test_unreadable_files_are_explained(tmp_path):
    with pytest.raises(FixtureError, match="cannot read fixtures file: no such file"):
        load_fixtures(tmp_path / "missing.json")
    bad = tmp_path / "bad.json"
    bad.write_text('{"fixtures": [\n  {"url": }\n]}')
    with pytest.raises(FixtureError, match=r"bad.json:2:11: invalid JSON"):
        load_fixtures(bad)
    with pytest.raises(FixtureError, match="cannot read"):
        load_fixtures(tmp_path)


def test_the_order_status_example_fixtures():
    webhooks = HttpxWebhooks(transport=FixtureTransport.from_file(EXAMPLE))
    statuses = {}
    for number in ("CU001", "CU002", "CU003", "CU007", "CU404", "CU500"):
        response = webhooks(CallWebhook("POST", ORDERS + number, body="{}"))
        body = json.loads(response.body) if response.status == 200 else None
        statuses[number] = (response.status, body and body["status"])
    assert statuses == {
        "CU001": (200, "Shipped"),
        "CU002": (200, "Pending"),
        "CU003": (200, "Cancelled"),
        "CU007": (200, "Returned to sender"),
        "CU404": (404, None),
        "CU500": (500, None),
    }


def test_the_transport_serves_async_clients_too():
    import asyncio

    import httpx

    transport = FixtureTransport(parse_fixtures([{"url": "https://a.example/", "json": {"ok": True}},
                                                 {"url": "https://a.example/slow", "delay_ms": 5000}]))

    async def fetch():
        async with httpx.AsyncClient(transport=transport) as client:
            ok = await client.get("https://a.example/")
            missing = await client.get("https://a.example/nope")
            try:
                await client.get("https://a.example/slow", timeout=0.05)
            except httpx.ReadTimeout:
                slow = "timed out"
            return ok, missing, slow

    ok, missing, slow = asyncio.run(fetch())
    assert ok.json() == {"ok": True} and missing.status_code == 404 and slow == "timed out"


def test_a_bad_charset_or_body_encoding_does_not_crash():
    webhooks = client([
        {"url": "https://a.example/", "body": "héllo", "headers": {"Content-Type": "text/plain; charset=nonsense"}},
        {"url": "https://b.example/", "body": "not gzip", "headers": {"Content-Encoding": "gzip"}},
    ])
    assert webhooks(CallWebhook("GET", "https://a.example/")).status == 200
    assert webhooks(CallWebhook("GET", "https://b.example/")).status in (0, 200)


def test_a_header_http_cannot_send_is_refused_when_the_fixtures_are_read():
    with pytest.raises(FixtureError, match="ASCII"):
        parse_fixtures([{"url_pattern": ".*", "headers": {"X-A": "\u20ac"}}])
