"""Searching leads by phone or email: the term is POSTed and reaches no URL, log or audit detail."""

import logging
import re
from urllib.parse import unquote

import pytest

from nexus.models import AuditEvent
from tests.intake.factories import InquiryFactory
from tests.intake.staff import change_form

pytestmark = pytest.mark.django_db
CHANGELIST = "/admin/intake/inquiry/"
SEARCH = CHANGELIST + "search/"
URL_ATTRIBUTE = re.compile(r'(?:href|action|src|formaction|data-[\w-]+)="([^"]*)"')


# The lead page's call, text and email links hand the number to the phone or mail app: the
# browser never requests them, so they reach no server, log or history (issue #12 asks for them).
DEVICE_SCHEMES = ("tel:", "sms:", "mailto:")


def urls_in(response):
    """Every URL a response hands the browser to request: Location and every link or form target."""
    found = [response.get("Location", "")]
    if response.get("Content-Type", "").startswith("text/html"):
        found += URL_ATTRIBUTE.findall(response.content.decode())
    return [unquote(unquote(url)) for url in found if url and not url.startswith(DEVICE_SCHEMES)]


def leaked(responses, *secrets):
    return [url for response in responses for url in urls_in(response) if any(s in url for s in secrets)]


def found_pks(client):
    return [row.pk for row in client.get(CHANGELIST).context["cl"].result_list]


@pytest.fixture
def lead():
    InquiryFactory(phone="+12025550122", email="someone.else@example.com")
    return InquiryFactory(phone="+12025550111", email="Find.Me@example.com")


@pytest.mark.parametrize(
    "term",
    [
        "(202) 555-0111",
        "202.555.0111",
        "+1 202 555 0111",
        "1-202-555-0111",
        " 2025550111 ",
        "tel:+1-202-555-0111",
        "find.me@example.com",
        "  FIND.ME@Example.COM ",
    ],
)
def test_staff_find_a_lead_by_phone_in_any_format_or_by_email(client, coordinator, lead, term):
    client.force_login(coordinator)
    response = client.post(SEARCH, {"term": term})
    assert response.status_code == 303
    assert found_pks(client) == [lead.pk]


def test_a_lead_number_still_finds_the_lead(client, coordinator, lead):
    client.force_login(coordinator)
    client.post(SEARCH, {"term": f"#{lead.pk}"})
    assert found_pks(client) == [lead.pk]


def test_after_a_search_no_url_carries_the_term_or_its_digits(client, coordinator, lead, caplog, capsys):
    caplog.set_level(logging.DEBUG)
    client.force_login(coordinator)
    term, secrets = "(202) 555-0111", ["2025550111", "5550111", "555-0111", "find.me", "Find.Me"]
    responses = [client.post(SEARCH, {"term": term})]
    responses.append(client.get(responses[0]["Location"]))
    listing = responses[-1]
    assert listing.context["cl"].result_count == 1
    assert not any(s in listing.content.decode() for s in secrets), "the list repeats the term"
    change_links = [url for url in urls_in(listing) if f"/{lead.pk}/change/" in url]
    assert change_links, "the list links to the lead"
    responses.append(client.get(change_links[0]))
    responses.append(client.post(change_links[0], change_form(lead, status="contacted")))
    responses.append(client.get(responses[-1]["Location"]))
    responses.append(client.post(SEARCH, {"term": "find.me@example.com"}, follow=True))
    hops = [url for url, _status in responses[-1].redirect_chain]
    assert not leaked(responses, *secrets)
    assert hops and not any(s in hop for hop in hops for s in secrets)
    out = capsys.readouterr()
    assert not any(s in caplog.text + out.out + out.err for s in secrets)


def test_the_audit_records_the_search_without_the_term(client, coordinator, lead):
    client.force_login(coordinator)
    client.post(SEARCH, {"term": "202 555 0111"})
    client.post(SEARCH, {"term": "find.me@example.com"})
    searches = AuditEvent.objects.filter(actor=coordinator, detail__startswith="search").order_by("pk")
    assert [event.detail for event in searches] == [
        f"search by phone number: 1 lead (#{lead.pk})",
        f"search by email address: 1 lead (#{lead.pk})",
    ]
    details = " ".join(AuditEvent.objects.values_list("detail", flat=True))
    assert "0111" not in details and "find.me" not in details.lower()


def test_a_search_in_the_query_string_is_dropped_not_run(client, coordinator, lead):
    client.force_login(coordinator)
    response = client.get(CHANGELIST, {"q": "2025550111", "status": "new"})
    assert response.status_code == 302
    assert "2025550111" not in response["Location"] and "status=new" in response["Location"]
    assert client.get(response["Location"]).context["cl"].result_count == 2


def test_a_term_no_index_understands_finds_nothing_and_says_so(client, coordinator, lead):
    client.force_login(coordinator)
    client.post(SEARCH, {"term": "#?!"})
    listing = client.get(CHANGELIST)
    assert listing.context["cl"].result_count == 0
    assert "Nothing found: that is not a name, lead number, phone number or email address" in listing.content.decode()


def test_clearing_the_search_shows_every_lead_again(client, coordinator, lead):
    client.force_login(coordinator)
    client.post(SEARCH, {"term": "202 555 0111"})
    assert len(found_pks(client)) == 1
    client.post(SEARCH, {"term": ""})
    assert len(found_pks(client)) == 2


def test_a_search_belongs_to_the_session_that_made_it(client, coordinator, lead_user, lead):
    from django.test import Client

    client.force_login(coordinator)
    client.post(SEARCH, {"term": "202 555 0111"})
    other = Client()
    other.force_login(lead_user)
    assert other.get(CHANGELIST).context["cl"].result_count == 2


def test_search_is_post_only_and_for_admissions_only(client, coordinator, editor, lead):
    client.force_login(coordinator)
    assert client.get(SEARCH, {"term": "202 555 0111"}).status_code == 405
    client.force_login(editor)
    assert client.post(SEARCH, {"term": "202 555 0111"}).status_code == 403
    assert not AuditEvent.objects.filter(detail__startswith="search").exists()


def test_the_session_keeps_keyed_hashes_not_the_term(client, coordinator, lead):
    from django.contrib.sessions.models import Session

    client.force_login(coordinator)
    client.post(SEARCH, {"term": "find.me@example.com"})
    stored = Session.objects.get().get_decoded()
    assert "find.me" not in str(stored).lower() and "example.com" not in str(stored)


def test_a_term_smuggled_into_changelist_filters_is_not_passed_on(client, coordinator, lead):
    client.force_login(coordinator)
    url = f"{CHANGELIST}{lead.pk}/change/"
    page = client.get(url, {"_changelist_filters": "q=2025550111&status=new"})
    saved = client.post(url + "?_changelist_filters=q%3D2025550111%26status%3Dnew", change_form(lead))
    assert not leaked([page, saved], "2025550111")
    assert any("status%3Dnew" in url or "status=new" in url for url in urls_in(saved))
