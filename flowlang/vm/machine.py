"""The interpreter's loop and what each instruction does. No I/O happens here.

All control lives in one small loop over instructions; each opcode is one function in
HANDLERS, which returns the next pc or None when the session must hand control back to the host.
Entering the loop (start, resume with an input) is flowlang.vm.resume.
"""

from __future__ import annotations

import json
import urllib.parse
from typing import Callable

import attrs

from flowlang import rules
from flowlang.compiler.program import Instruction, Program
from flowlang.env import Environment
from flowlang.expressions.values import XError, render
from flowlang.vm import events as ev
from flowlang.vm.context import build_context
from flowlang.vm.limits import Limits
from flowlang.vm.session import ACTIVE, COMPLETED, FAILED, WAITING, Frame, PathStep, Result, Session


@attrs.frozen
class Step:
    """What one start or resume produced: the new session and the effects for the host."""

    session: Session
    effects: tuple[ev.Effect, ...]

    @property
    def messages(self) -> list[ev.SendMessage]:
        return [e for e in self.effects if isinstance(e, ev.SendMessage)]


class Sprint:
    """One sprint: runs from a pc until the session waits, completes or fails."""

    def __init__(self, program: Program, session: Session, env: Environment, limits: Limits):
        self.program, self.session, self.env, self.limits = program, session, env, limits
        self.effects: list[ev.Effect] = []
        self._context: dict | None = None
        self.now = env.now.isoformat().replace("+00:00", "Z")

    # -- helpers used by handlers ---------------------------------------------------------

    def changed(self) -> None:
        self._context = None

    def context(self) -> dict:
        if self._context is None:
            self._context = build_context(self.session, self.program)
        return self._context

    # Templates and rules are pure functions of their inputs, but a defect in one of them
    # must cost the author one log entry, not the contact's whole conversation.

    def render(self, k: int, pc: int, escape=None) -> str:
        try:
            text, errors = self.program.template(k).render(self.context(), self.env, escape)
        except Exception as e:  # noqa: BLE001 - see above
            text, errors = "", [f"internal error evaluating {self.program.constant(k)!r}: {type(e).__name__}: {e}"]
        for error in errors:
            self.log("error", error, pc)
        return text

    def value(self, k: int, pc: int):
        try:
            return self.program.template(k).value(self.context(), self.env)
        except Exception as e:  # noqa: BLE001
            return XError(f"internal error evaluating {self.program.constant(k)!r}: {type(e).__name__}: {e}")

    def test(self, rule, operand, args):
        try:
            return rule.test(self.env, operand, args)
        except Exception as e:  # noqa: BLE001
            return XError(f"internal error in {rule.name}: {type(e).__name__}: {e}")

    def log(self, kind: str, text: str, pc: int) -> None:
        self.effects.append(ev.LogEntry(kind, text, self.program.node_of(pc), self.program.code[pc].line))

    def save_result(self, pc: int, name_k: int | None, value: str, category: str | None,
                    input: str | None, extra=None) -> None:
        if name_k is None:
            return
        name = self.program.constant(name_k)
        node = self.program.node_of(pc)
        self.session.results[name] = Result(name, value, category, input, extra, self.now, node)
        if isinstance(extra, dict):
            self.session.extra.update(extra)
        self.changed()
        shown = f"{category}: {value!r}" if category else repr(value)
        self.log("result", f"saved @flow.{name} = {shown}", pc)

    def position(self, pc: int) -> None:
        node = self.program.node_of(pc)
        self.session.node = node
        self.session.offset = pc - self.program.labels[node] if node else pc

    def suspend(self, pc: int, waiting_for: str) -> None:
        self.position(pc)
        self.session.status = WAITING
        self.session.waiting_for = waiting_for

    def fail(self, pc: int, reason: str) -> None:
        self.position(pc)
        self.session.status = FAILED
        self.session.waiting_for = None
        self.session.failure = reason
        self.log("error", reason, pc)
        self.effects.append(ev.SessionEnded(FAILED, reason))

    # -- the loop -------------------------------------------------------------------------

    def run(self, pc: int | None) -> None:
        self.session.status = ACTIVE
        self.session.waiting_for = None
        code = self.program.code
        while pc is not None:
            self.session.sprint_instructions += 1
            if self.session.sprint_instructions > self.limits.max_instructions_per_sprint:
                self.fail(pc, f"ran {self.limits.max_instructions_per_sprint} instructions without waiting "
                              f"for the contact (in node {self.program.node_of(pc)!r}); is there a loop?")
                return
            instruction = code[pc]
            pc = HANDLERS[instruction.op](self, pc, instruction)
        self.session.modified_on = self.now


