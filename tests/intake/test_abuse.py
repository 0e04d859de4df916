"""Spam and abuse without puzzles: stamp, honeypot, rate limit, and idempotent submission."""

import pytest
from django.core import signing

from intake import spam
from intake.models import CallClick, Inquiry
from tests.cache_keys import cache_keys
from tests.intake.helpers import CALLBACK_URL, INQUIRY_URL, THANKS_URL, inquiry_data, stamp

pytestmark = pytest.mark.django_db


def summary_of(response):
    return " ".join(str(error) for error in response.context["form"].non_field_errors())


@pytest.mark.parametrize(
    ("form_stamp", "message"),
    [
        (lambda: stamp(age=0), "sent very quickly"),
        (lambda: stamp(age=3 * 60 * 60), "expired"),
        (lambda: stamp()[:-3] + "abc", "could not check"),
        (lambda: signing.dumps({"token": "x", "at": 0}, salt="another-salt"), "could not check"),
        (lambda: "", "could not check"),
    ],
)
def test_too_fast_stale_or_tampered_forms_are_refused_with_the_phone_number(client, form_stamp, message):
    response = client.post(INQUIRY_URL, inquiry_data(stamp=form_stamp()))
    assert response.status_code == 200
    assert message in summary_of(response)
    assert b"tel:+12025550199" in response.content
    assert not Inquiry.objects.exists()
    # The answers are kept and a fresh stamp is issued, so sending again works.
    assert response.context["form"].data["stamp"] != ""
    assert b'value="Jordan Example"' in response.content


def test_the_honeypot_stores_nothing_and_looks_like_success(client):
    response = client.post(INQUIRY_URL, inquiry_data(website="https://spam.example"))
    assert response.status_code == 302 and response["Location"] == THANKS_URL
    assert not Inquiry.objects.exists()


def test_double_submit_of_one_form_creates_one_lead_and_the_same_thank_you(client):
    data = inquiry_data()
    first = client.post(INQUIRY_URL, data)
    second = client.post(INQUIRY_URL, data)
    assert first["Location"] == second["Location"] == THANKS_URL
    assert Inquiry.objects.count() == 1


def test_two_renderings_of_the_form_are_two_leads(client):
    client.post(INQUIRY_URL, inquiry_data())
    client.post(INQUIRY_URL, inquiry_data())
    assert Inquiry.objects.count() == 2


def test_rate_limit_answers_429_with_the_phone_and_keys_the_cache_by_a_hash(client, settings):
    settings.NEXUS_INTAKE_RATE_LIMIT = 2
    for _ in range(2):
        assert client.post(CALLBACK_URL, {"stamp": stamp()}).status_code == 200
    response = client.post(INQUIRY_URL, inquiry_data())
    assert response.status_code == 429
    assert b"tel:+12025550199" in response.content
    assert not Inquiry.objects.exists()
    keys = cache_keys()
    assert keys and not any("127.0.0.1" in key for key in keys)


def test_another_client_address_has_its_own_limit(client, settings):
    settings.NEXUS_INTAKE_RATE_LIMIT = 1
    client.post(INQUIRY_URL, inquiry_data())
    assert client.post(INQUIRY_URL, inquiry_data()).status_code == 429
    assert client.post(INQUIRY_URL, inquiry_data(), REMOTE_ADDR="192.0.2.7").status_code == 302


def test_stamp_round_trip():
    token = spam.read_stamp(stamp())
    assert len(token) >= 24


def test_call_click_beacon_records_page_and_attribution_only(client):
    response = client.post(
        "/admissions/call-click/",
        {
            "page": "/blog/some-article/?q=private",
            "ft_landing_path": "/",
            "ft_utm_source": "newsletter",
            "ft_referrer_origin": "https://search.example/path?q=secret",
        },
        headers={"origin": "http://testserver"},  # as sendBeacon sends it
    )
    assert response.status_code == 204
    click = CallClick.objects.get()
    assert (click.page_path, click.landing_path, click.source) == ("/blog/some-article/", "/", "newsletter")
    assert click.referrer_origin == "https://search.example"


def test_call_click_beacon_refuses_other_origins_and_get(client):
    assert client.get("/admissions/call-click/").status_code == 405
    response = client.post("/admissions/call-click/", {"page": "/"}, headers={"origin": "https://evil.example"})
    assert response.status_code == 403
    assert not CallClick.objects.exists()


def test_without_javascript_the_form_page_records_its_own_referrer_and_utm(client):
    response = client.get(
        INQUIRY_URL + "?utm_source=flyer&utm_campaign=spring",
        headers={"referer": "https://partner.example/resources/page"},
    )
    form = response.context["form"]
    assert form.initial["ft_referrer_origin"] == "https://partner.example"
    assert form.initial["ft_utm_source"] == "flyer"
    assert form.initial["ft_landing_path"] == "/admissions/"


def test_content_pages_get_no_cookie_from_intake(client):
    """Attribution lives in the browser tab until a form is sent, so readers get no session cookie."""
    response = client.get(INQUIRY_URL)
    assert "sessionid" not in response.cookies


def test_attribution_values_are_sanitised(client):
    client.post(
        INQUIRY_URL,
        inquiry_data(
            ft_landing_path="javascript:alert(1)", ft_referrer_origin="not a url", ft_utm_source="x\x00y" * 60
        ),
    )
    inquiry = Inquiry.objects.get()
    assert inquiry.landing_path == "" and inquiry.referrer_origin == ""
    assert inquiry.utm_source == ("xy" * 50)
