"""`make run` installs requirements.txt only: every library the application imports must be in it.

A library that only the dev requirements pull in (idna came with requests) passes the whole suite
and then breaks `make run` and production on a fresh machine.
"""

import ast
import re
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
APP_DIRS = ["nexus", "images", "content", "intake", "newsletter"]


def imported_top_level_modules():
    for folder in APP_DIRS:
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    yield from (alias.name.split(".")[0] for alias in node.names)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    yield node.module.split(".")[0]


def pinned_distributions():
    names = re.findall(r"^([A-Za-z0-9_.-]+)==", (ROOT / "requirements.txt").read_text(), re.M)
    return {name.lower().replace("_", "-") for name in names}


def test_every_library_the_application_imports_is_pinned_in_requirements_txt():
    own = set(APP_DIRS)
    provided_by = packages_distributions()
    pinned = pinned_distributions()
    missing = set()
    for module in set(imported_top_level_modules()) - own - set(sys.stdlib_module_names):
        distributions = {d.lower().replace("_", "-") for d in provided_by.get(module, [])}
        if not distributions & pinned:
            missing.add(f"{module} (from {', '.join(sorted(distributions)) or 'nowhere'})")
    assert not missing, f"imported by the application but not in requirements.txt: {sorted(missing)}"
