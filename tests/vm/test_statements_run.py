"""What each statement does when it runs: effects out, session state in."""

from __future__ import annotations

import datetime as dt

import pytest

import flowlang
from flowlang import vm
from flowlang.vm import MessageIn, SendMessage, SessionEnded, WaitForReply, WaitTimeout

NOW = dt.datetime(2026, 1, 5, 9, 30, tzinfo=dt.timezone.utc)
ENV = flowlang.Environment(now=NOW)
HEAD = 'flow demo "Demo"\n\n'


def program_of(body: str) -> flowlang.Program:
    result = flowlang.compile_source(HEAD + body, "t.flow")
    assert result.errors == (), result.errors
    return result.program


def texts(step: vm.Step) -> list[str]:
    return [m.text for m in step.messages]


def reply(program, step: vm.Step, text: str) -> vm.Step:
    return vm.resume(program, step.session, MessageIn(text), env=ENV)


# -- send -----------------------------------------------------------------------------------


def test_send_emits_the_rendered_message():
    p = program_of('start:\n    send "Hi @contact.first_name!"\n')
    step = vm.start(p, env=ENV, contact={"name": "Ana Lima"})
    assert step.messages == [SendMessage("Hi Ana!", (), "start")]


def test_send_with_quick_replies_renders_them_and_drops_empty_ones():
    p = program_of('start:\n    send "Pick" quick_replies ["Red", "@contact.name", "@contact.language"]\n')
    step = vm.start(p, env=ENV, contact={"name": "Ana"})
    assert step.messages[0].quick_replies == ("Red", "Ana")


def test_a_template_error_renders_empty_and_is_logged_not_fatal():
    p = program_of('start:\n    send "a@(1 / 0)b"\n')
    step = vm.start(p, env=ENV)
    assert texts(step) == ["ab"]
    assert any(isinstance(e, vm.LogEntry) and e.kind == "error" and e.line == 4 for e in step.effects)
    assert step.session.status == "completed"


# -- wait -----------------------------------------------------------------------------------


def test_wait_suspends_and_tells_the_host():
    p = program_of('start:\n    send "Name?"\n    wait for reply as name timeout 10m -> late\n'
                   'late:\n    end\n')
    step = vm.start(p, env=ENV)
    assert step.effects[-1] == WaitForReply(600, "2026-01-05T09:30:00Z", "start")
    assert step.session.status == "waiting"
    assert step.session.waiting_for == "reply"
    assert (step.session.node, step.session.offset) == ("start", 2)


def test_a_reply_is_saved_as_the_result_with_category_all_responses():
    p = program_of('start:\n    wait for reply as name\n    send "Hi @flow.name (@flow.name.category)"\n')
    step = reply(p, vm.start(p, env=ENV), "Ben")
    result = step.session.results["name"]
    assert (result.value, result.category, result.input) == ("Ben", "All Responses", "Ben")
    assert result.created_on == "2026-01-05T09:30:00Z"
    assert result.node == "start"
    assert texts(step) == ["Hi Ben (All Responses)"]


def test_a_reply_becomes_input():
    p = program_of('start:\n    wait for reply\n    send "You said @input.text"\n')
    step = vm.resume(p, vm.start(p, env=ENV).session, MessageIn("hello", ("image:x.jpg",)), env=ENV)
    assert texts(step) == ["You said hello"]
    assert step.session.input.attachments == ["image:x.jpg"]


def test_a_wait_without_as_saves_no_result():
    p = program_of("start:\n    wait for reply\n")
    assert reply(p, vm.start(p, env=ENV), "x").session.results == {}


def test_timeout_goes_to_the_timeout_label_with_category_no_response():
    p = program_of('start:\n    wait for reply as name timeout 5m -> late\n    send "got it"\n    end\n'
                   'late:\n    send "too late (@flow.name.category)"\n')
    step = vm.resume(p, vm.start(p, env=ENV).session, WaitTimeout(), env=ENV)
    assert texts(step) == ["too late (No Response)"]
    assert (step.session.results["name"].value, step.session.results["name"].category) == ("", "No Response")


def test_a_reply_before_the_timeout_goes_on():
    p = program_of('start:\n    wait for reply timeout 5m -> late\n    send "got it"\n    end\n'
                   'late:\n    send "too late"\n')
    assert texts(reply(p, vm.start(p, env=ENV), "hi")) == ["got it"]


# -- match ----------------------------------------------------------------------------------


MATCH = (
    "start:\n    wait for reply\n    match @input as n\n"
    "        has_number_between 1 5 as Small -> small\n"
    "        has_number -> big\n"
    "        other -> neither\n"
    'small:\n    send "small @flow.n"\n    end\n'
    'big:\n    send "big @flow.n @flow.n.category"\n    end\n'
    'neither:\n    send "neither @flow.n @flow.n.category"\n    end\n'
)


