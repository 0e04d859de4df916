"""The local outbox: every email kept as a file, read on a staff page; never there in production."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core.mail import EmailMessage
from django.test import Client

from intake.tasks import notify_new_inquiry
from newsletter import emails
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS
from tests.content.factories import UserFactory
from tests.intake.factories import InquiryFactory
from tests.newsletter.factories import SubscriberFactory
from tests.nexus.test_settings import PRODUCTION_ENV
from tests.subprocess_django import run_django

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.urls_outbox")]
OUTBOX = "/admin/outbox/"


@pytest.fixture
def outbox(settings, tmp_path):
    settings.NEXUS_OUTBOX_DIR = tmp_path
    settings.MAILERS = {
        "default": {"BACKEND": "nexus.outbox.backend.OutboxBackend", "OPTIONS": {"file_path": str(tmp_path)}}
    }
    settings.NEXUS_SITE_URL = "http://127.0.0.1:8711"
    return tmp_path


def message_links(client):
    html = client.get(OUTBOX).content.decode()
    return re.findall(r'href="(/admin/outbox/[^"/]+/)"', html)


def test_each_message_sent_is_kept_and_listed_newest_first(outbox, admin_client):
    notify_new_inquiry.call(InquiryFactory().pk)
    emails.confirmation_message(SubscriberFactory(email="reader@example.com", status="pending")).send()
    assert len(list(outbox.glob("*.eml"))) == 2
    html = admin_client.get(OUTBOX).content.decode()
    assert html.index("Please confirm your subscription") < html.index("New inquiry #")
    assert "To reader@example.com" in html and str(outbox) in html
    assert len(message_links(admin_client)) == 2


def test_a_message_shows_its_headers_text_and_html_parts_with_links_that_work(outbox, admin_client):
    emails.confirmation_message(SubscriberFactory(email="reader@example.com", status="pending")).send()
    [link] = message_links(admin_client)
    html = admin_client.get(link).content.decode()
    for header in ["Subject", "From", "To", "Date", "Message-ID", "Auto-Submitted", "Content-Type"]:
        assert f"<dt>{header}</dt>" in html, header
    assert re.search(r'<a href="http://127\.0\.0\.1:8711/newsletter/confirm/[^"]+/"', html)
    part = admin_client.get(link + "html/")
    assert part.status_code == 200 and b"http://127.0.0.1:8711/newsletter/confirm/" in part.content
    policy = part["Content-Security-Policy"]
    assert "sandbox" in policy and "default-src 'none'" in policy and "script-src" not in policy


def test_every_message_opened_is_audited(outbox, admin_client, admin_user):
    EmailMessage("Hello", "Body", to=["someone@example.com"]).send()
    [link] = message_links(admin_client)
    admin_client.get(link)
    event = AuditEvent.objects.get(object_type="outbox message")
    assert event.actor == admin_user and event.action == "view" and event.object_id in link


def test_a_body_with_a_line_of_dashes_stays_one_message(outbox, admin_client):
    """Django's own file backend separates messages with such a line; the outbox keeps one per file."""
    body = "Before\n" + "-" * 79 + "\nAfter"
    EmailMessage("Dashes", body, to=["a@example.com"]).send()
    EmailMessage("Second", "Plain", to=["b@example.com"]).send()
    links = message_links(admin_client)
    assert len(links) == 2
    dashes = admin_client.get(links[1]).content.decode()
    assert "Before" in dashes and "After" in dashes


def test_what_a_message_says_is_shown_escaped(outbox, admin_client):
    EmailMessage("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", to=["a@example.com"]).send()
    listing = admin_client.get(OUTBOX).content.decode()
    assert "<script>alert(1)" not in listing and "&lt;script&gt;" in listing
    detail = admin_client.get(message_links(admin_client)[0]).content.decode()
    assert "<img src=x" not in detail


def test_only_superusers_read_the_outbox_and_only_its_own_files(outbox, admin_client):
    EmailMessage("Hello", "Body", to=["a@example.com"]).send()
    [link] = message_links(admin_client)
    assert Client().get(OUTBOX).status_code == 302  # to the sign-in page
    staff = UserFactory(is_staff=True)
    staff.groups.add(Group.objects.get_or_create(name=ADMISSIONS)[0])
    other = Client()
    other.force_login(staff)
    assert other.get(OUTBOX).status_code == 403 and other.get(link).status_code == 403
    (outbox / "notes.eml").write_text("Subject: not the backend's\n\nx")
    for name in ["notes", "..%2F..%2Fetc%2Fpasswd", "20260101-000000-000000-zzzzzzzz"]:
        assert admin_client.get(f"{OUTBOX}{name}/").status_code == 404, name
    assert "not the backend" not in admin_client.get(OUTBOX).content.decode()


ABSENT = (
    "from django.urls import NoReverseMatch, resolve, reverse\n"
    "from django.conf import settings\n"
    "try:\n    reverse('outbox:list')\nexcept NoReverseMatch:\n    print('absent')\n"
    "print(resolve('/admin/outbox/').view_name.startswith('outbox:'), hasattr(settings, 'NEXUS_OUTBOX_DIR'))\n"
)


def test_the_outbox_is_absent_with_production_settings():
    """There /admin/outbox/ is only the admin's catch-all (sign in, then 404)."""
    result = run_django(
        ABSENT + "print(settings.MAILERS['default']['BACKEND'])",
        settings="nexus.settings.production",
        env=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["absent", "False", "False", "nexus.mail.SmtpBackend"]


def test_local_settings_keep_mail_in_the_outbox_unless_email_url_is_set(tmp_path):
    code = "from django.core.mail import mailers\nfrom django.urls import resolve\n"
    code += "print(resolve('/admin/outbox/').view_name, type(mailers.default).__name__)\n"
    kept = run_django(
        code, settings="nexus.settings.local", env={"NEXUS_OUTBOX_DIR": str(tmp_path)}, drop=["EMAIL_URL"]
    )
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout.split() == ["outbox:list", "OutboxBackend"]
    smtp = run_django(ABSENT, settings="nexus.settings.local", env={"EMAIL_URL": "smtp://127.0.0.1:1025"})
    assert smtp.stdout.split() == ["absent", "False", "False"], smtp.stderr
