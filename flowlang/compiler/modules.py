"""A compilation unit: the main flow and every flow it brings in with `use`, transitively.

`use std.NAME` loads NAME.flow from the standard library; `use a.b` loads a/b.flow next to the
file that says it (or the working directory for source without a file).
"""

from __future__ import annotations

from pathlib import Path

import attrs

from flowlang import resources
from flowlang.diagnostics import Diagnostic
from flowlang.syntax import ast, parse
from flowlang.syntax.source import read_source


@attrs.define
class Unit:
    flows: list[ast.FlowFile] = attrs.field(factory=list)  # the main flow first
    sources: dict[str, str] = attrs.field(factory=dict)
    diagnostics: list[Diagnostic] = attrs.field(factory=list)

    @property
    def flow_ids(self) -> set[str]:
        return {f.header.id.text for f in self.flows}


def _module_path(use: ast.Use, base: Path) -> Path:
    parts = [n.text for n in use.path]
    if parts[0] == "std" and len(parts) > 1:
        try:
            root = resources.stdlib_dir()
        except FileNotFoundError:
            root = Path("stdlib")
        return root.joinpath(*parts[1:-1], parts[-1] + ".flow")
    return base.joinpath(*parts[:-1], parts[-1] + ".flow")


def load_unit(main: ast.FlowFile, source: str) -> Unit:
    unit = Unit([main], {main.path: source})
    seen_files = {_key(main.path)}
    queue = [main]
    while queue:
        flow = queue.pop(0)
        base = Path(flow.path).parent if not flow.path.startswith("<") else Path.cwd()
        for use in flow.uses:
            path = _module_path(use, base)
            if _key(str(path)) in seen_files:
                continue
            seen_files.add(_key(str(path)))
            if not path.is_file():
                unit.diagnostics.append(Diagnostic.of(
                    "FL051", f"no module {use.dotted!r} (looked for {path})", use.span))
                continue
            text, problems = read_source(path)
            if text is None:
                unit.diagnostics += problems
                continue
            used, problems = parse(text, str(path))
            unit.sources[str(path)] = text
            unit.diagnostics += problems
            if used is None:
                continue
            ids = {f.header.id.text: f for f in unit.flows}
            if used.header.id.text in ids:
                unit.diagnostics.append(Diagnostic.of(
                    "FL052", f"flow id {used.header.id.text!r} is used by {ids[used.header.id.text].path} "
                             f"and {path}", use.span))
                continue
            unit.flows.append(used)
            queue.append(used)
    return unit


def _key(path: str) -> str:
    try:
        return str(Path(path).resolve())
    except OSError:
        return path
