"""The docstring examples of the public API run."""

from __future__ import annotations

import doctest

import pytest

import flowlang.expressions
import flowlang.expressions.template

# the package re-exports compile_template & co., so its docstrings are collected once, here
_MODULES = [flowlang.expressions, flowlang.expressions.template]


@pytest.mark.parametrize("module", _MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module):
    failures, tried = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert tried > 0 and failures == 0
