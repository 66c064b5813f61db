"""What the outside world sends cannot break a session: it always saves and loads back."""

import datetime as dt
import json

import pytest

import flowlang
from flowlang import vm
from flowlang.errors import SessionError
from flowlang.vm import MessageIn, WebhookResponse

ENV = flowlang.Environment(now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc))


@pytest.fixture(scope="module")
def program():
    return flowlang.compile_file("examples/order_status.flow")


def answered(program, body: str) -> vm.Step:
    step = vm.resume(program, vm.start(program, env=ENV).session, MessageIn("CU001"), env=ENV)
    return vm.resume(program, step.session, WebhookResponse(200, body), env=ENV)


def survives_a_save(program, session) -> None:
    text = vm.dumps(session)
    text.encode("utf-8")  # no lone surrogates
    json.loads(text, parse_constant=lambda name: pytest.fail(f"{name} in a saved session"))
    assert vm.loads(text, program) == session


@pytest.mark.parametrize("body", [
    "[" * 100_000 + "]" * 100_000,
    '{"status": ' + "[" * 500 + "]" * 500 + "}",
])
def test_json_nested_too_deeply_is_kept_as_text_with_a_warning(program, body):
    step = answered(program, body)
    assert any("nests deeper than 64" in e.text for e in step.effects if isinstance(e, vm.LogEntry))
    assert step.session.webhook["json"] is None
    survives_a_save(program, step.session)


def test_lone_surrogates_in_json_strings_are_replaced(program):
    step = answered(program, '{"status": "\\ud800 shipped", "number": "CU001"}')
    assert step.session.extra["status"] == "? shipped"
    survives_a_save(program, step.session)


def test_nan_and_infinity_are_not_json(program):
    step = answered(program, '{"status": NaN, "x": Infinity}')
    assert step.session.webhook["json"] is None
    survives_a_save(program, step.session)


def test_a_reply_with_a_lone_surrogate_is_kept_readable(program):
    step = vm.resume(program, vm.start(program, env=ENV).session, MessageIn("CU\ud80001"), env=ENV)
    assert step.session.results["pedido"].value == "CU?01"
    survives_a_save(program, step.session)


def test_inputs_check_their_fields_when_built():
    with pytest.raises(TypeError, match="status"):
        WebhookResponse("200", "{}")
    with pytest.raises(TypeError, match="status"):
        WebhookResponse(True, "{}")
    with pytest.raises(TypeError, match="body"):
        WebhookResponse(200, b"{}")
    with pytest.raises(TypeError, match="text"):
        MessageIn(None)


def test_a_saved_position_outside_its_node_is_refused(program):
    data = json.loads(vm.dumps(vm.start(program, env=ENV).session))
    data["offset"] = 999
    with pytest.raises(SessionError, match="outside node 'start'"):
        vm.loads(json.dumps(data), program)


def test_a_session_waiting_at_the_wrong_instruction_is_refused(program):
    data = json.loads(vm.dumps(vm.start(program, env=ENV).session))
    data["offset"] = 1  # the SEND before the WAIT
    session = vm.loads(json.dumps(data), program)
    with pytest.raises(SessionError, match="waits for reply at a SEND"):
        vm.resume(program, session, MessageIn("x"), env=ENV)


def test_an_unreadable_pending_request_is_a_session_error(program):
    step = vm.resume(program, vm.start(program, env=ENV).session, MessageIn("CU001"), env=ENV)
    data = json.loads(vm.dumps(step.session))
    data["webhook"] = {"request": {}}
    with pytest.raises(SessionError, match="webhook request"):
        vm.pending_call(vm.loads(json.dumps(data), program))


def test_deeply_nested_session_json_is_refused(program):
    with pytest.raises(SessionError):
        vm.loads("[" * 100_000 + "]" * 100_000, program)
