"""When PostgreSQL or Redis is down, people still get the phone number, never a stack trace."""

import json
import logging

import pytest
from django.core import mail
from django.core.cache import caches
from django.utils.module_loading import import_string

from intake.models import Inquiry
from nexus.settings.base import caches_from_url
from tests.intake.helpers import inquiry_data
from tests.newsletter.helpers import post_signup
from tests.subprocess_django import run_django

DATABASE_DOWN = {"DATABASE_URL": "postgres://nobody@127.0.0.1:9/nexus"}  # port 9 never answers
REQUEST = (
    "from django.conf import settings\n"
    "settings.ROOT_URLCONF = 'tests.urls_faults'\n"
    "from django.test import Client\n"
    "client = Client(SERVER_NAME='localhost', raise_request_exception=False)\n"
)


def test_a_page_that_needs_the_database_answers_503_with_the_phone_number():
    result = run_django(
        REQUEST
        + "r = client.get('/db-read/')\nprint('STATUS', r.status_code, r['Retry-After'])\nprint(r.content.decode())",
        env=DATABASE_DOWN,
    )
    status_line, html = result.stdout.split("STATUS ", 1)[1].split("\n", 1)
    assert status_line == "503 30", result.stderr
    assert "This page is unavailable for a moment" in html
    assert "tel:+12025550199" in html and 'href="tel:988"' in html
    assert "Traceback" not in html


def test_a_form_sent_while_the_database_is_down_says_please_call():
    result = run_django(
        REQUEST + "r = client.post('/admin/login/', 'username=a&password=b', "
        "content_type='application/x-www-form-urlencoded')\n"
        "print('STATUS', r.status_code)\nprint(r.content.decode())",
        env=DATABASE_DOWN,
    )
    status_line, html = result.stdout.split("STATUS ", 1)[1].split("\n", 1)
    assert status_line == "503", result.stderr
    assert "We could not save this, please call" in html and "nothing was stored" in html


def test_redis_down_reads_as_a_miss_and_writes_are_dropped(caplog):
    """The production configuration, pointed at a port where no Redis answers."""
    config = caches_from_url("redis://127.0.0.1:9/0")["default"]
    cache = import_string(config["BACKEND"])(config["LOCATION"], config)
    with caplog.at_level(logging.WARNING, logger="nexus.cache"):
        assert cache.get("page:1", "miss") == "miss"
        cache.set("page:1", "html")
        assert cache.add("rate:abc", 1) is True
        assert cache.incr("rate:abc") == 1
        assert cache.get_many(["a", "b"]) == {}
        cache.delete("page:1")
        assert cache.get_or_set("generation", 7) == 7
    assert "ConnectionError" in caplog.text, "an outage shows in the logs"
    assert "page:1" not in caplog.text and "rate:abc" not in caplog.text, "keys are never logged"


def test_the_configured_cache_round_trips():
    """Redis in CI (REDIS_URL), local memory elsewhere: either way values come back."""
    cache = caches["default"]
    cache.set("nexus-test-key", {"a": 1}, 30)
    assert cache.get("nexus-test-key") == {"a": 1}
    cache.delete("nexus-test-key")


def test_production_logs_are_json_with_a_request_id():
    result = run_django(
        "import logging\n"
        "from django.test import Client\n"
        "r = Client(SERVER_NAME='nexus.example', HTTP_X_REQUEST_ID='abcdef12-3456', secure=True).get('/healthz')\n"
        "logging.getLogger('nexus').warning('hello')\n"
        "print('HEADER', r['X-Request-ID'])\n",
        settings="nexus.settings.production",
        env={
            "DJANGO_SECRET_KEY": "x" * 60,
            "DJANGO_ALLOWED_HOSTS": "nexus.example",
            "DATABASE_URL": "sqlite:///:memory:",
            "EMAIL_URL": "smtp://127.0.0.1:1025",
            "NEXUS_NEWSLETTER_HASH_KEY": "x" * 40,
            "NEXUS_INTAKE_HASH_KEY": "y" * 40,
            "NEXUS_FIELD_ENCRYPTION_KEYS": "bm90LXVzZWQtaW4tdGhpcy10ZXN0LW5vdC11c2VkLTA=",
            "REDIS_URL": "redis://127.0.0.1:9/0",
            "NEXUS_SITE_URL": "https://nexus.example",
        },
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    entry = json.loads(lines[-1])
    assert entry["message"] == "hello" and entry["level"] == "WARNING"
    assert "HEADER abcdef12-3456" in result.stdout


@pytest.mark.django_db
def test_with_redis_down_an_inquiry_is_stored_and_a_sign_up_is_still_confirmed(
    client, settings, django_capture_on_commit_callbacks
):
    """The production cache configuration, pointed at a port where no Redis answers."""
    settings.CACHES = caches_from_url("redis://127.0.0.1:9/0")
    response = client.post("/admissions/", inquiry_data())
    assert response.status_code == 302 and response["Location"].endswith("/admissions/thank-you/")
    assert Inquiry.objects.count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        post_signup(client, email="reader@example.com")
    assert [m.to for m in mail.outbox if "confirm" in m.subject.lower()] == [["reader@example.com"]]
