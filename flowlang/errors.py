"""The exceptions flowlang raises at its public boundary. Inside, problems are values
(diagnostics, XError, failed sessions); these exist for the few calls that cannot return one."""

from __future__ import annotations


class FlowlangError(Exception):
    """Base of every error flowlang raises on purpose."""


class CompileError(FlowlangError):
    """A flow did not compile; `diagnostics` says where and why."""

    def __init__(self, diagnostics, source: str | None = None):
        self.diagnostics = list(diagnostics)
        self.source = source
        errors = [d for d in self.diagnostics if d.is_error]
        super().__init__("\n".join(d.format(source) for d in errors) or "compilation failed")


class FormatError(FlowlangError):
    """A saved program or session is not something this version can read."""


class SessionError(FormatError):
    """A saved session is corrupt, from another program, or from a newer format."""


class ResumeError(FlowlangError):
    """The host resumed a session with an input it is not waiting for (a host bug, not a user's)."""
