from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models.attribution import Attribution
from intake.models.names import NAME_FIELDS, LeadNameWord
from intake.models.outcomes import LOST_PREFIX, OTHER_SUFFIX, OUTCOME_CHOICES, REFERRED_PREFIX, Outcome
from nexus.crypto import EncryptedTextField
from nexus.hashing import lead_email_hash, lead_phone_hash

DUPLICATE_WINDOW = timedelta(days=90)


class InquiryQuerySet(models.QuerySet):
    def since(self, moment):
        return self.filter(created_at__gte=moment)

    def open(self):
        return self.exclude(status__in=Inquiry.FINAL_STATUSES)

    def unassigned(self):
        return self.open().filter(owner__isnull=True)

    def overdue(self, now=None):
        return self.open().filter(follow_up_due__lt=now or timezone.now())

    def urgent(self):
        return self.open().filter(in_danger=True)

    def by_urgency(self):
        """Someone in danger first, then the follow-up due soonest, then the oldest waiting."""
        return self.order_by(F("in_danger").desc(), F("follow_up_due").asc(nulls_last=True), "created_at")

    def follow_ups_due(self, now=None):
        """Open leads with an owner whose follow-up time has come."""
        return self.open().filter(owner__isnull=False, follow_up_due__lte=now or timezone.now())

    def urgent_unanswered(self, *, after, now=None):
        """Urgent open leads nobody has tried to contact `after` (a timedelta) since they arrived."""
        return self.urgent().filter(first_contact_at__isnull=True, created_at__lte=(now or timezone.now()) - after)

    def matching(self, *, phone_hash, email_hash, now=None):
        """Leads from the duplicate window with the same phone or email (compared as keyed hashes)."""
        match = Q()
        if phone_hash:
            match |= Q(phone_hash=phone_hash)
        if email_hash:
            match |= Q(email_hash=email_hash)
        if not match:
            return self.none()
        return self.filter(match, created_at__gte=(now or timezone.now()) - DUPLICATE_WINDOW)

    def rehash_lookups(self):
        """Recompute every phone and email hash from the encrypted values (after a key change)."""
        count = 0
        for pk, phone, email in self.values_list("pk", "phone", "email").iterator(chunk_size=500):
            self.filter(pk=pk).update(phone_hash=lead_phone_hash(phone), email_hash=lead_email_hash(email))
            count += 1
        return count

    def wanting_spanish(self):
        """Leads to speak Spanish with: they wrote in Spanish, or said they would rather (Inquiry.wants_spanish)."""
        return self.filter(Q(language=Inquiry.Language.SPANISH) | Q(prefers_spanish=True))

    def in_language(self, key):
        """The desk's language filter (Inquiry.LANGUAGE_FILTERS): `spanish` is everyone to speak
        Spanish with, `prefers_spanish` those who said so on the form, `english` the English
        leads who did not, `other` another language noted by staff; an unknown key filters nothing."""
        if key == "spanish":
            return self.wanting_spanish()
        if key == "prefers_spanish":
            return self.filter(prefers_spanish=True)
        if key == "english":
            return self.filter(language=Inquiry.Language.ENGLISH).exclude(prefers_spanish=True)
        if key == "other":
            return self.filter(language=Inquiry.Language.OTHER)
        return self

    def purgeable(self, *, days, now=None):
        cutoff = (now or timezone.now()) - timedelta(days=days)
        return self.filter(status__in=Inquiry.FINAL_STATUSES, closed_at__lt=cutoff)


