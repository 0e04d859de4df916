from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models.attribution import Attribution


class LeadMergeQuerySet(models.QuerySet):
    def surviving(self, number):
        """The lead a lead number now lives on: itself, or the original it was merged into (and on)."""
        seen = {number}
        while (into := self.filter(duplicate_number=number).values_list("original_id", flat=True).first()) is not None:
            if into in seen:
                break
            seen.add(into)
            number = into
        return number


class LeadMerge(Attribution):
    """A duplicate lead merged into its original: both numbers, who and when, and the duplicate's
    own attribution (a second arrival is a second touch a report may want to count).

    The duplicate's number is kept even once the duplicate itself is purged; it is unique, so a
    lead is merged once, whatever two people press at the same moment.
    """

    original = models.ForeignKey(
        "intake.Inquiry", verbose_name=_("original"), on_delete=models.CASCADE, related_name="merges_in"
    )
    duplicate = models.OneToOneField(
        "intake.Inquiry",
        verbose_name=_("duplicate"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="merged_into",
    )
    duplicate_number = models.PositiveIntegerField(_("duplicate's number"), unique=True)
    duplicate_received = models.DateTimeField(_("duplicate received"))
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = LeadMergeQuerySet.as_manager()

    class Meta:
        verbose_name = _("lead merge")
        verbose_name_plural = _("lead merges")
        ordering = ["-at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(original=models.F("duplicate_number")), name="intake_merge_not_into_itself"
            )
        ]

    def __str__(self):
        return f"Lead #{self.duplicate_number} merged into #{self.original_id}"
