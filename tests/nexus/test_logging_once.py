"""Each log line is printed once, in the configured format (Django's own loggers included)."""

import re

import pytest

from tests.subprocess_django import run_django

# What `make run` prints: the autoreloader, the development server's request lines, tasks, errors.
LOGGERS = {
    "django.utils.autoreload": "info",
    "django.server": "info",
    "django.tasks": "info",
    "django.request": "error",
    "django.security.csrf": "warning",
    "intake.tasks": "warning",
}
PLAIN = r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ (INFO|WARNING|ERROR) %s \[-\] marker from %s$"


@pytest.mark.parametrize("settings_module", ["nexus.settings.local", "nexus.settings.test"])
def test_every_logger_prints_each_line_once_in_the_plain_format(settings_module):
    code = "import logging\n" + "".join(
        f"logging.getLogger({name!r}).{level}('marker from %s', {name!r})\n" for name, level in LOGGERS.items()
    )
    result = run_django(code, settings=settings_module, drop=("NEXUS_LOG_FORMAT", "DJANGO_LOG_LEVEL"))
    assert result.returncode == 0, result.stderr
    output = (result.stdout + result.stderr).splitlines()
    for name in LOGGERS:
        lines = [line for line in output if f"marker from {name}" in line]
        assert len(lines) == 1, f"{name}: {lines}"
        assert re.match(PLAIN % (re.escape(name), re.escape(name)), lines[0]), lines[0]
