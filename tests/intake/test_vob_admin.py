"""The VOB queue: Admissions only, every view and change audited, verified always by the signed-in user, now."""

import io

import pytest
from django.test import Client
from django.urls import reverse
from PIL import Image

from intake.models import Activity, BenefitsCheck
from nexus.models import AuditEvent
from nexus.roles import AUDITORS, CONTENT_EDITORS, MARKETING
from tests.intake.staff import make_staff
from tests.intake.vob_helpers import card_jpeg, has_gps, post_insurance

pytestmark = pytest.mark.django_db


@pytest.fixture
def check():
    post_insurance(Client(), card_front=card_jpeg(orientation=6))
    return BenefitsCheck.objects.get()


@pytest.fixture
def staff_client(coordinator):
    client = Client()
    client.force_login(coordinator)
    return client


def change_url(check):
    return reverse("admin:intake_benefitscheck_change", args=[check.pk])


def photo_url(check, side="front"):
    return reverse("admin:intake_benefitscheck_photo", args=[check.pk, side])


def result(**fields):
    data = {
        "status": "verified",
        "network": "in_network",
        "deductible": "$1,500 ($400 met)",
        "out_of_pocket": "$6,000",
        "levels_covered": ["detox", "residential"],
        "prior_auth": "required",
        "notes": "Reference 12345",
        "_save": "Save",
    }
    data |= fields
    return {key: value for key, value in data.items() if value is not None}


def vob_events(check, action):
    return list(AuditEvent.objects.for_object(check).filter(action=action).order_by("pk"))


def test_the_downloaded_photo_has_no_gps_and_the_download_is_audited(staff_client, coordinator, check):
    response = staff_client.get(photo_url(check) + "?download")
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert response["Content-Disposition"] == f'attachment; filename="insurance-check-{check.pk}-front.jpg"'
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    assert not has_gps(response.content)
    with Image.open(io.BytesIO(response.content)) as image:
        assert image.size == (200, 320)
    (event,) = vob_events(check, AuditEvent.Action.VIEW)
    assert (event.actor, event.detail) == (coordinator, "card photo (front) downloaded")


def test_viewing_a_photo_inline_is_audited_too(staff_client, check):
    response = staff_client.get(photo_url(check))
    assert response["Content-Disposition"].startswith("inline;")
    assert [e.detail for e in vob_events(check, AuditEvent.Action.VIEW)] == ["card photo (front) viewed"]


@pytest.mark.parametrize("role", [CONTENT_EDITORS, MARKETING, AUDITORS])
def test_other_roles_cannot_see_a_photo_whether_or_not_it_exists(role, check):
    client = Client()
    client.force_login(make_staff("other", role, perms=["intake.view_benefitscheck"]))
    real, missing = (
        client.get(photo_url(check)),
        client.get(f"/admin/intake/benefitscheck/{check.pk + 50}/photo/front/"),
    )
    assert real.status_code == missing.status_code == 403
    assert client.get(change_url(check)).status_code in (302, 403)
    assert not vob_events(check, AuditEvent.Action.VIEW)


def test_a_photo_is_never_reachable_anonymously(check):
    response = Client().get(photo_url(check))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_a_missing_side_is_404(staff_client, check):
    assert staff_client.get(photo_url(check, "back")).status_code == 404
    assert staff_client.get(photo_url(check, "side")).status_code == 404


def test_the_queue_and_the_check_are_audited(staff_client, coordinator, check):
    page = staff_client.get(reverse("admin:intake_benefitscheck_changelist"))
    assert page.status_code == 200
    listed = AuditEvent.objects.filter(object_type="intake.benefitscheck", object_id="").get()
    assert listed.detail == f"list: 1 of 1 insurance checks (#{check.pk})"
    response = staff_client.get(change_url(check))
    content = response.content.decode()
    assert "Casey Example" in content and "03/27/1971" in content
    assert "never emailed" in content and 'href="tel:+12025550142"' in content and "(202) 555-0142" in content
    assert photo_url(check) in content
    (event,) = vob_events(check, AuditEvent.Action.VIEW)
    assert event.actor == coordinator


