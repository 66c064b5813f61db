"""Encoded text: contact URNs (`tel:+250788123123`, `twitterid:123#bob`) and attachments
(`image/jpeg:https://...`)."""

from __future__ import annotations

import re

import phonenumbers

from flowlang.expressions.values import to_text
from flowlang.expressions.registry import register
from flowlang.expressions.values import XError, XObject

# scheme:path[?query][#display]
_URN = re.compile(
    r"(?P<scheme>[a-z][a-z0-9]*):(?P<path>[^?#]+)(?:\?(?P<query>[^#]*))?(?:#(?P<display>.*))?", re.S
)


def parse_urn(text: str) -> dict | XError:
    """The parts of a URN: scheme, path, query and display."""
    match = _URN.fullmatch(text)
    if match is None:
        return XError(f"{text} is not a valid URN")
    return {k: v or "" for k, v in match.groupdict().items()}


def format_urn_text(parts: dict) -> str:
    """How a URN is shown to people: its display name, a phone number in national format,
    otherwise its path."""
    if parts["display"]:
        return parts["display"]
    if parts["scheme"] == "tel":
        try:
            number = phonenumbers.parse(parts["path"], None)
        except phonenumbers.NumberParseException:
            return parts["path"]
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return parts["path"]


@register("urn_parts", 1)
def urn_parts(env, value):
    """The scheme, path and display name of a URN, as an object."""
    value = to_text(value)
    if type(value) is XError:
        return value
    parts = parse_urn(value)
    if type(parts) is XError:
        return parts
    return XObject({"scheme": parts["scheme"], "path": parts["path"], "display": parts["display"]})


@register("format_urn", 1)
def format_urn(env, value):
    """A URN as people read it: a phone number in national format, otherwise its path."""
    value = to_text(value)
    if type(value) is XError:
        return value
    parts = parse_urn(value)
    if type(parts) is XError:
        return parts
    return format_urn_text(parts)


@register("attachment_parts", 1)
def attachment_parts(env, value):
    """The content type and URL of an attachment, as an object."""
    value = to_text(value)
    if type(value) is XError:
        return value
    content_type, sep, url = value.partition(":")
    if not sep:
        content_type, url = "", value
    return XObject({"content_type": content_type, "url": url})
