"""Self-rescheduling tasks on the database backend: one waiting run at a time, never a pile."""

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from nexus.tasks import heartbeat

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def waiting(task):
    return DBTaskResult.objects.filter(status="READY", task_path=task.module_path)


def test_a_periodic_task_schedules_its_next_run_once(database_tasks):
    call_command("start_periodic_tasks", stdout=None)
    assert waiting(heartbeat).count() == 1
    heartbeat.call()  # a worker runs it: the next run is already waiting, so none is added
    assert waiting(heartbeat).count() == 1
    first = waiting(heartbeat).get()
    first.delete()
    heartbeat.call()
    later = waiting(heartbeat).get()
    assert later.run_after > later.enqueued_at, "the next run is in the future"


def test_on_the_immediate_backend_a_periodic_task_runs_once():
    heartbeat.enqueue()
    assert not DBTaskResult.objects.exists()
