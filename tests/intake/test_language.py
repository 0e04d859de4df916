"""Admissions in the person's language: the "prefers Spanish" question on the three lead forms,
the language on the desk (lead list, My work, lead page, merging) and "Spanish-speaking" in the
staff emails, with nothing else about the person."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test.client import MULTIPART_CONTENT
from django.utils import timezone, translation

from intake import services
from intake.forms import SPANISH_HINT
from intake.models import Inquiry
from intake.tasks import send_reminders
from nexus import locale
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS_LEAD
from tests.intake.factories import InquiryFactory
from tests.intake.helpers import CALLBACK_URL, INQUIRY_URL, callback_data, inquiry_data
from tests.intake.staff import make_staff
from tests.intake.test_form_markup import wrapper_of
from tests.intake.vob_helpers import INSURANCE_URL, insurance_data

pytestmark = pytest.mark.django_db
LEADS = "/admin/intake/inquiry/"
MY_WORK = f"{LEADS}my-work/"
QUESTION = "Would you rather we speak Spanish with you?"
# What the form posts carry about the person: none of it may reach a staff email.
PERSONAL = ["Jordan", "Sam", "Sibling", "jordan@example.com", "2025550142", "555-0142", "Example Health", "XE123456789"]
PERSONAL += ["detox bed", "Casey"]
FORMS = {
    INQUIRY_URL: inquiry_data,
    CALLBACK_URL: callback_data,
    INSURANCE_URL: insurance_data,
}


def post_form(client, url, language=None, **answers):
    """Send one of the three forms as a browser does: from the page in `language` (its address,
    /es/..., as a reader reaches it) when given."""
    data = FORMS[url](**answers)
    kwargs = {"content_type": MULTIPART_CONTENT} if url == INSURANCE_URL else {}
    prefix = f"/{language}" if language and language != "en" else ""
    return client.post(prefix + url, data, **kwargs)


def radios(html, name):
    return re.findall(rf'<input type="radio"[^>]*name="{name}"[^>]*>', html)


# The question on the forms ------------------------------------------------------------------


@pytest.mark.parametrize("url", FORMS)
def test_every_lead_form_asks_the_question_with_the_contact_preferences(client, url):
    html = client.get(url).content.decode()
    block = wrapper_of(html, "id_prefers_spanish")
    assert f'<legend class="field-label">{QUESTION} (optional)</legend>' in block
    assert [re.search(r'value="(\w+)"', radio).group(1) for radio in radios(block, "prefers_spanish")] == ["yes", "no"]
    assert '<label for="id_prefers_spanish_0" class="form-check-label">Yes</label>' in block
    # Asked right after voicemail, inside "How to reach you", in Spanish too for who reads it better.
    question = html.index('id="div_id_prefers_spanish"')
    assert html.index('id="div_id_voicemail_ok"') < question < html.index("Your consent</legend>")
    if url != CALLBACK_URL:  # the callback form is one short list, without sections
        assert html.index("How to reach you</legend>") < question
    assert f'<span lang="es">{SPANISH_HINT}</span>' in block
    assert 'aria-describedby="id_prefers_spanish_helptext"' in block
    assert not any("checked" in radio for radio in radios(block, "prefers_spanish")), "no answer is chosen for them"


def test_the_spanish_form_does_not_repeat_the_question_in_spanish(client):
    html = client.get("/es" + INQUIRY_URL).content.decode()
    assert SPANISH_HINT not in html
    assert 'id="id_prefers_spanish_0"' in html


@pytest.mark.parametrize("url", FORMS)
@pytest.mark.parametrize(("answer", "stored"), [("yes", True), ("no", False), (None, None)])
def test_the_answer_is_stored_as_given_and_no_answer_stays_empty(client, url, answer, stored):
    assert post_form(client, url, prefers_spanish=answer).status_code == 302
    lead = Inquiry.objects.get()
    assert lead.prefers_spanish is stored
    assert lead.language == "en"
    assert lead.wants_spanish() is bool(stored)


@pytest.mark.parametrize("url", FORMS)
def test_a_form_sent_in_spanish_records_spanish_even_without_an_answer(client, url):
    assert post_form(client, url, language="es").status_code == 302
    lead = Inquiry.objects.get()
    assert (lead.language, lead.prefers_spanish) == ("es", None)
    assert lead.wants_spanish()


@pytest.mark.parametrize(("active", "recorded"), [("es-mx", "es"), ("es", "es"), ("en-us", "en"), ("fr", "")])
def test_a_regional_spanish_is_spanish_and_an_unknown_language_is_left_blank(active, recorded):
    """What a lead records of the active language (LocaleMiddleware only ever activates the site's
    own codes; anything else must still not be recorded as a language we speak)."""
    with translation.override(active):
        assert locale.site_language(default="") == recorded


@pytest.mark.parametrize("odd", ["maybe", "true", "1", "YES"])
def test_an_answer_that_is_not_yes_or_no_is_refused_on_the_question_like_any_radio(client, odd):
    response = post_form(client, INQUIRY_URL, prefers_spanish=odd)
    assert response.status_code == 200
    assert not Inquiry.objects.exists()
    html = response.content.decode()
    block = wrapper_of(html, "id_prefers_spanish")
    assert 'class="field field--error' in block[:200]
    legend, error, first_radio = (
        block.index("<legend"),
        block.index('class="field-error"'),
        block.index('type="radio"'),
    )
    assert legend < error < first_radio
    assert "Select yes or no, or leave this question unanswered" in block
    described = re.search(r'aria-describedby="([^"]*)"', block).group(1).split()
    assert described == ["id_prefers_spanish_helptext", "id_prefers_spanish_error"]
    summary = html[html.index('class="error-summary"') :]
    assert '<a href="#id_prefers_spanish_0">' in summary[: summary.index("</ul>")]


def test_the_answer_is_kept_when_another_answer_sends_the_form_back(client):
    html = post_form(client, INQUIRY_URL, prefers_spanish="yes", name="").content.decode()
    yes, no = radios(wrapper_of(html, "id_prefers_spanish"), "prefers_spanish")
    assert "checked" in yes and "checked" not in no
    summary = html[html.index('class="error-summary"') :]
    assert re.findall(r'<a href="#([^"]+)">', summary[: summary.index("</ul>")]) == ["id_name"]


# The rule: who to speak Spanish with --------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "prefers", "wants", "label"),
    [
        ("es", None, True, "Spanish"),
        ("es", False, True, "Spanish"),
        ("es", True, True, "Spanish"),
        ("en", True, True, "Prefers Spanish"),
        ("", True, True, "Prefers Spanish"),
        ("en", False, False, ""),
        ("en", None, False, ""),
        ("", None, False, ""),
        ("other", None, False, ""),
    ],
)
def test_one_rule_says_who_to_speak_spanish_with_for_a_lead_and_for_a_list(language, prefers, wants, label):
    lead = InquiryFactory(language=language, prefers_spanish=prefers)
    InquiryFactory(language="en", prefers_spanish=False)
    assert lead.wants_spanish() is wants
    assert (lead in Inquiry.objects.wanting_spanish()) is wants
    assert str(lead.language_label()) == label


def make_leads():
    return {
        "english": InquiryFactory(language="en", prefers_spanish=None),
        "english_no": InquiryFactory(language="en", prefers_spanish=False),
        "spanish": InquiryFactory(language="es", prefers_spanish=None),
        "prefers": InquiryFactory(language="en", prefers_spanish=True),
        "other": InquiryFactory(language="other"),
        "unknown": InquiryFactory(language=""),
    }


# The lead list --------------------------------------------------------------------------------


def listed(client, query=""):
    html = client.get(LEADS + query).content.decode()
    return html, {int(n) for n in re.findall(r'href="/admin/intake/inquiry/(\d+)/change/', html)}


def test_the_lead_list_shows_who_to_speak_spanish_with_beside_the_lead(client, coordinator):
    leads = make_leads()
    client.force_login(coordinator)
    html, _shown = listed(client)
    for key, badge in [("spanish", "Spanish"), ("prefers", "Prefers Spanish")]:
        link = f'<a href="/admin/intake/inquiry/{leads[key].pk}/change/">'
        cell = html[html.index(link) : html.index("</td>", html.index(link))]
        assert f'<span class="lead-flag lead-flag-language">{badge}</span>' in cell
    assert html.count("lead-flag-language") == 2


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("english", {"english", "english_no"}),
        ("spanish", {"spanish", "prefers"}),
        ("prefers_spanish", {"prefers"}),
        ("other", {"other"}),
    ],
)
def test_the_lead_list_filters_by_language(client, coordinator, value, expected):
    leads = make_leads()
    client.force_login(coordinator)
    html, shown = listed(client, f"?language={value}")
    assert shown == {leads[key].pk for key in expected}
    event = AuditEvent.objects.filter(detail__startswith="list:").latest("pk")
    assert f"filters language={value}" in event.detail


def test_the_list_filter_offers_the_four_choices(client, coordinator):
    client.force_login(coordinator)
    html = client.get(LEADS).content.decode()
    for value in ["english", "spanish", "prefers_spanish", "other"]:
        assert f"?language={value}" in html


# My work --------------------------------------------------------------------------------------


def test_my_work_shows_the_language_on_every_row_and_filters_by_it(client, coordinator):
    mine = {
        "spanish": InquiryFactory(owner=coordinator, language="es"),
        "prefers": InquiryFactory(owner=coordinator, language="en", prefers_spanish=True),
        "english": InquiryFactory(owner=coordinator, language="en", prefers_spanish=False),
        "new_spanish": InquiryFactory(language="es"),
    }
    client.force_login(coordinator)
    html = client.get(MY_WORK).content.decode()
    for key, badge in [("spanish", "Spanish"), ("prefers", "Prefers Spanish"), ("new_spanish", "Spanish")]:
        start = html.index(f'href="/admin/intake/inquiry/{mine[key].pk}/change/"')
        row = html[start : html.index("</li>", start)]
        assert f'<span class="lead-flag lead-flag-language">{badge}</span>' in row
    english = html.index(f'href="/admin/intake/inquiry/{mine["english"].pk}/change/"')
    assert "lead-flag-language" not in html[english : html.index("</li>", english)]
    assert '<a href="/admin/intake/inquiry/my-work/" aria-current="page">All</a>' in html

    html = client.get(MY_WORK + "?language=spanish").content.decode()
    shown = {int(n) for n in re.findall(r'href="/admin/intake/inquiry/(\d+)/change/"', html)}
    assert shown == {mine["spanish"].pk, mine["prefers"].pk, mine["new_spanish"].pk}
    assert 'href="/admin/intake/inquiry/my-work/?language=spanish" aria-current="page"' in html
    event = AuditEvent.objects.filter(detail__startswith="my work").latest("pk")
    assert event.detail.startswith("my work (own, language spanish): 3 leads")


def test_my_work_links_to_the_same_language_in_the_lead_list(client, coordinator):
    for _ in range(26):
        InquiryFactory(language="es")
    client.force_login(coordinator)
    html = client.get(MY_WORK + "?language=spanish").content.decode()
    assert 'href="/admin/intake/inquiry/?attention=unassigned&amp;language=spanish"' in html
    assert "All 26 in the lead list" in html


@pytest.mark.parametrize("odd", ["klingon", "<script>", "spanish'", ""])
def test_my_work_ignores_a_language_it_does_not_know(client, coordinator, odd):
    InquiryFactory(language="en")
    InquiryFactory(language="es")
    client.force_login(coordinator)
    response = client.get(MY_WORK, {"language": odd})
    html = response.content.decode()
    assert response.status_code == 200
    assert len(set(re.findall(r'href="/admin/intake/inquiry/(\d+)/change/"', html))) == 2
    assert "<script>" not in html.split("<body", 1)[1].replace("<script src=", "")
    assert AuditEvent.objects.filter(detail__startswith="my work (own): 2 leads").exists()


def test_a_team_lead_filters_the_team_view_too(client):
    lead_user = make_staff("teamlead", ADMISSIONS_LEAD)
    owner = make_staff("owner2")
    InquiryFactory(owner=owner, language="en")
    spanish = InquiryFactory(owner=owner, language="es")
    client.force_login(lead_user)
    html = client.get(MY_WORK + "?language=spanish").content.decode()
    assert set(re.findall(r'href="/admin/intake/inquiry/(\d+)/change/"', html)) == {str(spanish.pk)}


def test_the_admin_home_panels_say_spanish_speaking_beside_the_number_and_no_name(coordinator):
    from django.test import RequestFactory

    from intake.home import home_panels

    spanish = InquiryFactory(name="Lucía Example", language="es", in_danger=True)
    prefers = InquiryFactory(name="Robin Example", language="en", prefers_spanish=True)
    english = InquiryFactory(name="Dana Example", language="en")
    request = RequestFactory().get("/admin/")
    request.user = coordinator
    labels = {item["label"] for item in home_panels(request)[1]["items"]}
    assert labels == {
        f"Lead #{spanish.pk} · urgent · Spanish-speaking",
        f"Lead #{prefers.pk} · Spanish-speaking",
        f"Lead #{english.pk}",
    }


# The lead page --------------------------------------------------------------------------------


@pytest.mark.parametrize(("prefers", "shown"), [(True, "<strong>yes</strong>"), (False, "no"), (None, "not asked")])
def test_the_lead_page_shows_the_answer(client, coordinator, prefers, shown):
    lead = InquiryFactory(language="es", prefers_spanish=prefers)
    client.force_login(coordinator)
    html = client.get(f"{LEADS}{lead.pk}/change/").content.decode()
    assert "<dt>Language</dt><dd>Spanish</dd>" in html
    assert f"<dt>Prefers Spanish</dt><dd>{shown}</dd>" in html


def test_saving_the_pipeline_keeps_the_answer(client, coordinator):
    from tests.intake.staff import change_form

    lead = InquiryFactory(language="en", prefers_spanish=True)
    client.force_login(coordinator)
    response = client.post(f"{LEADS}{lead.pk}/change/", change_form(lead, status="contacted"))
    assert response.status_code == 302
    lead.refresh_from_db()
    assert (lead.status, lead.prefers_spanish) == ("contacted", True)


def test_the_csv_export_says_the_language_and_the_answer(client, lead_user):
    lead = InquiryFactory(language="es", prefers_spanish=True)
    client.force_login(lead_user)
    response = client.post(LEADS, {"action": "export_csv", "_selected_action": [lead.pk]})
    header, row = response.content.decode().splitlines()[:2]
    assert header.endswith(",language,prefers_spanish")
    assert row.endswith(",es,True")


# Merging --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "duplicate", "kept"),
    [
        ((None, ""), (True, "es"), (True, "es")),
        ((None, "en"), (False, "es"), (False, "en")),
        ((False, "en"), (True, "es"), (False, "en")),
        ((True, "en"), (None, ""), (True, "en")),
    ],
)
def test_merging_fills_a_blank_answer_and_language_from_the_duplicate_and_keeps_an_answer(
    lead_user, original, duplicate, kept
):
    first = InquiryFactory(phone="+12025550111", prefers_spanish=original[0], language=original[1])
    second = InquiryFactory(
        phone="+12025550111", prefers_spanish=duplicate[0], language=duplicate[1], duplicate_of=first
    )
    services.merge_duplicate(original_id=first.pk, duplicate_id=second.pk, by=lead_user)
    first.refresh_from_db()
    assert (first.prefers_spanish, first.language) == kept


def test_the_merge_screen_compares_the_language_and_the_answer(client, lead_user):
    first = InquiryFactory(phone="+12025550111", language="en", prefers_spanish=None)
    second = InquiryFactory(phone="+12025550111", language="es", prefers_spanish=True, duplicate_of=first)
    client.force_login(lead_user)
    html = client.get(f"{LEADS}{second.pk}/merge/?into={first.pk}").content.decode()
    assert re.search(r"Prefers Spanish</th>\s*<td>(yes|not asked)</td><td>(yes|not asked)</td>", html)
    assert re.search(r"Language</th>\s*<td>(English|Spanish)</td><td>(English|Spanish)</td>", html)


# Staff emails ---------------------------------------------------------------------------------


def assert_nothing_personal(message):
    text = message.subject + message.body + str(message.message())
    for personal in PERSONAL:
        assert personal.lower() not in text.lower(), personal


@pytest.mark.parametrize(
    ("language", "answer"),
    [("es", None), ("es", "no"), (None, "yes")],
)
def test_the_new_lead_email_says_spanish_speaking_and_nothing_else_about_them(
    client, django_capture_on_commit_callbacks, language, answer
):
    with django_capture_on_commit_callbacks(execute=True):
        post_form(client, INQUIRY_URL, language=language, prefers_spanish=answer)
    lead = Inquiry.objects.get()
    (message,) = mail.outbox
    assert message.subject == f"New inquiry #{lead.pk} (Spanish-speaking)"
    assert "Spanish-speaking: please have someone who speaks Spanish reach them." in message.body
    assert_nothing_personal(message)


def test_an_urgent_spanish_lead_is_both(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_form(client, INQUIRY_URL, language="es", in_danger="yes")
    (message,) = mail.outbox
    assert re.fullmatch(r"URGENT: New inquiry #\d+ \(Spanish-speaking\)", message.subject)


@pytest.mark.parametrize("url", FORMS)
def test_an_english_lead_that_answered_no_gets_the_email_as_before(client, django_capture_on_commit_callbacks, url):
    with django_capture_on_commit_callbacks(execute=True):
        post_form(client, url, prefers_spanish="no")
    (message,) = mail.outbox
    assert "Spanish" not in message.subject + message.body
    assert_nothing_personal(message)


def test_the_desk_reads_a_spanish_leads_email_in_english(client, django_capture_on_commit_callbacks):
    """The immediate task backend sends inside the Spanish request: the email is still the desk's."""
    with django_capture_on_commit_callbacks(execute=True):
        post_form(client, CALLBACK_URL, language="es")
    (message,) = mail.outbox
    assert "A new callback request (#" in message.body


