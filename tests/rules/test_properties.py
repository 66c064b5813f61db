"""What the rules mean, stated as properties over generated messages (Hypothesis)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import phonenumbers
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flowlang.env.collation import lower
from flowlang.env.environment import Environment
from flowlang.expressions.values import XError
from flowlang.rules import RULES, RuleMatch, lookup

ENV = Environment(
    date_format="DD-MM-YYYY", timezone="Africa/Kigali", default_country="RW",
    now=dt.datetime(2018, 4, 11, 13, 24, 30, 123456, tzinfo=dt.timezone.utc),
    locations={"name": "Rwanda", "children": [{"name": "Kigali City", "aliases": ["Kigali"], "children": [
        {"name": "Gasabo", "children": [{"name": "Gisozi"}]}]}]},
)

# letters whose upper and lower case map one-to-one, so a case change keeps every word whole
LETTERS = "abcdefghijklmnopqrstuvwxyzéñüçαβγδεπσωжзклмн"
word = st.text(alphabet=LETTERS, min_size=1, max_size=6)
words = st.lists(word, min_size=1, max_size=8)
separator = st.sampled_from([" ", ", ", ". ", "! ", "?", "...", " (", ") ", " - ", ";", ":", "\n", " / "])

WORD_RULES = ["has_any_word", "has_all_words", "has_phrase", "has_only_phrase"]


def matched(name: str, text, *args) -> RuleMatch | None:
    outcome = lookup(name).test(ENV, text, list(args))
    assert not isinstance(outcome, XError), outcome
    return outcome


def joined(parts: list[str], seps: list[str]) -> str:
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += seps[i % len(seps)] + part
    return out


@st.composite
def text_and_test_words(draw):
    text_words = draw(words)
    picked = draw(st.lists(st.sampled_from(text_words), min_size=1, max_size=3))
    others = draw(st.lists(word, max_size=2))
    test_words = draw(st.permutations(picked + others))
    if draw(st.booleans()):  # sometimes a contiguous slice, so the phrase rules match too
        start = draw(st.integers(0, len(text_words) - 1))
        end = draw(st.integers(start + 1, len(text_words)))
        test_words = text_words[start:end]
    return text_words, test_words


@given(text_and_test_words(), st.sampled_from(WORD_RULES))
def test_word_rules_ignore_case(case, name):
    text_words, test_words = case
    text, test = " ".join(text_words), " ".join(test_words)
    plain = matched(name, text, test)
    for variant_text, variant_test in [(text.upper(), test), (text, test.upper()), (text.swapcase(), test.title())]:
        other = matched(name, variant_text, variant_test)
        assert (plain is None) == (other is None)
        if plain is not None:
            assert lower(plain.text) == lower(other.text)


@given(text_and_test_words(), st.lists(separator, min_size=1, max_size=4), st.sampled_from(WORD_RULES))
def test_word_rules_ignore_punctuation_between_words(case, seps, name):
    text_words, test_words = case
    plain = matched(name, " ".join(text_words), " ".join(test_words))
    punctuated = matched(name, joined(text_words, seps), joined(test_words, seps[::-1]))
    assert plain == punctuated


@given(text_and_test_words(), st.randoms(use_true_random=False))
def test_has_all_words_ignores_the_order_of_the_text(case, rng):
    text_words, test_words = case
    shuffled = list(text_words)
    rng.shuffle(shuffled)
    before = matched("has_all_words", " ".join(text_words), " ".join(test_words))
    after = matched("has_all_words", " ".join(shuffled), " ".join(test_words))
    assert (before is None) == (after is None)
    if before is not None:
        assert sorted(before.text.split()) == sorted(after.text.split())


@given(text_and_test_words())
def test_word_rules_imply_each_other(case):
    text_words, test_words = case
    text, test = " ".join(text_words), " ".join(test_words)
    chain = [matched(name, text, test) is not None for name in reversed(WORD_RULES)]
    # has_only_phrase => has_phrase => has_all_words => has_any_word
    for stronger, weaker in zip(chain, chain[1:]):
        assert not stronger or weaker


@given(text_and_test_words())
def test_word_values_are_words_of_the_text_in_order(case):
    text_words, test_words = case
    for name in WORD_RULES:
        outcome = matched(name, " ".join(text_words), " ".join(test_words))
        if outcome is not None and outcome.text:
            found = outcome.text.split(" ")
            positions = iter(range(len(text_words)))
            assert all(any(text_words[i] == w for i in positions) for w in found)


FORMATS = [(".", ","), (",", "."), (".", ""), (",", " "), (".", "'")]


def render_number(number: Decimal, decimal: str, grouping: str) -> str:
    sign = "-" if number < 0 else ""
    whole, _, fraction = format(abs(number), "f").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    text = sign + grouping.join(groups)
    return text + (decimal + fraction if fraction else "")


@given(
    st.decimals(min_value=Decimal("-999999999"), max_value=Decimal("999999999"), places=2),
    st.sampled_from(FORMATS),
    st.sampled_from(["I have ", "", "total: ", "pay "]),
    st.sampled_from([" apples", "", "!", " now"]),
    st.sampled_from([0x30, 0x660, 0x6F0, 0x9E6]),  # ASCII, Arabic-Indic, Eastern Arabic, Bengali
)
def test_any_rendered_decimal_is_found_again(number, number_format, before, after, zero):
    decimal, grouping = number_format
    env = Environment(number_format={"decimal_symbol": decimal, "digit_grouping_symbol": grouping})
    digits = str.maketrans({str(i): chr(zero + i) for i in range(10)})
    text = before + render_number(number, decimal, grouping).translate(digits) + after
    outcome = lookup("has_number_eq").test(env, text, [number])
    assert isinstance(outcome, RuleMatch), text
    assert outcome.value == number


numbers_text = st.builds(
    lambda pre, n, post: f"{pre}{n}{post}",
    st.sampled_from(["", "I am ", "age: ", "it is "]),
    st.decimals(min_value=-1000, max_value=1000, places=1),
    st.sampled_from(["", " years", "!"]),
)
bound = st.integers(-1000, 1000).map(Decimal)


@given(numbers_text, bound, bound)
def test_between_is_gte_and_lte_for_the_same_number(text, low, high):
    between = matched("has_number_between", text, low, high)
    gte = matched("has_number_gte", text, low)
    lte = matched("has_number_lte", text, high)
    # the text holds exactly one number, so all three look at the same one
    assert (between is not None) == (gte is not None and lte is not None)
    if between is not None:
        assert between.value == gte.value == lte.value


REGIONS = sorted(r for r in phonenumbers.SUPPORTED_REGIONS if phonenumbers.example_number(r) is not None)


@given(st.sampled_from(REGIONS), st.sampled_from(["my number is ", "", "call "]))
@settings(max_examples=150)
def test_has_phone_reads_national_and_international_forms_alike(region, before):
    example = phonenumbers.example_number(region)
    e164 = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    national = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.NATIONAL)
    international = phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    assume(all(c in "0123456789 .-()+" for c in national + international))
    # goflow only considers runs of 5 or more phone characters (Niue's 4-digit numbers are not found)
    assume(len(national.strip()) >= 5)
    from_national = matched("has_phone", before + national, region)
    from_international = matched("has_phone", before + international, region)
    assert from_international is not None and from_international.text == e164
    assert from_national is not None and from_national.text == e164


any_value = st.one_of(
    st.text(), st.none(), st.booleans(), st.decimals(allow_nan=False, allow_infinity=False),
    st.integers(-10**6, 10**6).map(Decimal), st.just(XError("boom")),
    st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3),
)


@given(st.sampled_from(sorted(RULES)), st.text(), st.lists(any_value, max_size=3))
@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
def test_no_generated_input_makes_a_rule_raise(name, text, args):
    rule = RULES[name]
    count = len(args)
    if not rule.accepts(count):
        args = args[: rule.min_args] + [""] * max(0, rule.min_args - count)
        if not rule.accepts(len(args)):
            return
    # the implementation itself, without the safety net that `RuleTest.test` adds
    outcome = rule.impl(ENV, text, *args)
    assert outcome is None or isinstance(outcome, (RuleMatch, XError))


@given(
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31)),
    st.sampled_from(["DD-MM-YYYY", "MM-DD-YYYY", "YYYY-MM-DD"]),
    st.sampled_from(["-", "/", ".", " "]),
    st.sampled_from(["", "born ", "on the "]),
    st.sampled_from(["", " thanks", " at 10:30"]),
)
def test_any_date_written_in_the_environment_format_is_found_again(date, layout, sep, before, after):
    env = Environment(date_format=layout, timezone="America/Guayaquil", now=ENV.now)
    parts = {"DD": f"{date.day:02d}", "MM": f"{date.month:02d}", "YYYY": f"{date.year:04d}"}
    written = sep.join(parts[p] for p in layout.split("-"))
    outcome = lookup("has_date_eq").test(env, before + written + after, [date.isoformat()])
    assert isinstance(outcome, RuleMatch), written
    assert outcome.value.astimezone(env.timezone).date() == date