class Inquiry(Attribution):
    """One person asking for help (an admission inquiry or a callback request), and its pipeline.

    Everything a person typed is encrypted at rest; phone and email also keep a keyed hash so
    duplicates can be found without decrypting. `__str__` never shows personal data because it
    ends up in the admin's history and the audit trail. No `get_absolute_url`: a lead has no
    public page, so the admin offers no "View on site" for it.
    """

    class Kind(models.TextChoices):
        INQUIRY = "inquiry", _("admission inquiry")
        CALLBACK = "callback", _("callback request")
        INSURANCE = "insurance", _("insurance inquiry")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        CONTACTED = "contacted", _("Contacted")
        SCREENING = "screening", _("Screening")
        INSURANCE = "insurance", _("Insurance verification")
        ASSESSMENT = "assessment", _("Assessment scheduled")
        ADMITTED = "admitted", _("Admitted")
        REFERRED_OUT = "referred_out", _("Referred out")
        LOST = "lost", _("Closed (lost)")
        MERGED = "merged", _("Merged into another lead")

    class WhoNeedsHelp(models.TextChoices):
        MYSELF = "myself", _("Myself")
        LOVED_ONE = "loved_one", _("A loved one")
        PROFESSIONAL = "professional", _("A client (I am a professional referring them)")

    class ContactMethod(models.TextChoices):
        CALL = "call", _("Phone call")
        TEXT = "text", _("Text message")
        EMAIL = "email", _("Email")

    class BestTime(models.TextChoices):
        ANY = "any", _("Any time")
        MORNING = "morning", _("Morning (8am to noon)")
        AFTERNOON = "afternoon", _("Afternoon (noon to 5pm)")
        EVENING = "evening", _("Evening (5pm to 9pm)")

    class Language(models.TextChoices):
        ENGLISH = "en", _("English")
        SPANISH = "es", _("Spanish")
        OTHER = "other", _("Another language (see the notes)")

    class Substance(models.TextChoices):
        BENZODIAZEPINES = "benzodiazepines", _("Benzodiazepines")
        ALCOHOL = "alcohol", _("Alcohol")
        OPIOIDS = "opioids", _("Opioids")
        STIMULANTS = "stimulants", _("Stimulants")
        OTHER = "other", _("Other")

    class CareLevel(models.TextChoices):
        NOT_SURE = "not_sure", _("Not sure yet")
        DETOX = "detox", _("Detox")
        INPATIENT = "inpatient", _("Inpatient (residential)")
        OUTPATIENT = "outpatient", _("Outpatient")

    class Notification(models.TextChoices):
        PENDING = "pending", _("not sent yet")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed: check the inbox")

    # The desk's language filter, as (key, label): InquiryQuerySet.in_language reads the keys.
    LANGUAGE_FILTERS = [
        ("english", _("English")),
        ("spanish", _("Spanish")),
        ("prefers_spanish", _("Prefers Spanish")),
        ("other", _("Other")),
    ]

    FINAL_STATUSES = [Status.ADMITTED, Status.REFERRED_OUT, Status.LOST, Status.MERGED]
    REASON_REQUIRED = [Status.REFERRED_OUT, Status.LOST]

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.INQUIRY)
    created_at = models.DateTimeField(_("received"), default=timezone.now, db_index=True)
    submission_token = models.CharField(_("submission token"), max_length=64, unique=True, editable=False)

    who_needs_help = models.CharField(_("who needs help"), max_length=20, choices=WhoNeedsHelp.choices, blank=True)
    name = EncryptedTextField(_("requester's name"))
    relationship = EncryptedTextField(_("relationship"), blank=True)
    person_first_name = EncryptedTextField(_("person's first name"), blank=True)
    phone = EncryptedTextField(_("phone (E.164)"), blank=True)
    email = EncryptedTextField(_("email"), blank=True)
    phone_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    email_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    preferred_contact = models.CharField(
        _("preferred contact"), max_length=10, choices=ContactMethod.choices, default=ContactMethod.CALL
    )
    best_time = models.CharField(_("best time"), max_length=10, choices=BestTime.choices, default=BestTime.ANY)
    voicemail_ok = models.BooleanField(_("voicemail allowed"), default=False)
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=Language.choices,
        blank=True,
        help_text=_("The form's language when they wrote; change it when they tell you another."),
    )
    # Their answer to "Would you rather we speak Spanish?": empty when not asked or not answered.
    prefers_spanish = models.BooleanField(_("prefers Spanish"), null=True, blank=True)
    substances = models.JSONField(_("substances"), default=list, blank=True)
    care_level = models.CharField(_("level of care"), max_length=12, choices=CareLevel.choices, blank=True)
    insurance_provider = EncryptedTextField(_("insurance provider"), blank=True)
    insurance_member_id = EncryptedTextField(_("insurance member ID"), blank=True)
    message = EncryptedTextField(_("message"), blank=True)
    in_danger = models.BooleanField(_("urgent: someone in danger"), default=False)

    consent_version = models.CharField(_("consent wording version"), max_length=20)
    privacy_consent_at = models.DateTimeField(_("privacy notice read at"))
    contact_consent_at = models.DateTimeField(_("contact consent at"))
    reminder_consent_at = models.DateTimeField(_("reminder texts consent at"), null=True, blank=True)

    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.NEW, db_index=True)
    outcome_reason = models.CharField(
        _("reason"),
        max_length=30,
        choices=OUTCOME_CHOICES,
        blank=True,
        help_text=_("Required for referred out and closed (lost)."),
    )
    referred_to = models.ForeignKey(
        "intake.ReferralPartner",
        verbose_name=_("referred to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        limit_choices_to={"active": True},
        related_name="referrals",
    )
    status_reason = EncryptedTextField(
        _("note on the reason"), blank=True, help_text=_('Required when the reason is "Other".')
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_inquiries",
    )
    follow_up_due = models.DateTimeField(_("follow-up due"), null=True, blank=True, db_index=True)
    first_contact_at = models.DateTimeField(_("first contact"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)
    duplicate_of = models.ForeignKey(
        "self", verbose_name=_("possible duplicate of"), null=True, blank=True, on_delete=models.SET_NULL
    )
    notification = models.CharField(
        _("staff email"), max_length=10, choices=Notification.choices, default=Notification.PENDING
    )

    objects = InquiryQuerySet.as_manager()

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-created_at"]
        permissions = [("export_inquiry", _("Can export leads to CSV"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="lost") | Q(outcome_reason__startswith="lost_"),
                name="intake_inquiry_lost_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(status="referred_out") | Q(outcome_reason__startswith="referred_"),
                name="intake_inquiry_referred_has_reason",
            ),
            models.CheckConstraint(
                condition=~Q(outcome_reason__endswith="_other") | ~Q(status_reason=""),
                name="intake_inquiry_other_reason_has_note",
            ),
            models.CheckConstraint(
                condition=~Q(phone_hash="") | ~Q(email_hash=""), name="intake_inquiry_phone_or_email"
            ),
            models.CheckConstraint(
                condition=Q(
                    status__in=[
                        "new",
                        "contacted",
                        "screening",
                        "insurance",
                        "assessment",
                        "admitted",
                        "referred_out",
                        "lost",
                        "merged",
                    ]
                ),
                name="intake_inquiry_status_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display().capitalize()} #{self.pk}"

    def save(self, *args, **kwargs):
        if self.status in self.REASON_REQUIRED and not self.outcome_reason and self.status_reason:
            # A reason given only as text (code written before the choices, an import) is "other".
            self.outcome_reason = self.outcome_prefix() + "other"
        self.phone_hash = lead_phone_hash(self.phone)
        self.email_hash = lead_email_hash(self.email)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and not set(update_fields) & set(NAME_FIELDS):
            return super().save(*args, **kwargs)
        with transaction.atomic():
            super().save(*args, **kwargs)
            LeadNameWord.objects.index(self)

    @property
    def time_to_first_contact(self):
        return self.first_contact_at - self.created_at if self.first_contact_at else None

    def is_overdue(self, now=None):
        return (
            self.status not in self.FINAL_STATUSES
            and self.follow_up_due is not None
            and self.follow_up_due < (now or timezone.now())
        )

    def wants_spanish(self):
        """Speak Spanish with them: they wrote in Spanish, or answered yes to "Would you rather we
        speak Spanish with you?" (InquiryQuerySet.wanting_spanish is the same rule for a list)."""
        return self.language == self.Language.SPANISH or self.prefers_spanish is True

    def language_label(self):
        """What the desk's badge says: "Spanish" for a lead written in Spanish, "Prefers Spanish" for
        one written in another language who asked for Spanish, nothing otherwise."""
        if self.language == self.Language.SPANISH:
            return _("Spanish")
        if self.prefers_spanish:
            return _("Prefers Spanish")
        return ""

    def prefers_spanish_answer(self):
        return {True: _("yes"), False: _("no"), None: _("not asked")}[self.prefers_spanish]

    def clean(self):
        self.clean_merged()
        self.clean_outcome()

    def outcome_prefix(self):
        return LOST_PREFIX if self.status == self.Status.LOST else REFERRED_PREFIX

    def clean_outcome(self):
        """A reason from the list that fits the status, a note with "other"; none while open."""
        if self.status not in self.REASON_REQUIRED:
            self.outcome_reason, self.referred_to = "", None
            return
        if self.status != self.Status.REFERRED_OUT:
            self.referred_to = None
        if not self.outcome_reason:
            raise ValidationError(
                {"outcome_reason": _("Give a reason when a lead is referred out or closed.")}, code="reason_required"
            )
        if not self.outcome_reason.startswith(self.outcome_prefix()):
            raise ValidationError(
                {
                    "outcome_reason": _("That reason is for %(status)s; choose one under %(this)s.")
                    % {
                        "status": _("referrals") if self.status == self.Status.LOST else _("closed leads"),
                        "this": _('"Closed (lost)"') if self.status == self.Status.LOST else _('"Referred out"'),
                    }
                },
                code="reason_mismatch",
            )
        if self.outcome_reason.endswith(OTHER_SUFFIX) and not self.status_reason.strip():
            raise ValidationError(
                {"status_reason": _('Say why in the note when the reason is "Other".')}, code="note_required"
            )

    def outcome_summary(self):
        """The outcome in words, for the timeline: reason, partner, note."""
        parts = [str(Outcome(self.outcome_reason).label)] if self.outcome_reason else []
        if self.referred_to_id:
            parts.append(str(_("referred to %(partner)s") % {"partner": self.referred_to}))
        if self.status_reason:
            parts.append(self.status_reason)
        return "; ".join(parts)

    def clean_merged(self):
        """Only merging marks a lead merged (intake.merging), and a merged lead stays merged."""
        merge = getattr(self, "merged_into", None) if self.pk else None
        if merge is not None and self.status != self.Status.MERGED:
            raise ValidationError(
                {
                    "status": _("This lead was merged into lead #%(n)s: work that lead instead.")
                    % {"n": merge.original_id}
                },
                code="merged",
            )
        if merge is None and self.status == self.Status.MERGED:
            raise ValidationError(
                {"status": _("A lead is marked merged by merging it into its original, not by its status.")},
                code="merge_by_status",
            )
