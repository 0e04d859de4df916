from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Start the self-rescheduling tasks in NEXUS_PERIODIC_TASKS (run once per deploy, in the release step)."

    def handle(self, *args, **options):
        for path in settings.NEXUS_PERIODIC_TASKS:
            import_string(path).enqueue()
            self.stdout.write(f"started {path}")
