"""One absolute site URL: every link that leaves a page or an email comes from NEXUS_SITE_URL."""

import re
from pathlib import Path

import pytest
from django.contrib.sites.models import Site
from django.core import mail

from content.models import Page
from newsletter.models import Issue
from tests.content.factories import PageFactory, published_page
from tests.intake.helpers import INQUIRY_URL, inquiry_data
from tests.newsletter.factories import IssueFactory
from tests.newsletter.helpers import post_signup
from tests.subprocess_django import ROOT, run_django

pytestmark = pytest.mark.django_db

SITE = "http://127.0.0.1:8711"
URL = re.compile(r"https?://[^\s\"'<>&]+")
ELSEWHERE = (
    "https://schema.org",
    "http://www.w3.org/",
    "http://www.sitemaps.org/",
    "https://www.pinterest.com/",
    "https://www.facebook.com/",
)


def own_links(text):
    """The absolute URLs in a text that are not another site's (schema.org, share buttons)."""
    return [url for url in URL.findall(text) if not url.startswith(ELSEWHERE)]


def assert_all_on_site(text, *, at_least=1):
    links = own_links(text)
    assert len(links) >= at_least, f"expected {at_least}+ absolute links, found {links}"
    wrong = [url for url in links if not url.startswith(SITE + "/")]
    assert not wrong, f"links not on {SITE}: {wrong}"


@pytest.fixture
def moved_site(settings):
    """The site on another port, and a Site row that still says the old address (as after `make demo`)."""
    settings.NEXUS_SITE_URL = SITE
    Site.objects.update_or_create(pk=settings.SITE_ID, defaults={"domain": "127.0.0.1:8000"})
    return SITE


def test_pages_canonical_open_graph_json_ld_and_share_links_follow_the_site_url(client, moved_site):
    article = published_page(slug="sleep", parent=published_page(slug="blog", kind=Page.Kind.INDEX), kind="article")
    home = client.get("/").content.decode()
    assert f'<link rel="canonical" href="{SITE}/">' in home
    assert_all_on_site(home, at_least=3)  # canonical, og:url, the organization's JSON-LD
    page = client.get(article.url_path).content.decode()
    assert f'<meta property="og:url" content="{SITE}/blog/sleep/">' in page
    assert f"body={SITE.replace(':', '%3A').replace('/', '%2F')}%2Fblog%2Fsleep%2F" in page  # the email share link
    assert_all_on_site(page, at_least=5)
    assert "8000" not in home + page and "testserver" not in home + page


def test_the_atom_feed_sitemap_and_robots_use_the_site_url_not_the_site_row(client, moved_site):
    published_page(slug="sleep", parent=published_page(slug="blog", kind=Page.Kind.INDEX), kind="article")
    feed = client.get("/blog/feed/").content.decode()
    assert f'href="{SITE}/blog/sleep/"' in feed and f'href="{SITE}/blog/feed/"' in feed
    assert_all_on_site(feed, at_least=3)
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{SITE}/blog/sleep/</loc>" in sitemap
    assert_all_on_site(sitemap, at_least=3)
    assert_all_on_site(client.get("/robots.txt").content.decode())
    assert "8000" not in feed + sitemap


def test_emails_link_to_the_site_url(client, moved_site, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(INQUIRY_URL, inquiry_data())
        post_signup(client, email="reader@example.com", HTTP_ORIGIN=SITE)
    notification, confirmation = sorted(mail.outbox, key=lambda message: message.subject.startswith("Please"))
    assert re.search(rf"{SITE}/admin/intake/inquiry/\d+/change/", notification.body)
    assert re.search(rf"{SITE}/newsletter/confirm/\S+/", confirmation.body)
    for message in mail.outbox:
        assert_all_on_site(message.body + "".join(content for content, _ in message.alternatives))


def test_view_on_site_opens_the_public_page_and_only_when_there_is_one(admin_client, moved_site):
    live = published_page(slug="about")
    draft = PageFactory(slug="draft-only")
    sent = IssueFactory(status=Issue.Status.SENT)
    unsent = IssueFactory()
    live_html = admin_client.get(f"/admin/content/page/{live.pk}/change/").content.decode()
    assert f'href="{SITE}/about/" class="viewsitelink"' in live_html
    sent_html = admin_client.get(f"/admin/newsletter/issue/{sent.pk}/change/").content.decode()
    assert f'href="{SITE}/newsletter/archive/{sent.pk}/" class="viewsitelink"' in sent_html
    for url in [f"/admin/content/page/{draft.pk}/change/", f"/admin/newsletter/issue/{unsent.pk}/change/"]:
        html = admin_client.get(url).content.decode()
        assert "viewsitelink" not in html, url


def test_no_module_builds_absolute_links_from_the_setting_itself():
    """The one place is nexus/site_url.py: anything else reading the setting would drift from it."""
    readers = [
        str(path.relative_to(ROOT))
        for app in ["nexus", "content", "intake", "newsletter"]
        for path in (ROOT / app).rglob("*.py")
        if "settings.NEXUS_SITE_URL" in path.read_text()
    ]
    assert readers == [str(Path("nexus/site_url.py"))]


@pytest.mark.parametrize(
    ("env", "drop", "expected"),
    [
        ({"PORT": "8711"}, ("NEXUS_SITE_URL",), "http://127.0.0.1:8711"),
        ({}, ("NEXUS_SITE_URL", "PORT"), "http://127.0.0.1:8000"),
        ({"PORT": "8711", "NEXUS_SITE_URL": "https://staging.example"}, (), "https://staging.example"),
    ],
)
def test_local_settings_follow_port_unless_the_site_url_is_set(env, drop, expected):
    result = run_django(
        "from django.conf import settings; print(settings.NEXUS_SITE_URL)",
        settings="nexus.settings.local",
        env=env,
        drop=drop,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected
