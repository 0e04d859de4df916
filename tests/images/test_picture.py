"""`{% picture %}` as a browser reads it: sources by format, widths and heights that reserve the
space, lazy below the fold and eager for the hero; until renditions exist, a box of their size
(never the original upload, which can weigh megabytes), and the renditions asked for once."""

from urllib.parse import unquote

import pytest
from django.core.files.storage import default_storage
from django.template import Context, Template

from images.models import Image
from images.tasks import make_renditions
from tests.images.factories import image
from tests.images.markup import tags

pytestmark = pytest.mark.django_db


def render(picture, arguments=""):
    fresh = Image.objects.for_display().get(pk=picture.pk)
    return Template("{% load images %}{% picture image " + arguments + " %}").render(Context({"image": fresh}))


def widths_of(srcset):
    return [int(candidate.rsplit(" ", 1)[1].rstrip("w")) for candidate in srcset.split(", ")]


def test_a_picture_offers_avif_then_webp_then_a_jpeg_img_at_every_width(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(1700, 1000))
    html = render(picture, 'sizes="100vw"')
    sources = tags(html, "source")
    assert [source["type"] for source in sources] == ["image/avif", "image/webp"]
    for source, extension in zip(sources, [".avif", ".webp"], strict=True):
        assert widths_of(source["srcset"]) == [480, 800, 1200, 1600]
        assert all(url.split(" ")[0].endswith(extension) for url in source["srcset"].split(", "))
        assert source["sizes"] == "100vw"
    [img] = tags(html, "img")
    assert widths_of(img["srcset"]) == [480, 800, 1200, 1600]
    assert img["src"].endswith("-full-800.jpg")
    assert (img["width"], img["height"]) == ("800", "471")  # the JPEG it points at, so nothing shifts
    assert img["alt"] == "A calm blue picture with a yellow square"
    assert img["loading"] == "lazy" and img["decoding"] == "async" and "fetchpriority" not in img


def test_the_hero_is_fetched_at_once_and_first_in_its_crop(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(1700, 1000))
    [img] = tags(render(picture, 'aspect="16:9" priority=True'), "img")
    assert img["fetchpriority"] == "high" and "loading" not in img
    assert (img["width"], img["height"]) == ("800", "450")
    assert "-16x9-" in img["src"]


def test_before_the_task_has_run_a_box_of_the_renditions_size_stands_in_never_the_original():
    picture = image(size=(1700, 1000))  # the transaction never commits: no renditions yet
    assert picture.renditions_state == Image.State.PENDING
    html = render(picture)
    assert picture.file.name not in html and "/media/" not in html
    assert not tags(html, "source")
    [img] = tags(html, "img")
    assert img["src"].startswith("data:image/svg+xml,") and "srcset" not in img
    # The size of the 800 px JPEG the task will make, so nothing moves when it arrives.
    assert (img["width"], img["height"]) == ("800", "471")
    assert "viewBox='0 0 800 471'" in unquote(img["src"])
    assert img["alt"] == "A calm blue picture with a yellow square"
    assert img["loading"] == "lazy"


def test_the_box_for_a_hero_has_the_crop_s_proportions():
    picture = image(size=(1700, 1000))
    [img] = tags(render(picture, 'aspect="16:9" priority=True'), "img")
    assert (img["width"], img["height"]) == ("800", "450")
    assert img["fetchpriority"] == "high"


def test_a_small_image_s_box_is_never_wider_than_the_image():
    picture = image(size=(640, 360))
    [img] = tags(render(picture), "img")
    assert (img["width"], img["height"]) == ("640", "360")


def test_a_missing_rendition_is_asked_for_once_and_then_shown(django_capture_on_commit_callbacks):
    """The queue lost the upload's task (a stack with no worker, say): the first page that shows
    the image asks for its renditions; the views after it do not ask again."""
    picture = image(size=(900, 500))
    with django_capture_on_commit_callbacks(execute=False) as asked:
        render(picture)
    assert len(asked) == 1
    with django_capture_on_commit_callbacks(execute=False) as again:
        render(picture)
        render(picture)
    assert again == []
    asked[0]()  # the request commits: the task runs (immediately in tests)
    assert Image.objects.get(pk=picture.pk).renditions_state == Image.State.READY
    [img] = tags(render(picture), "img")
    assert img["src"].endswith("-full-800.jpg") and img["srcset"]


def test_a_second_run_of_the_task_for_the_same_image_changes_nothing(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(900, 500))
    made = set(picture.renditions.values_list("pk", "file"))
    assert make_renditions.enqueue(picture.pk).status == "SUCCESSFUL"
    assert set(picture.renditions.values_list("pk", "file")) == made
    assert all(default_storage.exists(name) for _pk, name in made)


def test_after_the_task_failed_the_box_stays_and_nothing_is_asked_again(django_capture_on_commit_callbacks):
    picture = image(size=(500, 700))
    default_storage.delete(picture.file.name)
    assert make_renditions.enqueue(picture.pk).status == "FAILED"
    assert Image.objects.get(pk=picture.pk).renditions_state == Image.State.FAILED
    with django_capture_on_commit_callbacks(execute=False) as asked:
        html = render(picture, 'aspect="16:9" priority=True')
    assert asked == []  # a failure waits for staff (the admin's "make the renditions again")
    [img] = tags(html, "img")
    assert img["src"].startswith("data:") and picture.file.name not in html
    assert (img["width"], img["height"]) == ("500", "281")


def test_a_decorative_image_has_an_empty_alt():
    picture = image(decorative=True, alt="")
    [img] = tags(render(picture), "img")
    assert img["alt"] == ""


def test_an_unknown_aspect_is_a_template_error_not_a_silent_stretch():
    from django.template import TemplateSyntaxError

    with pytest.raises(TemplateSyntaxError):
        render(image(), 'aspect="4:1"')
