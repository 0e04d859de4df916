from django.core.management.base import BaseCommand

from nexus.tasks import heartbeat


class Command(BaseCommand):
    help = "Enqueue the worker heartbeat task (run once per deploy, in the release step)."

    def handle(self, *args, **options):
        heartbeat.enqueue()
        self.stdout.write("heartbeat enqueued")
