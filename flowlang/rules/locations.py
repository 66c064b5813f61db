"""Location rules: has_state, has_district, has_ward.

The embedding program supplies the location hierarchy as `Environment.locations`: a tree (or a
list whose first item is the tree) of `{"name": ..., "aliases": [...], "children": [...]}`,
country -> states -> districts -> wards. Names and aliases are compared under the environment's
input collation, and text is searched fuzzily as goflow does: the whole text, then the text
without spaces and punctuation, then each word (`Île-de-France` is one word), then each pair of
neighbouring words. The value is the location's path, `Rwanda > Kigali City > Gasabo`.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import attrs

from flowlang.env.collation import transformer
from flowlang.expressions.values import XError
from flowlang.rules.arguments import as_text
from flowlang.rules.registry import RuleMatch, rule

STATE, DISTRICT, WARD = 1, 2, 3
MAX_LEVELS = 4
PATH_SEPARATOR = ">"
NOT_ENABLED = "can't find locations in environment which is not location enabled"

_WORD = re.compile(r"(?:[^\W\d_]|[0-9])+(?:-(?:[^\W\d_]|[0-9])+)*")
_SPACES = re.compile(r"\s+")


@attrs.define(eq=False)
class Location:
    name: str
    level: int
    path: str
    parent: "Location | None" = None


@attrs.define
class Hierarchy:
    """Lookups over one location tree: by level and collated name, and by normalized path."""

    by_name: list[dict[str, list[Location]]]
    by_path: dict[str, Location]

    def find(self, fold, name: str, level: int, parent: Location | None) -> list[Location]:
        if level == 0 or PATH_SEPARATOR in name:
            found = self.by_path.get(normalize_path(name))
            if found is not None:
                return [found]
        if level < len(self.by_name):
            matches = self.by_name[level].get(fold(name))
            if matches:
                if parent is not None:
                    return [m for m in matches if m.parent is parent]
                return list(matches)
        return []

    def find_fuzzy(self, fold, text: str, level: int, parent: Location | None) -> list[Location]:
        found = self.find(fold, text, level, parent)
        if found:
            return found
        stripped = "".join(c for c in text if not (c.isspace() or unicodedata.category(c)[0] == "P"))
        found = self.find(fold, stripped, level, parent)
        if found:
            return found
        words = _WORD.findall(text)
        for word in words:
            found = self.find(fold, word, level, parent)
            if found:
                return found
        for first, second in zip(words, words[1:]):
            found = self.find(fold, f"{first} {second}", level, parent)
            if found:
                return found
        return []


def normalize_path(path: str) -> str:
    """`rwanda >kigali  city.` -> `Rwanda > Kigali City`: how paths are compared."""
    parts = [_SPACES.sub(" ", part.strip()).lower().title() for part in path.rstrip(".").split(PATH_SEPARATOR)]
    return f" {PATH_SEPARATOR} ".join(parts)


def build_hierarchy(tree: Any, fold) -> Hierarchy:
    """Index a host-supplied location tree (names and aliases folded with `fold`)."""
    hierarchy = Hierarchy([{} for _ in range(MAX_LEVELS)], {})
    stack: list[tuple[dict, int, Location | None]] = [(tree, 0, None)]
    while stack:
        node, level, parent = stack.pop()
        if not isinstance(node, dict) or level >= MAX_LEVELS:
            continue
        name = str(node.get("name", ""))
        path = name if parent is None else f"{parent.path} {PATH_SEPARATOR} {name}"
        location = Location(name, level, path, parent)
        hierarchy.by_path[normalize_path(path)] = location
        for alias in [name, *(node.get("aliases") or [])]:
            hierarchy.by_name[level].setdefault(fold(str(alias)), []).append(location)
        for child in reversed(node.get("children") or []):
            stack.append((child, level + 1, location))
    return hierarchy


_CACHE: dict[tuple[int, str], tuple[Any, Hierarchy]] = {}


def hierarchy_for(env) -> Hierarchy | None:
    """The indexed hierarchy of `env.locations` (indexed once per tree and collation)."""
    tree = env.locations
    if isinstance(tree, list):
        tree = tree[0] if tree else None
    if not isinstance(tree, dict):
        return None
    key = (id(tree), env.input_collation)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] is tree:
        return cached[1]
    if len(_CACHE) > 64:
        _CACHE.clear()
    hierarchy = build_hierarchy(tree, transformer(env.input_collation))
    _CACHE[key] = (tree, hierarchy)
    return hierarchy


def _texts(*values):
    texts = []
    for value in values:
        text = as_text(value)
        if isinstance(text, XError):
            return text
        texts.append(text)
    return texts


def _matched(location: Location) -> RuleMatch:
    return RuleMatch(location.path, location.path)


@rule("has_state")
def has_state(env, operand):
    """Matches text naming a state (first level below the country) of the environment's
    locations; the value is its path.

    `has_state("I live in Kigali")` -> `Rwanda > Kigali City`."""
    hierarchy = hierarchy_for(env)
    if hierarchy is None:
        return XError(NOT_ENABLED)
    text = as_text(operand)
    if isinstance(text, XError):
        return text
    states = hierarchy.find_fuzzy(transformer(env.input_collation), text, STATE, None)
    return _matched(states[0]) if states else None


@rule("has_district", 0, 1)
def has_district(env, operand, *state):
    """Matches text naming a district, within `state` if given (without a state, only a district
    name that is unique across states matches); the value is its path.

    `has_district("Gasabo", "Kigali")` -> `Rwanda > Kigali City > Gasabo`."""
    hierarchy = hierarchy_for(env)
    if hierarchy is None:
        return XError(NOT_ENABLED)
    texts = _texts(operand, *state)
    if isinstance(texts, XError):
        return texts
    text, state_text = texts[0], (texts[1] if len(texts) > 1 else "")
    fold = transformer(env.input_collation)
    states = hierarchy.find_fuzzy(fold, state_text, STATE, None)
    if states:
        districts = hierarchy.find_fuzzy(fold, text, DISTRICT, states[0])
        if districts:
            return _matched(districts[0])
    if not state_text:
        districts = hierarchy.find_fuzzy(fold, text, DISTRICT, None)
        if len(districts) == 1:
            return _matched(districts[0])
    return None


def _check_ward_args(args: list[str | None]) -> list[tuple[int, str]]:
    # min/max counts cannot say "0 or 2": a lone district is reported against that argument
    if len(args) == 1:
        return [(0, "has_ward takes the district and the state, or neither")]
    return []


@rule("has_ward", 0, 2, allowed_counts=(0, 2), literal_check=_check_ward_args)
def has_ward(env, operand, *parents):
    """Matches text naming a ward, within `district` of `state` if given (without them, only a
    ward name that is unique matches); the value is its path. The district and state may also be
    given the other way round, as goflow's own tests do.

    `has_ward("Gisozi", "Gasabo", "Kigali")` -> `Rwanda > Kigali City > Gasabo > Gisozi`."""
    hierarchy = hierarchy_for(env)
    if hierarchy is None:
        return XError(NOT_ENABLED)
    texts = _texts(operand, *parents)
    if isinstance(texts, XError):
        return texts
    text = texts[0]
    fold = transformer(env.input_collation)
    if len(texts) == 3:
        for district_text, state_text in ((texts[1], texts[2]), (texts[2], texts[1])):
            found = _ward_within(hierarchy, fold, text, district_text, state_text)
            if found is not None:
                return _matched(found)
        if texts[1]:
            return None
    wards = hierarchy.find_fuzzy(fold, text, WARD, None)
    return _matched(wards[0]) if len(wards) == 1 else None


def _ward_within(hierarchy: Hierarchy, fold, text: str, district_text: str, state_text: str) -> Location | None:
    states = hierarchy.find_fuzzy(fold, state_text, STATE, None)
    if not states:
        return None
    districts = hierarchy.find_fuzzy(fold, district_text, DISTRICT, states[0])
    if not districts:
        return None
    wards = hierarchy.find_fuzzy(fold, text, WARD, districts[0])
    return wards[0] if wards else None
