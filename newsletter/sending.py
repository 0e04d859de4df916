"""Sending an issue exactly once, with any number of workers, crashes, stalls and re-runs.

1. `services.start_sending` froze the audience into queued Delivery rows (unique per subscriber).
2. A worker claims a batch: `SELECT ... FOR UPDATE SKIP LOCKED` where the database has it (two
   workers never pick the same rows), marks the rows "sending" with its name and the time, and
   commits, all before any message leaves.
3. It re-checks each subscriber (still confirmed, not suppressed), opens ONE connection through
   Django's mailer for the batch and sends message by message. Before each message a conditional
   update proves the claim is still its own and marks that one row "handed over"; a worker whose
   claim was taken from it stops there. Every outcome is recorded at once, and counted only when
   the update recording it changed a row.
4. Only a definite refusal is settled: a 4xx reply is retried later with backoff, a 5xx fails.
   A connection lost or timed out mid-message may or may not have delivered it: "unknown".
5. A claim nobody has kept alive for NEXUS_NEWSLETTER_CLAIM_TIMEOUT belongs to a worker that died
   or stalled: its handed-over row becomes "unknown" (a worker that was only slow still records
   what really happened), its untried rows are queued again for others. Unknown rows are never
   re-sent by a worker; staff decide in the admin.
"""

import logging
import os
import smtplib
import socket
import time
import uuid
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from newsletter.emails import IssueRenderer
from newsletter.models import Delivery, Issue, Subscriber, Suppression

logger = logging.getLogger(__name__)
D = Delivery.Status
RETRY, FAILED, UNKNOWN = "retry", "failed", "unknown"
SMTP_ERRORS = (smtplib.SMTPException, OSError, ValueError)


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def claim_timeout():
    return timedelta(seconds=settings.NEXUS_NEWSLETTER_CLAIM_TIMEOUT)


def backoff(attempts):
    """1, 2, 4, ... minutes after each temporary failure, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


def classify(error):
    """What an SMTP error means for one message: retry later, failed for good, or unknown."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return RETRY if codes and all(400 <= code < 500 for code in codes) else FAILED
    if isinstance(error, smtplib.SMTPResponseException):
        return RETRY if 400 <= error.smtp_code < 500 else FAILED
    if isinstance(error, ValueError):  # an address the SMTP backend refuses to send to
        return FAILED
    return UNKNOWN  # connection lost or timed out mid-message: it may have been delivered


def describe(error):
    """The error's kind and code for staff; never its text, which can contain the address."""
    code = getattr(error, "smtp_code", "")
    return f"{type(error).__name__} {code}".strip()[:200]


@transaction.atomic
def release_stale(*, issue_id, now=None):
    """Settle the claims no worker has kept alive within the timeout. Returns (unknown, requeued).

    A handed-over row may have left: "unknown" (it keeps its worker's name, so a worker that was
    only slow can still record the real outcome). The untried rows go back in the queue; their
    old worker cannot send them any more (`_hand_over` checks the claim before every message).
    """
    now = now or timezone.now()
    stale = Delivery.objects.filter(issue_id=issue_id).stale(timeout=claim_timeout(), now=now)
    unknown = stale.filter(handed_over_at__isnull=False).update(status=D.UNKNOWN, error="worker stopped mid-send")
    requeued = stale.filter(handed_over_at__isnull=True).update(
        status=D.QUEUED, claimed_by="", claimed_at=None, next_attempt_at=now
    )
    if unknown or requeued:
        logger.warning(
            "newsletter: issue #%s: a stopped worker left %s delivery in doubt (unknown), %s re-queued",
            issue_id,
            unknown,
            requeued,
        )
    return unknown, requeued


def claim_batch(*, issue_id, worker, size, now=None):
    """Mark up to `size` due rows as this worker's and commit; return their ids."""
    now = now or timezone.now()
    with transaction.atomic():
        due = Delivery.objects.claimable(issue_id, now).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            due = due.select_for_update(skip_locked=True)
        ids = list(due.values_list("pk", flat=True)[:size])
        # The status condition makes the claim safe even without row locks (SQLite serialises writers).
        Delivery.objects.filter(pk__in=ids, status=D.QUEUED).update(
            status=D.SENDING, claimed_at=now, claimed_by=worker, handed_over_at=None
        )
    return list(
        Delivery.objects.filter(pk__in=ids, status=D.SENDING, claimed_by=worker, claimed_at=now).values_list(
            "pk", flat=True
        )
    )


class Claim:
    """One worker's hold on its batch: every write goes through a condition that it still holds it."""

    def __init__(self, worker, ids):
        self.worker, self.ids = worker, ids
        self.kept_alive = time.monotonic()

    def rows(self):
        return Delivery.objects.filter(pk__in=self.ids, claimed_by=self.worker)

    def hand_over(self, delivery):
        """True if the row is still ours: it is then marked as being handed to the mail server."""
        now = timezone.now()
        if time.monotonic() - self.kept_alive > claim_timeout().total_seconds() / 3:
            self.rows().filter(status=D.SENDING).update(claimed_at=now)  # keep the rest of the claim alive
            self.kept_alive = time.monotonic()
        return bool(
            self.rows()
            .filter(pk=delivery.pk, status=D.SENDING, handed_over_at__isnull=True)
            .update(claimed_at=now, handed_over_at=now)
        )

    def record(self, delivery, **fields):
        """Record an outcome; also over "unknown" if the claim was released while we sent."""
        return self.rows().filter(pk=delivery.pk, status__in=[D.SENDING, D.UNKNOWN]).update(**fields)

    def skip(self, delivery):
        return self.rows().filter(pk=delivery.pk, status=D.SENDING).update(status=D.SKIPPED)

    def requeue_untried(self, when):
        return (
            self.rows()
            .filter(status=D.SENDING, handed_over_at__isnull=True)
            .update(status=D.QUEUED, claimed_by="", claimed_at=None, next_attempt_at=when)
        )


