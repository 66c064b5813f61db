"""Speed of library functions against the plainest inline Python doing the same job.

    python bench/functions.py [--calls 20000] [--repeat 5]

Each function is called the way an expression calls it (`registry.call`: argument count,
conversions, error naming) on generated inputs; its baseline does the job directly with the
standard library (`str.upper`, a precompiled regex, `datetime.strftime`...), without goflow's
conversions or error values. Prints per-call times and the ratio flowlang / baseline.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
import time
from decimal import Decimal

import flowlang.expressions.functions  # noqa: F401  (registers the library)
from flowlang.env.dates import parse_datetime
from flowlang.env.environment import Environment
from flowlang.expressions.registry import call

ENV = Environment(date_format="DD-MM-YYYY", timezone="UTC",
                  now=dt.datetime(2018, 4, 11, 13, 24, 30, tzinfo=dt.timezone.utc))
WORDS = "yes no maybe please order shipped the quick brown fox café niño 📦 don't".split()
_TOKENS = re.compile(r"[\w']+", re.UNICODE)
_DMY = re.compile(r"(\d{1,2})-(\d{1,2})-(\d{4})")


def _messages(rng: random.Random, count: int) -> list[str]:
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def cases(count: int):
    rng = random.Random(7)
    texts = _messages(rng, count)
    numbers = [Decimal(rng.randint(0, 10**7)) / 100 for _ in range(count)]
    dates = [f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{rng.randint(1990, 2030)}" for _ in range(count)]
    moments = [dt.datetime(2018, 1, 1, tzinfo=dt.timezone.utc) + dt.timedelta(minutes=rng.randint(0, 10**6))
               for _ in range(count)]
    arrays = [[Decimal(rng.randint(0, 99)) for _ in range(10)] for _ in range(count)]
    return [
        ("upper", lambda: [call(ENV, "upper", [t]) for t in texts], lambda: [t.upper() for t in texts]),
        ("word_count", lambda: [call(ENV, "word_count", [t]) for t in texts],
         lambda: [Decimal(len(_TOKENS.findall(t))) for t in texts]),
        ("word", lambda: [call(ENV, "word", [t, Decimal(0)]) for t in texts],
         lambda: [(_TOKENS.findall(t) or [''])[0] for t in texts]),
        ("round", lambda: [call(ENV, "round", [n, Decimal(1)]) for n in numbers],
         lambda: [round(n, 1) for n in numbers]),
        ("format_number", lambda: [call(ENV, "format_number", [n]) for n in numbers],
         lambda: [f"{n:,}" for n in numbers]),
        ("date (text)", lambda: [call(ENV, "date", [d]) for d in dates],
         lambda: [dt.date(int(m[3]), int(m[2]), int(m[1])) for m in map(_DMY.search, dates)]),
        ("env.dates.parse_datetime", lambda: [parse_datetime(ENV, d) for d in dates],
         lambda: [dt.datetime(int(m[3]), int(m[2]), int(m[1]), tzinfo=dt.timezone.utc)
                  for m in map(_DMY.search, dates)]),
        ("format_datetime", lambda: [call(ENV, "format_datetime", [m, "DD-MM-YYYY tt:mm"]) for m in moments],
         lambda: [m.strftime("%d-%m-%Y %H:%M") for m in moments]),
        ("datetime_add", lambda: [call(ENV, "datetime_add", [m, Decimal(3), "D"]) for m in moments],
         lambda: [m + dt.timedelta(days=3) for m in moments]),
        ("sort", lambda: [call(ENV, "sort", [a]) for a in arrays], lambda: [sorted(a) for a in arrays]),
        ("json", lambda: [call(ENV, "json", [a]) for a in arrays],
         lambda: [json.dumps([int(x) for x in a], separators=(",", ":")) for a in arrays]),
    ]


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"{'function':28} {'flowlang µs':>12} {'baseline µs':>12} {'ratio':>7}")
    for name, ours, baseline in cases(args.calls):
        a, b = best_of(ours, args.repeat), best_of(baseline, args.repeat)
        per = 1e6 / args.calls
        print(f"{name:28} {a * per:12.2f} {b * per:12.2f} {a / b:7.1f}")


if __name__ == "__main__":
    main()
