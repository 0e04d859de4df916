"""What hostile visitors typed into public forms renders as text in the admin: no element is made.

The Content Security Policy would stop an injected handler from running even if escaping were
off, so "no script ran" proves nothing about escaping: the DOM is searched for the elements
and attributes the payloads would create.
"""

import pytest
from django.test import Client

from intake.models import Inquiry
from newsletter.models import Subscriber
from nexus import roles
from tests.intake.helpers import inquiry_data
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

IMG = '<img src=x onerror="window.__pwned = (window.__pwned || 0) + 1">'
SCRIPT = "<script>window.__pwned = (window.__pwned || 0) + 1</script>"
SVG = '"><svg onload="window.__pwned = 1">'
# Elements the payloads would create if they reached the page unescaped (the admin itself has
# no inline handlers: the CSP forbids them).
INJECTED_JS = """() => [...document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload], script')]
  .filter((e) => e.tagName !== 'SCRIPT' || e.textContent.includes('__pwned'))
  .map((e) => e.outerHTML.slice(0, 80))"""


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def open_and_check(page, path, *texts):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    response = page.goto(path)
    assert response.status == 200, path
    page.wait_for_load_state("load")
    assert page.evaluate("window.__pwned") is None, f"a stored payload ran on {path}"
    assert not dialogs
    injected = page.evaluate(INJECTED_JS)
    assert not injected, f"a stored payload became markup on {path}: {injected}"
    body = page.inner_text("body")
    for text in texts:
        assert text in body, f"{text!r} is not shown as text on {path}"


def test_inquiry_payloads_show_as_text_to_admissions(browser_page, settings):
    settings.NEXUS_INTAKE_RATE_LIMIT = 1000
    response = Client().post(
        "/admissions/", inquiry_data(name=IMG, relationship=SVG, message=SCRIPT, insurance_provider=IMG)
    )
    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    sign_in(browser_page, make_staff("coordinator", roles.ADMISSIONS))
    open_and_check(browser_page, "/admin/intake/inquiry/")
    open_and_check(browser_page, f"/admin/intake/inquiry/{inquiry.pk}/change/", SCRIPT, IMG, SVG)
    open_and_check(browser_page, "/admin/intake/inquiry/dashboard/")


def test_newsletter_payloads_show_as_text_to_marketing(browser_page):
    response = Client().post(
        "/newsletter/",
        {
            "email": "reader@example.com",
            "first_name": IMG[:40],
            "consent": "on",
            "consent_version": "2026-11",
            "source": "page",
            "page": "/newsletter/",
        },
        headers={"origin": "http://testserver", "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    sign_in(browser_page, make_staff("marketer", roles.MARKETING))
    open_and_check(browser_page, "/admin/newsletter/subscriber/")
    open_and_check(browser_page, f"/admin/newsletter/subscriber/{subscriber.pk}/change/")
