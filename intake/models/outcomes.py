"""How a lead left the pipeline: a reason chosen from a list (with "other" and a note), and for a
referral, the partner it was referred to, picked from a directory kept in the admin."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class Outcome(models.TextChoices):
    """Why a lead was closed (lost) or referred out. The prefix says which: the database holds it."""

    LOST_UNREACHABLE = "lost_unreachable", _("Could not reach them")
    LOST_NOT_READY = "lost_not_ready", _("Not ready for treatment yet")
    LOST_ELSEWHERE = "lost_elsewhere", _("Chose another program")
    LOST_COST = "lost_cost", _("Cost or insurance")
    LOST_NOT_ELIGIBLE = "lost_not_eligible", _("Did not meet admission criteria")
    LOST_OTHER = "lost_other", _("Other (say why in the note)")
    REFERRED_LEVEL_OF_CARE = "referred_level_of_care", _("Needs a level of care we do not offer")
    REFERRED_CLINICAL = "referred_clinical", _("Clinical needs we do not treat")
    REFERRED_INSURANCE = "referred_insurance", _("Insurance not accepted here")
    REFERRED_NO_BED = "referred_no_bed", _("No bed when it was needed")
    REFERRED_LOCATION = "referred_location", _("Care closer to home")
    REFERRED_OTHER = "referred_other", _("Other (say why in the note)")


LOST_PREFIX, REFERRED_PREFIX, OTHER_SUFFIX = "lost_", "referred_", "_other"
OUTCOME_CHOICES = [
    (_("Closed (lost)"), [(v, label) for v, label in Outcome.choices if v.startswith(LOST_PREFIX)]),
    (_("Referred out"), [(v, label) for v, label in Outcome.choices if v.startswith(REFERRED_PREFIX)]),
]


def validate_phone(value):
    try:
        valid = phonenumbers.is_valid_number(phonenumbers.parse(value, "US"))
    except phonenumbers.NumberParseException:
        valid = False
    if not valid:
        raise ValidationError(_("Enter a phone number, e.g. (202) 555-0101."), code="invalid_phone")


class ReferralPartnerQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)


class ReferralPartner(models.Model):
    """A program or service admissions refers people to (a business, not a person: kept in the clear)."""

    class Kind(models.TextChoices):
        DETOX = "detox", _("Detox")
        RESIDENTIAL = "residential", _("Residential treatment")
        OUTPATIENT = "outpatient", _("Outpatient / IOP / PHP")
        MEDICATION = "medication", _("Medication for addiction treatment")
        MENTAL_HEALTH = "mental_health", _("Mental health")
        HOSPITAL = "hospital", _("Hospital or medical")
        SOBER_LIVING = "sober_living", _("Sober living")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    phone = models.CharField(_("phone"), max_length=40, blank=True, validators=[validate_phone])
    notes = models.TextField(
        _("notes"), blank=True, help_text=_("What they take, how to refer. Never a client's details.")
    )
    active = models.BooleanField(
        _("offered when referring out"), default=True, help_text=_("Untick instead of deleting a partner.")
    )

    objects = ReferralPartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral partner")
        verbose_name_plural = _("referral partners")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        # One way of writing every number in the directory: (202) 555-0150.
        try:
            number = phonenumbers.parse(self.phone, "US")
        except phonenumbers.NumberParseException:
            return
        if phonenumbers.is_valid_number(number):
            self.phone = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
