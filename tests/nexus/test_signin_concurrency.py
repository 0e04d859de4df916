"""Guesses and links arriving at the same moment: the database decides, once (run on PostgreSQL)."""

import threading

import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.db.models import Sum
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus import roles, services
from tests.intake.staff import make_staff
from tests.nexus.test_signin import PASSWORD, sign_in_password

pytestmark = pytest.mark.django_db(transaction=True)


def all_at_once(calls):
    """Run each call in its own thread, all released together; return their results."""
    # SQLite's in-memory test database allows one writer at a time: serialise the calls there.
    sqlite_lock = threading.Lock() if connection.vendor == "sqlite" else threading.RLock()
    barrier = threading.Barrier(len(calls))
    results = []

    def run(call):
        try:
            barrier.wait()
            if connection.vendor == "sqlite":
                with sqlite_lock:
                    results.append(call())
            else:
                results.append(call())
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


@pytest.fixture
def nurse():
    user = make_staff("nurse", roles.ADMISSIONS)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_one_link_opened_six_times_at_once_is_spent_once(nurse):
    _, token = services.issue_enrolment_link(user=nurse)
    results = all_at_once([lambda: services.use_enrolment_link(user=nurse, token=token)] * 6)
    assert sorted(problem for _, problem in results) == [""] + ["used"] * 5
    assert TOTPDevice.objects.filter(user=nurse).count() == 1, "one secret, shown to one session"


def test_eight_wrong_codes_at_once_are_checked_once(nurse, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    device = TOTPDevice.objects.create(user=nurse, name="phone", confirmed=True)
    browsers = [Client(REMOTE_ADDR=f"203.0.113.{n}") for n in range(8)]
    for browser in browsers:
        sign_in_password(browser, "nurse")
    guesses = [lambda browser=browser: browser.post("/admin/login/code/", {"code": "000000"}) for browser in browsers]
    pages = [response.content.decode() for response in all_at_once(guesses)]
    device.refresh_from_db()
    assert device.throttling_failure_count == 1, "the others waited instead of guessing"
    assert sum("Too many wrong codes" in page for page in pages) == 7
    counted = AccessAttempt.objects.aggregate(total=Sum("failures_since_start"))["total"]
    assert counted == 1, "a try that checked no code is not a failure"
