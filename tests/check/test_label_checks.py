"""Labels, jumps and reachability: what flowlang.check says about control flow."""

from __future__ import annotations

from flowlang.compiler import compile_source

HEAD = 'flow demo "Demo"\n\n'


def diagnostics(body: str) -> list[tuple[str, int, int]]:
    result = compile_source(HEAD + body, "t.flow")
    return [(d.code, d.span.line, d.span.column) for d in result.diagnostics]


def the_diagnostic(body: str, code: str):
    result = compile_source(HEAD + body, "t.flow")
    found = [d for d in result.diagnostics if d.code == code]
    assert len(found) == 1, result.diagnostics
    return found[0]


def test_goto_an_unknown_label_points_at_the_name():
    d = the_diagnostic("start:\n    goto strat\n", "FL010")
    assert (d.span.line, d.span.column, d.span.end_column) == (4, 10, 15)
    assert "'strat'" in d.message
    assert d.hint == "did you mean 'start'?"


def test_unknown_label_without_a_close_match_lists_the_labels():
    d = the_diagnostic("start:\n    goto zzzzzz\n", "FL010")
    assert d.hint == "labels defined here: start"


def test_unknown_labels_in_every_kind_of_jump():
    body = (
        "start:\n"
        "    wait for reply timeout 1m -> nowhere1\n"          # line 4
        '    webhook GET "https://example.com"\n'
        "        on success -> nowhere2\n"                      # line 6
        "        on failure -> nowhere3\n"                      # line 7
        "    match @input\n"
        '        has_text -> nowhere4\n'                        # line 9
        "        other -> nowhere5\n"                           # line 10
    )
    assert [line for code, line, _ in diagnostics(body) if code == "FL010"] == [4, 6, 7, 9, 10]


def test_duplicate_label_points_at_the_second_and_names_the_first_line():
    d = the_diagnostic('start:\n    send "a"\n\nstart:\n    send "b"\n', "FL011")
    assert (d.span.line, d.span.column) == (6, 1)
    assert "line 3" in d.message


def test_statement_after_goto_is_unreachable():
    body = "start:\n    goto start\n    send \"never\"\n"
    assert ("FL040", 5, 5) in diagnostics(body)


def test_statement_after_end_is_unreachable_and_only_the_first_is_reported():
    body = 'start:\n    end\n    send "a"\n    send "b"\n'
    assert [c for c in diagnostics(body) if c[0] == "FL040"] == [("FL040", 5, 5)]


def test_statement_after_a_match_with_other_is_unreachable():
    body = 'start:\n    match @input\n        other -> start\n    send "never"\n'
    assert ("FL040", 6, 5) in diagnostics(body)


def test_statement_after_a_match_without_other_is_reachable():
    body = 'start:\n    match @input\n        has_text -> start\n    send "maybe"\n'
    assert diagnostics(body) == []


def test_statement_after_a_webhook_with_both_outcomes_is_unreachable():
    body = (
        'start:\n    webhook GET "https://example.com"\n        on success -> start\n'
        '        on failure -> start\n    send "never"\n'
    )
    assert ("FL040", 7, 5) in diagnostics(body)


def test_statement_after_a_webhook_with_one_outcome_is_reachable():
    body = 'start:\n    webhook GET "https://example.com"\n        on failure -> start\n    send "ok"\n'
    assert diagnostics(body) == []


def test_node_nothing_leads_to_is_unreachable():
    body = "start:\n    end\n\nlost:\n    end\n"
    d = the_diagnostic(body, "FL041")
    assert (d.span.line, d.span.column) == (6, 1)
    assert "'lost'" in d.message


def test_fall_through_reaches_the_next_node():
    assert diagnostics('start:\n    send "a"\n\nnext:\n    end\n') == []


def test_a_node_reached_only_from_an_unreachable_node_is_unreachable_too():
    body = "start:\n    end\n\nlost:\n    goto also_lost\n\nalso_lost:\n    end\n"
    assert [c[:2] for c in diagnostics(body) if c[0] == "FL041"] == [("FL041", 6), ("FL041", 9)]


def test_a_node_that_only_jumps_to_itself_is_still_unreachable():
    body = "start:\n    end\n\nloop:\n    goto loop\n"
    assert [c[:2] for c in diagnostics(body)] == [("FL041", 6)]


def test_jumps_from_cases_timeouts_and_outcomes_make_nodes_reachable():
    body = (
        "start:\n"
        "    wait for reply timeout 1m -> late\n"
        '    webhook GET "https://example.com"\n'
        "        on failure -> broken\n"
        "    match @input\n"
        "        has_text -> texted\n"
        "        other -> start\n"
        "late:\n    end\n"
        "broken:\n    end\n"
        "texted:\n    end\n"
    )
    assert diagnostics(body) == []


def test_warnings_do_not_stop_compilation():
    result = compile_source(HEAD + 'start:\n    end\n    send "never"\n\nlost:\n    end\n', "t.flow")
    assert [d.code for d in result.diagnostics] == ["FL040", "FL041"]
    assert result.errors == ()
    assert result.program is not None


def test_errors_stop_compilation():
    result = compile_source(HEAD + "start:\n    goto nowhere\n", "t.flow")
    assert result.program is None
    assert [d.code for d in result.errors] == ["FL010"]
