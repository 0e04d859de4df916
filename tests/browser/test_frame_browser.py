"""Home, 404 and 500 pages in a real Chromium: accessible, same-origin, crisis help present."""

import pytest
from django.urls import path

from nexus.urls import urlpatterns as site_urlpatterns

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def broken_view(request):
    raise RuntimeError("a deliberate failure for the 500 page test")


urlpatterns = [path("test-500/", broken_view), *site_urlpatterns]
handler404 = "nexus.views.page_not_found"
handler500 = "nexus.views.server_error"


def assert_crisis_links(page):
    for href in ["tel:911", "tel:988", "sms:988", "tel:+18006624357", "tel:+12025550199"]:
        assert page.locator(f'a[href="{href}"]').count() >= 1, f"missing link {href}"


def test_home_page_is_accessible_and_self_contained(phone_page):
    response = phone_page.goto("/")
    assert response.status == 200
    phone_page.assert_clean()
    phone_page.assert_no_horizontal_overflow()
    assert_crisis_links(phone_page)
    call = phone_page.get_by_role("banner").get_by_role("link", name="Call", exact=True)
    assert call.get_attribute("href") == "tel:+12025550199"
    phone_page.screenshot(path="var/home-375.png", full_page=True)


def test_skip_link_moves_focus_to_the_content(browser_page):
    browser_page.goto("/")
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent")
    assert focused == "Skip to main content"
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main"


def test_404_page_is_accessible(browser_page):
    response = browser_page.goto("/there-is-no-such-page/")
    assert response.status == 404
    browser_page.assert_accessible()
    browser_page.assert_same_origin()
    assert_crisis_links(browser_page)
    assert browser_page.get_by_role("heading", name="Page not found").is_visible()


def test_500_page_is_accessible_and_offers_the_phone(browser_page, settings):
    settings.ROOT_URLCONF = __name__
    response = browser_page.goto("/test-500/")
    assert response.status == 500
    browser_page.assert_accessible()
    browser_page.assert_same_origin()
    assert_crisis_links(browser_page)
