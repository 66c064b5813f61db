"""Speed of the word and number rules against the simplest correct inline baselines.

    python bench/rules.py [--messages 10000] [--repeat 5]

Each rule runs over the same generated messages through `RuleTest.test` (what the interpreter
calls: argument conversion, collation, match construction included). Its baseline does the same
job the plainest correct way: a precompiled regex tokenizer plus lowercase set comparisons for the
word rules, a precompiled number regex plus `Decimal` for the number rules. Prints a table with
the ratio flowlang / baseline (target: within 2x).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from decimal import Decimal, InvalidOperation

from flowlang.env.environment import Environment
from flowlang.rules import lookup
from flowlang.rules.tokens import token_pattern

VOCABULARY = (
    "yes no maybe please stop help order shipped pending cancelled the a my is of to and "
    "quick brown fox jumps lazy dog café niño straße βήτα привет مرحبا 📦 $ 🙂 don't O'Grady"
).split()
PUNCTUATION = [" ", " ", " ", ", ", ". ", "! ", "?", " - ", "..."]


def generate(count: int, seed: int = 7) -> list[str]:
    """Messages of 1-20 words, with punctuation, some numbers (grouped, signed, decimal)."""
    rng = random.Random(seed)
    messages = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 20)):
            roll = rng.random()
            if roll < 0.12:
                parts.append(rng.choice([str(rng.randint(0, 120)), f"{rng.randint(1, 999)},{rng.randint(100, 999)}",
                                         f"-{rng.randint(0, 99)}.{rng.randint(0, 99)}", f"{rng.randint(0, 9)}.5"]))
            else:
                word = rng.choice(VOCABULARY)
                parts.append(word.upper() if rng.random() < 0.2 else word)
            parts.append(rng.choice(PUNCTUATION))
        messages.append("".join(parts).strip())
    return messages


# --- baselines: the plainest correct code for each rule -------------------------------------------

TOKENS = token_pattern()


def base_any_word(text: str, words: str):
    tokens = TOKENS.findall(text.strip())
    pins = {w.lower() for w in TOKENS.findall(words.strip())}
    found = [t for t in tokens if t.lower() in pins]
    return " ".join(found) if found else None


def base_all_words(text: str, words: str):
    tokens = TOKENS.findall(text.strip())
    lowered = [t.lower() for t in tokens]
    pins = {w.lower() for w in TOKENS.findall(words.strip())}
    if not pins.issubset(lowered):
        return None
    return " ".join(t for t, low in zip(tokens, lowered) if low in pins)


def base_phrase(text: str, phrase: str):
    tokens = TOKENS.findall(text.strip())
    lowered = [t.lower() for t in tokens]
    pins = [w.lower() for w in TOKENS.findall(phrase.strip())]
    if not pins:
        return ""
    n = len(pins)
    for i in range(len(lowered) - n + 1):
        if lowered[i:i + n] == pins:
            return " ".join(tokens[i:i + n])
    return None


def base_only_phrase(text: str, phrase: str):
    tokens = TOKENS.findall(text.strip())
    pins = [w.lower() for w in TOKENS.findall(phrase.strip())]
    return " ".join(tokens) if [t.lower() for t in tokens] == pins else None


NUMBER = re.compile(r"[-+]?(?:[\d,]+(?:\.\d+)?|(?:[^0-9A-Za-z_]|^)\.\d+)")


def base_numbers(text: str):
    for candidate in NUMBER.findall(text):
        try:
            yield Decimal(candidate.strip().replace(",", ""))
        except InvalidOperation:
            continue


def base_first(text: str, accept):
    for number in base_numbers(text):
        if accept(number):
            return number
    return None


CASES = [
    ("has_any_word", ["order shipped"], lambda t: base_any_word(t, "order shipped")),
    ("has_all_words", ["quick fox"], lambda t: base_all_words(t, "quick fox")),
    ("has_phrase", ["brown fox"], lambda t: base_phrase(t, "brown fox")),
    ("has_only_phrase", ["yes"], lambda t: base_only_phrase(t, "yes")),
    ("has_number", [], lambda t: base_first(t, lambda n: True)),
    ("has_number_lt", ["50"], lambda t: base_first(t, lambda n: n < 50)),
    ("has_number_lte", ["50"], lambda t: base_first(t, lambda n: n <= 50)),
    ("has_number_eq", ["42"], lambda t: base_first(t, lambda n: n == 42)),
    ("has_number_gte", ["50"], lambda t: base_first(t, lambda n: n >= 50)),
    ("has_number_gt", ["50"], lambda t: base_first(t, lambda n: n > 50)),
    ("has_number_between", ["18", "65"], lambda t: base_first(t, lambda n: 18 <= n <= 65)),
]


def best_of_pair(repeat: int, ours, theirs) -> tuple[float, float]:
    """Best CPU time of each, interleaved so that both see the same machine load (the team's
    machine is shared; process time ignores time spent waiting for a core)."""
    best = [float("inf"), float("inf")]
    for _ in range(repeat):
        for i, run in enumerate((ours, theirs)):
            start = time.process_time()
            run()
            best[i] = min(best[i], time.process_time() - start)
    return best[0], best[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    messages = generate(options.messages)
    env = Environment()
    TOKENS.findall("warm up")
    print(f"{len(messages)} messages, best CPU time of {options.repeat} interleaved runs")
    print(f"{'rule':<20} {'flowlang ms':>12} {'baseline ms':>12} {'ratio':>6} {'matches':>8}")
    for name, args, baseline in CASES:
        test = lookup(name).test
        ours = [test(env, m, args) for m in messages]
        theirs = [baseline(m) for m in messages]
        agree = sum((a is None) == (b is None) for a, b in zip(ours, theirs))
        ours_s, base_s = best_of_pair(
            options.repeat, lambda: [test(env, m, args) for m in messages], lambda: [baseline(m) for m in messages]
        )
        matches = sum(o is not None for o in ours)
        note = "" if agree == len(messages) else f"  (agree on {agree}/{len(messages)})"
        print(f"{name:<20} {ours_s * 1000:>12.1f} {base_s * 1000:>12.1f} {ours_s / base_s:>6.2f} {matches:>8}{note}")


if __name__ == "__main__":
    main()
