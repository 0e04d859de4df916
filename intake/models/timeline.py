from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nexus.crypto import EncryptedTextField


class StatusChange(models.Model):
    """A lead moved from one stage to another: who, when, and why when it left the pipeline."""

    inquiry = models.ForeignKey(
        "intake.Inquiry", verbose_name=_("lead"), on_delete=models.CASCADE, related_name="status_changes"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(_("from"), max_length=12, blank=True)
    to_status = models.CharField(_("to"), max_length=12)
    reason = EncryptedTextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.from_status or '-'} -> {self.to_status}"


class ActivityQuerySet(models.QuerySet):
    def attempts(self):
        return self.filter(kind__in=Activity.CONTACT_KINDS)

    def completed_contacts(self):
        """Attempts that reached the person: what "first contact" in the reports is measured to."""
        return self.attempts().filter(outcome__in=Activity.COMPLETED_OUTCOMES)


class Activity(models.Model):
    """A staff note or contact attempt on a lead's timeline."""

    class Kind(models.TextChoices):
        NOTE = "note", _("note")
        CALL = "call", _("call")
        TEXT = "text", _("text message")
        EMAIL = "email", _("email")

    class Outcome(models.TextChoices):
        NONE = "", _("(not a contact attempt)")
        REACHED = "reached", _("reached them")
        NO_ANSWER = "no_answer", _("no answer")
        VOICEMAIL = "voicemail", _("no answer, voicemail left")
        NO_VOICEMAIL = "no_voicemail", _("no answer, voicemail not left")
        WRONG_NUMBER = "wrong_number", _("wrong number")
        SENT = "sent", _("sent")

    CONTACT_KINDS = [Kind.CALL, Kind.TEXT, Kind.EMAIL]
    # A contact is completed when staff spoke with the person; a text sent or a voicemail left
    # is an attempt, however prompt.
    COMPLETED_OUTCOMES = [Outcome.REACHED]

    inquiry = models.ForeignKey(
        "intake.Inquiry", verbose_name=_("lead"), on_delete=models.CASCADE, related_name="activities"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.NOTE)
    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices, blank=True)
    note = EncryptedTextField(_("note"), blank=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_kind_display()} on lead #{self.inquiry_id}"

    @property
    def is_contact_attempt(self):
        return self.kind in self.CONTACT_KINDS

    @property
    def is_completed_contact(self):
        return self.is_contact_attempt and self.outcome in self.COMPLETED_OUTCOMES
