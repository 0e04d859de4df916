"""Public pages: structure, query budget, caching with invalidation, conditional GET, menus, blog."""

import datetime

import pytest
from django.utils import timezone
from django.utils.http import http_date

from content import services
from content.models import Page, SiteSettings
from tests.content.factories import (
    ConsentedQuoteFactory,
    PageFactory,
    SectionFactory,
    SourceFactory,
    committed,
    published_page,
)

pytestmark = pytest.mark.django_db


def long_page(section_count, reviewer=None):
    page = PageFactory(
        slug=f"long-{section_count}", is_clinical=True, kind=Page.Kind.SUBSTANCE, drug_name="Benzodiazepines"
    )
    quote = ConsentedQuoteFactory()
    kinds = ["text", "list", "warning", "faq", "testimonial", "cta"]
    for n in range(section_count):
        kind = kinds[n % len(kinds)]
        SectionFactory(
            page=page,
            kind=kind,
            items="a\nb",
            question="Q?",
            testimonial=quote if kind == "testimonial" else None,
            cta_label="Call",
            cta_url="/admissions/",
        )
    SourceFactory(page=page)
    page.related.add(published_page(slug=f"related-{section_count}"))
    services.record_review(page=page, user=reviewer.user)
    services.publish(page=page, user=None)
    return page


def test_with_no_cache_at_all_a_page_still_takes_at_most_seven_queries(
    client, reviewer, settings, django_assert_max_num_queries
):
    """The benchmark's uncached case: the view and the context processor share one settings read;
    the seventh asks when the next scheduled change is due (content.scheduling), which a cache keeps
    until the next content change."""
    page = long_page(3, reviewer)
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    with django_assert_max_num_queries(7):
        response = client.get(page.url_path)
    assert response.status_code == 200


@pytest.mark.parametrize("sections", [3, 30])
def test_page_renders_in_at_most_eight_queries_whatever_its_sections(
    client, reviewer, sections, django_assert_max_num_queries
):
    """Cold: the page's four (page, neighbours, testimonials, review), plus four once per content
    generation (the next scheduled change, the settings row, the menu, the accreditation line)."""
    parent = published_page(slug="substances", kind=Page.Kind.INDEX)
    page = long_page(sections, reviewer)
    page.parent = parent
    page.save()
    services.publish(page=page, user=None)
    with django_assert_max_num_queries(8):
        response = client.get(page.url_path)
    assert response.status_code == 200
    with django_assert_max_num_queries(0):
        assert client.get(page.url_path).status_code == 200, "the second request comes from the cache"


def test_clinical_page_shows_reviewer_dates_contents_breadcrumbs_and_care_cards(client, reviewer):
    page = long_page(6, reviewer)
    html = client.get(page.url_path).content.decode()
    today = timezone.localdate()
    assert f"Clinically reviewed by {reviewer.name}, MD on" in html
    assert f'datetime="{today:%Y-%m-%d}"' in html and "next review due" in html
    assert "Last updated" in html
    assert 'aria-label="Breadcrumb"' in html and "Contents" in html
    assert '<span class="visually-hidden">Important: </span>' in html
    assert 'id="source-1"' in html and "Related pages" in html
    assert "The team helped me." in html


def test_unpublished_testimonial_is_not_shown(client, reviewer):
    page = long_page(6, reviewer)
    page.sections.get(kind="testimonial").testimonial.__class__.objects.update(is_published=False)
    services.publish(page=page, user=None)
    assert "The team helped me." not in client.get(page.url_path).content.decode()


def test_public_page_is_shared_cacheable_and_carries_no_csrf_token(client):
    published_page(slug="about")
    response = client.get("/about/")
    assert response["Cache-Control"] == "public, max-age=30"
    assert "csrftoken" not in response.cookies and "csrfmiddlewaretoken" not in response.content.decode()


def test_publishing_invalidates_the_cached_page_and_the_menu(client):
    page = published_page(slug="about", title="About us", show_in_menu=True)
    assert "About us" in client.get("/about/").content.decode()
    with committed():
        page.title = "About Nexus"
        page.save()
        services.publish(page=page, user=None)
    html = client.get("/").content.decode()
    assert 'href="/about/">About Nexus</a>' in html
    assert "<h1>About Nexus</h1>" in client.get("/about/").content.decode()


