"""Every statement form parses to the syntax tree it says."""

from __future__ import annotations

from flowlang.syntax import ast, parse

HEAD = 'flow demo "Demo"\n\n'


def parse_ok(source: str) -> ast.FlowFile:
    flow, diagnostics = parse(source, "t.flow")
    assert diagnostics == []
    assert flow is not None
    return flow


def statements(body: str) -> tuple[ast.Statement, ...]:
    """The statements of a single node `start:` whose indented body is `body`."""
    flow = parse_ok(HEAD + "start:\n" + body)
    (node,) = flow.nodes
    return node.statements


def only(body: str) -> ast.Statement:
    (statement,) = statements(body)
    return statement


# -- header ---------------------------------------------------------------------------------


def test_header_with_title_gives_id_and_unescaped_title():
    flow = parse_ok('flow order_status "Order \\"Status\\""\n\nstart:\n    end\n')
    assert flow.header.id.text == "order_status"
    assert flow.header.title is not None
    assert flow.header.title.value == 'Order "Status"'
    assert flow.header.title.raw == '"Order \\"Status\\""'


def test_header_without_title_has_none():
    flow = parse_ok("flow demo\nstart:\n    end\n")
    assert flow.header.id.text == "demo"
    assert flow.header.title is None


def test_header_alone_is_a_flow_without_nodes():
    flow = parse_ok('flow demo "Demo"\n')
    assert flow.nodes == ()


def test_nodes_keep_their_order_and_labels():
    flow = parse_ok(HEAD + "a:\n    end\nb:\n    end\nc:\n    end\n")
    assert [n.label.text for n in flow.nodes] == ["a", "b", "c"]


# -- send -----------------------------------------------------------------------------------


def test_send_string():
    s = only('    send "Hello @contact.name"\n')
    assert isinstance(s, ast.Send)
    assert s.text.value == "Hello @contact.name"
    assert s.quick_replies == ()


def test_send_bare_reference_and_bare_expression():
    first, second = statements("    send @input.text\n    send @(1 + 2)\n")
    assert first.text.value == first.text.raw == "@input.text"
    assert second.text.value == "@(1 + 2)"


def test_send_with_quick_replies():
    s = only('    send "Ready?" quick_replies ["Yes", "No", "@flow.other"]\n')
    assert [q.value for q in s.quick_replies] == ["Yes", "No", "@flow.other"]


def test_send_with_empty_quick_replies():
    s = only('    send "Ready?" quick_replies []\n')
    assert s.quick_replies == ()


def test_quick_replies_may_span_lines_inside_brackets():
    s = only('    send "Ready?" quick_replies [\n        "Yes",\n        "No"]\n')
    assert [q.value for q in s.quick_replies] == ["Yes", "No"]


# -- wait -----------------------------------------------------------------------------------


def test_wait_plain():
    s = only("    wait for reply\n")
    assert isinstance(s, ast.Wait)
    assert (s.result, s.timeout, s.timeout_target) == (None, None, None)


def test_wait_as_name():
    s = only("    wait for reply as answer\n")
    assert s.result.text == "answer"
    assert s.timeout is None


def test_wait_with_timeout_and_target():
    s = only("    wait for reply timeout 10m -> start\n")
    assert s.result is None
    assert s.timeout.text == "10m"
    assert s.timeout_target.text == "start"


def test_wait_as_name_with_timeout():
    s = only("    wait for reply as answer timeout 2h -> start\n")
    assert (s.result.text, s.timeout.text, s.timeout_target.text) == ("answer", "2h", "start")


# -- webhook --------------------------------------------------------------------------------


def test_webhook_without_options():
    s = only('    webhook GET "https://example.com/x"\n')
    assert isinstance(s, ast.Webhook)
    assert s.method.text == "GET"
    assert s.url.value == "https://example.com/x"
    assert (s.result, s.headers, s.body, s.timeout, s.on) == (None, (), None, None, ())


def test_webhook_with_every_option():
    s = only(
        '    webhook POST "https://example.com/@flow.id" as call\n'
        '        header "Authorization" = "Token @globals.token"\n'
        '        header "X-Two" = @contact.uuid\n'
        '        body "{\\"id\\": \\"@flow.id\\"}"\n'
        "        timeout 10s\n"
        "        on success -> start\n"
        "        on failure -> start\n"
    )
    assert s.method.text == "POST"
    assert s.result.text == "call"
    assert [(h.name.value, h.value.value) for h in s.headers] == [
        ("Authorization", "Token @globals.token"), ("X-Two", "@contact.uuid"),
    ]
    assert s.body.value == '{"id": "@flow.id"}'
    assert s.timeout.text == "10s"
    assert [(o.outcome.text, o.target.text) for o in s.on] == [("success", "start"), ("failure", "start")]
    assert s.repeated_options == ()


def test_webhook_options_may_come_in_any_order():
    s = only(
        '    webhook POST "https://example.com"\n'
        "        on failure -> start\n"
        '        body "x"\n'
        '        header "A" = "b"\n'
    )
    assert s.body.value == "x"
    assert [h.name.value for h in s.headers] == ["A"]
    assert [o.outcome.text for o in s.on] == ["failure"]


