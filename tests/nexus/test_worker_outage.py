"""A real PostgreSQL outage under a running task worker: the worker waits it out and carries on.

The module starts a throwaway PostgreSQL cluster of its own (ops/postgres.py), runs
`manage.py task_worker` against it, stops the database and starts it again. Nothing is
mocked: the worker meets the connection errors a real outage gives.
"""

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg2
import pytest

from ops.local import free_port
from ops.postgres import Postgres, available
from tests.subprocess_django import ROOT

TIMEOUT = 60


@pytest.fixture(scope="module")
def postgres():
    if not available():
        pytest.fail("these tests need PostgreSQL's server binaries (initdb, pg_ctl) and runuser; .ci/run installs them")
    directory = Path(tempfile.mkdtemp(prefix="nexus-outage-"))
    cluster = Postgres(directory, free_port())
    cluster.create("nexus")
    yield cluster
    cluster.stop("immediate")
    subprocess.run(["rm", "-rf", str(directory)], check=False)


class Project:
    """manage.py against the throwaway cluster, with the database task backend."""

    def __init__(self, postgres):
        self.postgres = postgres
        self.env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "NEXUS_", "DATABASE_URL"))}
        self.env |= {
            "DJANGO_SETTINGS_MODULE": "nexus.settings.local",
            "DATABASE_URL": postgres.url("nexus"),
            "REDIS_URL": "",
            "EMAIL_URL": "",
            "NEXUS_TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
            "PYTHONUNBUFFERED": "1",
        }

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    def enqueue(self, call):
        code = f"from tests.tasks_outage import wait_the_first_time_then_write, wait_then_write\nprint({call}.id)"
        return self.manage("shell", "-c", code).split()[-1]

    def query(self, sql, *params):
        """Read straight from PostgreSQL: None while it is down."""
        try:
            connection = psycopg2.connect(self.postgres.url("nexus"), connect_timeout=2)
            try:
                with connection.cursor() as cursor:
                    cursor.execute(sql, params)
                    row = cursor.fetchone()
            finally:
                connection.close()
        except psycopg2.OperationalError:
            return None
        return row[0] if row else None

    def status(self, pk):
        return self.query("SELECT status FROM django_tasks_database_dbtaskresult WHERE id = %s", pk)


@pytest.fixture(scope="module")
def project(postgres):
    project = Project(postgres)
    project.manage("migrate", "--noinput")
    return project


class Worker:
    def __init__(self, project, log_path, worker_id="w1", **env):
        self.log_path = log_path
        args = ["task_worker", "--interval", "0.2", "--no-startup-delay", "--max-backoff", "1"]
        args += ["--worker-id", worker_id]
        with open(log_path, "w") as log:
            self.process = subprocess.Popen(
                [sys.executable, "manage.py", *args],
                cwd=ROOT,
                env=project.env | env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def log(self):
        return self.log_path.read_text()

    def wait_until(self, check, what):
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            code = self.process.poll()
            assert code is None, f"the worker exited ({code}) waiting for {what}:\n{self.log()[-3000:]}"
            if check():
                return
            time.sleep(0.2)
        raise AssertionError(f"{what} did not happen within {TIMEOUT} s:\n{self.log()[-3000:]}")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def worker(project, tmp_path):
    worker = Worker(project, tmp_path / "worker.log")
    yield worker
    worker.stop()


def test_the_worker_outlives_a_database_outage_and_runs_what_is_queued_after_it(postgres, project, worker):
    first = project.enqueue("wait_then_write.enqueue(0, 'before')")
    worker.wait_until(lambda: project.status(first) == "SUCCESSFUL", "the task before the outage")

    postgres.stop()
    worker.wait_until(lambda: worker.log().count("database unavailable") >= 3, "three tries during the outage")
    postgres.start()

    after = project.enqueue("wait_then_write.enqueue(0, 'after')")
    worker.wait_until(lambda: project.status(after) == "SUCCESSFUL", "the task queued after the outage")


def test_a_task_cut_short_by_the_outage_runs_again_after_it(postgres, project, worker):
    pk = project.enqueue("wait_then_write.enqueue(3, 'cut-short')")
    worker.wait_until(lambda: project.status(pk) == "RUNNING", "the worker claiming the task")
    postgres.stop()  # the task wakes up to a dead connection, and cannot even record its failure
    worker.wait_until(lambda: "database unavailable" in worker.log(), "the worker meeting the outage")
    postgres.start()

    worker.wait_until(lambda: project.status(pk) == "SUCCESSFUL", "the cut-short task running again")
    written = project.query("SELECT count(*) FROM nexus_workerheartbeat WHERE name = 'cut-short'")
    assert written == 1
    assert "was cut short by a database outage; queued again" in worker.log()


def test_a_task_whose_worker_was_killed_runs_on_the_next_worker(postgres, project, tmp_path):
    """SIGKILL records nothing: the task stays RUNNING under a worker that is gone. The next worker
    to start gives it back to the queue once it has run for longer than NEXUS_TASK_ABANDONED_AFTER."""
    killed = Worker(project, tmp_path / "killed.log", worker_id="killed")
    pk = project.enqueue("wait_the_first_time_then_write.enqueue(60, 'abandoned')")
    killed.wait_until(lambda: project.status(pk) == "RUNNING", "the worker claiming the task")
    killed.process.kill()
    killed.process.wait(timeout=10)
    time.sleep(2.5)
    assert project.status(pk) == "RUNNING"  # what a killed worker leaves behind

    survivor = Worker(project, tmp_path / "survivor.log", worker_id="survivor", NEXUS_TASK_ABANDONED_AFTER="2")
    try:
        survivor.wait_until(lambda: project.status(pk) == "SUCCESSFUL", "the abandoned task running again")
    finally:
        survivor.stop()
    assert project.query("SELECT count(*) FROM nexus_workerheartbeat WHERE name = 'abandoned'") == 1
    assert "was still running after its worker stopped; queued again" in survivor.log()
    claims = project.query("SELECT worker_ids::text FROM django_tasks_database_dbtaskresult WHERE id = %s", pk)
    assert "killed" in claims and "survivor" in claims
