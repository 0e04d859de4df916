"""The demo content: the benzodiazepine page with every section of the brief, and the rest of the site."""

import pytest
from django.core.management import call_command

from content import demo, models
from content.models import Page, Reviewer

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    demo.load()
    return Page.objects.get(url_path=demo.BENZO_PATH)


def test_benzodiazepine_page_has_every_section_of_the_brief_with_the_right_types(loaded):
    sections = list(loaded.sections.all())
    lists = {s.heading: len(s.item_list()) for s in sections if s.kind == "list"}
    assert lists == {
        "Signs of benzodiazepine abuse": 9,
        "Long-term effects of abuse": 7,
        "Common side effects": 7,
        "What benzodiazepines are prescribed for": 4,
        "Withdrawal symptoms": 13,
    }
    warnings = [s.heading for s in sections if s.kind == "warning"]
    assert any("suddenly" in h for h in warnings) and any("opioids or alcohol" in h for h in warnings)
    assert sum(s.kind == "faq" for s in sections) >= 3
    headed = [s for s in sections if s.heading and s.kind in ("text", "list", "warning")]
    assert len(headed) == 13
    assert loaded.sources.count() >= 3
    assert {"NIDA", "FDA", "SAMHSA"} <= {
        word for s in loaded.sources.all() for word in s.publisher.replace("(", " ").replace(")", " ").split()
    }


def test_benzodiazepine_page_is_live_reviewed_and_labels_samples(client, loaded):
    html = client.get(demo.BENZO_PATH).content.decode()
    assert "SAMPLE reviewer" in html and "SAMPLE testimonial" in html
    assert "GABA" in html and "association" in html
    assert not Reviewer.objects.filter(is_sample=False).exists()
    assert models.Testimonial.objects.exists() and not models.Testimonial.objects.filter(is_sample=False).exists()


def test_demo_builds_the_rest_of_the_site(client, loaded):
    for path in [
        "/substances/",
        "/treatment-programs/",
        "/treatment-programs/medical-detox/",
        "/treatment-programs/inpatient-treatment/",
        "/treatment-programs/outpatient-treatment/",
        "/about/",
        "/how-admission-works/",
        "/privacy-notice/",
        "/blog/",
    ]:
        assert client.get(path).status_code == 200, path
    privacy = client.get("/privacy-notice/").content.decode()
    assert "encrypted" in privacy and "audit trail" in privacy and "double opt-in" in privacy
    assert "trackers" in privacy
    assert Page.objects.live().filter(kind="article").count() == 3
    assert 'href="/benzodiazepine-addiction-treatment/"' in client.get("/substances/").content.decode()
    assert 'href="/admissions/"' in client.get("/how-admission-works/").content.decode()


def test_loading_twice_changes_nothing():
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Page.objects.count(), Reviewer.objects.count(), models.Testimonial.objects.count())
    revisions = sorted(Page.objects.values_list("live_revision_id", flat=True))
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert (Page.objects.count(), Reviewer.objects.count(), models.Testimonial.objects.count()) == counts
    assert sorted(Page.objects.values_list("live_revision_id", flat=True)) == revisions
