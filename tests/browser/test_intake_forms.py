"""The admission forms in a real Chromium: keyboard only, GOV.UK errors, danger help, thank-you page."""

import pytest
from django.test import Client

from intake import spam
from intake.models import Inquiry
from nexus.roles import ADMISSIONS
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXT = {
    "name": "Keyboard Person",
    "relationship": "Parent",
    "phone": "202 555 0123",
    "email": "keyboard@example.com",
    "message": "Sent with the keyboard only.",
}
SPACE = {"privacy_consent", "contact_consent", "who_needs_help", "substances"}


@pytest.fixture(autouse=True)
def no_minimum_form_time(monkeypatch):
    """A browser fills the form faster than a person: the 3-second floor is tested elsewhere."""
    monkeypatch.setattr(spam, "MIN_SECONDS", 0)


def active(page):
    return page.evaluate(
        "() => { const e = document.activeElement; return [e.name || '', e.type || '', e.id || '', e.tagName]; }"
    )


def fill_with_keyboard(page, danger="no"):
    """Tab through the page from the top, answering each field as it receives focus, then send."""
    for _ in range(120):
        page.keyboard.press("Tab")
        name, kind, _id, tag = active(page)
        if kind == "submit" and tag == "BUTTON":
            page.keyboard.press("Enter")
            return
        if name in TEXT:
            page.keyboard.type(TEXT[name])
        elif name == "in_danger":
            page.keyboard.press("Space" if danger == "yes" else "ArrowDown")
        elif name.startswith(tuple(SPACE)) and _id.endswith(("_0", "consent")):
            page.keyboard.press("Space")
    raise AssertionError("never reached the send button")


def test_inquiry_is_filled_and_sent_with_the_keyboard_only(phone_page):
    phone_page.goto("/admissions/")
    phone_page.assert_clean()
    phone_page.assert_no_horizontal_overflow()
    with phone_page.expect_navigation():
        fill_with_keyboard(phone_page)
    assert phone_page.url.endswith("/admissions/thank-you/")
    inquiry = Inquiry.objects.get()
    assert (inquiry.name, inquiry.phone, inquiry.in_danger) == ("Keyboard Person", "+12025550123", False)
    assert inquiry.landing_path == "/admissions/"
    assert phone_page.get_by_role("heading", name="Thank you, we have your request").is_visible()
    assert "Keyboard Person" not in phone_page.content()
    phone_page.assert_clean()


def test_the_error_summary_is_focused_and_links_to_each_field(browser_page):
    browser_page.goto("/admissions/")
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name="Send my inquiry").click()
    assert browser_page.title().startswith("Error: ")
    assert browser_page.evaluate("document.activeElement.dataset.errorSummary") == ""
    summary = browser_page.get_by_role("alert").filter(has_text="There is a problem")
    assert summary.is_visible()
    summary.get_by_role("link", name="Enter your name").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_name"
    summary.get_by_role("link", name="Select yes if anyone is in immediate danger").click()
    assert browser_page.evaluate("document.activeElement.id") == "id_in_danger_0"
    browser_page.assert_clean()
    assert not Inquiry.objects.exists()


def test_answering_yes_to_danger_shows_what_to_do_at_once(browser_page):
    browser_page.goto("/admissions/")
    help_box = browser_page.locator("#danger-help")
    assert help_box.is_hidden()
    browser_page.locator("#id_in_danger_0").check()
    assert help_box.is_visible()
    assert help_box.get_by_role("link", name="911").get_attribute("href") == "tel:911"
    browser_page.assert_accessible()
    browser_page.locator("#id_in_danger_1").check()
    assert help_box.is_hidden()


def test_an_urgent_inquiry_sees_the_crisis_lines_on_the_thank_you_page(browser_page):
    browser_page.goto("/admissions/?utm_source=flyer")
    with browser_page.expect_navigation():
        fill_with_keyboard(browser_page, danger="yes")
    assert browser_page.get_by_role("heading", name="You told us someone is in immediate danger").is_visible()
    inquiry = Inquiry.objects.get()
    assert inquiry.in_danger and inquiry.utm_source == "flyer"
    browser_page.assert_clean()


def test_the_callback_form_is_accessible(phone_page):
    phone_page.goto("/admissions/callback/")
    phone_page.assert_clean()
    phone_page.assert_no_horizontal_overflow()


def test_a_call_click_is_recorded_by_the_beacon(browser_page):
    from intake.models import CallClick

    browser_page.goto("/admissions/callback/?utm_source=radio")
    browser_page.evaluate(
        "() => { const a = document.querySelector('a[href^=\"tel:+1\"]');"
        " a.addEventListener('click', e => e.preventDefault()); a.click(); }"
    )
    for _ in range(50):
        if CallClick.objects.exists():
            break
        browser_page.wait_for_timeout(100)
    click = CallClick.objects.get()
    assert (click.page_path, click.utm_source) == ("/admissions/callback/", "radio")
    browser_page.assert_same_origin()


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"]
    page.context.add_cookies([{"name": "sessionid", "value": cookie.value, "url": page.base_url}])


def test_an_admissions_user_works_the_list_and_a_lead(browser_page):
    coordinator = make_staff("coordinator", ADMISSIONS)
    lead = InquiryFactory(in_danger=True, message="Browser lead message")
    sign_in(browser_page, coordinator)
    browser_page.goto("/admin/intake/inquiry/")
    assert browser_page.locator(".lead-flag-urgent").first.is_visible()
    with browser_page.expect_navigation():
        browser_page.get_by_role("link", name=str(lead)).click()
    browser_page.get_by_text("Browser lead message").wait_for()
    assert browser_page.locator(".lead-timeline").count() == 1
    browser_page.goto("/admin/intake/inquiry/dashboard/")
    assert browser_page.get_by_role("heading", name="Speed to lead").is_visible()
    browser_page.assert_same_origin()
    # Django's admin asks for /favicon.ico, which the site serves as SVG from /static/ only.
    assert [error for error in browser_page.failed_responses if not error.endswith("/favicon.ico")] == []
