"""The fault suite: hypothesis drives sending with 1-4 workers, worker deaths, stalls longer than
the claim timeout, SMTP 4xx, 5xx and hang-ups, on real rows and a real SMTP server, and checks
the promise: nobody gets two copies, every delivery ends sent, failed, skipped or unknown, and
each unknown is owed to one moment nobody can know about (a worker that died mid-message, or a
server that hung up after taking the message).

Workers are threads with their own database connection and SMTP connection. A stall runs the
other side of the race while the stalled worker waits past the claim timeout: another worker
(as many as the example's worker count allows at once) or the scheduler's round.
"""

import threading
import time
from collections import Counter

import pytest
from django.db import connection
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test

from newsletter import services
from newsletter.models import Delivery, Issue, Subscriber, Suppression
from newsletter.sending import run_worker, worker_name
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.newsletter.fault_smtp import FaultyServer, WorkerKilled, script
from tests.newsletter.smtp_sink import Sink

D = Delivery.Status
CLAIM_TIMEOUT = 0.05  # seconds; a stall waits longer than this
FINAL = {D.SENT, D.FAILED, D.SKIPPED, D.UNKNOWN}
FIGURES = Counter()

simple_step = st.sampled_from(["ok", "die-after", "die-before"])
stall_step = st.tuples(
    st.sampled_from(["stall-before", "stall-after"]),
    st.sampled_from(["worker", "scheduler"]),
    st.lists(simple_step, max_size=4),
)
scripts = st.lists(st.one_of(simple_step, stall_step), max_size=6)


class SendingUnderFaults(RuleBasedStateMachine):
    server = None  # set by the test: the FaultyServer behind the mailer

    @initialize(audience=st.integers(3, 14), workers=st.integers(1, 4), batch=st.integers(1, 5))
    def press_send(self, audience, workers, batch):
        self.server.reset()
        Issue.objects.all().delete()
        Subscriber.objects.all().delete()
        Suppression.objects.all().delete()
        audience = SubscriberFactory.create_batch(audience)
        self.addresses, self.keys = [s.email for s in audience], [s.key for s in audience]
        # Unsubscribing blanks the stored address: remember whose copy is whose.
        self.address_of = {s.pk: s.email for s in audience}
        self.issue_id = IssueFactory().pk
        services.start_sending(issue_id=self.issue_id)
        self.workers, self.batch, self.running, self.deaths = workers, batch, 0, 0
        FIGURES["examples"] += 1
        FIGURES[f"examples with {workers} worker(s)"] += 1

    # what happens -----------------------------------------------------------------------------

    @rule(who=st.integers(0, 13), kind=st.sampled_from(["4xx", "5xx", "421", "hang-up"]))
    def the_mail_server_misbehaves_for_someone(self, who, kind):
        self.server.add_fault(self.addresses[who % len(self.addresses)], kind)
        FIGURES[f"SMTP {kind}"] += 1

    @rule(steps=scripts)
    def a_worker_runs(self, steps):
        self.run_worker(steps)

    @rule()
    def time_passes_and_the_scheduler_runs(self):
        self.time_passes()
        services.tend_issues()

    @rule(who=st.integers(0, 13))
    def someone_unsubscribes(self, who):
        services.unsubscribe(key=self.keys[who % len(self.keys)])

    # how -----------------------------------------------------------------------------------

    def time_passes(self):
        """Every claim left behind times out and every backoff passes."""
        time.sleep(CLAIM_TIMEOUT * 1.5)
        Delivery.objects.filter(issue_id=self.issue_id, status=D.QUEUED).update(next_attempt_at=timezone.now())

    def run_worker(self, steps):
        """One worker run in its own thread (own database and SMTP connections); a stall in it
        runs the other side of the race before it goes on."""
        outcome = {}
        steps = [self.stall(step) if isinstance(step, tuple) else step for step in steps]

        def work():
            script.steps = steps
            try:
                run_worker(issue_id=self.issue_id, batch_size=self.batch, worker=worker_name())
            except WorkerKilled:
                outcome["died"] = True
            finally:
                connection.close()

        self.running += 1
        thread = threading.Thread(target=work)
        thread.start()
        thread.join()
        self.running -= 1
        if outcome.get("died"):
            self.deaths += 1
            FIGURES["worker deaths"] += 1

    def stall(self, step):
        moment, meanwhile, steps = step

        def while_stalled():
            FIGURES["stalls past the claim timeout"] += 1
            time.sleep(CLAIM_TIMEOUT * 1.5)
            if meanwhile == "worker" and self.running < self.workers:
                self.run_worker(steps)
            elif meanwhile == "scheduler":
                services.tend_issues()

        return (moment, while_stalled)

    # the promise ------------------------------------------------------------------------------

    @invariant()
    def nobody_gets_two_copies(self):
        twice = [address for address, copies in self.server.copies.items() if copies > 1]
        FIGURES["copies sent twice"] += len(twice)
        assert twice == []

    def teardown(self):
        """The faults end; workers and the scheduler carry on until nothing is left to send."""
        if not hasattr(self, "issue_id"):
            return
        self.server.reset_faults()
        for _round in range(12):
            if not Delivery.objects.filter(issue_id=self.issue_id, status__in=[D.QUEUED, D.SENDING]).exists():
                break
            self.time_passes()
            services.tend_issues()
            self.run_worker([])
        deliveries = list(Delivery.objects.filter(issue_id=self.issue_id).select_related("subscriber"))
        status = Counter(d.status for d in deliveries)
        FIGURES.update({f"ended {name}": count for name, count in status.items()})
        assert set(status) <= FINAL, status
        assert Issue.objects.get(pk=self.issue_id).status == Issue.Status.SENT
        copies = self.server.copies
        assert max(copies.values(), default=0) <= 1
        for delivery in deliveries:
            received = copies[self.address_of[delivery.subscriber_id]]
            if delivery.status == D.SENT:
                assert received == 1, "recorded sent, but the server has no copy"
            elif delivery.status in (D.FAILED, D.SKIPPED):
                assert received == 0, f"recorded {delivery.status}, but the server has a copy"
        assert status[D.UNKNOWN] <= self.deaths + self.server.hang_ups_after_data


