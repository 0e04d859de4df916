"""Editor checks as plain functions over a page's content, then through the editor's screen."""

import pytest

from content import checks
from content.models import StigmaTerm


def page(*sections, **fields):
    return {
        "title": "Benzodiazepines",
        "summary": "About benzos.",
        "is_clinical": False,
        "sources": [],
        **fields,
        "sections": list(sections),
    }


def text(body, heading="Section", **extra):
    return {"kind": "text", "heading": heading, "body": body, "items": "", "question": "", **extra}


def codes(findings):
    return [finding.code for finding in findings]


TERMS = [
    (term, alternatives, StigmaTerm(term=term).pattern())
    for term, alternatives in [
        ("addict", "person with a substance use disorder"),
        ("abuse", "misuse"),
        ("substance abuse", "substance use"),
        ("drug habit", "substance use disorder"),
        ("clean", "in recovery"),
        ("alcoholic", "person with an alcohol use disorder"),
    ]
]


def terms_found(data):
    return [finding.message for finding in checks.stigmatising_terms(data, TERMS)]


def test_a_stigmatising_word_is_found_in_any_case_and_plural_with_the_person_first_alternative():
    [message] = terms_found(page(text("Many Addicts feel alone.")))
    assert '"Addicts"' in message and "person with a substance use disorder" in message


def test_terms_match_whole_words_only():
    assert terms_found(page(text("Addiction is an illness. Cleaning up a kitchen. Unclean hands."))) == []


def test_a_phrase_is_found_across_spaces_and_hides_the_shorter_term_inside_it():
    found = terms_found(page(text("Substance  abuse and drug habits.")))
    assert len(found) == 2
    assert any('"Substance  abuse"' in m and "substance use" in m for m in found)
    assert any('"drug habits"' in m for m in found)


def test_official_names_and_link_addresses_are_not_flagged():
    body = "The Substance Abuse and Mental Health Services Administration and [NIDA](https://nida.nih.gov/abuse)."
    assert terms_found(page(text(body))) == []


def test_headings_titles_and_list_items_are_checked_too():
    data = page(
        {"kind": "list", "heading": "Signs of benzodiazepine abuse", "body": "", "items": "Staying clean"},
        title="For the alcoholic",
    )
    found = terms_found(data)
    assert len(found) == 3


@pytest.mark.parametrize(
    "link",
    [
        "[click here](https://a.example/)",
        "[Read more](/blog/)",
        "[here](/x/)",
        "[https://nida.nih.gov](https://nida.nih.gov)",
        "<https://nida.nih.gov>",
        "see https://nida.nih.gov/publications for more",
    ],
)
def test_links_without_descriptive_text_are_flagged(link):
    assert codes(checks.link_text(page(text(f"For help, {link}.")))) == ["link_text"]


def test_a_link_that_says_where_it_goes_passes():
    assert checks.link_text(page(text("Read [NIDA's facts on sedatives](https://nida.nih.gov/x)."))) == []


def test_heading_levels_must_not_jump_and_page_levels_are_dropped():
    data = page(text("#### Too deep\n\nText.", heading="Withdrawal"), text("## Big\n\nText."))
    found = checks.heading_order(data)
    assert codes(found) == ["heading_skips_level", "heading_level_dropped"]
    assert "level 2 to level 4" in found[0].message
    assert checks.heading_order(page(text("### Fine\n\n#### Also fine"))) == []


def test_reading_grade_is_flagged_above_grade_8_and_short_text_is_left_alone():
    hard = (
        "Benzodiazepine pharmacotherapy necessitates individualised, gradual dose reduction, "
        "particularly following prolonged administration, because abrupt discontinuation precipitates "
        "potentially life-threatening withdrawal manifestations, including generalised seizures. "
    ) * 2
    easy = (
        "Do not stop taking benzos on your own. Stopping fast can make you very sick. "
        "A doctor can help you cut down slowly and safely. We can help you find one. Call us any time. "
    ) * 2
    assert codes(checks.reading_grades(page(text(hard)))) == ["reading_grade"]
    assert checks.reading_grades(page(text(easy))) == []
    assert checks.reading_grades(page(text("Pharmacotherapy necessitates individualisation."))) == []