def test_working_a_check_through_the_queue_stamps_who_and_when(staff_client, coordinator, check):
    response = staff_client.post(
        change_url(check),
        result(
            status="in_progress",
            network="",
            deductible="",
            out_of_pocket="",
            levels_covered=None,
            prior_auth="",
            notes="",
        ),
    )
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.status, check.started_by, check.verified_by) == ("in_progress", coordinator, None)
    response = staff_client.post(change_url(check), result())
    assert response.status_code == 302
    check.refresh_from_db()
    assert (check.status, check.network, check.verified_by) == ("verified", "in_network", coordinator)
    assert check.verified_at is not None and check.levels_covered == ["detox", "residential"]
    assert check.deductible == "$1,500 ($400 met)" and check.prior_auth == "required"
    changes = [e.detail for e in vob_events(check, AuditEvent.Action.CHANGE)]
    assert changes[0] == "changed status"
    assert changes[1].startswith("changed status, network, deductible")
    note = Activity.objects.get(inquiry=check.inquiry)
    assert (note.by, note.note) == (coordinator, "Insurance verified: In network. Call the family with the result.")


def test_the_verifier_cannot_be_chosen_in_the_form(staff_client, coordinator, check):
    someone_else = make_staff("someone.else", "Admissions")
    staff_client.post(change_url(check), result(verified_by=someone_else.pk, verified_at="2001-01-01 00:00"))
    check.refresh_from_db()
    assert check.verified_by == coordinator and check.verified_at.year > 2001


def test_verified_needs_a_result(staff_client, check):
    response = staff_client.post(change_url(check), result(network=""))
    assert response.status_code == 200
    assert "Choose the result before marking it verified." in response.content.decode()
    check.refresh_from_db()
    assert check.status == "requested" and check.verified_at is None


def test_a_save_that_changes_nothing_is_not_audited_as_a_change(staff_client, check):
    data = {
        "status": "requested",
        "network": "",
        "deductible": "",
        "out_of_pocket": "",
        "prior_auth": "",
        "notes": "",
        "_save": "Save",
    }
    staff_client.post(change_url(check), data)
    assert not vob_events(check, AuditEvent.Action.CHANGE)


def test_changing_a_verified_result_verifies_it_again_in_the_new_user_s_name(staff_client, check):
    staff_client.post(change_url(check), result())
    other = make_staff("second", "Admissions")
    second = Client()
    second.force_login(other)
    second.post(change_url(check), result(network="out_of_network"))
    check.refresh_from_db()
    assert (check.network, check.verified_by) == ("out_of_network", other)


def test_the_result_shows_on_the_lead_page_and_no_email_is_sent(staff_client, check, mailoutbox):
    staff_client.post(change_url(check), result())
    mailoutbox.clear()
    page = staff_client.get(reverse("admin:intake_inquiry_change", args=[check.inquiry_id])).content.decode()
    assert "Insurance check (VOB)" in page and "In network" in page and "$1,500 ($400 met)" in page
    assert "Medical detox, Residential (inpatient)" in page and "coordinator" in page
    assert "It is never emailed" in page
    assert not mailoutbox


def test_nobody_adds_or_deletes_checks_in_the_admin(staff_client, check):
    assert staff_client.get(reverse("admin:intake_benefitscheck_add")).status_code == 403
    assert staff_client.get(reverse("admin:intake_benefitscheck_delete", args=[check.pk])).status_code == 403


def test_the_check_s_history_is_audited_and_refused_to_other_roles(staff_client, check):
    response = staff_client.get(reverse("admin:intake_benefitscheck_history", args=[check.pk]))
    assert response.status_code == 200
    (event,) = vob_events(check, AuditEvent.Action.VIEW)
    assert event.detail == f"insurance check of lead #{check.inquiry_id}: history"
    other = Client()
    other.force_login(make_staff("editor2", CONTENT_EDITORS, perms=["intake.view_benefitscheck"]))
    assert other.get(reverse("admin:intake_benefitscheck_history", args=[check.pk])).status_code == 403
    assert other.get(reverse("admin:intake_benefitscheck_history", args=[check.pk + 9])).status_code == 403


def test_the_demo_has_one_check_waiting_and_one_being_worked_loaded_once(settings):
    from intake import demo

    settings.NEXUS_LOCAL_DEMO = True
    demo.load()
    demo.load()
    statuses = sorted(BenefitsCheck.objects.values_list("status", flat=True))
    assert statuses == ["in_progress", "requested"]
    assert all("fictional" in check.payer for check in BenefitsCheck.objects.all())
