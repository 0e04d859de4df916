"""Reminders: a follow-up falling due tells its owner once; an urgent lead left alone tells the leads."""

import threading
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from intake import reminders, services
from intake.models import Activity, Inquiry, Reminder
from intake.tasks import send_reminders
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = pytest.mark.django_db
SECRETS = ["Jordan Reminder", "2025550163", "555-0163", "jordan.reminder"]


def staff(username, *groups):
    user = make_staff(username, *groups)
    user.email = f"{username}@nexus.example"
    user.save()
    return user


@pytest.fixture
def owner():
    return staff("owner", ADMISSIONS)


def due_lead(owner, minutes_ago=5, **fields):
    return InquiryFactory(
        name="Jordan Reminder",
        phone="+12025550163",
        email="jordan.reminder@example.com",
        owner=owner,
        follow_up_due=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


def assert_nothing_personal(message):
    text = " ".join([message.subject, message.body, *message.to])
    assert not any(secret.lower() in text.lower() for secret in SECRETS), text


def test_a_due_follow_up_emails_its_owner_a_link_and_nothing_personal(owner, settings):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    lead = due_lead(owner)
    assert send_reminders.enqueue().return_value == 1
    (message,) = mail.outbox
    assert message.to == ["owner@nexus.example"]
    assert message.subject == f"Follow-up due: lead #{lead.pk}"
    assert f"https://nexus.example/admin/intake/inquiry/{lead.pk}/change/" in message.body
    assert_nothing_personal(message)
    (event,) = AuditEvent.objects.for_object(lead)
    assert (event.actor, event.detail) == (None, "reminder sent: follow-up due")


def test_a_second_run_sends_nothing_more(owner):
    due_lead(owner)
    assert reminders.send_due() == 1
    assert reminders.send_due() == 0
    assert reminders.send_due(now=timezone.now() + timedelta(hours=3)) == 0
    assert len(mail.outbox) == 1


def test_a_follow_up_moved_to_another_time_is_reminded_again_when_that_falls_due(owner):
    lead = due_lead(owner)
    reminders.send_due()
    Inquiry.objects.filter(pk=lead.pk).update(follow_up_due=timezone.now() + timedelta(hours=1))
    assert reminders.send_due() == 0, "not due yet"
    assert reminders.send_due(now=timezone.now() + timedelta(hours=1, minutes=1)) == 1
    assert len(mail.outbox) == 2
    assert Reminder.objects.filter(inquiry=lead).count() == 2


def test_no_reminder_before_the_time_for_a_closed_lead_or_a_lead_nobody_owns(owner):
    InquiryFactory(owner=owner, follow_up_due=timezone.now() + timedelta(minutes=5))
    due_lead(owner, status="lost", status_reason="Chose another program")
    due_lead(None)
    assert reminders.send_due() == 0
    assert mail.outbox == []


def test_a_reminder_that_could_not_be_sent_is_tried_again_next_round(owner, settings):
    due_lead(owner)
    settings.MAILERS = {"default": {"BACKEND": "tests.intake.failing_mail.FailingBackend"}}
    assert reminders.send_due() == 0
    assert not Reminder.objects.exists()
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    assert reminders.send_due() == 1
    assert len(mail.outbox) == 1


def test_an_owner_who_left_gets_no_email_and_the_reminder_is_still_recorded_once(owner):
    owner.is_active = False
    owner.save()
    lead = due_lead(owner)
    assert reminders.send_due() == 1
    assert reminders.send_due() == 0
    assert mail.outbox == []
    assert Reminder.objects.get(inquiry=lead).recipients.count() == 0


@pytest.mark.django_db(transaction=True)
def test_two_scheduler_runs_at_the_same_moment_send_each_reminder_once(owner):
    """Two workers run the round at once (PostgreSQL: the lead's row lock decides)."""
    leads = [due_lead(owner, minutes_ago=n + 1) for n in range(5)]
    staff("teamlead", ADMISSIONS_LEAD)
    InquiryFactory(in_danger=True, created_at=timezone.now() - timedelta(minutes=20))
    start = threading.Barrier(2)
    results = []

    def run():
        try:
            start.wait()
            results.append(reminders.send_due())
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(results) == 6
    assert len(mail.outbox) == 6
    assert sorted(m.subject for m in mail.outbox if m.subject.startswith("Follow-up")) == sorted(
        f"Follow-up due: lead #{lead.pk}" for lead in leads
    )


def test_an_urgent_lead_unanswered_for_15_minutes_alerts_the_admissions_leads_once():
    lead_1, lead_2 = staff("lead1", ADMISSIONS_LEAD), staff("lead2", ADMISSIONS_LEAD)
    staff("coordinator", ADMISSIONS)
    now = timezone.now()
    urgent = InquiryFactory(in_danger=True, name="Jordan Reminder", phone="+12025550163", created_at=now)
    assert reminders.send_due(now=now + timedelta(minutes=14)) == 0
    assert reminders.send_due(now=now + timedelta(minutes=15)) == 1
    assert reminders.send_due(now=now + timedelta(minutes=40)) == 0
    (message,) = mail.outbox
    assert sorted(message.to) == [lead_1.email, lead_2.email]
    assert message.subject == f"URGENT lead #{urgent.pk} unanswered for 15 minutes"
    assert_nothing_personal(message)


def test_an_urgent_lead_someone_tried_to_reach_alerts_nobody(owner):
    staff("lead1", ADMISSIONS_LEAD)
    now = timezone.now()
    urgent = InquiryFactory(in_danger=True, created_at=now - timedelta(minutes=30))
    services.add_activity(activity=Activity(inquiry=urgent, kind="call", outcome="no_answer"), by=owner)
    InquiryFactory(in_danger=False, created_at=now - timedelta(minutes=30))
    assert reminders.send_due(now=now) == 0


def test_without_an_admissions_lead_the_urgent_alert_goes_to_the_admissions_inbox(settings):
    InquiryFactory(in_danger=True, created_at=timezone.now() - timedelta(minutes=16))
    assert reminders.send_due() == 1
    assert mail.outbox[0].to == [settings.NEXUS_ADMISSIONS_EMAIL]


def test_the_reminder_round_is_a_periodic_task(settings):
    assert "intake.tasks.send_reminders" in settings.NEXUS_PERIODIC_TASKS
