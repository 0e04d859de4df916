"""Lead look-ups (duplicates, staff search, rate limits) survive a SECRET_KEY rotation and odd spellings."""

import pytest
from cryptography.fernet import Fernet
from django.core.management import call_command
from django.test import RequestFactory

from intake import spam
from intake.models import Inquiry
from intake.search import LeadSearch
from tests.intake.factories import InquiryFactory
from tests.intake.helpers import INQUIRY_URL, inquiry_data

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/intake/inquiry/"


def found(term):
    return list(LeadSearch.from_term(term).filter(Inquiry.objects.all()).values_list("pk", flat=True))


def test_rotating_the_secret_key_as_security_md_says_keeps_duplicates_and_search_working(client, settings):
    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]  # as production: not from SECRET_KEY
    client.post(INQUIRY_URL, inquiry_data(phone="202 555 0142", email="jordan@example.com"))
    first = Inquiry.objects.get()
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-brand-new-secret-key-after-rotation-0123456789abcdefghijklmnop"
    client.post(INQUIRY_URL, inquiry_data(phone="", email="jordan@example.com"))
    client.post(INQUIRY_URL, inquiry_data(phone="202 555 0142", email=""))
    by_email, by_phone = Inquiry.objects.exclude(pk=first.pk).order_by("pk")
    assert by_email.duplicate_of == first and by_phone.duplicate_of == first
    assert first.pk in found("jordan@example.com") and first.pk in found("(202) 555-0142")


def test_the_client_address_hash_does_not_depend_on_the_secret_key(settings):
    request = RequestFactory().post("/admissions/", REMOTE_ADDR="203.0.113.9")
    before = spam.client_key(request)
    settings.SECRET_KEY = "another-secret-key-entirely-0123456789abcdefghijklmnopqrstuvwxyz"
    assert spam.client_key(request) == before
    assert "203.0.113.9" not in before


@pytest.mark.parametrize(
    "spelling",
    ["ＪＯＲＤＡＮ@example.com", "jor\u00addan@example.com", '"jordan"@example.com', "jordan@ＥＸＡＭＰＬＥ.com"],
)
def test_odd_spellings_of_an_email_are_one_lead_for_duplicates_and_search(client, spelling):
    client.post(INQUIRY_URL, inquiry_data(phone="", email="jordan@example.com"))
    client.post(INQUIRY_URL, inquiry_data(phone="", email=spelling))
    first, second = Inquiry.objects.order_by("pk")
    assert second.duplicate_of == first
    assert sorted(found(spelling)) == [first.pk, second.pk]


def test_changing_the_intake_hash_key_and_running_rehash_lookups_restores_every_match(settings, capsys):
    lead = InquiryFactory(phone="+12025550161", email="find.me@example.com")
    settings.NEXUS_INTAKE_HASH_KEY = "the-next-intake-look-up-key-0123456789"
    assert found("find.me@example.com") == []  # what the command is for
    call_command("rehash_lookups")
    assert found("find.me@example.com") == [lead.pk] and found("+12025550161") == [lead.pk]
    out = capsys.readouterr().out
    assert "intake.Inquiry: 1 rows rehashed" in out and "find.me" not in out and "0161" not in out
