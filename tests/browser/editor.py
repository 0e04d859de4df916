"""Shared steps of the page-editor browser tests: a staff member's signed-in Chromium, the demo's
benzodiazepine page, and axe on what the editor draws."""

import io

from django.core.management import call_command
from django.test import Client

from content.models import Page
from tests.browser.harness import AXE_SOURCE, PHONE, WCAG_TAGS, BrowserPage

BENZO = "/benzodiazepine-addiction-treatment/"
WIDTHS = {
    375: PHONE,
    1280: {"viewport": {"width": 1280, "height": 900}},
    1920: {"viewport": {"width": 1920, "height": 1080}},
}


def demo_benzo_page():
    call_command("load_demo_content", stdout=io.StringIO())
    return Page.objects.get(url_path=BENZO)


def signed_in(chromium, live_server, user, width):
    """A browser context at `width` px signed in as `user`, and its page."""
    context = chromium.new_context(**WIDTHS[width])
    context.set_default_timeout(10_000)
    client = Client()
    client.force_login(user)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    return context, BrowserPage(context.new_page(), live_server.url)


def axe_violations_in(page, selectors):
    """axe on what this editor draws. Django's own widgets elsewhere on the form fail it as they ship
    (select2's search box and list, the file input): reported, not ours to patch here."""
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "([include, tags]) => axe.run({include: include.map((s) => [s])}, "
        "{runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [selectors, WCAG_TAGS],
    )
    return [f"{v['id']}: {v['help']} at {[n['target'] for n in v['nodes']][:5]}" for v in result["violations"]]
