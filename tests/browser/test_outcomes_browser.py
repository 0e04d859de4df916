"""An Admissions lead adds a referral partner, then refers a lead out to it with a reason from the list."""

import pytest

from intake.models import Inquiry, ReferralPartner, StatusChange
from nexus.roles import ADMISSIONS_LEAD
from tests.browser.desk import shot, sign_in
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def test_add_a_partner_and_refer_a_lead_out_to_it(page):
    ReferralPartner.objects.create(name="Northside Outpatient Clinic (SAMPLE)", kind="outpatient", phone="202-555-0152")
    lead = InquiryFactory()
    sign_in(page, make_staff("team.lead", ADMISSIONS_LEAD))

    page.goto("/admin/intake/referralpartner/add/")
    page.get_by_label("Name").fill("Harbor Medical Detox (SAMPLE)")
    page.get_by_label("Kind").select_option(label="Detox")
    page.get_by_label("Phone").fill("555")
    page.get_by_label("Notes").fill("Takes medically complex detox; call intake first.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert page.get_by_text("Enter a phone number, e.g. (202) 555-0101.").is_visible()
    page.assert_layout()
    page.assert_accessible()
    shot(page, "partner-error")
    page.get_by_label("Phone").fill("(202) 555-0150")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    assert page.locator("#result_list").get_by_role("link", name="Harbor Medical Detox (SAMPLE)").is_visible()
    page.assert_layout()
    shot(page, "partners")

    page.goto(f"/admin/intake/inquiry/{lead.pk}/change/")
    page.get_by_label("Status").select_option(label="Referred out")
    page.get_by_label("Reason:", exact=True).select_option(label="Needs a level of care we do not offer")
    page.locator("#id_referred_to").select_option(label="Harbor Medical Detox (SAMPLE)")
    page.assert_layout()
    shot(page, "lead-referred-out")
    with page.expect_navigation():
        page.get_by_role("button", name="Save", exact=True).click()
    lead.refresh_from_db()
    assert (lead.status, lead.outcome_reason, lead.referred_to.name) == (
        "referred_out",
        "referred_level_of_care",
        "Harbor Medical Detox (SAMPLE)",
    )
    assert StatusChange.objects.get(inquiry=lead).reason.startswith("Needs a level of care we do not offer")
    assert Inquiry.objects.filter(referred_to__name__startswith="Harbor").count() == 1
