"""Reading a .flow file, where every way it can fail becomes a diagnostic."""

from __future__ import annotations

from pathlib import Path

from flowlang.diagnostics import Diagnostic
from flowlang.span import Span


def read_source(path: str | Path) -> tuple[str | None, list[Diagnostic]]:
    name = str(path)
    where = Span.point(name, 1, 1)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        return None, [Diagnostic.of("FL007", "no such file", where, "check the path")]
    except IsADirectoryError:
        return None, [Diagnostic.of("FL007", "this is a directory, not a flow file", where)]
    except OSError as e:
        return None, [Diagnostic.of("FL007", f"cannot read the file: {e.strerror or e}", where)]
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        return None, [Diagnostic.of("FL007", "this is a binary file, not a flow", Span.point(name, line, 1),
                                    "flow files are UTF-8 text")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        column = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        return None, [Diagnostic.of("FL007", f"the file is not UTF-8 text (byte 0x{data[e.start]:02x})",
                                    Span.point(name, line, column), "save the file as UTF-8")]
    return text.replace("\r\n", "\n"), []
