"""The demo's images: drawn here, plainly placeholders, on the benzodiazepine and detox pages."""

import io

import pytest
from PIL import Image as PILImage

from content import demo
from content.models import Page
from images.models import Image
from tests.images.markup import tags

pytestmark = pytest.mark.django_db


def test_the_demo_gives_two_pages_a_sample_hero_once(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
        demo.load()
    assert Image.objects.count() == 2
    for path in [demo.BENZO_PATH, "/treatment-programs/medical-detox/"]:
        hero = Page.objects.get(url_path=path).hero_image
        assert hero.renditions_state == Image.State.READY
        assert "SAMPLE" in hero.title and "placeholder" in hero.alt and "SAMPLE IMAGE" in hero.alt
        html = client.get(path).content.decode()
        [img] = [img for img in tags(html, "img") if img.get("fetchpriority") == "high"]
        assert img["alt"] == hero.alt


def test_the_placeholder_label_survives_the_hero_crop(django_capture_on_commit_callbacks):
    """The white "SAMPLE IMAGE" plate is in the 16:9 crop the hero shows, even on a phone."""
    with django_capture_on_commit_callbacks(execute=True):
        demo.load()
    hero = Page.objects.get(url_path=demo.BENZO_PATH).hero_image
    smallest = hero.renditions.filter(aspect="16:9", format="jpeg").order_by("width").first()
    with smallest.file.open("rb") as file:
        picture = PILImage.open(io.BytesIO(file.read())).convert("RGB")
    plate = picture.crop((0, 0, picture.width // 3, picture.height // 3))
    assert plate.convert("L").getextrema()[1] > 245
