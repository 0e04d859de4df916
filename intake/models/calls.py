from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from intake.models.attribution import Attribution


class CallClickQuerySet(models.QuerySet):
    def since(self, moment):
        return self.filter(at__gte=moment)


class CallClick(Attribution):
    """Someone pressed a call link: the page and the attribution, nothing about the person."""

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    page_path = models.CharField(_("page"), max_length=200, blank=True)

    objects = CallClickQuerySet.as_manager()

    class Meta:
        verbose_name = _("call click")
        verbose_name_plural = _("call clicks")
        ordering = ["-at"]

    def __str__(self):
        return f"Call click #{self.pk}"
