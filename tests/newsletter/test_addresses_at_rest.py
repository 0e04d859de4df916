"""Subscriber addresses: encrypted at rest, found by hash, forgotten on unsubscribe; the migration converts."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from newsletter import services
from newsletter.addresses import address_hash
from newsletter.models import Subscriber
from tests.newsletter.factories import SubscriberFactory


def raw(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


@pytest.mark.django_db
def test_the_address_column_holds_no_address_and_reads_back_decrypted():
    subscriber = SubscriberFactory(email="marker.91c@example.com")
    [(stored,)] = raw("SELECT email FROM newsletter_subscriber")
    assert "marker" not in stored and "example" not in stored
    assert Subscriber.objects.get().email == "marker.91c@example.com"
    assert Subscriber.objects.with_address("MARKER.91C@example.com").get() == subscriber


@pytest.mark.django_db
def test_an_unsubscribed_row_keeps_no_address_only_its_hash():
    subscriber = SubscriberFactory(email="leaving@example.com")
    services.unsubscribe(key=subscriber.key)
    assert raw("SELECT email, email_hash FROM newsletter_subscriber") == [("", address_hash("leaving@example.com"))]
    bounced = SubscriberFactory(email="bounced@example.com")
    services.suppress_addresses(addresses=["bounced@example.com"], reason="bounced")
    assert raw("SELECT email FROM newsletter_subscriber WHERE id = %s", [bounced.pk]) == [("",)]


@pytest.mark.django_db
def test_rotate_field_keys_re_encrypts_subscriber_addresses(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [old]
    SubscriberFactory(email="rotate@example.com")
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_field_keys")
    [(stored,)] = raw("SELECT email FROM newsletter_subscriber")
    assert Fernet(new.encode()).decrypt(stored.encode()) == b"rotate@example.com"


INSERT = (
    "INSERT INTO newsletter_subscriber (email, email_hash, first_name, key, status, source, signup_round, "
    "consent_version, consent_text, consent_proof, consent_at, confirmed_at, unsubscribed_at, created_at) VALUES "
    "(%s, %s, '', %s, %s, 'footer', 1, 'v', 'text', '', '2026-01-01', %s, %s, '2026-01-01')"
)


@pytest.mark.django_db(transaction=True)
def test_the_migration_encrypts_rehashes_merges_spellings_and_carries_suppressions():
    executor = MigrationExecutor(connection)
    executor.migrate([("newsletter", "0001_initial")])
    old_hash = address_hash  # ASCII plain addresses hash as they always did
    rows = [
        ("plain@example.com", "confirmed", "2026-01-02", None),
        ("ｐｌａｉｎ@example.com", "pending", None, None),  # another spelling: merged into the confirmed row
        ("left@example.com", "unsubscribed", None, "2026-01-03"),
        ('"bounced"@example.com', "confirmed", "2026-01-02", None),
    ]
    for n, (email, status, confirmed, unsubscribed) in enumerate(rows):
        stored_hash = f"old-odd-hash-{n}" if not email.isascii() or '"' in email else old_hash(email)
        raw(INSERT, [email, stored_hash, f"{n:032x}", status, confirmed, unsubscribed])
    raw(
        "INSERT INTO newsletter_suppression (email_hash, reason, created_at) VALUES (%s, 'bounced', '2026-01-01')",
        ["old-odd-hash-3"],
    )
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes("newsletter"))

    stored = raw("SELECT email FROM newsletter_subscriber")
    assert len(stored) == 3 and not any("example" in email for (email,) in stored)
    assert Subscriber.objects.get(email_hash=address_hash("plain@example.com")).status == "confirmed"
    assert Subscriber.objects.get(email_hash=address_hash("left@example.com")).email == ""
    assert not Subscriber.objects.sendable().filter(email_hash=address_hash("bounced@example.com")).exists()
    assert Subscriber.objects.sendable().get().email == "plain@example.com"
