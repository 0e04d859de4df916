"""A newcomer's first hour, in Chromium against real `runserver`s started as `make run` starts them.

Two servers on two free ports (PORT differs; neither is 8000, which may be busy): on each, open
the home page, send an inquiry with a number like the center's, sign up to the newsletter, open
the local outbox (at the address `make run` prints), follow the confirmation link and open the
lead from the notification email. Every absolute link must name that server's own port.
"""

import re
import time

import pytest

from tests.browser import local_server
from tests.browser.harness import PHONE, BrowserPage, chromium_or_skip
from tests.subprocess_django import ROOT

pytestmark = pytest.mark.browser
SHOTS = ROOT / "var" / "shots"  # look at them: squeezed labels, overflow, tiny buttons
# Links to this machine (or to the Site row's old 127.0.0.1:8000): they must all be this server.
LOCAL_URL = re.compile(r"https?://(?:127\.0\.0\.1|localhost|testserver)[^\s\"'<>&]*")


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Two servers from one demo database, each on a free port of its own, for the whole module."""
    chromium_or_skip()
    database = local_server.prepare_demo(tmp_path_factory.mktemp("demo"))
    started = []
    try:
        for name in ["first", "second"]:
            port = local_server.free_port()
            started.append(local_server.start(tmp_path_factory.mktemp(name), database, port))
        assert started[0].port != started[1].port
        yield started
    finally:
        for server in started:
            local_server.stop(server.process)


def new_page(chromium, server, **options):
    context = chromium.new_context(**(options or {"viewport": {"width": 1280, "height": 900}}))
    context.set_default_timeout(15_000)
    return context, BrowserPage(context.new_page(), server.base_url)


def assert_links_on(server, text):
    links = LOCAL_URL.findall(text)
    wrong = [url for url in links if not url.startswith(server.base_url + "/")]
    assert links and not wrong, f"not on {server.base_url}: {wrong}"


def send_inquiry(page):
    page.goto("/admissions/")
    shown = time.monotonic()
    center = page.locator("header a[href^='tel:']").first.get_attribute("href")  # tel:+12025550199
    like_the_centers = center.removeprefix("tel:+1")[:-2] + "23"
    page.get_by_role("group", name="Is anyone in immediate danger?").get_by_label("No").check()
    page.get_by_label("Myself").check()
    page.get_by_label("Your name").fill("First Hour Tester")
    page.get_by_label("Phone number").fill(f"{like_the_centers[:3]} {like_the_centers[3:6]} {like_the_centers[6:]}")
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_label(re.compile("may call or text me")).check()
    time.sleep(max(0.0, 3.5 - (time.monotonic() - shown)))  # the form refuses anything sent within 3 s
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/admissions/thank-you/")


def sign_up(page, email):
    page.goto("/newsletter/archive/")
    footer = page.locator("footer")
    footer.get_by_label("Email address").fill(email)
    footer.get_by_label(re.compile("Yes, email me")).check()
    footer.get_by_role("button", name="Sign up").click()
    page.wait_for_url("**/newsletter/check-your-inbox/")


def sign_in(page):
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("admin")
    page.locator("input[name=password]").fill("nexus-local-demo")
    page.locator("input[name=password]").press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))


def open_message(page, server, subject):
    page.page.goto(server.outbox_url)
    page.get_by_role("link", name=re.compile(subject)).first.click()
    page.wait_for_url(re.compile(r"/admin/outbox/[^/]+/$"))


@pytest.mark.parametrize("which", [0, 1], ids=["first port", "second port"])
def test_the_first_hour_works_on_the_port_make_run_was_given(chromium, servers, which):
    server = servers[which]
    context, page = new_page(chromium, server)
    try:
        first_hour(page, server)
    finally:
        context.close()


def first_hour(page, server):
    page.goto("/")
    assert page.locator("link[rel=canonical]").get_attribute("href") == server.base_url + "/"
    assert_links_on(server, page.content())
    send_inquiry(page)
    sign_up(page, f"first.hour.{server.port}@example.com")

    assert server.outbox_url == f"{server.base_url}/admin/outbox/"
    sign_in(page)
    open_message(page, server, "Please confirm your subscription")
    with page.expect_navigation():
        page.get_by_role("link", name="Open the HTML part").click()
    in_html = page.locator("a[href*='/newsletter/confirm/']").first.get_attribute("href")
    assert in_html.startswith(server.base_url + "/newsletter/confirm/")
    page.go_back()
    confirm = page.locator(".outbox-text a[href*='/newsletter/confirm/']")
    assert confirm.get_attribute("href").startswith(server.base_url + "/newsletter/confirm/")
    confirm.click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, subscribe me").click()
    assert page.get_by_role("heading", name="You have successfully subscribed").is_visible()

    open_message(page, server, r"New inquiry #\d+")
    lead = page.locator(".outbox-text a[href*='/admin/intake/inquiry/']")
    assert lead.get_attribute("href").startswith(server.base_url + "/admin/intake/inquiry/")
    with page.expect_navigation() as opened:
        lead.click()
    assert opened.value.status == 200 and page.url.startswith(server.base_url + "/admin/intake/inquiry/")
    assert "First Hour Tester" in page.content()

    # The sitemap, feed and robots.txt of this server, and "View on site" on a live page.
    for path in ["/sitemap.xml", "/blog/feed/", "/robots.txt", "/benzodiazepine-addiction-treatment/"]:
        assert_links_on(server, page.request.get(server.base_url + path).text())
    page.goto("/admin/content/page/?q=benzodiazepine")
    page.get_by_role("link", name="Benzodiazepine addiction treatment").first.click()
    view_on_site = page.locator("a.viewsitelink").get_attribute("href")
    assert view_on_site == server.base_url + "/benzodiazepine-addiction-treatment/"

    requests = [line for line in server.output().splitlines() if '"GET /admin/outbox/ HTTP/1.1" 200' in line]
    assert len(requests) >= 2 and all(" INFO django.server [-] " in line for line in requests), requests


@pytest.mark.parametrize("width", [375, 1280])
def test_the_outbox_screens_hold_at_phone_and_desktop_widths(chromium, servers, width):
    server = servers[0]
    context, page = new_page(chromium, server, **(PHONE if width == 375 else {}))
    SHOTS.mkdir(parents=True, exist_ok=True)
    try:
        sign_up(page, f"layout.{width}@example.com")
        sign_in(page)
        page.page.goto(server.outbox_url)
        page.page.screenshot(path=str(SHOTS / f"outbox-{width}.png"), full_page=True)
        page.assert_layout()
        page.assert_accessible()
        open_message(page, server, "Please confirm your subscription")
        page.page.screenshot(path=str(SHOTS / f"outbox-message-{width}.png"), full_page=True)
        page.assert_layout()
        page.assert_accessible()
        assert not page.console_errors, page.console_errors
    finally:
        context.close()
