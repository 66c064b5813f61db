"""The environment a flow runs in: locale, formats, timezone and the clock reading.

Everything that makes evaluation depend on *where* and *when* lives here, so the
expression evaluator and the rule tests stay pure functions of (value, environment).
"""

from flowlang.env.environment import DateFormat, Environment, NumberFormat, TimeFormat

__all__ = ["DateFormat", "Environment", "NumberFormat", "TimeFormat"]
