"""The rendition task: AVIF, WebP and JPEG at the widths the source allows, cropped around the
focal point, swapped in at once; a failed or late run leaves pages with the original."""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image as PILImage

from images import services
from images.models import Image, Rendition
from images.tasks import make_renditions
from tests.images.factories import image, photo_bytes

pytestmark = pytest.mark.django_db


def opened(rendition):
    with rendition.file.open("rb") as file:
        return PILImage.open(io.BytesIO(file.read()))


def test_renditions_are_made_once_the_upload_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(1700, 1000))
    picture.refresh_from_db()
    assert picture.renditions_state == Image.State.READY
    made = {(r.aspect, r.format, r.width) for r in picture.renditions.all()}
    widths = [480, 800, 1200, 1600]
    assert made == {(aspect, fmt, w) for aspect in ("", "16:9") for fmt in ("avif", "webp", "jpeg") for w in widths}
    for rendition in picture.renditions.all():
        decoded = opened(rendition)
        assert decoded.format == {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
        assert decoded.size == (rendition.width, rendition.height)
        assert rendition.size == default_storage.size(rendition.file.name)
        if rendition.aspect == "16:9":
            assert abs(rendition.width / rendition.height - 16 / 9) < 0.01
        else:
            assert abs(rendition.width / rendition.height - 1.7) < 0.01


def test_a_small_image_is_never_upscaled(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(600, 400))
    widths = sorted({r.width for r in picture.renditions.filter(aspect="")})
    assert widths == [480, 600]
    assert max(r.width for r in picture.renditions.all()) <= 600


def test_the_crop_keeps_the_focal_point_in_view(django_capture_on_commit_callbacks):
    # A tall picture (the yellow square at 80-90 % across, 40-60 % down) cropped to 16:9 around it.
    with django_capture_on_commit_callbacks(execute=True):
        picture = services.add_image(
            data=photo_bytes((1000, 1600)), title="Tall", alt="Tall picture", focal_x=0.85, focal_y=0.5
        )
    crop = opened(picture.renditions.get(aspect="16:9", format="jpeg", width=480)).convert("RGB")
    centre = crop.getpixel((int(crop.width * 0.85), crop.height // 2))
    assert centre[0] > 200 and centre[1] > 150 and centre[2] < 100, centre  # yellow, not the blue background
    # Moved to the top: the square is out of the crop.
    picture.focal_y = 0.0
    picture.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.schedule_renditions(image=picture)
    crop = opened(picture.renditions.get(aspect="16:9", format="jpeg", width=480)).convert("RGB")
    assert crop.getpixel((int(crop.width * 0.85), crop.height // 2))[2] > 100


def test_new_renditions_replace_the_old_ones_and_their_files(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(900, 500))
    old = list(picture.renditions.values_list("file", flat=True))
    picture.focal_x = 0.2
    picture.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.schedule_renditions(image=picture)
    new = list(picture.renditions.values_list("file", flat=True))
    assert len(new) == len(old) and not set(new) & set(old)
    assert not any(default_storage.exists(name) for name in old)
    assert all(default_storage.exists(name) for name in new)


def test_a_run_made_from_an_outdated_image_is_thrown_away(django_capture_on_commit_callbacks):
    """A worker that read the image before the editor moved its focal point must not install
    renditions of the old crop over the new ones."""
    picture = image(size=(900, 500))
    from images import renditions

    stale = renditions.make(picture)  # what a slow worker made from the old focal point
    Image.objects.filter(pk=picture.pk).update(focal_x=0.1)
    with django_capture_on_commit_callbacks(execute=True):
        make_renditions.enqueue(picture.pk)  # the run the change queued
    fresh = set(picture.renditions.values_list("file", flat=True))
    assert fresh and not fresh & {r.file.name for r in stale}
    assert Rendition.objects.filter(image=picture).count() == len(stale)


def test_a_failed_run_marks_the_image_failed(django_capture_on_commit_callbacks):
    picture = image(size=(900, 500))
    default_storage.delete(picture.file.name)  # the storage lost the original
    result = make_renditions.enqueue(picture.pk)
    assert result.status == "FAILED"
    picture = Image.objects.get(pk=picture.pk)
    assert picture.renditions_state == Image.State.FAILED
    assert not picture.renditions.exists()


def test_a_deleted_image_takes_its_files_with_it(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(700, 400))
    names = [picture.file.name, *picture.renditions.values_list("file", flat=True)]
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_image(image=picture)
    assert not any(default_storage.exists(name) for name in names)
    assert make_renditions.enqueue(picture.pk).status == "SUCCESSFUL"  # a late run for it does nothing
