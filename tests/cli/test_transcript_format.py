"""Transcript tests: the format, the runner, and `flowlang test`."""

from __future__ import annotations

import shutil

import pytest

from flowlang.testing.transcript import runner as transcript_module
from flowlang.testing.transcript import TranscriptSyntaxError, parse_transcript, run_transcript_file

FLOW = '''flow hello "Hello"

start:
    send "Hi @contact.first_name! Your name?"
    wait for reply as name timeout 5m -> quiet
    send "Nice to meet you, @flow.name."
    send "Bye."
    end

quiet:
    send "Still there?"
    end
'''


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "hello.flow").write_text(FLOW)
    return tmp_path


def write(folder, text: str):
    path = folder / "hello.transcript"
    path.write_text(text)
    return path


def test_parse_setup_cases_steps_and_continuations():
    transcript = parse_transcript(
        "# a comment\ncontact: name=\"Ben Mwangi\" fields.city=Kigali\nglobal: token=t\n\n"
        "=== first\nbot: line one\n  line two\nuser: hi\ntimeout\n"
        "=== second\ncontact: name=Amina\nbot: x\n",
        "dir/hello.transcript",
    )
    first, second = transcript.cases
    assert first.setup.flow == "hello.flow"
    assert first.setup.contact == {"name": "Ben Mwangi", "fields": {"city": "Kigali"}}
    assert first.setup.globals == {"token": "t"}
    assert [(s.kind, s.text) for s in first.steps] == [("bot", "line one\nline two"), ("user", "hi"), ("timeout", "")]
    assert second.setup.contact == {"name": "Amina", "fields": {"city": "Kigali"}}
    assert first.setup.contact["name"] == "Ben Mwangi"  # cases do not share their setup


@pytest.mark.parametrize(
    "text, line, message",
    [
        ("=== a\nbott: hi\n", 2, "expected one of"),
        ("bot: hi\n", 1, "before any '=== name'"),
        ("=== a\nbot: hi\ncontact: name=x\n", 3, "before the conversation's first step"),
        ("contact: name\n", 1, "expected KEY=VALUE"),
        ("now: yesterday\n", 1, "ISO date"),
        ("  indented\n", 1, "continues a 'bot:' or 'user:' line"),
    ],
)
def test_syntax_errors_have_line_numbers(text, line, message):
    with pytest.raises(TranscriptSyntaxError) as raised:
        parse_transcript(text)
    assert raised.value.line == line and message in str(raised.value)


def test_a_passing_transcript(folder):
    path = write(folder, "contact: name=\"Ben M\"\n=== ok\nbot: Hi Ben! Your name?\nuser: Benjamin\n"
                         "bot: Nice to meet you, ...\nbot: Bye.\nresult: name = Benjamin\n"
                         "result: name.category = All Responses\nended: completed\n"
                         "=== quiet\nbot: Hi ...\ntimeout\nbot: Still there?\nresult: name.category = No Response\n")
    outcome = run_transcript_file(path)
    assert outcome.failures == [] and outcome.cases == 2
    assert outcome.report_lines() == [f"ok    {path}: ok", f"ok    {path}: quiet"]


@pytest.mark.parametrize(
    "steps, line, message",
    [
        ("bot: Hello!\n", 3, "expected bot: 'Hello!'\n    but got: 'Hi Ben! Your name?'"),
        ("bot: Hi Ben! Your name?\nuser: x\nbot: Nice to meet you, x.\n", 5, "the bot also said: 'Bye.'"),
        ("user: too soon\n", 3, "before this, the bot also said: 'Hi Ben! Your name?'"),
        ("bot: Hi ...\nuser: x\nbot: ...\nbot: ...\nbot: more?\n", 7, "it said nothing more (session completed)"),
        ("bot: Hi ...\nuser: x\nbot: ...\nbot: ...\nuser: again\n", 7, "the session is completed, it cannot take a reply"),
        ("bot: Hi ...\nuser: x\nbot: ...\nbot: ...\nresult: nam = x\n", 7, "no result 'nam' was saved (saved: name)"),
        ("bot: Hi ...\nuser: x\nbot: ...\nbot: ...\nresult: name = y\n", 7, "expected result name.value = 'y', got 'x'"),
        ("bot: Hi ...\nended: completed\n", 4, "expected the session to be completed, but it is waiting for a reply"),
        ("bot: Hi ...\nuser: x\nwebhook: GET https://x -> 200\n", 5, "expected a webhook call"),
    ],
)
def test_failures_say_where_and_what(folder, steps, line, message):
    path = write(folder, "contact: name=Ben\n=== case\n" + steps)
    (failure,) = run_transcript_file(path).failures
    assert failure.line == line and failure.mode == "in memory"
    assert message in failure.message, failure.message


