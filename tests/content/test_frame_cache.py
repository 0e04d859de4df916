"""The page frame (crisis bar, header, footer, action bar) is kept rendered in each process
(`{% cache %}` in base.html, the `template_fragments` cache): these tests try to make it show
something it should not: another language, another page's "current" link, an old phone number or
menu, the 500 page's defaults, a newsletter token.
"""

import re

import pytest
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.test import RequestFactory, override_settings

from content import cache as content_cache
from content.models import SiteSettings
from tests.content.factories import committed, published_page
from tests.i18n import spanish_get

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_frames():
    caches["template_fragments"].clear()


def nav_current(html):
    """The addresses the header's menus mark as the page being read."""
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    return re.findall(r'<a href="([^"]+)" aria-current="page">', header)


def footer_page_field(html):
    footer = html[html.index('<footer class="site-footer">') :]
    return re.search(r'<input type="hidden" name="page" value="([^"]*)">', footer).group(1)


def test_the_frame_is_kept_and_a_settings_change_replaces_it(client):
    published_page(slug="about", title="About us")
    html = client.get("/about/").content.decode()
    assert "tel:+12025550199" in html
    key = make_template_fragment_key("frame-footer-contact", ["en", content_cache.stamp()])
    assert "tel:+12025550199" in caches["template_fragments"].get(key)  # kept, not rendered each time

    with committed():
        SiteSettings.objects.create(phone="+1-555-010-0123")
    html = client.get("/about/").content.decode()
    frame = html[: html.index('<main id="main"')] + html[html.index('<footer class="site-footer">') :]
    assert "tel:+12025550123" not in frame
    assert "tel:+15550100123" in frame and "tel:+12025550199" not in frame
    assert 'class="action-bar"' in frame and frame.count("tel:+15550100123") >= 3  # header, footer, action bar


def test_each_language_gets_its_own_frame_whichever_is_rendered_first(client):
    published_page(slug="about", title="About us")
    english = client.get("/about/").content.decode()
    spanish = spanish_get(client, "/").content.decode()
    assert "Llame al" in spanish and "In danger now?" not in spanish
    assert "In danger now?" in english

    caches["template_fragments"].clear()
    spanish = spanish_get(client, "/").content.decode()
    english = client.get("/").content.decode()
    assert "In danger now?" in english and "Llame al" not in english
    assert "Llame al" in spanish


def test_the_menu_marks_only_the_page_being_read(client):
    published_page(slug="about", title="About us", show_in_menu=True)
    published_page(slug="programs", title="Programs", show_in_menu=True)
    assert nav_current(client.get("/about/").content.decode()) == ["/about/", "/about/"]  # both menus
    assert nav_current(client.get("/programs/").content.decode()) == ["/programs/", "/programs/"]
    assert nav_current(client.get("/about/").content.decode()) == ["/about/", "/about/"]
    assert nav_current(client.get("/no-such-page/").content.decode()) == []


def test_a_page_added_to_the_menu_reaches_frames_already_kept(client):
    published_page(slug="about", title="About us", show_in_menu=True)
    assert "/programs/" not in client.get("/about/").content.decode()
    published_page(slug="programs", title="Our programs", show_in_menu=True)
    assert 'href="/programs/">Our programs</a>' in client.get("/about/").content.decode()


def test_a_new_environment_value_is_a_new_frame(client):
    published_page(slug="about", title="About us")
    assert "tel:+12025550199" in client.get("/about/").content.decode()
    with override_settings(NEXUS_PHONE="+1-202-555-0142"):
        html = client.get("/about/").content.decode()
    assert "tel:+12025550142" in html and "tel:+12025550199" not in html


def test_the_500_pages_frame_never_reaches_another_page(client):
    """The 500 page renders without context processors (the environment's details, no menu): its
    frame must not be what a page served later shows."""
    from nexus.views import server_error

    published_page(slug="about", title="About us", show_in_menu=True)
    with committed():
        SiteSettings.objects.create(phone="+1-555-010-0123")
    try:
        raise RuntimeError("a broken view")
    except RuntimeError:
        failed = server_error(RequestFactory().get("/about/")).content.decode()
    assert "tel:+12025550199" in failed and 'href="/about/"' not in failed

    html = client.get("/about/").content.decode()
    assert "tel:+15550100123" in html and "tel:+12025550199" not in html
    assert nav_current(html) == ["/about/", "/about/"]


def test_pages_share_one_kept_frame_but_each_footer_form_records_its_own_page(client):
    published_page(slug="about", title="About us")
    published_page(slug="contact", title="Contact")
    about = client.get("/about/").content.decode()
    header = make_template_fragment_key("frame-header", ["en", content_cache.stamp(), ""])
    kept = caches["template_fragments"].get(header)
    contact = client.get("/contact/").content.decode()
    assert kept and kept in about and kept in contact  # one header for every page outside the menu
    assert footer_page_field(about) == "/about/" and footer_page_field(contact) == "/contact/"


def test_the_footer_records_the_page_it_is_on_but_never_a_token(client):
    published_page(slug="about", title="About us")
    assert footer_page_field(client.get("/about/").content.decode()) == "/about/"
    for address in ("/newsletter/confirm/some-token-value/", "/newsletter/unsubscribe/some-token-value/"):
        html = client.get(address).content.decode()
        assert "some-token-value" not in footer_page_field(html)
        assert footer_page_field(html) == ""
