"""Every way the leads admin shows or changes a lead leaves an audit row; no way tells others a lead exists."""

import pytest
from django.contrib.contenttypes.models import ContentType

from intake.models import Inquiry
from nexus.models import AuditEvent
from tests.intake.factories import InquiryFactory
from tests.intake.staff import change_form, contact_url

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/intake/inquiry/"
PERSONAL = ["Walk Person", "2025550111", "walk@example.com", "Private note"]


def events(**filters):
    return list(AuditEvent.objects.filter(**filters).order_by("pk"))


def assert_no_personal_data_in_the_trail():
    details = " ".join(AuditEvent.objects.values_list("detail", flat=True))
    assert not any(value in details for value in PERSONAL), details


@pytest.fixture
def lead():
    return InquiryFactory(name="Walk Person", phone="+12025550111", email="walk@example.com")


def test_the_list_is_audited_with_what_it_showed(client, coordinator, lead):
    other = InquiryFactory()
    client.force_login(coordinator)
    assert client.get(CHANGELIST).status_code == 200
    (event,) = events(action=AuditEvent.Action.VIEW, object_type="intake.inquiry")
    assert event.actor == coordinator
    assert f"#{lead.pk}" in event.detail and f"#{other.pk}" in event.detail
    assert client.get(CHANGELIST, {"attention": "urgent"}).status_code == 200
    assert events(action=AuditEvent.Action.VIEW)[-1].detail == "list: 0 of 0 leads; filters attention=urgent"
    assert_no_personal_data_in_the_trail()


def test_the_change_view_is_audited_when_shown_again_after_a_refused_save(client, coordinator, lead):
    client.force_login(coordinator)
    response = client.post(f"{CHANGELIST}{lead.pk}/change/", change_form(lead, status="lost", status_reason=""))
    assert response.status_code == 200 and "Walk Person" in response.content.decode()
    (event,) = AuditEvent.objects.for_object(lead)
    assert (event.actor, event.action) == (coordinator, AuditEvent.Action.VIEW)


def test_a_save_a_note_and_an_edit_that_changes_nothing(client, coordinator, lead):
    client.force_login(coordinator)
    url = f"{CHANGELIST}{lead.pk}/change/"
    note = {"kind": "note", "outcome": "", "note": "Private note"}
    assert client.post(url, change_form(lead, status="contacted")).status_code == 302
    assert client.post(contact_url(lead), note).status_code == 302
    details = sorted(e.detail for e in AuditEvent.objects.for_object(lead).filter(action=AuditEvent.Action.CHANGE))
    assert details == ["added note", "changed status"]
    lead.refresh_from_db()
    assert client.post(url, change_form(lead)).status_code == 302
    assert AuditEvent.objects.for_object(lead).filter(action=AuditEvent.Action.CHANGE).count() == 2
    assert_no_personal_data_in_the_trail()


def test_bulk_assign_from_the_unassigned_filter_audits_every_lead(client, coordinator, lead):
    second = InquiryFactory()
    client.force_login(coordinator)
    body = {"action": "assign_owner", "_selected_action": [lead.pk, second.pk], "apply": "1", "owner": coordinator.pk}
    response = client.post(f"{CHANGELIST}?attention=unassigned", body)
    assert response.status_code == 302
    assert set(Inquiry.objects.values_list("owner", flat=True)) == {coordinator.pk}
    changed = {e.object_id for e in events(action=AuditEvent.Action.CHANGE)}
    assert changed == {str(lead.pk), str(second.pk)}


def test_assigning_leads_to_the_owner_they_have_changes_and_audits_nothing(client, coordinator, lead):
    Inquiry.objects.update(owner=coordinator)
    client.force_login(coordinator)
    body = {"action": "assign_owner", "_selected_action": [lead.pk], "apply": "1", "owner": coordinator.pk}
    client.post(CHANGELIST, body)
    assert not events(action=AuditEvent.Action.CHANGE)


def test_history_is_audited(client, coordinator, lead):
    client.force_login(coordinator)
    assert client.get(f"{CHANGELIST}{lead.pk}/history/").status_code == 200
    (event,) = AuditEvent.objects.for_object(lead)
    assert (event.action, event.detail) == (AuditEvent.Action.VIEW, "history")


def test_export_audits_each_lead_before_the_file_leaves(client, lead_user, lead):
    client.force_login(lead_user)
    response = client.post(CHANGELIST, {"action": "export_csv", "_selected_action": [lead.pk]})
    assert "Walk Person" in response.content.decode()
    (event,) = events(action=AuditEvent.Action.EXPORT)
    assert (event.actor, event.object_id) == (lead_user, str(lead.pk))


def shortcut(lead_pk):
    return f"/admin/r/{ContentType.objects.get_for_model(Inquiry).pk}/{lead_pk}/"


def test_a_lead_has_no_view_on_site_link(client, coordinator, lead):
    client.force_login(coordinator)
    html = client.get(f"{CHANGELIST}{lead.pk}/change/").content.decode()
    assert "View on site" not in html and "/admin/r/" not in html


@pytest.mark.parametrize("who", ["editor", "coordinator"])
def test_the_shortcut_answers_the_same_for_an_existing_and_a_missing_lead(client, request, lead, who):
    client.force_login(request.getfixturevalue(who))
    before = AuditEvent.objects.count()
    answers = []
    for pk in [lead.pk, lead.pk + 1000]:
        response = client.get(shortcut(pk))
        # The page's footer form names the path it is on: the only part that may differ.
        body = response.content.replace(shortcut(pk).encode(), b"PATH")
        answers.append((response.status_code, response.get("Location"), body))
    assert answers[0] == answers[1]
    assert answers[0][0] == 404
    assert AuditEvent.objects.count() == before


def test_a_role_without_access_learns_nothing_from_lead_urls(client, editor, lead):
    client.force_login(editor)
    missing = lead.pk + 1000
    for suffix in ["change/", "history/", "delete/", ""]:
        existing = client.get(f"{CHANGELIST}{lead.pk}/{suffix}")
        absent = client.get(f"{CHANGELIST}{missing}/{suffix}")
        assert (existing.status_code, existing.content) == (absent.status_code, absent.content), suffix
        assert existing.status_code in (302, 403), suffix
        if existing.status_code == 302:
            assert existing["Location"].replace(str(lead.pk), "N") == absent["Location"].replace(str(missing), "N")
    assert not AuditEvent.objects.exists()


@pytest.mark.parametrize(("model", "field"), [("inquiry", "duplicate_of"), ("activity", "inquiry")])
def test_autocomplete_lists_no_leads(client, coordinator, lead, model, field):
    client.force_login(coordinator)
    params = {"app_label": "intake", "model_name": model, "field_name": field, "term": "+12025550111"}
    response = client.get("/admin/autocomplete/", params)
    assert response.status_code in (403, 404)
    assert str(lead) not in response.content.decode()
