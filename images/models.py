import secrets
from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

EXTENSIONS = ["jpg", "jpeg", "png", "webp"]


def original_name(image, filename):
    """A random name: an uploaded file's own name can say who is in it or where it was taken."""
    extension = PurePosixPath(filename).suffix.lower().lstrip(".")
    return f"images/originals/{secrets.token_hex(8)}.{extension}"


class ImageQuerySet(models.QuerySet):
    def for_display(self):
        """Images as `{% picture %}` needs them: one query however many images, their renditions
        coming with each row (`rendition_list`)."""
        return self.all()


class Image(models.Model):
    """One picture in the library: uploaded once (metadata stripped), used by any number of pages."""

    class State(models.TextChoices):
        PENDING = "pending", _("being made")
        READY = "ready", _("ready")
        FAILED = "failed", _("failed (pages show a plain box)")

    title = models.CharField(_("title"), max_length=200, help_text=_("For finding it in the library; not shown."))
    file = models.ImageField(
        _("file"),
        upload_to=original_name,
        validators=[FileExtensionValidator(EXTENSIONS)],
        help_text=_("JPEG, PNG or WebP. Location and camera data are removed when it is uploaded."),
    )
    # Set from the stripped upload (images.processing.strip), not by ImageField's width_field: that
    # reopens the file whenever the field is assigned again, a network read with a bucket.
    width = models.PositiveIntegerField(_("width"), editable=False, default=0)
    height = models.PositiveIntegerField(_("height"), editable=False, default=0)
    alt = models.CharField(
        _("alt text"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for someone who cannot see it. Required unless it is decorative."),
    )
    decorative = models.BooleanField(
        _("decorative"), default=False, help_text=_("Adds nothing a reader needs: screen readers skip it.")
    )
    language = models.CharField(
        _("language of its text"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_(
            "The language the alt text and credit are written in. On a page in another language they are "
            "marked as this language, so a screen reader reads them in the right voice."
        ),
    )
    focal_x = models.FloatField(
        _("focal point, across"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the left edge, 1 the right; crops keep this point in view."),
    )
    focal_y = models.FloatField(
        _("focal point, down"),
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text=_("0 is the top, 1 the bottom."),
    )
    credit = models.CharField(_("credit"), max_length=200, blank=True, help_text=_("e.g. Photo: Jane Doe."))
    licence = models.CharField(_("licence"), max_length=200, blank=True, help_text=_("e.g. CC BY 4.0, or owned."))
    renditions_state = models.CharField(
        _("renditions"), max_length=10, choices=State.choices, default=State.PENDING, editable=False
    )
    # The renditions' rows copied onto the image (written with them, in the same transaction, by
    # images.tasks): a page reads an image with its renditions in the query that reads the image,
    # or in the page's own (select_related). Rendition rows stay the record of the files.
    rendition_list = models.JSONField(_("renditions made"), default=list, blank=True, editable=False)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = _("image")
        verbose_name_plural = _("images")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(decorative=True) | ~Q(alt=""),
                name="images_image_needs_alt",
                violation_error_message=_("Describe the image in its alt text, or mark it decorative."),
                violation_error_code="alt_required",
            ),
            models.CheckConstraint(
                condition=Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="images_image_focal_point_inside",
                violation_error_message=_("The focal point must lie inside the image (0 to 1)."),
                violation_error_code="focal_outside",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def alt_text(self):
        """The alt attribute: empty for a decorative image, so screen readers skip it."""
        return "" if self.decorative else self.alt

    def text_language_on(self, language):
        """The `lang` its alt text and credit need on a page in `language`: their own language when
        it is another one, else "" (nothing to mark)."""
        return self.language if self.language != language else ""

    def rendition_key(self):
        """What the renditions are made from: a new file or focal point means new renditions."""
        return f"{self.file.name}|{self.focal_x:.4f}|{self.focal_y:.4f}"


class Rendition(models.Model):
    """One resized (and maybe cropped) copy of an image, in one format; made by images.tasks."""

    class Format(models.TextChoices):
        AVIF = "avif", "AVIF"
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"

    image = models.ForeignKey(Image, verbose_name=_("image"), on_delete=models.CASCADE, related_name="renditions")
    aspect = models.CharField(_("aspect"), max_length=10, blank=True, help_text=_("Empty: the image's own."))
    format = models.CharField(_("format"), max_length=4, choices=Format.choices)
    width = models.PositiveIntegerField(_("width"))
    height = models.PositiveIntegerField(_("height"))
    file = models.FileField(_("file"), max_length=255)
    size = models.PositiveIntegerField(_("bytes"))

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        ordering = ["aspect", "format", "width"]
        constraints = [
            models.UniqueConstraint(fields=["image", "aspect", "format", "width"], name="images_rendition_unique"),
        ]

    def __str__(self):
        return f"{self.image} {self.aspect or 'original'} {self.format} {self.width}w"

    @property
    def mime_type(self):
        return f"image/{self.format}"

    def listed(self):
        """This rendition as Image.rendition_list holds it."""
        return {
            "aspect": self.aspect,
            "format": self.format,
            "width": self.width,
            "height": self.height,
            "file": self.file.name,
        }