def test_the_first_matching_case_wins():
    p = program_of(MATCH)
    assert texts(reply(p, vm.start(p, env=ENV), "3")) == ["small 3"]


def test_a_later_case_matches_when_earlier_ones_do_not():
    p = program_of(MATCH)
    step = reply(p, vm.start(p, env=ENV), "I have 12 of them")
    assert texts(step) == ["big 12 Big"]
    result = step.session.results["n"]
    assert (result.value, result.category, result.input) == ("12", "Big", "I have 12 of them")


def test_other_when_nothing_matches():
    p = program_of(MATCH)
    step = reply(p, vm.start(p, env=ENV), "none")
    assert texts(step) == ["neither none Other"]


def test_named_categories_are_saved():
    p = program_of(MATCH)
    assert reply(p, vm.start(p, env=ENV), "2").session.results["n"].category == "Small"


def test_a_named_other_category_is_saved():
    p = program_of('start:\n    match "x" as r\n        other as Whatever -> done\ndone:\n    end\n')
    assert vm.start(p, env=ENV).session.results["r"].category == "Whatever"


def test_without_other_an_unmatched_match_falls_through():
    p = program_of('start:\n    match "words" as r\n        has_number -> num\n    send "fell through"\n    end\n'
                   'num:\n    send "number"\n')
    step = vm.start(p, env=ENV)
    assert texts(step) == ["fell through"]
    assert step.session.results["r"].category == "Other"


def test_match_arguments_are_templates():
    p = program_of('start:\n    set flow.word = "blue"\n    match "the blue one"\n'
                   '        has_any_word "@flow.word" -> yes\n        other -> no\n'
                   'yes:\n    send "yes"\n    end\nno:\n    send "no"\n')
    assert texts(vm.start(p, env=ENV)) == ["yes"]


# -- set ------------------------------------------------------------------------------------


def test_set_flow_saves_a_result_without_category():
    p = program_of('start:\n    set flow.total = @(2 + 3)\n    send "@flow.total"\n')
    step = vm.start(p, env=ENV)
    assert texts(step) == ["5"]
    assert (step.session.results["total"].value, step.session.results["total"].category) == ("5", None)


def test_set_contact_name_and_language_are_properties():
    p = program_of('start:\n    set contact.name = "Ana Lima"\n    set contact.language = "por"\n'
                   '    send "@contact.first_name @contact.language"\n')
    step = vm.start(p, env=ENV)
    assert (step.session.contact.name, step.session.contact.language) == ("Ana Lima", "por")
    assert texts(step) == ["Ana por"]


def test_set_contact_other_names_are_custom_fields():
    p = program_of('start:\n    set contact.age = 33\n    send "@contact.fields.age"\n')
    step = vm.start(p, env=ENV)
    assert step.session.contact.fields == {"age": "33"}
    assert texts(step) == ["33"]


# -- goto, end, fall-through ----------------------------------------------------------------


def test_goto_continues_at_the_label():
    p = program_of('start:\n    goto later\n\nskipped:\n    send "no"\n\nlater:\n    send "yes"\n')
    assert texts(vm.start(p, env=ENV)) == ["yes"]


def test_end_completes_the_session():
    p = program_of('start:\n    send "a"\n    end\n\nnext:\n    send "b"\n')
    step = vm.start(p, env=ENV)
    assert texts(step) == ["a"]
    assert step.session.status == "completed"
    assert step.effects[-1] == SessionEnded("completed")


def test_a_node_falls_through_into_the_next():
    p = program_of('first:\n    send "a"\nsecond:\n    send "b"\n')
    step = vm.start(p, env=ENV)
    assert texts(step) == ["a", "b"]
    assert [s.node for s in step.session.path] == ["first", "second"]


def test_falling_off_the_last_node_completes_the_session():
    p = program_of('start:\n    send "a"\n')
    step = vm.start(p, env=ENV)
    assert step.session.status == "completed"
    assert step.effects[-1] == SessionEnded("completed")


def test_start_records_contact_globals_and_times():
    p = program_of('start:\n    send "@globals.brand for @contact.urn"\n')
    step = vm.start(p, env=ENV, contact={"urn": "tel:+15550001"}, globals={"brand": "Acme"})
    assert texts(step) == ["Acme for tel:+15550001"]
    assert step.session.created_on == "2026-01-05T09:30:00Z"
    assert step.session.program_hash == p.hash


def test_contact_fields_are_named_without_case_like_results():
    p = program_of('start:\n    set contact.Name = "Bo"\n    send "@contact.name"\n')
    step = vm.start(p, env=ENV)
    assert step.session.contact.name == "Bo"


def test_other_is_tried_last_wherever_it_is_written():
    p = program_of('start:\n    match "42"\n        other -> no\n        has_number -> yes\n'
                   'yes:\n    send "yes"\n    end\nno:\n    send "no"\n')
    assert texts(vm.start(p, env=ENV)) == ["yes"]
