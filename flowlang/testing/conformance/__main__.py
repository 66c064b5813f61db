"""python -m flowlang.testing.conformance {expressions|functions|rules|legacy-migrations} FILE [--verbose]

Runs every row of one of RapidPro's conformance tables against flowlang and ends with
`N passed, M failed, K skipped`; exits 1 if any row failed.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys

from flowlang.testing.conformance.report import Report

# table kind -> module with `run(data: dict, report: Report) -> None`
RUNNERS = {
    "expressions": "flowlang.testing.conformance.expressions",
    "functions": "flowlang.testing.conformance.functions",
    "rules": "flowlang.testing.conformance.rules",
    "legacy-migrations": "flowlang.testing.conformance.legacy",
}


def run_file(kind: str, path: str, verbose: bool = False) -> Report:
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    report = Report(verbose=verbose)
    importlib.import_module(RUNNERS[kind]).run(data, report)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m flowlang.testing.conformance")
    parser.add_argument("kind", choices=sorted(RUNNERS))
    parser.add_argument("file")
    parser.add_argument("--verbose", "-v", action="store_true", help="print every failing row")
    args = parser.parse_args(argv)
    try:
        report = run_file(args.kind, args.file, args.verbose)
    except (OSError, ValueError) as e:
        print(f"error: cannot read {args.file}: {e}", file=sys.stderr)
        return 2
    report.print()
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main())
