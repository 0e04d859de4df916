import logging

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from intake.models import Inquiry

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Delete leads admitted, referred out or closed (lost) longer ago than the retention window."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Retention window (default NEXUS_LEAD_RETENTION_DAYS)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would be deleted; delete nothing.")

    @transaction.atomic
    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.NEXUS_LEAD_RETENTION_DAYS if days is None else days
        leads = Inquiry.objects.purgeable(days=days)
        count = leads.count()
        if not dry_run:
            leads.delete()
        # Counts only: a lead's details never reach a log.
        message = f"purge_leads: {count} leads {'would be' if dry_run else ''} deleted (closed over {days} days ago)"
        message = message.replace("  ", " ")
        logger.info(message)
        self.stdout.write(message)
