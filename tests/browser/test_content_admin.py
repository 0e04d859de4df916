"""Editors and reviewers in a real Chromium: a save with no edits, the reviews record on a phone."""

import pytest
from django.contrib.admin.models import LogEntry
from django.test import Client

from content import services, snapshot
from nexus import roles
from tests.browser.harness import BrowserPage
from tests.content.factories import PageFactory, ReviewerFactory, SectionFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def reviewed_page():
    reviewer = ReviewerFactory(name="Dr. Rivera")
    page = PageFactory(slug="benzos", is_clinical=True, summary="First line.\nSecond line.")
    SectionFactory(page=page, heading="Withdrawal", body="A paragraph.\n\nAnother one:\n\n- one\n- two")
    SectionFactory(page=page, kind="list", body="", items="first\nsecond")
    services.record_review(page=page, user=reviewer.user)
    return page, reviewer


def test_pressing_save_without_editing_keeps_the_review_and_logs_no_change(browser_page):
    page, _reviewer = reviewed_page()
    signed = snapshot.build(page)[0]
    sign_in(browser_page, UserFactory(username="editor", roles=[roles.CONTENT_EDITORS]))
    browser_page.goto(f"/admin/content/page/{page.pk}/change/")
    with browser_page.expect_navigation():
        browser_page.click('input[name="_save"]')
    assert "was changed successfully" in browser_page.inner_text("body")
    page.refresh_from_db()
    assert snapshot.build(page)[0] == signed and services.has_current_review(page, signed)
    assert LogEntry.objects.filter(object_id=str(page.pk)).latest("action_time").get_change_message() == (
        "No fields changed."
    )


@pytest.mark.parametrize("width", [375, 1280])
def test_the_reviews_record_says_who_recorded_each_and_fits_the_screen(chromium, live_server, width):
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        browser_page = BrowserPage(context.new_page(), live_server.url)
        _page, reviewer = reviewed_page()
        sign_in(browser_page, reviewer.user)
        assert browser_page.goto("/admin/content/review/").status == 200
        text = browser_page.inner_text("body")
        # At 1280 px a column heading; at 375 px each row's labelled line (admin-list.js).
        headings = browser_page.eval_on_selector_all("#result_list thead th", "ths => ths.map(th => th.textContent)")
        assert any("recorded by" in heading.lower() for heading in headings) and reviewer.user.username in text
        if width == 375:
            assert browser_page.locator("#result_list [data-label='Recorded by']").count() == 1
        assert "Add clinical review" not in text
        browser_page.screenshot(path=f"var/shots/reviews-{width}.png", full_page=True)
        browser_page.assert_layout()
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("model", ["accreditation", "insuranceplan", "callstep", "testimonial"])
def test_trust_forms_have_yes_no_boxes_a_finger_can_hit_and_fit_the_screen(chromium, live_server, width, model):
    """Django draws a change form's checkboxes at 13 px (static/css/admin.css makes them 24)."""
    context = chromium.new_context(viewport={"width": width, "height": 800})
    try:
        browser_page = BrowserPage(context.new_page(), live_server.url)
        sign_in(browser_page, UserFactory(username="operator", is_superuser=True))
        assert browser_page.goto(f"/admin/content/{model}/add/").status == 200
        boxes = browser_page.eval_on_selector_all(
            "#content-main form input[type='checkbox']",
            "boxes => boxes.map(b => [b.name, b.getBoundingClientRect().width, b.getBoundingClientRect().height])",
        )
        assert boxes and all(w >= 24 and h >= 24 for _name, w, h in boxes), boxes
        browser_page.assert_layout()
        with browser_page.expect_navigation():
            browser_page.click("#content-main input[type='submit'][name='_save']")  # empty: the error state
        assert browser_page.locator(".errornote").count() == 1
        browser_page.screenshot(path=f"var/shots/trust-{model}-errors-{width}.png", full_page=True)
        browser_page.assert_layout()
    finally:
        context.close()
