"""Merging a duplicate lead into its original: one person, one lead, nothing lost, all audited.

The original keeps its own answers and gains what only the duplicate knew (a phone, an email,
a first name, the language, a "prefers Spanish" answer); the duplicate's timeline (status
changes, notes, contact attempts) moves to the original; the duplicate stays, closed as
"merged", with its attribution copied into the `LeadMerge` row that records both numbers.
Both leads are locked in number order, so two merges at once of the same pair (either way
round) cannot both happen nor deadlock.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from intake.models import Activity, Inquiry, LeadMerge, StatusChange
from nexus.audit import Action, record
from nexus.roles import ADMISSIONS_LEAD, has_role

# Answers the original takes from the duplicate when it has none of its own.
FILLED_IF_BLANK = [
    "phone",
    "email",
    "relationship",
    "person_first_name",
    "who_needs_help",
    "care_level",
    "insurance_provider",
    "insurance_member_id",
    "language",
]
ATTRIBUTION = [
    "landing_path",
    "referrer_origin",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "utm_term",
    "utm_content",
]


class MergeRefused(ValidationError):
    pass


def can_merge(user):
    return has_role(user, ADMISSIONS_LEAD)


def _earliest(*moments):
    return min((m for m in moments if m is not None), default=None)


def _locked_pair(original_id, duplicate_id):
    leads = {
        lead.pk: lead
        for lead in Inquiry.objects.select_for_update().filter(pk__in=[original_id, duplicate_id]).order_by("pk")
    }
    for number in (original_id, duplicate_id):
        if number not in leads:
            raise MergeRefused(_("There is no lead #%(n)s.") % {"n": number}, code="missing")
    return leads[original_id], leads[duplicate_id]


def _refuse_if_merged(lead, role):
    merge = LeadMerge.objects.filter(duplicate_number=lead.pk).first()
    if merge is None:
        return
    if role == "duplicate":
        message = _("Lead #%(n)s was already merged into lead #%(into)s.")
    else:
        message = _("Lead #%(n)s was itself merged into lead #%(into)s: merge into that lead instead.")
    raise MergeRefused(message % {"n": lead.pk, "into": merge.original_id}, code="already_merged")


def _absorb(original, duplicate):
    for name in FILLED_IF_BLANK:
        if not getattr(original, name) and getattr(duplicate, name):
            setattr(original, name, getattr(duplicate, name))
    if original.prefers_spanish is None:  # no answer is blank; "no" is an answer and stays
        original.prefers_spanish = duplicate.prefers_spanish
    original.substances = original.substances + [s for s in duplicate.substances if s not in original.substances]
    original.in_danger = original.in_danger or duplicate.in_danger
    original.owner_id = original.owner_id or duplicate.owner_id
    original.first_contact_at = _earliest(original.first_contact_at, duplicate.first_contact_at)
    if original.status not in Inquiry.FINAL_STATUSES:
        original.follow_up_due = _earliest(original.follow_up_due, duplicate.follow_up_due)
    if original.duplicate_of_id == duplicate.pk:
        original.duplicate_of = None


def merge_leads(*, original_id, duplicate_id, by, now=None):
    """Merge lead `duplicate_id` into lead `original_id`; return the LeadMerge. Raises MergeRefused."""
    if not can_merge(by):
        raise PermissionDenied
    if original_id == duplicate_id:
        raise MergeRefused(_("A lead cannot be merged into itself."), code="itself")
    now = now or timezone.now()
    try:
        with transaction.atomic():
            original, duplicate = _locked_pair(original_id, duplicate_id)
            _refuse_if_merged(duplicate, "duplicate")
            _refuse_if_merged(original, "original")
            moved = Activity.objects.filter(inquiry=duplicate).update(inquiry=original)
            moved += StatusChange.objects.filter(inquiry=duplicate).update(inquiry=original)
            Inquiry.objects.filter(duplicate_of=duplicate).exclude(pk=original.pk).update(duplicate_of=original)
            _absorb(original, duplicate)
            original.save()
            merge = LeadMerge.objects.create(
                original=original,
                duplicate=duplicate,
                duplicate_number=duplicate.pk,
                duplicate_received=duplicate.created_at,
                at=now,
                by=by,
                **{name: getattr(duplicate, name) for name in ATTRIBUTION},
            )
            previous = duplicate.status
            Inquiry.objects.filter(pk=duplicate.pk).update(
                status=Inquiry.Status.MERGED, closed_at=now, follow_up_due=None, duplicate_of=original
            )
            reason = _("merged into lead #%(n)s") % {"n": original.pk}
            StatusChange.objects.create(
                inquiry=duplicate, at=now, by=by, from_status=previous, to_status=Inquiry.Status.MERGED, reason=reason
            )
            note = _(
                "Lead #%(n)s (received %(at)s) merged into this lead; its %(moved)s timeline entries are here."
            ) % {
                "n": duplicate.pk,
                "at": f"{timezone.localtime(duplicate.created_at):%Y-%m-%d %H:%M}",
                "moved": moved,
            }
            if duplicate.message and duplicate.message != original.message:
                note += " " + _("Its message: %(message)s") % {"message": duplicate.message}
            Activity.objects.create(inquiry=original, at=now, by=by, kind=Activity.Kind.NOTE, note=note)
            record(actor=by, action=Action.CHANGE, obj=original, detail=f"merged lead #{duplicate.pk} into this lead")
            record(actor=by, action=Action.CHANGE, obj=duplicate, detail=f"merged into lead #{original.pk}")
    except IntegrityError:
        # The unique duplicate number: someone else merged it between our check and our write.
        raise MergeRefused(_("Lead #%(n)s was already merged.") % {"n": duplicate_id}, code="already_merged") from None
    return merge
