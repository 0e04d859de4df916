"""Writes that touch an image and its renditions (and their files)."""

from django.core.files.base import ContentFile
from django.db import transaction

from images import processing, renditions
from images.models import Image
from images.tasks import make_renditions


def add_image(*, data, title, alt="", decorative=False, focal_x=0.5, focal_y=0.5, credit="", licence=""):
    """A new library image from the bytes of an upload: metadata stripped, renditions queued."""
    clean, extension, (width, height) = processing.strip(data)
    image = Image(
        width=width,
        height=height,
        title=title,
        alt=alt,
        decorative=decorative,
        focal_x=focal_x,
        focal_y=focal_y,
        credit=credit,
        licence=licence,
    )
    image.file = ContentFile(clean, name=f"upload.{extension}")
    image.full_clean()
    image.save()
    schedule_renditions(image=image)
    return image


def schedule_renditions(*, image):
    """Mark the image's renditions as being made, and make them once this transaction commits
    (the worker must see the new file). The old renditions stay in use until the new ones exist."""
    Image.objects.filter(pk=image.pk).update(renditions_state=Image.State.PENDING)
    image.renditions_state = Image.State.PENDING
    transaction.on_commit(lambda: make_renditions.enqueue(image.pk))


def delete_image(*, image):
    """Delete the image, its renditions and, once that is committed, their files."""
    names = [image.file.name, *image.renditions.values_list("file", flat=True)]
    image.delete()
    transaction.on_commit(lambda: renditions.delete_files(names))


def forget_original(*, name):
    """An original replaced by a new upload: its file goes once the change is committed."""
    transaction.on_commit(lambda: renditions.delete_files([name]))
