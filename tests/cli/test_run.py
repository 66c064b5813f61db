"""`flowlang run`: the terminal simulator, scripted through stdin."""

from __future__ import annotations

import json

FIXTURES = "order_status.fixtures.json"


def run_order_status(flowlang, examples, replies: str, *extra: str):
    return flowlang(
        "run", examples / "order_status.flow", "--webhook-fixtures", examples / FIXTURES,
        "--contact", "name=Ben Mwangi", *extra, input=replies,
    )


def test_a_scripted_conversation(flowlang, examples):
    result = run_order_status(flowlang, examples, "CU001\n")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == 'flow order_status "Order Status Checker" (' + str(examples / "order_status.flow") + ")"
    assert "  bot > Hi Ben! What is your order number?" in lines
    assert "  you > CU001" in lines
    webhook = next(line for line in lines if "<->" in line)
    assert "POST https://shop.example.com/api/orders/CU001 -> 200 (" in webhook and webhook.endswith(" ms)")
    assert any("saved @flow.status = Shipped: 'Shipped'" in line for line in lines)
    assert lines[-2].startswith("  bot > Good news, Ben! Order CU001")
    assert lines[-1] == "  ## session completed"


def test_order_of_events(flowlang, examples):
    lines = run_order_status(flowlang, examples, "CU500\n").stdout.splitlines()
    marks = [line.split()[0] for line in lines if line.split() and line.split()[0] in ("bot", "you", "<->", "##")]
    assert marks == ["bot", "you", "<->", "bot", "##"]
    assert any("-> 500" in line for line in lines)


def test_timeout_command_fires_the_wait_timeout(flowlang, examples):
    result = run_order_status(flowlang, examples, "/timeout\n")
    assert "I didn't hear back from you." in result.stdout
    assert result.stdout.splitlines()[-1] == "  ## session completed"


def test_input_ending_leaves_the_session_waiting(flowlang, examples):
    result = run_order_status(flowlang, examples, "CU007\n")
    assert result.exit_code == 0
    assert "which I don't understand" in result.stdout
    assert result.stdout.splitlines()[-1] == "  (input ended; the session is still waiting for a reply)"


def test_quit_stops_early(flowlang, examples):
    result = run_order_status(flowlang, examples, "/quit\nCU001\n")
    assert result.exit_code == 0 and "CU001" not in result.stdout


def test_globals_reach_the_webhook_and_verbose_shows_the_exchange(flowlang, examples):
    result = run_order_status(flowlang, examples, "CU001\n", "--global", "shop_token=s3cret", "--verbose")
    assert "Authorization: Token s3cret" in result.stdout
    assert "HTTP/1.1 200 OK" in result.stdout
    assert "error evaluating" not in result.stdout


def test_missing_global_is_reported_not_fatal(flowlang, examples):
    result = run_order_status(flowlang, examples, "CU001\n")
    assert "shop_token" in result.stdout and result.exit_code == 0


def test_contact_fields_and_language(flowlang, tmp_path):
    flow = tmp_path / "hello.flow"
    flow.write_text('flow hello "Hello"\n\nstart:\n    send "@contact.name speaks @contact.language in @contact.fields.city"\n    end\n')
    result = flowlang("run", flow, "--contact", "name=Ana", "--contact", "language=por", "--contact", "fields.city=Maputo", input="")
    assert "  bot > Ana speaks por in Maputo" in result.stdout.splitlines()


def test_run_a_compiled_program(flowlang, examples, tmp_path):
    out = tmp_path / "order.flowc"
    flowlang("compile", examples / "order_status.flow", "-o", out)
    result = flowlang("run", out, "--webhook-fixtures", examples / FIXTURES, input="CU003\n")
    assert "Order CU003 was cancelled." in result.stdout


def test_a_real_connection_failure_takes_the_failure_route(flowlang, tmp_path, closed_port_url):
    flow = tmp_path / "ping.flow"
    flow.write_text(
        f'flow ping "Ping"\n\nstart:\n    webhook GET "{closed_port_url}" as ping\n        on failure -> down\n'
        '    send "up"\n    end\n\ndown:\n    send "down: @flow.ping"\n    end\n'
    )
    result = flowlang("run", flow, input="")
    assert "no response: connection error" in result.stdout
    assert "  bot > down: 0" in result.stdout.splitlines()


def test_bad_options_are_usage_errors(flowlang, examples):
    result = flowlang("run", examples / "order_status.flow", "--contact", "nameBen", input="")
    assert result.exit_code == 2 and "expected KEY=VALUE" in result.output
    result = flowlang("run", examples / "order_status.flow", "--timezone", "Mars/Olympus", input="")
    assert result.exit_code == 2 and "unknown timezone" in result.output


