"""Every example in docs/functions.md runs through the template evaluator: the reference
cannot drift from the implementation."""

from __future__ import annotations

import re

import pytest

from flowlang.expressions import evaluate_template
from flowlang.expressions.registry import FUNCTIONS

from functions_testenv import REPO, doc_environment

DOC = REPO / "docs" / "functions.md"
_EXAMPLE = re.compile(r"^`(@.*)` → (?:`(.*)`|(ERROR)|(\(empty\)))$")


def examples() -> list[tuple[str, str | None]]:
    """(template, expected output) for each example line; None means an error is expected."""
    found = []
    for line in DOC.read_text(encoding="utf-8").splitlines():
        match = _EXAMPLE.match(line)
        if match:
            template, output, error, empty = match.groups()
            found.append((template, None if error else "" if empty else output))
    return found


def test_the_page_has_examples():
    assert len(examples()) > 200


@pytest.mark.parametrize("template, expected", examples(), ids=[t for t, _ in examples()])
def test_documented_example(template, expected):
    output, errors = evaluate_template(template, {}, doc_environment())
    if expected is None:
        assert errors, f"{template} should report an error, gave {output!r}"
    else:
        assert errors == [], errors
        assert output == expected


def test_every_library_function_is_documented():
    text = DOC.read_text(encoding="utf-8")
    documented = set(re.findall(r"^### (\w+)\(", text, re.M))
    library = {name for name, spec in FUNCTIONS.items()
               if spec.impl.__module__.startswith("flowlang.expressions.functions") and not spec.legacy}
    assert library - documented == set()
