"""What `nexus.worker.recover_abandoned` gives back to the queue, and what it must leave alone.

The rows are django-tasks-db's own, in the database, as a killed worker leaves them (RUNNING,
started long ago). tests/nexus/test_worker_outage.py kills a real worker process.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from nexus import tasks
from nexus.worker import MAX_CLAIMS, recover_abandoned

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def abandoned_after(settings):
    settings.NEXUS_TASK_ABANDONED_AFTER = 15 * 60


def row(*, status="RUNNING", started_minutes_ago=20, claims=1, task_path="intake.tasks.notify_new_inquiry"):
    now = timezone.now()
    return DBTaskResult.objects.create(
        task_path=task_path,
        args_kwargs={"args": [1], "kwargs": {}},
        backend_name="default",
        queue_name="default",
        run_after=now - timedelta(minutes=started_minutes_ago),
        status=status,
        started_at=now - timedelta(minutes=started_minutes_ago) if status != "READY" else None,
        worker_ids=[f"w{n}" for n in range(claims)],
        exception_class_path="",
        traceback="",
    )


def status(result):
    result.refresh_from_db()
    return result.status


def test_a_task_left_running_by_a_killed_worker_is_queued_again_to_run_now():
    abandoned = row()
    assert recover_abandoned() == 1
    abandoned.refresh_from_db()
    assert abandoned.status == "READY" and abandoned.started_at is None
    assert abandoned.run_after <= timezone.now()
    assert DBTaskResult.objects.ready().filter(pk=abandoned.pk).exists()  # a worker will take it


def test_a_task_still_within_its_time_a_finished_one_and_a_waiting_one_are_left_alone():
    running = row(started_minutes_ago=14)
    done = row(status="SUCCESSFUL")
    failed = row(status="FAILED")
    assert recover_abandoned() == 0
    assert [status(r) for r in (running, done, failed)] == ["RUNNING", "SUCCESSFUL", "FAILED"]


def test_a_task_that_kills_every_worker_that_takes_it_is_left_failed_not_queued_for_ever():
    poison = row(claims=MAX_CLAIMS)
    assert recover_abandoned() == 0
    poison.refresh_from_db()
    assert poison.status == "FAILED" and poison.exception_class_path == "nexus.worker.WorkerLost"
    assert row(claims=MAX_CLAIMS - 1) and recover_abandoned() == 1


def test_a_newsletter_senders_run_is_left_to_its_own_claims():
    """A newsletter can take longer to send than any threshold; a dead sender is noticed by the
    deliveries it claimed (newsletter.sending.release_stale), and a second run would only race it."""
    sender = row(task_path="newsletter.tasks.send_issue", started_minutes_ago=120)
    assert recover_abandoned() == 0
    assert status(sender) == "RUNNING"


def test_the_heartbeat_gives_abandoned_tasks_back_even_when_no_worker_restarts():
    abandoned = row(task_path="intake.tasks.send_reminders")  # a periodic chain the kill had ended
    tasks.heartbeat.call()
    assert status(abandoned) == "READY"
