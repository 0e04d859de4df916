"""Sign-up does the same work for every address state, so its timing tells nobody who is subscribed.

The request path stores the request and queues one task with its id; every look-up happens in the
task. The tests compare the SQL each request runs and the task it queues across address states,
and read the task backend's own table (django_tasks_db) for the address.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.tasks import task_backends
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from newsletter import tokens
from newsletter.addresses import address_hash
from newsletter.models import SignupRequest, Subscriber, Suppression
from tests.newsletter.factories import SubscriberFactory
from tests.newsletter.helpers import post_signup

pytestmark = pytest.mark.django_db
STATES = ["new@example.com", "pending@example.com", "confirmed@example.com", "gone@example.com", "bounced@example.com"]


def every_state(client):
    SubscriberFactory(email="confirmed@example.com")
    SubscriberFactory(email="pending@example.com", status=Subscriber.Status.PENDING, confirmed_at=None)
    gone = SubscriberFactory(email="gone@example.com")
    client.post(f"/newsletter/unsubscribe/{tokens.make_unsubscribe_token(gone.key)}/")
    Suppression.objects.create(email_hash=address_hash("bounced@example.com"), reason="bounced")


def shape(sql):
    """A statement without its values (ids and ciphertexts differ from row to row by design)."""
    return re.sub(r"'[^']*'|\b\d+\b", "?", sql)


def test_every_address_state_runs_the_same_queries_and_queues_the_same_task(
    client, settings, django_capture_on_commit_callbacks
):
    every_state(client)
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    backend = task_backends["default"]
    work = {}
    for email in STATES:
        backend.clear()
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
            assert post_signup(client, email=email).status_code == 302
        [result] = backend.results
        work[email] = ([shape(q["sql"]) for q in queries.captured_queries], result.task.module_path, result.kwargs)
        assert len(result.args) == 1 and isinstance(result.args[0], int), "the task takes only an id"
    first = work["new@example.com"]
    assert first[1] == "newsletter.tasks.handle_signup" and first[0]
    for email, done in work.items():
        assert done == first, f"the request did different work for {email}"


def test_the_task_table_and_the_request_rows_never_hold_the_address(
    client, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="marker.7f3a@example.com", first_name="Markername")
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM django_tasks_database_dbtaskresult")
        tasks = repr(cursor.fetchall())
        cursor.execute("SELECT * FROM newsletter_signuprequest")
        requests = repr(cursor.fetchall())
    assert "handle_signup" in tasks and requests != "[]"
    for stored in (tasks, requests):
        assert "marker.7f3a" not in stored.lower() and "Markername" not in stored


def test_the_task_applies_the_request_once_and_forgets_it(client, django_capture_on_commit_callbacks):
    from newsletter.tasks import handle_signup

    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="reader@example.com")
    assert Subscriber.objects.with_address("reader@example.com").exists()
    assert not SignupRequest.objects.exists()
    assert handle_signup.call(1) == "skipped"  # a task run twice finds nothing left to do


def test_a_request_whose_task_never_ran_is_handled_by_the_periodic_sweep(django_capture_on_commit_callbacks):
    from newsletter.tasks import handle_waiting_signups

    left = SignupRequest.objects.create(
        email="left.behind@example.com",
        source="footer",
        consent_version="2026-11",
        created_at=timezone.now() - timedelta(minutes=6),
    )
    fresh = SignupRequest.objects.create(email="fresh@example.com", source="footer", consent_version="2026-11")
    with django_capture_on_commit_callbacks(execute=True):
        assert handle_waiting_signups.call() == 1
    assert not SignupRequest.objects.filter(pk=left.pk).exists()
    assert Subscriber.objects.with_address("left.behind@example.com").get().status == Subscriber.Status.PENDING
    assert SignupRequest.objects.filter(pk=fresh.pk).exists()  # its own task has not had its chance yet
    assert len(mail.outbox) == 1
