"""The admissions desk without a browser: the contact form's rules, My work, the home panels."""

from datetime import timedelta

import pytest
from django.test import RequestFactory
from django.utils import timezone

from intake.home import home_panels
from intake.models import Activity
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS, ADMISSIONS_LEAD, MARKETING
from tests.intake.factories import InquiryFactory
from tests.intake.staff import contact_url, make_staff

pytestmark = pytest.mark.django_db
MY_WORK = "/admin/intake/inquiry/my-work/"


def panels_for(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return home_panels(request)


def test_a_voicemail_they_did_not_allow_is_refused_with_the_reason(client, coordinator):
    lead = InquiryFactory(voicemail_ok=False)
    client.force_login(coordinator)
    response = client.post(contact_url(lead), {"kind": "call", "outcome": "voicemail", "note": "kept"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "They did not allow voicemail" in page and "kept</textarea>" in page
    assert not Activity.objects.exists()
    # Shown again, the lead page is audited as a view like any other.
    assert AuditEvent.objects.for_object(lead).filter(action=AuditEvent.Action.VIEW).count() == 1


@pytest.mark.parametrize(
    "data, message",
    [
        ({"kind": "call", "outcome": ""}, "Choose what happened with the call"),
        ({"kind": "email", "outcome": "voicemail"}, "Choose what happened with the email"),
        ({"kind": "note", "note": "   "}, "Write the note"),
        ({"kind": "call", "outcome": "reached", "follow_up_due": "next tuesday"}, "Enter a valid date/time"),
        ({"kind": "fax", "outcome": "sent"}, "Select a valid choice"),
    ],
)
def test_a_contact_attempt_that_makes_no_sense_is_refused_clearly(client, coordinator, data, message):
    lead = InquiryFactory()
    client.force_login(coordinator)
    response = client.post(contact_url(lead), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Activity.objects.exists()


def test_a_call_with_a_follow_up_is_logged_and_audited_without_what_was_said(client, coordinator):
    lead = InquiryFactory()
    client.force_login(coordinator)
    due = timezone.localtime() + timedelta(days=1)
    data = {"kind": "call", "outcome": "no_answer", "note": "Secret words", "follow_up_due": f"{due:%Y-%m-%dT%H:%M}"}
    assert client.post(contact_url(lead), data).status_code == 302
    lead.refresh_from_db()
    assert lead.follow_up_due == due.replace(second=0, microsecond=0)
    details = sorted(AuditEvent.objects.for_object(lead).values_list("detail", flat=True))
    assert details == ["added call", "changed follow_up_due"]
    # The same follow-up again changes nothing more.
    client.post(contact_url(lead), data | {"note": ""})
    assert AuditEvent.objects.for_object(lead).filter(detail="changed follow_up_due").count() == 1


def test_the_contact_form_refuses_other_roles_and_a_get(client, editor, coordinator):
    lead = InquiryFactory()
    client.force_login(editor)
    assert client.post(contact_url(lead), {"kind": "note", "note": "x"}).status_code == 403
    client.force_login(coordinator)
    assert client.get(contact_url(lead)).status_code == 405
    assert client.post("/admin/intake/inquiry/999999/contact/", {"kind": "note", "note": "x"}).status_code == 404
    assert not Activity.objects.exists()


def test_the_owner_is_chosen_without_user_admin_icons(client, coordinator):
    lead = InquiryFactory(owner=coordinator)
    client.force_login(coordinator)
    page = client.get(f"/admin/intake/inquiry/{lead.pk}/change/").content.decode()
    assert 'id="id_owner"' in page
    assert "/admin/auth/user/" not in page and "related-widget-wrapper-link" not in page


def test_my_work_is_for_admissions_only_and_is_audited_by_lead_number(client, coordinator, editor):
    mine = InquiryFactory(owner=coordinator, name="Quinn Mine")
    other = InquiryFactory(owner=make_staff("other", ADMISSIONS), name="Rory Other")
    client.force_login(editor)
    assert client.get(MY_WORK).status_code == 403
    client.force_login(coordinator)
    page = client.get(MY_WORK).content.decode()
    assert "Quinn Mine" in page and "Rory Other" not in page
    (event,) = AuditEvent.objects.filter(actor=coordinator)
    assert event.detail == f"my work (own): 1 leads (#{mine.pk})" and f"#{other.pk}" not in event.detail


def test_home_panels_are_id_based_and_only_for_admissions_roles(coordinator, lead_user):
    now = timezone.now()
    due = InquiryFactory(owner=coordinator, in_danger=True, name="Sky Hidden", follow_up_due=now - timedelta(minutes=5))
    new = InquiryFactory(name="Tay Hidden")
    InquiryFactory(owner=coordinator, follow_up_due=now + timedelta(hours=1))
    assert panels_for(make_staff("marketer", MARKETING)) == []
    panels = panels_for(coordinator)
    assert [p["title"] for p in panels] == ["Your follow-ups due", "New leads nobody owns yet"]
    (item,) = panels[0]["items"]
    assert item["label"].startswith(f"Lead #{due.pk} · urgent · overdue since ")
    assert item["url"] == f"/admin/intake/inquiry/{due.pk}/change/"
    assert [i["label"] for i in panels[1]["items"]] == [f"Lead #{new.pk}"]
    assert set(panels[0]) == {"title", "items", "more_url"} and set(item) == {"label", "url", "meta"}
    text = repr(panels + panels_for(lead_user))
    assert "Hidden" not in text and "202555" not in text
    assert panels_for(lead_user)[0]["title"] == "Overdue follow-ups, everyone's"
    assert AuditEvent.objects.filter(actor=coordinator, detail__startswith="my work (home page)").exists()


def test_a_superuser_without_a_role_still_sees_the_panels(django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="x")
    InquiryFactory()
    assert len(panels_for(admin)) == 2


def test_the_lead_is_shown_top_first_with_the_phone_in_national_format(client, coordinator):
    lead = InquiryFactory(phone="+12025550190", email="sam@example.com", preferred_contact="email", in_danger=False)
    client.force_login(coordinator)
    page = client.get(f"/admin/intake/inquiry/{lead.pk}/change/").content.decode()
    assert page.index('href="mailto:sam@example.com"') < page.index('href="tel:+12025550190"'), "preferred first"
    assert "Call (202) 555-0190" in page and "E.164" not in page
    assert "Not urgent: they answered no" in page
    order = [page.index(marker) for marker in ["lead-card", "What they asked", "Pipeline", 'id="timeline"']]
    assert order == sorted(order)


def test_only_an_admissions_lead_sees_the_whole_team(client):
    user = make_staff("plain", ADMISSIONS)
    client.force_login(user)
    assert "the whole team" not in client.get(MY_WORK).content.decode()
    client.force_login(make_staff("boss", ADMISSIONS_LEAD))
    assert "the whole team" in client.get(MY_WORK).content.decode()
