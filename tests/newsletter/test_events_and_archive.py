"""Bounce and complaint intake, the public archive, and what never leaves the building."""

import io
import json
import logging

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from newsletter import services
from newsletter.addresses import address_hash
from newsletter.models import Issue, Subscriber, Suppression
from newsletter.sending import run_worker
from tests.newsletter.factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def run_events(payload, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(payload))
    out = io.StringIO()
    call_command("newsletter_events", stdout=out)
    return out.getvalue()


def test_bounces_and_complaints_suppress_the_address_and_print_no_address(monkeypatch):
    bounced, complained, fine = (SubscriberFactory(email=f"{n}@example.com") for n in ("b", "c", "f"))
    events = [
        {"event_type": "bounced", "recipient": "B@example.com", "message_id": "<1@x>"},
        {"event_type": "complained", "recipient": "c@example.com"},
        {"event_type": "delivered", "recipient": "f@example.com"},
        {"event_type": "rejected", "recipient": "never-subscribed@example.com"},
        "not an event",
    ]
    output = run_events(json.dumps(events), monkeypatch)
    assert output.strip() == "bounced=1 complained=1 rejected=1 ignored=2"
    assert "@" not in output
    reasons = dict(Suppression.objects.values_list("email_hash", "reason"))
    assert reasons[address_hash("b@example.com")] == "bounced"
    assert reasons[address_hash("c@example.com")] == "complained"
    assert reasons[address_hash("never-subscribed@example.com")] == "rejected"
    for subscriber, status in [(bounced, "unsubscribed"), (complained, "unsubscribed"), (fine, "confirmed")]:
        subscriber.refresh_from_db()
        assert subscriber.status == status


def test_events_one_per_line_are_accepted(monkeypatch):
    SubscriberFactory(email="x@example.com")
    output = run_events('{"event_type": "bounced", "recipient": "x@example.com"}\n', monkeypatch)
    assert "bounced=1" in output


def test_a_bounced_address_gets_no_further_issue_or_confirmation(
    client, monkeypatch, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="gone@example.com")
    run_events('[{"event_type": "bounced", "recipient": "gone@example.com"}]', monkeypatch)
    issue = IssueFactory()
    services.start_sending(issue_id=issue.pk)
    run_worker(issue_id=issue.pk)
    from tests.newsletter.helpers import post_signup

    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="gone@example.com")
    assert mail.outbox == []


def test_broken_event_input_is_a_clear_error(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("{not json"))
    with pytest.raises(CommandError, match="Not valid JSON"):
        call_command("newsletter_events")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("newsletter_events", "/nonexistent/events.json")


def test_the_archive_lists_sent_issues_only_and_shows_no_subscriber_data(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="secret.reader@example.com", first_name="Secretname")
    sent = IssueFactory(subject="Sent one", body="**Bold** <script>alert(1)</script> [link](javascript:alert(1))")
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_id=sent.pk)
    IssueFactory(subject="Still a draft")
    listing = client.get("/newsletter/archive/").content.decode()
    assert "Sent one" in listing and "Still a draft" not in listing
    detail = client.get(Issue.objects.get(pk=sent.pk).get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in detail
    assert "alert(1)" not in detail and "javascript:" not in detail
    assert "secret.reader" not in detail and "Secretname" not in detail and "unsubscribe/" not in detail
    draft = Issue.objects.get(subject="Still a draft")
    assert client.get(f"/newsletter/archive/{draft.pk}/").status_code == 404


def test_no_address_reaches_the_logs(client, caplog, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG, logger="newsletter")
    from tests.newsletter.helpers import link_in, path_of, post_signup

    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="private.person@example.com")
    client.post(path_of(link_in(mail.outbox[0], "/newsletter/confirm/")))
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_id=issue.pk)
    services.unsubscribe(key=Subscriber.objects.get().key)
    newsletter_logs = " ".join(r.getMessage() for r in caplog.records if r.name.startswith("newsletter"))
    assert "confirmed" in newsletter_logs
    assert "private.person" not in newsletter_logs


def test_newsletter_emails_carry_no_tracking_and_no_third_party_content(django_capture_on_commit_callbacks):
    SubscriberFactory()
    issue = IssueFactory(body="Hi ![pixel](https://tracker.example/p.gif) [read](https://nexus.example/blog/)")
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_id=issue.pk)
    [message] = mail.outbox
    html = message.alternatives[0].content
    assert "<img" not in html and "tracker.example" not in html
    assert 'href="https://nexus.example/blog/"' in html  # the link itself, not a redirect through us
