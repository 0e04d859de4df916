import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.db import connection

from intake.crypto import fernet
from intake.models import Inquiry
from tests.intake.factories import InquiryFactory

pytestmark = pytest.mark.django_db


def raw_message(pk):
    with connection.cursor() as cursor:
        cursor.execute("SELECT message FROM intake_inquiry WHERE id = %s", [pk])
        return cursor.fetchone()[0]


def test_rotating_keys_re_encrypts_every_row_so_the_old_key_can_go(settings, capsys):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [old]
    lead = InquiryFactory(message="Needs a detox bed", insurance_member_id="XE1")
    Fernet(old.encode()).decrypt(raw_message(lead.pk).encode())

    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("rotate_field_keys")
    assert Fernet(new.encode()).decrypt(raw_message(lead.pk).encode()) == b"Needs a detox bed"
    assert "Needs a detox bed" not in capsys.readouterr().out

    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [new]
    assert fernet().decrypt(raw_message(lead.pk).encode()) == b"Needs a detox bed"
    assert Inquiry.objects.get(pk=lead.pk).message == "Needs a detox bed"
