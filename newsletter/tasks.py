"""Background work (django.tasks): tasks take ids; the database worker (`db_worker`) runs them."""

import logging
from datetime import timedelta
from smtplib import SMTPException

from django.tasks import task

from newsletter import sending, services
from newsletter.emails import confirmation_message
from newsletter.models import Subscriber
from nexus.periodic import reschedule

logger = logging.getLogger(__name__)


@task
def handle_signup(signup_id):
    """A sign-up request from the form (its id only: the address never enters the task table)."""
    return "handled" if services.handle_signup_request(signup_id=signup_id) else "skipped"


@task
def handle_waiting_signups():
    """Every five minutes: sign-up requests left behind by a task that never finished."""
    handled = services.handle_waiting_signups()
    reschedule(handle_waiting_signups, every=timedelta(minutes=5))
    return handled


@task
def send_confirmation(subscriber_id):
    """Email a confirmation link for the subscriber's latest sign-up, if it still waits for one."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return "skipped"
    try:
        confirmation_message(subscriber).send()
    except (SMTPException, OSError, ValueError) as error:
        logger.warning(
            "newsletter: confirmation email for subscriber #%s failed (%s)", subscriber_id, type(error).__name__
        )
        return "failed"
    return "sent"


@task
def send_issue(issue_id):
    """One worker's run over an issue; re-enqueues itself for retries on backends that can defer."""
    totals = sending.run_worker(issue_id=issue_id)
    retry_at = sending.next_retry_at(issue_id)
    if retry_at is not None and send_issue.get_backend().supports_defer:
        send_issue.using(run_after=retry_at).enqueue(issue_id)
    return totals


@task
def send_due_issues():
    """The scheduler's round (services.tend_issues), every minute (see nexus/periodic.py)."""
    started, resumed = services.tend_issues()
    reschedule(send_due_issues, every=timedelta(minutes=1))
    return {"started": started, "resumed": resumed}
