"""The page editor's promises the server keeps whatever the script did: each section type's own
fields, citations of sources that exist, and a preview only staff see, framed only by the admin."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from content.models import Section
from nexus import roles
from tests.content.browserlike import untouched_form
from tests.content.factories import ConsentedQuoteFactory, PageFactory, SectionFactory, SourceFactory, UserFactory
from tests.images.factories import image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


@pytest.mark.parametrize(
    ("kind", "fields", "missing"),
    [
        ("faq", {"body": "An answer."}, "question"),
        ("faq", {"question": "A question?", "body": ""}, "body"),
        ("list", {"body": "Intro."}, "items"),
        ("cta", {"cta_label": "Call", "body": ""}, "cta_url"),
        ("testimonial", {"body": ""}, "testimonial"),
        ("warning", {"body": ""}, "body"),
    ],
)
def test_each_section_type_needs_its_own_fields_and_says_which_on_the_field(kind, fields, missing):
    section = Section(page=PageFactory(), kind=kind, **fields)
    with pytest.raises(ValidationError) as raised:
        section.full_clean()
    assert missing in raised.value.message_dict
    assert "needs its" in " ".join(raised.value.message_dict[missing])


def test_a_complete_section_of_each_type_is_valid():
    page = PageFactory()
    related = {"testimonial": ConsentedQuoteFactory(), "image": image()}
    for kind, names in Section.FIELDS_BY_KIND.items():
        values = {name: related.get(name, "x") for name in names if name != "anchor"}
        Section(page=page, kind=kind, **values).full_clean()


def test_every_type_lists_its_required_fields_among_the_fields_it_shows():
    """The contract h5's image section (and any new type) follows: docs/editor.md."""
    assert set(Section.FIELDS_BY_KIND) == set(Section.Kind.values) == set(Section.REQUIRED_BY_KIND)
    for kind, required in Section.REQUIRED_BY_KIND.items():
        assert set(required) <= set(Section.FIELDS_BY_KIND[kind]) <= set(Section.KIND_FIELDS)
    faq = Section.FIELDS_BY_KIND[Section.Kind.FAQ]
    assert faq.index("question") < faq.index("body"), "a question comes before its answer"


def change_form(client, page):
    url = reverse("admin:content_page_change", args=[page.pk])
    return url, untouched_form(client.get(url).content.decode(), "page_form")


def test_the_editor_page_carries_the_field_list_for_the_script_and_the_question_before_the_answer(client, editor):
    page = PageFactory()
    SectionFactory(page=page, kind="faq", question="Is it safe?", body="Ask a doctor.")
    client.force_login(editor)
    html = client.get(reverse("admin:content_page_change", args=[page.pk])).content.decode()
    assert 'id="section-editor-config"' in html and '"faq": ["heading", "anchor", "question", "body"]' in html
    assert html.index('name="sections-0-question"') < html.index('name="sections-0-body"')
    assert "js/editor/sections.js" in html and "css/editor.css" in html


def test_switching_a_question_to_text_drops_the_hidden_question(client, editor):
    page = PageFactory()
    SectionFactory(page=page, kind="faq", question="Is it safe?", body="Ask a doctor.")
    client.force_login(editor)
    url, data = change_form(client, page)
    data["sections-0-kind"] = ["text"]
    response = client.post(url, data)
    assert response.status_code == 302
    section = page.sections.get()
    assert (section.kind, section.question, section.body) == ("text", "", "Ask a doctor.")


