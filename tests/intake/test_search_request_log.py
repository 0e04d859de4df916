"""A lead search through runserver's own request handler: the request log never holds the term."""

import logging
import threading
import urllib.parse
import urllib.request

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer, WSGIRequestHandler
from django.core.wsgi import get_wsgi_application
from django.test import Client

from tests.intake.factories import InquiryFactory

pytestmark = pytest.mark.django_db(transaction=True)
SECRETS = ["2025550144", "5550144", "555-0144", "555%200144", "log.me", "log.me%40"]


@pytest.fixture
def server():
    """Django's development server (the one `make run` starts) with its request log on."""
    httpd = ThreadedWSGIServer(("127.0.0.1", 0), WSGIRequestHandler, allow_reuse_address=True)
    httpd.set_app(get_wsgi_application())
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def request_log():
    lines = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())
    logger = logging.getLogger("django.server")
    logger.addHandler(handler)
    yield lines
    logger.removeHandler(handler)


def test_the_request_log_shows_the_search_path_never_the_term(server, request_log, coordinator, settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    lead = InquiryFactory(phone="+12025550144", email="log.me@example.com")
    signed_in = Client()
    signed_in.force_login(coordinator)
    csrf = "a" * 32  # an unmasked CSRF secret, sent as cookie and field alike
    opener = urllib.request.build_opener()
    opener.addheaders = [("Cookie", f"sessionid={signed_in.cookies['sessionid'].value}; csrftoken={csrf}")]
    for term in ["(202) 555-0144", "log.me@example.com"]:
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf, "term": term}).encode()
        search = urllib.request.Request(f"{server}/admin/intake/inquiry/search/", data=body)  # noqa: S310 - http://127.0.0.1
        found = opener.open(search).read()
        assert f"/admin/intake/inquiry/{lead.pk}/change/" in found.decode()
    logged = "\n".join(request_log)
    assert "POST /admin/intake/inquiry/search/" in logged
    assert not [secret for secret in SECRETS if secret in logged], logged
