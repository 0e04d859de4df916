from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from newsletter import rendering
from newsletter.validators import no_line_breaks


class IssueQuerySet(models.QuerySet):
    def sent(self):
        return self.filter(status=Issue.Status.SENT)

    def archived(self):
        """What the public archive shows: issues that went out, newest first."""
        return self.sent().order_by("-started_at")

    def in_language(self, language):
        return self.filter(language=language)

    def due(self, now=None):
        return self.filter(status=Issue.Status.SCHEDULED, scheduled_at__lte=now or timezone.now())


class Issue(models.Model):
    """One newsletter issue (a campaign): what it says, and how far its sending has got."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SCHEDULED = "scheduled", _("scheduled")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")

    subject = models.CharField(_("subject"), max_length=150, validators=[no_line_breaks])
    preheader = models.CharField(
        _("preheader"),
        max_length=200,
        blank=True,
        validators=[no_line_breaks],
        help_text=_("The short line inboxes show after the subject."),
    )
    body = models.TextField(_("body (Markdown)"))
    # An issue goes to the subscribers of its language only.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.DRAFT)
    scheduled_at = models.DateTimeField(_("send at"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("sending finished at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        ordering = ["-created_at"]
        permissions = [("send_issue", _("Can send an issue to subscribers"))]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="scheduled") | Q(scheduled_at__isnull=False),
                name="newsletter_scheduled_issue_has_time",
            ),
        ]

    def __str__(self):
        return self.subject

    def get_absolute_url(self):
        # In the issue's own language: under i18n_patterns a Spanish issue's page is under /es/.
        with translation.override(self.language):
            return reverse("newsletter:archive_detail", args=[self.pk])

    def has_public_page(self):
        """Only issues that went out are in the public archive."""
        return self.status == self.Status.SENT

    def body_html(self):
        """The body as HTML, sanitised by nh3 (safe to put in a page without further escaping)."""
        return mark_safe(rendering.to_html(self.body))  # noqa: S308 - nh3 output

    @property
    def is_editable(self):
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def progress(self):
        """Deliveries counted by status, plus "left" (not yet attempted or waiting for a retry)."""
        counts = dict.fromkeys(Delivery.Status.values, 0)
        counts |= dict(self.deliveries.values_list("status").annotate(n=Count("pk")).order_by())
        counts["left"] = counts[Delivery.Status.QUEUED] + counts[Delivery.Status.SENDING]
        counts["total"] = sum(counts[status] for status in Delivery.Status.values)
        return counts


class DeliveryQuerySet(models.QuerySet):
    def claimable(self, issue_id, now):
        return self.filter(issue_id=issue_id, status=Delivery.Status.QUEUED, next_attempt_at__lte=now)

    def stale(self, *, timeout, now):
        """Claimed by a worker that has not kept its claim alive within the timeout: it died or stalled."""
        return self.filter(status=Delivery.Status.SENDING, claimed_at__lt=now - timeout)


class Delivery(models.Model):
    """One issue to one subscriber: created when staff press send, so the audience is frozen.

    The status only moves forward (queued -> sending -> sent | failed | skipped | unknown, or back
    to queued for a retry after a temporary failure that certainly delivered nothing). A row a
    dead or stalled worker had handed to the mail server becomes "unknown": nobody can tell
    whether the message left, so it is never re-sent without a person deciding; the rows of its
    claim it had not touched are queued again.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        SENDING = "sending", _("sending")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")
        SKIPPED = "skipped", _("skipped (unsubscribed or suppressed)")
        UNKNOWN = "unknown", _("unknown (worker stopped mid-send)")

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries", verbose_name=_("issue"))
    # SET_NULL: erasing a subscriber keeps the issue's counts but forgets who it was.
    subscriber = models.ForeignKey(
        "newsletter.Subscriber",
        on_delete=models.SET_NULL,
        null=True,
        related_name="deliveries",
        verbose_name=_("subscriber"),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    claimed_at = models.DateTimeField(_("claimed at"), null=True, blank=True)
    claimed_by = models.CharField(_("claimed by worker"), max_length=100, blank=True)
    # Set just before the message goes to the mail server: of a claim that timed out, only this
    # row can have left (it becomes "unknown"); the rest are queued again.
    handed_over_at = models.DateTimeField(_("handed to the mail server at"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    message_id = models.CharField(_("Message-ID"), max_length=200, blank=True)
    error = models.CharField(_("last error"), max_length=200, blank=True)

    objects = DeliveryQuerySet.as_manager()

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="newsletter_one_delivery_per_subscriber"),
            models.CheckConstraint(
                condition=~Q(status="sent") | Q(sent_at__isnull=False), name="newsletter_sent_delivery_has_date"
            ),
        ]
        indexes = [models.Index(fields=["issue", "status", "next_attempt_at"], name="newsletter_claim_idx")]

    def __str__(self):
        return f"Issue #{self.issue_id} to subscriber #{self.subscriber_id}"
