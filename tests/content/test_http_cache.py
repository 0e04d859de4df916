"""The page cache and HTTP at their edges: commit order, query strings, conditional GETs."""

import pytest
from django.db import transaction

from content import services
from content.models import Page
from tests.content.factories import published_page

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
