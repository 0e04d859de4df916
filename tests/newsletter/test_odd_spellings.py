"""Other spellings of one mailbox are one address: suppression, throttle, import and bounces all see it."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from newsletter import importing, services
from newsletter.addresses import address_hash
from newsletter.importing import Row
from newsletter.models import Subscriber, Suppression
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import post_signup

pytestmark = pytest.mark.django_db
SPELLINGS = [
    "ｒｅａｄｅｒ@example.com",  # full-width letters
    "rea\u00adder@example.com",  # a soft hyphen
    "re\u200bader@example.com",  # a zero-width space
    '"reader"@example.com',  # a quoted local part that needs no quotes
    '"re\\ader"@example.com',  # ...with a needless escape
    "reader@ＥＸＡＭＰＬＥ.com",  # a full-width domain
    "READER@example.com.",  # case and the root dot
]


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_a_bounced_address_gets_no_mail_under_another_spelling(client, spelling, django_capture_on_commit_callbacks):
    Suppression.objects.create(email_hash=address_hash("reader@example.com"), reason="bounced")
    with django_capture_on_commit_callbacks(execute=True):
        assert post_signup(client, email=spelling).status_code == 302
    assert mail.outbox == []


def test_the_confirmation_throttle_counts_every_spelling_as_one_address(client, django_capture_on_commit_callbacks):
    for spelling in ["reader@example.com", *SPELLINGS]:
        with django_capture_on_commit_callbacks(execute=True):
            post_signup(client, email=spelling)
    assert len(mail.outbox) == 1
    assert Subscriber.objects.count() == 1


def test_a_confirmed_subscriber_is_not_reset_by_another_spelling(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email=SPELLINGS[0])
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    assert mail.outbox == []


def test_a_bounce_reported_under_another_spelling_stops_the_subscriber():
    subscriber = SubscriberFactory(email="reader@example.com")
    services.suppress_addresses(addresses=["ＲＥＡＤＥＲ@example.com"], reason="bounced")
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not Subscriber.objects.sendable().exists()


def test_an_import_leaves_a_suppressed_address_alone_whatever_its_spelling():
    Suppression.objects.create(email_hash=address_hash("reader@example.com"), reason="unsubscribed")
    counts = services.import_subscribers(rows=[Row(2, '"reader"@example.com', "", "proof", None)], source="import")
    assert counts["suppressed"] == 1 and not Subscriber.objects.exists()


def test_the_stored_address_is_the_clean_spelling():
    subscriber = SubscriberFactory(email=" Re\u00adader@Bücher.example ")
    assert subscriber.email == "Reader@xn--bcher-kva.example"
    assert Subscriber.objects.with_address("reader@bücher.example").get() == subscriber


def test_a_csv_with_two_spellings_of_one_address_is_refused_and_a_full_width_one_accepted():
    text = "email\nreader@example.com\nＲＥＡＤ\u00adＥＲ@example.com\nｏｔｈｅｒ@example.com\n"
    rows, errors = importing.parse(SimpleUploadedFile("list.csv", text.encode(), content_type="text/csv"))
    assert errors == ["Line 3: this address already appears earlier in the file."]
    assert [row.email for row in rows] == ["reader@example.com", "other@example.com"]
