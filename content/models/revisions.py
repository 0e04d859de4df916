from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from content import frozen


class Revision(models.Model):
    """One published version of a page, frozen: who published it, when, and exactly what."""

    page = models.ForeignKey("content.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="revisions")
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("published at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("published by"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    content_hash = models.CharField(_("content fingerprint"), max_length=64)
    snapshot = models.JSONField(_("snapshot"))
    # The body's HTML, rendered at publish (content.frozen); empty for versions published before.
    body = models.JSONField(_("rendered body"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("published version")
        verbose_name_plural = _("published versions")
        ordering = ["-number"]
        constraints = [models.UniqueConstraint(fields=["page", "number"], name="content_revision_unique_number")]

    def __str__(self):
        return f"{self.page} v{self.number}"

    def rendered_body(self, language=None):
        """The frozen body; rendered from the snapshot, and kept, on the first request for a version
        published before bodies were kept, under an older body template, or edited in the database.
        Lazily rather than in a migration: a migration would freeze today's template into history and
        render every version ever published during the deploy. `language` is the page's (the caller
        has it; read from the page otherwise)."""
        language = language or self.page.language
        if not frozen.is_current(self.body, language):
            self.body = frozen.render(self.snapshot, language)
            Revision.objects.filter(pk=self.pk).update(body=self.body)
        return self.body
