"""Webhooks in the VM: the request it asks the host for, and what a response does."""

from __future__ import annotations

import datetime as dt
import json

import flowlang
from flowlang import vm
from flowlang.vm import CallWebhook, MessageIn, WebhookResponse

ENV = flowlang.Environment(now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc))
HEAD = 'flow demo "Demo"\n\n'

BRANCHES = (
    'ok:\n    send "ok @flow.call @flow.call.category"\n    end\n'
    'ko:\n    send "ko @flow.call @flow.call.category"\n    end\n'
)


def program_of(body: str) -> flowlang.Program:
    result = flowlang.compile_source(HEAD + body, "t.flow")
    assert result.errors == (), result.errors
    return result.program


def call_of(step: vm.Step) -> CallWebhook:
    (call,) = [e for e in step.effects if isinstance(e, CallWebhook)]
    return call


def respond(program, step: vm.Step, status: int, body: str = "", error: str | None = None) -> vm.Step:
    return vm.resume(program, step.session, WebhookResponse(status, body, error=error), env=ENV)


def texts(step: vm.Step) -> list[str]:
    return [m.text for m in step.messages]


def test_a_webhook_suspends_with_the_rendered_request():
    p = program_of('start:\n    webhook GET "https://x.example/o/@contact.uuid" as call\n'
                   '        header "Authorization" = "Token @globals.token"\n        timeout 5s\n')
    step = vm.start(p, env=ENV, contact={"uuid": "c-1"}, globals={"token": "T"})
    assert call_of(step) == CallWebhook("GET", "https://x.example/o/c-1", (("Authorization", "Token T"),),
                                        None, 5, "call", "start")
    assert (step.session.status, step.session.waiting_for) == ("waiting", "webhook")


def test_get_sends_no_body_and_no_content_type():
    p = program_of('start:\n    webhook GET "https://x.example"\n')
    call = call_of(vm.start(p, env=ENV))
    assert call.body is None
    assert call.headers == ()


def test_post_without_body_sends_contact_input_and_results():
    p = program_of('start:\n    wait for reply as order\n    webhook POST "https://x.example"\n')
    started = vm.start(p, env=ENV, contact={"name": "Ana", "urn": "tel:+1555", "fields": {"vip": "yes"}})
    step = vm.resume(p, started.session, MessageIn("CU001"), env=ENV)
    call = call_of(step)
    body = json.loads(call.body)
    assert body["contact"]["name"] == "Ana"
    assert body["contact"]["urn"] == "tel:+1555"
    assert body["contact"]["fields"] == {"vip": "yes"}
    assert body["input"]["text"] == "CU001"
    assert body["results"]["order"]["value"] == "CU001"
    assert body["results"]["order"]["category"] == "All Responses"
    assert body["flow"] == {"id": "demo", "name": "Demo"}
    assert ("Content-Type", "application/json") in call.headers


def test_custom_body_and_headers_are_rendered():
    p = program_of('start:\n    webhook PUT "https://x.example"\n'
                   '        header "Content-Type" = "text/plain"\n'
                   '        header "X-Who" = "@contact.name"\n'
                   '        body "name=@contact.name"\n')
    call = call_of(vm.start(p, env=ENV, contact={"name": "Ana"}))
    assert call.body == "name=Ana"
    assert call.headers == (("Content-Type", "text/plain"), ("X-Who", "Ana"))


def test_success_goes_to_on_success_and_saves_the_call():
    p = program_of('start:\n    webhook GET "https://x.example" as call\n        on success -> ok\n'
                   '        on failure -> ko\n' + BRANCHES)
    step = respond(p, vm.start(p, env=ENV), 200, "{}")
    assert texts(step) == ["ok 200 Success"]
    result = step.session.results["call"]
    assert result.input == "GET https://x.example"


def test_failure_status_goes_to_on_failure():
    p = program_of('start:\n    webhook GET "https://x.example" as call\n        on success -> ok\n'
                   '        on failure -> ko\n' + BRANCHES)
    assert texts(respond(p, vm.start(p, env=ENV), 503, "down")) == ["ko 503 Failure"]


