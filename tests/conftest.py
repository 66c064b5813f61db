"""Suite-wide settings.

Hypothesis deadlines are timing assertions, and timing on shared CI machines is noise:
speed is measured in bench/, not asserted here.
"""

from hypothesis import settings

settings.register_profile("flowlang", deadline=None)
settings.load_profile("flowlang")