Handler = Callable[[Sprint, int, Instruction], "int | None"]


def _node(run: Sprint, pc: int, ins: Instruction) -> int | None:
    (label_k,) = ins.args
    label = run.program.constant(label_k)
    run.session.sprint_steps += 1
    if run.session.sprint_steps > run.limits.max_steps_per_sprint:
        run.fail(pc, f"the flow entered {run.limits.max_steps_per_sprint} nodes without waiting for the "
                     f"contact and was stopped at node {label!r} (line {ins.line}); a goto loop needs a "
                     "`wait for reply` in it")
        return None
    run.session.path.append(PathStep(label, run.now))
    del run.session.path[: -run.limits.max_path_length]
    return pc + 1


def _send(run: Sprint, pc: int, ins: Instruction) -> int:
    text_k, replies = ins.args
    text = run.render(text_k, pc)
    if len(text) > run.limits.max_message_length:
        text = text[: run.limits.max_message_length - 1] + "…"
        run.log("warning", f"message truncated to {run.limits.max_message_length} characters", pc)
    quick = tuple(r for r in (run.render(k, pc) for k in replies) if r)
    run.effects.append(ev.SendMessage(text, quick, run.program.node_of(pc)))
    return pc + 1


def _wait(run: Sprint, pc: int, ins: Instruction) -> None:
    _result_k, timeout, _timeout_pc = ins.args
    run.suspend(pc, "reply")
    run.session.wait_started_on = run.now
    run.session.wait_timeout = timeout
    run.effects.append(ev.WaitForReply(timeout, run.now, run.program.node_of(pc)))
    return None


def _webhook(run: Sprint, pc: int, ins: Instruction) -> None:
    method_k, url_k, headers_k, body_k, timeout, result_k, _ok, _ko = ins.args
    run.session.sprint_webhooks += 1
    if run.session.sprint_webhooks > run.limits.max_webhooks_per_sprint:
        run.fail(pc, f"the flow called {run.limits.max_webhooks_per_sprint} webhooks without waiting for the "
                     f"contact and was stopped at node {run.program.node_of(pc)!r} (line {ins.line}); "
                     "is there a loop around a webhook?")
        return None
    method = run.program.constant(method_k)
    url = run.render(url_k, pc, escape=url_escape).strip()
    headers = [(run.render(a, pc).strip(), run.render(b, pc)) for a, b in headers_k]
    body = None
    if body_k is not None:
        body = run.render(body_k, pc)
    elif method in ("POST", "PUT", "PATCH"):
        body = json.dumps(default_body(run), ensure_ascii=False)
    if body is not None and not any(name.lower() == "content-type" for name, _ in headers):
        headers.append(("Content-Type", "application/json"))
    call = ev.CallWebhook(
        method, url, tuple(headers), body, timeout,
        run.program.constant(result_k) if result_k is not None else None, run.program.node_of(pc),
    )
    # The request is kept in the session while it is in flight, so a host that crashed during
    # the call can perform it again from the saved session (see pending_call).
    run.session.webhook = {"method": method, "url": url, "status": None, "body": None, "json": None,
                           "request": {"headers": [list(h) for h in call.headers], "body": body, "timeout": timeout,
                                       "result_name": call.result_name, "node": call.node}}
    run.changed()
    run.suspend(pc, "webhook")
    run.effects.append(call)
    return None


def url_escape(text: str) -> str:
    """Values inserted into a webhook URL are escaped (as goflow does), so a reply like
    `A&B 12` cannot add parameters or break the URL."""
    return urllib.parse.quote(text, safe="")


