from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


def move_content_on(sender, **kwargs):
    """Cached pages show this row as it is now: a change must not wait for them to expire."""
    from content import cache

    cache.invalidate()


class ContentConfig(AppConfig):
    name = "content"
    verbose_name = _("Pages and clinical reviews")

    def ready(self):
        # Published pages show library images as they are now (content.frozen): a changed image,
        # or its new renditions, must not wait for cached pages to expire.
        from images.models import Image

        post_save.connect(move_content_on, sender=Image, dispatch_uid="content.image_changed")
        post_delete.connect(move_content_on, sender=Image, dispatch_uid="content.image_deleted")
        # Saving a testimonial moves the generation on (Testimonial.save); deleting one must too: each
        # process keeps the published ones for the generation (content.presenter).
        post_delete.connect(move_content_on, sender="content.Testimonial", dispatch_uid="content.testimonial_deleted")
