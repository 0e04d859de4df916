from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from nexus.models import WorkerHeartbeat
from nexus.periodic import reschedule


@task
def heartbeat():
    """Record that a worker is alive (read by /healthz), every 30 seconds."""
    WorkerHeartbeat.objects.update_or_create(name="tasks", defaults={"beat_at": timezone.now()})
    reschedule(heartbeat, every=timedelta(seconds=30))
