"""A task for the database-outage tests: it holds its claim for a while, then writes a row."""

import time

from django.tasks import task
from django.utils import timezone

from nexus.models import WorkerHeartbeat


@task
def wait_then_write(seconds, name):
    time.sleep(seconds)
    WorkerHeartbeat.objects.update_or_create(name=name, defaults={"beat_at": timezone.now()})
