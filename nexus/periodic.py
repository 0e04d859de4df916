"""Periodic background work without cron: a task re-enqueues itself to run again later.

`manage.py start_periodic_tasks` (the release step) starts every task in
NEXUS_PERIODIC_TASKS once; each run then schedules the next with `reschedule()`. Only backends
that can defer (django-tasks-db in production) repeat; the immediate backend runs a task once.
"""

from datetime import timedelta

from django.utils import timezone


def reschedule(task, *, every: timedelta):
    """Enqueue the next run of `task`, unless a run is already waiting (so chains never multiply)."""
    if not task.get_backend().supports_defer:
        return None
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY", task_path=task.module_path)
    if waiting.exists():
        return None
    return task.using(run_after=timezone.now() + every).enqueue()
