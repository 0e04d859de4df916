from django import forms
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile

from images import processing
from images.models import Image


class ImageForm(forms.ModelForm):
    """The library's form: a new upload is stripped of its metadata before anything stores it."""

    class Meta:
        model = Image
        fields = ["title", "file", "alt", "decorative", "focal_x", "focal_y", "credit", "licence"]
        widgets = {
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
