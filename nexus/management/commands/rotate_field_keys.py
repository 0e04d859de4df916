from django.core.management.base import BaseCommand
from django.db import transaction

from nexus.crypto import encrypted_fields
from nexus.encrypted_files import encrypted_file_fields


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted column (leads, subscribers) and encrypted file (card photos) with the first key of "
        "NEXUS_FIELD_ENCRYPTION_KEYS (any listed key can still read). Run after putting a new key "
        "first; then drop the old key."
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
        for model, name in encrypted_file_fields():
            storage = model._meta.get_field(name).storage
            files = [value for value in model.objects.values_list(name, flat=True) if value]
            for value in files:
                storage.reencrypt(value)
            self.stdout.write(f"{model._meta.label}.{name}: {len(files)} files re-encrypted")
