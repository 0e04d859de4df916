"""Working a lead in the admin: statuses, reasons, owners, timeline, duplicates and the dashboard."""

from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from intake import dashboard
from intake.models import Activity, CallClick, Inquiry, StatusChange
from tests.intake.factories import InquiryFactory
from tests.intake.helpers import INQUIRY_URL, inquiry_data
from tests.intake.staff import change_form, contact_url

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/intake/inquiry/"


def change_url(inquiry):
    return f"{CHANGELIST}{inquiry.pk}/change/"


def test_status_change_is_recorded_with_who_and_when_and_starts_first_contact(client, coordinator):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    assert client.post(change_url(inquiry), change_form(inquiry, status="contacted")).status_code == 302
    change = StatusChange.objects.get(inquiry=inquiry)
    assert (change.by, change.from_status, change.to_status) == (coordinator, "new", "contacted")
    inquiry.refresh_from_db()
    assert inquiry.first_contact_at is not None
    assert inquiry.time_to_first_contact >= timedelta(0)


@pytest.mark.parametrize(
    ("status", "reason", "wrong", "label"),
    [
        ("referred_out", "referred_no_bed", "lost_cost", "No bed when it was needed"),
        ("lost", "lost_elsewhere", "referred_no_bed", "Chose another program"),
    ],
)
def test_a_reason_from_the_list_is_required_to_refer_out_or_close(client, coordinator, status, reason, wrong, label):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    for fields, message in [
        ({}, "Give a reason"),
        ({"outcome_reason": wrong}, "That reason is for"),
        ({"outcome_reason": status.split("_")[0] + "_other"}, "Say why in the note"),
    ]:
        response = client.post(change_url(inquiry), change_form(inquiry, status=status, **fields))
        assert response.status_code == 200 and message in response.content.decode()
        inquiry.refresh_from_db()
        assert inquiry.status == "new"
    response = client.post(change_url(inquiry), change_form(inquiry, status=status, outcome_reason=reason))
    assert response.status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.closed_at is not None and inquiry.outcome_reason == reason
    assert StatusChange.objects.get(inquiry=inquiry).reason == label


def test_the_database_refuses_a_closed_lead_without_a_reason():
    inquiry = InquiryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Inquiry.objects.filter(pk=inquiry.pk).update(status="lost", status_reason="")


def test_the_database_refuses_a_lead_without_phone_or_email():
    with pytest.raises(IntegrityError), transaction.atomic():
        InquiryFactory(phone="", email="")


def test_a_contact_attempt_joins_the_timeline_newest_first_and_sets_first_contact(client, coordinator):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    activity = {"kind": "call", "outcome": "no_voicemail", "note": "Tried the mobile"}
    assert client.post(contact_url(inquiry), activity).status_code == 302
    note = {"kind": "note", "outcome": "", "note": "Family prefers evenings"}
    client.post(contact_url(inquiry), note)
    assert Activity.objects.filter(inquiry=inquiry, by=coordinator).count() == 2
    inquiry.refresh_from_db()
    assert inquiry.first_contact_at == Activity.objects.get(kind="call").at
    html = client.get(change_url(inquiry)).content.decode()
    timeline = html[html.index('<ol class="lead-timeline">') :]
    assert timeline.index("Family prefers evenings") < timeline.index("Tried the mobile")
    assert "Call · No answer, voicemail not left" in timeline


def test_owner_must_be_an_admissions_member(client, coordinator, editor):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    response = client.post(change_url(inquiry), change_form(inquiry, owner=editor.pk))
    assert response.status_code == 200
    response = client.post(change_url(inquiry), change_form(inquiry, owner=coordinator.pk))
    assert response.status_code == 302
    assert Inquiry.objects.get().owner == coordinator


