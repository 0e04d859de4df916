"""The public design in a real Chromium at 375 and 1280 px: layout, axe, the phone's first view,
the bottom bar, the CTA band, share and print. Screenshots go to var/shots/design-*.png."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from content import demo
from intake import spam

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BENZO = demo.BENZO_PATH
PROGRAM = "/treatment-programs/medical-detox/"
PAGES = ["/", BENZO, PROGRAM, "/about/", "/how-admission-works/", "/admissions/", "/search/?q=taper"]
DESKTOP = {"viewport": {"width": 1280, "height": 900}}
WIDE = {"viewport": {"width": 1920, "height": 1080}}


@pytest.fixture(autouse=True)
def demo_site(monkeypatch):
    from django.core.cache import cache

    monkeypatch.setattr(spam, "MIN_SECONDS", 0)
    cache.clear()
    demo.load()
    yield
    cache.clear()


@pytest.fixture(params=[375, 1280], ids=["375", "1280"])
def any_page(request, phone_page, browser_page):
    return phone_page if request.param == 375 else browser_page


def shot(page, name):
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/design-{name}-{width}.png", full_page=True)


def name_of(path):
    return path.strip("/").replace("/", "-").replace("?q=", "-") or "home"


def sign_in_as_staff(page, live_server, settings):
    settings.NEXUS_REQUIRE_2FA = False
    staff = Client()
    staff.force_login(get_user_model().objects.create_superuser("designer", "d@example.com", "unused-password-1"))
    cookie = staff.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])


@pytest.mark.parametrize("path", PAGES, ids=name_of)
def test_public_pages_hold_their_layout_and_pass_axe(any_page, path):
    assert any_page.goto(path).status == 200
    any_page.assert_layout()
    any_page.assert_clean()
    assert not [url for url in any_page.requests if "bootstrap" in url], "Bootstrap is no longer served"
    shot(any_page, name_of(path))


def test_inquiry_form_error_state_holds_its_layout(any_page):
    any_page.goto("/admissions/")
    with any_page.expect_navigation():
        any_page.get_by_role("button", name="Send my inquiry").click()
    assert any_page.get_by_role("alert").filter(has_text="There is a problem").is_visible()
    any_page.assert_layout()
    any_page.assert_clean()
    summary = any_page.locator(".error-summary")
    borders = summary.evaluate(
        "e => { const s = getComputedStyle(e); return [s.borderTopWidth, s.borderRightWidth, s.borderLeftWidth]; }"
    )
    assert len(set(borders)) == 1 and borders[0] != "0px", "one border of one width (GOV.UK), nothing stacked"
    for label in any_page.locator(".form-check-label").all():
        box = label.bounding_box()
        assert box["width"] >= 20, f"a choice's label is squeezed: {label.inner_text()!r} {box}"
    shot(any_page, "inquiry-errors")


def test_style_page_renders_every_component_for_staff(any_page, live_server, settings):
    sign_in_as_staff(any_page, live_server, settings)
    assert any_page.goto("/style/").status == 200
    for component in [
        ".crisis-bar",
        ".site-header",
        ".page-card",
        ".care-card",
        ".callout",
        ".quote",
        ".section-faq",
        ".steps",
        ".cta-band",
        ".site-footer",
        ".error-summary",
        ".field--error",
        ".trust-list",
    ]:
        assert any_page.locator(component).count() >= 1, f"{component} missing from the style page"
    any_page.assert_layout()
    any_page.assert_clean()
    shot(any_page, "style")


def test_style_page_is_for_staff_only(client):
    response = client.get("/style/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_headline_is_in_the_phones_first_view(phone_page):
    for path in ["/", BENZO, PROGRAM, "/admissions/"]:
        phone_page.goto(path)
        headline = phone_page.get_by_role("heading", level=1).bounding_box()
        bar = phone_page.locator(".action-bar").bounding_box()
        assert headline["y"] + headline["height"] <= bar["y"], f"{path}: the headline is below the first view"


def test_bottom_bar_offers_call_text_ask_and_never_covers_the_focused_control(phone_page):
    phone_page.goto(BENZO)
    bar = phone_page.get_by_role("navigation", name="Contact admissions")
    assert bar.is_visible()
    hrefs = bar.locator("a").evaluate_all("links => links.map(a => [a.textContent.trim(), a.getAttribute('href')])")
    assert hrefs == [["Call", "tel:+12025550199"], ["Text", "sms:+12025550199"], ["Ask", "/admissions/"]]
    bar_top = bar.bounding_box()["y"]
    covered = []
    for _ in range(60):
        phone_page.keyboard.press("Tab")
        box = phone_page.evaluate(
            "() => { const e = document.activeElement; if (e.closest('.action-bar')) return null;"
            " const r = e.getBoundingClientRect(); return [e.textContent.trim().slice(0, 30), r.bottom]; }"
        )
        if box and box[1] > bar_top + 1:
            covered.append(box)
    assert not covered, f"focused controls under the bottom bar: {covered}"
    # The end of the page is never hidden under it either.
    phone_page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    last = phone_page.locator(".site-footer .container > :last-child").bounding_box()
    assert last["y"] + last["height"] <= bar_top + 1


def test_bottom_bar_steps_aside_while_typing(phone_page):
    phone_page.goto("/admissions/")
    bar = phone_page.locator(".action-bar")
    assert bar.is_visible()
    phone_page.get_by_label("Your name").focus()
    assert not bar.is_visible()
    phone_page.get_by_label("Your name").blur()
    assert bar.is_visible()


def test_no_bottom_bar_on_a_desktop(browser_page):
    browser_page.goto("/")
    assert not browser_page.locator(".action-bar").is_visible()
    assert browser_page.get_by_role("link", name="Call +1-202-555-0199").first.is_visible()


@pytest.mark.parametrize("path", [BENZO, PROGRAM])
def test_substance_and_program_pages_end_with_a_cta_band(browser_page, path):
    browser_page.goto(path)
    band = browser_page.get_by_role("region", name="Talk to someone today")
    assert band.get_by_role("link", name="Call +1-202-555-0199").get_attribute("href") == "tel:+12025550199"
    assert band.get_by_role("link", name="Text us").get_attribute("href") == "sms:+12025550199"
    assert band.get_by_role("link", name="Ask about admission online").get_attribute("href") == "/admissions/"
    last = browser_page.locator("article.content-page > :last-child")
    assert last.evaluate("e => e.classList.contains('cta-band')"), "the band ends the page"


def test_contents_list_sits_beside_the_text_at_1280_and_1920(browser_page, chromium, live_server):
    for options in (DESKTOP, WIDE):
        context = chromium.new_context(**options)
        page = context.new_page()
        page.goto(live_server.url + BENZO)
        contents = page.get_by_role("navigation", name="Contents").bounding_box()
        first = page.locator(".content-page > .page-section").first.bounding_box()
        aside = page.locator(".page-aside").bounding_box()
        width = options["viewport"]["width"]
        assert contents["x"] + contents["width"] < first["x"], "contents list left of the text"
        assert abs(contents["y"] - first["y"]) < 40, "contents list beside the first section, not above it"
        assert aside and aside["x"] > first["x"] + first["width"], "call card right of the text"
        assert aside["x"] + aside["width"] > width * 0.7, f"the page uses its width at {width} px"
        page.screenshot(path=f"var/shots/design-benzo-{width}.png", full_page=True)
        context.close()


def test_share_offers_copy_email_print_and_no_social_network(browser_page):
    browser_page.goto(BENZO)
    share = browser_page.get_by_role("complementary", name="Share or keep this page")
    assert share.get_by_role("link", name="Copy link").is_visible()
    assert share.get_by_role("link", name="Email").get_attribute("href").startswith("mailto:?subject=")
    assert share.get_by_role("button", name="Print").is_visible()
    html = browser_page.content().lower()
    for network in ["pinterest", "facebook", "twitter.com", "x.com/intent", "linkedin"]:
        assert network not in html


def test_print_keeps_crisis_numbers_and_sources_and_drops_the_chrome(phone_page):
    phone_page.goto(BENZO)
    phone_page.emulate_media(media="print")
    assert phone_page.get_by_role("complementary", name="Crisis help").is_visible()
    assert phone_page.locator(".crisis-bar a[href='tel:911']").is_visible()
    assert phone_page.get_by_role("heading", name="Sources").is_visible()
    after = phone_page.locator(".sources a").first.evaluate("a => getComputedStyle(a, '::after').content")
    assert "http" in after or "attr" in after or after.startswith('" (')
    assert phone_page.locator(".footer-crisis a[href='tel:+18006624357']").is_visible(), "the footer's crisis list"
    assert phone_page.locator(".cta-band").get_by_text("+1-202-555-0199").is_visible(), "the phone number"
    for chrome in [".action-bar", ".nav-wide", ".site-menu", ".share", ".newsletter-signup", ".footer-nav"]:
        assert not phone_page.locator(chrome).first.is_visible(), f"{chrome} is printed"
