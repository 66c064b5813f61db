"""The VM's entry points: start a session, or resume a waiting one with what happened.

Each input continues the instruction the session waits at (a reply or a timeout at WAIT, a
response at WEBHOOK), then hands over to the loop in flowlang.vm.machine.
"""

from __future__ import annotations

import copy

from flowlang.compiler.program import Instruction, Program
from flowlang.env import Environment
from flowlang.errors import ResumeError, SessionError
from flowlang.vm import events as ev
from flowlang.vm.limits import DEFAULT_LIMITS, Limits
from flowlang.vm.machine import Step, Sprint
from flowlang.vm.payloads import clean_text, parse_json
from flowlang.vm.session import WAITING, Contact, Message, Session, check_program


def pending_call(session: Session) -> ev.CallWebhook | None:
    """The webhook a session saved mid-call is waiting for, to perform it (again) after a restart;
    None when it is not waiting for a webhook."""
    if session.status != WAITING or session.waiting_for != "webhook":
        return None
    call = session.webhook or {}
    request = call.get("request")
    try:
        return ev.CallWebhook(
            call["method"], call["url"], tuple((str(a), str(b)) for a, b in request.get("headers", [])),
            request.get("body"), request.get("timeout"), request.get("result_name"), request.get("node", ""),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise SessionError("corrupt session: the webhook request it waits for is not readable") from None


def _on_reply(run: Sprint, pc: int, ins: Instruction, message: ev.MessageIn) -> int:
    result_k, _timeout, _timeout_pc = ins.args
    text = clean_text(message.text)
    run.session.input = Message(text, [clean_text(a) for a in message.attachments], run.now)
    run.changed()
    run.save_result(pc, result_k, text, "All Responses", text)
    return pc + 1


def _on_timeout(run: Sprint, pc: int, ins: Instruction) -> int:
    result_k, _timeout, timeout_pc = ins.args
    if timeout_pc is None:
        raise ResumeError(f"the wait in node {run.program.node_of(pc)!r} has no timeout to fire")
    run.save_result(pc, result_k, "", "No Response", "")
    return timeout_pc


def _on_webhook(run: Sprint, pc: int, ins: Instruction, response: ev.WebhookResponse) -> int:
    method_k, _url, _headers, _body, _timeout, result_k, success_pc, failure_pc = ins.args
    ok = 200 <= response.status < 300
    body = clean_text(response.body or "")
    parsed, problem = parse_json(body, run.limits.max_webhook_json, run.limits.max_webhook_json_depth) \
        if body else (None, None)
    if problem:
        run.log("warning", f"webhook: {problem}", pc)
    method = run.program.constant(method_k)
    url = (run.session.webhook or {}).get("url", "")
    run.session.webhook = {"method": method, "url": url, "status": response.status,
                           "body": body[:10_000] if parsed is None else None, "json": parsed}
    if response.error:
        run.log("error", f"webhook failed: {clean_text(response.error)}", pc)
    extra = parsed if isinstance(parsed, dict) else None
    if extra is not None and result_k is None:
        run.session.extra.update(extra)  # a saved result merges its extra into @extra itself
    run.save_result(pc, result_k, str(response.status), "Success" if ok else "Failure", f"{method} {url}", extra)
    run.changed()
    return success_pc if ok else failure_pc


def start(program: Program, *, env: Environment | None = None, contact: dict | Contact | None = None,
          globals: dict | None = None, limits: Limits = DEFAULT_LIMITS) -> Step:
    """Start a new session at the program's first node and run until it must wait."""
    env = env or Environment()
    session = Session(program.hash, program.flow_id)
    session.contact = contact if isinstance(contact, Contact) else Contact.from_dict(contact)
    session.globals = dict(globals or {})
    run = Sprint(program, session, env, limits)
    session.created_on = run.now
    run.run(0)
    return Step(session, tuple(run.effects))


def resume(program: Program, session: Session, input: ev.Input, *, env: Environment | None = None,
           limits: Limits = DEFAULT_LIMITS) -> Step:
    """Resume a waiting session with what happened; returns the new session (the given one is
    not modified) and the effects.

    Raises SessionError if the session belongs to another program, ResumeError if it is not
    waiting for this kind of input.
    """
    env = env or Environment()
    check_program(session, program)
    if session.status != WAITING:
        raise ResumeError(f"the session is {session.status}, not waiting: start a new session")
    session = copy.deepcopy(session)
    pc = program.labels.get(session.node, 0) + session.offset if session.node else session.offset
    if not 0 <= pc < len(program.code):
        raise SessionError("corrupt session: its position is outside the program")
    ins = program.code[pc]
    if {"reply": "WAIT", "webhook": "WEBHOOK"}.get(session.waiting_for) != ins.op:
        raise SessionError(f"corrupt session: it waits for {session.waiting_for} at a {ins.op} instruction")
    run = Sprint(program, session, env, limits)
    if isinstance(input, (ev.MessageIn, ev.WaitTimeout)):
        if session.waiting_for != "reply":
            raise ResumeError(f"the session is waiting for {session.waiting_for}, not a reply")
        session.sprint_steps = 0
        session.sprint_instructions = 0
        session.sprint_webhooks = 0
        session.wait_started_on = None
        session.wait_timeout = None
        next_pc = _on_reply(run, pc, ins, input) if isinstance(input, ev.MessageIn) else _on_timeout(run, pc, ins)
    elif isinstance(input, ev.WebhookResponse):
        if session.waiting_for != "webhook":
            raise ResumeError(f"the session is waiting for {session.waiting_for}, not a webhook response")
        next_pc = _on_webhook(run, pc, ins, input)
    else:
        raise ResumeError(f"unknown input {type(input).__name__}")
    run.run(next_pc)
    return Step(session, tuple(run.effects))
