"""Word rules: has_any_word, has_all_words, has_phrase, has_only_phrase.

Text and words are split into words (`flowlang.rules.tokens`), words are compared under the
environment's input collation (`flowlang.env.collation`), and the value is the matching words
of the text as typed, in the text's order, joined by single spaces.
"""

from __future__ import annotations

from flowlang.env.collation import transformer
from flowlang.expressions.values import XError
from flowlang.rules.arguments import as_texts
from flowlang.rules.registry import RuleMatch, rule
from flowlang.rules.tokens import tokenize


def _tokens(env, operand, words):
    """(text words as typed, text words collated, test words collated) or an error."""
    texts = as_texts(operand, words)
    if isinstance(texts, XError):
        return texts
    fold = transformer(env.input_collation)
    typed = tokenize(texts[0].strip())
    return typed, [fold(t) for t in typed], [fold(t) for t in tokenize(texts[1].strip())]


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
    wanted = set(pins)
    found = [typed[i] for i, hay in enumerate(hays) if hay in wanted]
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
    wanted = set(pins)
    if not wanted.issubset(hays):
        return None
    return _match([typed[i] for i, hay in enumerate(hays) if hay in wanted])


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
    if hays != pins:
        return None
    return _match(typed)
