from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Recompute every stored look-up hash (leads' phone and email, subscribers' address) from the "
        "encrypted values with the current keys. Run after changing NEXUS_INTAKE_HASH_KEY, once every "
        "process has the new key; running it again is harmless."
    )

    def handle(self, *args, **options):
        for model in apps.get_models():
            rehash = getattr(model._default_manager, "rehash_lookups", None)
            if rehash is None:
                continue
            with transaction.atomic():
                count = rehash()
            self.stdout.write(f"{model._meta.label}: {count} rows rehashed")  # counts only, never values
