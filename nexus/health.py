"""What /healthz reports: the database, the cache, and the task worker's heartbeat."""

import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.utils import timezone

from nexus.models import WorkerHeartbeat
from nexus.tasks import HEARTBEAT_INTERVAL

# A beat lands every interval plus a worker's pick-up delay; two missed in a row mean no worker
# is taking tasks (notifications wait too), so a dead worker reads "stale" within 3 intervals.
WORKER_STALE_AFTER = HEARTBEAT_INTERVAL * 5 / 2


def database_state():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return "unavailable"
    return "ok"


def cache_state():
    probe = f"healthz:{uuid.uuid4().hex}"
    cache.set(probe, "1", 10)
    state = "ok" if cache.get(probe) == "1" else "unavailable"
    cache.delete(probe)
    return state


def worker_state():
    try:
        beat = WorkerHeartbeat.objects.filter(name="tasks").values_list("beat_at", flat=True).first()
    except DatabaseError:
        return "unknown"
    if beat is None:
        return "no heartbeat yet"
    age = timezone.now() - beat
    return f"{'ok' if age <= WORKER_STALE_AFTER else 'stale'} (last beat {int(age.total_seconds())} s ago)"


def check():
    database = database_state()
    return {
        "database": database,
        "cache": cache_state(),
        "worker": worker_state() if database == "ok" else "unknown",
    }
