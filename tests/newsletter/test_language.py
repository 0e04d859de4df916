"""The newsletter in the reader's language: sign-up stores it, the confirmation is written in it,
an issue goes only to the subscribers of its language and is rendered in it, by email, in a
test send and on its archive page; staff see and filter languages, audited as before."""

import datetime
import re

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import include, path
from django.utils import timezone, translation

from newsletter import services
from newsletter.models import Issue, SignupRequest, Subscriber
from nexus import urls as site_urls
from nexus.models import AuditEvent
from nexus.roles import MARKETING
from tests.newsletter.factories import IssueFactory, SubscriberFactory
from tests.newsletter.helpers import SAME_ORIGIN, SIGNUP_URL, outbox_to, post_signup, signup_data

pytestmark = pytest.mark.django_db
ISSUES = "/admin/newsletter/issue/"
SUBSCRIBERS = "/admin/newsletter/subscriber/"
ENGLISH_SUBJECT = "Please confirm your subscription to the Nexus Recovery newsletter"
# The newsletter under i18n_patterns, as the URL work will put it (English unprefixed, Spanish at
# /es/), before the site's own patterns: what the archive and the emails do once /es/ exists.
urlpatterns = [
    *i18n_patterns(path("newsletter/", include("newsletter.urls")), prefix_default_language=False),
    *site_urls.urlpatterns,
]


def sign_up(client, language=None, **overrides):
    """The sign-up form, posted from the newsletter page in `language` (/es/newsletter/)."""
    if language in (None, "en"):
        return post_signup(client, **overrides)
    return client.post(f"/{language}{SIGNUP_URL}", signup_data(**overrides), **SAME_ORIGIN)


def html_of(message):
    return next(content for content, kind in message.alternatives if kind == "text/html")


def html_lang(message):
    return re.search(r'<html lang="([^"]*)">', html_of(message)).group(1)


@pytest.fixture
def marketing(client):
    user = get_user_model().objects.create_user(
        "mara", password="x", is_staff=True, email="mara@nexus.example", first_name="Mara"
    )
    user.groups.add(Group.objects.get(name=MARKETING))
    client.force_login(user)
    return client


# Sign-up and confirmation ---------------------------------------------------------------------


