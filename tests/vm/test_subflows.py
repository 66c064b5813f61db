"""Subflows: `use` brings flows into the compilation, `call` runs one and comes back."""

import datetime as dt

import pytest

import flowlang
from flowlang.vm import MessageIn, dumps, loads, resume, start

ENV = flowlang.Environment(now=dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc))

BOOKING = '''flow booking "Booking"
use std.confirm

start:
    set flow.item = "a table for two"
    send "Shall we book @flow.item?"
    call confirm
    match @child.results.answer
        has_category "Yes" -> book
        other              -> cancel

book:
    send "Booked @flow.item (you said @child.results.answer)."
    end

cancel:
    send "Cancelled."
    end
'''


def compile_ok(source: str, path: str = "booking.flow") -> flowlang.Program:
    result = flowlang.compile_source(source, path)
    assert result.program is not None, result.format_diagnostics()
    return result.program


def talk(program, replies, roundtrip=False):
    step = start(program, env=ENV, contact={"name": "Ana"})
    texts = [m.text for m in step.messages]
    for reply in replies:
        session = loads(dumps(step.session), program) if roundtrip else step.session
        step = resume(program, session, MessageIn(reply), env=ENV)
        texts += [m.text for m in step.messages]
    return step.session, texts


@pytest.mark.parametrize("roundtrip", [False, True])
def test_a_subflow_runs_and_returns_its_results_as_child(roundtrip):
    program = compile_ok(BOOKING)
    session, texts = talk(program, ["maybe", "yes please"], roundtrip)
    assert texts == [
        "Shall we book a table for two?",
        "Sorry, I need a yes or a no.",
        "Booked a table for two (you said yes).",
    ]
    assert session.status == "completed"
    assert session.stack == []
    assert session.child["answer"].category == "Yes"


def test_the_callers_results_are_kept_apart_from_the_subflows():
    program = compile_ok(BOOKING)
    step = start(program, env=ENV)
    assert step.session.flow == "confirm"
    assert step.session.results == {}
    assert step.session.stack[0].results["item"].value == "a table for two"


def test_the_subflow_sees_its_caller_as_parent(tmp_path):
    (tmp_path / "greet.flow").write_text(
        'flow greet "Greet"\n\nhello:\n    send "Hello from @parent.results.who"\n    end\n')
    main = tmp_path / "main.flow"
    main.write_text('flow main "Main"\nuse greet\n\nstart:\n    set flow.who = "main"\n    call greet\n'
                    '    send "back"\n    end\n')
    program = flowlang.compile_file(main)
    step = start(program, env=ENV)
    assert [m.text for m in step.messages] == ["Hello from main", "back"]
    assert step.session.status == "completed"


def test_calling_an_unknown_flow_is_a_compile_error():
    result = flowlang.compile_source('flow a "A"\n\nstart:\n    call confirm\n', "a.flow")
    assert [d.code for d in result.errors] == ["FL050"]
    assert (result.errors[0].span.line, result.errors[0].span.column) == (4, 10)


def test_a_missing_module_is_a_compile_error_at_the_use_line():
    result = flowlang.compile_source('flow a "A"\nuse std.nosuch\n\nstart:\n    end\n', "a.flow")
    assert [(d.code, d.span.line) for d in result.errors] == [("FL051", 2)]


def test_errors_in_a_used_file_are_reported_in_that_file(tmp_path):
    (tmp_path / "broken.flow").write_text('flow broken "B"\n\nstart:\n    goto nowhere\n')
    main = tmp_path / "main.flow"
    main.write_text('flow main "M"\nuse broken\n\nstart:\n    call broken\n')
    result = flowlang.compile_path(main)
    assert [(d.code, d.span.path.endswith("broken.flow"), d.span.line) for d in result.errors] == [
        ("FL010", True, 4)]
    assert "goto nowhere" in result.format_diagnostics()[0]


def test_recursion_stops_at_the_call_depth_limit():
    program = compile_ok('flow loop "L"\n\nstart:\n    call loop\n')
    step = start(program, env=ENV)
    assert step.session.status == "failed"
    assert "nested deeper than 10" in step.session.failure


def test_programs_with_subflows_round_trip_through_json():
    program = compile_ok(BOOKING)
    again = flowlang.Program.from_json(program.to_json())
    assert again == program and again.hash == program.hash
    assert again.flows["confirm"].entry == program.flows["confirm"].entry
