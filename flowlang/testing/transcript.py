"""Transcript tests: a conversation written down as it should happen, checked by running it.

A transcript file is plain text. Lines before the first `===` set up every conversation in
the file; each `=== NAME` starts a conversation (which may override the setup lines first):

    # comments start with #
    flow: order_status.flow                 # relative to the transcript (default: same name .flow)
    fixtures: order_status.fixtures.json    # webhook fixtures (default: none, real HTTP)
    contact: name=Ben language=eng urn=tel:+250788123123
    global: shop_token=demo-token
    now: 2024-05-01T09:00:00Z               # the clock (fixed; default this instant)
    timezone: Africa/Kigali

    === a shipped order
    bot: Hi Ben! What is your order number?
    user: CU001
    webhook: POST https://shop.example.com/api/orders/CU001 -> 200
    bot: Good news, Ben! Order CU001 (...) shipped on 2024-05-02 and should arrive on 2024-05-06.
    result: status = Shipped
    result: status.category = Shipped
    ended: completed

`bot:` is a message the flow sends: every message must be listed, in order, and `...`
matches any text. `user:` is the contact's reply; `timeout` fires the wait's timeout.
`webhook: METHOD URL -> STATUS` checks the next webhook call (optional: calls need not be
listed; STATUS 0 means no response). `result: NAME[.value|.category|.input] = TEXT` checks a
saved result; `ended: completed|failed|waiting` the session's status. An indented line
continues the message above it on a new line.

Every conversation runs twice: the second time the session is saved to JSON and loaded back
before every reply, so a flow that only works while its session stays in memory fails.
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
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
from flowlang.vm.session import Session, dumps, loads

DEFAULT_NOW = "2024-05-01T09:00:00Z"
SETUP_KEYS = ("flow", "fixtures", "contact", "global", "now", "timezone")
STEP_KEYS = ("bot", "user", "timeout", "webhook", "result", "ended")
WILDCARD = "..."


class TranscriptSyntaxError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


# -- the format -----------------------------------------------------------------------------


@attrs.frozen
class Line:
    """One step of a conversation: `kind` is a STEP_KEYS word, `text` what follows it."""

    number: int
    kind: str
    text: str


@attrs.define
class Setup:
    flow: str | None = None
    fixtures: str | None = None
    contact: dict = attrs.field(factory=dict)
    globals: dict = attrs.field(factory=dict)
    now: str = DEFAULT_NOW
    timezone: str = "UTC"


@attrs.define
class Case:
    name: str
    line: int
    setup: Setup
    steps: list[Line] = attrs.field(factory=list)


@attrs.define
class Transcript:
    path: Path
    cases: list[Case]


def parse_transcript(text: str, path: str | Path = "<transcript>") -> Transcript:
    """Parse transcript text; raises TranscriptSyntaxError (with a line number)."""
    path = Path(path)
    setup = Setup(flow=path.with_suffix(".flow").name)
    cases: list[Case] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if stripped.startswith("==="):
            name = stripped.strip("=").strip() or f"conversation {len(cases) + 1}"
            cases.append(Case(name, number, attrs.evolve(setup, contact=dict(setup.contact), globals=dict(setup.globals))))
            continue
        if raw[:1] in (" ", "\t"):
            _continue_step(cases, number, stripped)
            continue
        kind, sep, rest = stripped.partition(":")
        kind, rest = kind.strip().lower(), rest.strip()
        if stripped.lower() == "timeout":
            kind, sep = "timeout", ":"
        if not sep or kind not in SETUP_KEYS + STEP_KEYS:
            raise TranscriptSyntaxError(number, f"expected one of {', '.join(SETUP_KEYS + STEP_KEYS)} followed by ':'")
        if kind in SETUP_KEYS:
            target = setup if not cases else cases[-1].setup
            if cases and cases[-1].steps:
                raise TranscriptSyntaxError(number, f"'{kind}:' must come before the conversation's first step")
            _apply_setup(target, kind, rest, number)
        elif not cases:
            raise TranscriptSyntaxError(number, "a conversation step before any '=== name' line")
        else:
            cases[-1].steps.append(Line(number, kind, rest))
    return Transcript(path, cases)


def _continue_step(cases: list[Case], number: int, text: str) -> None:
    if not cases or not cases[-1].steps or cases[-1].steps[-1].kind not in ("bot", "user"):
        raise TranscriptSyntaxError(number, "an indented line continues a 'bot:' or 'user:' line; there is none above")
    last = cases[-1].steps[-1]
    cases[-1].steps[-1] = attrs.evolve(last, text=last.text + "\n" + text)


def _apply_setup(setup: Setup, kind: str, text: str, number: int) -> None:
    if kind in ("contact", "global"):
        try:
            words = shlex.split(text)
        except ValueError as error:
            raise TranscriptSyntaxError(number, f"cannot read '{kind}:' values: {error}") from None
        target = setup.contact if kind == "contact" else setup.globals
        for word in words:
            key, sep, value = word.partition("=")
            if not sep or not key:
                raise TranscriptSyntaxError(number, f"expected KEY=VALUE, got {word!r}")
            if kind == "contact" and key.startswith("fields."):
                target.setdefault("fields", {})[key[len("fields."):]] = value
            else:
                target[key] = value
    elif kind == "now":
        try:
            _parse_now(text)
        except ValueError:
            raise TranscriptSyntaxError(number, f"'now:' needs an ISO date and time, got {text!r}") from None
        setup.now = text
    else:
        setattr(setup, kind, text)


def _parse_now(text: str) -> dt.datetime:
    now = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return now if now.tzinfo else now.replace(tzinfo=dt.timezone.utc)


# -- running --------------------------------------------------------------------------------


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
        self.webhooks: list[WebhookCall] = []

    def take(self, turn: Turn) -> None:
        self.messages += turn.texts
        self.webhooks += turn.webhooks

    def ensure_started(self) -> None:
        if self.session is None:
            self.session, turn = self.engine.start(contact=self.case.setup.contact, globals=self.case.setup.globals)
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
        if not _matches(line.text, said):
            raise _Stop(line.number, f"expected bot: {line.text!r}\n    but got: {said!r}")

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
        result = self.session.results.get(name)
        if result is None:
            saved = ", ".join(sorted(self.session.results)) or "none"
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
    now = _parse_now(case.setup.now)
    with HttpxWebhooks(transport=transport) as webhooks:
        engine = Engine(compiled.program, webhooks=webhooks, env=env, clock=lambda: now)
        conversation = _Conversation(engine, compiled.program, case, roundtrip)
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


def load_transcript(path: str | Path) -> Transcript:
    """Read and parse a transcript file (raises OSError/UnicodeDecodeError/TranscriptSyntaxError)."""
    return parse_transcript(Path(path).read_text(encoding="utf-8"), path)


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
