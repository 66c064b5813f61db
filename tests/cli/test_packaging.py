"""A real, non-editable `pip install .` gives a flowlang that works from any directory.

The wheel must carry grammar/ and stdlib/ (as flowlang/_data/). To stay fast and offline-
friendly the test installs only flowlang itself (--no-deps) into a fresh venv that borrows
this interpreter's site-packages for the dependencies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SHIPPED = ["pyproject.toml", "setup.py", "README.md", "flowlang", "grammar", "stdlib"]


def _run(args: list[str], cwd: Path, **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin/ folder of a fresh venv with flowlang installed from a copy of the repo."""
    root = tmp_path_factory.mktemp("install")
    source = root / "source"
    source.mkdir()
    for name in SHIPPED:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "_data"))
        elif path.exists():
            shutil.copy2(path, source / name)
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    site = next((env_dir / "lib").glob("python3*/site-packages"))
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    pip = _run(
        [str(env_dir / "bin" / "python"), "-m", "pip", "install", "--no-deps", "--ignore-installed", "--quiet", str(source)],
        cwd=root,
    )
    assert pip.returncode == 0, pip.stdout + pip.stderr
    shutil.rmtree(source)  # the installed copy must not lean on the sources
    return env_dir / "bin"


def test_data_files_are_inside_the_installed_package(installed, tmp_path):
    code = (
        "import flowlang, flowlang.resources as r; "
        "print(flowlang.__file__); print(r.grammar_path()); print(r.stdlib_dir())"
    )
    out = _run([str(installed / "python"), "-c", code], cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    package_file, grammar, stdlib = out.stdout.splitlines()
    site = str(installed.parent / "lib")
    assert package_file.startswith(site)
    assert grammar.startswith(site) and grammar.endswith(os.path.join("_data", "grammar", "flow.lark"))
    assert stdlib.startswith(site) and stdlib.endswith(os.path.join("_data", "stdlib"))
    for name in (p.name for p in (REPO / "grammar").glob("*.lark")):
        assert (Path(grammar).parent / name).is_file()
    for name in (p.name for p in (REPO / "stdlib").glob("*.flow")):  # (none yet is fine)
        assert (Path(stdlib) / name).is_file()


def test_the_console_script_checks_and_runs_from_another_directory(installed, tmp_path):
    for name in ("order_status.flow", "order_status.fixtures.json"):
        shutil.copy2(REPO / "examples" / name, tmp_path / name)
    check = _run([str(installed / "flowlang"), "check", "order_status.flow"], cwd=tmp_path)
    assert check.returncode == 0, check.stdout + check.stderr
    run = _run(
        [str(installed / "flowlang"), "run", "order_status.flow", "--webhook-fixtures", "order_status.fixtures.json",
         "--contact", "name=Ben"],
        cwd=tmp_path,
        input="CU001\n",
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "What is your order number?" in run.stdout
    assert "shipped on 2024-05-02" in run.stdout


def test_resources_fall_back_to_the_repository_folders():
    # this test process imports flowlang from the checkout (or an install): either way both resolve
    from flowlang import resources

    assert resources.grammar_path().name == "flow.lark" and resources.grammar_path().is_file()
    assert resources.stdlib_dir().name == "stdlib"
    with pytest.raises(FileNotFoundError, match="no-such.lark"):
        resources.grammar_path("no-such.lark")


if sys.platform == "win32":  # the venv layout above is POSIX's
    pytestmark = pytest.mark.skip("POSIX venv layout")
