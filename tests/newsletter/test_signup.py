"""The sign-up form: the same answer for every address, throttled confirmations, Origin-checked, no cookies."""

import pytest
from django.core import mail
from django.core.cache import cache

from newsletter import tokens
from newsletter.addresses import address_hash
from newsletter.models import Subscriber, Suppression
from tests.cache_keys import cache_keys
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import SAME_ORIGIN, SIGNUP_URL, post_signup, signup_data

pytestmark = pytest.mark.django_db


def answer(client, email):
    """Everything the person (or anyone probing) sees: the POST response and the page it leads to."""
    response = post_signup(client, email=email)
    page = client.get(response["Location"])
    return response.status_code, response["Location"], response.cookies.output(), page.content


def test_the_answer_is_byte_for_byte_the_same_for_every_address_state(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="confirmed@example.com")
    SubscriberFactory(email="pending@example.com", status=Subscriber.Status.PENDING, confirmed_at=None)
    gone = SubscriberFactory(email="gone@example.com")
    client.post(f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(gone.key)}/")
    Suppression.objects.create(email_hash=address_hash("bounced@example.com"), reason="bounced")
    with django_capture_on_commit_callbacks(execute=True):
        answers = {
            email: answer(client, email)
            for email in [
                "new@example.com",
                "pending@example.com",
                "confirmed@example.com",
                "gone@example.com",
                "bounced@example.com",
            ]
        }
    first = answers["new@example.com"]
    assert first[0] == 302
    assert b"Check your inbox to confirm" in first[3]
    for email, result in answers.items():
        assert result == first, f"the answer differs for {email}"


def test_a_confirmed_subscriber_is_not_sent_another_confirmation(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="confirmed@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="confirmed@example.com")
    assert mail.outbox == []


def test_confirmation_emails_to_one_address_are_throttled_by_a_hash_key(client, django_capture_on_commit_callbacks):
    for email in ["Reader@example.com"] * 3 + ["reader@EXAMPLE.com"]:
        with django_capture_on_commit_callbacks(execute=True):
            post_signup(client, email=email)
    assert len(mail.outbox) == 1
    keys = cache_keys()
    assert keys and all("example.com" not in key.lower() for key in keys)
    assert any(address_hash("reader@example.com") in key for key in keys)
    assert Subscriber.objects.count() == 1


def test_a_new_sign_up_after_the_interval_sends_a_fresh_link_and_only_it_confirms(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client)
    cache.clear()
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client)
    old, new = mail.outbox
    old_path = old.body.split("/newsletter/confirm/")[1].split()[0]
    new_path = new.body.split("/newsletter/confirm/")[1].split()[0]
    assert client.post(f"/newsletter/confirm/{old_path}").status_code == 410
    assert client.post(f"/newsletter/confirm/{new_path}").status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


def test_a_bot_filling_the_honeypot_gets_the_same_answer_and_nothing_is_stored(client):
    response = post_signup(client, website="https://spam.example")
    assert response.status_code == 302 and response["Location"] == "/newsletter/check-your-inbox/"
    assert Subscriber.objects.count() == 0


def test_the_footer_form_on_every_page_carries_no_csrf_token_and_sets_no_cookie(client):
    for path in ["/newsletter/", "/newsletter/archive/"]:
        response = client.get(path)
        html = response.content.decode()
        assert 'action="/newsletter/"' in html
        assert "csrfmiddlewaretoken" not in html
        assert not response.cookies
    assert 'id="nl-footer-email"' in html


def test_sign_up_from_another_site_is_refused_in_the_site_frame(client):
    attempts = [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {},
    ]
    for headers in attempts:
        response = client.post(SIGNUP_URL, signup_data(), **headers)
        assert response.status_code == 403, headers
        assert "could not be sent" in response.content.decode()
        assert "tel:" in response.content.decode()  # the site frame, with the phone number
    assert Subscriber.objects.count() == 0


def test_sign_up_is_accepted_with_a_same_origin_referer_when_origin_is_missing(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, signup_data(), HTTP_REFERER="http://testserver/blog/")
    assert response.status_code == 302
    assert Subscriber.objects.count() == 1


def test_the_site_url_origin_is_accepted_behind_a_proxy(client, settings):
    settings.NEXUS_SITE_URL = "https://nexus.example"
    response = client.post(SIGNUP_URL, signup_data(), HTTP_ORIGIN="https://nexus.example")
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"email": "not-an-address"}, "Enter an email address like name@example.com."),
        ({"email": "a" * 250 + "@example.com"}, "That email address is too long"),
        ({"email": ""}, "Enter your email address."),
        ({"email": "reader@example.com\r\nBcc: victim@example.com"}, "Enter an email address"),
        ({"email": "reader@example.com\nBcc:x@example.com"}, "Enter an email address"),
        ({"first_name": "Alex\r\nBcc: victim@example.com"}, "Use a single line"),
        ({"first_name": "A" * 101}, "under 100 characters"),
        ({"consent": None}, "Tick the box"),
    ],
)
def test_bad_input_gets_a_clear_message_and_stores_nothing(client, overrides, message):
    response = post_signup(client, **overrides)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "There is a problem" in html
    assert Subscriber.objects.count() == 0


def test_line_breaks_in_hidden_fields_are_not_stored(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, page="/blog/\r\nX-Injected: yes", source="footer")
    assert Subscriber.objects.get().source == "footer"
    response = post_signup(client, email="other@example.com", source="footer\r\nX: y")
    assert response.status_code == 200
    assert Subscriber.objects.count() == 1


def test_an_unknown_consent_version_is_refused(client):
    response = post_signup(client, consent_version="1999-01")
    assert response.status_code == 200
    assert Subscriber.objects.count() == 0


def test_consent_records_the_wording_the_form_showed(client, django_capture_on_commit_callbacks):
    html = client.get(SIGNUP_URL).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client)
    subscriber = Subscriber.objects.get()
    assert subscriber.consent_text in html
    assert subscriber.consent_at is not None and subscriber.confirmed_at is None


def test_a_get_of_the_sign_up_page_works_and_offers_both_forms(client):
    response = client.get(SIGNUP_URL, **SAME_ORIGIN)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="nl-page-email"' in html and 'id="nl-footer-email"' in html
