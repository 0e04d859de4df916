"""Multipart is accepted on the insurance form alone, up to its own limit; everything else still refuses it."""

import pytest

from intake import vob
from intake.models import Inquiry
from tests.intake.vob_helpers import INSURANCE_URL, card_jpeg, post_insurance
from tests.nexus.test_body_limits import MULTIPART, PUBLIC_POSTS, SAME_ORIGIN, multipart_upload, unread_body

pytestmark = pytest.mark.django_db


def test_the_insurance_form_accepts_a_multipart_body(client):
    response = post_insurance(client, card_front=card_jpeg())
    assert response.status_code == 302 and Inquiry.objects.count() == 1


def test_a_multipart_body_over_the_insurance_limit_is_refused_unread(client):
    response = client.post(INSURANCE_URL, **unread_body(vob.MAX_BODY_BYTES + 1, MULTIPART))
    assert response.status_code == 413
    assert "a body over 17 MB" in response.content.decode()


def test_a_multipart_body_at_the_insurance_limit_is_let_through_to_the_form():
    from django.test import RequestFactory

    from nexus.bodylimit import upload_limit

    request = RequestFactory().post(INSURANCE_URL, data=b"", content_type=MULTIPART)
    assert upload_limit(request) == vob.MAX_BODY_BYTES == 17 * 1024 * 1024


def test_a_large_urlencoded_body_to_the_insurance_form_is_still_refused(client):
    response = client.post(INSURANCE_URL, **unread_body(200 * 1024, "application/x-www-form-urlencoded"))
    assert response.status_code == 413


@pytest.mark.parametrize("path", [p for p in PUBLIC_POSTS if p != INSURANCE_URL])
def test_every_other_public_endpoint_still_refuses_multipart(client, path):
    response = client.post(path, **unread_body(2_000, MULTIPART), **SAME_ORIGIN)
    assert response.status_code == 415


@pytest.mark.parametrize("path", ["/admissions/insurance/../", "/admissions/insurance-x/", "/admissions/insurance"])
def test_paths_that_only_look_like_the_insurance_form_refuse_multipart(client, path):
    response = client.post(path, data=multipart_upload(), content_type=MULTIPART, **SAME_ORIGIN)
    assert response.status_code == 415
