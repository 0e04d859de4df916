"""The page cache and HTTP at their edges: commit order, query strings, conditional GETs."""

import pytest
from django.db import transaction

from content import services
from content.models import Page, Section, SiteSettings
from tests.content.factories import (
    ConsentedQuoteFactory,
    PageFactory,
    ReviewerFactory,
    SectionFactory,
    committed,
    published_page,
)

pytestmark = pytest.mark.django_db


def test_if_modified_since_equal_to_last_modified_answers_304(client):
    """A browser sends back the Last-Modified it was given, to the second; that is "not modified"."""
    published_page(slug="about")
    first = client.get("/about/")
    again = client.get("/about/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304
    assert client.get("/about/", HTTP_IF_MODIFIED_SINCE="Mon, 01 Jan 2001 00:00:00 GMT").status_code == 200


def test_page_numbers_on_a_page_that_is_not_an_index_share_one_cached_copy(client, django_assert_num_queries):
    published_page(slug="about", title="About us")
    first = client.get("/about/")
    with django_assert_num_queries(0):
        for query in ["?page=2", "?page=37", "?page=99999", "?page=x"]:
            response = client.get(f"/about/{query}")
            assert response.status_code == 200
            assert response.content == first.content


def test_index_page_numbers_beyond_the_last_are_not_found_and_not_cached(client, django_assert_max_num_queries):
    blog = published_page(slug="blog", kind=Page.Kind.INDEX, title="Blog")
    for n in range(12):
        published_page(slug=f"post-{n}", parent=blog, kind=Page.Kind.ARTICLE, title=f"Post {n}", author="Team")
    assert "Page 2 of 2" in client.get("/blog/?page=2").content.decode()
    assert client.get("/blog/?page=1").content == client.get("/blog/").content
    assert client.get("/blog/?page=3").status_code == 404
    assert client.get("/blog/?page=41234").status_code == 404


def test_publishing_moves_the_cache_on_only_once_the_transaction_commits(client, django_capture_on_commit_callbacks):
    """Before the commit, readers (on other connections) still read the old version from the database:
    were the cache invalidated then, they would cache the old page again under the new generation."""
    page = published_page(slug="about", title="About us")
    assert "<h1>About us</h1>" in client.get("/about/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        with transaction.atomic():
            page.title = "About Nexus"
            page.save()
            services.publish(page=page, user=None)
        before_commit = client.get("/about/").content.decode()
    assert "<h1>About us</h1>" in before_commit, "nothing was invalidated before the commit"
    assert "<h1>About Nexus</h1>" in client.get("/about/").content.decode()


def uncached(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


def test_an_uncached_clinical_page_costs_two_queries_and_reads_no_deferred_field(
    client, settings, django_assert_num_queries
):
    """Page with its version and covering review, and the published testimonials: the settings row,
    the menu and the live pages (its neighbours) are kept in the process for the content generation
    since the home page was shown, and the view reads only the columns it loaded (a deferred field
    read would be one query more)."""
    with committed():
        page = PageFactory(slug="benzodiazepines", is_clinical=True)
        SectionFactory(page=page, kind=Section.Kind.TESTIMONIAL, testimonial=ConsentedQuoteFactory())
        services.record_review(page=page, user=ReviewerFactory().user)
        services.publish(page=page, user=None)
    page.refresh_from_db()
    client.get("/")  # the settings and the menu, once
    uncached(settings)
    with django_assert_num_queries(2):
        html = client.get(page.url_path).content.decode()
    assert "The team helped me." in html and "Clinically reviewed by" in html


def test_a_settings_change_in_another_process_reaches_this_one_within_a_second(client, monkeypatch):
    from content import cache as content_cache

    published_page(slug="about")
    assert "tel:+12025550199" in client.get("/about/").content.decode()
    # Another process saves the settings: its commit moves the shared generation on; this process
    # goes on trusting the generation it read for up to LOCAL_SECONDS.
    SiteSettings.objects.create(phone="+1-555-010-0123")
    from django.core.cache import cache

    cache.set(content_cache.GENERATION_KEY, 1, timeout=None)
    assert "tel:+12025550199" in client.get("/about/").content.decode()
    later = content_cache.time.monotonic() + content_cache.LOCAL_SECONDS + 0.1
    monkeypatch.setattr(content_cache.time, "monotonic", lambda: later)
    assert "tel:+15550100123" in client.get("/about/").content.decode()
