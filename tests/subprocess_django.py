"""Run Django in a separate process with its own environment (settings that cannot be swapped in-process)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_django(code, *, settings="nexus.settings.test", env=None, drop=()):
    environment = {k: v for k, v in os.environ.items() if k not in drop}
    environment |= {"DJANGO_SETTINGS_MODULE": settings, **(env or {})}
    script = "import django\ndjango.setup()\n" + code
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
    )


def run_manage(*args, settings="nexus.settings.test", env=None, drop=()):
    environment = {k: v for k, v in os.environ.items() if k not in drop}
    environment |= {"DJANGO_SETTINGS_MODULE": settings, **(env or {})}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
