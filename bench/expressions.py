"""Speed of flowlang's templates against ccl-expressions (the legacy engine in Python).

    python bench/expressions.py [--seconds 0.3]

Evaluates the 21 templates of shared/bench/legacy_templates.json against their context with
both engines in the same run, prints evaluations/second for each and the ratio, and lists the
templates whose outputs differ (the dialects disagree on some things; see
docs/benchmarks.md). Without ccl-expressions installed it runs flowlang alone.
"""

from __future__ import annotations

import argparse
import datetime as dt
import inspect
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from flowlang.env import Environment  # noqa: E402
from flowlang.expressions import compile_template  # noqa: E402
from flowlang.expressions.values import XObject  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "legacy_templates.json"
LEGACY_ROOTS = ("contact", "flow", "extra", "step", "channel", "date")


def flowlang_context(data):
    """The bench context in flowlang's value model (`__default__` -> an XObject's default)."""
    if isinstance(data, dict):
        props = {k.lower(): flowlang_context(v) for k, v in data.items() if k != "__default__"}
        return XObject(props, flowlang_context(data["__default__"])) if "__default__" in data else props
    if isinstance(data, list):
        return [flowlang_context(v) for v in data]
    return data


def ccl_context(data):
    """The bench context as ccl-expressions wants it (`*` is an object's default)."""
    if isinstance(data, dict):
        return {("*" if k == "__default__" else k): ccl_context(v) for k, v in data.items()}
    return data


def load_ccl():
    try:
        # removed in Python 3.11 and still called by the package, which unpacks 4 values
        inspect.getargspec = lambda func: tuple(inspect.getfullargspec(func))[:4]
        from temba_expressions.dates import DateStyle
        from temba_expressions.evaluator import EvaluationContext, Evaluator
    except ImportError:
        return None
    return Evaluator, EvaluationContext, DateStyle


def rate(run, seconds: float) -> float:
    """Calls of `run` per second, measured for about `seconds`."""
    count, start = 0, time.perf_counter()
    batch = 1
    while True:
        for _ in range(batch):
            run()
        count += batch
        elapsed = time.perf_counter() - start
        if elapsed >= seconds:
            return count / elapsed
        batch = min(batch * 2, 1000)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=0.3, help="time spent per template per engine")
    args = parser.parse_args(argv)
    if not BENCH.exists():
        print(f"bench data not found at {BENCH}")
        return 2
    bench = json.loads(BENCH.read_text(encoding="utf-8"))
    now = dt.datetime.fromisoformat(bench["now"])
    env = Environment(
        timezone=bench["timezone"],
        date_format="DD-MM-YYYY" if bench["date_style"] == "day_first" else "MM-DD-YYYY",
        now=now,
    )
    context = flowlang_context(bench["context"])
    ccl = load_ccl()
    if ccl is None:
        print("ccl-expressions is not installed: running flowlang alone "
              '(pip install ccl-expressions "antlr4-python3-runtime==4.7.2")')
    else:
        import pytz

        Evaluator, EvaluationContext, DateStyle = ccl
        evaluator = Evaluator(allowed_top_levels=LEGACY_ROOTS)
        style = DateStyle.DAY_FIRST if bench["date_style"] == "day_first" else DateStyle.MONTH_FIRST
        ccl_ctx = EvaluationContext(ccl_context(bench["context"]), pytz.timezone(bench["timezone"]), style, now)

    print(f"{'template':<18} {'flowlang/s':>12} {'ccl/s':>10} {'ratio':>7}  same")
    total_flowlang = total_ccl = 0.0
    differ = []
    for item in bench["templates"]:
        template = compile_template(item["template"])
        ours = template.render(context, env)[0]
        flowlang_time = 1 / rate(lambda: template.render(context, env), args.seconds)
        total_flowlang += flowlang_time
        if ccl is None:
            print(f"{item['name']:<18} {1 / flowlang_time:>12,.0f}")
            continue
        theirs = evaluator.evaluate_template(item["template"], ccl_ctx)[0]
        ccl_time = 1 / rate(lambda: evaluator.evaluate_template(item["template"], ccl_ctx), args.seconds)
        total_ccl += ccl_time
        same = ours == theirs
        if not same:
            differ.append((item["name"], ours, theirs))
        print(f"{item['name']:<18} {1 / flowlang_time:>12,.0f} {1 / ccl_time:>10,.0f} "
              f"{ccl_time / flowlang_time:>6.0f}x  {'yes' if same else 'NO'}")
    count = len(bench["templates"])
    print()
    print(f"flowlang: {count / total_flowlang:,.0f} evaluations/s (all {count} templates, one pass each)")
    if ccl is not None:
        print(f"ccl-expressions: {count / total_ccl:,.0f} evaluations/s")
        print(f"ratio: flowlang is {total_ccl / total_flowlang:.1f}x faster")
        print(f"identical output: {count - len(differ)} of {count}")
        for name, ours, theirs in differ:
            print(f"  {name}:\n    flowlang: {ours!r}\n    ccl:      {theirs!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
