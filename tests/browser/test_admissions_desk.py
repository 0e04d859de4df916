"""The admissions desk in a real Chromium: My work, the lead page, a call logged, the reminder."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from intake.models import Activity, Inquiry, Reminder
from intake.tasks import send_reminders
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def shot(page, name):
    page.screenshot(path=f"var/shots/desk-{name}-{page.viewport_size['width']}.png", full_page=True)


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def staff(username, *groups):
    user = make_staff(username, *groups)
    user.email = f"{username}@nexus.example"
    user.first_name, user.last_name = username.capitalize(), "Example"
    user.save()
    return user


def test_an_admissions_user_calls_a_lead_logs_a_voicemail_and_is_reminded(page):
    coordinator = staff("coordinator", ADMISSIONS)
    lead = InquiryFactory(
        name="Jordan Desk",
        relationship="Sister",
        who_needs_help="loved_one",
        person_first_name="Sam",
        phone="+12025550148",
        email="jordan.desk@example.com",
        voicemail_ok=True,
        best_time="evening",
        language="en",
        in_danger=True,
        message="My brother needs a detox bed this week.",
        owner=coordinator,
        created_at=timezone.now() - timedelta(hours=1, minutes=2),
    )
    InquiryFactory(name="Robin Unowned", created_at=timezone.now() - timedelta(minutes=30))
    sign_in(page, coordinator)

    page.goto("/admin/intake/inquiry/my-work/")
    page.get_by_role("heading", name=re.compile("My open leads")).wait_for()
    assert page.get_by_role("heading", name=re.compile("New, nobody owns them yet")).is_visible()
    page.assert_layout()
    page.assert_accessible()
    shot(page, "my-work")

    with page.expect_navigation():
        page.get_by_role("link", name=f"#{lead.pk} · Jordan Desk").click()
    call = page.get_by_role("link", name="Call (202) 555-0148")
    assert call.get_attribute("href") == "tel:+12025550148"
    assert page.get_by_role("link", name="Text (202) 555-0148").get_attribute("href") == "sms:+12025550148"
    assert page.get_by_role("link", name="Email jordan.desk@example.com").get_attribute("href") == (
        "mailto:jordan.desk@example.com"
    )
    urgency = page.locator(".lead-urgency-yes")
    assert "Urgent" in urgency.inner_text()
    assert urgency.evaluate("e => getComputedStyle(e).backgroundColor") == "rgb(164, 22, 26)"
    received = page.locator(".lead-card-meta time")
    assert received.inner_text().replace("\xa0", " ") == "1 hour 2 minutes ago"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", received.get_attribute("title"))
    shot(page, "lead")
    # Top first: the person comes before what they asked, the pipeline and the timeline.
    order = page.evaluate(
        """() => ['#lead-who', 'fieldset', '#id_status', '#timeline-heading']
            .map((s) => document.querySelector(s).getBoundingClientRect().top + window.scrollY)"""
    )
    assert order == sorted(order), order
    assert page.locator(".field-owner .related-widget-wrapper-link").count() == 0
    page.assert_layout()
    page.assert_accessible()

    page.get_by_label("What you did").select_option("call")
    page.get_by_label("Outcome:", exact=True).select_option(label="No answer, voicemail left")
    page.get_by_label("Note:", exact=True).fill("Left a short message, no details")
    due = timezone.localtime(timezone.now() + timedelta(hours=2)).replace(second=0, microsecond=0)
    page.get_by_label("Next follow-up").fill(f"{due:%Y-%m-%dT%H:%M}")
    with page.expect_navigation():
        page.get_by_role("button", name="Log it").click()
    page.get_by_text("Logged on the timeline.").wait_for()
    assert page.locator(".lead-timeline li").first.inner_text().startswith("Call · No answer, voicemail left")
    page.assert_layout()
    shot(page, "lead-logged")

    attempt = Activity.objects.get(inquiry=lead)
    assert (attempt.kind, attempt.outcome, attempt.by) == ("call", "voicemail", coordinator)
    lead.refresh_from_db()
    assert lead.follow_up_due == due and lead.first_contact_at == attempt.at
    details = [e.detail for e in AuditEvent.objects.for_object(lead).filter(actor=coordinator).order_by("pk")]
    assert details[-3:] == ["added call", "changed follow_up_due", ""], details
    assert AuditEvent.objects.filter(actor=coordinator, detail__startswith="my work (own)").exists()

    # The follow-up falls due: the scheduler's round emails the owner, once.
    Inquiry.objects.filter(pk=lead.pk).update(follow_up_due=timezone.now() - timedelta(minutes=1))
    mail.outbox.clear()
    send_reminders.enqueue()
    send_reminders.enqueue()
    (message,) = [m for m in mail.outbox if m.to == [coordinator.email]]
    assert message.subject == f"Follow-up due: lead #{lead.pk}"
    text = (message.subject + message.body).lower()
    assert not any(s in text for s in ["jordan", "desk", "2025550148", "555-0148", "example.com", "sam"])
    assert Reminder.objects.filter(inquiry=lead, kind="follow_up").count() == 1
    assert AuditEvent.objects.for_object(lead).filter(actor=None, detail="reminder sent: follow-up due").count() == 1
    page.assert_same_origin()


def test_a_refused_contact_attempt_says_why_and_keeps_the_note(page):
    coordinator = staff("coordinator", ADMISSIONS)
    lead = InquiryFactory(voicemail_ok=False, owner=coordinator)
    sign_in(page, coordinator)
    page.goto(f"/admin/intake/inquiry/{lead.pk}/change/")
    assert page.get_by_text("not allowed: do not leave a message").is_visible()
    page.get_by_label("Outcome:", exact=True).select_option(label="No answer, voicemail left")
    page.get_by_label("Note:", exact=True).fill("Tried twice")
    with page.expect_navigation():
        page.get_by_role("button", name="Log it").click()
    page.get_by_role("alert").filter(has_text="They did not allow voicemail").wait_for()
    assert page.get_by_label("Note:", exact=True).input_value() == "Tried twice"
    assert page.evaluate("document.activeElement.id") == "id_kind"
    assert page.get_by_role("alert").is_visible() and page.evaluate("window.scrollY") > 0
    assert not Activity.objects.exists()
    page.assert_layout()
    page.assert_accessible()
    shot(page, "lead-refused")


def test_an_admissions_lead_sees_everyones_work_by_owner(page):
    team_lead = staff("teamlead", ADMISSIONS_LEAD)
    alex, blair = staff("alex", ADMISSIONS), staff("blair", ADMISSIONS)
    now = timezone.now()
    InquiryFactory(name="Casey Overdue", owner=alex, follow_up_due=now - timedelta(hours=3))
    InquiryFactory(name="Drew Later", owner=alex, follow_up_due=now + timedelta(days=1))
    InquiryFactory(name="Emery Urgent", owner=blair, in_danger=True)
    InquiryFactory(name="Finley New")
    sign_in(page, team_lead)
    page.goto("/admin/intake/inquiry/my-work/")
    headings = page.locator(".lead-work-section h2").all_inner_texts()
    assert headings == [
        "Overdue follow-ups, everyone's (1)",
        "New, nobody owns them yet (1)",
        "Alex Example's open leads (2)",
        "Blair Example's open leads (1)",
    ]
    assert "Casey Overdue" in page.locator(f".lead-work-owner-{alex.pk}").inner_text()
    page.assert_layout()
    page.assert_accessible()
    shot(page, "team-work")


def test_the_dashboard_and_the_list_fit_and_every_tile_opens_its_list(page):
    coordinator = staff("coordinator", ADMISSIONS)
    now = timezone.now()
    InquiryFactory(in_danger=True, utm_source="newsletter-december-2026", referrer_origin="https://search.example")
    InquiryFactory(owner=coordinator, follow_up_due=now - timedelta(hours=2), status="screening")
    InquiryFactory(owner=staff("a.long.username.for.admissions", ADMISSIONS), status="insurance")
    InquiryFactory(status="admitted", owner=coordinator)
    sign_in(page, coordinator)
    page.goto("/admin/intake/inquiry/dashboard/")
    page.assert_layout()
    page.assert_accessible()
    assert page.locator("ol.breadcrumbs").count() == 1
    shot(page, "dashboard")
    tiles = page.locator(".lead-figures a")
    targets = [(tiles.nth(i).inner_text(), tiles.nth(i).get_attribute("href")) for i in range(tiles.count())]
    assert len(targets) == 4, targets
    for label, href in targets:
        page.goto(href)
        count = int(label.split()[0])
        assert page.locator("#result_list tbody tr").count() == count, (label, href)

    page.goto("/admin/intake/inquiry/")
    shot(page, "list")
    page.assert_layout()
    statuses = page.locator("#result_list .lead-status").all_inner_texts()
    assert "Insurance verification" in statuses and "Screening" in statuses
    stacked = page.evaluate("getComputedStyle(document.querySelector('#result_list thead')).display") == "none"
    assert stacked == (page.viewport_size["width"] < 1280), "a table at 1280 px, labelled lines on a phone"