def test_site_settings_change_reaches_cached_pages(client):
    published_page(slug="about")
    assert "tel:+12025550199" in client.get("/about/").content.decode()
    with committed():
        SiteSettings.objects.create(phone="+1-555-010-0123", hours="Open every day.")
    html = client.get("/about/").content.decode()
    assert "tel:+15550100123" in html and "tel:+12025550199" not in html


def test_conditional_get_answers_304_by_etag_and_by_date(client):
    published_page(slug="about")
    first = client.get("/about/")
    assert first["ETag"] and first["Last-Modified"]
    assert client.get("/about/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    later = http_date((timezone.now() + datetime.timedelta(minutes=5)).timestamp())
    assert client.get("/about/", HTTP_IF_MODIFIED_SINCE=later).status_code == 304
    assert client.get("/about/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_menu_lists_pages_marked_show_in_menu_in_order(client):
    published_page(slug="b", title="Second", show_in_menu=True, order=2)
    published_page(slug="a", title="First", show_in_menu=True, order=1)
    published_page(slug="hidden", title="Hidden page")
    nav = client.get("/").content.decode().split('aria-label="Main"')[1].split("</nav>")[0]
    assert nav.index("First") < nav.index("Second") and "Hidden page" not in nav


def test_index_page_lists_its_published_children(client):
    index = published_page(slug="treatment-programs", kind=Page.Kind.INDEX, title="Treatment programs")
    published_page(slug="detox", parent=index, title="Medical detox")
    PageFactory(slug="draft-child", parent=index, title="Draft child")
    html = client.get("/treatment-programs/").content.decode()
    assert 'href="/treatment-programs/detox/">Medical detox</a>' in html and "Draft child" not in html


def test_blog_lists_articles_newest_first_paginated_with_an_atom_feed(client):
    blog = published_page(slug="blog", kind=Page.Kind.INDEX, title="Blog")
    start = datetime.date(2026, 1, 1)
    for n in range(12):
        published_page(
            slug=f"post-{n}",
            parent=blog,
            kind=Page.Kind.ARTICLE,
            title=f"Post {n}",
            author="Team",
            published_on=start + datetime.timedelta(days=n),
        )
    html = client.get("/blog/").content.decode()
    assert html.index("Post 11") < html.index("Post 10") and "Post 0<" not in html
    assert '<link rel="alternate" type="application/atom+xml"' in html and 'href="/blog/feed/"' in html
    assert "Post 0" in client.get("/blog/?page=2").content.decode()
    assert client.get("/blog/?page=999").status_code == 404
    feed = client.get("/blog/feed/")
    assert feed["Content-Type"].startswith("application/atom+xml")
    body = feed.content.decode()
    assert body.index("Post 11") < body.index("Post 10") and "/blog/post-11/" in body


def test_home_page_offers_the_main_calls_to_action(client):
    published_page(slug="substances", kind=Page.Kind.INDEX)
    html = client.get("/").content.decode()
    assert 'href="tel:+12025550199"' in html and 'href="/admissions/"' in html and 'href="/substances/"' in html


def test_share_offers_copy_email_and_print_and_no_social_network(client):
    published_page(slug="about")
    html = client.get("/about/").content.decode()
    assert "pinterest.com" not in html and "facebook.com" not in html
    assert "mailto:?subject=" in html and "data-copy-link" in html and "data-print" in html
    assert '<script src="http' not in html


def test_latest_articles_for_the_newsletter_are_live_blog_articles_newest_first(settings):
    from content.articles import latest

    settings.NEXUS_SITE_URL = "https://nexus.example"
    blog = published_page(kind=Page.Kind.INDEX, slug="blog", title="Blog")
    older = published_page(
        kind=Page.Kind.ARTICLE, parent=blog, slug="older", title="Older", published_on=datetime.date(2026, 1, 5)
    )
    newer = published_page(
        kind=Page.Kind.ARTICLE, parent=blog, slug="newer", title="Newer", published_on=datetime.date(2026, 3, 5)
    )
    PageFactory(kind=Page.Kind.ARTICLE, parent=blog, slug="draft", title="Draft only")
    assert [a["title"] for a in latest()] == [newer.live_title, older.live_title]
    assert latest()[0]["url"] == "https://nexus.example/blog/newer/"
