"""Production's media storage, against a real S3-compatible server on this machine (moto in server
mode): an upload stored in the bucket, renditions made by the task from it, each read back over
HTTP at the URL the page prints, and the CSP allowing exactly that origin."""

import io
import json
import urllib.request

import boto3
import pytest
from django.test import override_settings
from moto.server import ThreadedMotoServer
from PIL import Image as PILImage

from content import services
from content.models import Page
from images.models import Image
from nexus.settings.base import media_storage
from tests.content.factories import PageFactory, committed
from tests.images.factories import image
from tests.images.markup import tags
from tests.subprocess_django import run_django

pytestmark = pytest.mark.django_db
BUCKET = "nexus-media-test"
PUBLIC_READ = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/images/*",
        }
    ],
}


@pytest.fixture
def endpoint():
    """A moto S3 server on a free port, for this test alone."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


@pytest.fixture
def bucket(endpoint, monkeypatch, settings):
    """The bucket, public to read as production's must be, as the default storage."""
    for name, value in {
        "NEXUS_MEDIA_S3_ACCESS_KEY_ID": "testing",
        "NEXUS_MEDIA_S3_SECRET_ACCESS_KEY": "testing",
        "NEXUS_MEDIA_S3_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    client.create_bucket(Bucket=BUCKET)
    # As docs/images.md asks of the real bucket: anyone may read the library's files, nothing else.
    client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ))
    storages = {**settings.STORAGES, "default": media_storage(BUCKET, endpoint)}
    with override_settings(STORAGES=storages):
        yield client


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own local server
        return response.headers, response.read()


def test_an_upload_and_its_renditions_round_trip_through_the_bucket(
    endpoint, bucket, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        picture = image(size=(1300, 800))
    picture = Image.objects.for_display().get(pk=picture.pk)
    assert picture.renditions_state == Image.State.READY

    keys = {item["Key"] for item in bucket.list_objects_v2(Bucket=BUCKET)["Contents"]}
    assert picture.file.name in keys
    assert {r.file.name for r in picture.renditions.all()} <= keys

    for rendition in picture.renditions.all():
        url = rendition.file.url
        assert url.startswith(f"{endpoint}/{BUCKET}/images/renditions/") and "Signature" not in url
        headers, data = fetch(url)
        assert PILImage.open(io.BytesIO(data)).size == (rendition.width, rendition.height)
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert len(data) == rendition.size

    page = PageFactory(slug="with-hero", hero_image=picture)
    with committed():
        services.publish(page=page, user=None)
    html = client.get(Page.objects.get(pk=page.pk).url_path).content.decode()
    [hero] = [img for img in tags(html, "img") if img.get("fetchpriority") == "high"]
    assert hero["src"].startswith(f"{endpoint}/{BUCKET}/")
    assert PILImage.open(io.BytesIO(fetch(hero["src"])[1])).format == "JPEG"


def test_production_settings_store_media_in_the_bucket_and_allow_only_its_origin_for_images():
    result = run_django(
        "from django.conf import settings\n"
        "from django.core.files.storage import storages\n"
        "print(type(storages['default']).__name__, settings.NEXUS_SERVE_MEDIA)\n"
        "print(' '.join(settings.SECURE_CSP['img-src']))\n",
        settings="nexus.settings.production",
        env={
            "DJANGO_SECRET_KEY": "x" * 50,
            "DJANGO_ALLOWED_HOSTS": "nexus.example",
            "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none",
            "EMAIL_URL": "smtp://127.0.0.1:1025",
            "REDIS_URL": "redis://127.0.0.1:6379/5",
            "NEXUS_FIELD_ENCRYPTION_KEYS": "ZmFrZWtleWZha2VrZXlmYWtla2V5ZmFrZWtleWZha2U=",
            "NEXUS_NEWSLETTER_HASH_KEY": "k",
            "NEXUS_INTAKE_HASH_KEY": "k",
            "NEXUS_SITE_URL": "https://nexus.example",
            "NEXUS_MEDIA_S3_BUCKET": "nexus-media",
            "NEXUS_MEDIA_S3_ENDPOINT_URL": "https://objects.example.net",
        },
    )
    assert result.returncode == 0, result.stderr
    storage, img_src = result.stdout.strip().split("\n")
    assert storage == "S3Storage False"
    assert img_src == "'self' data: https://objects.example.net/nexus-media/"


def test_without_a_bucket_images_come_from_this_site_alone():
    result = run_django("from django.conf import settings\nprint(' '.join(settings.SECURE_CSP['img-src']))\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "'self' data:"
