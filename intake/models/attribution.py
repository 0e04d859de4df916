from django.db import models
from django.utils.translation import gettext_lazy as _

DIRECT = "(direct)"


class Attribution(models.Model):
    """Where a person first arrived from: kept on our side only, never personal data."""

    landing_path = models.CharField(_("landing page"), max_length=200, blank=True)
    referrer_origin = models.CharField(_("referring site"), max_length=200, blank=True)
    utm_source = models.CharField(_("UTM source"), max_length=100, blank=True)
    utm_medium = models.CharField(_("UTM medium"), max_length=100, blank=True)
    utm_campaign = models.CharField(_("UTM campaign"), max_length=100, blank=True)
    utm_term = models.CharField(_("UTM term"), max_length=100, blank=True)
    utm_content = models.CharField(_("UTM content"), max_length=100, blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.source = self.utm_source or self.referrer_origin or DIRECT
        super().save(*args, **kwargs)
