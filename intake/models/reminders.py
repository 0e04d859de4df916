from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """A reminder sent about a lead: one row per (lead, kind, moment), so each is sent once.

    The unique constraint is the promise: two scheduler runs, or two at the same moment, both
    try to insert the row and only one succeeds (and only that one sends). A follow-up moved to
    another time is another moment, so it is reminded again when that falls due.
    """

    class Kind(models.TextChoices):
        FOLLOW_UP = "follow_up", _("follow-up due")
        URGENT_UNANSWERED = "urgent", _("urgent lead unanswered")

    inquiry = models.ForeignKey(
        "intake.Inquiry", verbose_name=_("lead"), on_delete=models.CASCADE, related_name="reminders"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    due = models.DateTimeField(_("due"))
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    recipients = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("sent to"), related_name="+")

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-sent_at"]
        constraints = [
            models.UniqueConstraint(fields=["inquiry", "kind", "due"], name="intake_reminder_once"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} on lead #{self.inquiry_id}"