def test_a_clinical_page_needs_sources_and_a_citation():
    assert codes(checks.cited_sources(page(text("Facts."), is_clinical=True))) == ["no_sources"]
    source = {"title": "DrugFacts", "url": "https://nida.nih.gov/"}
    assert codes(checks.cited_sources(page(text("Facts."), is_clinical=True, sources=[source]))) == ["no_citations"]
    assert checks.cited_sources(page(text("Facts.[^1]"), is_clinical=True, sources=[source])) == []
    assert checks.cited_sources(page(text("Opening hours."))) == []


def test_missing_alt_text_blocks_for_an_image_section_and_decorative_images_pass():
    image = {"kind": "image", "heading": "", "body": "", "image": "pages/a.png", "alt": ""}
    [finding] = checks.alt_text(page(image))
    assert finding.blocks and finding.code == "alt_text"
    assert checks.alt_text(page({**image, "alt": "A nurse taking a pulse"})) == []
    assert checks.alt_text(page({**image, "decorative": True})) == []
    assert checks.alt_text(page(text("No image field at all."))) == []
    assert codes(checks.alt_text(page(image="pages/b.png", image_alt="", image_decorative=False))) == ["alt_text"]


def test_links_to_deleted_and_unpublished_pages_are_flagged():
    data = page(text("See [our detox page](page:7), [the old one](page:8) and [a live one](page:9)."))
    found = checks.internal_links(data, {7: False, 9: True})
    assert len(found) == 2
    assert "not published" in found[0].message and "deleted" in found[1].message


def test_run_puts_blocking_findings_first():
    image = {"kind": "image", "heading": "Photo", "body": "", "image": "pages/a.png", "alt": ""}
    findings = checks.run(page(text("[click here](/x/)"), image), terms=[], targets={})
    assert codes(findings) == ["alt_text", "link_text"]


@pytest.mark.django_db
def test_the_terms_list_is_seeded_from_words_matter_and_editable():
    seeded = dict(StigmaTerm.objects.values_list("term", "alternatives"))
    assert "person with a substance use disorder" in seeded["addict"]
    assert "in recovery" in seeded["clean"] and "misuse" in seeded["abuse"]
    assert {"junkie", "drug habit"} <= seeded.keys()
    StigmaTerm.objects.filter(term="clean").update(is_active=False)
    assert checks.run(page(text("She stayed clean.")), targets={}) == []


@pytest.fixture
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


@pytest.mark.django_db
def test_the_editor_sees_the_saved_drafts_checks_and_those_of_what_they_are_typing(client, editor, no_2fa):
    from django.urls import reverse

    from tests.content.browserlike import untouched_form
    from tests.content.factories import PageFactory, SectionFactory

    page = PageFactory(title="Benzodiazepines")
    SectionFactory(page=page, heading="Help", body="Call us.")
    client.force_login(editor)
    url = reverse("admin:content_page_change", args=[page.pk])
    html = client.get(url).content.decode()
    assert "Checks before publishing" in html and "No problems found in the saved draft" in html
    form = untouched_form(html, "page_form")
    form["sections-0-body"] = ["Many addicts never ask. [Click here](/admissions/) to talk to us."]
    answer = client.post(reverse("admin:content_page_checks", args=[page.pk]), form).content.decode()
    assert "&quot;addicts&quot;" in answer and "person with a substance use disorder" in answer
    assert "&quot;Click here&quot; does not say where it leads" in answer
    assert "not saved yet" in answer
    page.refresh_from_db()
    assert page.sections.get().body == "Call us."  # checking writes nothing
    form["sections-0-DELETE"] = ["on"]
    assert (
        "No problems found" in client.post(reverse("admin:content_page_checks", args=[page.pk]), form).content.decode()
    )
