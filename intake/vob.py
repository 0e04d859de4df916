"""Insurance card photos: decoded by Pillow (never trusted by name or type), re-encoded bare.

A photo is opened only as JPEG, PNG or WebP, its pixel count checked before decoding (a small
file can claim a huge image), turned upright from its EXIF orientation, shrunk to at most
`MAX_SIDE` pixels (enough to read a card) and copied pixel by pixel into a new image, so no
EXIF, GPS, XMP, ICC profile or comment of the original can reach what is stored.
"""

import io
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_PHOTO_BYTES = 8 * 1024 * 1024
MAX_PHOTOS = 2
# Two photos at their largest, the other answers and multipart's framing.
MAX_BODY_BYTES = 17 * 1024 * 1024
MAX_PIXELS = 50_000_000
MAX_SIDE = 2400
FORMATS = ["JPEG", "PNG", "WEBP"]
ACCEPT = "image/jpeg,image/png,image/webp"


@dataclass(frozen=True)
class CleanPhoto:
    data: bytes
    width: int
    height: int


def _refuse(message, code):
    return ValidationError(message, code=code)


def clean_photo(uploaded):
    """The upload as a bare JPEG (CleanPhoto), or ValidationError with a message for the family."""
    if uploaded.size > MAX_PHOTO_BYTES:
        raise _refuse(_("This photo is larger than 8 MB. Take it again, or send a smaller copy."), "too_big")
    uploaded.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(uploaded, formats=FORMATS) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise _refuse(_("This photo has too many pixels. Send a smaller copy."), "too_many_pixels")
                image.draft("RGB", (MAX_SIDE, MAX_SIDE))  # JPEG decodes at a reduced size: faster
                upright = ImageOps.exif_transpose(image)
                upright.thumbnail((MAX_SIDE, MAX_SIDE))
                pixels = _flatten(upright)
    except ValidationError:
        raise
    except (
        UnidentifiedImageError,
        Image.DecompressionBombError,
        Image.DecompressionBombWarning,
        OSError,
        SyntaxError,
        ValueError,
    ) as error:
        raise _refuse(
            _("We could not read this file as a photo. Send a JPEG, PNG or WebP picture."), "not_an_image"
        ) from error
    # A new image from the pixels alone: nothing of the original's metadata comes along.
    bare = Image.new("RGB", pixels.size)
    bare.paste(pixels)
    out = io.BytesIO()
    bare.save(out, format="JPEG", quality=85, optimize=True)
    return CleanPhoto(data=out.getvalue(), width=bare.width, height=bare.height)


def _flatten(image):
    """RGB pixels; transparency shown on white, as the card would look on paper."""
    if image.mode in ("RGBA", "LA", "P", "PA"):
        image = image.convert("RGBA")
        background = Image.new("RGB", image.size, "white")
        background.paste(image, mask=image.getchannel("A"))
        return background
    return image.convert("RGB")
