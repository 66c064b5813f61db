"""Session state as plain data, and its JSON form.

A session saves with its own format version (separate from the program format) and the hash of
the program it runs; a session from a newer format or another program is refused, never misread.
The position is a node label and an offset inside that node, not a bare instruction index.
"""

from __future__ import annotations

import json
from typing import Any

import attrs
import cattrs

from flowlang.errors import FlowlangError, SessionError

SESSION_FORMAT = "flowlang-session"
SESSION_VERSION = 1

ACTIVE, WAITING, COMPLETED, FAILED = "active", "waiting", "completed", "failed"


class ContactError(FlowlangError, ValueError):
    """The host gave a contact that is not shaped like one."""


@attrs.define
class Result:
    """A saved result (`@flow.NAME`): value as text, category, the input it came from."""

    name: str
    value: str
    category: str | None = None
    input: str | None = None
    extra: Any = None
    created_on: str = ""
    node: str = ""


@attrs.define
class Contact:
    uuid: str = ""
    name: str | None = None
    language: str | None = None
    urn: str | None = None
    urns: list[str] = attrs.field(factory=list)
    fields: dict[str, Any] = attrs.field(factory=dict)
    groups: list[dict[str, str]] = attrs.field(factory=list)
    timezone: str | None = None
    created_on: str | None = None

    @classmethod
    def from_dict(cls, data: dict | None) -> "Contact":
        """A contact from the host's plain dict; a malformed one is refused naming the key."""
        if data is not None and not isinstance(data, dict):
            raise ContactError(f"a contact is a dict of its properties, not {type(data).__name__}")
        data = dict(data or {})
        for key, kind in (("fields", dict), ("urns", list), ("groups", list)):
            if data.get(key) is not None and not isinstance(data[key], kind):
                raise ContactError(f"contact {key} must be a {kind.__name__}, not {type(data[key]).__name__}")
        for key in ("uuid", "name", "language", "urn", "timezone", "created_on"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise ContactError(f"contact {key} must be text, not {type(data[key]).__name__}")
        if any(not isinstance(u, str) for u in data.get("urns") or ()):
            raise ContactError("contact urns must be a list of text URNs such as 'tel:+250788123123'")
        if any(not isinstance(g, dict) for g in data.get("groups") or ()):
            raise ContactError("contact groups must be a list of {'uuid': ..., 'name': ...} dicts")
        known = {f.name for f in attrs.fields(cls)}
        fields = dict(data.pop("fields", {}) or {})
        # unknown keys are custom fields: {"name": "Ben", "age": 33} works as a host would hope
        for key in [k for k in data if k not in known]:
            fields[key] = data.pop(key)
        contact = cls(**{k: v for k, v in data.items() if k in known}, fields=fields)
        if contact.urn and not contact.urns:
            contact.urns = [contact.urn]
        if contact.urns and not contact.urn:
            contact.urn = contact.urns[0]
        return contact


@attrs.define
class Message:
    text: str
    attachments: list[str] = attrs.field(factory=list)
    created_on: str = ""


@attrs.define
class PathStep:
    node: str
    arrived_on: str


@attrs.define
class Frame:
    """A caller waiting for its subflow: where to come back to and the caller's results."""

    flow: str
    node: str
    offset: int
    results: dict[str, Result] = attrs.field(factory=dict)


@attrs.define
class Session:
    program_hash: str
    flow_id: str
    status: str = ACTIVE
    waiting_for: str | None = None  # "reply" | "webhook"
    node: str | None = None  # where the session is: a node label ...
    offset: int = 0  # ... and the instruction inside it
    contact: Contact = attrs.field(factory=Contact)
    results: dict[str, Result] = attrs.field(factory=dict)
    extra: dict[str, Any] = attrs.field(factory=dict)  # @extra: merged webhook JSON and result extras
    webhook: dict[str, Any] | None = None  # the last webhook call: status, url, body, json
    input: Message | None = None
    flow: str | None = None  # the flow running now, when it is a subflow (None: the main flow)
    stack: list[Frame] = attrs.field(factory=list)  # callers of the running subflow, innermost last
    child: dict[str, Result] | None = None  # results of the last subflow that returned (@child)
    globals: dict[str, Any] = attrs.field(factory=dict)
    path: list[PathStep] = attrs.field(factory=list)
    wait_started_on: str | None = None
    wait_timeout: int | None = None
    sprint_steps: int = 0
    sprint_instructions: int = 0
    sprint_webhooks: int = 0
    failure: str | None = None
    created_on: str = ""
    modified_on: str = ""

    def to_json(self) -> str:
        return dumps(self)

    @classmethod
    def from_json(cls, text: str | bytes, program=None) -> "Session":
        return loads(text, program)


# omit_if_default keeps saved sessions small: only what differs from a fresh session is written
_converter = cattrs.Converter(forbid_extra_keys=True, omit_if_default=True)


def dumps(session: Session) -> str:
    """Compact JSON of a session, with its format marker and version."""
    data = _converter.unstructure(session)
    return json.dumps({"format": SESSION_FORMAT, "version": SESSION_VERSION, **data},
                      separators=(",", ":"), ensure_ascii=False)


def loads(text: str | bytes, program=None) -> Session:
    """A session from `dumps`; with a program, also checks it is that program's session.

    Raises SessionError with a clear message for corrupt JSON, a newer format or another program.
    """
    try:
        data = json.loads(text)
    except (ValueError, UnicodeDecodeError, RecursionError) as e:
        raise SessionError(f"corrupt session: not valid JSON ({type(e).__name__})") from None
    if not isinstance(data, dict) or data.pop("format", None) != SESSION_FORMAT:
        raise SessionError("corrupt session: not a saved flowlang session")
    version = data.pop("version", None)
    if type(version) is not int:
        raise SessionError("corrupt session: no format version")
    if version > SESSION_VERSION:
        raise SessionError(
            f"this session was saved by a newer flowlang (session format {version}); "
            f"this version reads up to {SESSION_VERSION}"
        )
    try:
        session = _converter.structure(data, Session)
    except RecursionError:
        raise SessionError("corrupt session: nested too deeply") from None
    except Exception as e:  # cattrs raises grouped validation errors of many kinds
        detail = "; ".join(cattrs.transform_error(e)) if isinstance(e, cattrs.BaseValidationError) else str(e)
        raise SessionError(f"corrupt session: {detail}") from None
    if session.status not in (ACTIVE, WAITING, COMPLETED, FAILED):
        raise SessionError(f"corrupt session: unknown status {session.status!r}")
    if program is not None:
        check_program(session, program)
    return session


def check_program(session: Session, program) -> None:
    if session.program_hash != program.hash:
        raise SessionError(
            f"this session belongs to another program (flow {session.flow_id!r}, {session.program_hash[:19]}); "
            f"the program given is flow {program.flow_id!r}, {program.hash[:19]}: it was changed or is a "
            "different flow, so the saved position cannot be trusted"
        )
    positions = [(session.node, session.offset)] + [(frame.node, frame.offset) for frame in session.stack]
    for node, offset in positions:
        if node is None:
            continue
        if node not in program.labels:
            raise SessionError(f"corrupt session: node {node!r} is not in the program")
        pc = program.labels[node] + offset
        if offset < 0 or pc >= len(program.code) or (offset and program.node_of(pc) != node):
            raise SessionError(f"corrupt session: position {offset} is outside node {node!r}")
    flows = {program.flow_id, *program.flows}
    for flow in [session.flow] + [frame.flow for frame in session.stack]:
        if flow is not None and flow not in flows:
            raise SessionError(f"corrupt session: flow {flow!r} is not in the program")
