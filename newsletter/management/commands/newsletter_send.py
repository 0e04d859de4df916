from django.core.management.base import BaseCommand, CommandError

from newsletter import sending
from newsletter.models import Issue


class Command(BaseCommand):
    help = "Run one sending worker in this process for an issue that is sending (any number may run at once)."

    def add_arguments(self, parser):
        parser.add_argument("issue_id", type=int)
        parser.add_argument("--batch-size", type=int, default=None)

    def handle(self, *args, issue_id, batch_size, **options):
        if not Issue.objects.filter(pk=issue_id).exists():
            raise CommandError(f"No issue #{issue_id}.")
        totals = sending.run_worker(issue_id=issue_id, batch_size=batch_size)
        self.stdout.write(" ".join(f"{name}={count}" for name, count in totals.items()))
