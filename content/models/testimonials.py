from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content import cache as content_cache


class TestimonialQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)


class Testimonial(models.Model):
    """A person's own words about their treatment: published only with their recorded consent."""

    class ConsentMethod(models.TextChoices):
        NONE = "", _("not recorded")
        SIGNED_FORM = "signed_form", _("signed consent form")
        EMAIL = "email", _("written consent by email")
        RECORDED_CALL = "recorded_call", _("recorded phone call")

    display_name = models.CharField(_("display name"), max_length=60, help_text=_("First name and initial only."))
    quote = models.TextField(_("quote"))
    program = models.CharField(_("program"), max_length=100, blank=True)
    consent_on = models.DateField(_("consent given on"), null=True, blank=True)
    consent_method = models.CharField(
        _("how consent was recorded"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    is_sample = models.BooleanField(_("sample"), default=False, help_text=_("Shown as SAMPLE on screen."))
    is_published = models.BooleanField(_("published"), default=False)

    objects = TestimonialQuerySet.as_manager()

    class Meta:
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")
        ordering = ["display_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_published=False) | (Q(consent_on__isnull=False) & ~Q(consent_method="")),
                name="content_testimonial_published_needs_consent",
                violation_error_message=_("A testimonial can be published only with its author's recorded consent."),
                violation_error_code="consent_required",
            ),
        ]

    def __str__(self):
        return f"{self.display_name}: {self.quote[:40]}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        content_cache.invalidate()
