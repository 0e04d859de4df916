"""Security headers on every public page and on the admin (issue: staff accounts and hardening)."""

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db

# Everything under /admissions/ and /newsletter/ (the archive too), and search.
FORM_PAGES = [
    "/admissions/",
    "/admissions/callback/",
    "/admissions/thank-you/",
    "/newsletter/",
    "/newsletter/archive/",
    "/search/?q=sleep",
]
READING_PAGES = [
    "/",
    "/benzodiazepine-addiction-treatment/",
    "/substances/",
    "/blog/",
    "/blog/feed/",
    "/privacy-notice/",
    "/sitemap.xml",
    "/robots.txt",
    "/healthz",
    "/no-such-page/",
]


@pytest.fixture
def demo_site():
    call_command("load_demo_content", stdout=None)


def assert_security_headers(response, referrer_policy):
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and "default-src 'self'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == referrer_policy


@pytest.mark.parametrize("path", READING_PAGES)
def test_reading_pages_send_every_security_header(client, demo_site, path):
    response = client.get(path)
    assert response.status_code in (200, 404), path
    assert_security_headers(response, "strict-origin-when-cross-origin")


@pytest.mark.parametrize("path", FORM_PAGES)
def test_form_pages_send_every_security_header_and_no_referrer_to_other_sites(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert_security_headers(response, "same-origin")


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/", "/admin/content/page/"])
def test_the_admin_sends_every_security_header(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200, path
    assert_security_headers(response, "same-origin")
