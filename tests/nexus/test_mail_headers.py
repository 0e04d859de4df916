"""Every message the site sends, read back from a real SMTP server: a Message-ID in the site's
domain (never the machine's host name) and Auto-Submitted: auto-generated, whoever built it."""

import socket
import uuid

import pytest
from aiosmtpd.controller import Controller
from django.core.mail import EmailMessage, send_mail

from intake.models import Inquiry
from newsletter.emails import IssueRenderer
from nexus.settings.base import mailers_from_url
from ops.local import Mailbox, free_port
from tests.intake.helpers import inquiry_data
from tests.newsletter.factories import IssueFactory
from tests.newsletter.helpers import post_signup

pytestmark = pytest.mark.django_db
SITE = "https://www.nexus-recovery.example"


@pytest.fixture
def smtp(settings):
    """Django's test runner swaps MAILERS for locmem; these tests send through the real backends."""
    mailbox, port = Mailbox(), free_port()
    controller = Controller(mailbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.MAILERS = mailers_from_url(f"smtp://127.0.0.1:{port}")
    settings.NEXUS_SITE_URL = SITE
    yield mailbox
    controller.stop()


def only(mailbox):
    assert len(mailbox.messages) == 1, [m["Subject"] for m in mailbox.messages]
    return mailbox.messages[0]


def assert_site_headers(message):
    assert message["Message-ID"].endswith("@www.nexus-recovery.example>"), message["Message-ID"]
    assert socket.getfqdn() not in message["Message-ID"]
    assert message["Auto-Submitted"] == "auto-generated"


def test_the_staff_notification_of_a_new_inquiry(client, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admissions/", inquiry_data(in_danger="yes"))
    message = only(smtp)
    assert message["Subject"].startswith("URGENT: New inquiry #")
    assert_site_headers(message)
    assert Inquiry.objects.get().notification == Inquiry.Notification.SENT


def test_the_newsletter_confirmation(client, smtp, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="reader@example.com")
    message = only(smtp)
    assert_site_headers(message)
    assert f"{SITE}/newsletter/confirm/" in message.as_string()


def test_any_other_message_sent_through_django(smtp):
    send_mail("A reminder", "Your appointment is tomorrow.", None, ["someone@example.com"])
    assert_site_headers(only(smtp))


def test_a_sender_that_sets_its_own_headers_keeps_them(smtp):
    issue = IssueFactory()
    message, message_id = IssueRenderer(issue).message_for(to="reader@example.com", key=uuid.uuid4())
    assert message_id.endswith("@www.nexus-recovery.example>")
    message.send()
    EmailMessage("Hello", "A person wrote this.", None, ["x@example.com"], headers={"Auto-Submitted": "no"}).send()
    first, second = smtp.messages
    assert first["Message-ID"] == message_id
    assert second["Auto-Submitted"] == "no"
