"""Rules about who the contact is and what they gave: has_email, has_phone, has_group,
has_category, and the retired NLU tests has_intent / has_top_intent."""

from __future__ import annotations

import re

import phonenumbers
import re2

from flowlang.expressions.values import XError, default_of
from flowlang.rules.arguments import as_text
from flowlang.rules.registry import RuleMatch, rule

# goflow's address pattern, run by RE2: a backtracking engine takes quadratic time on a long
# run of letters with no `@`, and a message can be long.
_EMAIL = re2.compile(r"([\pL\pN][-_+$~.\pL\pN]*)@([\pL\pN][-_\pL\pN]*)(\.[\pL\pN][-_\pL\pN]*)+")


@rule("has_email")
def has_email(env, operand):
    """Matches text containing an email address; the value is the first address.

    `has_email("my email is <foo@bar2.com>")` -> `foo@bar2.com`."""
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    found = _EMAIL.search(text)
    return RuleMatch(found.group(), found.group()) if found else None


# Runs of digits, spaces, dots, dashes and brackets (with an optional leading +) that may be a
# phone number; each is tried in turn.
_POSSIBLE_PHONE = re.compile(r"\+?[0-9 .\-()]{5,}", re.ASCII)
_NON_TEL = re.compile(r"[^0-9A-Za-z]", re.ASCII)
_E164_MAX_DIGITS = 15


def _possible_e164(raw: str, country: str) -> str | None:
    try:
        parsed = phonenumbers.parse(raw, country or None)
    except phonenumbers.NumberParseException:
        return None
    if phonenumbers.is_possible_number_with_reason(parsed) != phonenumbers.ValidationResult.IS_POSSIBLE:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def parse_phone(candidate: str, country: str) -> str | None:
    """A candidate -> an E.164 number, or None. Numbers need only be *possible* for the country
    (right length), not assigned; a long number without a leading 0 is also tried as international."""
    raw = candidate.strip()
    if len(raw) < 5:
        return None
    plus = raw.startswith("+")
    raw = ("+" if plus else "") + _NON_TEL.sub("", raw)
    number = _possible_e164(raw, country)
    if number is None and len(raw) >= 11 and not raw.startswith("0"):
        number = _possible_e164(raw if plus else "+" + raw, country)
    if number is None or len(number) - 1 > _E164_MAX_DIGITS:
        return None
    return number


def find_phones(text: str, country: str) -> list[str]:
    """Every phone number in `text`, as E.164, in order."""
    found = []
    for match in _POSSIBLE_PHONE.finditer(text):
        number = parse_phone(match.group(), country.upper())
        if number is not None:
            found.append(number)
    return found


def _check_country(args: list[str | None]) -> list[tuple[int, str]]:
    """A literal country must be one libphonenumber knows, or only international numbers match."""
    if args and args[0] is not None and args[0].strip():
        code = args[0].strip()
        if code.upper() not in phonenumbers.SUPPORTED_REGIONS:
            return [(0, f"{code!r} is not a country code (ISO 3166-1 alpha-2, like \"US\" or \"RW\")")]
    return []


@rule("has_phone", 0, 1, literal_check=_check_country)
def has_phone(env, operand, *country):
    """Matches text containing a phone number, read for `country` (default: the environment's
    country); the value is the number in E.164 form.

    `has_phone("my number is 206 779 9294", "US")` -> `+12067799294`."""
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    if country:
        code = as_text(country[0])
        if isinstance(code, XError):
            return code
    else:
        code = env.default_country or ""
    numbers = find_phones(text, code)
    return RuleMatch(numbers[0], numbers[0]) if numbers else None


@rule("has_group", 1, 2)
def has_group(env, operand, group_uuid, *group_name):
    """Matches when the groups (e.g. `contact.groups`) include the group with `group_uuid`; the
    value is that group.

    `has_group(contact.groups, "b7cf0d83-f1c9-411c-96fd-c511a4cfa86d")` -> `{name: Testers, uuid: ...}`."""
    groups = default_of(operand)
    if isinstance(groups, XError):
        return groups
    if groups is None:  # goflow reads nil as an empty list
        groups = []
    if not isinstance(groups, list):
        return XError(f"unable to convert {as_text(groups)!r} to an array")
    wanted = as_text(group_uuid)
    if isinstance(wanted, XError):
        return wanted
    for group in groups:
        group = default_of(group) if not isinstance(group, dict) else group
        if isinstance(group, XError):
            return group
        if not isinstance(group, dict):
            return XError("group must be an object")
        uuid = as_text(group.get("uuid"))
        if isinstance(uuid, XError):
            return uuid
        if uuid == wanted:
            return RuleMatch.of(group)
    return None


def _as_result(value) -> dict | XError:
    if isinstance(value, XError):
        return value
    if not isinstance(value, dict) or not value.get("name"):
        return XError("first argument must be a result")
    return value


@rule("has_category", 1, None)
def has_category(env, operand, *categories):
    """Matches when the result's category is one of `categories` (exact text); the value is the
    category.

    `has_category(results.webhook, "Success", "Failure")` -> `Success`."""
    result = _as_result(operand)
    if isinstance(result, XError):
        return result
    category = as_text(result.get("category"))
    if isinstance(category, XError):
        return category
    for wanted in categories:
        text = as_text(wanted)
        if isinstance(text, XError):
            return text
        if text == category:
            return RuleMatch(category, category)
    return None


_RETIRED = "RapidPro retired NLU classifiers: this test never matches"


@rule("has_intent", 2, deprecated=_RETIRED)
def has_intent(env, operand, name, confidence):
    """Deprecated: RapidPro no longer classifies intents, so this never matches. Kept so that
    imported flows compile (with a warning)."""
    return None


@rule("has_top_intent", 2, deprecated=_RETIRED)
def has_top_intent(env, operand, name, confidence):
    """Deprecated: RapidPro no longer classifies intents, so this never matches. Kept so that
    imported flows compile (with a warning)."""
    return None
