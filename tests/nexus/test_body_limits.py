"""Public endpoints refuse file uploads and large bodies from the headers alone, before any byte
of the body is read (nothing is parsed, nothing spooled to disk); staff in the admin are exempt."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from intake.models import CallClick, Inquiry
from newsletter.models import Subscriber
from tests.intake.helpers import inquiry_data

pytestmark = pytest.mark.django_db
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
PUBLIC_POSTS = [
    "/admissions/",
    "/admissions/callback/",
    "/admissions/call-click/",
    "/newsletter/",
    "/newsletter/confirm/abc/",
    "/newsletter/unsubscribe/abc/",
    "/search/",
    "/",
    "/admin/login/",  # public too: anyone can reach the sign-in page
]
BOUNDARY = "nexusboundary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


class Unreadable:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def unread_body(length, content_type):
    return {"wsgi.input": Unreadable(), "CONTENT_LENGTH": str(length), "CONTENT_TYPE": content_type}


def multipart_upload(email="reader@example.com"):
    lines = [
        f"--{BOUNDARY}",
        'Content-Disposition: form-data; name="email"',
        "",
        email,
        f"--{BOUNDARY}",
        'Content-Disposition: form-data; name="consent"',
        "",
        "on",
        f"--{BOUNDARY}",
        'Content-Disposition: form-data; name="attachment"; filename="big.bin"',
        "Content-Type: application/octet-stream",
        "",
        "x" * 10_000,
        f"--{BOUNDARY}--",
        "",
    ]
    return "\r\n".join(lines)


def stored():
    return Inquiry.objects.count(), CallClick.objects.count(), Subscriber.objects.count()


@pytest.mark.parametrize("path", PUBLIC_POSTS)
def test_a_300_megabyte_body_is_refused_unread(client, path):
    response = client.post(path, **unread_body(300 * 1024 * 1024, "application/x-www-form-urlencoded"), **SAME_ORIGIN)
    assert response.status_code == 413
    assert settings.NEXUS_PHONE in response.content.decode()


@pytest.mark.parametrize("path", PUBLIC_POSTS)
def test_a_multipart_body_is_refused_unread_whatever_its_size(client, path):
    response = client.post(path, **unread_body(2_000, MULTIPART), **SAME_ORIGIN)
    assert response.status_code == 415


def test_the_newsletter_sign_up_takes_no_upload(client):
    before = stored()
    response = client.post("/newsletter/", data=multipart_upload(), content_type=MULTIPART, **SAME_ORIGIN)
    assert response.status_code == 415
    assert "file upload" in response.content.decode() and "nothing was stored" in response.content.decode()
    assert stored() == before


def test_the_largest_valid_inquiry_fits_under_the_limit(client, settings):
    """5,000 four-byte characters (12 bytes each, percent-encoded) and every other field at its longest."""
    longest = inquiry_data(message="😀" * 5000, name="n" * 100, relationship="r" * 100, person_first_name="p" * 100)
    longest |= {"insurance_provider": "i" * 100, "insurance_member_id": "m" * 50, "email": "e" * 64 + "@example.com"}
    response = client.post("/admissions/", longest)
    assert response.status_code == 302 and response["Location"].endswith("/admissions/thank-you/")
    assert Inquiry.objects.count() == 1


def test_signed_in_staff_may_send_the_admin_a_multipart_body():
    staff = get_user_model().objects.create_user("editor", password="a-long-password-1", is_staff=True)
    client = Client()
    client.force_login(staff)
    response = client.post("/admin/", data=multipart_upload(), content_type=MULTIPART)
    assert response.status_code not in (413, 415)
    public = client.post("/newsletter/", data=multipart_upload(), content_type=MULTIPART, **SAME_ORIGIN)
    assert public.status_code == 415, "staff are exempt in the admin only"
