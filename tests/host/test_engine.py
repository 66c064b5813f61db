"""The Engine drives the VM: it performs webhooks, stamps the clock, and reports a Turn."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from flowlang.vm import Limits

from flowlang.compiler import compile_file, compile_source
from flowlang.errors import ResumeError, SessionError
from flowlang.host import Engine, FixtureTransport, HttpxWebhooks, WebhookCall, dumps, loads
from flowlang.vm.events import CallWebhook, LogEntry, SendMessage, SessionEnded, WaitForReply, WebhookResponse

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NOW = dt.datetime(2024, 5, 1, 9, 0, tzinfo=dt.timezone.utc)


def program_of(source: str):
    result = compile_source(source, "test.flow")
    assert result.program is not None, [d.format(source) for d in result.diagnostics]
    return result.program


@pytest.fixture
def order_status():
    return compile_file(EXAMPLES / "order_status.flow")


@pytest.fixture
def shop():
    return HttpxWebhooks(transport=FixtureTransport.from_file(EXAMPLES / "order_status.fixtures.json"))


def test_start_runs_until_the_first_wait(order_status, shop):
    engine = Engine(order_status, webhooks=shop, clock=lambda: NOW)
    session, turn = engine.start(contact={"name": "Ben Mwangi"})
    assert (session.status, session.waiting_for) == ("waiting", "reply")
    assert turn.texts == ["Hi Ben! What is your order number?"]
    assert isinstance(turn.wait, WaitForReply) and turn.wait.timeout == 600
    assert turn.ended is None and turn.webhooks == []


def test_resume_performs_the_webhook_and_continues(order_status, shop):
    engine = Engine(order_status, webhooks=shop, clock=lambda: NOW)
    session, _ = engine.start(contact={"name": "Ben"}, globals={"shop_token": "t0k"})
    session, turn = engine.resume(session, "CU002")
    (call,) = turn.webhooks
    assert (call.method, call.url, call.status, call.error) == ("POST", "https://shop.example.com/api/orders/CU002", 200, None)
    assert call.result_name == "order_webhook" and call.ok
    assert call.request.startswith("POST /api/orders/CU002 HTTP/1.1\r\n")
    assert "Authorization: Token t0k" in call.request
    assert call.response.startswith("HTTP/1.1 200 OK\r\n") and '"status": "Pending"' in call.response
    assert turn.texts == ["Order CU002 (1 coffee mug) is still being prepared. We will let you know when it ships."]
    assert session.status == "completed" and turn.ended == SessionEnded("completed")
    assert any(isinstance(e, LogEntry) and e.kind == "result" and "order_webhook" in e.text for e in turn.events)


def test_turn_events_keep_their_order(order_status, shop):
    engine = Engine(order_status, webhooks=shop)
    session, _ = engine.start(contact={"name": "Ben"})
    _, turn = engine.resume(session, "CU001")
    kinds = [type(e).__name__ for e in turn.events if not isinstance(e, LogEntry)]
    assert kinds == ["WebhookCall", "SendMessage", "SessionEnded"]


def test_every_step_sees_the_clock(order_status, shop):
    times = iter([NOW, NOW + dt.timedelta(minutes=3), NOW + dt.timedelta(minutes=4)])
    engine = Engine(order_status, webhooks=shop, clock=lambda: next(times))
    session, _ = engine.start(contact={"name": "Ben"})
    assert session.created_on.startswith("2024-05-01T09:00")
    session, _ = engine.resume(session, "CU001")
    assert session.results["pedido"].created_on.startswith("2024-05-01T09:03")
    assert session.results["order_webhook"].created_on.startswith("2024-05-01T09:04")


def test_any_callable_can_answer_webhooks(order_status):
    seen: list[CallWebhook] = []

    def fake(call: CallWebhook) -> WebhookResponse:
        seen.append(call)
        return WebhookResponse(200, json.dumps({"status": "cancelled", "number": "X1"}), elapsed_ms=7)

    engine = Engine(order_status, webhooks=fake)
    session, _ = engine.start(contact={"name": "Ben"})
    session, turn = engine.resume(session, "X1")
    assert seen[0].url.endswith("/orders/X1") and seen[0].method == "POST"
    assert turn.webhooks[0].elapsed_ms == 7
    assert turn.texts == ["Order X1 was cancelled. Reply to this message if you did not ask for that."]


def test_no_response_takes_the_failure_route(order_status):
    engine = Engine(order_status, webhooks=lambda call: WebhookResponse(0, error="connection error: refused"))
    session, _ = engine.start(contact={"name": "Ben"})
    session, turn = engine.resume(session, "CU001")
    assert turn.webhooks[0].status == 0 and turn.webhooks[0].response == ""
    assert turn.texts == ["Sorry, I couldn't look up order CU001 right now (error 0). Please try again later."]


def test_timeout_fires_the_waits_timeout(order_status, shop):
    engine = Engine(order_status, webhooks=shop)
    session, _ = engine.start(contact={"name": "Ben"})
    session, turn = engine.timeout(session)
    assert turn.texts == ["I didn't hear back from you. Message us any time to check an order."]
    assert session.results["pedido"].category == "No Response"


def test_sessions_survive_json_between_turns(order_status, shop):
    engine = Engine(order_status, webhooks=shop)
    session, _ = engine.start(contact={"name": "Ben"})
    text = dumps(session)
    assert isinstance(text, str) and json.loads(text)
    session, turn = engine.resume(loads(text, order_status), "CU003")
    assert turn.texts == ["Order CU003 was cancelled. Reply to this message if you did not ask for that."]


def test_the_given_session_is_not_changed(order_status, shop):
    engine = Engine(order_status, webhooks=shop)
    session, _ = engine.start(contact={"name": "Ben"})
    before = dumps(session)
    engine.resume(session, "CU001")
    assert dumps(session) == before


def test_resuming_an_ended_session_is_an_error(order_status, shop):
    engine = Engine(order_status, webhooks=shop)
    session, _ = engine.start(contact={"name": "Ben"})
    session, _ = engine.resume(session, "CU001")
    with pytest.raises(ResumeError, match="completed"):
        engine.resume(session, "again")


def test_a_session_of_another_program_is_refused(order_status, shop):
    other = program_of('flow other "Other"\n\nstart:\n    wait for reply\n    end\n')
    session, _ = Engine(other).start()
    with pytest.raises(SessionError, match="another program"):
        Engine(order_status, webhooks=shop).resume(session, "CU001")
    with pytest.raises(SessionError):
        loads(dumps(session), order_status)


def test_a_loop_of_webhooks_is_stopped():
    program = program_of(
        'flow loop "Loop"\n\nstart:\n    webhook GET "https://example.com/ping" as ping\n    goto start\n'
    )
    calls = []
    engine = Engine(program, webhooks=lambda call: calls.append(call) or WebhookResponse(200, "{}"),
                    limits=Limits(max_webhooks_per_sprint=5))
    session, turn = engine.start()
    assert len(calls) == 5
    assert session.status == "failed"
    assert "called 5 webhooks without waiting" in session.failure and "'start'" in session.failure


def test_messages_and_webhook_log_are_data():
    turn_call = WebhookCall("GET", "https://a.example/", 404, 3, "GET / HTTP/1.1\r\n\r\n", "HTTP/1.1 404 Not Found\r\n\r\n")
    assert not turn_call.ok
    assert SendMessage("hi") == SendMessage("hi")


def test_checkpoint_sees_the_session_before_each_webhook_and_its_copy_is_resumed(order_status, shop):
    seen = []

    def checkpoint(session):
        seen.append((session.status, session.waiting_for))
        return loads(dumps(session), order_status)  # as a host that saved it would

    engine = Engine(order_status, webhooks=shop, checkpoint=checkpoint)
    session, turn = engine.start(contact={"name": "Ben"})
    assert seen == []
    session, turn = engine.resume(session, "CU001")
    assert seen == [("waiting", "webhook")]
    assert session.status == "completed" and turn.texts[0].startswith("Good news, Ben!")


def test_a_checkpoint_returning_none_keeps_the_session(order_status, shop):
    engine = Engine(order_status, webhooks=shop, checkpoint=lambda session: None)
    session, _ = engine.start(contact={"name": "Ben"})
    session, turn = engine.resume(session, "CU002")
    assert session.status == "completed" and turn.webhooks[0].status == 200