def test_webhook_repeated_body_is_kept_for_the_checker():
    s = only('    webhook POST "https://example.com"\n        body "a"\n        body "b"\n')
    assert s.body.value == "a"
    assert len(s.repeated_options) == 1
    assert s.repeated_options[0].line == 6


# -- match ----------------------------------------------------------------------------------


def test_match_with_cases_and_other():
    s = only(
        "    match @input as choice\n"
        '        has_any_word "yes" -> start\n'
        "        other -> start\n"
    )
    assert isinstance(s, ast.Match)
    assert s.operand.value == "@input"
    assert s.result.text == "choice"
    (case,) = s.cases
    assert case.rule.text == "has_any_word"
    assert [a.value for a in case.arguments] == ["yes"]
    assert case.category is None
    assert case.target.text == "start"
    assert s.other.target.text == "start"
    assert s.extra_others == ()


def test_match_without_result_name_or_other():
    s = only('    match "@input"\n        has_text -> start\n')
    assert s.result is None
    assert s.other is None
    assert s.cases[0].arguments == ()


def test_case_arguments_of_every_kind():
    s = only('    match @input\n        has_any_word "a" 12 -3.5 @flow.x @(1 + 1) -> start\n')
    args = s.cases[0].arguments
    assert [type(a) for a in args] == [ast.Text, ast.Number, ast.Number, ast.Text, ast.Text]
    assert args[0].value == "a"
    assert args[1].text == "12"
    assert args[2].text == "-3.5"
    assert args[3].value == "@flow.x"
    assert args[4].value == "@(1 + 1)"


def test_case_named_category_as_a_name():
    s = only("    match @input\n        has_number as Numeric -> start\n")
    category = s.cases[0].category
    assert isinstance(category, ast.Name)
    assert category.text == "Numeric"


def test_case_named_category_as_a_string():
    s = only('    match @input\n        has_number as "Two words" -> start\n')
    category = s.cases[0].category
    assert isinstance(category, ast.Text)
    assert category.value == "Two words"


def test_other_with_category():
    s = only('    match @input\n        other as "Something else" -> start\n')
    assert s.cases == ()
    assert s.other.category.value == "Something else"


def test_second_other_is_kept_for_the_checker():
    s = only("    match @input\n        other -> start\n        other -> start\n")
    assert s.other is not None
    assert len(s.extra_others) == 1


def test_match_operand_may_be_an_expression():
    s = only("    match @(input.text & \"!\")\n        other -> start\n")
    assert s.operand.value == '@(input.text & "!")'


def test_bare_expression_holds_two_levels_of_parentheses_and_strings():
    s = only('    send @(a(b("x)")))\n')
    assert s.text.value == '@(a(b("x)")))'


def test_deeper_expression_in_a_string_parses():
    s = only('    send "@(a(b(c(d(1)))))"\n')
    assert s.text.value == "@(a(b(c(d(1)))))"


# -- set, goto, end -------------------------------------------------------------------------


def test_set_flow_result():
    s = only('    set flow.answer = "yes @input"\n')
    assert isinstance(s, ast.Set)
    assert (s.scope.text, s.name.text, s.value.value) == ("flow", "answer", "yes @input")


def test_set_contact_field_to_a_number():
    s = only("    set contact.age = 33\n")
    assert (s.scope.text, s.name.text) == ("contact", "age")
    assert isinstance(s.value, ast.Number)
    assert s.value.text == "33"


def test_set_to_a_reference_and_an_expression():
    first, second = statements("    set contact.name = @input\n    set flow.total = @(1 + 2)\n")
    assert first.value.value == "@input"
    assert second.value.value == "@(1 + 2)"


def test_set_keeps_an_unknown_scope_for_the_checker():
    s = only('    set run.x = "1"\n')
    assert s.scope.text == "run"


def test_goto():
    s = only("    goto start\n")
    assert isinstance(s, ast.Goto)
    assert s.target.text == "start"


def test_end():
    assert isinstance(only("    end\n"), ast.End)


# -- subflows -------------------------------------------------------------------------------


def test_call():
    s = only("    call confirm\n")
    assert isinstance(s, ast.Call)
    assert s.flow.text == "confirm"


def test_use_lines_come_after_the_header():
    flow = parse_ok('flow demo "Demo"\nuse std.confirm\nuse billing\n\nstart:\n    end\n')
    assert [u.dotted for u in flow.uses] == ["std.confirm", "billing"]
    assert [n.text for n in flow.uses[0].path] == ["std", "confirm"]
    assert flow.uses[0].span.line == 2


def test_a_file_without_use_has_no_uses():
    assert parse_ok(HEAD + "start:\n    end\n").uses == ()


def test_keywords_may_be_used_as_labels_and_result_names():
    flow = parse_ok(HEAD + "start:\n    wait for reply as reply\n    goto end\nend:\n    send \"done\"\n")
    assert flow.nodes[0].statements[0].result.text == "reply"
    assert [n.label.text for n in flow.nodes] == ["start", "end"]
