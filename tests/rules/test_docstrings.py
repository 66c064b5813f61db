"""The examples in the rules' module docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ["flowlang.rules", "flowlang.rules.tokens", "flowlang.env.collation", "flowlang.env.numbers"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    failures, attempted = doctest.testmod(importlib.import_module(name))
    assert attempted > 0 and failures == 0
