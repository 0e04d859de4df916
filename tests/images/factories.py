"""Images made with Pillow for the tests: no file is committed, none is downloaded."""

import io

from PIL import Image as PILImage
from PIL import ImageDraw

from images import services


def photo_bytes(size=(1000, 600), format="JPEG", exif=None, **options):
    """A picture with a bright square at a known place, so crops can be checked by colour."""
    picture = PILImage.new("RGB", size, (40, 90, 120))
    draw = ImageDraw.Draw(picture)
    draw.rectangle([size[0] * 0.8, size[1] * 0.4, size[0] * 0.9, size[1] * 0.6], fill=(250, 200, 30))
    out = io.BytesIO()
    if exif is not None:
        options["exif"] = exif
    picture.save(out, format, **options)
    return out.getvalue()


def image(*, size=(1000, 600), title="A test picture", alt="A calm blue picture with a yellow square", **fields):
    """A library image, as the admin would store it (renditions queued on commit, not made yet)."""
    return services.add_image(data=photo_bytes(size), title=title, alt=alt, **fields)