@pytest.mark.django_db(transaction=True)
def test_sending_keeps_its_promise_under_deaths_stalls_and_smtp_faults(settings_override):
    with Sink(FaultyServer()) as sink:
        settings_override.MAILERS = {"default": sink.mailers["default"] | {"BACKEND": FAULTY_MAILER}}
        SendingUnderFaults.server = sink.handler
        run_state_machine_as_test(
            SendingUnderFaults,
            settings=settings(
                max_examples=12,
                stateful_step_count=8,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
            ),
        )
    print("\nfault suite:", dict(sorted(FIGURES.items())))
    assert FIGURES["examples"] >= 12 and FIGURES["copies sent twice"] == 0


FAULTY_MAILER = "tests.newsletter.fault_smtp.FaultyMailer"


@pytest.fixture
def settings_override(settings):
    settings.NEXUS_NEWSLETTER_CLAIM_TIMEOUT = CLAIM_TIMEOUT
    settings.NEXUS_NEWSLETTER_MAX_ATTEMPTS = 3
    # Only the suite's own workers send: the scheduler's queued runs go nowhere.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    return settings


@pytest.mark.django_db(transaction=True)
def test_a_slow_worker_s_retry_after_another_finished_the_issue_is_still_sent(settings_override):
    """Found by the suite once the branches met: worker A stalls mid-message, worker B takes A's
    row for unknown, sends the rest and finishes the issue; then A's message is refused with a
    4xx and A re-queues it. The issue must go back to sending, or that person never gets it."""
    with Sink(FaultyServer()) as sink:
        settings_override.MAILERS = {"default": sink.mailers["default"] | {"BACKEND": FAULTY_MAILER}}
        SendingUnderFaults.server = sink.handler
        machine = SendingUnderFaults()
        machine.press_send(audience=3, workers=2, batch=1)
        machine.the_mail_server_misbehaves_for_someone(kind="4xx", who=1)
        machine.a_worker_runs(steps=["ok", ("stall-before", "worker", [])])
        assert Issue.objects.get(pk=machine.issue_id).status == Issue.Status.SENDING
        machine.teardown()
        assert sorted(sink.handler.copies.values()) == [1, 1, 1]
