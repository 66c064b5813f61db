"""Where flowlang's data files live: the grammar and the standard library of flows.

In the repository they are the top-level folders `grammar/` and `stdlib/`; a built wheel
carries copies inside the package as `flowlang/_data/` (see `setup.py`). Both lookups try
the installed copy first, so a wheel never reads a stray checkout, and fall back to the
repository folders for source checkouts and editable installs.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED = _PACKAGE_DIR / "_data"
_REPOSITORY = _PACKAGE_DIR.parent


def _folder(name: str) -> Path:
    # an installed package always has _data/ (the grammar is in it); only a source checkout
    # or an editable install lacks it, and then the repository folders are beside the package
    return (_INSTALLED if _INSTALLED.is_dir() else _REPOSITORY) / name


def grammar_path(name: str = "flow.lark") -> Path:
    """The path of a grammar file, e.g. `grammar_path()` for the flow grammar.

    Raises FileNotFoundError (naming the place looked at) when it is missing.
    """
    path = _folder("grammar") / name
    if not path.is_file():
        raise FileNotFoundError(f"flowlang grammar file not found: {path}; is the installation complete?")
    return path


def stdlib_dir() -> Path:
    """The folder holding the standard library flows (`use std.ask` -> `ask.flow`).

    It may not exist when the standard library is empty; globbing it then finds nothing.
    """
    return _folder("stdlib")
