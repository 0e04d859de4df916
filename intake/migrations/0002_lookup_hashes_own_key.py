"""Leads' look-up hashes recomputed under NEXUS_INTAKE_HASH_KEY and the canonical email form.

They used to be keyed by SECRET_KEY, so rotating it made every existing lead unfindable.
"""

from django.db import migrations

from nexus.hashing import lead_email_hash, lead_phone_hash


def rehash(apps, schema_editor):
    Inquiry = apps.get_model("intake", "Inquiry")
    for pk, phone, email in Inquiry.objects.values_list("pk", "phone", "email").iterator(chunk_size=500):
        Inquiry.objects.filter(pk=pk).update(phone_hash=lead_phone_hash(phone), email_hash=lead_email_hash(email))


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0001_initial"),
    ]

    operations = [migrations.RunPython(rehash, migrations.RunPython.noop)]
