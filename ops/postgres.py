"""A throwaway PostgreSQL cluster of its own (own folder, own port), which may be stopped at will.

Used by the production-shaped stack (ops/stack.py) and by the tests that stop the database
under a running worker: the machine's own PostgreSQL is never touched.
"""

import os
import shutil
import subprocess
from pathlib import Path

from ops.local import PG_BIN


def available():
    return (PG_BIN / "initdb").exists() and shutil.which("runuser") is not None


class Postgres:
    def __init__(self, directory: Path, port: int):
        self.dir, self.port = Path(directory) / "pg", port

    def url(self, database="nexus"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def _as_postgres(self, *args, check=True, timeout=60):
        return subprocess.run(
            ["runuser", "-u", "postgres", "--", *args], check=check, capture_output=True, text=True, timeout=timeout
        )

    def create(self, database="nexus"):
        """initdb, start, and create one database."""
        self.dir.mkdir(parents=True)
        os.chmod(self.dir.parent, 0o755)
        shutil.chown(self.dir, "postgres")
        self._as_postgres(str(PG_BIN / "initdb"), "-D", str(self.dir / "data"), "--auth=trust", "-E", "UTF8")
        self.start()
        subprocess.run(
            ["psql", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "-c", f"CREATE DATABASE {database}"],
            check=True,
            capture_output=True,
            timeout=30,
        )

    def pg_ctl(self, *args, check=True):
        if not (self.dir / "data").exists():
            return None
        return self._as_postgres(
            str(PG_BIN / "pg_ctl"),
            "-D",
            str(self.dir / "data"),
            *args,
            "-o",
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "-l",
            str(self.dir / "log"),
            "-w",
            check=check,
        )

    def start(self):
        self.pg_ctl("start")

    def stop(self, mode="fast"):
        self.pg_ctl("stop", "-m", mode, check=mode == "fast")
