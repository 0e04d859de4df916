"""Submitters arriving at the same moment: every lead lands, each exactly once."""

import threading

import pytest
from django.db import connection
from django.test import Client

from intake.models import Inquiry
from tests.intake.helpers import INQUIRY_URL, inquiry_data

pytestmark = pytest.mark.django_db(transaction=True)


def submit_all(bodies):
    """POST each body from its own thread and client, all released together; return the statuses."""
    # SQLite's in-memory test database allows one writer at a time: serialise the requests there.
    sqlite_lock = threading.Lock() if connection.vendor == "sqlite" else None
    barrier = threading.Barrier(len(bodies))
    statuses = []

    def post(body):
        try:
            barrier.wait()
            if sqlite_lock:
                with sqlite_lock:
                    statuses.append(Client().post(INQUIRY_URL, body).status_code)
            else:
                statuses.append(Client().post(INQUIRY_URL, body).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(body,)) for body in bodies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return statuses


def test_twenty_people_submitting_at_once_all_land_once_each(settings):
    settings.NEXUS_INTAKE_RATE_LIMIT = 1000
    bodies = [inquiry_data(name=f"Concurrent {n}", email=f"c{n}@example.com") for n in range(20)]
    assert submit_all(bodies) == [302] * 20
    assert sorted(Inquiry.objects.values_list("name", flat=True)) == sorted(f"Concurrent {n}" for n in range(20))


def test_one_form_sent_eight_times_at_once_is_one_lead(settings):
    settings.NEXUS_INTAKE_RATE_LIMIT = 1000
    body = inquiry_data()
    assert submit_all([body] * 8) == [302] * 8
    assert Inquiry.objects.count() == 1
