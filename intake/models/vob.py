"""Verification of benefits (VOB): what a family told us about their insurance, and what we found.

A check belongs to one lead and goes requested -> in progress -> verified. Everything the
family typed and everything staff learn from the payer is encrypted at rest; card photos are
files in encrypted storage (nexus/encrypted_files.py), deleted with their row, so purging a
lead purges its photos.
"""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nexus.crypto import EncryptedTextField


def private_storage():
    return storages["private"]


def photo_name(instance, filename):
    # No personal data, no extension: the name says nothing about the person or the content.
    return f"card-photos/{secrets.token_hex(16)}"


class BenefitsCheckQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(status=BenefitsCheck.Status.VERIFIED)


class BenefitsCheck(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        IN_PROGRESS = "in_progress", _("In progress")
        VERIFIED = "verified", _("Verified")

    class Network(models.TextChoices):
        IN_NETWORK = "in_network", _("In network")
        OUT_OF_NETWORK = "out_of_network", _("Out of network")
        NOT_COVERED = "not_covered", _("Not covered")

    class CareLevel(models.TextChoices):
        DETOX = "detox", _("Medical detox")
        RESIDENTIAL = "residential", _("Residential (inpatient)")
        PHP = "php", _("Partial hospitalization (PHP)")
        IOP = "iop", _("Intensive outpatient (IOP)")
        OUTPATIENT = "outpatient", _("Outpatient")

    class PriorAuth(models.TextChoices):
        UNKNOWN = "", _("Not known yet")
        REQUIRED = "required", _("Required")
        NOT_REQUIRED = "not_required", _("Not required")

    inquiry = models.OneToOneField(
        "intake.Inquiry", verbose_name=_("lead"), on_delete=models.CASCADE, related_name="vob"
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now, db_index=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED)

    payer = EncryptedTextField(_("insurance company (payer)"))
    member_id = EncryptedTextField(_("member ID"))
    group_number = EncryptedTextField(_("group number"), blank=True)
    holder_name = EncryptedTextField(_("policy holder's name"))
    holder_birth_date = EncryptedTextField(_("policy holder's date of birth"), help_text=_("YYYY-MM-DD"))

    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("worked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    network = models.CharField(_("result"), max_length=15, choices=Network.choices, blank=True)
    deductible = EncryptedTextField(_("deductible"), blank=True, help_text=_("For example: $1,500, $400 met."))
    out_of_pocket = EncryptedTextField(
        _("out-of-pocket maximum"), blank=True, help_text=_("For example: $6,000, $900 met.")
    )
    levels_covered = models.JSONField(_("levels of care covered"), default=list, blank=True)
    prior_auth = models.CharField(
        _("prior authorization"), max_length=12, choices=PriorAuth.choices, blank=True, default=PriorAuth.UNKNOWN
    )
    notes = EncryptedTextField(_("benefits notes"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    verified_at = models.DateTimeField(_("verified"), null=True, blank=True)

    objects = BenefitsCheckQuerySet.as_manager()

    class Meta:
        verbose_name = _("insurance check (VOB)")
        verbose_name_plural = _("insurance checks (VOB)")
        ordering = ["requested_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="verified") | (~Q(network="") & Q(verified_at__isnull=False)),
                name="intake_vob_verified_has_result",
            ),
        ]

    def __str__(self):
        return f"VOB #{self.pk} (lead #{self.inquiry_id})"

    def level_labels(self):
        labels = dict(self.CareLevel.choices)
        return [str(labels.get(value, value)) for value in self.levels_covered]

    def clean(self):
        if self.status == self.Status.VERIFIED and not self.network:
            raise ValidationError({"network": _("Choose the result before marking it verified.")}, code="no_result")


class CardPhoto(models.Model):
    """One side of an insurance card, re-encoded without metadata, stored encrypted."""

    class Side(models.TextChoices):
        FRONT = "front", _("front")
        BACK = "back", _("back")

    vob = models.ForeignKey(
        BenefitsCheck, verbose_name=_("insurance check"), on_delete=models.CASCADE, related_name="photos"
    )
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    file = models.FileField(_("file"), storage=private_storage, upload_to=photo_name, max_length=100)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    uploaded_at = models.DateTimeField(_("uploaded"), default=timezone.now)

    class Meta:
        verbose_name = _("card photo")
        verbose_name_plural = _("card photos")
        ordering = ["vob", "side"]
        constraints = [models.UniqueConstraint(fields=["vob", "side"], name="intake_cardphoto_one_per_side")]

    def __str__(self):
        return f"Card photo ({self.side}) of insurance check #{self.vob_id}"

    def read(self):
        with self.file.open("rb") as stored:
            return stored.read()


def delete_photo_file(sender, instance, **kwargs):
    """After any delete of a photo row (a purged lead cascades here), its file goes too, once committed."""
    name, storage = instance.file.name, instance.file.storage
    if name:
        transaction.on_commit(lambda: storage.delete(name))


models.signals.post_delete.connect(delete_photo_file, sender=CardPhoto, dispatch_uid="intake.delete_photo_file")
