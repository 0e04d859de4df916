from django_tasks_db.management.commands import db_worker

from nexus.worker import ResilientWorker


class Command(db_worker.Command):
    help = (
        "Run a task worker (django-tasks-db's db_worker) that waits out database outages with a "
        "backoff instead of exiting, and runs again the task an outage cut short."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--max-backoff",
            type=float,
            default=30.0,
            help="Longest wait, in seconds, between tries while the database is down (default: %(default)r)",
        )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, **options):
        self.configure_logging(verbosity)
        worker = ResilientWorker(
            queue_names=queue_name.split(","),
            excluded_queue_names=options["exclude_queues"].split(",") if options["exclude_queues"] else [],
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            max_backoff=options["max_backoff"],
        )
        # No autoreload (--reload is ignored): a worker that restarts itself would drop the task it runs.
        worker.configure_signals()
        worker.run()
