"""Confirmation and unsubscribe links: signed, expiring (confirm) or lasting (unsubscribe), never an address."""

import time

import pytest
from django.core import signing

from newsletter import tokens
from newsletter.models import Subscriber, Suppression
from tests.newsletter.factories import SubscriberFactory

pytestmark = pytest.mark.django_db
DAY = 24 * 60 * 60


def pending(**kwargs):
    return SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None, **kwargs)


def test_a_confirmation_link_names_an_opaque_key_not_the_address():
    subscriber = pending(email="private.person@example.com")
    token = tokens.make_confirm_token(subscriber)
    assert "private" not in token and "example" not in token
    assert subscriber.key.hex in token


def test_a_confirmation_link_works_for_seven_days(client):
    subscriber = pending()
    token = tokens.make_confirm_token(subscriber, at=time.time() - 6 * DAY)
    assert client.post(f"/newsletter/confirm/{token}/").status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_an_expired_confirmation_link_explains_and_confirms_nothing(client):
    subscriber = pending()
    token = tokens.make_confirm_token(subscriber, at=time.time() - 8 * DAY)
    for method in (client.get, client.post):
        response = method(f"/newsletter/confirm/{token}/")
        assert response.status_code == 410
        assert "This link has expired" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


@pytest.mark.parametrize("change", ["flip", "truncate", "other-salt", "garbage"])
def test_a_tampered_confirmation_link_is_refused_with_a_clear_page(client, change):
    subscriber = pending()
    token = tokens.make_confirm_token(subscriber)
    bad = {
        "flip": token[:-1] + ("A" if token[-1] != "A" else "B"),
        "truncate": token[:20],
        "other-salt": signing.TimestampSigner(salt="other").sign(f"{subscriber.key.hex}.1"),
        "garbage": "%0d%0aSet-Cookie:x=1",
    }[change]
    response = client.post(f"/newsletter/confirm/{bad}/")
    assert response.status_code in (400, 404)
    if response.status_code == 400:
        # CR/LF in the path is refused by the site-wide middleware before the view sees it.
        expected = "could not understand that address" if change == "garbage" else "This link is not valid"
        assert expected in response.content.decode()
    assert "Set-Cookie" not in response
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_opening_a_confirmation_link_only_shows_a_button(client):
    subscriber = pending()
    response = client.get(f"/newsletter/confirm/{tokens.make_confirm_token(subscriber)}/")
    assert response.status_code == 200
    assert "Yes, subscribe me" in response.content.decode()
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.PENDING


def test_replaying_a_confirmation_is_harmless(client):
    subscriber = pending()
    url = f"/newsletter/confirm/{tokens.make_confirm_token(subscriber)}/"
    client.post(url)
    subscriber.refresh_from_db()
    first_confirmed_at = subscriber.confirmed_at
    response = client.post(url)
    assert response.status_code == 200
    assert "You have successfully subscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == first_confirmed_at


def test_a_confirmation_link_replayed_after_unsubscribing_does_not_resubscribe(client):
    subscriber = pending()
    confirm_url = f"/newsletter/confirm/{tokens.make_confirm_token(subscriber)}/"
    client.post(confirm_url)
    client.post(f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(subscriber.key)}/")
    response = client.post(confirm_url)
    assert response.status_code == 410
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_opening_an_unsubscribe_link_never_unsubscribes(client):
    subscriber = SubscriberFactory()
    response = client.get(f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(subscriber.key)}/")
    assert response.status_code == 200
    assert "Unsubscribe" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_the_unsubscribe_button_and_one_click_take_effect_at_once_with_no_cookie(client):
    first, second = SubscriberFactory.create_batch(2)
    button = client.post(f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(first.key)}/")
    one_click = client.post(
        f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(second.key)}/",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    for response in (button, one_click):
        assert response.status_code == 200
        assert "You are unsubscribed" in response.content.decode()
        assert not response.cookies
    assert set(Subscriber.objects.values_list("status", flat=True)) == {Subscriber.Status.UNSUBSCRIBED}
    assert Suppression.objects.count() == 2


def test_unsubscribe_links_do_not_expire():
    """Unsubscribe tokens carry no timestamp: a link from an issue two years old still works."""
    subscriber = SubscriberFactory()
    token = tokens.make_unsubscribe_token(subscriber.key)
    assert token.count(":") == 1  # value:signature, no timestamp part
    assert tokens.read_unsubscribe_token(token) == subscriber.key


def test_unsubscribing_twice_is_harmless(client):
    subscriber = SubscriberFactory()
    url = f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(subscriber.key)}/"
    assert client.post(url).status_code == 200
    assert client.post(url).status_code == 200
    assert Suppression.objects.count() == 1


def test_an_erased_subscribers_link_still_answers_unsubscribed(client):
    subscriber = SubscriberFactory()
    from newsletter import services

    url = f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(subscriber.key)}/"
    services.erase(subscriber=subscriber)
    response = client.post(url)
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()


def test_an_unknown_or_tampered_unsubscribe_link_gets_a_clear_page(client):
    for token in ["nonsense", tokens.make_unsubscribe_token(SubscriberFactory().key)[:-2] + "xx"]:
        response = client.post(f"/newsletter/unsubscribe/{token}/")
        assert response.status_code == 400
        assert "This link is not valid" in response.content.decode()
    assert Suppression.objects.count() == 0
