"""/media/ answers where no bucket does: local settings (make run), and the tests' live server."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from tests.images.factories import image
from tests.subprocess_django import run_django

pytestmark = pytest.mark.django_db


def test_local_settings_serve_uploaded_images_under_media(tmp_path):
    result = run_django(
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        "from django.test import Client\n"
        "name = default_storage.save('images/originals/0123abcd.jpg', ContentFile(b'JPEG bytes'))\n"
        "response = Client(HTTP_HOST='127.0.0.1').get('/media/' + name)\n"
        "print(type(default_storage._wrapped).__name__, response.status_code, response['Content-Type'],"
        " b''.join(response.streaming_content).decode())\n",
        settings="nexus.settings.local",
        env={"NEXUS_MEDIA_ROOT": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "FileSystemStorage 200 image/jpeg JPEG bytes"
    assert (tmp_path / "images/originals/0123abcd.jpg").read_bytes() == b"JPEG bytes"


def test_media_is_served_with_its_type_and_cached_for_good(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(500, 300))
    avif = picture.renditions.filter(format="avif").first()
    response = client.get(avif.file.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "image/avif"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"".join(response.streaming_content)[4:12] == b"ftypavif"


@pytest.mark.parametrize(
    "name",
    ["secrets.txt", "images/originals/../../nexus.sqlite3", "images/originals/x.svg", "pages/old.jpg", "images/"],
)
def test_nothing_but_the_librarys_own_files_is_served(client, name):
    default_storage.save("secrets.txt", ContentFile(b"no"))
    default_storage.save("pages/old.jpg", ContentFile(b"no"))
    assert client.get("/media/" + name).status_code == 404
