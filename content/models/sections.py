from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from content.models.pages import Page


class Section(models.Model):
    """One typed block of a page, in order; a heading makes it an entry in the contents list."""

    class Kind(models.TextChoices):
        TEXT = "text", _("rich text (Markdown)")
        LIST = "list", _("bullet list")
        WARNING = "warning", _("warning callout (urgent safety message)")
        FAQ = "faq", _("question and answer")
        TESTIMONIAL = "testimonial", _("testimonial")
        CTA = "cta", _("call to action")
        IMAGE = "image", _("image (with an optional caption in the text)")

    # The fields each type shows in the editor, in the order the editor shows them, and which of
    # them it needs (docs/editor.md). The editor's script reads this (no field list in JavaScript),
    # clean() checks it: a new type is one entry here.
    FIELDS_BY_KIND = {
        Kind.TEXT: ["heading", "anchor", "body"],
        Kind.LIST: ["heading", "anchor", "body", "items"],
        Kind.WARNING: ["heading", "anchor", "body"],
        Kind.FAQ: ["heading", "anchor", "question", "body"],
        Kind.TESTIMONIAL: ["heading", "anchor", "testimonial"],
        Kind.CTA: ["heading", "anchor", "body", "cta_label", "cta_url"],
        Kind.IMAGE: ["heading", "anchor", "image", "body"],
    }
    REQUIRED_BY_KIND = {
        Kind.TEXT: ["body"],
        Kind.LIST: ["items"],
        Kind.WARNING: ["body"],
        Kind.FAQ: ["question", "body"],
        Kind.TESTIMONIAL: ["testimonial"],
        Kind.CTA: ["cta_label", "cta_url"],
        Kind.IMAGE: ["image"],
    }
    # A field's label when one type means something else by it.
    LABELS_BY_KIND = {
        Kind.FAQ: {"body": _("answer (Markdown)")},
        Kind.LIST: {"body": _("introduction (Markdown)")},
        Kind.IMAGE: {"body": _("caption (Markdown, optional)")},
    }
    # Every field a type may use; the editor hides the others.
    KIND_FIELDS = ["heading", "anchor", "question", "body", "items", "testimonial", "image", "cta_label", "cta_url"]

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices, default=Kind.TEXT)
    heading = models.CharField(_("heading"), max_length=200, blank=True)
    anchor = models.SlugField(_("anchor"), max_length=100, blank=True, help_text=_("Empty: made from the heading."))
    body = models.TextField(_("text (Markdown)"), blank=True, help_text=_("Cite a source with [^1]."))
    items = models.TextField(_("list items"), blank=True, help_text=_("One item a line."))
    question = models.CharField(_("question"), max_length=255, blank=True)
    testimonial = models.ForeignKey(
        "content.Testimonial",
        verbose_name=_("testimonial"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    image = models.ForeignKey(
        "images.Image", verbose_name=_("image"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cta_label = models.CharField(_("button label"), max_length=80, blank=True)
    cta_url = models.CharField(_("button link"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "anchor"], condition=~Q(anchor=""), name="content_section_unique_anchor"
            ),
            models.CheckConstraint(
                condition=~Q(kind="list") | ~Q(items=""),
                name="content_section_list_has_items",
                violation_error_message=_("A bullet list needs items."),
                violation_error_code="items_required",
            ),
            models.CheckConstraint(
                condition=~Q(kind__in=["text", "warning"]) | ~Q(body=""),
                name="content_section_text_has_body",
                violation_error_message=_("This section needs text."),
                violation_error_code="body_required",
            ),
            models.CheckConstraint(
                condition=~Q(kind="faq") | (~Q(question="") & ~Q(body="")),
                name="content_section_faq_complete",
                violation_error_message=_("A question needs its answer."),
                violation_error_code="faq_incomplete",
            ),
            models.CheckConstraint(
                condition=~Q(kind="testimonial") | Q(testimonial__isnull=False),
                name="content_section_testimonial_chosen",
                violation_error_message=_("Choose a testimonial."),
                violation_error_code="testimonial_required",
            ),
            models.CheckConstraint(
                condition=~Q(kind="cta") | (~Q(cta_label="") & ~Q(cta_url="")),
                name="content_section_cta_complete",
                violation_error_message=_("A call to action needs a label and a link."),
                violation_error_code="cta_incomplete",
            ),
            models.CheckConstraint(
                condition=~Q(kind="image") | Q(image__isnull=False),
                name="content_section_image_chosen",
                violation_error_message=_("Choose an image."),
                violation_error_code="image_required",
            ),
        ]

    def __str__(self):
        return self.heading or self.get_kind_display()

    def save(self, *args, **kwargs):
        if self.heading and not self.anchor:
            self.anchor = self.free_anchor(slugify(self.heading)[:95])
        super().save(*args, **kwargs)

    def free_anchor(self, base):
        """`base`, or `base-2`, `base-3`...: two sections with one heading (a duplicated section)
        must not collide on the page's unique anchors."""
        taken = set(Section.objects.filter(page_id=self.page_id).exclude(pk=self.pk).values_list("anchor", flat=True))
        anchor, n = base, 1
        while anchor in taken:
            n += 1
            anchor = f"{base}-{n}"
        return anchor

    def clean(self):
        """Each type's own fields, filled: the message is on the field, not at the top of the form."""
        errors = {}
        for name in self.REQUIRED_BY_KIND.get(self.kind, []):
            if getattr(self, name if name != "testimonial" else "testimonial_id") in ("", None):
                label = self.LABELS_BY_KIND.get(self.kind, {}).get(name) or self._meta.get_field(name).verbose_name
                message = _("A %(kind)s section needs its %(field)s.")
                params = {"kind": self.get_kind_display(), "field": label}
                errors[name] = ValidationError(message, code=f"{name}_required", params=params)
        if errors:
            raise ValidationError(errors)

    def item_list(self):
        return [line.strip(" -*\t") for line in self.items.splitlines() if line.strip(" -*\t")]


class Source(models.Model):
    """A reference a page cites; numbered in order at the bottom of the page."""

    page = models.ForeignKey(Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="sources")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=300)
    publisher = models.CharField(_("publisher"), max_length=200)
    url = models.URLField(_("URL"), max_length=500, blank=True)
    doi = models.CharField(_("DOI"), max_length=200, blank=True)
    accessed_on = models.DateField(_("date accessed"))

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(url="") | ~Q(doi=""),
                name="content_source_has_url_or_doi",
                violation_error_message=_("Give the source's URL or DOI."),
                violation_error_code="url_or_doi",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def link(self):
        return self.url or f"https://doi.org/{self.doi}"
