"""Images on pages: a hero and image sections from the library, shared as og:image, read live
from the library (like testimonials), so an edit to an image shows at once and a deleted image
leaves the published page whole."""

import pytest
from django.db import connection
from django.db.models import ProtectedError
from django.db.utils import IntegrityError
from django.test.utils import CaptureQueriesContext

from content import services, snapshot
from images import services as image_services
from images.models import Image
from tests.content.factories import PageFactory, SectionFactory, committed
from tests.images.factories import image
from tests.images.markup import tags

pytestmark = pytest.mark.django_db


def publish(page):
    with committed():
        services.publish(page=page, user=None)


@pytest.fixture
def pictures(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        hero = image(size=(1300, 800), title="Hero", alt="A quiet garden path", credit="SAMPLE image")
        figure = image(size=(900, 600), title="Figure", alt="A chart of a taper")
    return hero, figure


@pytest.fixture
def page(pictures):
    hero, figure = pictures
    page = PageFactory(slug="benzos", title="Benzodiazepines", hero_image=hero)
    SectionFactory(page=page, heading="Withdrawal", body="Never stop suddenly.")
    SectionFactory(page=page, kind="image", heading="A slow taper", image=figure, body="Doses fall *slowly*.")
    publish(page)
    return page


def main(html):
    return html.split("<main", 1)[1].split("</main>", 1)[0]


def test_the_page_shows_its_hero_eagerly_and_its_image_section_lazily(client, page, pictures):
    html = main(client.get(page.url_path).content.decode())
    hero, section = tags(html, "img")
    assert hero["alt"] == "A quiet garden path" and hero["fetchpriority"] == "high" and "-16x9-" in hero["src"]
    assert section["alt"] == "A chart of a taper" and section["loading"] == "lazy" and "-full-" in section["src"]
    assert html.index("A quiet garden path") < html.index("Never stop suddenly.") < html.index("A chart of a taper")
    assert "<em>slowly</em>" in html  # the caption is the section's Markdown, sanitised
    assert "SAMPLE image" in html  # the credit


def test_the_shared_card_uses_the_hero_as_an_absolute_url(client, page, settings):
    html = client.get(page.url_path).content.decode()
    [og] = [m for m in tags(html, "meta") if m.get("property") == "og:image"]
    assert og["content"].startswith(settings.NEXUS_SITE_URL + "/media/images/renditions/")
    assert og["content"].endswith("-16x9-1200.jpg")
    assert {"property": "og:image:alt", "content": "A quiet garden path"} in tags(html, "meta")


def test_a_corrected_alt_text_shows_on_the_published_page_at_once(client, page, pictures):
    client.get(page.url_path)  # cached
    hero, _figure = pictures
    with committed():
        hero.alt = "A garden path in autumn"
        hero.save()
    assert "A garden path in autumn" in client.get(page.url_path).content.decode()


def test_an_image_deleted_after_publishing_leaves_the_published_page_whole(client, page, pictures):
    hero, figure = pictures
    page.hero_image = None
    page.save()
    page.sections.filter(kind="image").delete()  # the draft moved on; the live version still names both
    with committed():
        image_services.delete_image(image=hero)
        image_services.delete_image(image=figure)
    response = client.get(page.url_path)
    html = main(response.content.decode())
    assert response.status_code == 200
    assert not tags(html, "img") and "A slow taper" not in html and "Never stop suddenly." in html
    assert not [m for m in tags(response.content.decode(), "meta") if m.get("property") == "og:image"]


def test_an_image_a_draft_uses_cannot_be_deleted(page, pictures):
    hero, _figure = pictures
    with pytest.raises(ProtectedError):
        image_services.delete_image(image=hero)
    assert Image.objects.filter(pk=hero.pk).exists()


def test_an_image_section_needs_an_image():
    with pytest.raises(IntegrityError):
        SectionFactory(kind="image", image=None)


def test_images_cost_the_same_queries_however_many_there_are(client, pictures):
    hero, figure = pictures
    one = PageFactory(slug="one", hero_image=hero)
    SectionFactory(page=one, kind="image", image=figure)
    many = PageFactory(slug="many", hero_image=hero)
    for _ in range(5):
        SectionFactory(page=many, kind="image", image=image(size=(300, 200)))
    plain = PageFactory(slug="plain")
    publish(one)
    publish(many)
    publish(plain)
    client.get(plain.url_path)  # what every page shares (settings, menu) is cached from here on
    counts = []
    for target in (one, many):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(target.url_path).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_adding_a_hero_changes_the_fingerprint_but_pages_without_images_keep_theirs(pictures):
    """Reviews signed before the image library existed still cover pages that have no images."""
    hero, _figure = pictures
    page = PageFactory(slug="plain")
    SectionFactory(page=page, heading="Text")
    before, _ = snapshot.build(page)
    data = snapshot.raw(page)
    assert {"image": "", "image_alt": "", "image_decorative": False}.items() <= data.items()
    assert "hero_image_id" not in data and all("image_id" not in s for s in data["sections"])
    page.hero_image = hero
    page.save()
    assert snapshot.build(page)[0] != before


def test_a_library_text_in_another_language_is_marked_so_a_screen_reader_switches_voice(client, pictures):
    """Alt text and credits are written once, in the library, in one language (English unless the
    image says otherwise): a Spanish page marks them lang="en"; an image described in Spanish is
    unmarked there and marked lang="es" on an English page."""
    hero, figure = pictures
    Image.objects.filter(pk=figure.pk).update(language="es", alt="Un gráfico de una reducción", credit="Foto: MUESTRA")
    spanish = PageFactory(slug="benzos", title="Benzodiazepinas", language="es", hero_image=hero)
    SectionFactory(page=spanish, kind="image", heading="Una reducción lenta", image=figure, body="Las dosis bajan.")
    english = PageFactory(slug="taper", title="Taper", hero_image=figure)
    SectionFactory(page=english, kind="image", heading="A slow taper", image=hero, body="Doses fall.")
    publish(spanish)
    publish(english)

    html = main(client.get("/es/benzos/").content.decode())
    hero_img, figure_img = tags(html, "img")
    assert hero_img["alt"] == "A quiet garden path" and hero_img["lang"] == "en"
    assert '<figcaption class="figure-caption image-credit mt-1" lang="en">SAMPLE image' in html
    assert figure_img["alt"] == "Un gráfico de una reducción" and "lang" not in figure_img
    assert '<p class="image-credit mb-0">Foto: MUESTRA' in html

    html = main(client.get("/taper/").content.decode())
    hero_img, figure_img = tags(html, "img")
    assert hero_img["alt"] == "Un gráfico de una reducción" and hero_img["lang"] == "es"
    assert '<figcaption class="figure-caption image-credit mt-1" lang="es">Foto: MUESTRA' in html
    assert figure_img["alt"] == "A quiet garden path" and "lang" not in figure_img
    assert '<p class="image-credit mb-0">SAMPLE image' in html


def test_a_decorative_image_carries_no_language(client, pictures):
    hero, _figure = pictures
    Image.objects.filter(pk=hero.pk).update(decorative=True, alt="")
    page = PageFactory(slug="benzos", title="Benzodiazepinas", language="es", hero_image=hero)
    publish(page)
    [img] = tags(main(client.get("/es/benzos/").content.decode()), "img")
    assert img["alt"] == "" and "lang" not in img
