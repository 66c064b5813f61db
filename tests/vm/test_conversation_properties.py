"""Properties of any conversation: whatever the contact and the web services say, the VM never
raises, never changes the session it is given, and every session survives a JSON round trip."""

from __future__ import annotations

import copy
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import flowlang
from flowlang import vm
from flowlang.vm import MessageIn, WaitTimeout, WebhookResponse, dumps, loads

ROOT = Path(__file__).parents[2]
ENV = flowlang.Environment(now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc))
FLOWS = ["examples/order_status.flow", "examples/registration.flow", "stdlib/language.flow"]

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)
_statuses = st.dictionaries(st.sampled_from(["status", "name", "number"]),
                            st.sampled_from(["shipped", "pending", "cancelled", "lost", "", "CU001"]))
_bodies = st.one_of(st.text(max_size=30), _json_values.map(json.dumps), _statuses.map(json.dumps))
_replies = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["yes", "no", "CU001", "34", "200", "25-12-2026", "1", "français", "2"]),
)

# One "move" per suspension; the test picks the kind of input the session is waiting for.
_moves = st.lists(
    st.tuples(_replies, st.booleans(), st.sampled_from([0, 200, 201, 404, 500]), _bodies),
    max_size=8,
)


@pytest.fixture(scope="module", params=FLOWS)
def program(request) -> flowlang.Program:
    return flowlang.compile_file(ROOT / request.param)


def _input_for(session: vm.Session, reply: str, timeout: bool, status: int, body: str, program):
    if session.waiting_for == "webhook":
        return WebhookResponse(status, body, error="no response" if status == 0 else None)
    pc = program.labels[session.node] + session.offset
    has_timeout = program.code[pc].args[2] is not None
    return WaitTimeout() if timeout and has_timeout else MessageIn(reply)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(moves=_moves)
def test_any_conversation(program, moves):
    step = vm.start(program, env=ENV, contact={"name": "Ana Lima", "urn": "tel:+250788000000"},
                    globals={"shop_token": "T"})
    for reply, timeout, status, body in moves:
        assert loads(dumps(step.session), program) == step.session
        if step.session.status != "waiting":
            break
        session = step.session
        before = copy.deepcopy(session)
        step = vm.resume(program, session, _input_for(session, reply, timeout, status, body, program), env=ENV)
        assert session == before
        assert step.session.status in ("waiting", "completed", "failed")
    assert loads(dumps(step.session), program) == step.session
