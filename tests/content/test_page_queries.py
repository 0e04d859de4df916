"""What an uncached page view costs in queries, so the count cannot creep back (issue 10's speed).

The benzodiazepine page of the demo, with its hero image (renditions made), a testimonial section
and a clinical review: a worker process that has just started ("cold") reads what every page shares
(the schedule, the settings row and menu, the trust signals, the directory of live pages with their
heroes and reviews, the published testimonials) once per content generation, and the published
version once; a "warm" one, whose page cache has lost the page, reads nothing.
"""

import pytest
from django.core.cache import cache

from content import cache as content_cache
from content import demo
from images.models import Image
from tests import process_memory
from tests.content.factories import committed

pytestmark = pytest.mark.django_db

COLD, WARM = 6, 0


@pytest.fixture
def benzo_page(monkeypatch, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    assert Image.objects.filter(renditions_state=Image.State.READY).exists()
    # One generation for the whole test, however slow the machine: a new one would be a cold start.
    monkeypatch.setattr(content_cache, "LOCAL_SECONDS", 3600)
    return demo.BENZO_PATH


def forget_pages():
    """The shared page cache empties; this process keeps what it remembers for the generation."""
    generation = content_cache.generation()
    cache.clear()
    cache.set(content_cache.GENERATION_KEY, generation, timeout=None)


def in_page_cache(path):
    return content_cache.get(content_cache.key("page", path, 1)) is not None


def test_an_uncached_page_in_a_cold_process(client, benzo_page, django_assert_max_num_queries):
    process_memory.forget()
    with django_assert_max_num_queries(COLD):
        response = client.get(benzo_page)
    assert response.status_code == 200 and in_page_cache(benzo_page)
    assert "/images/renditions/" in response.content.decode()  # the hero, with its renditions
    assert "Clinically reviewed by" in response.content.decode()


def test_an_uncached_page_in_a_warm_process(client, benzo_page, django_assert_max_num_queries):
    process_memory.forget()
    with committed():
        assert client.get(benzo_page).status_code == 200
    forget_pages()
    assert not in_page_cache(benzo_page)
    with django_assert_max_num_queries(WARM):
        response = client.get(benzo_page)
    html = response.content.decode()
    assert response.status_code == 200 and in_page_cache(benzo_page)  # rendered, then kept
    assert "/images/renditions/" in html and "Clinically reviewed by" in html
    assert "<blockquote" in html  # the testimonial it quotes


def test_a_hero_the_draft_has_changed_is_still_the_published_one(client, benzo_page, django_assert_max_num_queries):
    """The directory joins the draft's hero as a guess; when the draft chose another, the published
    hero is read by its id (one query) and the draft's is not shown."""
    from content.models import Page
    from tests.images.factories import image

    page = Page.objects.get(url_path=benzo_page)
    published_hero = page.hero_image
    with committed():
        page.hero_image = image(size=(900, 500), alt="A draft-only picture of a lake")
        page.save()  # moves the generation on: a first view reads the shared parts again
    client.get(benzo_page)
    forget_pages()
    with django_assert_max_num_queries(WARM + 1):
        html = client.get(benzo_page).content.decode()
    assert "A draft-only picture of a lake" not in html
    assert published_hero.alt_text in html


def test_a_deleted_testimonial_leaves_the_page_at_once(client, benzo_page):
    """Each process keeps the published testimonials for the generation: deleting one moves it on."""
    from content.models import Section, Testimonial

    process_memory.forget()
    html = client.get(benzo_page).content.decode()
    [quote] = [t for t in Testimonial.objects.published() if t.quote[:40] in html]
    with committed():
        Section.objects.filter(testimonial=quote).delete()  # the draft no longer quotes it; the live version does
        quote.delete()
    assert quote.quote[:40] not in client.get(benzo_page).content.decode()
