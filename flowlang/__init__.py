"""flowlang: chatbot conversation flows as text files, checked and compiled to bytecode,
run by an interpreter any Python program can embed.

    >>> import flowlang
    >>> program = flowlang.compile_file("examples/order_status.flow")
    >>> engine = flowlang.Engine(program)
    >>> session, turn = engine.start(contact={"name": "Ben Haggerty"})
    >>> [m.text for m in turn.messages]
    ['Hi Ben! What is your order number?']

The stages, in pipeline order: syntax, expressions, rules, check, compiler, vm, host, cli.
"""

from flowlang import rules as _rules  # noqa: F401  (registers the has_* tests as expression functions)
from flowlang.compiler import CompileResult, Program, compile_file, compile_path, compile_source
from flowlang.diagnostics import Diagnostic
from flowlang.env import Environment
from flowlang.errors import CompileError, FlowlangError, FormatError, ResumeError, SessionError
from flowlang.host import (
    AsyncEngine, AsyncHttpxWebhooks, Engine, FixtureError, FixtureTransport, HttpxWebhooks, RetryPolicy, Turn,
    WebhookCall, WebhookPolicy, load_fixtures, refuse_private_hosts,
)
from flowlang.vm import Limits, Session, dumps, loads

__version__ = "0.1.0"

__all__ = [
    "AsyncEngine", "AsyncHttpxWebhooks", "FixtureError", "RetryPolicy", "WebhookCall", "WebhookPolicy",
    "refuse_private_hosts", "CompileError", "CompileResult", "Diagnostic", "Engine", "Environment", "FixtureTransport", "FlowlangError",
    "FormatError", "HttpxWebhooks", "Limits", "Program", "ResumeError", "Session", "SessionError", "Turn",
    "compile_file", "compile_path", "compile_source", "dumps", "load_fixtures", "loads",
]
