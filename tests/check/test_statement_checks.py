"""What each statement may say: durations, methods, webhook options, set scopes, match cases."""

from __future__ import annotations

import pytest

from flowlang.compiler import compile_source

HEAD = 'flow demo "Demo"\n\n'


def found(body: str) -> list:
    return list(compile_source(HEAD + "start:\n" + body, "t.flow").diagnostics)


def the(body: str, code: str):
    ds = found(body)
    assert [d.code for d in ds] == [code], ds
    return ds[0]


def where(d) -> tuple[int, int, int]:
    return d.span.line, d.span.column, d.span.end_column


# -- durations ------------------------------------------------------------------------------


def test_bad_duration_unit_names_the_unit():
    d = the("    wait for reply timeout 10x -> start\n", "FL012")
    assert where(d) == (4, 28, 31)
    assert "'x'" in d.message
    assert "10m" in d.hint


@pytest.mark.parametrize("duration", ["1s", "90s", "10m", "2h", "7d", "30d"])
def test_wait_durations_in_range_are_accepted(duration):
    assert found(f"    wait for reply timeout {duration} -> start\n") == []


@pytest.mark.parametrize("duration", ["0s", "0m", "31d", "721h"])
def test_wait_durations_out_of_range(duration):
    d = the(f"    wait for reply timeout {duration} -> start\n", "FL018")
    assert where(d)[:2] == (4, 28)
    assert "30 days" in d.hint


def test_webhook_timeout_over_an_hour_is_out_of_range():
    d = the('    webhook GET "https://example.com"\n        timeout 2h\n', "FL018")
    assert where(d) == (5, 17, 19)
    assert "1 hour" in d.hint


def test_webhook_timeout_with_bad_unit():
    assert where(the('    webhook GET "https://example.com"\n        timeout 5y\n', "FL012")) == (5, 17, 19)


# -- webhooks -------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"])
def test_known_methods(method):
    assert found(f'    webhook {method} "https://example.com"\n') == []


def test_unknown_method():
    d = the('    webhook FETCH "https://example.com"\n', "FL013")
    assert where(d) == (4, 13, 18)
    assert "GET" in d.hint


def test_lowercase_method_asks_for_capitals():
    d = the('    webhook post "https://example.com"\n', "FL013")
    assert "POST" in d.message


def test_unknown_webhook_outcome():
    d = the('    webhook GET "https://example.com"\n        on done -> start\n', "FL014")
    assert where(d) == (5, 12, 16)


def test_outcome_given_twice():
    d = the('    webhook GET "https://example.com"\n        on failure -> start\n        on failure -> start\n', "FL017")
    assert d.span.line == 6


def test_body_given_twice():
    d = the('    webhook POST "https://example.com"\n        body "a"\n        body "b"\n', "FL017")
    assert d.span.line == 6


def test_timeout_given_twice():
    d = the('    webhook POST "https://example.com"\n        timeout 5s\n        timeout 6s\n', "FL017")
    assert where(d) == (6, 17, 19)


# -- set ------------------------------------------------------------------------------------


def test_unknown_set_scope():
    d = the('    set run.x = "1"\n', "FL015")
    assert where(d) == (4, 9, 12)
    assert "contact.FIELD" in d.hint


@pytest.mark.parametrize("target", ["flow.x", "contact.name", "contact.language", "contact.age"])
def test_known_set_scopes(target):
    assert found(f'    set {target} = "1"\n') == []


# -- match ----------------------------------------------------------------------------------


def test_two_others():
    d = the("    match @input\n        other -> start\n        other -> start\n", "FL016")
    assert where(d)[:2] == (6, 9)


def test_unknown_rule_suggests_the_closest():
    d = the('    match @input\n        has_al_words "x" -> start\n', "FL020")
    assert where(d) == (5, 9, 21)
    assert d.hint == "did you mean 'has_all_words'?"


def test_unknown_rule_without_a_close_match_points_to_the_docs():
    assert "docs/rules.md" in the("    match @input\n        zzzzzzzz -> start\n", "FL020").hint


def test_too_few_arguments():
    d = the("    match @input\n        has_number_between 1 -> start\n", "FL021")
    assert d.message == "has_number_between takes 2 arguments, not 1"
    assert where(d)[:2] == (5, 9)


def test_too_many_arguments():
    d = the('    match @input\n        has_text "x" -> start\n', "FL021")
    assert "not 1" in d.message


def test_invalid_literal_regex_points_at_the_argument():
    d = the('    match @input\n        has_pattern "(unclosed" -> start\n', "FL022")
    assert where(d) == (5, 21, 32)


def test_a_regex_with_a_reference_is_not_checked_at_compile_time():
    assert [d.code for d in found('    set flow.x = "("\n    match @input\n        has_pattern "@flow.x" -> start\n')] == []


def test_deprecated_rule_is_a_warning_and_still_compiles():
    result = compile_source(
        HEAD + 'start:\n    match @input\n        has_intent "greet" 0.5 -> start\n        other -> start\n', "t.flow",
    )
    assert [d.code for d in result.diagnostics] == ["FL023"]
    assert result.diagnostics[0].severity == "warning"
    assert result.program is not None