def test_a_sign_up_on_a_spanish_page_is_a_spanish_subscriber_written_to_in_spanish(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert sign_up(client, "es", email="lector@example.com").status_code == 302
    assert Subscriber.objects.get().language == "es"
    (message,) = mail.outbox
    # Rendered under the subscriber's language: what hC's Spanish catalogue translates comes out in Spanish.
    assert message.extra_headers["Content-Language"] == "es"
    assert html_lang(message) == "es"
    assert "Content-Language: es" in str(message.message())


def test_an_english_sign_up_gets_the_confirmation_as_before(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client)
    assert Subscriber.objects.get().language == "en"
    (message,) = mail.outbox
    assert message.subject == ENGLISH_SUBJECT
    assert html_lang(message) == "en"
    assert message.extra_headers["Content-Language"] == "en"
    assert "Someone, hopefully you, asked to receive the Nexus Recovery newsletter" in message.body


def test_the_language_survives_a_sign_up_whose_task_never_ran(client, django_capture_on_commit_callbacks):
    """The sweep handles the request later, outside any request: the language was stored with it."""
    with django_capture_on_commit_callbacks(execute=False):
        sign_up(client, "es")
    assert SignupRequest.objects.get().language == "es"
    later = timezone.now() + datetime.timedelta(minutes=10)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.handle_waiting_signups(now=later) == 1
    assert Subscriber.objects.get().language == "es"
    assert mail.outbox[0].extra_headers["Content-Language"] == "es"


@pytest.mark.parametrize(("active", "stored"), [("es-mx", "es"), ("es-ES", "es"), ("fr", "en"), ("en", "en")])
def test_a_regional_spanish_is_spanish_and_another_language_signs_up_in_english(
    db, django_capture_on_commit_callbacks, active, stored
):
    with translation.override(active), django_capture_on_commit_callbacks(execute=True):
        services.subscribe(email="reader@example.com", source="page")
    subscriber = Subscriber.objects.get()
    assert subscriber.language == stored
    assert html_lang(mail.outbox[0]) == stored


def test_a_confirmed_reader_signing_up_on_the_other_language_page_keeps_their_newsletter(
    client, django_capture_on_commit_callbacks
):
    SubscriberFactory(email="reader@example.com", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "es")
    assert Subscriber.objects.get().language == "en"
    assert mail.outbox == []


def test_a_pending_reader_signing_up_again_in_spanish_is_asked_in_spanish(client, django_capture_on_commit_callbacks):
    SubscriberFactory(email="reader@example.com", language="en", status=Subscriber.Status.PENDING, confirmed_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        sign_up(client, "es")
    assert Subscriber.objects.get().language == "es"
    assert html_lang(mail.outbox[0]) == "es"


# Sending: an issue goes to its language's subscribers only ------------------------------------


def test_two_issues_sent_at_once_each_reach_only_their_own_language(marketing, django_capture_on_commit_callbacks):
    SubscriberFactory(email="ana@example.com", language="es")
    SubscriberFactory(email="ben@example.com", language="en")
    SubscriberFactory(email="pending@example.com", language="es", status=Subscriber.Status.PENDING, confirmed_at=None)
    english = IssueFactory(subject="Sleep in early recovery", language="en")
    spanish = IssueFactory(subject="El sueño en la recuperación", language="es")
    selected = {"action": "send_now", "_selected_action": [english.pk, spanish.pk]}
    ask = marketing.post(ISSUES, selected).content.decode()
    assert "“Sleep in early recovery” (English): 1 confirmed subscriber<" in ask
    assert "“El sueño en la recuperación” (Español): 1 confirmed subscriber<" in ask
    with django_capture_on_commit_callbacks(execute=True):
        marketing.post(ISSUES, selected | {"confirm": "yes"})
    assert [m.subject for m in outbox_to("ana@example.com")] == ["El sueño en la recuperación"]
    assert [m.subject for m in outbox_to("ben@example.com")] == ["Sleep in early recovery"]
    assert outbox_to("pending@example.com") == []
    assert set(Issue.objects.values_list("status", flat=True)) == {Issue.Status.SENT}
    assert english.deliveries.get().subscriber.email == "ben@example.com"
    assert spanish.deliveries.get().subscriber.email == "ana@example.com"


def test_a_spanish_issue_is_rendered_in_spanish_and_an_english_one_in_english(django_capture_on_commit_callbacks):
    SubscriberFactory(email="ana@example.com", language="es")
    SubscriberFactory(email="ben@example.com", language="en")
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_id=IssueFactory(language="es").pk)
        services.start_sending(issue_id=IssueFactory(language="en").pk)
    (spanish,) = outbox_to("ana@example.com")
    (english,) = outbox_to("ben@example.com")
    assert (spanish.extra_headers["Content-Language"], html_lang(spanish)) == ("es", "es")
    assert (english.extra_headers["Content-Language"], html_lang(english)) == ("en", "en")
    # The one-click header still arrives whole, beside the new one.
    assert spanish.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_nobody_is_frozen_into_an_issue_of_another_language():
    SubscriberFactory.create_batch(3, language="en")
    issue = IssueFactory(language="es")
    assert services.start_sending(issue_id=issue.pk) == 0
    assert not issue.deliveries.exists()


def test_a_test_send_comes_in_the_issues_language(marketing):
    issue = IssueFactory(language="es")
    marketing.post(ISSUES, {"action": "send_test", "_selected_action": [issue.pk]})
    (message,) = mail.outbox
    assert message.to == ["mara@nexus.example"] and message.subject.startswith("[TEST] ")
    assert (message.extra_headers["Content-Language"], html_lang(message)) == ("es", "es")


# Importing ------------------------------------------------------------------------------------


def upload(client, text):
    file = SimpleUploadedFile("list.csv", text.encode(), content_type="text/csv")
    return client.post(f"{SUBSCRIBERS}import/", {"file": file})


def test_an_import_without_a_language_column_stays_english(marketing):
    response = upload(marketing, "email,first_name,consent_proof\nold@example.com,Pat,Paper form 2026\n")
    assert response.status_code == 302
    assert Subscriber.objects.get().language == "en"


def test_an_import_may_say_each_rows_language(marketing):
    text = (
        "email,language,consent_proof\nuno@example.com,es,Paper\ntwo@example.com,,Paper\nthree@example.com,EN,Paper\n"
    )
    assert upload(marketing, text).status_code == 302
    assert dict(Subscriber.objects.values_list("email", "language")) == {
        "uno@example.com": "es",
        "two@example.com": "en",
        "three@example.com": "en",
    }


@pytest.mark.parametrize("odd", ["spanish", "fr", "es-mx", "e s"])
def test_an_import_with_a_language_the_site_does_not_have_stores_nothing(marketing, odd):
    response = upload(marketing, f"email,language\nuno@example.com,{odd}\n")
    assert response.status_code == 200
    assert "Line 2: the language must be one of en, es" in response.content.decode()
    assert not Subscriber.objects.exists()


# The archive ----------------------------------------------------------------------------------


def sent_issue(**fields):
    moment = datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC)
    return IssueFactory(status=Issue.Status.SENT, started_at=moment, finished_at=moment, **fields)


