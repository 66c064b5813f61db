"""Word rules: has_any_word, has_all_words, has_phrase, has_only_phrase.

Text and words are split into words (`flowlang.rules.tokens`), words are compared under the
environment's input collation (`flowlang.env.collation`), and the value is the matching words
of the text as typed, in the text's order, joined by single spaces.
"""

from __future__ import annotations

import functools

from flowlang.env.collation import transformer
from flowlang.expressions.values import XError
from flowlang.rules.arguments import as_texts
from flowlang.rules.registry import RuleMatch, rule
from flowlang.rules.tokens import tokenize


@functools.lru_cache(maxsize=1024)
def _test_words(collation: str, words: str) -> tuple[str, ...]:
    # a case's words are usually the same for every message, so they are split and folded once
    fold = transformer(collation)
    return tuple(fold(t) for t in tokenize(words.strip()))


def _tokens(env, operand, words):
    """(text words as typed, text words collated, test words collated) or an error."""
    texts = as_texts(operand, words)
    if isinstance(texts, XError):
        return texts
    typed = tokenize(texts[0].strip())
    return typed, fold_all(env.input_collation, typed), _test_words(env.input_collation, texts[1])


def fold_all(collation: str, words: list[str]) -> list[str]:
    """Every word in its collated form. The transforms work character by character and leave
    NUL alone (no word contains it), so the words are folded in one call on the joined text."""
    fold = transformer(collation)
    folded = fold("\x00".join(words)).split("\x00")
    if len(folded) != len(words):  # pragma: no cover - defensive: fall back to one at a time
        folded = [fold(w) for w in words]
    return folded


def _match(words: list[str]) -> RuleMatch:
    text = " ".join(words)
    return RuleMatch(text, text)


@rule("has_any_word", 1)
def has_any_word(env, operand, words):
    """Matches if any of `words` is in the text; the value is every matching word of the text.

    `has_any_word("The Quick Brown Fox", "fox quick")` -> `Quick Fox`."""
    split = _tokens(env, operand, words)
    if isinstance(split, XError):
        return split
    typed, hays, pins = split
    wanted = frozenset(pins)
    found = [word for word, hay in zip(typed, hays) if hay in wanted]
    return _match(found) if found else None


@rule("has_all_words", 1)
def has_all_words(env, operand, words):
    """Matches if every one of `words` is in the text, in any order; the value is every
    matching word of the text.

    `has_all_words("the quick brown FOX", "the fox")` -> `the FOX`."""
    split = _tokens(env, operand, words)
    if isinstance(split, XError):
        return split
    typed, hays, pins = split
    wanted = frozenset(pins)
    if not wanted.issubset(hays):
        return None
    return _match([word for word, hay in zip(typed, hays) if hay in wanted])


@rule("has_phrase", 1)
def has_phrase(env, operand, phrase):
    """Matches if the words of `phrase` appear in the text in order with nothing between them;
    an empty phrase always matches (with an empty value).

    `has_phrase("the quick brown fox", "brown fox")` -> `brown fox`."""
    split = _tokens(env, operand, phrase)
    if isinstance(split, XError):
        return split
    typed, hays, pins = split
    if not pins:
        return RuleMatch("", "")
    # goflow's scan: a mismatch restarts the phrase at the *next* word, without retrying the
    # mismatching word as the phrase's first word ("a a b" has no phrase "a b"). Kept for fidelity.
    position = 0
    found: list[str] = []
    for i, hay in enumerate(hays):
        if hay == pins[position]:
            found.append(typed[i])
            position += 1
            if position == len(pins):
                return _match(found)
        else:
            position = 0
            found = []
    return None


@rule("has_only_phrase", 1)
def has_only_phrase(env, operand, phrase):
    """Matches if the text is exactly the words of `phrase` (any case, any punctuation).

    `has_only_phrase("Quick, brown!", "quick brown")` -> `Quick brown`."""
    split = _tokens(env, operand, phrase)
    if isinstance(split, XError):
        return split
    typed, hays, pins = split
    if len(hays) != len(pins) or any(h != p for h, p in zip(hays, pins)):
        return None
    return _match(typed)
