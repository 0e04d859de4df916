"""Who may see leads, the audit trail of what they did, and personal data kept out of sight."""

import io
import logging
import uuid

import pytest
from django.core import mail
from django.db import connection

from intake.models import Activity, Inquiry
from nexus.models import AuditEvent
from tests.cache_keys import cache_keys
from tests.intake.factories import InquiryFactory
from tests.intake.helpers import INQUIRY_URL, inquiry_data
from tests.intake.staff import change_form, contact_url

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/intake/inquiry/"


def change_url(inquiry):
    return f"{CHANGELIST}{inquiry.pk}/change/"


def raw_rows(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {table}")  # noqa: S608 - a fixed table name
        return " ".join(str(value) for row in cursor.fetchall() for value in row)


def test_personal_fields_are_encrypted_at_rest(client, coordinator):
    marker = f"zq{uuid.uuid4().hex[:10]}"
    client.post(
        INQUIRY_URL,
        inquiry_data(
            name=f"Name {marker}",
            message=f"Message {marker}",
            insurance_member_id=f"ID{marker}",
            email=f"{marker}@example.com",
        ),
    )
    inquiry = Inquiry.objects.get()
    Activity.objects.create(inquiry=inquiry, kind="note", note=f"Staff note {marker}")
    stored = raw_rows("intake_inquiry") + raw_rows("intake_activity") + raw_rows("intake_statuschange")
    assert marker not in stored
    assert "2025550142" not in stored
    assert inquiry.message == f"Message {marker}"
    assert Activity.objects.get().note == f"Staff note {marker}"


def test_encrypted_data_survives_a_key_rotation(settings):
    inquiry = InquiryFactory(message="before rotation")
    from cryptography.fernet import Fernet

    from intake.crypto import _fernet, fernet

    old = fernet()._fernets[0]._signing_key + fernet()._fernets[0]._encryption_key
    import base64

    settings.NEXUS_FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode(), base64.urlsafe_b64encode(old).decode()]
    _fernet.cache_clear()
    assert Inquiry.objects.get(pk=inquiry.pk).message == "before rotation"


def test_only_admissions_staff_open_leads_others_get_403(client, coordinator, editor):
    inquiry = InquiryFactory()
    client.force_login(editor)
    assert client.get(CHANGELIST).status_code == 403
    assert client.get(change_url(inquiry)).status_code == 403
    assert client.get(f"{CHANGELIST}dashboard/").status_code == 403
    assert client.post(change_url(inquiry), change_form(inquiry, status="contacted")).status_code == 403
    client.force_login(coordinator)
    assert client.get(CHANGELIST).status_code == 200
    assert client.get(change_url(inquiry)).status_code == 200


def test_viewing_a_lead_is_audited(client, coordinator):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    client.get(change_url(inquiry))
    event = AuditEvent.objects.for_object(inquiry).get()
    assert (event.actor, event.action) == (coordinator, AuditEvent.Action.VIEW)


def test_changing_a_lead_is_audited_with_field_names_only(client, coordinator):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    response = client.post(change_url(inquiry), change_form(inquiry, status="contacted"))
    assert response.status_code == 302
    event = AuditEvent.objects.for_object(inquiry).get(action=AuditEvent.Action.CHANGE)
    assert event.actor == coordinator and event.detail == "changed status"


def test_export_needs_the_export_permission_and_is_audited(client, coordinator, lead_user):
    leads = [InquiryFactory(name="=HYPERLINK(evil)"), InquiryFactory()]
    body = {"action": "export_csv", "_selected_action": [lead.pk for lead in leads]}
    client.force_login(coordinator)
    response = client.post(CHANGELIST, body)
    assert response.status_code == 302 or b"text/csv" not in response.get("Content-Type", "").encode()
    assert not AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).exists()

    client.force_login(lead_user)
    response = client.post(CHANGELIST, body)
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert "'=HYPERLINK(evil)" in text and "+12025550" in text
    events = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT)
    assert {event.object_id for event in events} == {str(lead.pk) for lead in leads}
    assert all(event.actor == lead_user for event in events)


def test_a_marker_in_every_field_reaches_no_url_log_cache_key_or_email(
    client, caplog, capsys, django_capture_on_commit_callbacks, coordinator
):
    caplog.set_level(logging.DEBUG)
    marker = f"mk{uuid.uuid4().hex[:12]}"
    data = inquiry_data(
        name=f"N{marker}",
        relationship=f"R{marker}",
        person_first_name=f"F{marker}",
        email=f"{marker}@example.com",
        insurance_provider=f"P{marker}",
        insurance_member_id=f"I{marker}",
        message=f"M{marker}",
        phone="+1 202 555 0187",
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(INQUIRY_URL, data)
    thanks = client.get(response["Location"])
    inquiry = Inquiry.objects.get()
    client.force_login(coordinator)
    client.get(change_url(inquiry))
    changed = client.post(change_url(inquiry), change_form(inquiry, status="contacted"))
    assert client.post(contact_url(inquiry), {"kind": "note", "note": f"S{marker}"}).status_code == 302

    assert changed.status_code == 302
    urls = [response["Location"], thanks.request["PATH_INFO"]]
    assert not any(marker in url or "2025550187" in url for url in urls)
    out = capsys.readouterr()
    logged = caplog.text + out.out + out.err
    assert marker not in logged and "2025550187" not in logged
    keys = " ".join(cache_keys())
    assert marker not in keys and "127.0.0.1" not in keys
    sent = " ".join(message.subject + str(message.message()) for message in mail.outbox)
    assert mail.outbox and marker not in sent and "2025550187" not in sent
    assert marker not in " ".join(AuditEvent.objects.values_list("detail", flat=True))
    assert marker not in thanks.content.decode()
    assert Activity.objects.get().note == f"S{marker}"


def test_purge_deletes_only_old_closed_leads_and_logs_counts(caplog, settings):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    caplog.set_level(logging.INFO)
    long_ago = timezone.now() - timedelta(days=400)
    old_lost = InquiryFactory(status="lost", status_reason="no reply", closed_at=long_ago, name="Old Person")
    old_admitted = InquiryFactory(status="admitted", closed_at=long_ago)
    recent_lost = InquiryFactory(status="lost", status_reason="no reply", closed_at=timezone.now() - timedelta(days=30))
    old_open = InquiryFactory(status="screening", created_at=long_ago)

    out = io.StringIO()
    call_command("purge_leads", "--dry-run", stdout=out)
    assert "2 leads would be deleted" in out.getvalue()
    assert Inquiry.objects.count() == 4

    call_command("purge_leads", stdout=io.StringIO())
    assert set(Inquiry.objects.values_list("pk", flat=True)) == {recent_lost.pk, old_open.pk}
    assert not Inquiry.objects.filter(pk__in=[old_lost.pk, old_admitted.pk]).exists()
    assert "Old Person" not in caplog.text and "purge_leads: 2 leads deleted" in caplog.text

    call_command("purge_leads", "--days", "10", stdout=io.StringIO())
    assert list(Inquiry.objects.values_list("pk", flat=True)) == [old_open.pk]
