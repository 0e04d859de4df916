"""The public inquiry form: the rules of each answer, and what a valid POST stores."""

import re

import pytest

from intake.forms import CONSENT_VERSION
from intake.models import Inquiry
from tests.intake.helpers import INQUIRY_URL, THANKS_URL, inquiry_data

pytestmark = pytest.mark.django_db


def test_form_page_shows_the_fields_with_labels_autocomplete_and_optional_markers(client):
    response = client.get(INQUIRY_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    assert 'autocomplete="tel"' in html and 'autocomplete="email"' in html and 'autocomplete="name"' in html
    assert "Insurance provider (optional)" in html
    assert "Email address (optional)" in html
    assert re.search(r'name="privacy_consent"[^>]*checked', html) is None
    assert 'name="stamp"' in html and 'name="website"' in html


def test_valid_inquiry_is_stored_once_with_e164_phone_and_consent_times(client):
    response = client.post(INQUIRY_URL, inquiry_data(reminder_consent="on"))
    assert response.status_code == 302
    assert response["Location"] == THANKS_URL
    inquiry = Inquiry.objects.get()
    assert inquiry.phone == "+12025550142"
    assert inquiry.email == "jordan@example.com"
    assert inquiry.substances == ["benzodiazepines", "alcohol"]
    assert inquiry.consent_version == CONSENT_VERSION
    assert inquiry.privacy_consent_at and inquiry.contact_consent_at and inquiry.reminder_consent_at
    assert inquiry.voicemail_ok is False
    assert inquiry.status == Inquiry.Status.NEW
    assert (inquiry.landing_path, inquiry.source) == ("/benzodiazepine-addiction-treatment/", "search")
    assert inquiry.status_changes.count() == 1


def test_reminder_consent_is_optional_and_left_empty_when_not_ticked(client):
    client.post(INQUIRY_URL, inquiry_data())
    assert Inquiry.objects.get().reminder_consent_at is None


def test_email_alone_is_enough(client):
    assert client.post(INQUIRY_URL, inquiry_data(phone="")).status_code == 302
    assert Inquiry.objects.get().phone == ""


def errors_of(response):
    return [str(error) for errors in response.context["form"].errors.values() for error in errors]


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"phone": "", "email": ""}, "Enter a phone number or an email address"),
        ({"phone": "12"}, "Enter a phone number with its area code"),
        ({"phone": "call me maybe"}, "Enter a phone number with its area code"),
        ({"email": "not-an-email"}, "Enter a valid email address"),
        ({"message": "x" * 5001}, "at most 5000 characters"),
        ({"name": "Jordan\x07 Example"}, "control"),
        ({"message": "hello\x00there"}, "control"),
        ({"name": "Jordan\u202eelpmaxE"}, "control"),
        ({"name": ""}, "Enter your name"),
        ({"in_danger": None}, "Select yes if anyone is in immediate danger"),
        ({"privacy_consent": None}, "privacy notice"),
        ({"contact_consent": None}, "contact you"),
        ({"substances": ["heroin-ish"]}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message_and_nothing_stored(client, overrides, message):
    response = client.post(INQUIRY_URL, inquiry_data(**overrides))
    assert response.status_code == 200
    assert any(message in error for error in errors_of(response)), errors_of(response)
    assert not Inquiry.objects.exists()


def test_errors_follow_the_gov_uk_pattern(client):
    sent = inquiry_data(phone="12", name="")
    response = client.post(INQUIRY_URL, sent)
    html = response.content.decode()
    assert "<title>Error: " in html
    assert "There is a problem" in html
    assert 'tabindex="-1" autofocus data-error-summary' in html
    assert '<a href="#id_phone">Enter a phone number with its area code' in html
    assert '<a href="#id_name">Enter your name</a>' in html
    assert 'aria-describedby="id_phone_error' in html or 'aria-describedby="id_phone_helptext id_phone_error' in html
    # The re-rendered form keeps the answers (the wrong one too, to correct it) and gets a fresh stamp.
    assert re.search(r'name="relationship"[^>]*value="Sibling"', html)
    assert re.search(r'name="phone"[^>]*value="12"', html)
    assert re.search(r'name="email"[^>]*value="jordan@example.com"', html)
    stamps = re.findall(r'name="stamp" value="([^"]+)"', html)
    assert len(stamps) == 1 and stamps[0] != sent["stamp"]


def test_missing_danger_answer_links_to_the_first_radio(client):
    html = client.post(INQUIRY_URL, inquiry_data(in_danger=None)).content.decode()
    assert '<a href="#id_in_danger_0">' in html


def test_wrong_method_is_405(client):
    assert client.put(INQUIRY_URL).status_code == 405
    assert client.delete(INQUIRY_URL).status_code == 405
    assert client.post(THANKS_URL).status_code == 405


def test_missing_or_wrong_csrf_token_gets_the_403_page_with_the_phone():
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    for extra in ({}, {"csrfmiddlewaretoken": "wrong"}):
        response = strict.post(INQUIRY_URL, inquiry_data(**extra))
        assert response.status_code == 403
        assert b"tel:+12025550199" in response.content
    assert not Inquiry.objects.exists()


def test_danger_yes_is_stored_as_urgent_and_the_thank_you_page_says_what_to_do(client):
    response = client.post(INQUIRY_URL, inquiry_data(in_danger="yes"), follow=True)
    html = response.content.decode()
    assert Inquiry.objects.get().in_danger is True
    assert "You told us someone is in immediate danger" in html
    assert 'href="tel:911"' in html
    # A reload no longer shows the urgent message: the page holds no state of its own.
    assert "immediate danger" not in client.get(THANKS_URL).content.decode().split("<main")[1].split("If you need")[0]


def test_the_form_shows_crisis_help_beside_the_danger_question_without_javascript(client):
    html = client.get(INQUIRY_URL).content.decode()
    assert 'id="danger-help"' in html and " hidden" not in html.split('id="danger-help"')[1].split(">")[0]


def test_thank_you_page_is_not_cached_not_indexed_and_shows_no_personal_data(client):
    response = client.post(INQUIRY_URL, inquiry_data(), follow=True)
    html = response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"].startswith("noindex")
    assert '<meta name="robots" content="noindex">' in html
    for personal in ["Jordan", "Sam", "jordan@example.com", "0142", "Example Health", "XE123456789"]:
        assert personal not in html
    assert "What happens next" in html and "tel:+12025550199" in html and 'href="tel:988"' in html
