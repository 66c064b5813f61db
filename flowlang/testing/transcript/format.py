"""The transcript format: parsing a transcript file into conversations and their steps.

The format itself is described in `flowlang.testing.transcript` (and docs/cli.md).
"""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path

import attrs

DEFAULT_NOW = "2024-05-01T09:00:00Z"
SETUP_KEYS = ("flow", "fixtures", "contact", "global", "now", "timezone")
STEP_KEYS = ("bot", "buttons", "user", "timeout", "webhook", "result", "ended")
WILDCARD = "..."


class TranscriptSyntaxError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


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
            parse_now(text)
        except ValueError:
            raise TranscriptSyntaxError(number, f"'now:' needs an ISO date and time, got {text!r}") from None
        setup.now = text
    else:
        setattr(setup, kind, text)


def parse_now(text: str) -> dt.datetime:
    now = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    return now if now.tzinfo else now.replace(tzinfo=dt.timezone.utc)




def load_transcript(path: str | Path) -> Transcript:
    """Read and parse a transcript file (raises OSError/UnicodeDecodeError/TranscriptSyntaxError)."""
    return parse_transcript(Path(path).read_text(encoding="utf-8"), path)
