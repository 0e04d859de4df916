from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from nexus.models import WorkerHeartbeat
from nexus.periodic import reschedule

HEARTBEAT_INTERVAL = timedelta(seconds=30)


@task
def heartbeat():
    """Record that a worker is alive (read by /healthz), every HEARTBEAT_INTERVAL."""
    WorkerHeartbeat.objects.update_or_create(name="tasks", defaults={"beat_at": timezone.now()})
    reschedule(heartbeat, every=HEARTBEAT_INTERVAL)
