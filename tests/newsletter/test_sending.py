"""Sending an issue exactly once: re-runs, two workers at once, a worker killed mid-send, SMTP failures."""

import email
import email.policy
import threading
from collections import Counter

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.utils import timezone

from newsletter import services
from newsletter.models import Delivery, Issue, Subscriber
from newsletter.sending import run_worker
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.newsletter.killing_mail import KillAfter, WorkerKilled
from tests.newsletter.smtp_sink import Sink

D = Delivery.Status


def frozen_issue(subscribers=0):
    """An issue whose audience is frozen, with no worker run yet."""
    SubscriberFactory.create_batch(subscribers)
    issue = IssueFactory()
    services.start_sending(issue_id=issue.pk)  # on_commit not run here: the test drives the workers
    return issue


def statuses(issue):
    return Counter(issue.deliveries.values_list("status", flat=True))


@pytest.mark.django_db
def test_pressing_send_freezes_only_confirmed_unsuppressed_subscribers():
    SubscriberFactory.create_batch(2)
    SubscriberFactory(status=Subscriber.Status.PENDING, confirmed_at=None)
    gone = SubscriberFactory()
    services.unsubscribe(key=gone.key)
    issue = frozen_issue()
    later = SubscriberFactory()  # confirmed after send was pressed: not in this issue's audience
    assert issue.deliveries.count() == 2
    assert not issue.deliveries.filter(subscriber=later).exists()
    assert services.start_sending(issue_id=issue.pk) == 0  # a second press adds nobody
    assert issue.deliveries.count() == 2


@pytest.mark.django_db
def test_a_re_run_of_a_finished_issue_sends_nothing():
    issue = frozen_issue(4)
    run_worker(issue_id=issue.pk)
    assert len(mail.outbox) == 4
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENDING)  # even if forced to run again
    run_worker(issue_id=issue.pk)
    assert len(mail.outbox) == 4
    assert statuses(issue) == {D.SENT: 4}


@pytest.mark.django_db
def test_someone_who_unsubscribes_after_send_was_pressed_is_skipped():
    issue = frozen_issue(3)
    leaver = Subscriber.objects.first()
    services.unsubscribe(key=leaver.key)
    run_worker(issue_id=issue.pk)
    assert len(mail.outbox) == 2
    assert leaver.email not in [m.to[0] for m in mail.outbox]
    assert statuses(issue) == {D.SENT: 2, D.SKIPPED: 1}


@pytest.mark.django_db
def test_an_erased_subscriber_is_skipped_and_the_counts_survive():
    issue = frozen_issue(2)
    services.erase(subscriber=Subscriber.objects.first())
    run_worker(issue_id=issue.pk)
    assert len(mail.outbox) == 1
    assert issue.progress()["skipped"] == 1 and issue.progress()["total"] == 2


@pytest.mark.django_db
def test_progress_counts_sent_failed_and_left():
    issue = frozen_issue(5)
    run_worker(issue_id=issue.pk, batch_size=2, max_batches=1)
    progress = Issue.objects.get(pk=issue.pk).progress()
    assert (progress["sent"], progress["left"], progress["total"]) == (2, 3, 5)
    run_worker(issue_id=issue.pk, batch_size=2)
    issue.refresh_from_db()
    assert issue.status == Issue.Status.SENT and issue.finished_at is not None
    assert issue.progress()["left"] == 0


@pytest.mark.django_db
def test_a_worker_killed_after_a_send_never_causes_a_second_copy(settings):
    issue = frozen_issue(6)
    settings.MAILERS = {"default": {"BACKEND": "tests.newsletter.killing_mail.KillAfter"}}
    KillAfter.sent, KillAfter.limit = 0, 3
    with pytest.raises(WorkerKilled):
        run_worker(issue_id=issue.pk, batch_size=4)
    assert statuses(issue) == {D.SENT: 2, D.SENDING: 2, D.QUEUED: 2}  # the 3rd left, unrecorded

    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    run_worker(issue_id=issue.pk, batch_size=4)  # restarted at once: the claimed rows are left alone
    assert statuses(issue) == {D.SENT: 4, D.SENDING: 2}

    settings.NEXUS_NEWSLETTER_CLAIM_TIMEOUT = 0  # later: the claim has timed out
    run_worker(issue_id=issue.pk)
    # Only the row in flight at the kill is in doubt; the untried one after it is sent now.
    assert statuses(issue) == {D.SENT: 5, D.UNKNOWN: 1}
    per_person = Counter(m.to[0] for m in mail.outbox)
    assert len(per_person) == 6 and max(per_person.values()) == 1  # 3 before the kill + 3 after
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


