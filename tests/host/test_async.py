"""The asyncio host: AsyncHttpxWebhooks against a real server, AsyncEngine over fixtures."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from flowlang.compiler import compile_file
from flowlang.host import AsyncEngine, AsyncHttpxWebhooks, FixtureTransport, RetryPolicy, WebhookPolicy, dumps, loads
from flowlang.vm.events import CallWebhook, WebhookResponse

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_async_client_success_errors_and_timeouts(http_server, closed_port_url):
    async def scenario():
        async with AsyncHttpxWebhooks() as webhooks:
            ok = await webhooks(CallWebhook("GET", f"{http_server}/json"))
            missing = await webhooks(CallWebhook("GET", f"{http_server}/status/404"))
            refused = await webhooks(CallWebhook("GET", closed_port_url))
            slow = await webhooks(CallWebhook("GET", f"{http_server}/slow?seconds=2", timeout=0.3))
            echo = await webhooks(CallWebhook("POST", f"{http_server}/echo", headers=(("X-A", "b"),), body="hi"))
            return ok, missing, refused, slow, echo

    ok, missing, refused, slow, echo = asyncio.run(scenario())
    assert ok.status == 200 and json.loads(ok.body)["status"] == "Shipped"
    assert missing.status == 404
    assert refused.status == 0 and refused.error.startswith("connection error")
    assert (slow.status, slow.error) == (0, "timed out after 0.3s")
    assert json.loads(echo.body)["headers"]["X-A"] == "b" and json.loads(echo.body)["body"] == "hi"


def test_async_client_limits_and_retries(http_server):
    slept = []

    async def fake_sleep(seconds):
        slept.append(seconds)

    async def scenario():
        policy = WebhookPolicy(max_response_bytes=1000, retries=RetryPolicy(attempts=2, backoff_seconds=0.01))
        async with AsyncHttpxWebhooks(policy=policy, sleep=fake_sleep) as webhooks:
            huge = await webhooks(CallWebhook("GET", f"{http_server}/huge?bytes=100000"))
            busy = await webhooks(CallWebhook("GET", f"{http_server}/status/503"))
            return huge, busy

    huge, busy = asyncio.run(scenario())
    assert len(huge.body) == 1000 and "truncated" in huge.error
    assert busy.status == 503 and slept == [0.01]


def test_async_engine_runs_the_order_status_flow():
    program = compile_file(EXAMPLES / "order_status.flow")

    async def scenario():
        transport = FixtureTransport.from_file(EXAMPLES / "order_status.fixtures.json")
        async with AsyncHttpxWebhooks(transport=transport) as webhooks:
            engine = AsyncEngine(program, webhooks=webhooks)
            session, first = await engine.start(contact={"name": "Ben"})
            session = loads(dumps(session), program)
            session, second = await engine.resume(session, "CU003")
            return session, first, second

    session, first, second = asyncio.run(scenario())
    assert first.texts == ["Hi Ben! What is your order number?"]
    assert second.webhooks[0].status == 200
    assert second.texts == ["Order CU003 was cancelled. Reply to this message if you did not ask for that."]
    assert session.status == "completed"


def test_async_engine_with_a_coroutine_client_and_timeout():
    program = compile_file(EXAMPLES / "order_status.flow")

    async def answer(call: CallWebhook) -> WebhookResponse:
        await asyncio.sleep(0)
        return WebhookResponse(500, "oops")

    async def scenario():
        engine = AsyncEngine(program, webhooks=answer)
        session, _ = await engine.start(contact={"name": "Ben"})
        _, failed = await engine.resume(session, "CU001")
        _, timed_out = await engine.timeout(session)
        return failed, timed_out

    failed, timed_out = asyncio.run(scenario())
    assert failed.texts == ["Sorry, I couldn't look up order CU001 right now (error 500). Please try again later."]
    assert timed_out.texts == ["I didn't hear back from you. Message us any time to check an order."]
