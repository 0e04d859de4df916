"""Sending an issue exactly once, with any number of workers, crashes and re-runs.

1. `services.start_sending` froze the audience into queued Delivery rows (unique per subscriber).
2. A worker claims a batch: `SELECT ... FOR UPDATE SKIP LOCKED` where the database has it (two
   workers never pick the same rows), then marks the rows "sending" with its name and the time,
   and commits, all before any message leaves.
3. It re-checks each subscriber (still confirmed, not suppressed), opens ONE SMTP connection for
   the batch, sends message by message and records each outcome at once (sent, failed, retry).
4. Only a definite temporary refusal (an SMTP 4xx reply) is retried later, with backoff. A
   connection lost mid-message may or may not have delivered it: that row becomes "unknown".
5. Rows still "sending" after NEXUS_NEWSLETTER_CLAIM_TIMEOUT belong to a worker that died: the
   one it may have been sending becomes "unknown" too, the untried rest are queued again.
   Unknown rows are never re-sent by a worker; staff decide in the admin.
"""

import logging
import os
import smtplib
import socket
import uuid
from datetime import timedelta

from django.conf import settings
from django.core import mail
from django.core.mail import make_msgid
from django.db import connection, transaction
from django.db.models import F, Min
from django.utils import timezone

from newsletter.emails import IssueRenderer
from newsletter.models import Delivery, Issue, Subscriber, Suppression
from newsletter.wire import WireMessages

logger = logging.getLogger(__name__)
D = Delivery.Status
RETRY, FAILED, UNKNOWN = "retry", "failed", "unknown"


def worker_name():
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


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


