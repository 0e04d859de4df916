"""Marketing's "Find by address" page at 375 and 1280 px: no sideways scroll, no squeezed words, real-size controls."""

import pytest

from nexus import roles
from tests.browser.test_admin_escaping import sign_in
from tests.intake.staff import make_staff
from tests.newsletter.factories import SubscriberFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("page_fixture", ["phone_page", "browser_page"])
def test_find_by_address_page_fits_and_finds(request, page_fixture):
    page = request.getfixturevalue(page_fixture)
    subscriber = SubscriberFactory(email="find.me@example.com")
    sign_in(page, make_staff("marketer", roles.MARKETING))
    page.goto("/admin/newsletter/subscriber/")
    page.click("text=Find by address")
    page.fill("input[name=email]", "Find.Me@example.com")
    page.click("input[type=submit]")
    page.wait_for_load_state("load")
    assert page.url.endswith("/admin/newsletter/subscriber/find/")  # no address in the URL
    assert f"Subscriber #{subscriber.pk}" in page.inner_text("#content")
    page.assert_layout()
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/subscriber-find-{width}.png", full_page=True)


@pytest.mark.parametrize("page_fixture", ["phone_page", "browser_page"])
@pytest.mark.parametrize("path", ["/admin/newsletter/subscriber/", "/admin/newsletter/suppression/"])
def test_the_lists_with_the_find_link_fit(request, page_fixture, path):
    page = request.getfixturevalue(page_fixture)
    SubscriberFactory(email="a.rather.long.address.for.a.narrow.screen@example.com")
    sign_in(page, make_staff("marketer", roles.MARKETING))
    assert page.goto(path).status == 200
    assert page.is_visible("text=Find by address")
    page.assert_layout()
    name = path.strip("/").replace("/", "-")
    page.screenshot(path=f"var/shots/{name}-{page.viewport_size['width']}.png", full_page=True)