def send_batch(*, ids, worker, renderer, totals):
    """Send the claimed rows over one connection, recording each outcome as it happens.

    Returns False when the batch ended early (claim lost, mail server gone).
    """
    claim = Claim(worker, ids)
    deliveries = list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))
    hashes = [d.subscriber.email_hash for d in deliveries if d.subscriber]
    suppressed = set(Suppression.objects.filter(email_hash__in=hashes).values_list("email_hash", flat=True))
    mailer = mail.mailers.default
    try:
        mailer.open()
    except SMTP_ERRORS as error:
        logger.warning("newsletter: cannot reach the mail server (%s); batch re-queued", describe(error))
        totals["retry"] += claim.requeue_untried(timezone.now() + backoff(1))
        return False
    try:
        for delivery in deliveries:
            subscriber = delivery.subscriber
            if not _still_wanted(subscriber, suppressed):
                totals["skipped"] += claim.skip(delivery)
                continue
            if not claim.hand_over(delivery):
                logger.warning("newsletter: worker %s lost its claim (timed out); it stops this batch", worker)
                return False
            message, message_id = renderer.message_for(
                to=subscriber.email, first_name=subscriber.first_name, key=subscriber.key
            )
            try:
                mailer.send_messages([message])
            except SMTP_ERRORS as error:
                outcome = classify(error)
                _record_failure(claim, delivery, outcome, error, totals)
                # After a lost connection or a 421 the rest of the batch was never tried; after a
                # timeout the connection's replies can no longer be trusted.
                if outcome == UNKNOWN or not _still_connected(mailer):
                    totals["retry"] += claim.requeue_untried(timezone.now() + backoff(1))
                    return False
                continue
            totals["sent"] += claim.record(
                delivery,
                status=D.SENT,
                sent_at=timezone.now(),
                message_id=message_id[:200],
                attempts=F("attempts") + 1,
                error="",
            )
    finally:
        try:
            mailer.close()
        except SMTP_ERRORS:
            logger.info("newsletter: mail server connection did not close cleanly")
    return True


def _still_wanted(subscriber, suppressed):
    """Not erased, still confirmed, not suppressed since send was pressed."""
    return (
        subscriber is not None
        and subscriber.status == Subscriber.Status.CONFIRMED
        and subscriber.email_hash not in suppressed
    )


def _still_connected(mailer):
    """After an error: can the batch go on over this connection? (A server that answered 421, or
    vanished, has closed it.) Mailers without a connection (in-memory, console) always can."""
    smtp = getattr(mailer, "connection", None)
    if smtp is None:
        return not hasattr(mailer, "connection")
    try:
        return smtp.noop()[0] == 250
    except SMTP_ERRORS:
        return False


def _record_failure(claim, delivery, outcome, error, totals):
    attempts = delivery.attempts + 1
    if outcome == RETRY and attempts < settings.NEXUS_NEWSLETTER_MAX_ATTEMPTS:
        fields = {"status": D.QUEUED, "claimed_by": "", "claimed_at": None, "handed_over_at": None}
        fields["next_attempt_at"] = timezone.now() + backoff(attempts)
        counter = "retry"
    else:
        fields = {"status": D.UNKNOWN if outcome == UNKNOWN else D.FAILED}
        counter = "unknown" if outcome == UNKNOWN else "failed"
    totals[counter] += claim.record(delivery, attempts=attempts, error=describe(error), **fields)
    logger.warning("newsletter: delivery #%s %s (%s)", delivery.pk, fields["status"], describe(error))


def finish_if_done(issue_id, now=None):
    """Mark the issue sent once nothing is queued or in flight (unknown and failed rows stay for staff).

    A worker that was only slow can re-queue a row after another worker finished the issue (its
    4xx came after the row was taken for unknown): the issue is then sending again, so the
    scheduler brings it back when the retry is due.
    """
    if Delivery.objects.filter(issue_id=issue_id, status__in=[D.QUEUED, D.SENDING]).exists():
        reopened = Issue.objects.filter(pk=issue_id, status=Issue.Status.SENT)
        reopened.update(status=Issue.Status.SENDING, finished_at=None)
        return False
    return bool(
        Issue.objects.filter(pk=issue_id, status=Issue.Status.SENDING).update(
            status=Issue.Status.SENT, finished_at=now or timezone.now()
        )
    )


def run_worker(*, issue_id, batch_size=None, worker=None, max_batches=None):
    """Send every due delivery of one issue; safe to run in any number of processes at once.

    Returns counts: {"sent", "failed", "skipped", "unknown", "retry", "batches"}.
    """
    worker = worker or worker_name()
    size = batch_size or settings.NEXUS_NEWSLETTER_BATCH_SIZE
    totals = dict.fromkeys(["sent", "failed", "skipped", "unknown", "retry", "batches"], 0)
    issue = Issue.objects.get(pk=issue_id)
    if issue.status != Issue.Status.SENDING:
        return totals
    renderer = IssueRenderer(issue)
    while max_batches is None or totals["batches"] < max_batches:
        release_stale(issue_id=issue_id)  # rows a dead or stalled worker left are taken over here
        ids = claim_batch(issue_id=issue_id, worker=worker, size=size)
        if not ids:
            break
        totals["batches"] += 1
        if not send_batch(ids=ids, worker=worker, renderer=renderer, totals=totals):
            break
    finish_if_done(issue_id)
    logger.info("newsletter: issue #%s worker finished: %s", issue_id, totals)
    return totals
