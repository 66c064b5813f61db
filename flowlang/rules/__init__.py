"""Rule tests for `match` cases: every router test of RapidPro's engine (goflow).

    >>> from flowlang.env.environment import Environment
    >>> lookup("has_any_word").test(Environment(), "The Quick Brown Fox", ["fox quick"])
    RuleMatch(value='Quick Fox', text='Quick Fox', extra=None)

Importing this package registers every `has_*` test as an expression function too.
"""

from flowlang.rules.registry import RULES, RuleMatch, RuleTest, lookup, result_object
from flowlang.rules import contact, dates, locations, numbers, patterns, text, words  # noqa: F401  (registration)

__all__ = ["RULES", "RuleMatch", "RuleTest", "lookup", "result_object"]
