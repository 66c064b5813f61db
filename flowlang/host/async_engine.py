"""The Engine for asyncio hosts: the same turns, with webhooks awaited instead of blocking.

    async with AsyncHttpxWebhooks() as webhooks:
        engine = AsyncEngine(program, webhooks=webhooks)
        session, turn = await engine.start(contact={"name": "Ben"})
        session, turn = await engine.resume(session, "CU001")
"""

from __future__ import annotations

from flowlang import vm
from flowlang.host.engine import _EngineBase, reply_input, webhook_log_entry
from flowlang.host.turn import Turn
from flowlang.host.webhooks import AsyncHttpxWebhooks
from flowlang.vm.events import Input, WaitTimeout
from flowlang.vm.session import Session


class AsyncEngine(_EngineBase):
    """`Engine` with coroutine methods; `webhooks` is awaited (default: AsyncHttpxWebhooks)."""

    default_webhooks = AsyncHttpxWebhooks

    async def start(self, *, contact: dict | None = None, globals: dict | None = None) -> tuple[Session, Turn]:
        """Start a new session for `contact`; runs until the first wait or the end."""
        step = vm.start(self.program, env=self._env(), limits=self.limits, contact=contact, globals=globals)
        return await self._follow(step, Turn())

    async def resume(
        self,
        session: Session,
        text: str | None = None,
        *,
        attachments: tuple[str, ...] = (),
        input: Input | None = None,
    ) -> tuple[Session, Turn]:
        """Resume a session waiting for a reply (see `Engine.resume`)."""
        step = vm.resume(self.program, session, reply_input(text, attachments, input), env=self._env(), limits=self.limits)
        return await self._follow(step, Turn())

    async def timeout(self, session: Session) -> tuple[Session, Turn]:
        """Resume a session waiting for a reply as if its wait timed out."""
        step = vm.resume(self.program, session, WaitTimeout(), env=self._env(), limits=self.limits)
        return await self._follow(step, Turn())

    async def _follow(self, step: vm.Step, turn: Turn) -> tuple[Session, Turn]:
        while (call := self._absorb(step, turn)) is not None:
            session = self._checkpointed(step.session)
            response = await self.webhooks(call)
            turn.events.append(webhook_log_entry(call, response))
            step = vm.resume(self.program, session, response, env=self._env(), limits=self.limits)
        return step.session, turn
