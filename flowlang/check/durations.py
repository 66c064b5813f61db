"""Durations as authors write them: 30s, 10m, 2h, 7d."""

from __future__ import annotations

import re

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"([0-9]+)([A-Za-z]+)")

# RapidPro lets a wait last up to 30 days; anything longer is almost surely a typo.
MAX_WAIT_SECONDS = 30 * 86400


def parse_duration(text: str) -> int | None:
    """Seconds, or None when the unit is unknown."""
    m = _DURATION.fullmatch(text)
    if not m or m.group(2) not in UNITS:
        return None
    return int(m.group(1)) * UNITS[m.group(2)]
