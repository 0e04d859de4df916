"""Links between pages name the page (`[text](page:42)`), so they follow it when it moves."""

import pytest
from django.urls import reverse

from content import checks, services
from content.models import Page
from tests.content.factories import SectionFactory, committed, published_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def linking_to(target, slug="linker"):
    page = published_page(slug=slug, title="Linker")
    SectionFactory(page=page, heading="See also", body=f"Read about [medical detox](page:{target.pk}).")
    with committed():
        services.publish(page=page, user=None)
    return page


def test_a_link_to_a_page_shows_its_address_and_follows_it_when_it_moves(client):
    detox = published_page(slug="detox", title="Medical detox")
    linker = linking_to(detox)
    assert '<a href="/detox/" rel="noopener noreferrer">medical detox</a>' in client.get("/linker/").content.decode()
    detox.slug = "medical-detox"
    detox.save()
    with committed():
        services.publish(page=detox, user=None)
    html = client.get(linker.url_path).content.decode()
    assert 'href="/medical-detox/"' in html and 'href="/detox/"' not in html


def test_a_link_to_a_page_taken_down_or_deleted_shows_its_words_without_a_link(client):
    detox = published_page(slug="detox", title="Medical detox")
    linker = linking_to(detox)
    with committed():
        services.unpublish(page=detox)
    html = client.get(linker.url_path).content.decode()
    assert "Read about medical detox." in html and "/_page/" not in html
    with committed():
        Page.objects.filter(pk=detox.pk).delete()
    assert "Read about medical detox." in client.get(linker.url_path).content.decode()


def test_the_stable_address_redirects_to_the_live_page_and_hides_drafts(client):
    detox = published_page(slug="detox", title="Medical detox")
    response = client.get(f"/_page/{detox.pk}/")
    assert (response.status_code, response["Location"]) == (302, "/detox/")
    with committed():
        services.unpublish(page=detox)
    assert client.get(f"/_page/{detox.pk}/").status_code == 404


def test_the_editor_is_told_about_links_to_unpublished_and_deleted_pages(editor):
    detox = published_page(slug="detox", title="Medical detox")
    linker = linking_to(detox)
    section = linker.sections.get()
    section.body += " And [the old page](page:999999)."
    section.save()
    services.unpublish(page=detox)
    found = [f.message for f in checks.for_page(linker) if f.code == "internal_link"]
    assert len(found) == 2 and "not published" in found[0] and "deleted" in found[1]


def test_the_chooser_finds_pages_by_title_for_editors_only(client, editor, reviewer):
    published_page(slug="detox", title="Medical detox")
    client.force_login(editor)
    html = client.get(reverse("admin:content_page_chooser"), {"q": "detox"}).content.decode()
    detox = Page.objects.get(slug="detox")
    assert f'value="[Medical detox](page:{detox.pk})"' in html
    assert "No page has a title" in client.get(reverse("admin:content_page_chooser"), {"q": "zzz"}).content.decode()
    client.force_login(reviewer.user)
    assert client.get(reverse("admin:content_page_chooser")).status_code == 403