def test_bulk_assign_sets_the_owner_of_every_selected_lead(client, coordinator):
    leads = [InquiryFactory(), InquiryFactory()]
    client.force_login(coordinator)
    body = {"action": "assign_owner", "_selected_action": [lead.pk for lead in leads]}
    page = client.post(CHANGELIST, body)
    assert page.status_code == 200 and b"Assign 2 leads to" in page.content
    response = client.post(CHANGELIST, body | {"apply": "1", "owner": coordinator.pk})
    assert response.status_code == 302
    assert set(Inquiry.objects.values_list("owner", flat=True)) == {coordinator.pk}


def test_the_list_flags_urgent_unassigned_overdue_and_duplicate_leads(client, coordinator):
    InquiryFactory(in_danger=True)
    InquiryFactory(owner=coordinator, follow_up_due=timezone.now() - timedelta(hours=1))
    client.force_login(coordinator)
    html = client.get(CHANGELIST).content.decode()
    for flag in ["lead-flag-urgent", "lead-flag-unassigned", "lead-flag-overdue"]:
        assert flag in html
    assert client.get(CHANGELIST + "?attention=overdue").context["cl"].result_count == 1
    assert client.get(CHANGELIST + "?attention=urgent").context["cl"].result_count == 1


def test_a_lead_matching_a_recent_phone_or_email_is_flagged_and_linked(client):
    client.post(INQUIRY_URL, inquiry_data())
    client.post(INQUIRY_URL, inquiry_data(phone="", email="JORDAN@example.com"))
    client.post(INQUIRY_URL, inquiry_data(phone="202 555 0142", email="other@example.com"))
    client.post(INQUIRY_URL, inquiry_data(phone="202 555 0199", email="new@example.com"))
    first, by_email, by_phone, unrelated = Inquiry.objects.order_by("pk")
    assert first.duplicate_of is None and unrelated.duplicate_of is None
    assert by_email.duplicate_of == first
    assert by_phone.duplicate_of == first


def test_old_leads_are_not_duplicates():
    old = InquiryFactory(phone="+12025550150", created_at=timezone.now() - timedelta(days=91))
    assert not Inquiry.objects.matching(phone_hash=old.phone_hash, email_hash="").exists()


def test_dashboard_figures_on_known_data(client, coordinator):
    now = timezone.now()
    InquiryFactory(created_at=now - timedelta(minutes=5), in_danger=True, landing_path="/a/", utm_source="mail")
    InquiryFactory(
        created_at=now - timedelta(days=2),
        owner=coordinator,
        follow_up_due=now - timedelta(hours=1),
        status="contacted",
        first_contact_at=now - timedelta(days=2) + timedelta(minutes=10),
        landing_path="/a/",
    )
    InquiryFactory(
        created_at=now - timedelta(days=10),
        status="admitted",
        owner=coordinator,
        closed_at=now,
        first_contact_at=now - timedelta(days=10) + timedelta(minutes=30),
        landing_path="/b/",
    )
    InquiryFactory(
        created_at=now - timedelta(days=60),
        status="lost",
        status_reason="r",
        owner=coordinator,
        closed_at=now,
        first_contact_at=now - timedelta(days=60) + timedelta(minutes=50),
    )
    CallClick.objects.create(page_path="/x/", landing_path="/a/", utm_source="mail")
    figures = dashboard.figures(now=now)
    assert figures["unassigned"] == 1 and figures["overdue"] == 1 and figures["urgent"] == 1
    assert figures["funnel_30"]["total"] == 3 and figures["funnel_30"]["conversion"] == 33.3
    assert figures["funnel_90"]["total"] == 4 and figures["funnel_90"]["conversion"] == 25.0
    assert {label: n for _value, label, n in figures["funnel_90"]["stages"]}["Closed (lost)"] == 1
    assert figures["median_first_contact_30"] == timedelta(minutes=20)
    assert figures["median_first_contact_90"] == timedelta(minutes=30)
    assert figures["leads_by_landing"][0] == ("/a/", 2)
    assert ("mail", 1) in figures["leads_by_source"] and figures["calls_by_source"] == [("mail", 1)]
    client.force_login(coordinator)
    response = client.get(CHANGELIST + "dashboard/")
    assert response.status_code == 200 and b"Median time to first contact" in response.content
