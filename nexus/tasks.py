from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from nexus.models import WorkerHeartbeat
from nexus.periodic import reschedule

HEARTBEAT_INTERVAL = timedelta(seconds=30)


@task
def heartbeat():
    """Record that a worker is alive (read by /healthz), every HEARTBEAT_INTERVAL, and give the
    tasks of workers that were killed to the living (nexus.worker.recover_abandoned)."""
    from nexus.worker import recover_abandoned  # the worker module imports django-tasks-db's worker

    WorkerHeartbeat.objects.update_or_create(name="tasks", defaults={"beat_at": timezone.now()})
    recover_abandoned()
    reschedule(heartbeat, every=HEARTBEAT_INTERVAL)
