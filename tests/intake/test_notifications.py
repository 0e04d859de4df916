"""Staff are told about each new lead after it is safely stored, with a link and nothing personal."""

import logging

import pytest
from django.core import mail

from intake.models import Inquiry
from intake.tasks import notify_new_inquiry
from tests.intake.helpers import CALLBACK_URL, INQUIRY_URL, callback_data, inquiry_data

pytestmark = pytest.mark.django_db


def test_the_email_is_sent_only_once_the_transaction_commits(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(INQUIRY_URL, inquiry_data())
    assert Inquiry.objects.count() == 1
    assert mail.outbox == []
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1
    assert Inquiry.objects.get().notification == Inquiry.Notification.SENT


def test_the_email_has_the_number_and_admin_link_and_no_personal_data(
    client, settings, django_capture_on_commit_callbacks
):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(INQUIRY_URL, inquiry_data())
    inquiry = Inquiry.objects.get()
    message = mail.outbox[0]
    assert message.subject == f"New inquiry #{inquiry.pk}"
    assert message.to == [settings.NEXUS_ADMISSIONS_EMAIL]
    assert f"https://nexus.example/admin/intake/inquiry/{inquiry.pk}/change/" in message.body
    text = message.subject + message.body + str(message.message())
    for personal in ["Jordan", "Sam", "jordan@example.com", "2025550142", "Example Health", "XE123456789", "detox bed"]:
        assert personal not in text


def test_urgent_inquiries_are_marked_urgent(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(INQUIRY_URL, inquiry_data(in_danger="yes"))
    assert mail.outbox[0].subject.startswith("URGENT: New inquiry #")
    assert "immediate danger" in mail.outbox[0].body


def test_callback_requests_notify_too(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(CALLBACK_URL, callback_data()).status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.kind == Inquiry.Kind.CALLBACK
    assert "callback request" in mail.outbox[0].body


def test_a_failed_send_keeps_the_lead_records_the_failure_and_logs_nothing_personal(
    client, settings, caplog, django_capture_on_commit_callbacks
):
    settings.MAILERS = {"default": {"BACKEND": "tests.intake.failing_mail.FailingBackend"}}
    caplog.set_level(logging.INFO)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INQUIRY_URL, inquiry_data())
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.notification == Inquiry.Notification.FAILED
    assert f"#{inquiry.pk} failed (SMTPServerDisconnected)" in caplog.text
    assert "Jordan" not in caplog.text and "example.com" not in caplog.text


def test_the_task_takes_an_id():
    from tests.intake.factories import InquiryFactory

    inquiry = InquiryFactory()
    result = notify_new_inquiry.enqueue(inquiry.pk)
    assert result.return_value == Inquiry.Notification.SENT


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queued_notifications():
    from django_tasks_db.models import DBTaskResult

    return list(
        DBTaskResult.objects.filter(task_path="intake.tasks.notify_new_inquiry").values_list("args_kwargs", flat=True)
    )


def test_with_the_database_queue_the_notification_is_stored_with_the_lead_not_after_the_commit(
    client, database_queue, django_capture_on_commit_callbacks
):
    """Nothing waits for the commit: a process that dies right after it (or a database that stops
    answering before an after-commit enqueue) cannot leave a stored lead nobody is told about."""
    with django_capture_on_commit_callbacks(execute=False):
        response = client.post(INQUIRY_URL, inquiry_data())
    assert response.status_code == 302
    lead = Inquiry.objects.get()
    assert queued_notifications() == [{"args": [lead.pk], "kwargs": {}}]


def test_with_the_database_queue_a_lead_that_is_not_stored_queues_nothing(client, database_queue):
    from django.db import transaction

    class Abandoned(Exception):
        pass

    with pytest.raises(Abandoned), transaction.atomic():
        assert client.post(INQUIRY_URL, inquiry_data()).status_code == 302
        assert len(queued_notifications()) == 1
        raise Abandoned
    assert Inquiry.objects.count() == 0 and queued_notifications() == []
