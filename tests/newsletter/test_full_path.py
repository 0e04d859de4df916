"""The whole path read back from the outbox: sign-up, confirm, issue, one-click unsubscribe, suppression."""

import pytest
from django.core import mail

from newsletter import services
from newsletter.addresses import address_hash
from newsletter.models import Delivery, Issue, Subscriber, Suppression
from tests.newsletter.factories import IssueFactory
from tests.newsletter.helpers import link_in, outbox_to, path_of, post_signup

pytestmark = pytest.mark.django_db


def send_issue(issue, capture):
    with capture(execute=True):
        services.start_sending(issue_id=issue.pk)
    issue.refresh_from_db()
    return issue


def test_sign_up_confirm_receive_unsubscribe_and_stay_suppressed(client, settings, django_capture_on_commit_callbacks):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_signup(client, email="Reader@Example.com")
    assert response.status_code == 302
    assert response["Location"] == "/newsletter/check-your-inbox/"
    assert "Check your inbox to confirm" in client.get(response["Location"]).content.decode()

    [confirmation] = mail.outbox
    assert confirmation.to == ["Reader@example.com"]  # the domain in its IDNA form, the local part as typed
    confirm_url = link_in(confirmation, "/newsletter/confirm/")
    assert confirm_url.startswith("https://nexus.example/newsletter/confirm/")
    assert "example.com" not in confirm_url.lower()

    page = client.get(path_of(confirm_url))
    assert page.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING  # a GET (mail scanner) confirms nothing
    confirmed = client.post(path_of(confirm_url))
    assert "You have successfully subscribed" in confirmed.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.source == "footer:/blog/"
    assert subscriber.consent_version == "2026-11"
    assert "unsubscribe at any time" in subscriber.consent_text

    mail.outbox.clear()
    issue = send_issue(IssueFactory(), django_capture_on_commit_callbacks)
    assert issue.status == Issue.Status.SENT
    [newsletter] = outbox_to("Reader@example.com")
    unsubscribe_url = newsletter.extra_headers["List-Unsubscribe"].strip("<>")
    assert unsubscribe_url.startswith("https://nexus.example/newsletter/unsubscribe/")
    assert newsletter.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert newsletter.extra_headers["List-Id"].endswith("<newsletter.nexus.example>")
    raw = str(newsletter.message())
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in raw
    assert "<img" not in raw
    assert "100 Example Way" in newsletter.body and unsubscribe_url in newsletter.body
    assert newsletter.from_email.startswith("Nexus Newsletter <")

    one_click = client.post(
        path_of(unsubscribe_url),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert one_click.status_code == 200
    assert not one_click.cookies
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.email == ""  # an unsubscribed row keeps only the hash
    assert Suppression.objects.filter(email_hash=address_hash("reader@example.com")).exists()

    mail.outbox.clear()
    second = send_issue(IssueFactory(), django_capture_on_commit_callbacks)
    assert mail.outbox == []
    assert second.deliveries.count() == 0


def test_sending_twice_never_sends_anyone_the_same_issue_twice(client, django_capture_on_commit_callbacks):
    from tests.newsletter.factories import SubscriberFactory

    SubscriberFactory.create_batch(3)
    issue = IssueFactory()
    send_issue(issue, django_capture_on_commit_callbacks)
    send_issue(issue, django_capture_on_commit_callbacks)
    from newsletter.sending import run_worker

    run_worker(issue_id=issue.pk)
    assert len(mail.outbox) == 3
    assert sorted(m.to[0] for m in mail.outbox) == sorted(Subscriber.objects.values_list("email", flat=True))
    assert Delivery.objects.filter(status=Delivery.Status.SENT).count() == 3
