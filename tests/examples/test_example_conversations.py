"""Every example flow runs through its transcript, in memory and with the session saved
and loaded between every two messages."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowlang.compiler import compile_path
from flowlang.testing.transcript import load_transcript, run_case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TRANSCRIPTS = sorted(EXAMPLES.glob("*.transcript"))
FLOWS = sorted(EXAMPLES.glob("*.flow"))


def _cases():
    for path in TRANSCRIPTS:
        transcript = load_transcript(path)
        for case in transcript.cases:
            for roundtrip in (False, True):
                mode = "saved-and-loaded" if roundtrip else "in-memory"
                yield pytest.param(transcript, case, roundtrip, id=f"{path.stem}: {case.name} [{mode}]")


@pytest.mark.parametrize("transcript, case, roundtrip", list(_cases()))
def test_conversation(transcript, case, roundtrip):
    failure = run_case(transcript, case, roundtrip=roundtrip)
    assert failure is None, str(failure)


@pytest.mark.parametrize("flow", FLOWS, ids=lambda p: p.name)
def test_every_example_compiles_cleanly(flow):
    result = compile_path(flow)
    assert result.program is not None, "\n".join(d.format(result.source) for d in result.diagnostics)
    assert not result.warnings, "\n".join(d.format(result.source) for d in result.warnings)


@pytest.mark.parametrize("flow", FLOWS, ids=lambda p: p.name)
def test_every_example_has_a_transcript(flow):
    flows_with_transcripts = {load_transcript(t).cases[0].setup.flow for t in TRANSCRIPTS}
    assert flow.name in flows_with_transcripts, f"write examples/{flow.stem}.transcript"


def test_the_order_status_transcript_covers_every_branch():
    transcript = load_transcript(EXAMPLES / "order_status.transcript")
    categories = {
        step.text.partition("=")[2].strip()
        for case in transcript.cases
        for step in case.steps
        if step.kind == "result" and step.text.startswith(("status.category", "order_webhook.category", "pedido.category"))
    }
    assert {"Shipped", "Pending", "Cancelled", "Other", "Failure", "No Response"} <= categories
