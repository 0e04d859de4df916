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
    """One worker's run over an issue. Deliveries waiting for a retry are picked up by the
    scheduler's round once they are due (services.tend_issues), so runs never queue up to wait."""
    return sending.run_worker(issue_id=issue_id)


def waiting_senders(issue_id):
    """Sender runs for the issue queued and not yet started (only the database backend queues)."""
    if not send_issue.get_backend().supports_defer:
        return 0
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status="READY", task_path=send_issue.module_path, args_kwargs__args__0=issue_id
    ).count()


@task
def send_due_issues():
    """The scheduler's round (services.tend_issues), every minute (see nexus/periodic.py)."""
    started, resumed = services.tend_issues()
    reschedule(send_due_issues, every=timedelta(minutes=1))
    return {"started": started, "resumed": resumed}
