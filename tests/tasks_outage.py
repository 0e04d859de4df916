"""Tasks for the worker tests (outages, killed workers): they hold their claim for a while, then write a row."""

import time

from django.tasks import task
from django.utils import timezone

from nexus.models import WorkerHeartbeat


@task
def wait_then_write(seconds, name):
    time.sleep(seconds)
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})


@task
def wait_the_first_time_then_write(seconds, name):
    """Sleeps on its first run only (a worker can be killed in it), then writes `name` once."""
    if WorkerHeartbeat.objects.filter(name=f"{name}:runs").count() == 0:
        WorkerHeartbeat.objects.create(name=f"{name}:runs", beat_at=timezone.now())
        time.sleep(seconds)
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})
