"""A real `manage.py runserver` with local settings, as `make run` starts it, on a port of its own.

Each server gets a free port from the system (8000 may be taken on a developer's machine or in
CI), its own SQLite database and outbox in a temporary directory, and no Redis: nothing it does
can reach the suite's database, cache or another developer's server. PORT is passed exactly as
`make run` passes it, so the server proves the site URL follows PORT.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from tests.subprocess_django import ROOT

# What the suite's environment may set that a newcomer's `make run` would not have.
NOT_LOCAL = [
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "NEXUS_SITE_URL",
    "NEXUS_TASKS_BACKEND",
    "NEXUS_LOG_FORMAT",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_env(directory, port):
    env = {key: value for key, value in os.environ.items() if key not in NOT_LOCAL}
    return env | {
        "DJANGO_SETTINGS_MODULE": "nexus.settings.local",
        "DATABASE_URL": f"sqlite:///{directory / 'nexus.sqlite3'}",
        "NEXUS_OUTBOX_DIR": str(directory / "mail"),
        "PORT": str(port),
    }


def manage(env, *args):
    result = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def prepare_demo(directory):
    """`make demo`'s steps (migrate, demo content, demo admin) once, into a database file to copy."""
    env = local_env(directory, 8000)
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo_content")
    return directory / "nexus.sqlite3"


@dataclass
class LocalServer:
    port: int
    base_url: str
    outbox_url: str
    process: subprocess.Popen
    log: Path

    def output(self):
        return self.log.read_text()


def start(directory, database, port):
    """Copy the demo database, print the demo admin's lines, serve; wait for /healthz."""
    directory.mkdir(parents=True, exist_ok=True)
    shutil.copy(database, directory / "nexus.sqlite3")
    env = local_env(directory, port)
    printed = manage(env, "create_demo_admin")
    outbox_url = re.search(r"read them at (\S+)", printed).group(1)
    log = directory / "server.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=sink,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base_url + "/healthz", timeout=2):  # noqa: S310 - our own http URL
                break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                stop(process)
                raise AssertionError("runserver did not start:\n" + log.read_text()) from None
            time.sleep(0.2)
    return LocalServer(port=port, base_url=base_url, outbox_url=outbox_url, process=process, log=log)


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
