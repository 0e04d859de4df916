from django.core.management.base import BaseCommand

from newsletter import services


class Command(BaseCommand):
    help = (
        "Start scheduled issues whose time has come, mark deliveries left by a stopped worker as unknown, "
        "and queue a worker for any issue with deliveries waiting (the periodic task does this every minute)."
    )

    def handle(self, *args, **options):
        started, resumed = services.tend_issues()
        self.stdout.write(f"started {len(started)} issue(s); resumed {len(resumed)} issue(s)")
