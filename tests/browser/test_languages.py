"""A browser that prefers Spanish lands on /es/ once, reads a Spanish page, switches to English and
back on the same page; the switcher fits at 375 and 1280 px, axe finds nothing, no cookie is set."""

import pytest

from content import demo, services
from content.models import Page
from tests.browser.harness import PHONE, BrowserPage
from tests.content.factories import PageFactory, SectionFactory, committed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SPANISH_PATH = "/es/tratamiento-adiccion-benzodiacepinas/"
WIDTHS = {375: PHONE, 1280: {"viewport": {"width": 1280, "height": 900}}}


@pytest.fixture(autouse=True)
def site_in_two_languages():
    from django.core.cache import cache

    cache.clear()
    demo.load()
    english = Page.objects.get(url_path=demo.BENZO_PATH)
    with committed():
        spanish = PageFactory(
            slug="tratamiento-adiccion-benzodiacepinas",
            title="Tratamiento de la adicción a las benzodiacepinas",
            summary="Cómo dejar las benzodiacepinas con seguridad, con ayuda médica.",
            kind=Page.Kind.SUBSTANCE,
            language="es",
            translation_of=english,
        )
        SectionFactory(
            page=spanish, heading="Dejarlas poco a poco", body="Nunca las deje de golpe: hable con su médico."
        )
        services.publish(page=spanish, user=None)
    yield
    cache.clear()


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
    assert page.get_by_role("heading", level=1).inner_text() == "Tratamiento de la adicción a las benzodiacepinas"
    check_screen(page)
    switcher = page.get_by_role("navigation", name="Language")
    english = switcher.get_by_role("link", name="English")
    assert (english.get_attribute("lang"), english.get_attribute("hreflang")) == ("en", "en")
    page.locator(".language-bar").screenshot(path=f"var/language-switcher-es-{page.width}.png")
    page.screenshot(path=f"var/language-page-es-{page.width}.png")

    english.click()
    page.wait_for_url("**" + demo.BENZO_PATH)  # not sent back to Spanish: the visitor chose English
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Benzodiazepine addiction treatment"
    check_screen(page)
    page.locator(".language-bar").screenshot(path=f"var/language-switcher-en-{page.width}.png")

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
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
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url("**/es/#no-translation")
    assert page.locator("#no-translation").is_visible()
    check_screen(page)
    page.screenshot(path=f"var/language-note-{page.width}.png")