def release_stale(*, issue_id, now=None):
    """Settle the rows of a worker that died mid-batch.

    A worker sends its claim in id order and records each outcome at once, so of the rows it left
    "sending", only the lowest id can have been in flight: that one becomes "unknown" (staff
    decide); the rest were never tried and go back in the queue. Returns (unknown, requeued).
    """
    now = now or timezone.now()
    stale = Delivery.objects.filter(issue_id=issue_id).stale(
        timeout=timedelta(seconds=settings.NEXUS_NEWSLETTER_CLAIM_TIMEOUT), now=now
    )
    in_doubt = list(stale.values("claimed_by", "claimed_at").annotate(first=Min("pk")).values_list("first", flat=True))
    unknown = Delivery.objects.filter(pk__in=in_doubt).update(status=D.UNKNOWN, error="worker stopped mid-send")
    requeued = stale.exclude(pk__in=in_doubt).update(
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
        Delivery.objects.filter(pk__in=ids, status=D.QUEUED).update(status=D.SENDING, claimed_at=now, claimed_by=worker)
    return list(
        Delivery.objects.filter(pk__in=ids, status=D.SENDING, claimed_by=worker, claimed_at=now).values_list(
            "pk", flat=True
        )
    )


def _mark(delivery, worker, **fields):
    """Record one outcome, only if the row is still this worker's claim."""
    Delivery.objects.filter(pk=delivery.pk, status=D.SENDING, claimed_by=worker).update(**fields)


def _requeue(ids, worker, now, attempts_used=0):
    Delivery.objects.filter(pk__in=ids, status=D.SENDING, claimed_by=worker).update(
        status=D.QUEUED, claimed_by="", claimed_at=None, next_attempt_at=now + backoff(attempts_used + 1)
    )


def send_batch(*, ids, worker, renderer, totals):
    """Send the claimed rows over one SMTP connection, recording each outcome as it happens."""
    deliveries = list(Delivery.objects.filter(pk__in=ids).select_related("subscriber").order_by("pk"))
    hashes = [d.subscriber.email_hash for d in deliveries if d.subscriber]
    suppressed = set(Suppression.objects.filter(email_hash__in=hashes).values_list("email_hash", flat=True))
    mailer = mail.mailers.default
    wire = WireMessages(renderer)
    try:
        mailer.open()
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("newsletter: cannot reach the mail server (%s); batch re-queued", describe(error))
        _requeue(ids, worker, timezone.now())
        totals["retry"] += len(ids)
        return False
    try:
        for position, delivery in enumerate(deliveries):
            subscriber = delivery.subscriber
            if (
                subscriber is None
                or subscriber.status != Subscriber.Status.CONFIRMED
                or subscriber.email_hash in suppressed
            ):
                _mark(delivery, worker, status=D.SKIPPED)
                totals["skipped"] += 1
                continue
            try:
                message_id = send_one(mailer, wire, subscriber)
            except (smtplib.SMTPException, OSError, ValueError) as error:
                outcome = classify(error)
                _record_failure(delivery, worker, outcome, error, totals)
                if outcome == UNKNOWN:  # the connection is gone: the rest of the batch was never tried
                    rest = [d.pk for d in deliveries[position + 1 :]]
                    _requeue(rest, worker, timezone.now())
                    totals["retry"] += len(rest)
                    return False
                continue
            _mark(
                delivery,
                worker,
                status=D.SENT,
                sent_at=timezone.now(),
                message_id=message_id[:200],
                attempts=F("attempts") + 1,
                error="",
            )
            totals["sent"] += 1
    finally:
        try:
            mailer.close()
        except (smtplib.SMTPException, OSError):
            logger.info("newsletter: mail server connection did not close cleanly")
    return True


def send_one(mailer, wire, subscriber):
    """Send one issue message; returns its Message-ID. Over SMTP, the prepared bytes go straight
    to the open connection when they can (newsletter/wire.py); otherwise the message is built."""
    renderer = wire.renderer
    smtp = getattr(mailer, "connection", None)
    if smtp is not None:
        message_id = make_msgid(domain=renderer.domain)
        recipient = mailer.prep_address(subscriber.email)
        data = wire.wire_for(to=recipient, first_name=subscriber.first_name, key=subscriber.key, message_id=message_id)
        if data is not None:
            smtp.sendmail(wire.envelope_sender(mailer), [recipient], data)
            return message_id
    message, message_id = renderer.message_for(
        to=subscriber.email, first_name=subscriber.first_name, key=subscriber.key
    )
    mailer.send_messages([message])
    return message_id


def _record_failure(delivery, worker, outcome, error, totals):
    attempts = delivery.attempts + 1
    if outcome == RETRY and attempts < settings.NEXUS_NEWSLETTER_MAX_ATTEMPTS:
        fields = {"status": D.QUEUED, "claimed_by": "", "claimed_at": None}
        fields["next_attempt_at"] = timezone.now() + backoff(attempts)
        totals["retry"] += 1
    else:
        fields = {"status": D.UNKNOWN if outcome == UNKNOWN else D.FAILED}
        totals["unknown" if outcome == UNKNOWN else "failed"] += 1
    _mark(delivery, worker, attempts=attempts, error=describe(error), **fields)
    logger.warning("newsletter: delivery #%s %s (%s)", delivery.pk, fields["status"], describe(error))


def finish_if_done(issue_id, now=None):
    """Mark the issue sent once nothing is queued or in flight (unknown and failed rows stay for staff)."""
    if Delivery.objects.filter(issue_id=issue_id, status__in=[D.QUEUED, D.SENDING]).exists():
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
    release_stale(issue_id=issue_id)
    renderer = IssueRenderer(issue)
    while max_batches is None or totals["batches"] < max_batches:
        ids = claim_batch(issue_id=issue_id, worker=worker, size=size)
        if not ids:
            break
        totals["batches"] += 1
        if not send_batch(ids=ids, worker=worker, renderer=renderer, totals=totals):
            break
    finish_if_done(issue_id)
    logger.info("newsletter: issue #%s worker finished: %s", issue_id, totals)
    return totals


def next_retry_at(issue_id):
    """When the earliest waiting delivery becomes due (None if nothing waits)."""
    row = (
        Delivery.objects.filter(issue_id=issue_id, status=D.QUEUED)
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    return row
