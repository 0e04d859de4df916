"""The Nu HTML Checker (vnu) on pages rendered in a test: valid HTML, 0 errors and 0 warnings.

vnu runs offline from npm's `vnu-jar` with Debian's Java; `.ci/run` installs both (the jar
into var/tools/). Without them the check is skipped with a message, or fails where browser
tests are required (NEXUS_REQUIRE_BROWSER, as in CI).
"""

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
JAR = Path(os.environ.get("NEXUS_VNU_JAR", ROOT / "var/tools/node_modules/vnu-jar/build/dist/vnu.jar"))


def _jar_or_skip():
    if JAR.exists() and shutil.which("java"):
        return JAR
    message = (
        f"vnu not found at {JAR} (or no java): `cd var/tools && npm install --ignore-scripts vnu-jar` "
        "and `apt-get install default-jre-headless`"
    )
    if os.environ.get("NEXUS_REQUIRE_BROWSER"):
        pytest.fail(message)
    pytest.skip(message)


def problems(pages):
    """{name: html} -> ["name: line N: message"] for every error and warning vnu reports."""
    jar = _jar_or_skip()
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for name, html in pages.items():
            path = Path(folder) / f"{name}.html"
            path.write_text(html, encoding="utf-8")
            paths.append(str(path))
        run = subprocess.run(
            ["java", "-jar", str(jar), "--format", "json", *paths], capture_output=True, text=True, timeout=120
        )
    messages = json.loads(run.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m.get('url', '')).stem}: line {m.get('lastLine')}: {m.get('subType') or m.get('type')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "warning"
    ]
