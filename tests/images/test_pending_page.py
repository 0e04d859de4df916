"""A published page whose hero has no renditions yet, as a phone meets it: a box of the hero's
size, never the original upload (the audit once weighed a 90 KB PNG on the first view), and the
hero itself once the renditions the page asked for are made."""

import pytest

from images.models import Image
from tests.content.factories import published_page
from tests.images.factories import image
from tests.images.markup import tags

pytestmark = pytest.mark.django_db


def og_image(response):
    [og] = [m for m in tags(response.content.decode(), "meta") if m.get("property") == "og:image"]
    return og["content"]


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_a_hero_without_renditions_is_a_sized_box_until_the_task_the_page_asked_for_has_run(
    client, django_capture_on_commit_callbacks
):
    hero = image(size=(1600, 1000), alt="A quiet garden path")  # its task never ran: the queue lost it
    page = published_page(slug="benzos", title="Benzodiazepines", hero_image=hero)
    assert not hero.renditions.exists()

    with django_capture_on_commit_callbacks(execute=True) as asked:
        response = client.get(page.url_path)
    html = response.content.decode().replace(og_image(response), "")  # for crawlers: see the last test
    assert response.status_code == 200
    assert [c.__qualname__ for c in asked].count("request_renditions.<locals>.<lambda>") == 1
    assert hero.file.name not in html and "/images/originals/" not in html
    [img] = tags(main(html), "img")
    assert img["src"].startswith("data:image/svg+xml,") and "srcset" not in img
    assert not tags(main(html), "source")
    assert (img["width"], img["height"]) == ("800", "450") and img["alt"] == "A quiet garden path"

    # The task ran when that request committed; the next reader gets the hero itself.
    assert Image.objects.get(pk=hero.pk).renditions_state == Image.State.READY
    html = main(client.get(page.url_path).content.decode())
    [img] = tags(html, "img")
    assert img["src"].endswith("-16x9-800.jpg") and (img["width"], img["height"]) == ("800", "450")
    assert [s["type"] for s in tags(html, "source")] == ["image/avif", "image/webp"]
    assert "/images/originals/" not in html


def test_the_shared_card_may_name_the_original_but_no_reader_is_sent_it(client):
    """og:image is fetched by a sharing site's crawler, not by the reader's browser."""
    hero = image(size=(1600, 1000))
    page = published_page(slug="detox", title="Detox", hero_image=hero)
    response = client.get(page.url_path)
    assert og_image(response).endswith(hero.file.name)
    assert hero.file.name not in response.content.decode().replace(og_image(response), "")
