import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from newsletter.validators import no_line_breaks
from nexus.addresses import clean_address
from nexus.crypto import EncryptedTextField
from nexus.hashing import newsletter_address_hash


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def not_suppressed(self):
        return self.exclude(email_hash__in=Suppression.objects.values("email_hash"))

    def sendable(self):
        """Who an issue goes to: confirmed by the person, and not on the suppression list."""
        return self.confirmed().not_suppressed()

    def audience(self, language):
        """Who an issue in `language` goes to: the sendable subscribers of that language only."""
        return self.sendable().filter(language=language)

    def with_address(self, address):
        """The one subscriber with this mailbox, whatever its spelling: addresses are encrypted, so
        every look-up by address goes through the keyed hash of the canonical form."""
        return self.filter(email_hash=newsletter_address_hash(address))

    def rehash_lookups(self):
        """Recompute the address hashes (after a change to the canonical form); rows that keep no
        address (unsubscribed) keep the hash they have."""
        count = 0
        for pk, email in self.exclude(email="").values_list("pk", "email").iterator(chunk_size=500):
            self.filter(pk=pk).update(email_hash=newsletter_address_hash(email))
            count += 1
        return count


class Subscriber(models.Model):
    """One address on the list, with the proof of how and when its owner agreed.

    `key` is the opaque identifier inside confirmation and unsubscribe links, so no link ever
    carries the address. `__str__` shows no address: it ends up in the admin history and audit.
    The address is encrypted at rest and found by `email_hash`; an unsubscribed row keeps only
    the hash (`forget_address`), like the suppression list.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for confirmation")
        CONFIRMED = "confirmed", _("confirmed")
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")

    email = EncryptedTextField(_("email address"), blank=True, validators=[no_line_breaks])
    email_hash = models.CharField(_("address hash"), max_length=64, unique=True, editable=False)
    first_name = models.CharField(_("first name"), max_length=100, blank=True, validators=[no_line_breaks])
    key = models.UUIDField(_("link key"), default=uuid.uuid4, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.PENDING)
    # The language they signed up in: their emails are written in it, and they get that language's issues.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    source = models.CharField(_("source"), max_length=200, blank=True, help_text=_("Form and page, or import."))
    signup_round = models.PositiveIntegerField(
        _("sign-up round"), default=1, help_text=_("Counts sign-up requests; only the latest link confirms.")
    )
    consent_version = models.CharField(_("consent wording version"), max_length=32)
    consent_text = models.TextField(_("consent wording shown"))
    consent_at = models.DateTimeField(_("consent given at"))
    consent_proof = models.TextField(_("consent proof (imports)"), blank=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")
        ordering = ["-created_at"]
        permissions = [
            ("export_subscriber", _("Can export subscribers to CSV")),
            ("import_subscriber", _("Can import subscribers from CSV")),
            ("erase_subscriber", _("Can erase a subscriber (keeps only a hash)")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="confirmed") | Q(confirmed_at__isnull=False),
                name="newsletter_confirmed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="unsubscribed") | Q(unsubscribed_at__isnull=False),
                name="newsletter_unsubscribed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"Subscriber #{self.pk}"

    def save(self, *args, **kwargs):
        if self.email:  # a row that forgot its address keeps the hash it was found by
            self.email = clean_address(self.email)
            self.email_hash = newsletter_address_hash(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self):
        return self.status == self.Status.CONFIRMED


class Suppression(models.Model):
    """An address that must never be mailed again, kept only as a keyed hash."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", _("unsubscribed")
        BOUNCED = "bounced", _("hard bounce")
        COMPLAINED = "complained", _("spam complaint")
        REJECTED = "rejected", _("rejected by the provider")
        ERASED = "erased", _("erased on request")
        MANUAL = "manual", _("added by staff")

    # Reasons that a fresh, confirmed sign-up lifts: the person chose to leave and may choose to return.
    LIFTED_BY_NEW_CONSENT = {Reason.UNSUBSCRIBED, Reason.ERASED}

    email_hash = models.CharField(_("address hash"), max_length=64, unique=True)
    reason = models.CharField(_("reason"), max_length=16, choices=Reason.choices)
    created_at = models.DateTimeField(_("suppressed at"), default=timezone.now)

    class Meta:
        verbose_name = _("suppressed address")
        verbose_name_plural = _("suppression list")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.email_hash[:12]}…)"
