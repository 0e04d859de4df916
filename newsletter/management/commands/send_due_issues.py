from django.core.management.base import BaseCommand

from newsletter import sending, services
from newsletter.models import Delivery, Issue


class Command(BaseCommand):
    help = (
        "Start scheduled issues whose time has come, mark deliveries left by a stopped worker as unknown, "
        "and queue a worker for any issue with deliveries waiting. Run it every minute (cron or a timer)."
    )

    def handle(self, *args, **options):
        started = services.start_due_issues()
        # Deliveries claimed by a worker that died become "unknown" (for staff), so the issue can finish.
        for issue_id in Issue.objects.filter(status=Issue.Status.SENDING).values_list("pk", flat=True):
            if sending.release_stale(issue_id=issue_id):
                sending.finish_if_done(issue_id)
        waiting = (
            Issue.objects.filter(status=Issue.Status.SENDING, deliveries__status=Delivery.Status.QUEUED)
            .exclude(pk__in=started)
            .values_list("pk", flat=True)
            .distinct()
        )
        for issue_id in waiting:
            services.enqueue_worker(issue_id)
        self.stdout.write(f"started {len(started)} issue(s); resumed {len(waiting)} issue(s)")
