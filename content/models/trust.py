"""Trust signals as content: accreditations and licences, insurance accepted, and the steps of a
first call. Editors keep them in the admin; the home, About and admission pages and the footer
show the published ones. The clinical team is the reviewers marked `on_team` (reviews.py)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from content import cache as content_cache


class TrustQuerySet(models.QuerySet):
    def shown(self, language=None):
        """The published items written in `language` (the active one); where that language has
        none yet, the default language's, so a page never loses its trust signals."""
        language = language or content_cache.language()
        published = self.filter(is_published=True)
        own = published.filter(language=language)
        if language == settings.LANGUAGE_CODE or own.exists():
            return own
        return published.filter(language=settings.LANGUAGE_CODE)


class TrustItem(models.Model):
    """What every trust signal has: an order, a SAMPLE flag, and publication."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    is_sample = models.BooleanField(_("sample"), default=False, help_text=_("Shown as SAMPLE on screen."))
    is_published = models.BooleanField(_("published"), default=True)
    # Each language has its own rows: words editors write are written per language.
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")

    objects = TrustQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["order", "pk"]

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        content_cache.invalidate()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        content_cache.invalidate()
        return result


class Accreditation(TrustItem):
    """An accreditation, certification or licence, with the page where anyone can check it."""

    class Kind(models.TextChoices):
        ACCREDITATION = "accreditation", _("accreditation")
        CERTIFICATION = "certification", _("certification")
        LICENCE = "licence", _("state licence")

    name = models.CharField(_("name"), max_length=120, help_text=_("For example: The Joint Commission"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ACCREDITATION)
    detail = models.CharField(
        _("detail"),
        max_length=200,
        blank=True,
        help_text=_("For example: the program, or the licence number."),
    )
    verify_url = models.URLField(
        _("verification link"), max_length=500, help_text=_("The issuer's own page where a reader can check it.")
    )

    class Meta(TrustItem.Meta):
        verbose_name = _("accreditation or licence")
        verbose_name_plural = _("accreditations and licences")

    def __str__(self):
        return self.name


class InsurancePlan(TrustItem):
    """An insurer (or a kind of cover) the center accepts."""

    name = models.CharField(_("name"), max_length=120)
    note = models.CharField(_("note"), max_length=200, blank=True, help_text=_("For example: most PPO plans."))

    class Meta(TrustItem.Meta):
        verbose_name = _("insurance accepted")
        verbose_name_plural = _("insurance accepted")

    def __str__(self):
        return self.name


class CallStep(TrustItem):
    """One step of "what happens when you call", in order."""

    title = models.CharField(_("title"), max_length=120)
    body = models.CharField(_("text"), max_length=300)

    class Meta(TrustItem.Meta):
        verbose_name = _("step of a first call")
        verbose_name_plural = _("what happens when you call")

    def __str__(self):
        return self.title
