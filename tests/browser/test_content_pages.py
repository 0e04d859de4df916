"""Content pages in a real Chromium at 375 px: accessible, same-origin, no overflow, crisis help present."""

import json

import pytest

from content import demo
from content.models import Page
from tests.content.factories import SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CRISIS_LINKS = ["tel:911", "tel:988", "sms:988", "tel:+18006624357", "tel:+12025550199"]


@pytest.fixture(autouse=True)
def demo_site():
    from django.core.cache import cache

    cache.clear()
    demo.load()
    yield
    cache.clear()


def assert_public_page_ok(page):
    page.assert_clean()
    page.assert_no_horizontal_overflow()
    for href in CRISIS_LINKS:
        assert page.locator(f'a[href="{href}"]').count() >= 1, f"missing crisis link {href}"


def test_benzodiazepine_page(phone_page):
    response = phone_page.goto(demo.BENZO_PATH)
    assert response.status == 200
    assert_public_page_ok(phone_page)
    assert phone_page.get_by_role("heading", level=1).inner_text() == "Benzodiazepine addiction treatment"
    assert phone_page.get_by_role("navigation", name="Contents").is_visible()
    assert phone_page.locator(".care-card").count() == 2
    assert phone_page.locator(".care-card .visually-hidden").first.inner_text().startswith("Important")
    data = [json.loads(t) for t in phone_page.locator('script[type="application/ld+json"]').all_inner_texts()]
    assert data[0]["@graph"][0]["@type"] == "MedicalWebPage"
    phone_page.screenshot(path="var/benzo-375.png", full_page=True)


def test_index_page(phone_page):
    assert phone_page.goto("/treatment-programs/").status == 200
    assert_public_page_ok(phone_page)
    assert phone_page.get_by_role("link", name="Medical detox").is_visible()


def test_search_results(phone_page):
    assert phone_page.goto("/search/?q=withdrawal+seizures").status == 200
    assert_public_page_ok(phone_page)
    assert phone_page.get_by_role("link", name="Benzodiazepine addiction treatment").is_visible()
    phone_page.get_by_label("What are you looking for?").fill("taper")
    phone_page.get_by_role("button", name="Search").click()
    phone_page.wait_for_url("**/search/?q=taper")
    assert phone_page.get_by_role("link", name="How a medically supervised benzodiazepine taper works").is_visible()


def test_preview_of_a_draft(phone_page, live_server, settings):
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.NEXUS_REQUIRE_2FA = False
    page = Page.objects.get(url_path="/about/")
    SectionFactory(page=page, heading="A draft section", body="Only staff see this yet.")
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("boss", "boss@example.com", "unused-password-1"))
    phone_page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": staff.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    response = phone_page.goto(f"/preview/{page.pk}/")
    assert response.status == 200 and response.headers["cache-control"] == "private, no-store"
    assert phone_page.get_by_text("Only staff see this yet.").is_visible()
    assert phone_page.locator(".preview-banner").inner_text().startswith("Preview")
    assert_public_page_ok(phone_page)
