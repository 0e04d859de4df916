"""An editor translates the benzodiazepine page into Spanish in a real Chromium: the button in the
panel, the new draft with the English original beside the form (above it on a phone), and the
out-of-date warning once the original publishes a change, at 375 and 1280 px with axe."""

import pytest

from content import services
from content.models import Page
from nexus import roles
from tests.browser.editor import BENZO, axe_violations_in, demo_benzo_page, signed_in
from tests.content.factories import ReviewerFactory, UserFactory, committed

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


@pytest.fixture
def benzo():
    return demo_benzo_page()


@pytest.fixture
def untranslated(benzo):
    """The benzodiazepine page without the demo's Spanish version, to translate it afresh."""
    Page.objects.filter(translation_of=benzo).delete()
    return benzo


def publish_a_change(original):
    section = original.sections.exclude(body="").first()
    section.body += "\n\nSAMPLE: a sentence added to the English page after it was translated."
    section.save()
    services.record_review(page=original, user=ReviewerFactory(name="SAMPLE Dr. Reviewer").user)
    with committed():
        services.publish(page=original, user=None)


@pytest.mark.parametrize("width", [375, 1280])
def test_an_editor_translates_the_page_and_works_beside_the_original(chromium, live_server, untranslated, width):
    benzo = untranslated
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    context, page = signed_in(chromium, live_server, editor, width)
    try:
        page.goto(f"/admin/content/page/{benzo.pk}/change/")
        with page.expect_navigation():
            page.get_by_role("button", name="Translate into Español").click()
        translation = Page.objects.get(translation_of=benzo, language="es")
        assert page.url.endswith(f"/admin/content/page/{translation.pk}/change/")
        assert "Español translation started" in page.inner_text(".messagelist")
        assert page.inner_text(".translation-language") == "Español"

        pane = page.locator("#original-pane")
        assert pane.get_by_role("heading", name="The original in English (version 1, live)").is_visible()
        first = benzo.sections.exclude(heading="").first()
        assert pane.locator(".original-section").count() == benzo.sections.count()
        assert f": {first.heading}" in pane.inner_text()
        assert pane.get_by_role("link", name="Open the original in the editor").is_visible()
        assert pane.get_by_role("link", name="Its public page").get_attribute("href") == BENZO

        box, form = pane.bounding_box(), page.locator("#content-main").bounding_box()
        if width == 1280:
            assert box["x"] + box["width"] <= form["x"] + 1, "the original beside the form, on its left"
            assert abs(box["y"] - form["y"]) < 40, "side by side, from the same height"
        else:
            assert box["y"] + box["height"] <= form["y"] + 1, "the original above the form on a phone"
        page.screenshot(path=f"var/shots/translation-editor-{width}.png", full_page=False)
        # Collapsed, as the page editor's own layout test does: an open testimonial section's chooser
        # (select2, Django's) squeezes a long quote at 375 px whatever the page's language.
        page.get_by_role("button", name="Collapse all").click()
        page.locator("#original-pane").scroll_into_view_if_needed()
        page.screenshot(path=f"var/shots/translation-editor-original-{width}.png", full_page=False)
        title = page.locator(".section-list > [data-section]:not(.empty-form) .section-title").first.bounding_box()
        assert title["width"] > 200, "a section's title keeps its room beside the original"
        page.assert_layout()
        assert not axe_violations_in(page, [".publish-panel", "#original-pane"])
        assert not page.console_errors, page.console_errors

        # The original publishes a change: the translation says so, with what changed.
        publish_a_change(benzo)
        page.reload()
        stale = page.locator(".translation-stale")
        assert "Out of date" in stale.inner_text() and "version 2 is live" in stale.inner_text()
        page.locator(".publish-panel").scroll_into_view_if_needed()
        page.screenshot(path=f"var/shots/translation-editor-out-of-date-{width}.png", full_page=False)
        page.get_by_role("button", name="Collapse all").click()
        page.assert_layout()
        assert not axe_violations_in(page, [".publish-panel", "#original-pane"])
        with page.expect_navigation():
            page.locator(".publish-panel").get_by_role("link", name="What changed in the original since").click()
        assert "SAMPLE: a sentence added to the English page" in page.inner_text(".nexus-diff-sections")
        page.go_back()
        with page.expect_navigation():
            page.get_by_role("button", name="I have brought this up to date with the original").click()
        assert "Marked as up to date" in page.inner_text(".messagelist")
        assert page.locator(".translation-stale").count() == 0

        # The original's editor names its translation.
        page.goto(f"/admin/content/page/{benzo.pk}/change/")
        assert f"Español: {translation.url_path}" in page.inner_text("#translation-facts")
        page.screenshot(path=f"var/shots/translation-original-{width}.png", full_page=False)
        page.get_by_role("button", name="Collapse all").click()
        page.assert_layout()
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_the_page_list_shows_language_and_an_out_of_date_translation(chromium, live_server, benzo, width):
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    translation = Page.objects.get(translation_of=benzo)  # the demo's Spanish version
    assert not translation.translation_is_out_of_date()
    publish_a_change(benzo)
    context, page = signed_in(chromium, live_server, editor, width)
    try:
        page.goto("/admin/content/page/?translation=out-of-date")
        rows = page.locator("#result_list tbody tr")
        assert rows.count() == 1 and translation.url_path in rows.first.inner_text()
        assert "Out of date" in rows.first.locator(".nexus-badge").inner_text()
        page.goto("/admin/content/page/?language__exact=es")
        spanish = Page.objects.filter(language="es").count()
        assert spanish > 1 and page.locator("#result_list tbody tr").count() == spanish
        page.goto("/admin/content/page/")
        page.screenshot(path=f"var/shots/translation-page-list-{width}.png", full_page=False)
        page.assert_layout()
        assert not axe_violations_in(page, ["#result_list", "#changelist-filter"])
    finally:
        context.close()


@pytest.mark.parametrize("width", [375, 1280])
def test_an_administrator_ticks_spanish_for_a_reviewer(chromium, live_server, width):
    reviewer = ReviewerFactory(name="SAMPLE Dra. Bilingüe")
    admin = UserFactory(username="boss", is_superuser=True)
    context, page = signed_in(chromium, live_server, admin, width)
    try:
        page.goto(f"/admin/content/reviewer/{reviewer.pk}/change/")
        page.get_by_label("Español").check()
        page.screenshot(path=f"var/shots/translation-reviewer-languages-{width}.png", full_page=True)
        page.assert_layout()
        assert not axe_violations_in(page, [".field-languages"])  # select2 elsewhere fails axe as it ships
        with page.expect_navigation():
            page.get_by_role("button", name="Save", exact=True).click()
    finally:
        context.close()
    reviewer.refresh_from_db()
    assert reviewer.languages == ["en", "es"]
