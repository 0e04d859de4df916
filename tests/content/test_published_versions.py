"""Each process keeps the published versions it has shown (content.presenter.published_version) and,
for the content generation, the directory of live pages that says which version is live, so a page
view reads nothing. These tests try to make it show a version that is not live, or a mix of two."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from content import cache as content_cache
from content import presenter, services
from content.models import Page, Revision
from tests.content.factories import PageFactory, SectionFactory, committed

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(monkeypatch):
    # One generation for the whole test: what this process trusts until another's commit reaches it.
    monkeypatch.setattr(content_cache, "LOCAL_SECONDS", 3600)
    with committed():
        page = PageFactory(slug="about", title="About us")
        section = SectionFactory(page=page, body="The first version's words.")
        services.publish(page=page, user=None)
    return section


def forget_pages():
    """The shared page cache empties (a timeout); the generation stays as it was."""
    generation = content_cache.generation()
    cache.clear()
    cache.set(content_cache.GENERATION_KEY, generation, timeout=None)


def test_a_version_published_before_this_process_hears_of_it_is_shown_once_it_hears(client, about):
    """Another process publishes; until its commit moves this process's generation on (at most
    content.cache.LOCAL_SECONDS later), this process shows the version it knew, whole, as its page
    cache would; then the new one."""
    client.get("/about/")
    about.page.title = "About the center"
    about.page.save(update_fields=["title"])
    about.body = "The second version's words."
    about.save()
    services.publish(page=about.page, user=None)  # in the test's transaction: no commit moves it on
    forget_pages()
    html = client.get("/about/").content.decode()
    assert "first version" in html and "About us" in html
    assert "second version" not in html and "About the center" not in html
    cache.set(content_cache.GENERATION_KEY, content_cache._remember(content_cache.generation() + 1), timeout=None)
    html = client.get("/about/").content.decode()
    assert "second version" in html and "About the center" in html and "first version" not in html


def test_a_held_version_whose_fingerprint_differs_is_read_again(client, about):
    """An id can be used again (SQLite reuses a deleted row's): the fingerprint must match too."""
    client.get("/about/")
    [revision_id] = presenter._versions
    fingerprint, snapshot, body = presenter._versions[revision_id]
    stale_body = {**body, "parts": ["<p>Words of a deleted version.</p>"]}
    presenter._versions[revision_id] = ("a deleted version's fingerprint", snapshot, stale_body)
    forget_pages()
    html = client.get("/about/").content.decode()
    assert "deleted version" not in html and "first version" in html
    assert presenter._versions[revision_id][0] == fingerprint


def test_showing_a_page_never_changes_the_version_it_holds(client, about):
    for _ in range(3):
        client.get("/about/")
        forget_pages()
    [revision_id] = presenter._versions
    revision = Revision.objects.get(pk=revision_id)
    assert presenter._versions[revision_id] == (revision.content_hash, revision.snapshot, revision.body)


def test_a_process_holds_a_bounded_number_of_versions(client, monkeypatch):
    monkeypatch.setattr(presenter, "VERSIONS_HELD", 3)
    with committed():
        pages = [PageFactory(slug=f"page-{n}", title=f"Page {n}") for n in range(5)]
        for page in pages:
            services.publish(page=page, user=None)
    for page in pages:
        assert client.get(page.url_path).status_code == 200
        assert len(presenter._versions) <= 3


def test_a_page_past_its_expiry_is_not_shown_from_the_directory_this_process_holds(client, about):
    """The directory is read once per generation; an expiry that passes meanwhile must still count."""
    page = about.page
    expiry = timezone.now() + datetime.timedelta(hours=1)
    with committed():
        Page.objects.filter(pk=page.pk).update(expire_at=expiry)
        content_cache.invalidate()
    assert client.get("/about/").status_code == 200
    assert presenter.live_directory_by_path()["/about/"].expire_at == expiry  # held for the generation
    assert presenter.live_page("/about/", now=expiry - datetime.timedelta(seconds=1)) is not None
    assert presenter.live_page("/about/", now=expiry) is None
    assert presenter.live_page("/about/", now=expiry + datetime.timedelta(minutes=1)) is None