def test_bad_fixture_files_are_one_line(flowlang, examples, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps([{"url": "x", "stauts": 200}]))
    result = flowlang("run", examples / "order_status.flow", "--webhook-fixtures", broken, input="")
    assert result.exit_code == 1
    assert result.stderr.strip() == f"error: {broken}: fixture 1: unknown key 'stauts' (known: body, comment, delay_ms, headers, json, method, status, url, url_pattern)"
    result = flowlang("run", examples / "order_status.flow", "--webhook-fixtures", tmp_path / "none.json", input="")
    assert result.exit_code == 1 and "cannot read fixtures file" in result.stderr


def test_a_flow_with_errors_does_not_run(flowlang, tmp_path):
    flow = tmp_path / "bad.flow"
    flow.write_text('flow bad "Bad"\n\nstart:\n    goto nowhere\n')
    result = flowlang("run", flow, input="")
    assert result.exit_code == 1 and f"{flow}:4:10: error:" in result.stderr and result.stdout == ""


def test_quick_replies_are_shown(flowlang, tmp_path):
    flow = tmp_path / "q.flow"
    flow.write_text('flow q "Q"\n\nstart:\n    send "Ready?" quick_replies ["Yes", "No"]\n    end\n')
    result = flowlang("run", flow, input="")
    assert "        [Yes] [No]" in result.stdout.splitlines()


def test_a_failed_session_exits_1_and_says_why_once(flowlang, tmp_path):
    flow = tmp_path / "loop.flow"
    flow.write_text('flow loop "Loop"\n\nstart:\n    send "again"\n    goto start\n')
    result = flowlang("run", flow, input="")
    assert result.exit_code == 1
    last = result.stdout.splitlines()[-1]
    assert last.startswith("  ## session failed: ")
    assert result.stdout.count(last.removeprefix("  ## session failed: ")) == 1


def test_replies_that_are_not_utf8_do_not_crash(flowlang, examples):
    result = flowlang(
        "run", examples / "order_status.flow", "--webhook-fixtures", examples / FIXTURES, input=b"CU\xff01\n"
    )
    assert result.exit_code == 0
    assert "  you > CU\ufffd01" in result.stdout.splitlines()


def test_a_reply_to_an_unanswerable_timeout_is_reported_and_reading_goes_on(flowlang, tmp_path):
    flow = tmp_path / "ask.flow"
    flow.write_text('flow ask "Ask"\n\nstart:\n    wait for reply as x\n    send "got @flow.x"\n    end\n')
    result = flowlang("run", flow, input="/timeout\nhello\n")
    assert "has no timeout to fire" in result.stdout
    assert "  bot > got hello" in result.stdout.splitlines()


def test_a_session_file_carries_the_conversation_across_runs(flowlang, examples, tmp_path):
    saved = tmp_path / "session.json"
    first = run_order_status(flowlang, examples, "", "--session", saved)
    assert first.exit_code == 0 and json.loads(saved.read_text())["waiting_for"] == "reply"
    second = flowlang("run", examples / "order_status.flow", "--webhook-fixtures", examples / FIXTURES,
                      "--session", saved, input="CU003\n")
    lines = second.stdout.splitlines()
    assert f"  (continuing the session saved in {saved})" in lines
    assert "Hi Ben" not in second.stdout and "Order CU003 was cancelled." in second.stdout
    assert json.loads(saved.read_text())["status"] == "completed"
    third = run_order_status(flowlang, examples, "", "--session", saved)  # an ended session starts over
    assert "Hi Ben! What is your order number?" in third.stdout


def test_a_bad_session_file_is_one_line(flowlang, examples, tmp_path):
    saved = tmp_path / "session.json"
    saved.write_text("not json")
    result = flowlang("run", examples / "order_status.flow", "--session", saved, input="")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"{saved}:1:1: error: corrupt session")
    other = tmp_path / "other.flow"
    other.write_text('flow other "Other"\n\nstart:\n    wait for reply\n    end\n')
    flowlang("run", other, "--session", saved.with_name("other.json"), input="")
    result = flowlang("run", examples / "order_status.flow", "--session", saved.with_name("other.json"), input="")
    assert result.exit_code == 1 and "another program" in result.stderr


def test_a_malformed_contact_is_an_option_error_not_a_crash():
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "flowlang", "run", "examples/order_status.flow", "--contact", "urns=x"],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2
    assert "Invalid value for --contact: contact urns must be a list" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_a_relative_webhook_url_fails_the_call_not_the_run(tmp_path):
    import json
    import subprocess
    import sys

    flow = tmp_path / "rel.flow"
    flow.write_text('flow rel "Rel"\n\nstart:\n    webhook GET "@globals.base/orders" as call\n'
                    '    send "status @flow.call"\n')
    fixtures = tmp_path / "any.json"
    fixtures.write_text(json.dumps([{"url_pattern": ".*", "status": 200, "json": {}}]))
    done = subprocess.run(
        [sys.executable, "-m", "flowlang", "run", str(flow), "--webhook-fixtures", str(fixtures)],
        capture_output=True, text=True, stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    assert "not an absolute http(s) URL" in done.stdout and "status 0" in done.stdout