@pytest.fixture
def owner():
    user = make_staff("owner")
    user.email = "owner@nexus.example"
    user.save()
    return user


def test_a_follow_up_reminder_says_spanish_speaking_and_nothing_else(owner):
    lead = InquiryFactory(
        name="Jordan Example",
        phone="+12025550142",
        email="jordan@example.com",
        language="es",
        owner=owner,
        follow_up_due=timezone.now() - timedelta(minutes=5),
    )
    assert send_reminders.enqueue().return_value == 1
    (message,) = mail.outbox
    assert message.subject == f"Follow-up due: lead #{lead.pk} (Spanish-speaking)"
    assert "Spanish-speaking" in message.body
    assert_nothing_personal(message)


def test_an_urgent_reminder_says_spanish_speaking_for_a_lead_who_prefers_it(settings):
    lead = InquiryFactory(
        name="Jordan Example",
        phone="+12025550142",
        in_danger=True,
        language="en",
        prefers_spanish=True,
        created_at=timezone.now() - timedelta(minutes=20),
    )
    other = InquiryFactory(in_danger=True, language="en", created_at=timezone.now() - timedelta(minutes=20))
    assert send_reminders.enqueue().return_value == 2
    subjects = {message.subject for message in mail.outbox}
    assert subjects == {
        f"URGENT lead #{lead.pk} unanswered for 15 minutes (Spanish-speaking)",
        f"URGENT lead #{other.pk} unanswered for 15 minutes",
    }
    for message in mail.outbox:
        assert_nothing_personal(message)
