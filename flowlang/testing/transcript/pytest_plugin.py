"""A pytest plugin that collects `*.transcript` files as tests.

Enable it in a project's `conftest.py`:

    pytest_plugins = ["flowlang.testing.transcript.pytest_plugin"]

Each conversation becomes two test items, `NAME[in memory]` and `NAME[saved and loaded]`;
a failure reports the transcript line and what differed, without a Python traceback.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowlang.testing.transcript.format import TranscriptSyntaxError, load_transcript
from flowlang.testing.transcript.runner import MODES, Failure, run_case


def pytest_collect_file(parent: pytest.Collector, file_path: Path):
    if file_path.suffix == ".transcript":
        return TranscriptFile.from_parent(parent, path=file_path)
    return None


class TranscriptFile(pytest.File):
    def collect(self):
        try:
            transcript = load_transcript(self.path)
        except TranscriptSyntaxError as error:
            raise self.CollectError(f"{self.path}:{error.line}: {error}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise self.CollectError(f"{self.path}: cannot read the transcript: {error}") from None
        for case in transcript.cases:
            for roundtrip, mode in MODES.items():
                yield TranscriptItem.from_parent(
                    self, name=f"{case.name}[{mode}]", transcript=transcript, case=case, roundtrip=roundtrip
                )


class TranscriptFailed(Exception):
    def __init__(self, failure: Failure):
        super().__init__(str(failure))
        self.failure = failure


class TranscriptItem(pytest.Item):
    def __init__(self, *, transcript, case, roundtrip: bool, **kwargs):
        super().__init__(**kwargs)
        self.transcript, self.case, self.roundtrip = transcript, case, roundtrip

    def runtest(self) -> None:
        failure = run_case(self.transcript, self.case, roundtrip=self.roundtrip)
        if failure is not None:
            raise TranscriptFailed(failure)

    def repr_failure(self, excinfo, style=None):
        if isinstance(excinfo.value, TranscriptFailed):
            return str(excinfo.value.failure)
        return super().repr_failure(excinfo, style=style)

    def reportinfo(self):
        return self.path, self.case.line - 1, f"{self.path.name}: {self.name}"
