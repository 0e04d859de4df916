"""Verification of benefits: the family's request stored with its lead, staff working it, audited.

As in intake/services.py, every view and change of a check or a card photo by staff is audited
here, in the function that does it. The result is given to the family by phone: nothing here
(or anywhere) emails it.
"""

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from intake import services
from intake.models import Activity, BenefitsCheck, CardPhoto, Inquiry
from nexus.audit import Action, record

logger = logging.getLogger(__name__)
Status = BenefitsCheck.Status


def submit_insurance_check(*, token, fields, vob_fields, photos, attribution, consent_version, now=None):
    """One lead (kind "insurance check") with its VOB request and card photos, or none of them.

    `photos` is {side: intake.vob.CleanPhoto}. Sending the same form twice stores it once
    (the lead's submission token), photos included.
    """
    saved = []
    try:
        with transaction.atomic():
            inquiry, created = services.submit_lead(
                kind=Inquiry.Kind.INSURANCE,
                token=token,
                fields=fields,
                attribution=attribution,
                reminder_consent=False,
                consent_version=consent_version,
                now=now,
            )
            if not created:
                return inquiry, False
            check = BenefitsCheck.objects.create(inquiry=inquiry, requested_at=inquiry.created_at, **vob_fields)
            for side, photo in photos.items():
                row = CardPhoto(vob=check, side=side, width=photo.width, height=photo.height)
                row.file.save("card", ContentFile(photo.data), save=False)
                saved.append(row.file.name)
                row.save()
    except Exception:
        # The files were written before the rows: a rolled-back submission leaves none behind.
        for name in saved:
            CardPhoto.file.field.storage.delete(name)
        raise
    logger.info("intake: insurance check #%s received with %s photos", check.pk, len(photos))
    return inquiry, True


def check_viewed(*, check, by, detail=""):
    what = f"insurance check of lead #{check.inquiry_id}" + (f": {detail}" if detail else "")
    return record(actor=by, action=Action.VIEW, obj=check, detail=what)


def queue_viewed(*, by, shown, total, filters=""):
    numbers = f" ({', '.join(f'#{pk}' for pk in shown)})" if shown else ""
    detail = f"list: {len(shown)} of {total} insurance checks" + (f"; filters {filters}" if filters else "") + numbers
    return record(actor=by, action=Action.VIEW, object_type=BenefitsCheck._meta.label_lower, detail=detail)


def photo_viewed(*, photo, by, download=False):
    """The photo's bytes (decrypted), audited as viewed or downloaded before they leave."""
    what = "downloaded" if download else "viewed"
    record(actor=by, action=Action.VIEW, obj=photo.vob, detail=f"card photo ({photo.side}) {what}")
    return photo.read()


@transaction.atomic
def change_check(*, check, changed, previous_status, by, now=None):
    """Save staff's work on a check. Starting it and verifying it are stamped with who and when:
    always the signed-in user, now; a verified result changed again is verified again."""
    now = now or timezone.now()
    if check.status != Status.REQUESTED and check.started_at is None:
        check.started_by, check.started_at = by, now
    result_changed = bool(set(changed) - {"status"})
    newly_verified = check.status == Status.VERIFIED and (previous_status != Status.VERIFIED or result_changed)
    if newly_verified:
        check.verified_by, check.verified_at = by, now
    elif check.status != Status.VERIFIED:
        check.verified_by, check.verified_at = None, None
    check.save()
    if newly_verified:
        Activity.objects.create(
            inquiry_id=check.inquiry_id,
            at=now,
            by=by,
            kind=Activity.Kind.NOTE,
            note=f"Insurance verified: {check.get_network_display()}. Call the family with the result.",
        )
    if changed:
        record(actor=by, action=Action.CHANGE, obj=check, detail="changed " + ", ".join(changed))
    return check
