"""An Admissions user finds a lead by the person's first name, typed any way; no URL carries it."""

import pytest

from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS
from tests.browser.desk import shot, sign_in
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


SECRETS = ["zoe", "zoë", "Zo%C3%AB", "oneil", "o'neil"]


def test_find_a_lead_by_the_persons_first_name_with_other_case_and_accents(page):
    lead = InquiryFactory(name="José O'Neil-Smith", person_first_name="Zoë", message="Wants a bed for Zoë")
    InquiryFactory(name="Zoey Other", person_first_name="Sam")
    sign_in(page, make_staff("coordinator", ADMISSIONS))
    page.goto("/admin/intake/inquiry/")
    page.get_by_label("Find a lead").fill("ZOE")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    assert page.get_by_role("status").filter(has_text="Showing 1 lead found by name").is_visible()
    assert page.locator("#result_list tbody tr").count() == 1
    page.assert_layout()
    page.assert_accessible()
    shot(page, "name-search")
    with page.expect_navigation():
        page.get_by_role("link", name=str(lead)).click()
    page.get_by_text("Wants a bed for Zoë").wait_for()
    links = page.eval_on_selector_all("[href], [action], [src]", "els => els.map(e => e.href || e.action || e.src)")
    urls = [*page.requests, *links, page.url]
    assert not [url for url in urls if any(s.lower() in url.lower() for s in SECRETS)]
    assert AuditEvent.objects.filter(detail=f"search by name: 1 lead (#{lead.pk})").exists()
