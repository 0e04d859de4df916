"""Writes that touch several models, with their audit rows: issuing and using enrolment links."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus import audit, enrolment
from nexus.models import EnrolmentLink

BACKUP_CODES = 10


def issue_enrolment_link(*, user, issuer=None, now=None):
    """A new link for `user`'s first authenticator; returns (link, token). The token is not stored.

    `issuer` None means an operator at the command line. A new link replaces any unused one.
    """
    if issuer is not None and not enrolment.issuable_for(issuer).filter(pk=user.pk).exists():
        raise PermissionDenied("You may not issue an enrolment link for this account.")
    now = now or timezone.now()
    token = enrolment.new_token()
    with transaction.atomic():
        EnrolmentLink.objects.filter(user=user, used_at__isnull=True).delete()
        link = EnrolmentLink.objects.create(
            user=user,
            issued_by=issuer,
            token_hash=enrolment.token_hash(token),
            issued_at=now,
            expires_at=now + timedelta(seconds=settings.NEXUS_ENROLMENT_LINK_SECONDS),
        )
        detail = f"enrolment link issued for staff user #{user.pk}" + ("" if issuer else " from the command line")
        audit.record(actor=issuer, action=audit.Action.ADD, obj=link, detail=detail)
    return link, token


def use_enrolment_link(*, user, token, now=None):
    """Spend the link on `user`: returns (a fresh, unconfirmed authenticator, "") or (None, why not).

    `why not` is "unknown", "other-user", "used" or "expired". The row is locked so that the same
    link opened twice at once is spent once. Every earlier unconfirmed authenticator of the user
    goes, so no two sessions are ever shown the same secret.
    """
    now = now or timezone.now()
    with transaction.atomic():
        link = EnrolmentLink.objects.select_for_update().filter(token_hash=enrolment.token_hash(token)).first()
        if link is None:
            return None, "unknown"
        problem = (
            "other-user"
            if link.user_id != user.pk
            else "used"
            if link.used_at
            else "expired"
            if link.expires_at <= now
            else ""
        )
        if problem:
            # Someone holds a link that cannot work for them: worth a row for whoever reads the trail.
            audit.record(actor=user, action=audit.Action.VIEW, obj=link, detail=f"enrolment link refused: {problem}")
            return None, problem
        link.used_at = now
        link.save(update_fields=["used_at"])
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
        audit.record(actor=user, action=audit.Action.CHANGE, obj=link, detail="enrolment link used")
    return device, ""


def confirm_authenticator(*, device):
    """Turn the authenticator on and give its owner new backup codes (returned, shown once)."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_backup_codes(user=device.user)
        audit.record(actor=device.user, action=audit.Action.ADD, obj=device, detail="authenticator set up")
    return codes


def new_backup_codes(*, user):
    with transaction.atomic():
        device, _ = StaticDevice.objects.get_or_create(user=user, name="backup", defaults={"confirmed": True})
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes
