"""The lead list, its search and the lead page in a real Chromium, on a phone and a desktop."""

import pytest
from django.test import Client

from intake.models import Activity
from nexus.roles import ADMISSIONS
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DIGITS = ["2025550133", "5550133", "555-0133"]


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def test_search_a_lead_by_phone_and_open_it_without_the_number_in_any_url(page):
    lead = InquiryFactory(phone="+12025550133", in_danger=True, message="Needs a detox bed this week")
    Activity.objects.create(inquiry=lead, kind="call", outcome="no_answer", note="Tried the mobile at noon")
    # Long values, as real attribution has: they must fit at 1280 px beside both sidebars.
    InquiryFactory(referrer_origin="https://search.example", utm_source="newsletter-december-2026")
    InquiryFactory(owner=make_staff("a.long.username.for.admissions", ADMISSIONS))
    sign_in(page, make_staff("coordinator", ADMISSIONS))
    page.goto("/admin/intake/inquiry/")
    page.assert_layout()
    page.get_by_label("Find a lead").fill("(202) 555-0133")
    with page.expect_navigation():
        page.get_by_role("button", name="Search", exact=True).click()
    assert page.get_by_role("status").filter(has_text="Showing 1 lead found by phone number").is_visible()
    assert page.locator("#result_list tbody tr").count() == 1
    page.assert_layout()
    page.assert_accessible()
    with page.expect_navigation():
        page.get_by_role("link", name=str(lead)).click()
    page.get_by_text("Needs a detox bed this week").wait_for()
    page.assert_layout()
    # Call, text and email links hand the number to the device's app; the browser never requests them.
    links = page.eval_on_selector_all(
        "[href]:not([href^='tel:'], [href^='sms:'], [href^='mailto:']), [action], [src]",
        "els => els.map(e => e.href || e.action || e.src)",
    )
    leaked = [url for url in [*page.requests, *links, page.url] if any(d in url for d in DIGITS)]
    assert not leaked, leaked
    page.assert_same_origin()