def test_the_second_run_saves_and_loads_between_messages(folder, monkeypatch):
    path = write(folder, "contact: name=Ben\n=== case\nbot: Hi Ben! Your name?\nuser: Benjamin\nbot: Nice to meet you, Benjamin.\nbot: Bye.\n")
    loaded = []
    real_loads = transcript_module.loads

    def forgetful_loads(text, program):
        session = real_loads(text, program)
        loaded.append(session)
        session.contact.name = "Someone else"  # as if the saved form lost something
        return session

    monkeypatch.setattr(transcript_module, "loads", forgetful_loads)
    (failure,) = run_transcript_file(path).failures
    assert len(loaded) == 1 and failure.mode == "saved and loaded"


def test_webhook_lines_check_calls(folder, tmp_path):
    (folder / "shop.flow").write_text(
        'flow shop "Shop"\n\nstart:\n    webhook GET "https://shop.example.com/x" as call\n'
        '        on failure -> down\n    send "up @extra.v"\n    end\n\ndown:\n    send "down"\n    end\n'
    )
    (folder / "shop.json").write_text('[{"url": "https://shop.example.com/x", "json": {"v": 1}}]')
    path = folder / "shop.transcript"
    path.write_text("fixtures: shop.json\n=== up\nwebhook: GET https://shop.example.com/... -> 200\nbot: up 1\n"
                    "=== wrong status\nwebhook: GET https://shop.example.com/x -> 404\n")
    outcome = run_transcript_file(path)
    assert [name for name, failure in outcome.results if failure is None] == ["up"]
    assert "but got: GET https://shop.example.com/x -> 200" in outcome.failures[0].message


def test_setup_problems_are_failures_not_crashes(folder):
    path = write(folder, "flow: missing.flow\n=== a\nbot: x\n")
    assert "does not compile" in run_transcript_file(path).failures[0].message
    path = write(folder, "fixtures: missing.json\n=== a\nbot: x\n")
    assert "cannot read fixtures file" in run_transcript_file(path).failures[0].message
    path = write(folder, "timezone: Nowhere/Else\n=== a\nbot: x\n")
    assert "unknown timezone" in run_transcript_file(path).failures[0].message
    assert "no conversations" in run_transcript_file(write(folder, "# nothing\n")).failures[0].message
    assert "cannot read the transcript" in run_transcript_file(folder / "nope.transcript").failures[0].message


def test_flowlang_test_command(flowlang, examples, tmp_path):
    result = flowlang("test", examples / "order_status.transcript")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].endswith(", 0 failures")
    for name in ("order_status.flow", "order_status.fixtures.json"):
        shutil.copy2(examples / name, tmp_path / name)
    broken = tmp_path / "order_status.transcript"
    broken.write_text("=== wrong\nbot: Hello?\n")
    result = flowlang("test", broken)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"FAIL  {broken}: wrong (in memory)",
        f"      {broken}:2: [wrong, in memory] expected bot: 'Hello?'",
        "    but got: 'Hi ! What is your order number?'",
        "1 conversation, 1 failure",
    ]


def test_buttons_check_the_quick_replies_of_the_message_above(folder):
    (folder / "q.flow").write_text('flow q "Q"\n\nstart:\n    send "Sure?" quick_replies ["Yes", "No"]\n    send "Plain"\n    end\n')
    path = folder / "q.transcript"
    path.write_text(
        "=== right\nbot: Sure?\nbuttons: [Yes] [No]\nbot: Plain\nbuttons:\n"
        "=== wrong\nbot: Sure?\nbuttons: [Yes]\n"
        "=== misplaced\nbuttons: [Yes]\n"
    )
    outcome = run_transcript_file(path)
    failures = {name: failure for name, failure in outcome.results}
    assert failures["right"] is None
    assert "expected buttons: [Yes]\n    but got: [Yes] [No]" in failures["wrong"].message
    assert "checks the quick replies of the message on the 'bot:' line" in failures["misplaced"].message
