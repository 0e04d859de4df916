"""Existing leads get their name words, so staff can find them by name from the first day."""

from django.db import migrations

from intake.names import name_words
from nexus.hashing import lead_name_word_hash


def fill(apps, schema_editor):
    Inquiry = apps.get_model("intake", "Inquiry")
    LeadNameWord = apps.get_model("intake", "LeadNameWord")
    for pk, name, first_name in Inquiry.objects.values_list("pk", "name", "person_first_name").iterator(
        chunk_size=500
    ):
        hashes = {lead_name_word_hash(word) for word in name_words(name, first_name)}
        LeadNameWord.objects.bulk_create(
            [LeadNameWord(inquiry_id=pk, word_hash=h) for h in sorted(hashes)], ignore_conflicts=True
        )


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0005_lead_name_words"),
    ]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
