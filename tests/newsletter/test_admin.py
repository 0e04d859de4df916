"""The newsletter admin for the Marketing group: audited export, all-or-nothing import, erase, sending."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from newsletter.addresses import address_hash
from newsletter.models import Issue, Subscriber, Suppression
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS, MARKETING
from tests.newsletter.factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db
IMPORT_URL = "/admin/newsletter/subscriber/import/"
CHANGELIST = "/admin/newsletter/subscriber/"


def staff(username, *groups):
    user = get_user_model().objects.create_user(
        username, password="x", is_staff=True, email=f"{username}@nexus.example"
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def marketing(client):
    client.force_login(staff("mara", MARKETING))
    return client


def upload(client, text, **extra):
    file = SimpleUploadedFile("list.csv", text.encode(), content_type="text/csv")
    return client.post(IMPORT_URL, {"file": file, **extra})


def test_marketing_sees_subscribers_with_status_source_and_dates(marketing):
    SubscriberFactory(email="seen@example.com", source="footer:/blog/")
    html = marketing.get(CHANGELIST).content.decode()
    assert "seen@example.com" in html and "footer:/blog/" in html and "confirmed" in html


def test_other_staff_roles_cannot_see_subscribers(client):
    client.force_login(staff("adam", ADMISSIONS))
    assert client.get(CHANGELIST).status_code == 403


def test_viewing_a_subscriber_is_audited(marketing):
    subscriber = SubscriberFactory()
    assert marketing.get(f"{CHANGELIST}{subscriber.pk}/change/").status_code == 200
    event = AuditEvent.objects.get(action=AuditEvent.Action.VIEW)
    assert event.object_id == str(subscriber.pk)


def test_export_is_permission_gated_and_recorded_without_addresses_in_the_trail(marketing):
    SubscriberFactory.create_batch(2)
    ids = list(Subscriber.objects.values_list("pk", flat=True))
    response = marketing.post(CHANGELIST, {"action": "export_csv", "_selected_action": ids})
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode()
    assert body.splitlines()[0].startswith("email,first_name,status")
    assert len(body.splitlines()) == 3
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert event.object_type == "newsletter.subscriber" and "2 subscribers" in event.detail
    assert "@" not in event.detail


def test_without_the_export_permission_there_is_no_export(marketing):
    Group.objects.get(name=MARKETING).permissions.remove(Permission.objects.get(codename="export_subscriber"))
    SubscriberFactory()
    response = marketing.post(CHANGELIST, {"action": "export_csv", "_selected_action": [Subscriber.objects.get().pk]})
    assert not response.get("Content-Type", "").startswith("text/csv")
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()


def test_an_import_with_bad_rows_reports_each_and_imports_nothing(marketing):
    text = (
        "email,first_name,consent_proof\n"
        "good@example.com,Gail,\n"
        "not-an-address,Bad,\n"
        "long" + "x" * 260 + "@example.com,,\n"
        "good@example.com,Twice,\n"
        ",Nobody,\n"
        'name@example.com,"Line\nbreak",\n'
    )
    response = upload(marketing, text)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing was imported" in html
    for line, problem in [
        (3, "not valid"),
        (4, "longer than 254"),
        (5, "appears earlier"),
        (6, "missing"),
        (8, "line break"),
    ]:
        assert f"Line {line}: " in html and problem in html, (line, problem)
    assert Subscriber.objects.count() == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xff\xfe\x00bad", "not UTF-8"),
        (b"name,first_name\nx@example.com,X\n", "including one called"),
        (b"email,password\nx@example.com,secret\n", "Unknown columns: password"),
        (b"email\n", "no rows"),
    ],
)
def test_an_unreadable_file_gets_a_clear_message(marketing, content, message):
    file = SimpleUploadedFile("list.csv", content, content_type="text/csv")
    response = marketing.post(IMPORT_URL, {"file": file})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Subscriber.objects.count() == 0


def test_imported_rows_are_confirmed_only_with_a_consent_proof(marketing, django_capture_on_commit_callbacks):
    SubscriberFactory(email="already@example.com")
    Suppression.objects.create(email_hash=address_hash("left@example.com"), reason="unsubscribed")
    text = (
        "email,first_name,consent_proof,consent_at\n"
        "proof@example.com,Pat,Signed up on paper at the 2026 open day (form 14),2026-05-01\n"
        "noproof@example.com,Nia,,\n"
        "already@example.com,,,\n"
        "left@example.com,,,\n"
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(marketing, text, ask_to_confirm="on")
    assert response.status_code == 302
    proof = Subscriber.objects.with_address("proof@example.com").get()
    assert proof.status == Subscriber.Status.CONFIRMED and "open day" in proof.consent_proof
    assert proof.confirmed_at.date().isoformat() == "2026-05-01"
    assert Subscriber.objects.with_address("noproof@example.com").get().status == Subscriber.Status.PENDING
    assert not Subscriber.objects.with_address("left@example.com").exists()
    assert [m.to for m in mail.outbox] == [["noproof@example.com"]]
    assert AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE, detail__startswith="CSV import").exists()


def test_erasing_keeps_only_the_hash_and_the_address_is_never_mailed_again(
    marketing, client, django_capture_on_commit_callbacks
):
    subscriber = SubscriberFactory(email="forget.me@example.com")
    page = marketing.post(CHANGELIST, {"action": "erase_selected", "_selected_action": [subscriber.pk]})
    assert "cannot be undone" in page.content.decode()
    marketing.post(CHANGELIST, {"action": "erase_selected", "_selected_action": [subscriber.pk], "confirm": "yes"})
    assert not Subscriber.objects.exists()
    suppression = Suppression.objects.get()
    assert suppression.email_hash == address_hash("forget.me@example.com") and suppression.reason == "erased"
    issue = IssueFactory()
    with django_capture_on_commit_callbacks(execute=True):
        marketing.post(
            "/admin/newsletter/issue/", {"action": "send_now", "_selected_action": [issue.pk], "confirm": "yes"}
        )
    assert mail.outbox == []


def test_the_suppression_list_accepts_an_address_and_stores_only_its_hash(marketing):
    response = marketing.post("/admin/newsletter/suppression/add/", {"email": "Block@Example.com", "reason": "manual"})
    assert response.status_code == 302
    assert Suppression.objects.get().email_hash == address_hash("block@example.com")


def test_preview_shows_html_text_and_the_unsubscribe_headers(marketing):
    issue = IssueFactory(body="## Hello\n\n<script>alert(1)</script><img src=https://tracker.example/p.gif>Text")
    html = marketing.get(f"/admin/newsletter/issue/{issue.pk}/preview/").content.decode()
    assert "<h2>Hello</h2>" in html
    assert "alert(1)" not in html and "tracker.example" not in html
    assert "List-Unsubscribe-Post: List-Unsubscribe=One-Click" in html


def test_a_test_send_goes_to_the_staff_members_own_address_only(marketing):
    SubscriberFactory.create_batch(2)
    issue = IssueFactory()
    marketing.post("/admin/newsletter/issue/", {"action": "send_test", "_selected_action": [issue.pk]})
    [message] = mail.outbox
    assert message.to == ["mara@nexus.example"] and message.subject.startswith("[TEST] ")
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.DRAFT


def test_send_now_asks_first_then_sends_and_shows_progress(marketing, django_capture_on_commit_callbacks):
    SubscriberFactory.create_batch(3)
    issue = IssueFactory()
    ask = marketing.post("/admin/newsletter/issue/", {"action": "send_now", "_selected_action": [issue.pk]})
    assert "3 confirmed subscribers" in ask.content.decode()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        marketing.post(
            "/admin/newsletter/issue/", {"action": "send_now", "_selected_action": [issue.pk], "confirm": "yes"}
        )
    assert len(mail.outbox) == 3
    assert "3 sent, 0 failed, 0 left" in marketing.get("/admin/newsletter/issue/").content.decode()


def test_a_scheduled_issue_goes_out_when_the_scheduler_runs(marketing, django_capture_on_commit_callbacks):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    SubscriberFactory()
    issue = IssueFactory(scheduled_at=timezone.now() + timedelta(hours=1))
    marketing.post("/admin/newsletter/issue/", {"action": "schedule", "_selected_action": [issue.pk]})
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SCHEDULED
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_issues")
    assert mail.outbox == []
    Issue.objects.filter(pk=issue.pk).update(scheduled_at=timezone.now() - timedelta(minutes=1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_due_issues")
    assert len(mail.outbox) == 1
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


def test_a_sent_issue_can_no_longer_be_edited(marketing):
    issue = IssueFactory(status=Issue.Status.SENT)
    html = marketing.get(f"/admin/newsletter/issue/{issue.pk}/change/").content.decode()
    assert 'name="subject"' not in html


def latest_articles():
    return [
        {"title": "Sleep in early recovery", "summary": "Why sleep returns slowly.", "url": "/blog/sleep/"},
        {"title": "Talking to family", "summary": "First conversations.", "url": "https://nexus.example/blog/family/"},
    ]


def test_an_issue_can_start_from_the_latest_articles_when_a_source_is_configured(marketing, settings):
    settings.NEXUS_NEWSLETTER_ARTICLES = ""
    assert "from_articles" not in marketing.get("/admin/newsletter/issue/").content.decode()
    settings.NEXUS_NEWSLETTER_ARTICLES = "tests.newsletter.test_admin.latest_articles"
    settings.NEXUS_SITE_URL = "https://nexus.example"
    assert "from_articles=1" in marketing.get("/admin/newsletter/issue/").content.decode()
    html = marketing.get("/admin/newsletter/issue/add/?from_articles=1").content.decode()
    assert "## Sleep in early recovery" in html
    assert "[Read “Sleep in early recovery” on our site](https://nexus.example/blog/sleep/)" in html
    assert "Read the article" not in html
    assert "This month at Nexus Recovery: " in html
    assert "Why sleep returns slowly." in html


def test_line_breaks_in_an_issue_subject_are_refused(marketing):
    response = marketing.post(
        "/admin/newsletter/issue/add/", {"subject": "Hello\r\nBcc: everyone@example.com", "preheader": "", "body": "x"}
    )
    assert response.status_code == 200
    assert "Use a single line" in response.content.decode()
    assert not Issue.objects.exists()


def test_the_suppression_list_is_searched_by_hashing_the_address(marketing):
    Suppression.objects.create(email_hash=address_hash("found@example.com"), reason="bounced")
    Suppression.objects.create(email_hash=address_hash("other@example.com"), reason="bounced")
    html = marketing.post("/admin/newsletter/subscriber/find/", {"email": "Found@example.com"}).content.decode()
    assert html.count("On the suppression list: hard bounce") == 1
