from django.core.management.base import BaseCommand, CommandError

from images.models import Image
from images.tasks import is_done, make_renditions


class Command(BaseCommand):
    help = (
        "Make, here and now, the renditions of every library image that lacks them (what a task "
        "worker does in the background). Fails, naming the images, if any could not be made."
    )

    def handle(self, *args, **options):
        made, failed = 0, []
        for image in Image.objects.order_by("pk"):
            if is_done(image):
                continue
            try:
                make_renditions.call(image.pk)
            except Exception as error:  # noqa: BLE001 - reported below, and the command fails
                failed.append(f"image {image.pk} ({type(error).__name__}: {error})")
                continue
            image.refresh_from_db()
            if is_done(image):
                made += 1
            else:
                failed.append(f"image {image.pk} (changed while its renditions were made)")
        if failed:
            raise CommandError("renditions not made for " + "; ".join(failed))
        self.stdout.write(f"renditions made for {made} image(s); every image has its renditions")
