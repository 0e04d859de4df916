from datetime import timedelta

from django.tasks import task
from django.utils import timezone

from nexus.models import WorkerHeartbeat

HEARTBEAT_EVERY = timedelta(seconds=30)


@task
def heartbeat():
    """Record that a worker is alive, then schedule the next beat (on backends that can defer)."""
    now = timezone.now()
    WorkerHeartbeat.objects.update_or_create(name="tasks", defaults={"beat_at": now})
    if heartbeat.get_backend().supports_defer:
        heartbeat.using(run_after=now + HEARTBEAT_EVERY).enqueue()
