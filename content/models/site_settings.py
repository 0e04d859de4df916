from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from content import cache as content_cache
from nexus.phone import sms_href, tel_href


def default_center_name():
    return settings.NEXUS_CENTER_NAME


def default_phone():
    return settings.NEXUS_PHONE


def default_address():
    return settings.NEXUS_ADDRESS


def default_admissions_email():
    return settings.NEXUS_ADMISSIONS_EMAIL


DEFAULT_HOURS = "Admissions answer the phone 24 hours a day, 7 days a week."
DEFAULT_HOURS_ES = "El equipo de ingresos contesta el teléfono las 24 horas, los 7 días de la semana."
DEFAULT_CRISIS_TEXT = "In danger now? Call 911. Call or text 988 for the Suicide & Crisis Lifeline."


class SiteSettings(models.Model):
    """The one row of site-wide facts editors may change; the environment gives the first values."""

    center_name = models.CharField(_("center name"), max_length=100, default=default_center_name)
    phone = models.CharField(_("phone"), max_length=40, default=default_phone)
    address = models.CharField(_("address"), max_length=255, default=default_address)
    hours = models.CharField(_("hours"), max_length=255, blank=True, default=DEFAULT_HOURS)
    # Words editors write are per language; numbers, names and addresses are the same in both.
    hours_es = models.CharField(_("hours (Spanish)"), max_length=255, blank=True, default=DEFAULT_HOURS_ES)
    text_phone = models.CharField(
        _("text line"),
        max_length=40,
        blank=True,
        help_text=_("Takes text messages. Empty: the phone number."),
    )
    admissions_email = models.EmailField(_("admissions email"), default=default_admissions_email)
    crisis_text = models.CharField(_("crisis-line text"), max_length=255, blank=True, default=DEFAULT_CRISIS_TEXT)

    class Meta:
        verbose_name = _("site settings")
        verbose_name_plural = _("site settings")
        constraints = [models.CheckConstraint(condition=models.Q(pk=1), name="content_sitesettings_single_row")]

    def __str__(self):
        return str(self.center_name)

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)
        content_cache.invalidate()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        content_cache.invalidate()
        return result

    def as_context(self):
        return {
            "name": self.center_name,
            "phone": self.phone,
            "phone_tel": tel_href(self.phone),
            "phone_sms": sms_href(self.text_phone or self.phone),
            "address": self.address,
            "hours": self.hours_es if translation.get_language() == "es" else self.hours,
            "admissions_email": self.admissions_email,
            "crisis_text": self.crisis_text,
        }

    @classmethod
    def defaults_context(cls):
        """The same shape from the environment's settings, for a site that has no row yet."""
        return cls(
            center_name=default_center_name(),
            phone=default_phone(),
            address=default_address(),
            admissions_email=default_admissions_email(),
        ).as_context()
