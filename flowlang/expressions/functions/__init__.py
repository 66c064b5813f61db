"""goflow's Excellent function library (`@(upper(name))`), registered in
`flowlang.expressions.registry` when this package is imported.

One module per family: `text`, `words`, `numbers`, `datetimes` (with `layouts` for
`YYYY-MM-DD`-style formats), `arrays` (arrays, objects and higher-order functions), `logic`,
`json_values`, `formatting`, `urns` and `legacy` (Excel-style names). `convert` holds the
argument conversions they share, `compare` equality and ordering, `limits` the bounds.

Call a function the way goflow does (argument count checked, errors named) with
`flowlang.expressions.registry.call(env, "upper", ["hello"])`.
"""

from flowlang.expressions.functions import (  # noqa: F401  (importing registers)
    arrays,
    datetimes,
    formatting,
    json_values,
    logic,
    numbers,
    text,
    urns,
    words,
)
from flowlang.expressions.functions import legacy  # noqa: F401  (last: it overrides date/time)
