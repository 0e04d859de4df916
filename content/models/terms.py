import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

ACUTE = str.maketrans("áéíóú", "aeiou")


class StigmaTermQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def in_language(self, code):
        """The terms checked on pages written in `code` (see Page.language)."""
        return self.filter(language=code)


class StigmaTerm(models.Model):
    """A word that labels people by their illness, with the person-first words to use instead.

    Each term belongs to a language and is checked only on pages in that language. Matched as whole
    words, in any case, with plural endings ("addicts", "drug habits"; "adictos", "abusos de drogas")."""

    term = models.CharField(_("word or phrase"), max_length=100)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    alternatives = models.CharField(_("say instead"), max_length=255)
    note = models.TextField(_("why"), blank=True)
    is_active = models.BooleanField(_("checked"), default=True)

    objects = StigmaTermQuerySet.as_manager()

    class Meta:
        verbose_name = _("stigmatising term")
        verbose_name_plural = _("stigmatising terms")
        ordering = ["language", "term"]
        constraints = [
            models.UniqueConstraint(fields=["term", "language"], name="content_stigmaterm_one_per_language"),
        ]

    def __str__(self):
        return self.term

    def save(self, *args, **kwargs):
        self.term = normalised(self.term)
        super().save(*args, **kwargs)

    def clean(self):
        self.term = normalised(self.term)  # before the form checks that the term is not listed yet

    def pattern(self):
        """Whole words, any case, any spacing between words, and plurals: an ending on the last word
        in English ("drug habits"); in Spanish on any word, as the noun that takes it may come first
        ("abusos de drogas"), and without the accent of a last syllable in -n or -s ("abusón",
        "abusones"). `\\w` is Unicode: a term never matches inside a longer word ("adicto" in
        "drogadicto", "adic" in "adicción")."""
        words = self.term.split()
        if not words:
            return re.compile(r"(?!)")  # matches nothing
        if self.language == "es":
            forms = [_spanish_plurals(word) for word in words]
        else:
            forms = [re.escape(word) for word in words[:-1]] + [re.escape(words[-1]) + "(?:s|es)?"]
        return re.compile(r"(?<![\w-])" + r"\s+".join(forms) + r"(?![\w-])", re.IGNORECASE)


def normalised(term):
    return " ".join((term or "").lower().split())


def _spanish_plurals(word):
    forms = [re.escape(word) + "(?:s|es)?"]
    if re.search(r"[áéíóú][ns]$", word):
        forms.append(re.escape(word.translate(ACUTE)) + "es")
    if word.endswith("z"):
        forms.append(re.escape(word[:-1]) + "ces")
    return "(?:" + "|".join(forms) + ")"
