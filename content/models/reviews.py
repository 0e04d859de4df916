from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from content import cache as content_cache


class ReviewerQuerySet(models.QuerySet):
    def team(self):
        return self.filter(on_team=True).order_by("team_order", "name")


def default_languages():
    return ["en"]


class Reviewer(models.Model):
    """A clinician who signs off clinical pages, shown by name and credentials on them."""

    name = models.CharField(_("name"), max_length=100)
    credentials = models.CharField(_("credentials"), max_length=100, help_text=_("For example: MD, FASAM"))
    licence = models.CharField(_("licence"), max_length=100, help_text=_("Licence type, number and state."))
    portrait = models.ForeignKey(
        "images.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("From the image library, with alt text. Without one the team shows initials."),
    )
    bio = models.TextField(_("bio"), blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="clinical_reviewer",
    )
    is_sample = models.BooleanField(_("sample"), default=False, help_text=_("Shown as SAMPLE on screen."))
    role = models.CharField(_("role"), max_length=100, blank=True, help_text=_("For example: Medical director"))
    on_team = models.BooleanField(
        _("show in the clinical team"), default=False, help_text=_("Listed on the home and About pages.")
    )
    team_order = models.PositiveSmallIntegerField(_("order in the team"), default=0)
    # Language codes (settings.LANGUAGES) this clinician reads well enough to review a page in.
    languages = models.JSONField(_("reads"), default=default_languages, blank=True)

    objects = ReviewerQuerySet.as_manager()

    class Meta:
        verbose_name = _("clinical reviewer")
        verbose_name_plural = _("clinical reviewers")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name}, {self.credentials}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        content_cache.invalidate()  # the team is shown on cached pages

    def reads(self, language):
        return language in (self.languages or [])

    @property
    def initials(self):
        """For the avatar of a reviewer with no photo in the image library."""
        words = [w for w in self.name.replace("Dr.", "").split() if w[:1].isalpha()]
        return "".join(w[0].upper() for w in words[:1] + words[-1:]) if words else "?"

    @property
    def display_name(self):
        return f"{self.name} (SAMPLE)" if self.is_sample else self.name


class ReviewQuerySet(models.QuerySet):
    def covering(self, page, content_hash):
        return self.filter(page=page, content_hash=content_hash)

    def current(self, today):
        return self.filter(next_review_due__gte=today)


class Review(models.Model):
    """A clinician's sign-off of one version of a page's content (kept apart from "last updated")."""

    page = models.ForeignKey("content.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(Reviewer, verbose_name=_("reviewer"), on_delete=models.PROTECT, related_name="+")
    reviewed_on = models.DateField(_("reviewed on"))
    next_review_due = models.DateField(_("next review due"))
    notes = models.TextField(_("notes"), blank=True)
    content_hash = models.CharField(
        _("content reviewed"), max_length=64, editable=False, help_text=_("Fingerprint of the content signed off.")
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    # The content signed off (content.snapshot.raw), so the next reviewer sees what changed since.
    snapshot = models.JSONField(_("content reviewed (copy)"), null=True, blank=True, editable=False)

    objects = ReviewQuerySet.as_manager()

    class Meta:
        verbose_name = _("clinical review")
        verbose_name_plural = _("clinical reviews")
        ordering = ["-reviewed_on", "-pk"]
        get_latest_by = ["reviewed_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(next_review_due__gt=F("reviewed_on")),
                name="content_review_next_due_after_review",
                violation_error_message=_("The next review must be due after the review date."),
                violation_error_code="review_dates",
            ),
        ]

    def __str__(self):
        return f"{self.page} reviewed by {self.reviewer} on {self.reviewed_on}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        content_cache.invalidate()


class ReviewRequestQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(closed_at__isnull=True)

    def readable_by(self, reviewer):
        """Requests for pages in a language `reviewer` reads (Reviewer.languages)."""
        return self.filter(page__language__in=reviewer.languages or [])


class ReviewRequest(models.Model):
    """An editor asked the clinical reviewers to look at a page: it sits in their queue until reviewed."""

    page = models.ForeignKey(
        "content.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="review_requests"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    content_hash = models.CharField(_("content to review"), max_length=64, editable=False)
    notified_at = models.DateTimeField(_("reviewers notified at"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True, editable=False)
    review = models.ForeignKey(
        Review, verbose_name=_("review"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = ReviewRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")
        ordering = ["requested_at", "pk"]
        constraints = [
            # One open request per page: asking twice must not queue the page twice.
            models.UniqueConstraint(
                fields=["page"], condition=Q(closed_at__isnull=True), name="content_reviewrequest_one_open"
            ),
        ]

    def __str__(self):
        return f"Review of page #{self.page_id} requested {self.requested_at:%Y-%m-%d}"
