from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from images import processing
from images.models import Image


class ImageForm(forms.ModelForm):
    """The library's form: a new upload is stripped of its metadata before anything stores it."""

    class Meta:
        model = Image
        fields = ["title", "file", "alt", "decorative", "focal_x", "focal_y", "credit", "licence"]
        widgets = {
            "alt": forms.Textarea(attrs={"rows": 3, "cols": 60, "maxlength": 250}),
            "focal_x": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
            "focal_y": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "1"}),
        }

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload
        upload.seek(0)
        data, extension, (self.instance.width, self.instance.height) = processing.strip(upload.read())
        return ContentFile(data, name=f"upload.{extension}")

    def clean(self):
        cleaned = super().clean()
        # Said under the alt text field, where it is fixed (the constraint would say it at the top).
        if not cleaned.get("decorative") and not cleaned.get("alt") and "alt" not in self.errors:
            self.add_error(
                "alt",
                forms.ValidationError(
                    _("Describe the image in its alt text, or mark it decorative."), code="alt_required"
                ),
            )
        return cleaned
