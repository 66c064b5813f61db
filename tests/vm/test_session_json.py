"""Sessions are plain data: they save to JSON and load back equal, and bad saves are refused."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import flowlang
from flowlang import vm
from flowlang.errors import SessionError
from flowlang.vm import MessageIn, WaitTimeout, WebhookResponse, dumps, loads
from flowlang.vm.session import SESSION_FORMAT, SESSION_VERSION

ENV = flowlang.Environment(now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc))
EXAMPLE = Path(__file__).parents[2] / "examples" / "order_status.flow"
ORDER = json.dumps({"status": "shipped", "name": "Ben", "number": "CU001", "description": "a lamp",
                    "ship_date": "2026-01-02", "delivery_date": "2026-01-09"})


@pytest.fixture(scope="module")
def program() -> flowlang.Program:
    return flowlang.compile_file(EXAMPLE)


CONVERSATIONS = {
    "shipped": [MessageIn("CU001"), WebhookResponse(200, ORDER)],
    "unknown then timeout": [MessageIn("CU002"), WebhookResponse(200, '{"status": "lost"}'), WaitTimeout()],
    "lookup failed": [MessageIn("CU003"), WebhookResponse(500, "oops")],
    "gave up": [WaitTimeout()],
}


def run(program, inputs, roundtrip: bool) -> list[vm.Step]:
    steps = [vm.start(program, env=ENV, contact={"name": "Ben Haggerty", "urn": "tel:+15550001"},
                      globals={"shop_token": "T"})]
    for item in inputs:
        session = loads(dumps(steps[-1].session), program) if roundtrip else steps[-1].session
        steps.append(vm.resume(program, session, item, env=ENV))
    return steps


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_every_step_round_trips_to_an_equal_session(program, name):
    for step in run(program, CONVERSATIONS[name], roundtrip=False):
        assert loads(dumps(step.session), program) == step.session


@pytest.mark.parametrize("name", sorted(CONVERSATIONS))
def test_a_conversation_saved_between_every_message_runs_the_same(program, name):
    plain = run(program, CONVERSATIONS[name], roundtrip=False)
    saved = run(program, CONVERSATIONS[name], roundtrip=True)
    assert [s.effects for s in saved] == [s.effects for s in plain]
    assert saved[-1].session == plain[-1].session


def test_dumps_is_compact_json_with_marker_and_version(program):
    text = dumps(vm.start(program, env=ENV).session)
    data = json.loads(text)
    assert data["format"] == SESSION_FORMAT == "flowlang-session"
    assert data["version"] == SESSION_VERSION
    assert data["program_hash"] == program.hash
    assert (data["node"], data["offset"]) == ("start", 2)
    assert text == json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def test_dumps_leaves_out_defaults(program):
    data = json.loads(dumps(vm.start(program, env=ENV).session))
    assert "results" not in data and "failure" not in data


def test_session_to_json_and_from_json_are_dumps_and_loads(program):
    session = vm.start(program, env=ENV).session
    assert flowlang.Session.from_json(session.to_json(), program) == session


def refused(text) -> str:
    with pytest.raises(SessionError) as caught:
        loads(text)
    return str(caught.value)


def saved(program) -> dict:
    return json.loads(dumps(vm.start(program, env=ENV).session))


def test_corrupt_json_is_refused():
    assert "not valid JSON" in refused('{"format": "flowlang-session", ')


def test_wrong_marker_is_refused(program):
    data = saved(program)
    data["format"] = "flowlang-program"
    assert "not a saved flowlang session" in refused(json.dumps(data))


def test_json_that_is_not_an_object_is_refused():
    assert "not a saved flowlang session" in refused("[]")


def test_missing_version_is_refused(program):
    data = saved(program)
    del data["version"]
    assert "version" in refused(json.dumps(data))


def test_newer_version_is_refused(program):
    data = saved(program)
    data["version"] = SESSION_VERSION + 1
    assert "newer flowlang" in refused(json.dumps(data))


def test_unknown_status_is_refused(program):
    data = saved(program)
    data["status"] = "sleeping"
    assert "unknown status 'sleeping'" in refused(json.dumps(data))


def test_unknown_keys_are_refused(program):
    data = saved(program)
    data["teleport"] = True
    assert "corrupt session" in refused(json.dumps(data))


def test_wrongly_typed_values_are_refused(program):
    data = saved(program)
    data["path"] = "everywhere"
    assert "corrupt session" in refused(json.dumps(data))


def test_another_programs_session_is_refused_when_the_program_is_given(program):
    other = flowlang.compile_source('flow other "Other"\n\nstart:\n    wait for reply\n').program
    text = dumps(vm.start(other, env=ENV).session)
    assert loads(text) is not None  # without a program only the format is checked
    with pytest.raises(SessionError, match="another program"):
        loads(text, program)


def test_a_session_at_a_node_the_program_lacks_is_refused(program):
    data = saved(program)
    data["node"] = "nowhere"
    with pytest.raises(SessionError, match="'nowhere'"):
        loads(json.dumps(data), program)


def test_a_session_resumes_after_the_flow_gains_comments_and_blank_lines(program):
    session = vm.start(program, env=ENV).session
    edited = "# edited: a comment\n\n" + EXAMPLE.read_text(encoding="utf-8").replace("\nlookup:", "\n\n# looked up\nlookup:")
    recompiled = flowlang.compile_source(edited, str(EXAMPLE)).program
    assert recompiled.hash == program.hash
    step = vm.resume(recompiled, loads(dumps(session), recompiled), MessageIn("CU001"), env=ENV)
    assert step.session.waiting_for == "webhook"


def test_a_session_is_refused_after_the_flow_changes_behaviour(program):
    session = vm.start(program, env=ENV).session
    edited = EXAMPLE.read_text(encoding="utf-8").replace("What is your order number?", "Your order number?")
    recompiled = flowlang.compile_source(edited, str(EXAMPLE)).program
    with pytest.raises(SessionError, match="another program"):
        loads(dumps(session), recompiled)


def test_a_session_whose_call_stack_names_an_unknown_node_is_refused():
    program = flowlang.compile_source('flow b\nuse std.confirm\nstart:\n    call confirm\n    send "back"\n').program
    data = json.loads(dumps(vm.start(program, env=ENV).session))
    data["stack"][0]["node"] = "nowhere"
    with pytest.raises(SessionError, match="'nowhere'"):
        loads(json.dumps(data), program)
