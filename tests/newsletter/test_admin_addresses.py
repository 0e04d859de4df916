"""Marketing's subscriber list and search: every page that shows addresses is audited, search goes by hash."""

import logging

import pytest

from newsletter import services
from newsletter.models import Subscriber
from nexus.models import AuditEvent
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.test_admin import CHANGELIST, marketing  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db
FIND = CHANGELIST + "find/"


def test_the_subscriber_list_is_audited_with_the_rows_it_showed(marketing):  # noqa: F811
    shown = SubscriberFactory.create_batch(2)
    assert marketing.get(CHANGELIST, {"status__exact": "confirmed"}).status_code == 200
    event = AuditEvent.objects.get(action=AuditEvent.Action.VIEW, object_type="newsletter.subscriber")
    assert event.actor.username == "mara"
    assert all(f"#{s.pk}" in event.detail for s in shown) and "@" not in event.detail


def test_find_by_address_posts_the_address_and_matches_any_spelling_through_the_hash(marketing, caplog):  # noqa: F811
    wanted = SubscriberFactory(email="find.me@example.com")
    SubscriberFactory(email="other@example.com")
    caplog.set_level(logging.DEBUG)
    response = marketing.post(FIND, {"email": "ＦＩＮＤ.ＭＥ@example.com"})
    html = response.content.decode()
    assert response.status_code == 200 and response.request["QUERY_STRING"] == ""
    assert f"/admin/newsletter/subscriber/{wanted.pk}/change/" in html
    assert "other" not in html and "find.me" not in html.lower()  # the term is not even echoed back
    event = AuditEvent.objects.get(detail__startswith="search by address")
    assert f"#{wanted.pk}" in event.detail and "@" not in event.detail
    assert "find.me" not in caplog.text.lower()


def test_part_of_an_address_finds_nothing(marketing):  # noqa: F811
    SubscriberFactory(email="find.me@example.com")
    html = marketing.post(FIND, {"email": "find@example.com"}).content.decode()
    assert "No subscriber has this address" in html


def test_a_search_in_the_url_filters_nothing_so_nobody_is_taught_to_put_addresses_there(marketing):  # noqa: F811
    SubscriberFactory.create_batch(2)
    response = marketing.get(CHANGELIST, {"q": "reader0@example.com"})
    assert len(response.context["cl"].result_list) == 2
    assert 'name="q"' not in response.content.decode()


def test_staff_writes_are_audited_by_the_services_not_the_admin():
    subscriber = SubscriberFactory()
    services.unsubscribe(key=subscriber.key, actor=_user())
    assert AuditEvent.objects.filter(object_id=str(subscriber.pk), detail="unsubscribed by staff").exists()
    services.unsubscribe(key=SubscriberFactory().key)  # the person's own link: nothing staff did
    assert AuditEvent.objects.count() == 1
    assert Subscriber.objects.filter(status="unsubscribed").count() == 2


def _user():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_user("sam", is_staff=True)
