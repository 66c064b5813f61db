"""What a file may look like around its statements: comments, blank lines, line endings."""

from __future__ import annotations

from flowlang.syntax import ast, parse


def parse_ok(source: str) -> ast.FlowFile:
    flow, diagnostics = parse(source, "t.flow")
    assert diagnostics == []
    assert flow is not None
    return flow


def shape(flow: ast.FlowFile) -> list[tuple[str, list[str]]]:
    return [(n.label.text, [type(s).__name__ for s in n.statements]) for n in flow.nodes]


PLAIN = 'flow demo "Demo"\n\nstart:\n    send "a"\n    end\n'


def test_comments_everywhere_are_ignored():
    source = (
        "# a comment before the header\n"
        'flow demo "Demo"  # after the header\n'
        "# between header and node\n"
        "start:  # after a label\n"
        "    # inside a node, before a statement\n"
        '    send "a # not a comment inside a string"  # after a statement\n'
        "# at column 1 inside a node\n"
        "    end\n"
        "# at the end\n"
    )
    flow = parse_ok(source)
    assert shape(flow) == [("start", ["Send", "End"])]
    assert flow.nodes[0].statements[0].text.value == "a # not a comment inside a string"


def test_comments_inside_webhook_options_and_match_cases():
    source = (
        'flow demo "Demo"\nstart:\n'
        '    webhook GET "https://example.com"  # call\n'
        "        # an option comment\n"
        "        on failure -> start  # why\n"
        "    match @input\n"
        "        # a case comment\n"
        "        other -> start  # fallback\n"
    )
    assert shape(parse_ok(source)) == [("start", ["Webhook", "Match"])]


def test_blank_lines_anywhere_are_ignored():
    source = '\n\nflow demo "Demo"\n\n\n\nstart:\n\n    send "a"\n\n\n    end\n\n\nnext:\n\n    end\n\n'
    assert shape(parse_ok(source)) == [("start", ["Send", "End"]), ("next", ["End"])]


def test_blank_lines_with_trailing_spaces_are_ignored():
    source = 'flow demo "Demo"\n   \nstart:\n    send "a"\n        \n    end\n'
    assert shape(parse_ok(source)) == [("start", ["Send", "End"])]


def test_crlf_line_endings_parse_like_lf():
    assert shape(parse_ok(PLAIN.replace("\n", "\r\n"))) == shape(parse_ok(PLAIN))


def test_crlf_keeps_line_numbers():
    flow = parse_ok(PLAIN.replace("\n", "\r\n"))
    assert flow.nodes[0].statements[1].span.line == 5


def test_missing_trailing_newline_is_accepted():
    assert shape(parse_ok(PLAIN.rstrip("\n"))) == shape(parse_ok(PLAIN))


def test_missing_trailing_newline_after_a_comment_is_accepted():
    assert shape(parse_ok(PLAIN + "# last line")) == shape(parse_ok(PLAIN))


def test_tabs_alone_are_a_valid_indentation():
    assert shape(parse_ok('flow demo\nstart:\n\tsend "a"\n\tend\n')) == [("start", ["Send", "End"])]


def test_any_consistent_indent_width_works():
    assert shape(parse_ok('flow demo\nstart:\n  send "a"\n  end\n')) == [("start", ["Send", "End"])]


def test_a_backslash_continues_a_line():
    flow = parse_ok('flow demo\nstart:\n    send \\\n        "a"\n')
    assert flow.nodes[0].statements[0].text.value == "a"


def test_path_is_recorded_on_the_tree_and_its_spans():
    flow, _ = parse(PLAIN, "flows/demo.flow")
    assert flow.path == "flows/demo.flow"
    assert flow.nodes[0].label.span.path == "flows/demo.flow"
