"""A browser that prefers Spanish lands on /es/ once, reads a Spanish page, switches to English and
back on the same page; the switcher fits at 375 and 1280 px, axe finds nothing, no cookie is set."""

import pytest

from content import demo
from intake import spam
from intake.models import Inquiry
from nexus.roles import ADMISSIONS
from tests.browser.desk import sign_in
from tests.browser.harness import PHONE, BrowserPage
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPANISH_PATH = "/es/tratamiento-adiccion-benzodiazepinas/"  # the demo's translation (content/demo_es_benzo.py)
WIDTHS = {375: PHONE, 1280: {"viewport": {"width": 1280, "height": 900}}}
LIFELINE_ES = "llame o envíe un mensaje de texto al 988"


@pytest.fixture(autouse=True)
def site_in_two_languages(monkeypatch):
    """The demo site: its English pages and their Spanish translations."""
    from django.core.cache import cache

    monkeypatch.setattr(spam, "MIN_SECONDS", 0)  # a browser fills the form faster than a person
    cache.clear()
    demo.load()
    yield
    cache.clear()


def switcher(page):
    """The language switcher, named in the page's language."""
    return page.locator("nav.language-switcher")


@pytest.fixture(params=sorted(WIDTHS))
def spanish_browser(request, chromium, live_server):
    """A Chromium whose language is Spanish (Accept-Language: es-ES), at 375 or 1280 px."""
    context = chromium.new_context(locale="es-ES", **WIDTHS[request.param])
    context.set_default_timeout(10_000)
    page = BrowserPage(context.new_page(), live_server.url)
    page.width = request.param
    yield page
    context.close()


def check_screen(page):
    page.assert_clean()
    page.assert_layout()


def test_a_spanish_browser_lands_on_es_and_switches_languages_on_the_same_page(spanish_browser):
    page = spanish_browser
    response = page.goto("/")
    assert response.url == page.base_url + "/es/"
    assert page.locator("html").get_attribute("lang") == "es"
    check_screen(page)

    page.locator(f'main a[href="{SPANISH_PATH}"]').first.click()
    page.wait_for_url("**" + SPANISH_PATH)
    assert page.get_by_role("heading", level=1).inner_text() == "Tratamiento de la adicción a las benzodiazepinas"
    assert switcher(page).get_attribute("aria-label") == "Idioma"
    check_screen(page)
    english = switcher(page).get_by_role("link", name="English")
    assert (english.get_attribute("lang"), english.get_attribute("hreflang")) == ("en", "en")
    page.locator(".language-bar").screenshot(path=f"var/language-switcher-es-{page.width}.png")
    page.screenshot(path=f"var/language-page-es-{page.width}.png")

    english.click()
    page.wait_for_url("**" + demo.BENZO_PATH)  # not sent back to Spanish: the visitor chose English
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Benzodiazepine addiction treatment"
    check_screen(page)
    page.locator(".language-bar").screenshot(path=f"var/language-switcher-en-{page.width}.png")

    switcher(page).get_by_role("link", name="Español").click()
    page.wait_for_url("**" + SPANISH_PATH)
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.context.cookies() == [], "reading pages set no cookie (no language cookie, no session)"


def test_an_untranslated_page_switches_to_the_spanish_home_with_a_note(spanish_browser):
    page = spanish_browser
    page.goto("/")  # arriving: to /es/
    page.goto("/about/", referer=page.base_url + "/es/")
    assert page.url == page.base_url + "/about/"
    note = page.locator("#no-translation")
    assert not note.is_visible()
    switcher(page).get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/#no-translation")
    assert page.locator("#no-translation").is_visible()
    check_screen(page)
    page.screenshot(path=f"var/language-note-{page.width}.png")


def test_a_spanish_speaking_family_reads_switches_and_asks_for_help_in_spanish(chromium, live_server):
    """The issue's walk: a phone that prefers Spanish lands on /es/, reads the benzodiazepine page in
    Spanish with the crisis bar in Spanish, switches to English and back on the same page, sends
    an inquiry in Spanish, and the admissions desk sees a Spanish-speaking lead."""
    context = chromium.new_context(locale="es-MX", **PHONE)
    context.set_default_timeout(10_000)
    page = BrowserPage(context.new_page(), live_server.url)
    page.goto("/")
    assert page.url == page.base_url + "/es/"
    page.locator(f'main a[href="{SPANISH_PATH}"]').first.click()
    page.wait_for_url("**" + SPANISH_PATH)
    crisis = page.locator(".crisis-bar, [class*=crisis]").first
    assert LIFELINE_ES in crisis.inner_text().lower()
    assert "SAMHSA" in crisis.inner_text()
    check_screen(page)

    switcher(page).get_by_role("link", name="English").click()
    page.wait_for_url("**" + demo.BENZO_PATH)
    assert "call 988 or text 988" in page.locator(".crisis-bar, [class*=crisis]").first.inner_text().lower()
    switcher(page).get_by_role("link", name="Español").click()
    page.wait_for_url("**" + SPANISH_PATH)

    # "Consultar" in the bottom bar: the Spanish inquiry form.
    page.locator('.action-bar a[href="/es/admissions/"]').click()
    page.wait_for_url("**/es/admissions/")
    assert page.locator("html").get_attribute("lang") == "es"
    page.locator("#id_in_danger_1").check()  # No
    page.locator("#id_who_needs_help_0").check()
    page.locator("#id_name").fill("Rosa Ejemplo")
    page.locator("#id_phone").fill("(202) 555-0177")
    page.locator("#id_prefers_spanish_0").check()  # Sí
    page.locator("#id_privacy_consent").check()
    page.locator("#id_contact_consent").check()
    with page.expect_navigation():
        page.locator('form:has(#id_name) button[type="submit"]').click()
    assert page.url.endswith("/es/admissions/thank-you/")
    assert page.locator("html").get_attribute("lang") == "es"
    check_screen(page)
    assert "Rosa" not in page.content()

    lead = Inquiry.objects.get()
    assert (lead.language, lead.prefers_spanish) == ("es", True)
    desk = BrowserPage(context.new_page(), live_server.url)
    sign_in(desk, make_staff("coordinator", ADMISSIONS))
    desk.goto(f"/admin/intake/inquiry/{lead.pk}/change/")
    language = desk.locator("dt", has_text="Language").locator("xpath=following-sibling::dd[1]")
    assert language.inner_text() == "Spanish"
    desk.goto("/admin/intake/inquiry/")
    assert desk.get_by_text("Spanish", exact=True).first.is_visible()
    context.close()
