"""Writes that touch an image and its renditions (and their files)."""

import time

from django.core.cache import cache
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


# How long a request for missing renditions stands before a page may ask again (the worker may be
# down, or busy with a long queue): one task per image per interval, not one per page view.
REQUEST_INTERVAL = 600
_requested = {}


def request_renditions(*, image):
    """A page is showing `image` without renditions: make sure they are on their way, once. The
    upload queued them already, but a queue can lose a task (a stack started without workers, a
    backend flushed). Held in this process and in the shared cache, so neither a disabled cache nor
    many processes turn page views into tasks. A failed image waits for staff (the admin's action)."""
    if image.renditions_state == Image.State.FAILED:
        return
    key = f"images:renditions-requested:{image.pk}:{renditions.digest(image)}"
    now = time.monotonic()
    if _requested.get(key, 0) > now:
        return
    _requested[key] = now + REQUEST_INTERVAL
    if cache.add(key, 1, timeout=REQUEST_INTERVAL):
        transaction.on_commit(lambda: make_renditions.enqueue(image.pk))


def delete_image(*, image):
    """Delete the image, its renditions and, once that is committed, their files."""
    names = [image.file.name, *image.renditions.values_list("file", flat=True)]
    image.delete()
    transaction.on_commit(lambda: renditions.delete_files(names))


def forget_original(*, name):
    """An original replaced by a new upload: its file goes once the change is committed."""
    transaction.on_commit(lambda: renditions.delete_files([name]))
