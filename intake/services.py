"""Writes that touch several models: a new lead with its duplicate link, a status change.

Every view, search, change and export of a lead by staff is audited here, in the same
function that does it, so no admin path can show or change a lead without its audit row.
"""

import logging

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db import DatabaseBackend

from intake.models import Activity, CallClick, Inquiry, LeadMerge, StatusChange
from intake.search import LeadSearch
from nexus import locale
from nexus.audit import Action, record
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
        language=locale.site_language(default=""),
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
    if inquiry.duplicate_of_id is not None:
        # A match merged away already: flag the lead staff work now, not the closed duplicate.
        inquiry.duplicate_of_id = LeadMerge.objects.surviving(inquiry.duplicate_of_id)
    try:
        with transaction.atomic():
            inquiry.save()
            StatusChange.objects.create(inquiry=inquiry, at=now, to_status=inquiry.status)
            _notify_when_stored(inquiry.pk)
    except IntegrityError:
        existing = Inquiry.objects.filter(submission_token=token).first()
        if existing is None:
            raise
        return existing, False
    logger.info("intake: %s #%s received", kind, inquiry.pk)
    return inquiry, True


def _notify_when_stored(inquiry_id):
    """Queue the staff notification so that it cannot be lost once the lead is stored.

    A queue kept in this database takes the task in the same transaction as the lead: both are
    stored or neither, whatever dies after the commit. Any other backend runs it after the commit."""
    from intake.tasks import notify_new_inquiry

    if isinstance(notify_new_inquiry.get_backend(), DatabaseBackend):
        notify_new_inquiry.enqueue(inquiry_id)
    else:
        transaction.on_commit(lambda: notify_new_inquiry.enqueue(inquiry_id))


def record_call_click(*, page_path, attribution):
    return CallClick.objects.create(page_path=page_path, **attribution)


@transaction.atomic
def _record_status_change(*, inquiry, previous, by, now=None):
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
        inquiry=inquiry,
        at=now,
        by=by,
        from_status=previous,
        to_status=inquiry.status,
        reason=inquiry.outcome_summary() if inquiry.status in Inquiry.REASON_REQUIRED else inquiry.status_reason,
    )


@transaction.atomic
def change_lead(*, inquiry, changed, previous_status, by):
    """Save staff's edit of a lead's pipeline fields (`changed`: the field names they changed)."""
    inquiry.save()
    if "status" in changed:
        _record_status_change(inquiry=inquiry, previous=previous_status, by=by)
    if changed:
        record(actor=by, action=Action.CHANGE, obj=inquiry, detail="changed " + ", ".join(changed))


@transaction.atomic
def add_activity(*, activity, by):
    """Save a note or contact attempt; the first contact attempt starts the speed-to-lead clock."""
    activity.by = by
    activity.save()
    if activity.is_contact_attempt:
        Inquiry.objects.filter(pk=activity.inquiry_id, first_contact_at__isnull=True).update(
            first_contact_at=activity.at
        )
    record(actor=by, action=Action.CHANGE, obj=activity.inquiry, detail=f"added {activity.kind}")
    return activity


@transaction.atomic
def assign(*, inquiries, owner, by):
    """Give the leads an owner; only those whose owner changes are written and audited.

    The ids are taken (and locked) first: `inquiries` may be filtered on the owner itself
    ("unassigned"), and would be empty once updated. The lock is taken on a plain query of
    the ids, as the admin's queryset may join the owner (FOR UPDATE refuses outer joins).
    """
    selected = Inquiry.objects.filter(pk__in=inquiries.values("pk")).exclude(owner=owner)
    ids = list(selected.select_for_update().values_list("pk", flat=True))
    Inquiry.objects.filter(pk__in=ids).update(owner=owner)
    for pk in ids:
        record(
            actor=by,
            action=Action.CHANGE,
            object_type=Inquiry._meta.label_lower,
            object_id=pk,
            detail="owner assigned (bulk)",
        )
    return len(ids)


def lead_viewed(*, inquiry, by, detail=""):
    """Staff were shown one lead (its page, or its history)."""
    return record(actor=by, action=Action.VIEW, obj=inquiry, detail=detail)


