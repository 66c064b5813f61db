"""The instruction set, as one table (docs/bytecode.md is its long form; a test keeps them equal).

A program is a flat list of instructions; `pc` operands are indexes into it and `k` operands
are indexes into the constant pool. Retired opcodes stay listed in RETIRED so an old number
or name is never reused with another meaning.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Opcode:
    name: str
    operands: tuple[str, ...]
    suspends: bool
    summary: str


OPCODES: dict[str, Opcode] = {
    op.name: op
    for op in [
        Opcode("NODE", ("label_k",), False,
               "enter the labelled node: counts one step against the sprint limit and records the path"),
        Opcode("SEND", ("text_k", "quick_replies_k[]"), False,
               "render the template and emit SendMessage (with rendered quick replies)"),
        Opcode("WAIT", ("result_k?", "timeout_seconds?", "timeout_pc?"), True,
               "suspend until MessageIn (save the reply as result, go on) or WaitTimeout (go to timeout_pc)"),
        Opcode("WEBHOOK", ("method_k", "url_k", "headers[[name_k, value_k]]", "body_k?", "timeout_seconds?",
                           "result_k?", "success_pc", "failure_pc"), True,
               "emit CallWebhook and suspend until WebhookResponse; save the call as result; branch on success"),
        Opcode("ROUTE", ("operand_k", "result_k?", "cases[[rule_k, args_k[], category_k, pc]]",
                         "other_category_k", "other_pc"), False,
               "evaluate the operand, test each case's rule in order, save the result, jump to the first match"),
        Opcode("SET_RESULT", ("name_k", "value_k"), False, "save a result: @flow.NAME = rendered template"),
        Opcode("SET_CONTACT", ("field_k", "value_k"), False,
               "set a contact property (name, language) or custom field to the rendered template"),
        Opcode("JUMP", ("pc",), False, "continue at pc"),
        Opcode("CALL", ("flow_k", "entry_pc"), False,
               "run a subflow: push the caller's position and results, continue at entry_pc with no results"),
        Opcode("END", (), False,
               "end the flow: return to the caller of a subflow (its results become @child), or complete the session"),
    ]
}

# Opcodes that once existed and must never be reused with another meaning.
RETIRED: frozenset[str] = frozenset()
