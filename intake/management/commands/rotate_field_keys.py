from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from intake.crypto import EncryptedTextField


def encrypted_fields():
    """{model: [field names]} for every model with encrypted columns."""
    found = {}
    for model in apps.get_models():
        names = [f.name for f in model._meta.concrete_fields if isinstance(f, EncryptedTextField)]
        if names:
            found[model] = names
    return found


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column with the first key of NEXUS_FIELD_ENCRYPTION_KEYS "
        "(any listed key can still read). Run after putting a new key first; then drop the old key."
    )

    def handle(self, *args, **options):
        for model, names in encrypted_fields().items():
            count = 0
            for row in model.objects.values("pk", *names).iterator(chunk_size=500):
                # Reading decrypts with whichever key fits; update() encrypts with the first key.
                with transaction.atomic():
                    model.objects.filter(pk=row.pop("pk")).update(**row)
                count += 1
            # Counts only: never values.
            self.stdout.write(f"{model._meta.label}: {count} rows re-encrypted")
