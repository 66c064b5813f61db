"""Counting and printing a conformance run, shared by every table's runner."""

from __future__ import annotations

import sys
from collections import Counter

import attrs


@attrs.define
class Report:
    """Rows passed, failed and skipped (skips only with a reason, counted by reason)."""

    verbose: bool = False
    passed: int = 0
    failed: int = 0
    skip_reasons: Counter = attrs.field(factory=Counter)
    failures: list[str] = attrs.field(factory=list)

    @property
    def skipped(self) -> int:
        return sum(self.skip_reasons.values())

    def ok(self) -> None:
        self.passed += 1

    def skip(self, reason: str) -> None:
        self.skip_reasons[reason] += 1

    def fail(self, where: str, expected: str, actual: str) -> None:
        self.failed += 1
        self.failures.append(f"FAIL {where}\n  expected: {expected}\n  actual:   {actual}")

    def check(self, where: str, passed: bool, expected: str, actual: str) -> None:
        if passed:
            self.ok()
        else:
            self.fail(where, expected, actual)

    def summary(self) -> str:
        return f"{self.passed} passed, {self.failed} failed, {self.skipped} skipped"

    def print(self, out=None) -> None:
        out = out if out is not None else sys.stdout  # looked up now, so captured output works
        if self.verbose:
            for failure in self.failures:
                print(failure, file=out)
        for reason, count in sorted(self.skip_reasons.items()):
            print(f"skipped {count}: {reason}", file=out)
        print(self.summary(), file=out)
