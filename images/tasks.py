from django.db import transaction
from django.tasks import task

from images import renditions
from images.models import Image, Rendition


def is_done(image):
    """Its renditions are made from the image as it is now."""
    made_now = [r for r in image.rendition_list if r["file"].startswith(renditions.prefix(image))]
    return image.renditions_state == Image.State.READY and bool(made_now)


@task
def make_renditions(image_id):
    """Make the renditions of image `image_id` and swap them in at once. If the image changed while
    they were being made (a new file or focal point), they are thrown away: that change queued its
    own run. A failure marks the image failed (pages keep showing a box) and is re-raised. A run for
    an image whose renditions are already made from what it is now does nothing: a page that showed
    the image before its renditions existed may have asked for them too."""
    image = Image.objects.filter(pk=image_id).first()
    if image is None or is_done(image):
        return
    key = image.rendition_key()
    try:
        made = renditions.make(image)
    except Exception:
        with transaction.atomic():
            current = Image.objects.select_for_update().filter(pk=image_id).first()
            if current is not None and current.rendition_key() == key:
                current.renditions_state = Image.State.FAILED
                current.save(update_fields=["renditions_state"])
        raise
    with transaction.atomic():
        current = Image.objects.select_for_update().filter(pk=image_id).first()
        if current is None or current.rendition_key() != key:
            transaction.on_commit(lambda: renditions.delete_files([r.file.name for r in made]))
            return
        old = list(current.renditions.values_list("file", flat=True))
        current.renditions.all().delete()
        Rendition.objects.bulk_create(made)
        current.renditions_state = Image.State.READY
        current.rendition_list = [rendition.listed() for rendition in made]
        # save(), not update(): pages showing the image are cached, and their cache listens to it.
        current.save(update_fields=["renditions_state", "rendition_list"])
        transaction.on_commit(lambda: renditions.delete_files(old))
