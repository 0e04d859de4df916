"""A test that overrides a setting nobody reads proves nothing: every setting the suite changes exists."""

import re
from pathlib import Path

from django.conf import settings

OVERRIDE = re.compile(r"\bsettings\.([A-Z][A-Z0-9_]*)\s*=(?!=)|override_settings\(([^)]*)\)")
TESTS = Path(__file__).resolve().parent.parent
SETTINGS_MODULES = TESTS.parent / "nexus" / "settings"


def defined_in_some_settings_module(name):
    """Local-only settings (the outbox's) exist in local.py, not in the test settings."""
    pattern = re.compile(rf"^\s*{name}\s*=", re.M)
    return any(pattern.search(path.read_text()) for path in SETTINGS_MODULES.glob("*.py"))


def overridden_names():
    for path in TESTS.rglob("*.py"):
        for match in OVERRIDE.finditer(path.read_text()):
            if match.group(1):
                yield path.relative_to(TESTS), match.group(1)
            else:
                for name in re.findall(r"\b([A-Z][A-Z0-9_]+)\s*=", match.group(2)):
                    yield path.relative_to(TESTS), name


def test_every_setting_a_test_overrides_is_one_the_project_has():
    names = list(overridden_names())
    assert names, "the scan found no overrides at all"
    missing = {(path, name) for path, name in names if not hasattr(settings, name)}
    unknown = sorted(f"{path}: {name}" for path, name in missing if not defined_in_some_settings_module(name))
    assert not unknown, "tests override settings that do not exist:\n" + "\n".join(unknown)
