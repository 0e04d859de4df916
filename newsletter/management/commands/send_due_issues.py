from django.core.management.base import BaseCommand

from newsletter import services
from newsletter.models import Delivery, Issue


class Command(BaseCommand):
    help = (
        "Start scheduled issues whose time has come, and queue a worker for any issue with deliveries "
        "waiting (retries, or a worker that stopped). Run it every minute (cron or a systemd timer)."
    )

    def handle(self, *args, **options):
        started = services.start_due_issues()
        waiting = (
            Issue.objects.filter(status=Issue.Status.SENDING, deliveries__status=Delivery.Status.QUEUED)
            .exclude(pk__in=started)
            .values_list("pk", flat=True)
            .distinct()
        )
        for issue_id in waiting:
            services.enqueue_worker(issue_id)
        self.stdout.write(f"started {len(started)} issue(s); resumed {len(waiting)} issue(s)")
