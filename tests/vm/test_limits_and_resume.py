"""Runaway loops are stopped with a message; resumes that make no sense are refused."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

import flowlang
from flowlang import vm
from flowlang.errors import ResumeError, SessionError
from flowlang.vm import Limits, MessageIn, WaitTimeout, WebhookResponse

ENV = flowlang.Environment(now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc))
HEAD = 'flow demo "Demo"\n\n'


def program_of(body: str) -> flowlang.Program:
    result = flowlang.compile_source(HEAD + body, "t.flow")
    assert result.errors == (), result.errors
    return result.program


# -- limits ---------------------------------------------------------------------------------


LOOP = 'start:\n    send "tick"\n    goto again\n\nagain:\n    goto start\n'


def test_a_goto_loop_without_a_wait_fails_the_session_naming_the_node():
    step = vm.start(program_of(LOOP), env=ENV)
    assert step.session.status == "failed"
    assert "100" in step.session.failure
    assert "'start'" in step.session.failure or "'again'" in step.session.failure
    assert "wait for reply" in step.session.failure
    assert step.effects[-1] == vm.SessionEnded("failed", step.session.failure)


def test_the_loop_ran_up_to_the_limit():
    step = vm.start(program_of(LOOP), env=ENV)
    assert len(step.messages) == 50  # 100 node entries, a message every other node


def test_a_custom_step_limit():
    step = vm.start(program_of(LOOP), env=ENV, limits=Limits(max_steps_per_sprint=5))
    assert step.session.status == "failed"
    assert "5 nodes" in step.session.failure
    assert len(step.messages) == 3


def test_a_wait_in_the_loop_resets_the_count():
    p = program_of('start:\n    send "again?"\n    wait for reply\n    goto start\n')
    limits = Limits(max_steps_per_sprint=2)
    step = vm.start(p, env=ENV, limits=limits)
    for _ in range(5):
        step = vm.resume(p, step.session, MessageIn("x"), env=ENV, limits=limits)
        assert step.session.status == "waiting"


def test_the_instruction_limit_is_a_second_guard():
    p = program_of('start:\n' + '    send "x"\n' * 20)
    step = vm.start(p, env=ENV, limits=Limits(max_instructions_per_sprint=10))
    assert step.session.status == "failed"
    assert "10 instructions" in step.session.failure


# -- resume errors --------------------------------------------------------------------------


def test_resuming_a_completed_session_is_refused():
    p = program_of('start:\n    send "bye"\n')
    done = vm.start(p, env=ENV).session
    with pytest.raises(ResumeError, match="completed"):
        vm.resume(p, done, MessageIn("hi"), env=ENV)


def test_resuming_a_failed_session_is_refused():
    failed = vm.start(program_of(LOOP), env=ENV).session
    with pytest.raises(ResumeError, match="failed"):
        vm.resume(program_of(LOOP), failed, MessageIn("hi"), env=ENV)


def test_a_message_for_a_session_waiting_for_a_webhook_is_refused():
    p = program_of('start:\n    webhook GET "https://x.example"\n')
    session = vm.start(p, env=ENV).session
    with pytest.raises(ResumeError, match="webhook"):
        vm.resume(p, session, MessageIn("hi"), env=ENV)


def test_a_webhook_response_for_a_session_waiting_for_a_reply_is_refused():
    p = program_of("start:\n    wait for reply\n")
    session = vm.start(p, env=ENV).session
    with pytest.raises(ResumeError, match="reply"):
        vm.resume(p, session, WebhookResponse(200), env=ENV)


def test_a_timeout_for_a_wait_without_timeout_is_refused():
    p = program_of("start:\n    wait for reply\n")
    session = vm.start(p, env=ENV).session
    with pytest.raises(ResumeError, match="timeout"):
        vm.resume(p, session, WaitTimeout(), env=ENV)


def test_resuming_with_another_program_is_refused():
    p = program_of('start:\n    wait for reply\n    send "a"\n')
    other = program_of('start:\n    wait for reply\n    send "b"\n')
    session = vm.start(p, env=ENV).session
    with pytest.raises(SessionError, match="another program"):
        vm.resume(other, session, MessageIn("hi"), env=ENV)


def test_resume_errors_are_flowlang_errors():
    assert issubclass(ResumeError, flowlang.FlowlangError)
    assert issubclass(SessionError, flowlang.FlowlangError)


def test_resume_does_not_change_the_session_it_is_given():
    p = program_of('start:\n    wait for reply as a\n    set contact.x = "1"\n    wait for reply as b\n')
    session = vm.start(p, env=ENV, contact={"name": "Ana"}).session
    before = copy.deepcopy(session)
    after = vm.resume(p, session, MessageIn("hello"), env=ENV).session
    assert session == before
    assert after != before
    assert after.results["a"].value == "hello"
    assert "a" not in session.results
    assert session.contact.fields == {}


def test_resume_of_an_unchanged_session_is_repeatable():
    p = program_of('start:\n    wait for reply as a\n    send "got @flow.a"\n')
    session = vm.start(p, env=ENV).session
    first = vm.resume(p, session, MessageIn("x"), env=ENV)
    second = vm.resume(p, session, MessageIn("x"), env=ENV)
    assert first == second


def test_a_malformed_contact_is_refused_with_a_clear_error():
    with pytest.raises(flowlang.FlowlangError, match="fields"):
        vm.start(program_of('start:\n    send "hi"\n'), env=ENV, contact={"fields": [1]})
