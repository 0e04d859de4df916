"""Subscriber addresses encrypted at rest, hashed in their canonical form; sign-up requests.

The column first becomes plain text, the rows are converted (encrypted, rehashed, unsubscribed
rows forget their address), then the field becomes the encrypted one (no schema change).
Two rows whose addresses turn out to be spellings of one mailbox are merged: the one with the
strongest consent record stays (confirmed, then pending, then unsubscribed; the oldest first),
and a suppression under any spelling carries over to the canonical hash.
"""

import django.utils.timezone
from django.db import migrations, models

import newsletter.validators
import nexus.crypto
from nexus.addresses import clean_address
from nexus.hashing import newsletter_address_hash

RANK = {"confirmed": 0, "pending": 1, "unsubscribed": 2}


def encrypt_addresses(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    Suppression = apps.get_model("newsletter", "Suppression")
    suppressed = dict(Suppression.objects.values_list("email_hash", "reason"))
    groups = {}
    for row in Subscriber.objects.values("pk", "email", "email_hash", "status").order_by("pk"):
        email = clean_address(row["email"]) if row["email"] else ""
        new_hash = newsletter_address_hash(email) if email else row["email_hash"]
        groups.setdefault(new_hash, []).append(row | {"email": email})
    for new_hash, rows in groups.items():
        for row in rows:
            reason = suppressed.get(row["email_hash"])
            if reason and new_hash not in suppressed:
                Suppression.objects.create(email_hash=new_hash, reason=reason)
                suppressed[new_hash] = reason
        rows.sort(key=lambda row: (RANK.get(row["status"], 3), row["pk"]))
        kept, *merged = rows
        Subscriber.objects.filter(pk__in=[row["pk"] for row in merged]).delete()
        if any(row["status"] == "unsubscribed" for row in merged) and new_hash not in suppressed:
            Suppression.objects.create(email_hash=new_hash, reason="unsubscribed")
            suppressed[new_hash] = "unsubscribed"
        email = "" if kept["status"] == "unsubscribed" else kept["email"]
        Subscriber.objects.filter(pk=kept["pk"]).update(email=nexus.crypto.encrypt(email), email_hash=new_hash)


def decrypt_addresses(apps, schema_editor):
    Subscriber = apps.get_model("newsletter", "Subscriber")
    for pk, token in Subscriber.objects.exclude(email="").values_list("pk", "email"):
        Subscriber.objects.filter(pk=pk).update(email=nexus.crypto.decrypt(token))


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_initial"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignupRequest",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("email", nexus.crypto.EncryptedTextField(verbose_name="email address")),
                ("first_name", nexus.crypto.EncryptedTextField(blank=True, verbose_name="first name")),
                ("source", models.CharField(blank=True, max_length=200, verbose_name="source")),
                ("consent_version", models.CharField(max_length=32, verbose_name="consent wording version")),
                ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="received at")),
            ],
            options={
                "verbose_name": "sign-up request",
                "verbose_name_plural": "sign-up requests",
            },
        ),
        migrations.AlterField(
            model_name="subscriber",
            name="email",
            field=models.TextField(blank=True, verbose_name="email address"),
        ),
        migrations.RunPython(encrypt_addresses, decrypt_addresses),
        migrations.AlterField(
            model_name="subscriber",
            name="email",
            field=nexus.crypto.EncryptedTextField(
                blank=True, validators=[newsletter.validators.no_line_breaks], verbose_name="email address"
            ),
        ),
    ]