def default_body(run: Sprint) -> dict:
    """What a POST without a body sends, as the webhook guide describes: the contact, the last
    message and every result collected so far."""
    s = run.session
    return {
        "contact": {"uuid": s.contact.uuid, "name": s.contact.name, "urn": s.contact.urn,
                    "language": s.contact.language, "fields": s.contact.fields},
        "flow": {"id": run.program.flow_id, "name": run.program.title},
        "path": [p.node for p in s.path[-50:]],
        "results": {n: {"value": r.value, "category": r.category, "input": r.input, "created_on": r.created_on}
                    for n, r in s.results.items()},
        "input": None if s.input is None else {"text": s.input.text, "attachments": s.input.attachments},
        "run": {"status": s.status, "created_on": s.created_on},
    }


def _route(run: Sprint, pc: int, ins: Instruction) -> int:
    operand_k, result_k, cases, other_category_k, other_pc = ins.args
    operand = run.value(operand_k, pc)
    if isinstance(operand, XError):
        run.log("error", f"cannot evaluate {run.program.constant(operand_k)}: {operand.message}", pc)
    operand_text = render(operand) if not isinstance(operand, XError) else ""
    for rule_k, args_k, category_k, target in cases:
        name = run.program.constant(rule_k)
        rule = rules.lookup(name)
        if rule is None:  # only a hand-made program gets here: from_json refuses unknown rules
            run.log("error", f"unknown rule {name!r}", pc)
            continue
        args = [run.render(k, pc) for k in args_k]
        outcome = run.test(rule, operand, args)
        if isinstance(outcome, XError):
            run.log("error", f"{name}: {outcome.message}", pc)
            continue
        if outcome is not None:
            run.save_result(pc, result_k, outcome.text, run.program.constant(category_k), operand_text, outcome.extra)
            return target
    run.save_result(pc, result_k, operand_text, run.program.constant(other_category_k), operand_text)
    return other_pc


def _set_result(run: Sprint, pc: int, ins: Instruction) -> int:
    name_k, value_k = ins.args
    value = run.render(value_k, pc)
    run.save_result(pc, name_k, value, None, None)
    return pc + 1


def _set_contact(run: Sprint, pc: int, ins: Instruction) -> int:
    field_k, value_k = ins.args
    field = run.program.constant(field_k)
    value = run.render(value_k, pc)
    contact = run.session.contact
    if field == "name":
        contact.name = value or None
    elif field == "language":
        contact.language = value or None
    elif field == "timezone":
        contact.timezone = value or None
    else:
        contact.fields[field] = value
    run.changed()
    run.log("result", f"saved @contact.{field} = {value!r}", pc)
    return pc + 1


def _jump(run: Sprint, pc: int, ins: Instruction) -> int:
    return ins.args[0]


def _call(run: Sprint, pc: int, ins: Instruction) -> int | None:
    flow_k, entry = ins.args
    if len(run.session.stack) >= run.limits.max_call_depth:
        run.fail(pc, f"subflows nested deeper than {run.limits.max_call_depth} calling "
                     f"{run.program.constant(flow_k)!r}; is a flow calling itself?")
        return None
    node = run.program.node_of(pc + 1)
    caller = run.session.flow or run.program.flow_id
    run.session.stack.append(Frame(caller, node, pc + 1 - run.program.labels[node], run.session.results))
    run.session.results = {}
    run.session.flow = run.program.constant(flow_k)
    run.changed()
    run.log("info", f"entering subflow {run.session.flow!r}", pc)
    return entry


def _end(run: Sprint, pc: int, ins: Instruction) -> int | None:
    if run.session.stack:
        frame = run.session.stack.pop()
        run.session.child = run.session.results
        run.session.results = frame.results
        run.session.flow = None if frame.flow == run.program.flow_id and not run.session.stack else frame.flow
        run.changed()
        run.log("info", f"back in {frame.flow!r} from its subflow", pc)
        return run.program.labels[frame.node] + frame.offset
    run.position(pc)
    run.session.status = COMPLETED
    run.session.waiting_for = None
    run.effects.append(ev.SessionEnded(COMPLETED))
    return None


HANDLERS: dict[str, Handler] = {
    "NODE": _node,
    "SEND": _send,
    "WAIT": _wait,
    "WEBHOOK": _webhook,
    "ROUTE": _route,
    "SET_RESULT": _set_result,
    "SET_CONTACT": _set_contact,
    "JUMP": _jump,
    "CALL": _call,
    "END": _end,
}