def test_the_archive_lists_the_issues_of_the_pages_language(client):
    english = sent_issue(subject="Sleep in early recovery", language="en")
    spanish = sent_issue(subject="El sueño en la recuperación", language="es")
    html = client.get("/newsletter/archive/").content.decode()
    assert english.subject in html and spanish.subject not in html
    html = client.get("/es/newsletter/archive/").content.decode()
    assert spanish.subject in html and english.subject not in html


def test_a_spanish_issues_page_is_rendered_in_spanish(client):
    issue = sent_issue(subject="El sueño en la recuperación", language="es")
    response = client.get(issue.get_absolute_url())
    assert response.status_code == 200
    assert response["Content-Language"] == "es"
    # Spanish month names and the catalogue's date format: the page was rendered with Spanish active.
    assert "1 de diciembre de 2026" in response.content.decode()


def test_an_english_issues_page_is_unchanged(client):
    issue = sent_issue(language="en")
    response = client.get(issue.get_absolute_url())
    assert response["Content-Language"] == "en"
    assert "1 December 2026" in response.content.decode()


@pytest.mark.urls(__name__)
def test_once_spanish_has_its_urls_a_spanish_issue_lives_under_es_and_links_there(client):
    issue = sent_issue(subject="El sueño en la recuperación", language="es")
    own = f"/es/newsletter/archive/{issue.pk}/"
    assert issue.get_absolute_url() == own
    response = client.get(f"/newsletter/archive/{issue.pk}/")
    assert (response.status_code, response["Location"]) == (301, own)
    with translation.override("es"):  # as LocaleMiddleware activates it from the /es/ prefix
        response = client.get(own)
    assert response.status_code == 200 and response["Content-Language"] == "es"
    english = sent_issue(language="en")
    assert client.get(f"/newsletter/archive/{english.pk}/").status_code == 200


@pytest.mark.urls(__name__)
def test_once_spanish_has_its_urls_a_spanish_issues_email_links_to_spanish_pages(django_capture_on_commit_callbacks):
    SubscriberFactory(email="ana@example.com", language="es")
    issue = IssueFactory(language="es")
    with django_capture_on_commit_callbacks(execute=True):
        services.start_sending(issue_id=issue.pk)
    (message,) = mail.outbox
    assert f"/es/newsletter/archive/{issue.pk}/" in message.body
    assert re.search(r"<https?://[^/]+/es/newsletter/unsubscribe/[^>]+/>", message.extra_headers["List-Unsubscribe"])


# The admin ------------------------------------------------------------------------------------


def test_an_issue_is_written_in_a_language_chosen_in_the_admin_and_listed_by_it(marketing):
    html = marketing.get(f"{ISSUES}add/").content.decode()
    assert '<select name="language"' in html and '<option value="es">Español</option>' in html
    response = marketing.post(
        f"{ISSUES}add/",
        {"subject": "Noticias de diciembre", "preheader": "", "body": "Hola", "language": "es", "scheduled_at": ""},
    )
    assert response.status_code == 302
    spanish = Issue.objects.get()
    assert spanish.language == "es"
    IssueFactory(subject="December news", language="en")
    listed = marketing.get(ISSUES, {"language__exact": "es"}).content.decode()
    assert "Noticias de diciembre" in listed and "December news" not in listed
    assert "?language__exact=es" in listed


def test_staff_see_and_filter_subscribers_by_language_and_every_list_is_audited(marketing):
    ana = SubscriberFactory(email="ana@example.com", language="es")
    ben = SubscriberFactory(email="ben@example.com", language="en")
    html = marketing.get(SUBSCRIBERS, {"language__exact": "es"}).content.decode()
    assert "ana@example.com" in html and "ben@example.com" not in html
    assert '<td class="field-language">Español</td>' in html
    event = AuditEvent.objects.filter(detail__startswith="list:").latest("pk")
    assert event.detail == f"list: #{ana.pk}"
    assert ben.pk not in [int(n) for n in re.findall(r"#(\d+)", event.detail)]


def test_staff_can_move_a_subscriber_to_the_other_language_and_it_is_audited(marketing):
    subscriber = SubscriberFactory(language="en", first_name="Ana")
    url = f"{SUBSCRIBERS}{subscriber.pk}/change/"
    assert '<select name="language"' in marketing.get(url).content.decode()
    response = marketing.post(url, {"first_name": "Ana", "language": "es"})
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "es"
    assert AuditEvent.objects.filter(detail="changed language").exists()
