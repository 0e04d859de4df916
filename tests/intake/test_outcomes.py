"""Lost and referred-out reasons from a list, a note with "other", partners from a directory."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor

from intake.models import Inquiry, ReferralPartner, StatusChange
from tests.intake.factories import InquiryFactory
from tests.intake.staff import change_form

pytestmark = pytest.mark.django_db
PARTNERS = "/admin/intake/referralpartner/"


def change_url(inquiry):
    return f"/admin/intake/inquiry/{inquiry.pk}/change/"


@pytest.fixture
def harbor():
    return ReferralPartner.objects.create(name="Harbor Detox (SAMPLE)", kind="detox", phone="(202) 555-0150")


def test_referring_out_to_a_partner_from_the_directory(client, coordinator, harbor):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    form = change_form(
        inquiry,
        status="referred_out",
        outcome_reason="referred_level_of_care",
        referred_to=harbor.pk,
        status_reason="Needs medical detox first",
    )
    assert client.post(change_url(inquiry), form).status_code == 302
    inquiry.refresh_from_db()
    assert (inquiry.outcome_reason, inquiry.referred_to) == ("referred_level_of_care", harbor)
    assert StatusChange.objects.get(inquiry=inquiry).reason == (
        "Needs a level of care we do not offer; referred to Harbor Detox (SAMPLE); Needs medical detox first"
    )
    assert list(harbor.referrals.all()) == [inquiry]


def test_a_partner_no_longer_offered_cannot_be_picked(client, coordinator, harbor):
    harbor.active = False
    harbor.save()
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    page = client.get(change_url(inquiry)).content.decode()
    assert "Harbor Detox" not in page
    assert "/admin/intake/referralpartner/add/" not in page  # picked from the directory, not added here
    form = change_form(inquiry, status="referred_out", outcome_reason="referred_no_bed", referred_to=harbor.pk)
    response = client.post(change_url(inquiry), form)
    assert response.status_code == 200 and "Select a valid choice" in response.content.decode()


def test_reopening_a_lead_drops_its_reason_and_partner(client, coordinator, harbor):
    inquiry = InquiryFactory(status="referred_out", outcome_reason="referred_no_bed", referred_to=harbor)
    client.force_login(coordinator)
    form = change_form(inquiry, status="contacted", outcome_reason="referred_no_bed", referred_to=harbor.pk)
    assert client.post(change_url(inquiry), form).status_code == 302
    inquiry.refresh_from_db()
    assert (inquiry.status, inquiry.outcome_reason, inquiry.referred_to) == ("contacted", "", None)


def test_a_lost_lead_is_never_referred_to_anyone(client, coordinator, harbor):
    inquiry = InquiryFactory()
    client.force_login(coordinator)
    form = change_form(inquiry, status="lost", outcome_reason="lost_cost", referred_to=harbor.pk)
    assert client.post(change_url(inquiry), form).status_code == 302
    inquiry.refresh_from_db()
    assert inquiry.referred_to is None


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "lost", "outcome_reason": "referred_no_bed"},
        {"status": "referred_out", "outcome_reason": "lost_cost"},
        {"status": "lost", "outcome_reason": "lost_other", "status_reason": ""},
    ],
)
def test_the_database_refuses_a_reason_that_does_not_fit(fields):
    inquiry = InquiryFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Inquiry.objects.filter(pk=inquiry.pk).update(**fields)


def test_a_reason_given_only_as_text_is_kept_as_other_with_its_note():
    inquiry = InquiryFactory(status="lost", status_reason="Went quiet")
    assert (inquiry.outcome_reason, inquiry.status_reason) == ("lost_other", "Went quiet")


@pytest.mark.django_db(transaction=True)
def test_the_migration_keeps_old_free_text_reasons_as_other_with_their_note():
    executor = MigrationExecutor(connection)
    before, after = [("intake", "0007_lead_merges")], [("intake", "0008_structured_outcomes")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("intake", "Inquiry")
    common = {
        "consent_version": "t",
        "privacy_consent_at": "2026-01-01T00:00Z",
        "contact_consent_at": "2026-01-01T00:00Z",
    }
    lost = old.objects.create(submission_token="a", phone_hash="x", status="lost", status_reason="Went quiet", **common)
    referred = old.objects.create(
        submission_token="b", phone_hash="y", status="referred_out", status_reason="Needs detox", **common
    )
    open_lead = old.objects.create(submission_token="c", phone_hash="z", status="screening", **common)
    executor = MigrationExecutor(connection)
    executor.migrate(after)
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("intake"))
    rows = dict(Inquiry.objects.values_list("pk", "outcome_reason"))
    assert rows == {lost.pk: "lost_other", referred.pk: "referred_other", open_lead.pk: ""}
    assert Inquiry.objects.get(pk=lost.pk).status_reason == "Went quiet"


def test_admissions_leads_keep_the_directory_and_coordinators_read_it(client, lead_user, coordinator, editor):
    client.force_login(lead_user)
    response = client.post(
        PARTNERS + "add/", {"name": "Harbor Detox (SAMPLE)", "kind": "detox", "phone": "555", "active": "on"}
    )
    assert response.status_code == 200 and "Enter a phone number" in response.content.decode()
    response = client.post(
        PARTNERS + "add/", {"name": "Harbor Detox (SAMPLE)", "kind": "detox", "phone": "202-555-0150", "active": "on"}
    )
    assert response.status_code == 302
    assert ReferralPartner.objects.get(kind="detox").phone == "(202) 555-0150"
    client.force_login(coordinator)
    assert client.get(PARTNERS).status_code == 200
    assert client.get(PARTNERS + "add/").status_code == 403
    client.force_login(editor)
    assert client.get(PARTNERS).status_code == 403
