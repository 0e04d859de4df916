import re

from django.db import models
from django.utils.translation import gettext_lazy as _


class StigmaTermQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class StigmaTerm(models.Model):
    """A word that labels people by their illness, with the person-first words to use instead.

    Matched as whole words, in any case, with plural endings ("addicts", "drug habits")."""

    term = models.CharField(_("word or phrase"), max_length=100, unique=True)
    alternatives = models.CharField(_("say instead"), max_length=255)
    note = models.TextField(_("why"), blank=True)
    is_active = models.BooleanField(_("checked"), default=True)

    objects = StigmaTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("stigmatising term")
        verbose_name_plural = _("stigmatising terms")
        ordering = ["term"]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = " ".join(self.term.lower().split())
        super().save(*args, **kwargs)

    def pattern(self):
        """Whole words, any case, a plural ending on the last word, any spacing between words."""
        words = [re.escape(word) for word in self.term.split()]
        return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?:s|es)?(?![\w-])", re.IGNORECASE)
