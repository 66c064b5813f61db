"""`flowlang compile` and `flowlang disasm`."""

from __future__ import annotations

from flowlang.compiler.program import Program


def test_compile_writes_a_loadable_program(flowlang, examples, tmp_path):
    out = tmp_path / "order.flowc"
    result = flowlang("compile", examples / "order_status.flow", "-o", out)
    assert result.exit_code == 0, result.output
    program = Program.from_json(out.read_text())
    assert program.flow_id == "order_status"
    assert str(out) in result.stderr


def test_compile_defaults_to_the_flowc_beside_the_source(flowlang, examples, tmp_path):
    source = tmp_path / "order_status.flow"
    source.write_text((examples / "order_status.flow").read_text())
    assert flowlang("compile", source).exit_code == 0
    assert (tmp_path / "order_status.flowc").is_file()


def test_compile_errors_write_nothing(flowlang, tmp_path):
    source = tmp_path / "bad.flow"
    source.write_text('flow bad "Bad"\n\nstart:\n    goto nowhere\n')
    result = flowlang("compile", source)
    assert result.exit_code == 1
    assert f"{source}:4:10: error:" in result.stderr
    assert not (tmp_path / "bad.flowc").exists()


def test_compile_to_an_unwritable_place_is_one_line(flowlang, examples, tmp_path):
    result = flowlang("compile", examples / "order_status.flow", "-o", tmp_path / "no" / "such" / "dir.flowc")
    assert result.exit_code == 1
    assert "cannot write the program" in result.stderr and "Traceback" not in result.output


def test_disasm_of_source_shows_instructions_and_lines(flowlang, examples):
    result = flowlang("disasm", examples / "order_status.flow")
    assert result.exit_code == 0
    assert "WEBHOOK" in result.stdout and "ROUTE" in result.stdout
    assert 'send "Hi @contact.first_name! What is your order number?"' in result.stdout


def test_disasm_of_a_compiled_program(flowlang, examples, tmp_path):
    out = tmp_path / "order.flowc"
    flowlang("compile", examples / "order_status.flow", "-o", out)
    result = flowlang("disasm", out)
    assert result.exit_code == 0
    assert "WEBHOOK" in result.stdout


def test_disasm_of_a_corrupt_program_is_one_line(flowlang, tmp_path):
    for name, content in [("junk.flowc", "not json"), ("other.flowc", '{"format": "x"}'), ("bin.flowc", "\x00\x01")]:
        path = tmp_path / name
        path.write_text(content)
        result = flowlang("disasm", path)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"{path}:1:1: error: ") and len(result.stderr.strip().splitlines()) == 1


def test_a_missing_compiled_program(flowlang, tmp_path):
    result = flowlang("disasm", tmp_path / "nope.flowc")
    assert (result.exit_code, result.stderr.strip()) == (1, f"{tmp_path / 'nope.flowc'}:1:1: error: no such file")
