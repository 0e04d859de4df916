"""Writes that touch several models: a new lead with its duplicate link, a status change."""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone

from intake.models import CallClick, Inquiry, StatusChange
from nexus.hashing import lead_email_hash, lead_phone_hash

logger = logging.getLogger(__name__)


def submit_lead(*, kind, token, fields, attribution, reminder_consent=False, consent_version, now=None):
    """Store one lead once per form token; return (inquiry, created). Notifies staff after commit.

    A second POST of the same form (double click, refresh, back and resend) finds the first
    lead by its token, even when both arrive at once: the unique token decides.
    """
    existing = Inquiry.objects.filter(submission_token=token).first()
    if existing:
        return existing, False
    now = now or timezone.now()
    inquiry = Inquiry(
        kind=kind,
        submission_token=token,
        created_at=now,
        consent_version=consent_version,
        privacy_consent_at=now,
        contact_consent_at=now,
        reminder_consent_at=now if reminder_consent else None,
        **fields,
        **attribution,
    )
    # Only the id: loading the match would decrypt every one of its fields for nothing.
    inquiry.duplicate_of_id = (
        Inquiry.objects.matching(
            phone_hash=lead_phone_hash(inquiry.phone), email_hash=lead_email_hash(inquiry.email), now=now
        )
        .order_by("-created_at")
        .values_list("pk", flat=True)
        .first()
    )
    try:
        with transaction.atomic():
            inquiry.save()
            StatusChange.objects.create(inquiry=inquiry, at=now, to_status=inquiry.status)
            transaction.on_commit(lambda: _notify(inquiry.pk))
    except IntegrityError:
        existing = Inquiry.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing, False
    logger.info("intake: %s #%s received", kind, inquiry.pk)
    return inquiry, True


def _notify(inquiry_id):
    from intake.tasks import notify_new_inquiry

    notify_new_inquiry.enqueue(inquiry_id)


def record_call_click(*, page_path, attribution):
    return CallClick.objects.create(page_path=page_path, **attribution)


@transaction.atomic
def record_status_change(*, inquiry, previous, by, now=None):
    """After staff changed a lead's status: the timeline row, first contact and closing time."""
    now = now or timezone.now()
    updates = {}
    if inquiry.status != Inquiry.Status.NEW and inquiry.first_contact_at is None:
        updates["first_contact_at"] = now
    final = inquiry.status in Inquiry.FINAL_STATUSES
    updates["closed_at"] = (inquiry.closed_at or now) if final else None
    Inquiry.objects.filter(pk=inquiry.pk).update(**updates)
    for name, value in updates.items():
        setattr(inquiry, name, value)
    return StatusChange.objects.create(
        inquiry=inquiry, at=now, by=by, from_status=previous, to_status=inquiry.status, reason=inquiry.status_reason
    )


@transaction.atomic
def add_activity(*, activity, by):
    """Save a note or contact attempt; the first contact attempt starts the speed-to-lead clock."""
    activity.by = by
    activity.save()
    if activity.is_contact_attempt:
        Inquiry.objects.filter(pk=activity.inquiry_id, first_contact_at__isnull=True).update(
            first_contact_at=activity.at
        )
    return activity


@transaction.atomic
def assign(*, inquiries, owner):
    return inquiries.update(owner=owner)
