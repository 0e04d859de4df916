"""Insurance form posts and card photos with metadata, as phones take them."""

import io

from django.test.client import MULTIPART_CONTENT
from PIL import ExifTags, Image

from tests.intake.helpers import stamp

INSURANCE_URL = "/admissions/insurance/"
GPS_LATITUDE = (38.0, 53.0, 23.0)


def card_jpeg(*, size=(320, 200), orientation=None, gps=True, comment=b"", name="card.jpg"):
    """A JPEG with a GPS tag, a camera model, an ICC profile, a comment and, optionally, an orientation."""
    image = Image.new("RGB", size, "#3366aa")
    image.paste((250, 250, 250), (0, 0, size[0] // 2, size[1] // 4))  # a light band at the top left
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = "Example Phone 12"
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = GPS_LATITUDE
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "W"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (77.0, 2.0, 11.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif, comment=comment or b"taken at home", icc_profile=b"ICC-home-profile")
    out.name = name
    out.seek(0)
    return out


def has_gps(data):
    with Image.open(io.BytesIO(data)) as image:
        return bool(image.getexif().get_ifd(ExifTags.IFD.GPSInfo))


def named(data, name):
    out = io.BytesIO(data)
    out.name = name
    return out


def insurance_data(**overrides):
    data = {
        "stamp": stamp(),
        "website": "",
        "who_needs_help": "loved_one",
        "name": "Jordan Example",
        "phone": "(202) 555-0142",
        "email": "",
        "best_time": "evening",
        "payer": "Example Health PPO",
        "member_id": "XE123456789",
        "group_number": "G-4455",
        "holder_name": "Casey Example",
        "holder_birth_date": "1971-03-27",
        "privacy_consent": "on",
        "contact_consent": "on",
        "ft_landing_path": "/admissions/insurance/",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def post_insurance(client, **overrides):
    """As a browser sends the form (enctype multipart/form-data), with or without files."""
    return client.post(INSURANCE_URL, insurance_data(**overrides), content_type=MULTIPART_CONTENT)
