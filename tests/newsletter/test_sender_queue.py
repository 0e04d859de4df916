"""Sender runs for an issue stay bounded on the durable task backend, however many scheduler rounds pass."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from newsletter import services
from newsletter.models import Delivery
from newsletter.tasks import send_issue
from tests.newsletter.factories import IssueFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def durable_tasks(settings):
    """Production's backend: enqueued sender runs wait in the database until a worker takes them."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.NEXUS_NEWSLETTER_PARALLEL_SENDS = 2


def waiting_senders():
    return DBTaskResult.objects.filter(status="READY", task_path=send_issue.module_path).count()


def run_waiting_senders():
    """What db_worker does: run each waiting sender run once."""
    for result in list(DBTaskResult.objects.filter(status="READY", task_path=send_issue.module_path)):
        DBTaskResult.objects.filter(pk=result.pk).update(status="SUCCESSFUL")
        send_issue.call(*result.args_kwargs["args"])


def test_a_delivery_waiting_for_its_retry_does_not_pile_up_sender_runs(durable_tasks):
    SubscriberFactory()
    issue = IssueFactory()
    services.start_sending(issue_id=issue.pk)
    services.enqueue_worker(issue.pk)  # what on_commit does after pressing send
    assert waiting_senders() == 2
    Delivery.objects.update(next_attempt_at=timezone.now() + timedelta(minutes=4), attempts=1)  # a 4xx earlier
    run_waiting_senders()  # they find nothing due yet
    for _minute in range(5):
        services.tend_issues()  # the scheduler's round, once a minute
    assert waiting_senders() == 0  # nothing is due: nobody is queued to wait for it

    Delivery.objects.update(next_attempt_at=timezone.now())  # the retry time has come
    for _minute in range(5):
        services.tend_issues()
    assert waiting_senders() == 2  # topped up to NEXUS_NEWSLETTER_PARALLEL_SENDS, not 2 per round