def test_a_citation_of_a_source_the_page_does_not_have_is_an_error_on_that_section(client, editor):
    page = PageFactory()
    SectionFactory(page=page, body="Fine.[^1]")
    SourceFactory(page=page)
    client.force_login(editor)
    url, data = change_form(client, page)
    data["sections-0-body"] = ["Fine.[^1] Also this.[^2]"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "cites source [^2], but the page has 1 source(s)" in response.content.decode()
    assert page.sections.get().body == "Fine.[^1]"


def test_removing_the_source_a_section_cites_is_an_error_and_adding_it_in_the_same_save_is_not(client, editor):
    page = PageFactory()
    SectionFactory(page=page, body="Cited.[^1]")
    SourceFactory(page=page)
    client.force_login(editor)
    url, data = change_form(client, page)
    response = client.post(url, {**data, "sources-0-DELETE": ["on"]})
    assert response.status_code == 200 and "cites source [^1]" in response.content.decode()
    data["sections-0-body"] = ["Cited.[^1] And.[^2]"]
    data.update(
        {
            "sources-TOTAL_FORMS": ["2"],
            "sources-1-order": ["1"],
            "sources-1-title": ["SAMHSA's National Helpline"],
            "sources-1-publisher": ["SAMHSA"],
            "sources-1-url": ["https://www.samhsa.gov/find-help/national-helpline"],
            "sources-1-doi": [""],
            "sources-1-accessed_on": ["2026-11-01"],
        }
    )
    assert client.post(url, data).status_code == 302
    assert page.sources.count() == 2


def test_a_save_with_no_edits_changes_no_section(client, editor):
    page = PageFactory()
    SectionFactory(page=page, kind="faq", question="Q?", body="A.", order=7)
    client.force_login(editor)
    url, data = change_form(client, page)
    before = list(page.sections.values())
    assert client.post(url, data).status_code == 302
    assert list(page.sections.values()) == before


class TestPreview:
    def test_anonymous_visitors_are_sent_to_sign_in(self, client):
        page = PageFactory()
        response = client.get(f"/preview/{page.pk}/")
        assert response.status_code == 302 and "/login/" in response["Location"]

    def test_staff_without_a_content_role_are_refused(self, client):
        page = PageFactory()
        client.force_login(UserFactory(username="admissions", roles=[roles.ADMISSIONS]))
        assert client.get(f"/preview/{page.pk}/").status_code == 403

    def test_the_preview_is_never_stored_and_only_our_own_pages_may_frame_it(self, client, editor):
        page = PageFactory()
        client.force_login(editor)
        response = client.get(f"/preview/{page.pk}/")
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert response["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in response["Content-Security-Policy"]

    def test_public_pages_and_the_admin_still_refuse_to_be_framed(self, client, editor):
        from tests.content.factories import published_page

        page = published_page()
        for response in (client.get(page.url_path), client.get("/admin/login/")):
            assert response["X-Frame-Options"] == "DENY"
            assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_two_sections_with_one_heading_get_their_own_anchors():
    page = PageFactory()
    first = SectionFactory(page=page, heading="Getting help", anchor="")
    copy = SectionFactory(page=page, heading="Getting help", anchor="")
    assert (first.anchor, copy.anchor) == ("getting-help", "getting-help-2")


def sourced_page(bodies, sources=3):
    page = PageFactory()
    for order, body in enumerate(bodies):
        SectionFactory(page=page, order=order, body=body)
    for order in range(sources):
        SourceFactory(page=page, order=order, title=f"Source {order + 1}")
    return page


def test_sources_are_numbered_in_the_order_the_page_first_cites_them(client, editor):
    page = sourced_page(["First.[^1]", "Second.[^2] Again.[^1]", "Third.[^3]"])
    client.force_login(editor)
    url, data = change_form(client, page)
    assert client.post(url, data).status_code == 302, "in order: saved"
    data["sections-0-body"] = ["First.[^2]"]
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "the next new source cited here should be [^1], not [^2]" in html
    assert page.sections.get(order=0).body == "First.[^1]", "nothing saved"


def test_moving_a_section_above_the_first_citation_is_checked_in_the_new_order(client, editor):
    """The editor's script renumbers `order` when sections move: the rule follows the page as it will be."""
    page = sourced_page(["First.[^1]", "Second.[^2]"], sources=2)
    client.force_login(editor)
    url, data = change_form(client, page)
    data["sections-0-order"], data["sections-1-order"] = ["1"], ["0"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "should be [^1], not [^2]" in response.content.decode()
    # Removing a section on save takes its citations away too: then [^2] comes first and is refused.
    url, data = change_form(client, page)
    data["sections-0-DELETE"] = ["on"]
    assert "should be [^1], not [^2]" in client.post(url, data).content.decode()
