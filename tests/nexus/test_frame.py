"""The frame of every page: crisis help, the call link, error pages, the health check."""

import re
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from nexus.models import WorkerHeartbeat
from nexus.tasks import HEARTBEAT_INTERVAL, heartbeat
from tests.subprocess_django import run_django

pytestmark = pytest.mark.django_db


def test_home_page_has_crisis_lines_and_call_link(client):
    html = client.get("/").content.decode()
    assert 'href="tel:911"' in html
    assert 'href="tel:988"' in html and 'href="sms:988"' in html
    assert 'href="tel:+18006624357"' in html and "1-800-662-4357" in html
    assert 'href="tel:+12025550199"' in html  # the center's number, from NEXUS_PHONE
    assert html.index('class="crisis-bar"') < html.index('id="main"'), "crisis help comes before the content"


@override_settings(NEXUS_PHONE="(555) 010-0123")
def test_call_link_follows_the_configured_phone(client):
    html = client.get("/").content.decode()
    assert 'href="tel:5550100123"' in html
    assert "(555) 010-0123" in html


def test_unknown_page_is_a_404_in_the_site_frame(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html and 'class="crisis-bar"' in html


def test_csrf_failure_is_a_403_in_the_site_frame_with_the_phone_number():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post("/admissions/", {"name": "x"})
    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert "tel:+12025550199" in response.content.decode()


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    lines = response.content.decode().splitlines()
    assert lines[:3] == ["ok", "database: ok", "cache: ok"]
    assert lines[3] == "worker: no heartbeat yet"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_reports_the_worker_heartbeat(client):
    heartbeat.enqueue()  # the immediate backend runs it at once, as a worker would
    assert "worker: ok (last beat 0 s ago)" in client.get("/healthz").content.decode()
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - timedelta(minutes=5))
    assert "worker: stale (last beat 300 s ago)" in client.get("/healthz").content.decode()


def test_a_worker_that_stopped_reads_stale_within_three_heartbeat_intervals(client):
    """One late beat is a busy worker; a beat three intervals old is no worker at all."""
    heartbeat.enqueue()
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - HEARTBEAT_INTERVAL * 3 / 2)
    assert "worker: ok" in client.get("/healthz").content.decode()
    WorkerHeartbeat.objects.update(beat_at=timezone.now() - HEARTBEAT_INTERVAL * 3)
    assert "worker: stale" in client.get("/healthz").content.decode()


def test_security_headers_on_every_response(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp
    # Django adds the nonce only when a page uses one; either way only our own scripts run.
    assert re.search(r"script-src 'self'( 'nonce-[^']+')?;", csp)
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Referrer-Policy"]


DATABASE_DOWN = {"DATABASE_URL": "postgres://nobody@127.0.0.1:9/nexus"}  # port 9 (discard) never answers


def test_healthz_is_503_when_the_database_is_down():
    result = run_django(
        "from django.test import Client\n"
        "r = Client(SERVER_NAME='localhost').get('/healthz')\n"
        "print(r.status_code, r.content.decode())\n",
        env=DATABASE_DOWN,
    )
    assert "503 database unavailable" in result.stdout, result.stderr
    assert "worker: unknown" in result.stdout


def test_500_page_renders_without_the_database():
    result = run_django(
        "from django.test import RequestFactory\n"
        "from nexus.views import server_error\n"
        "r = server_error(RequestFactory().get('/'))\n"
        "print('STATUS', r.status_code)\n"
        "print(r.content.decode())\n",
        env=DATABASE_DOWN,
    )
    assert result.returncode == 0, result.stderr
    status, html = result.stdout.split("STATUS ", 1)[1].split("\n", 1)
    assert status == "500"
    assert "tel:+12025550199" in html and 'href="tel:988"' in html and "1-800-662-4357" in html


def test_form_pages_send_no_referrer_elsewhere_and_reading_pages_a_strict_one(client):
    assert client.get("/admissions/")["Referrer-Policy"] == "same-origin"
    assert client.get("/admin/login/")["Referrer-Policy"] == "same-origin"
    assert client.get("/")["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_pages_do_not_vary_on_cookie_for_anonymous_readers(client):
    """Reading the session would add Vary: Cookie and stop a shared cache from keeping the page."""
    assert "Cookie" not in client.get("/").get("Vary", "")


def test_favicon_ico_points_at_the_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"


def test_a_path_with_control_characters_is_a_400_in_the_site_frame(client):
    response = client.get("/blog%00/")
    assert response.status_code == 400
    assert "tel:+12025550199" in response.content.decode()
