from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

from nexus.site_url import absolute

USERNAME = "admin"
PASSWORD = "nexus-local-demo"  # noqa: S105 - local settings only, refused elsewhere


class Command(BaseCommand):
    help = "Create a local demo superuser and print how to sign in (local settings only)."

    def handle(self, *args, **options):
        if not getattr(settings, "NEXUS_LOCAL_DEMO", False):
            raise CommandError("create_demo_admin runs with local settings only.")
        user, created = get_user_model().objects.get_or_create(
            username=USERNAME, defaults={"is_staff": True, "is_superuser": True}
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            f"Sign in at {absolute('/' + settings.NEXUS_ADMIN_PATH)} "
            f"as '{USERNAME}' with password '{PASSWORD}' (local demo only)."
        )
        if getattr(settings, "NEXUS_OUTBOX_DIR", None):
            outbox = absolute(reverse("outbox:list"))
            self.stdout.write(f"Emails the site sends are kept in {settings.NEXUS_OUTBOX_DIR}/: read them at {outbox}")
