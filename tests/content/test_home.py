"""Each role's home in the admin: its work one click away; the machinery only for superusers."""

import pytest
from django.urls import reverse

from content import services
from nexus import roles
from tests.content.factories import PageFactory, SectionFactory, UserFactory, published_page

pytestmark = pytest.mark.django_db

TECHNICAL_NAMES = ["Sign-in lockouts", "Authenticator apps", "Backup codes", "Background tasks", "Site address"]
RAW_NAMES = ["Axes", "Access attempts", "TOTP devices", "Tasks Database Backend", "Db task results"]


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


def home(client, user):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return response.content.decode(), response.context["home_panels"]


def panel(panels, title):
    return next(p for p in panels if p["title"] == title)


def test_an_editor_sees_drafts_with_unpublished_changes_and_not_the_unchanged_ones(client, editor):
    unchanged = published_page(title="Opening hours")
    changed = published_page(title="Visiting")
    SectionFactory(page=changed, heading="New", body="A new section.")
    PageFactory(title="Never out")
    _html, panels = home(client, editor)
    drafts = panel(panels, "Drafts with unpublished changes")["items"]
    labels = {item["label"]: item for item in drafts}
    assert set(labels) == {"Visiting", "Never out"}
    assert labels["Visiting"]["url"] == reverse("admin:content_page_change", args=[changed.pk])
    assert "changed since version 1" in labels["Visiting"]["meta"]
    assert unchanged.title not in labels
    assert "Waiting for your review" not in [p["title"] for p in panels]


def test_a_reviewer_finds_the_requested_page_in_their_queue_one_click_from_its_changes(client, editor, reviewer):
    page = PageFactory(title="Benzodiazepine addiction treatment", is_clinical=True)
    services.request_review(page=page, user=editor)
    html, panels = home(client, reviewer.user)
    [item] = panel(panels, "Waiting for your review")["items"]
    assert item["url"] == reverse("admin:content_page_diff", args=[page.pk]) and item["url"] in html
    assert "by editor" in item["meta"]
    due = panel(panels, "Due for review (30 days)")["items"]
    assert [(i["label"], i["meta"]) for i in due] == [("Benzodiazepine addiction treatment", "never reviewed")]
    assert "Drafts with unpublished changes" not in html


def test_technical_sections_are_hidden_from_staff_in_the_index_and_the_sidebar(client, editor):
    lead = UserFactory(username="lead", roles=[roles.ADMISSIONS_LEAD])
    for user in (editor, lead):
        html, _panels = home(client, user)
        for name in TECHNICAL_NAMES + RAW_NAMES:
            assert name not in html.replace("Sign-in lockouts</h2>", ""), (user, name)
        client.force_login(user)
        sidebar = client.get(reverse("admin:content_page_changelist")).content.decode()
        assert "/admin/axes/" not in sidebar and "/admin/django_tasks_database/" not in sidebar
    assert client.get("/admin/axes/").status_code == 404


def test_an_admissions_lead_unlocks_colleagues_from_a_panel_not_a_technical_section(client):
    lead = UserFactory(username="lead", roles=[roles.ADMISSIONS_LEAD])
    _html, panels = home(client, lead)
    lockouts = panel(panels, "Sign-in lockouts")
    assert lockouts["more_url"] == reverse("admin:axes_accessattempt_changelist")
    assert client.get(lockouts["more_url"]).status_code == 200


def test_a_superuser_sees_the_technical_sections_last_with_human_names(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:index"))
    apps = response.context["app_list"]
    names = [app["name"] for app in apps]
    for name in TECHNICAL_NAMES:
        assert name in names
    first_technical = next(i for i, app in enumerate(apps) if app["technical"])
    assert all(app["technical"] for app in apps[first_technical:])
    assert "Pages and clinical reviews" in names[:first_technical]
    html = response.content.decode()
    assert "Tasks Database Backend" not in html and "Task results" in html


def test_a_reviewer_is_asked_only_for_pages_in_the_languages_they_read(client, editor):
    """A review by a clinician who does not read the page's language is refused, so their queue and
    their due list leave those pages out; a bilingual reviewer sees both, the Spanish one marked."""
    from content import services_translations
    from tests.content.factories import ReviewerFactory

    published = published_page(title="Alcohol detox", is_clinical=True)
    spanish = services_translations.translate_page(page=published, language="es", user=editor)
    original = PageFactory(title="Opioid detox", is_clinical=True)
    for page in (original, spanish):
        services.request_review(page=page, user=editor)
    english_only = ReviewerFactory(languages=["en"])
    bilingual = ReviewerFactory(languages=["en", "es"])

    _html, panels = home(client, english_only.user)
    assert [i["label"] for i in panel(panels, "Waiting for your review")["items"]] == [original.title]
    assert all(i["url"] != reverse("admin:content_page_diff", args=[spanish.pk]) for p in panels for i in p["items"])

    _html, panels = home(client, bilingual.user)
    queue = {i["url"]: i["meta"] for i in panel(panels, "Waiting for your review")["items"]}
    assert set(queue) == {reverse("admin:content_page_diff", args=[p.pk]) for p in (original, spanish)}
    assert queue[reverse("admin:content_page_diff", args=[spanish.pk])].startswith("Español · requested")
    assert not queue[reverse("admin:content_page_diff", args=[original.pk])].startswith("Español")
    due = {i["url"] for i in panel(panels, "Due for review (30 days)")["items"]}
    assert reverse("admin:content_page_diff", args=[spanish.pk]) in due
