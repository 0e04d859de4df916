"""Hostile and malformed requests at every public form and endpoint: never a 5xx, nothing stored
from a refused request. A fixed list (over 200 requests) plus hypothesis-generated ones.
The tally by status code is written to var/hostile-input.json for the record."""

import json
import string
from collections import Counter
from pathlib import Path

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from intake.models import CallClick, Inquiry
from newsletter.models import Subscriber
from tests.intake.helpers import callback_data, inquiry_data

pytestmark = pytest.mark.django_db
ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}

PAYLOADS = {
    "crlf": "Jordan\r\nBcc: victim@example.com",
    "nul": "Jor\x00dan",
    "megabyte": "x" * 1_000_000,
    "lookalike": "аdmin@еxample.com",  # Cyrillic a and e
    "script": "<script>alert(document.cookie)</script>",
    "event_handler": '"><img src=x onerror="alert(1)">',
    "sql": "'; DROP TABLE intake_inquiry; --",
    "bidi": "abc\u202edcba",
    "template": "{{ settings.SECRET_KEY }}{% debug %}",
    "path": "../../../../etc/passwd",
    "emoji_long": "😀" * 3000,
}

INQUIRY_FIELDS = [
    "name",
    "relationship",
    "person_first_name",
    "phone",
    "email",
    "insurance_provider",
    "insurance_member_id",
    "message",
    "who_needs_help",
    "care_level",
    "best_time",
    "stamp",
    "ft_landing_path",
    "ft_referrer_origin",
    "ft_utm_source",
]
CALLBACK_FIELDS = ["name", "phone", "best_time", "stamp"]
SIGNUP_FIELDS = ["email", "first_name", "consent_version", "source", "page"]


def signup_data(**overrides):
    return {
        "email": "reader@example.com",
        "first_name": "Ana",
        "consent": "on",
        "consent_version": "2026-11",
        "source": "page",
        "page": "/newsletter/",
    } | overrides


@pytest.fixture(autouse=True)
def generous_limits(settings):
    """Rate limits are tested elsewhere; here every request must reach the validation it attacks."""
    settings.NEXUS_INTAKE_RATE_LIMIT = 1_000_000


def stored():
    return Inquiry.objects.count(), CallClick.objects.count(), Subscriber.objects.count()


class Tally:
    def __init__(self):
        self.by_status = Counter()
        self.failures = []

    def send(self, client, method, path, *, accepted, data=None, body=None, content_type=None, **extra):
        """One request: no 5xx, and the stores change only when the request was accepted."""
        before = stored()
        kwargs = dict(extra)
        if body is not None:
            kwargs |= {"data": body, "content_type": content_type or "application/x-www-form-urlencoded"}
        elif data is not None:
            kwargs["data"] = data
            if content_type:
                kwargs["content_type"] = content_type
        response = getattr(client, method)(path, **kwargs)
        self.by_status[response.status_code] += 1
        label = f"{method.upper()} {path} {str(data or body)[:60]!r}"
        if response.status_code >= 500:
            self.failures.append(f"{label}: {response.status_code}")
        elif before != stored() and not accepted(response):
            self.failures.append(f"{label}: refused with {response.status_code} but something was stored")
        return response


def thanks(response):
    return response.status_code == 302 and response["Location"].endswith("/admissions/thank-you/")


def check_inbox(response):
    return response.status_code == 302 and response["Location"].endswith("/newsletter/check-your-inbox/")


def beacon_ok(response):
    return response.status_code == 204


def nothing(response):
    return False


