"""Whatever the input, the command line answers with diagnostics, never a traceback."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flowlang.host.fixtures import FixtureError, parse_fixtures
from flowlang.testing.transcript import TranscriptSyntaxError, parse_transcript

SETTINGS = settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])

flow_like = st.lists(
    st.sampled_from([
        'flow f "F"\n', "start:\n", "    send \"hi @contact.name\"\n", "    wait for reply as x\n",
        "    goto start\n", "    end\n", "    match @input\n", "        has_number -> start\n",
        "        other -> start\n", "\t", "    webhook GET \"http://x\"\n", '"', "@(", "\n", "\x00", "é",
    ]),
    max_size=12,
).map("".join)

json_like = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(
        st.sampled_from(["url", "url_pattern", "method", "status", "json", "body", "headers", "delay_ms", "x"]),
        children, max_size=4),
    max_leaves=10,
)


@SETTINGS
@given(source=st.one_of(flow_like, st.binary(max_size=200).map(lambda b: b.decode("latin-1"))))
def test_check_and_disasm_of_anything(flowlang, tmp_path, source):
    path = tmp_path / "any.flow"
    path.write_bytes(source.encode("utf-8", errors="surrogateescape"))
    assert flowlang("check", path).exit_code in (0, 1)
    assert flowlang("disasm", path).exit_code in (0, 1)
    compiled = tmp_path / "any.flowc"
    compiled.write_bytes(source.encode("utf-8", errors="surrogateescape"))
    assert flowlang("disasm", compiled).exit_code == 1


@SETTINGS
@given(replies=st.lists(st.text(max_size=20).filter(lambda t: "\n" not in t and "\r" not in t), max_size=5))
def test_run_with_any_replies(flowlang, examples, replies):
    result = flowlang(
        "run", examples / "order_status.flow", "--webhook-fixtures", examples / "order_status.fixtures.json",
        input="".join(r + "\n" for r in replies),
    )
    assert result.exit_code == 0, result.output


@settings(max_examples=200)
@given(data=json_like)
def test_fixtures_are_parsed_or_explained(data):
    try:
        parse_fixtures(data)
    except FixtureError:
        pass


@settings(max_examples=200)
@given(text=st.lists(st.sampled_from([
    "=== a\n", "bot: hi\n", "user: x\n", "timeout\n", "  more\n", "contact: a=b\n", "contact: a\n", 'global: "\n',
    "now: 2024-01-01\n", "now: x\n", "result: a = b\n", "buttons: [a]\n", "webhook: GET u -> 200\n", "# c\n", "???\n",
]), max_size=10).map("".join))
def test_transcripts_are_parsed_or_explained(text):
    try:
        parse_transcript(text)
    except TranscriptSyntaxError:
        pass
