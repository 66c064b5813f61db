"""Playing transcripts against flows: each conversation in memory, then saved and loaded."""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from flowlang.compiler import compile_path
from flowlang.compiler.program import Program
from flowlang.env.environment import Environment
from flowlang.errors import FlowlangError
from flowlang.host.engine import Engine
from flowlang.host.fixtures import FixtureError, FixtureTransport
from flowlang.host.turn import Turn, WebhookCall
from flowlang.host.webhooks import HttpxWebhooks
from flowlang.testing.transcript.format import (
    WILDCARD, Case, Line, Transcript, TranscriptSyntaxError, load_transcript, parse_now,
)
from flowlang.vm.session import ContactError, Session, dumps, loads


@attrs.frozen
class Failure:
    """Why a conversation did not go as written; `line` is the transcript line."""

    path: str
    line: int
    case: str
    mode: str  # "in memory" | "saved and loaded"
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: [{self.case}, {self.mode}] {self.message}"


class _Stop(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


class _Conversation:
    """Plays one case against the engine, keeping the not-yet-checked output."""

    def __init__(self, engine: Engine, program: Program, case: Case, roundtrip: bool):
        self.engine, self.program, self.case, self.roundtrip = engine, program, case, roundtrip
        self.session: Session | None = None
        self.messages: list[str] = []
        self.buttons: list[tuple[str, ...]] = []  # quick replies of each pending message
        self.last_buttons: tuple[str, ...] | None = None  # of the message the last `bot:` matched
        self.webhooks: list[WebhookCall] = []

    def take(self, turn: Turn) -> None:
        self.messages += turn.texts
        self.buttons += [m.quick_replies for m in turn.messages]
        self.webhooks += turn.webhooks

    def ensure_started(self) -> None:
        if self.session is None:
            try:
                self.session, turn = self.engine.start(contact=self.case.setup.contact,
                                                       globals=self.case.setup.globals)
            except ContactError as e:
                raise _Stop(self.case.line, f"bad contact: {e}") from None
            self.take(turn)

    def step(self, line: Line) -> None:
        self.ensure_started()
        getattr(self, "_" + line.kind)(line)

    def finish(self, last_line: int) -> None:
        self.ensure_started()
        if self.messages:
            raise _Stop(last_line, f"the bot also said: {self.messages[0]!r}")

    # -- one method per step kind ---------------------------------------------------------

    def _bot(self, line: Line) -> None:
        if not self.messages:
            raise _Stop(line.number, f"expected the bot to say {line.text!r}, but it said nothing more "
                                     f"(session {self._state()})")
        said = self.messages.pop(0)
        self.last_buttons = self.buttons.pop(0)
        if not _matches(line.text, said):
            raise _Stop(line.number, f"expected bot: {line.text!r}\n    but got: {said!r}")

    def _buttons(self, line: Line) -> None:
        expected = tuple(re.findall(r"\[([^\]]*)\]", line.text))
        if not expected and line.text.strip():
            raise _Stop(line.number, "write the quick replies in brackets: 'buttons: [Yes] [No]'")
        if self.last_buttons is None:
            raise _Stop(line.number, "'buttons:' checks the quick replies of the message on the 'bot:' line above it")
        if self.last_buttons != expected:
            got = " ".join(f"[{b}]" for b in self.last_buttons) or "none"
            raise _Stop(line.number, f"expected buttons: {line.text.strip() or 'none'}\n    but got: {got}")

    def _user(self, line: Line) -> None:
        self._reply(line, lambda session: self.engine.resume(session, line.text))

    def _timeout(self, line: Line) -> None:
        self._reply(line, self.engine.timeout)

    def _reply(self, line: Line, act) -> None:
        if self.messages:
            raise _Stop(line.number, f"before this, the bot also said: {self.messages[0]!r}")
        if self.session.status != "waiting" or self.session.waiting_for != "reply":
            raise _Stop(line.number, f"the session is {self._state()}, it cannot take a reply")
        session = self.session
        if self.roundtrip:
            saved = dumps(session)
            session = loads(saved, self.program)
            if dumps(session) != saved:
                raise _Stop(line.number, "the session changed when saved and loaded back")
        try:
            self.session, turn = act(session)
        except FlowlangError as error:
            raise _Stop(line.number, str(error)) from None
        self.take(turn)

    def _webhook(self, line: Line) -> None:
        expected = re.fullmatch(r"(\S+)\s+(.+?)\s*->\s*(\d+)", line.text)
        if not expected:
            raise _Stop(line.number, "write 'webhook: METHOD URL -> STATUS'")
        if not self.webhooks:
            raise _Stop(line.number, f"expected a webhook call {line.text!r}, but there was none")
        call = self.webhooks.pop(0)
        method, url, status = expected.groups()
        if call.method != method.upper() or not _matches(url, call.url) or call.status != int(status):
            got = f"{call.method} {call.url} -> {call.status}" + (f" ({call.error})" if call.error else "")
            raise _Stop(line.number, f"expected webhook: {line.text}\n    but got: {got}")

    def _result(self, line: Line) -> None:
        target, sep, expected = line.text.partition("=")
        name, _, attribute = target.strip().partition(".")
        attribute = attribute or "value"
        if not sep or attribute not in ("value", "category", "input"):
            raise _Stop(line.number, "write 'result: NAME = TEXT' or 'result: NAME.category = TEXT'")
        # the running flow's results first; inside a subflow, then its callers' (innermost first)
        scopes = [self.session.results] + [frame.results for frame in reversed(getattr(self.session, "stack", []))]
        result = next((scope[name] for scope in scopes if name in scope), None)
        if result is None:
            saved = ", ".join(sorted({n for scope in scopes for n in scope})) or "none"
            raise _Stop(line.number, f"no result {name!r} was saved (saved: {saved})")
        actual = getattr(result, attribute)
        if not _matches(expected.strip(), "" if actual is None else str(actual)):
            raise _Stop(line.number, f"expected result {name}.{attribute} = {expected.strip()!r}, got {actual!r}")

    def _ended(self, line: Line) -> None:
        if self.messages:
            raise _Stop(line.number, f"before this, the bot also said: {self.messages[0]!r}")
        if self.session.status != line.text:
            raise _Stop(line.number, f"expected the session to be {line.text}, but it is {self._state()}")

    def _state(self) -> str:
        session = self.session
        if session.status == "failed" and session.failure:
            return f"failed: {session.failure}"
        return f"{session.status}" + (f" for a {session.waiting_for}" if session.waiting_for else "")


def _matches(pattern: str, text: str) -> bool:
    if WILDCARD not in pattern:
        return pattern == text
    regex = ".*".join(re.escape(part) for part in pattern.split(WILDCARD))
    return re.fullmatch(regex, text, re.DOTALL) is not None


MODES = {False: "in memory", True: "saved and loaded"}


def run_case(transcript: Transcript, case: Case, *, roundtrip: bool = False) -> Failure | None:
    """Play one conversation; None when it went exactly as written."""
    mode = MODES[roundtrip]

    def failure(line: int, message: str) -> Failure:
        return Failure(str(transcript.path), line, case.name, mode, message)

    base = transcript.path.parent
    flow_path = base / (case.setup.flow or "")
    compiled = compile_path(flow_path)
    if compiled.program is None:
        first = next((d for d in compiled.diagnostics if d.is_error), None)
        return failure(case.line, f"the flow does not compile: {first.headline() if first else flow_path}")
    transport = None
    if case.setup.fixtures:
        try:
            transport = FixtureTransport.from_file(base / case.setup.fixtures, sleep=lambda seconds: None)
        except FixtureError as error:
            return failure(case.line, str(error))
    try:
        env = Environment(timezone=case.setup.timezone)
    except Exception:
        return failure(case.line, f"unknown timezone {case.setup.timezone!r}")
    now = parse_now(case.setup.now)
    with HttpxWebhooks(transport=transport) as webhooks:
        program = compiled.program
        # the second run also saves and loads the session while it waits for each webhook
        checkpoint = (lambda session: loads(dumps(session), program)) if roundtrip else None
        engine = Engine(program, webhooks=webhooks, env=env, clock=lambda: now, checkpoint=checkpoint)
        conversation = _Conversation(engine, program, case, roundtrip)
        try:
            for line in case.steps:
                conversation.step(line)
            conversation.finish(case.steps[-1].number if case.steps else case.line)
        except _Stop as stop:
            return failure(stop.line, str(stop))
    return None


@attrs.define
class Outcome:
    """The result of running a transcript file: how many conversations, which failed."""

    path: str
    results: list[tuple[str, Failure | None]] = attrs.field(factory=list)  # (case name, failure), in file order
    file_failure: Failure | None = None  # the file could not be read or parsed

    @property
    def cases(self) -> int:
        return len(self.results)

    @property
    def failures(self) -> list[Failure]:
        failures = [f for _, f in self.results if f is not None]
        return failures + ([self.file_failure] if self.file_failure else [])

    def report_lines(self) -> list[str]:
        lines = []
        for name, failure in self.results:
            if failure is None:
                lines.append(f"ok    {self.path}: {name}")
            else:
                lines.append(f"FAIL  {self.path}: {name} ({failure.mode})")
                lines.append(f"      {failure}")
        if self.file_failure:
            lines.append(f"FAIL  {self.file_failure}")
        return lines


def run_transcript_file(path: str | Path) -> Outcome:
    """Run every conversation of a transcript file, twice (in memory, then saved and loaded)."""
    outcome = Outcome(str(path))
    try:
        transcript = load_transcript(path)
    except TranscriptSyntaxError as error:
        outcome.file_failure = Failure(str(path), error.line, "(file)", "parse", str(error))
        return outcome
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        outcome.file_failure = Failure(str(path), 1, "(file)", "read", f"cannot read the transcript: {reason}")
        return outcome
    if not transcript.cases:
        outcome.file_failure = Failure(str(path), 1, "(file)", "parse", "no conversations (start one with '=== name')")
    for case in transcript.cases:
        failure = run_case(transcript, case) or run_case(transcript, case, roundtrip=True)
        outcome.results.append((case.name, failure))
    return outcome