def test_a_fixed_list_of_hostile_requests_gets_no_5xx_and_stores_nothing_refused():
    tally = Tally()
    client = Client()
    strict = Client(enforce_csrf_checks=True)

    for field in INQUIRY_FIELDS:
        for payload in PAYLOADS.values():
            tally.send(client, "post", "/admissions/", data=inquiry_data(**{field: payload}), accepted=thanks)
    for field in CALLBACK_FIELDS:
        for payload in PAYLOADS.values():
            tally.send(client, "post", "/admissions/callback/", data=callback_data(**{field: payload}), accepted=thanks)
    for field in SIGNUP_FIELDS:
        for payload in PAYLOADS.values():
            tally.send(
                client, "post", "/newsletter/", data=signup_data(**{field: payload}), accepted=check_inbox, **ORIGIN
            )
    for payload in PAYLOADS.values():
        tally.send(client, "get", "/search/", data={"q": payload}, accepted=nothing)
        tally.send(
            client,
            "post",
            "/admissions/call-click/",
            data={"page": payload, "ft_utm_source": payload},
            accepted=beacon_ok,
            **ORIGIN,
        )
        tally.send(client, "post", "/admin/login/", data={"username": payload, "password": payload}, accepted=nothing)
        for token in (payload, "x" * 500, "a:b:c"):
            for path in (f"/newsletter/confirm/{token}/", f"/newsletter/unsubscribe/{token}/"):
                tally.send(client, "get", path, accepted=nothing)
                tally.send(client, "post", path, data={"List-Unsubscribe": "One-Click"}, accepted=nothing)

    endpoints = ["/admissions/", "/admissions/callback/", "/newsletter/", "/admissions/call-click/", "/search/"]
    for path in endpoints:
        # A beacon records that a call link was clicked, whatever else it carries (it holds no personal data).
        accepted = beacon_ok if path.endswith("call-click/") else nothing
        for method in ("put", "patch", "delete", "options"):
            tally.send(client, method, path, accepted=nothing, **ORIGIN)
        # missing every field, duplicated fields, wrong content types, invalid UTF-8, missing CSRF
        tally.send(client, "post", path, data={}, accepted=accepted, **ORIGIN)
        tally.send(client, "post", path, body="name=a&name=b&email=a@x.io&email=b@y.io", accepted=accepted, **ORIGIN)
        tally.send(
            client,
            "post",
            path,
            body=json.dumps(inquiry_data()),
            content_type="application/json",
            accepted=accepted,
            **ORIGIN,
        )
        tally.send(client, "post", path, body="just text", content_type="text/plain", accepted=accepted, **ORIGIN)
        tally.send(client, "post", path, body=b"name=\xff\xfe\xfd&email=\xc3\x28", accepted=accepted, **ORIGIN)
        tally.send(
            client,
            "post",
            path,
            body=b"\xff" * 2000,
            content_type="multipart/form-data; boundary=x",
            accepted=accepted,
            **ORIGIN,
        )
        tally.send(strict, "post", path, data=inquiry_data(), accepted=accepted)
    # the newsletter form refuses other sites (it checks Origin instead of a CSRF token)
    for origin in ("https://evil.example", "null", ""):
        tally.send(
            client,
            "post",
            "/newsletter/",
            data=signup_data(),
            accepted=nothing,
            HTTP_ORIGIN=origin,
            HTTP_SEC_FETCH_SITE="cross-site",
        )
    for path in [
        "/%00/",
        "/..%2f..%2fetc/passwd/",
        "/" + "a" * 3000 + "/",
        "/<script>/",
        "/blog/?page=-1",
        "/blog/?page=99999999999999999999",
        "/blog/?page=abc",
        "/search/?q=" + "w" * 10_000,
    ]:
        tally.send(client, "get", path, accepted=nothing)

    total = sum(tally.by_status.values())
    Path("var").mkdir(exist_ok=True)
    Path("var/hostile-input.json").write_text(json.dumps({"requests": total, "by_status": dict(tally.by_status)}))
    assert total >= 200
    assert not tally.failures, f"{len(tally.failures)} of {total}:\n" + "\n".join(tally.failures[:30])
    assert all(status < 500 for status in tally.by_status), tally.by_status


any_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=300)


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(INQUIRY_FIELDS), value=any_text)
def test_generated_inquiry_answers_never_break_the_form(field, value):
    tally = Tally()
    tally.send(Client(), "post", "/admissions/", data=inquiry_data(**{field: value}), accepted=thanks)
    assert not tally.failures, tally.failures


@hypothesis_settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(fields=st.dictionaries(st.sampled_from([*SIGNUP_FIELDS, "consent", "website"]), any_text, max_size=6))
def test_generated_newsletter_sign_ups_never_break_the_form(fields):
    tally = Tally()
    tally.send(Client(), "post", "/newsletter/", data=fields, accepted=check_inbox, **ORIGIN)
    assert not tally.failures, tally.failures


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=string.printable + "ßçø漢字\u202e", max_size=400))
def test_generated_searches_never_break_search(query):
    tally = Tally()
    tally.send(Client(), "get", "/search/", data={"q": query}, accepted=nothing)
    assert not tally.failures, tally.failures
