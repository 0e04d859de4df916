"""Issues: freezing an audience, scheduling, and the scheduler's round that keeps sending going."""

import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from newsletter.models import Delivery, Issue, Subscriber

logger = logging.getLogger("newsletter.services")


@transaction.atomic
def start_sending(*, issue_id, now=None):
    """Freeze the audience: one queued delivery per confirmed, unsuppressed subscriber of the
    issue's language (a Spanish subscriber never gets the English issue, nor the other way round).

    Safe to call twice or from two places at once: the issue row is locked, an issue already
    sending is left alone, and the unique (issue, subscriber) constraint forbids a second row.
    Returns the number of deliveries created.
    """
    now = now or timezone.now()
    issue = Issue.objects.select_for_update().get(pk=issue_id)
    if issue.status not in (Issue.Status.DRAFT, Issue.Status.SCHEDULED):
        return 0
    created = 0
    batch = []
    audience = Subscriber.objects.audience(issue.language).order_by("pk").values_list("pk", flat=True)
    for subscriber_id in audience.iterator(2000):
        batch.append(Delivery(issue_id=issue.pk, subscriber_id=subscriber_id, next_attempt_at=now))
        if len(batch) == 2000:
            created += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
            batch = []
    created += len(Delivery.objects.bulk_create(batch, ignore_conflicts=True))
    issue.status, issue.started_at = Issue.Status.SENDING, now
    issue.save(update_fields=["status", "started_at", "updated_at"])
    transaction.on_commit(lambda: enqueue_worker(issue.pk))
    logger.info("newsletter: issue #%s frozen to %s deliveries", issue.pk, created)
    return created


def enqueue_worker(issue_id):
    """Top up the sender runs waiting for this issue to NEXUS_NEWSLETTER_PARALLEL_SENDS: claims use
    SKIP LOCKED, so as many workers as are free share the issue and none sends a delivery another
    has claimed. Runs already waiting count, so repeated calls never grow the queue."""
    from newsletter.tasks import send_issue, waiting_senders

    for _ in range(settings.NEXUS_NEWSLETTER_PARALLEL_SENDS - waiting_senders(issue_id)):
        send_issue.enqueue(issue_id)


def schedule(*, issue, at):
    if not issue.is_editable:
        return False
    issue.status, issue.scheduled_at = Issue.Status.SCHEDULED, at
    issue.save(update_fields=["status", "scheduled_at", "updated_at"])
    return True


def start_due_issues(*, now=None):
    """What the scheduler runs: start every scheduled issue whose time has come."""
    started = []
    for issue_id in Issue.objects.due(now).values_list("pk", flat=True):
        start_sending(issue_id=issue_id, now=now)
        started.append(issue_id)
    return started


def tend_issues(*, now=None):
    """The scheduler's round: start due issues, settle the claims of dead or stalled workers (the
    row in flight becomes "unknown", for staff to decide, never re-sent blindly) so their issue
    can finish, and queue senders for any issue with deliveries due now (retries wait for their
    time here, not in the task queue). Returns (started, resumed) issue ids."""
    from newsletter import sending

    now = now or timezone.now()
    started = start_due_issues(now=now)
    for issue_id in Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True):
        if any(sending.release_stale(issue_id=issue_id, now=now)):
            sending.finish_if_done(issue_id, now=now)
    resumed = list(
        Issue.objects.filter(
            status=Issue.Status.SENDING,
            deliveries__status=Delivery.Status.QUEUED,
            deliveries__next_attempt_at__lte=now,
        )
        .exclude(pk__in=started)
        .values_list("pk", flat=True)
        .distinct()
    )
    for issue_id in resumed:
        enqueue_worker(issue_id)
    return started, resumed
