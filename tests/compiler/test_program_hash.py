"""The program hash names what a program does: it ignores the source map, not behaviour."""

from __future__ import annotations

from flowlang.compiler import compile_source

BASE = 'flow demo "Demo"\n\nstart:\n    send "Hi"\n    wait for reply as answer\n    goto start\n'


def hash_of(source: str, path: str = "t.flow") -> str:
    result = compile_source(source, path)
    assert result.program is not None, result.diagnostics
    return result.program.hash


def test_same_source_same_hash():
    assert hash_of(BASE) == hash_of(BASE)


def test_comments_and_blank_lines_do_not_change_the_hash():
    moved = "# a comment\n\n" + BASE.replace("start:\n", "\n\nstart:  # the beginning\n")
    assert hash_of(moved) == hash_of(BASE)


def test_the_file_path_does_not_change_the_hash():
    assert hash_of(BASE, "a.flow") == hash_of(BASE, "elsewhere/b.flow")


def test_indentation_style_does_not_change_the_hash():
    assert hash_of(BASE.replace("    ", "\t")) == hash_of(BASE)


def test_a_changed_message_changes_the_hash():
    assert hash_of(BASE.replace('"Hi"', '"Hello"')) != hash_of(BASE)


def test_a_changed_result_name_changes_the_hash():
    assert hash_of(BASE.replace("as answer", "as reply")) != hash_of(BASE)


def test_an_added_statement_changes_the_hash():
    assert hash_of(BASE.replace("    goto start\n", '    send "x"\n    goto start\n')) != hash_of(BASE)


def test_a_renamed_node_changes_the_hash():
    assert hash_of(BASE.replace("start", "begin")) != hash_of(BASE)


def test_the_title_changes_the_hash():
    assert hash_of(BASE.replace('"Demo"', '"Other"')) != hash_of(BASE)


def test_the_hash_is_stable_across_a_json_round_trip():
    from flowlang.compiler import Program

    program = compile_source(BASE).program
    assert Program.from_json(program.to_json()).compute_hash() == program.hash
