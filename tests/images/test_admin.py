"""The library's admin actions: a failed image made again, a deleted image's files gone."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from images.models import Image
from images.tasks import make_renditions
from tests.images.factories import image, photo_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "boss@example.com", "unused-password-1"))
    return client


def test_a_failed_image_is_made_again_from_the_list(staff, django_capture_on_commit_callbacks):
    picture = image(size=(700, 400))
    with default_storage.open(picture.file.name, "rb") as file:
        original = file.read()
    default_storage.delete(picture.file.name)
    assert make_renditions.enqueue(picture.pk).status == "FAILED"
    default_storage.save(picture.file.name, ContentFile(original))  # the storage is back
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(
            "/admin/images/image/", {"action": "remake_renditions", "_selected_action": [picture.pk]}, follow=True
        )
    assert "Renditions queued" in response.content.decode()
    assert Image.objects.get(pk=picture.pk).renditions_state == Image.State.READY


def test_deleting_in_the_admin_removes_the_files(staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(600, 400))
    names = [picture.file.name, *picture.renditions.values_list("file", flat=True)]
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/admin/images/image/{picture.pk}/delete/", {"post": "yes"})
    assert not Image.objects.exists()
    assert not any(default_storage.exists(name) for name in names)


def test_replacing_the_file_remakes_the_renditions_and_drops_the_old_original(
    staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(600, 400))
    old = picture.file.name
    upload = SimpleUploadedFile("new.png", photo_bytes((900, 300), format="PNG"), content_type="image/png")
    data = {"title": "New", "alt": "A wide picture", "focal_x": "0.5", "focal_y": "0.5", "language": "en"}
    data["file"] = upload
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(f"/admin/images/image/{picture.pk}/change/", data)
    assert response.status_code == 302
    picture = Image.objects.get(pk=picture.pk)
    assert (picture.width, picture.height) == (900, 300) and picture.file.name.endswith(".png")
    assert not default_storage.exists(old)
    assert max(r.width for r in picture.renditions.all()) == 900
