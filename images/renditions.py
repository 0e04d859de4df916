"""Making an image's renditions: every aspect in processing.ASPECTS, at every width the source
allows, in AVIF, WebP and JPEG. Files go to the default storage (var/media/ or the S3 bucket)."""

import hashlib
import io

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from images import processing
from images.models import Rendition

FORMATS = ["avif", "webp", "jpeg"]


def digest(image):
    """A short name for what the renditions are made from (the file and the focal point)."""
    return hashlib.sha256(image.rendition_key().encode()).hexdigest()[:10]


def prefix(image):
    """Where the renditions of `image` as it is now are stored: every file name starts with it."""
    return f"images/renditions/{image.pk}/{digest(image)}-"


def make(image):
    """Unsaved Rendition rows for `image`, their files already stored. Names carry a digest of what
    they were made from, so a browser may cache each one for ever."""
    with image.file.open("rb") as original:
        source = PILImage.open(io.BytesIO(original.read()))
        source.load()
    if source.mode not in ("RGB", "RGBA"):
        source = source.convert("RGBA" if "A" in source.mode else "RGB")
    made = []
    for aspect, ratio in processing.ASPECTS.items():
        box = processing.crop_box(source.size, ratio, (image.focal_x, image.focal_y))
        for width in processing.widths_for(box[2] - box[0]):
            picture = processing.resized(source, box, width)
            for format_name in FORMATS:
                data = processing.encode(picture, format_name)
                label = aspect.replace(":", "x") or "full"
                name = f"{prefix(image)}{label}-{width}.{format_name.replace('jpeg', 'jpg')}"
                stored = default_storage.save(name, ContentFile(data))
                made.append(
                    Rendition(
                        image=image,
                        aspect=aspect,
                        format=format_name,
                        width=picture.width,
                        height=picture.height,
                        file=stored,
                        size=len(data),
                    )
                )
    return made


def delete_files(names):
    for name in names:
        if name:
            default_storage.delete(name)
