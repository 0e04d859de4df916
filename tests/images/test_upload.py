"""What an upload keeps and what it loses: metadata gone, orientation applied, alt text enforced."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from PIL import ExifTags
from PIL import Image as PILImage

from images import services
from images.forms import ImageForm
from images.models import Image
from tests.images.factories import photo_bytes

pytestmark = pytest.mark.django_db


def exif_with_gps_and_rotation():
    exif = PILImage.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = 6  # the camera was turned: show it rotated 90 degrees clockwise
    exif[ExifTags.Base.DateTimeOriginal] = "2026:11:30 18:04:00"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (38.0, 53.0, 23.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "W"
    gps[ExifTags.GPS.GPSLongitude] = (77.0, 2.0, 10.0)
    return exif


def stored(image):
    with image.file.open("rb") as file:
        return PILImage.open(io.BytesIO(file.read()))


def upload_through_the_form(data, name="IMG_0042 Jane at the clinic.jpg", **fields):
    form = ImageForm(
        data={"title": "From a phone", "alt": "", "focal_x": "0.5", "focal_y": "0.5", "language": "en", **fields},
        files={"file": SimpleUploadedFile(name, data, content_type="image/jpeg")},
    )
    return form


def test_gps_and_every_other_metadata_is_gone_after_upload_and_the_picture_is_upright():
    original = photo_bytes((400, 300), exif=exif_with_gps_and_rotation(), comment=b"taken at home")
    assert PILImage.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the test is real

    form = upload_through_the_form(original, alt="A phone picture")
    assert form.is_valid(), form.errors
    image = form.save()

    kept = stored(image)
    assert dict(kept.getexif()) == {}
    assert not kept.getexif().get_ifd(ExifTags.IFD.GPSInfo)
    assert not {"exif", "xmp", "comment", "XML:com.adobe.xmp"} & set(kept.info)
    with image.file.open("rb") as file:
        raw = file.read()
    assert b"PhoneMaker" not in raw and b"taken at home" not in raw and b"Exif" not in raw
    # Orientation 6 applied before re-encoding: 400x300 as taken, 300x400 as seen.
    assert (kept.width, kept.height) == (300, 400) == (image.width, image.height)


def test_the_uploaded_file_name_is_not_kept():
    form = upload_through_the_form(photo_bytes((200, 100)), alt="A picture")
    assert form.is_valid(), form.errors
    image = form.save()
    assert "Jane" not in image.file.name and "IMG" not in image.file.name
    assert image.file.name.startswith("images/originals/") and image.file.name.endswith(".jpg")


def test_png_transparency_survives_the_strip():
    picture = PILImage.new("RGBA", (60, 40), (0, 0, 0, 0))
    out = io.BytesIO()
    picture.save(out, "PNG", pnginfo=None)
    image = services.add_image(data=out.getvalue(), title="Logo", decorative=True)
    assert stored(image).mode == "RGBA" and image.file.name.endswith(".png")


def test_alt_text_is_required_unless_the_image_is_decorative():
    form = upload_through_the_form(photo_bytes((200, 100)))
    assert not form.is_valid()
    assert form.errors["alt"] == ["Describe the image in its alt text, or mark it decorative."]
    assert not form.non_field_errors()

    decorative = upload_through_the_form(photo_bytes((200, 100)), decorative="on")
    assert decorative.is_valid(), decorative.errors
    assert decorative.save().alt_text == ""


def test_the_database_refuses_an_image_without_alt_text_too():
    image = services.add_image(data=photo_bytes((200, 100)), title="x", alt="Something")
    with pytest.raises(IntegrityError):
        Image.objects.filter(pk=image.pk).update(alt="")


@pytest.mark.parametrize("focal", [-0.1, 1.5])
def test_a_focal_point_outside_the_image_is_refused_with_a_message(focal):
    form = upload_through_the_form(photo_bytes((200, 100)), alt="A picture", focal_x=str(focal))
    assert not form.is_valid()
    assert "focal_x" in form.errors


def test_a_file_that_is_not_an_image_gets_a_message_not_a_stack_trace():
    form = upload_through_the_form(b"%PDF-1.4 not a picture", name="scan.jpg", alt="A scan")
    assert not form.is_valid()
    assert "file" in form.errors


def test_an_animated_upload_is_refused():
    frames = [PILImage.new("RGB", (20, 20), colour) for colour in ("red", "blue")]
    out = io.BytesIO()
    frames[0].save(out, "WEBP", save_all=True, append_images=frames[1:])
    with pytest.raises(ValidationError) as error:
        services.add_image(data=out.getvalue(), title="Moving", alt="Moving")
    assert error.value.code == "animated"