@pytest.mark.django_db
def test_staff_can_resend_unknown_deliveries_they_checked(admin_client, settings):
    issue = frozen_issue(1)
    Delivery.objects.update(status=D.UNKNOWN)
    Issue.objects.filter(pk=issue.pk).update(status=Issue.Status.SENT)
    response = admin_client.post(
        "/admin/newsletter/delivery/",
        {"action": "requeue", "_selected_action": list(Delivery.objects.values_list("pk", flat=True))},
    )
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert statuses(issue) == {D.SENT: 1}


@pytest.mark.django_db
def test_two_workers_taking_turns_batch_by_batch_never_send_twice():
    """The claim protocol step by step (runs on every database): a claimed row is nobody else's."""
    issue = frozen_issue(9)
    for _round in range(3):
        run_worker(issue_id=issue.pk, batch_size=2, max_batches=1, worker="first")
        run_worker(issue_id=issue.pk, batch_size=2, max_batches=1, worker="second")
    run_worker(issue_id=issue.pk, batch_size=2, worker="second")
    per_person = Counter(m.to[0] for m in mail.outbox)
    assert len(per_person) == 9 and set(per_person.values()) == {1}
    assert set(Delivery.objects.values_list("claimed_by", flat=True)) == {"first", "second"}


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_deliver_exactly_one_email_per_subscriber(settings):
    """On PostgreSQL both run at once (SKIP LOCKED); SQLite's in-memory test database locks whole
    tables, so there they take turns, and the outcome must be the same."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # only our two run
    issue = frozen_issue(60)
    assert mail.outbox == []
    at_once = connection.vendor == "postgresql"
    start = threading.Barrier(2 if at_once else 1)
    results, errors = [], []

    def worker(name):
        try:
            start.wait()
            results.append(run_worker(issue_id=issue.pk, batch_size=5, worker=name))
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            if at_once:
                connection.close()

    threads = [threading.Thread(target=worker, args=(f"worker-{n}",)) for n in (1, 2)]
    for thread in threads:
        thread.start()
        if not at_once:
            thread.join()
    for thread in threads:
        thread.join()
    assert errors == []
    per_person = Counter(m.to[0] for m in mail.outbox)
    assert len(per_person) == 60 and set(per_person.values()) == {1}
    assert sum(result["sent"] for result in results) == 60
    assert statuses(issue) == {D.SENT: 60}


@pytest.mark.django_db
def test_a_real_smtp_run_uses_one_connection_per_batch_and_sends_both_unsubscribe_headers(settings):
    issue = frozen_issue(7)
    settings.NEXUS_SITE_URL = "https://nexus.example"
    with Sink() as sink:
        settings.MAILERS = sink.mailers
        totals = run_worker(issue_id=issue.pk, batch_size=5)
    assert totals["sent"] == 7 and totals["batches"] == 2
    assert len(sink.handler.peers) == 2  # one SMTP connection per batch, not per message
    assert sorted(sink.handler.recipients()) == sorted(Subscriber.objects.values_list("email", flat=True))
    _rcpts, message = sink.handler.messages[0]
    assert message["List-Unsubscribe"].startswith("<https://nexus.example/newsletter/unsubscribe/")
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message["List-Id"]
    assert message["Message-ID"] in set(Delivery.objects.values_list("message_id", flat=True))
    assert message.is_multipart()


@pytest.mark.django_db
def test_names_that_need_encoding_and_long_paragraphs_arrive_intact_over_smtp(settings):
    accented = SubscriberFactory(first_name="Zoë & Bo")
    issue = IssueFactory(body="# News\n\n" + "A long paragraph about recovery, ünïcode too. " * 60)
    services.start_sending(issue_id=issue.pk)
    with Sink() as sink:
        settings.MAILERS = sink.mailers
        run_worker(issue_id=issue.pk)
    [(_rcpts, message)] = sink.handler.messages
    message = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    text = next(p.get_content() for p in message.walk() if p.get_content_type() == "text/plain")
    assert "Hello Zoë & Bo," in text
    paragraph = [line for line in text.splitlines() if "paragraph about recovery" in line]
    assert len(paragraph) > 10 and max(len(line) for line in paragraph) <= 78
    assert str(accented.key.hex) in message["List-Unsubscribe"]


@pytest.mark.django_db
def test_a_temporary_refusal_is_retried_later_and_a_permanent_one_fails(settings):
    issue = frozen_issue(3)
    later, bad, good = Subscriber.objects.order_by("pk")
    with Sink() as sink:
        sink.handler.refuse_temporarily.add(later.email)
        sink.handler.refuse_permanently.add(bad.email)
        settings.MAILERS = sink.mailers
        totals = run_worker(issue_id=issue.pk)
        assert (totals["sent"], totals["failed"], totals["retry"]) == (1, 1, 1)
        waiting = Delivery.objects.get(subscriber=later)
        assert waiting.status == D.QUEUED and waiting.next_attempt_at > timezone.now()
        assert waiting.error == "SMTPRecipientsRefused" and later.email not in waiting.error
        assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENDING

        sink.handler.refuse_temporarily.clear()
        Delivery.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())  # the backoff has passed
        run_worker(issue_id=issue.pk)
    assert Counter(sink.handler.recipients()) == {good.email: 1, later.email: 1}
    assert statuses(issue) == {D.SENT: 2, D.FAILED: 1}
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT


@pytest.mark.django_db
def test_a_server_that_hangs_up_mid_batch_leaves_one_unknown_and_sends_the_rest_once(settings):
    issue = frozen_issue(5)
    with Sink() as sink:
        sink.handler.hang_up_after = 2
        settings.MAILERS = sink.mailers
        totals = run_worker(issue_id=issue.pk, batch_size=10)
        assert (totals["sent"], totals["unknown"], totals["retry"]) == (2, 1, 2)
        sink.handler.hang_up_after = None
        Delivery.objects.filter(status=D.QUEUED).update(next_attempt_at=timezone.now())
        run_worker(issue_id=issue.pk, batch_size=10)
    assert statuses(issue) == {D.SENT: 4, D.UNKNOWN: 1}
    assert max(Counter(sink.handler.recipients()).values()) == 1


@pytest.mark.django_db
def test_an_unreachable_mail_server_sends_nothing_and_keeps_every_row_queued(settings):
    issue = frozen_issue(3)
    sink = Sink()  # never started: nothing listens on its port
    settings.MAILERS = sink.mailers
    totals = run_worker(issue_id=issue.pk)
    assert totals["retry"] == 3
    assert statuses(issue) == {D.QUEUED: 3}


@pytest.mark.django_db
def test_the_scheduler_settles_a_dead_workers_deliveries_and_finishes_the_issue(settings):
    from django.core.management import call_command

    issue = frozen_issue(2)
    now = timezone.now()
    Delivery.objects.update(status=D.SENDING, claimed_by="dead", claimed_at=now)
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(handed_over_at=now)  # it died sending this one
    settings.NEXUS_NEWSLETTER_CLAIM_TIMEOUT = 0
    call_command("send_due_issues")
    assert statuses(issue) == {D.UNKNOWN: 1, D.SENT: 1}  # the untried row was queued and sent
    assert Issue.objects.get(pk=issue.pk).status == Issue.Status.SENT
    assert len(mail.outbox) == 1


class StallOnSecond(EmailBackend):
    """Django's in-memory mailer whose worker stalls on its second message, long past the claim
    timeout: while it waits, `meanwhile` runs (another worker, the scheduler)."""

    meanwhile = None
    calls = 0

    def send_messages(self, messages):
        StallOnSecond.calls += 1
        if StallOnSecond.calls == 2 and StallOnSecond.meanwhile:
            StallOnSecond.meanwhile()
        return super().send_messages(messages)


@pytest.mark.django_db
def test_a_worker_stalled_past_its_claim_never_sends_what_another_worker_took_over(settings):
    issue = frozen_issue(6)
    settings.MAILERS = {"default": {"BACKEND": "tests.newsletter.test_sending.StallOnSecond"}}
    StallOnSecond.calls = 0
    others = []

    def another_worker_runs_after_the_timeout():
        settings.NEXUS_NEWSLETTER_CLAIM_TIMEOUT = 0  # the stall outlasts the claim
        settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
        others.append(run_worker(issue_id=issue.pk, worker="second"))

    StallOnSecond.meanwhile = another_worker_runs_after_the_timeout
    slow = run_worker(issue_id=issue.pk, worker="slow", batch_size=6, max_batches=1)
    per_person = Counter(m.to[0] for m in mail.outbox)
    assert len(per_person) == 6 and max(per_person.values()) == 1
    # The slow worker finished the message it had in hand and recorded it; the rest were the other's.
    assert statuses(issue) == {D.SENT: 6}
    assert (slow["sent"], others[0]["sent"]) == (2, 4)
