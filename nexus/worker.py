"""A django-tasks-db worker that outlives database outages (`manage.py task_worker`).

django-tasks-db's worker re-raises any OperationalError but "database is locked", so stopping
PostgreSQL ends every worker, and inquiry notifications, the heartbeat and the newsletter
scheduler wait for someone to restart them. This worker waits instead: it retries with an
exponential backoff until the database answers, then carries on in the same process.

A task the outage cut short is run again: if its outcome could not be written, its row is
still RUNNING under this worker's claim; if it was written as failed with a database
connection error, it failed because of the outage, not of itself. Either way it goes back
to READY (a notification sent twice beats an urgent one never sent; newsletter deliveries
are recorded per message, so a re-run sends nobody anything twice).

A worker killed outright (SIGKILL, the machine lost) records nothing: its task stays RUNNING for
ever, and when it was a periodic task its chain ends (it reschedules itself only when it finishes).
`recover_abandoned()` puts back to READY every task RUNNING for longer than
NEXUS_TASK_ABANDONED_AFTER, far longer than any of ours takes but a newsletter's sending (which
recovers by its own claims); each worker calls it when it starts, and the heartbeat task every
interval.
"""

import contextlib
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
OUTAGE_ERROR_PATHS = {f"{error.__module__}.{error.__qualname__}" for error in OUTAGE_ERRORS}
# A task that keeps failing with a database error after this many claims is left failed:
# past that it is the task's own fault, not an outage's.
MAX_CLAIMS = 5
# Runs that may last as long as a newsletter takes to send, and whose dead workers are noticed by
# the deliveries they claimed (newsletter.sending.release_stale, resumed by the scheduler's round).
RECOVERED_BY_THEMSELVES = ["newsletter.tasks.send_issue"]
READY, RUNNING, FAILED = "READY", "RUNNING", "FAILED"


def close_connections():
    for connection in connections.all(initialized_only=True):
        # A dead connection cannot close cleanly; Django discards it either way.
        with contextlib.suppress(*OUTAGE_ERRORS):
            connection.close()


class ResilientWorker(Worker):
    def __init__(self, *, first_backoff=0.5, max_backoff=30.0, **kwargs):
        super().__init__(**kwargs)
        self.first_backoff, self.max_backoff = first_backoff, max_backoff
        self.unfinished = None  # the task whose outcome is not recorded yet

    def run(self):
        backoff = self.first_backoff
        while self.running:
            try:
                self.requeue_unfinished()
                recover_abandoned()
                backoff = self.first_backoff  # the database answered
                super().run()
                return
            except OUTAGE_ERRORS as error:
                # Never the error's text: it may quote a query's parameters.
                logger.warning(
                    "worker %s: database unavailable (%s); retrying in %.1f s",
                    self.worker_id,
                    type(error).__name__,
                    backoff,
                )
                close_connections()
                time.sleep(backoff)
                backoff = min(backoff * 2, self.max_backoff)

    def run_task(self, db_task_result):
        self.unfinished = db_task_result.pk
        super().run_task(db_task_result)  # raises when the outcome could not be recorded
        self.unfinished = None
        if db_task_result.status == FAILED and db_task_result.exception_class_path in OUTAGE_ERROR_PATHS:
            self.requeue(db_task_result.pk, status=FAILED)

    def requeue_unfinished(self):
        if self.unfinished is not None:
            self.requeue(self.unfinished, status=RUNNING)
            self.unfinished = None

    def requeue(self, pk, *, status):
        rows = DBTaskResult.objects.filter(pk=pk, status=status)
        if status == FAILED:
            claims = rows.values_list("worker_ids", flat=True).first() or []
            if len(claims) >= MAX_CLAIMS:
                return
        # A short delay: the database that just failed may still be coming up.
        requeued = rows.update(
            status=READY,
            run_after=timezone.now() + timedelta(seconds=self.first_backoff),
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
        if requeued:
            logger.warning("worker %s: task %s was cut short by a database outage; queued again", self.worker_id, pk)


def recover_abandoned(now=None):
    """Tasks RUNNING for longer than NEXUS_TASK_ABANDONED_AFTER lost their worker: back to READY,
    once per claim up to MAX_CLAIMS (a task that kills every worker that takes it is left failed).
    One conditional update each, so a task that finishes meanwhile is left as it finished.
    Returns how many were queued again."""
    now = now or timezone.now()
    abandoned = DBTaskResult.objects.filter(
        status=RUNNING, started_at__lt=now - timedelta(seconds=settings.NEXUS_TASK_ABANDONED_AFTER)
    ).exclude(task_path__in=RECOVERED_BY_THEMSELVES)
    requeued = 0
    for pk, claims in abandoned.values_list("pk", "worker_ids"):
        row = abandoned.filter(pk=pk)
        if len(claims or []) >= MAX_CLAIMS:
            row.update(status=FAILED, finished_at=now, exception_class_path="nexus.worker.WorkerLost", traceback="")
            logger.error("task %s lost its worker %s times; left failed", pk, len(claims))
            continue
        if row.update(status=READY, run_after=now, started_at=None, finished_at=None):
            requeued += 1
            logger.warning("task %s was still running after its worker stopped; queued again", pk)
    return requeued
