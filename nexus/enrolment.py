"""Who may issue a first-enrolment link for whom, and how a link's token is kept (as a hash)."""

import hashlib
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus import roles, site_url


def lifetime():
    """How long a new link works, in words: "24 hours", "1 hour", "30 minutes"."""
    minutes = settings.NEXUS_ENROLMENT_LINK_SECONDS // 60
    amount, unit = (minutes // 60, "hour") if minutes % 60 == 0 else (minutes, "minute")
    return f"{amount} {unit}" + ("" if amount == 1 else "s")


def new_token():
    return secrets.token_urlsafe(32)


def link_url(token):
    """The absolute address the issuer passes on (the site's own, whatever host the issuer used)."""
    return site_url.absolute(reverse("nexus:enrol-link", args=[token]))


def token_hash(token):
    # 256 random bits need no slow hash: nobody can guess one from its SHA-256.
    return hashlib.sha256(token.encode()).hexdigest()


def needs_enrolment():
    """Active staff accounts without a confirmed authenticator."""
    enrolled = TOTPDevice.objects.filter(confirmed=True).values("user")
    return get_user_model().objects.filter(is_active=True, is_staff=True).exclude(pk__in=enrolled)


def issuable_for(issuer):
    """The accounts `issuer` may issue an enrolment link for; never their own.

    A superuser: any staff account. An Admissions lead: members of Admissions who have no other
    role, no permission of their own and no superuser flag, so a lead never hands out the way into
    an account that can do more than admissions work.
    """
    accounts = needs_enrolment().exclude(pk=issuer.pk)
    if not issuer.is_active or not issuer.is_staff:
        return accounts.none()
    if issuer.is_superuser:
        return accounts
    if not roles.has_role(issuer, roles.ADMISSIONS_LEAD):
        return accounts.none()
    other_roles = Group.objects.exclude(name=roles.ADMISSIONS)
    return (
        accounts.filter(is_superuser=False, groups__name=roles.ADMISSIONS, user_permissions=None)
        .exclude(groups__in=other_roles)
        .distinct()
    )