def test_no_response_at_all_is_a_failure_and_is_logged():
    p = program_of('start:\n    webhook GET "https://x.example" as call\n        on failure -> ko\n'
                   '    send "next"\n    end\n' + BRANCHES)
    step = respond(p, vm.start(p, env=ENV), 0, error="connection refused")
    assert texts(step) == ["ko 0 Failure"]
    assert any(isinstance(e, vm.LogEntry) and "connection refused" in e.text for e in step.effects)


def test_an_outcome_without_a_label_continues_with_the_next_statement():
    p = program_of('start:\n    webhook GET "https://x.example"\n        on failure -> ko\n'
                   '    send "next"\n    end\n' + BRANCHES)
    assert texts(respond(p, vm.start(p, env=ENV), 201, "{}")) == ["next"]


def test_json_response_becomes_extra_and_webhook():
    p = program_of('start:\n    webhook GET "https://x.example" as call\n'
                   '    send "@extra.status / @extra.order.items.0.sku / @webhook.status"\n')
    body = json.dumps({"status": "shipped", "order": {"items": [{"sku": "A-1"}]}})
    step = respond(p, vm.start(p, env=ENV), 200, body)
    assert texts(step) == ["shipped / A-1 / 200"]
    assert step.session.extra["status"] == "shipped"
    assert step.session.results["call"].extra == json.loads(body)


def test_json_without_a_result_name_still_becomes_extra():
    p = program_of('start:\n    webhook GET "https://x.example"\n    send "@extra.a"\n')
    assert texts(respond(p, vm.start(p, env=ENV), 200, '{"a": "b"}')) == ["b"]


def test_a_non_json_body_is_kept_as_text_and_leaves_extra_alone():
    p = program_of('start:\n    webhook GET "https://x.example" as call\n    send "@webhook.body"\n')
    step = respond(p, vm.start(p, env=ENV), 200, "plain words")
    assert texts(step) == ["plain words"]
    assert step.session.extra == {}
    assert step.session.webhook["json"] is None


def test_a_second_webhook_merges_into_extra():
    p = program_of('start:\n    webhook GET "https://a.example"\n    webhook GET "https://b.example"\n'
                   '    send "@extra.a @extra.b"\n')
    first = respond(p, vm.start(p, env=ENV), 200, '{"a": "1", "b": "1"}')
    assert texts(respond(p, first, 200, '{"b": "2"}')) == ["1 2"]


def test_values_inserted_into_a_url_are_escaped_but_the_url_itself_is_not():
    program = program_of(
        'start:\n    wait for reply as code\n'
        '    webhook GET "https://example.com/orders/@flow.code?lang=en&x=@(\\"a b\\")"\n')
    step = vm.resume(program, vm.start(program, env=ENV).session, MessageIn("CU 1&admin=1/.."), env=ENV)
    assert call_of(step).url == "https://example.com/orders/CU%201%26admin%3D1%2F..?lang=en&x=a%20b"


def test_headers_and_bodies_are_not_url_escaped():
    program = program_of(
        'start:\n    wait for reply as code\n'
        '    webhook POST "https://example.com/"\n'
        '        header "X-Code" = "@flow.code"\n        body "@flow.code"\n')
    step = vm.resume(program, vm.start(program, env=ENV).session, MessageIn("a b&c"), env=ENV)
    call = call_of(step)
    assert ("X-Code", "a b&c") in call.headers and call.body == "a b&c"


def test_a_session_saved_mid_call_knows_the_request_it_is_waiting_for():
    program = program_of(
        'start:\n    webhook POST "https://example.com/x" as call\n'
        '        header "X-A" = "1"\n        body "{}"\n        timeout 5s\n')
    step = vm.start(program, env=ENV)
    saved = vm.loads(vm.dumps(step.session), program)
    assert vm.pending_call(saved) == call_of(step)
    done = respond(program, step, 200, "{}")
    assert vm.pending_call(done.session) is None
    assert "request" not in done.session.webhook