def list_viewed(*, by, shown, total, search=None, filters=""):
    """Staff were shown a page of the list: which leads (by number), of how many, and why."""
    why = [f"filters {filters}"] if filters else []
    if search is not None:
        why.append("search by " + " or ".join(search.labels) if search.understood else "search not understood")
    numbers = f" ({', '.join(f'#{pk}' for pk in shown)})" if shown else ""
    detail = f"list: {len(shown)} of {total} leads" + "".join(f"; {part}" for part in why) + numbers
    return record(actor=by, action=Action.VIEW, object_type=Inquiry._meta.label_lower, detail=detail)


def search_leads(*, term, by):
    """Turn what staff typed into a LeadSearch (keys only) and audit what it found, never the term."""
    search = LeadSearch.from_term(term)
    found = list(search.filter(Inquiry.objects.all()).values_list("pk", flat=True)[:20])
    if search.understood:
        count = f"{len(found)} lead" + ("" if len(found) == 1 else "s")
        detail = "search by " + " or ".join(search.labels) + f": {count} (" + ", ".join(f"#{pk}" for pk in found) + ")"
    else:
        detail = "search not understood"
    record(actor=by, action=Action.VIEW, object_type=Inquiry._meta.label_lower, detail=detail)
    return search


def merge_duplicate(*, original_id, duplicate_id, by):
    """Merge one lead into another (intake.merging: the rules, the locks and the audit rows)."""
    from intake.merging import merge_leads

    return merge_leads(original_id=original_id, duplicate_id=duplicate_id, by=by)


def merge_compared(*, duplicate, original, by):
    """An Admissions lead was shown two leads side by side before merging them."""
    lead_viewed(
        inquiry=duplicate, by=by, detail=f"merge screen, beside lead #{original.pk}" if original else "merge screen"
    )
    if original is not None:
        lead_viewed(inquiry=original, by=by, detail=f"merge screen, beside lead #{duplicate.pk}")


def report_shown(*, by, period, csv=False):
    """Staff were shown (or downloaded as CSV) the admissions figures of a period: counts only."""
    action, what = (Action.EXPORT, "report CSV") if csv else (Action.VIEW, "report")
    return record(actor=by, action=action, object_type=Inquiry._meta.label_lower, detail=f"{what} {period}")


@transaction.atomic
def export_leads(*, inquiries, by):
    """The leads to write to a file, each audited as exported before any of it leaves."""
    leads = list(inquiries.select_related("owner"))
    for inquiry in leads:
        record(actor=by, action=Action.EXPORT, obj=inquiry, detail="CSV export")
    return leads


def reminder_sent(*, reminder):
    """A reminder about a lead went out (by number only): the scheduler's act, so no actor."""
    return record(
        actor=None, action=Action.CHANGE, obj=reminder.inquiry, detail=f"reminder sent: {reminder.get_kind_display()}"
    )


@transaction.atomic
def log_contact(*, inquiry, kind, outcome, note, follow_up_due, by, now=None):
    """A contact attempt (or a note) from the lead page, and the next follow-up if one was set.

    Setting the follow-up here is the same change as setting it in the pipeline form: audited,
    and reminded about when it falls due.
    """
    activity = add_activity(
        activity=Activity(inquiry=inquiry, kind=kind, outcome=outcome, note=note, at=now or timezone.now()), by=by
    )
    if follow_up_due is not None and follow_up_due != inquiry.follow_up_due:
        Inquiry.objects.filter(pk=inquiry.pk).update(follow_up_due=follow_up_due)
        inquiry.follow_up_due = follow_up_due
        record(actor=by, action=Action.CHANGE, obj=inquiry, detail="changed follow_up_due")
    return activity


def work_viewed(*, by, shown, scope):
    """Staff were shown their My work page: which leads (by number), never who."""
    numbers = f" ({', '.join(f'#{pk}' for pk in shown)})" if shown else ""
    detail = f"my work ({scope}): {len(shown)} leads{numbers}"
    return record(actor=by, action=Action.VIEW, object_type=Inquiry._meta.label_lower, detail=detail)
