"""Every Python example in docs/embedding.md runs (from the repository root)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "docs" / "embedding.md"
BLOCKS = re.findall(r"^```python\n(.*?)^```", PAGE.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL)


def test_the_page_has_examples():
    assert len(BLOCKS) >= 5


@pytest.mark.parametrize("block", BLOCKS, ids=[f"example-{i + 1}" for i in range(len(BLOCKS))])
def test_example_runs(block, monkeypatch):
    monkeypatch.chdir(REPO)
    exec(compile(block, str(PAGE), "exec"), {"__name__": "docs_example"})


CLI_PAGE = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
CLI_BLOCKS = re.findall(r"^```(\w*)\n(.*?)^```", CLI_PAGE, re.MULTILINE | re.DOTALL)


def test_cli_page_fixtures_example_is_valid():
    from flowlang.host.fixtures import parse_fixtures
    import json

    (block,) = [text for lang, text in CLI_BLOCKS if lang == "json"]
    assert len(parse_fixtures(json.loads(block))) == 3


def test_cli_page_transcript_example_passes():
    from flowlang.testing.transcript import parse_transcript, run_case

    (block,) = [text for lang, text in CLI_BLOCKS if text.startswith("# examples/order_status.transcript")]
    transcript = parse_transcript(block, REPO / "examples" / "docs-example.transcript")
    for case in transcript.cases:
        for roundtrip in (False, True):
            assert run_case(transcript, case, roundtrip=roundtrip) is None


def test_cli_page_run_example_matches_the_simulator(flowlang, monkeypatch):
    (block,) = [text for lang, text in CLI_BLOCKS if text.startswith("$ flowlang run")]
    command, _, expected = block.partition("\n")
    expected = expected.split("\n", 1)[1]  # the continuation line of the command
    monkeypatch.chdir(REPO)
    result = flowlang("run", "examples/order_status.flow", "--webhook-fixtures", "examples/order_status.fixtures.json",
                      "--contact", "name=Ben", "--global", "shop_token=demo-token", input="CU001\n")
    timing = re.compile(r"\(\d+ ms\)")
    assert timing.sub("(N ms)", result.stdout).strip() == timing.sub("(N ms)", expected).strip()
