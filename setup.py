"""Build hook: ship the top-level `grammar/` and `stdlib/` folders inside the wheel.

They live beside the package in the repository (they are the language, not Python code),
so `build_py` copies them into `flowlang/_data/` of the build directory, which is what
`pyproject.toml`'s package-data names. `flowlang.resources` finds either location.
Everything else about the project is declared in pyproject.toml.
"""

from pathlib import Path
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
DATA_FOLDERS = {"grammar": "*.lark", "stdlib": "*.flow"}


class build_py_with_data(build_py):
    def run(self):
        super().run()
        # editable installs read the repository folders directly (see flowlang/resources.py)
        if getattr(self, "editable_mode", False):
            return
        for folder, pattern in DATA_FOLDERS.items():
            target = Path(self.build_lib) / "flowlang" / "_data" / folder
            # a build folder left by an earlier build must not ship files removed since
            shutil.rmtree(target, ignore_errors=True)
            target.mkdir(parents=True)
            for source in sorted((HERE / folder).glob(pattern)):
                shutil.copy2(source, target / source.name)


setup(cmdclass={"build_py": build_py_with_data})
