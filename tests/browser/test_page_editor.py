"""The page editor as an editor meets it, in a real Chromium on the project's database: the
benzodiazepine page, sections collapsed and moved by keyboard, a new section, the preview beside
the form at 375 px, a review, a schedule for tomorrow, and the live page unchanged until then."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from content import cache as content_cache
from content import services
from content.models import Page
from nexus import roles
from tests.browser.editor import BENZO, axe_violations_in, demo_benzo_page, signed_in
from tests.content.factories import ReviewerFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def no_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = False


@pytest.fixture
def benzo():
    return demo_benzo_page()


FIELDS_CUT_OFF_JS = """() => [...document.querySelectorAll('.inline-related:not(.empty-form)')].flatMap((block) => {
  const right = block.getBoundingClientRect().right;
  return [...block.querySelectorAll('textarea, select, input[type=text], input[type=url]')]
    .filter((e) => e.getBoundingClientRect().width && e.getBoundingClientRect().right > right)
    .map((e) => e.name);
})"""


def kinds(page):
    return page.eval_on_selector_all(
        ".section-list > [data-section]:not(.empty-form)",
        "blocks => blocks.map(b => b.querySelector('[name$=\"-kind\"]').value)",
    )


def test_editor_reorders_adds_previews_and_schedules_the_benzodiazepine_page(chromium, live_server, benzo):
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    context, page = signed_in(chromium, live_server, editor, 1280)
    try:
        page.goto(f"/admin/content/page/{benzo.pk}/change/")
        page.get_by_role("button", name="Collapse all").click()
        assert page.locator(".section-body:visible").count() == 0
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height < 6000, f"the form is {height}px tall with its sections collapsed"

        # The first question and answer moves above the first warning, by keyboard alone.
        order = kinds(page)
        faq, warning = order.index("faq"), order.index("warning")
        block = page.locator(".section-list > [data-section]").nth(faq)
        block_id = block.get_attribute("id")
        block.get_by_role("button", name="Move up").focus()
        for _ in range(faq - warning):
            page.keyboard.press("Enter")
        status = page.locator(".section-editor-status")
        total = len(order)
        page.wait_for_function(
            "text => document.querySelector('.section-editor-status').textContent.includes(text)",
            arg=f"to position {warning + 1} of {total}.",
        )
        assert status.get_attribute("aria-live") == "polite"
        moved = kinds(page)
        assert moved.index("faq") < moved.index("warning")
        assert page.locator(".section-list > [data-section]").nth(warning).get_attribute("id") == block_id

        # A text section in the middle: only a text section's fields show.
        middle = page.locator(".section-list > [data-section]").nth(total // 2)
        middle.get_by_role("button", name="Add a section below").click()
        new = page.locator(".section-list > [data-section]").nth(total // 2 + 1)
        assert new.locator(".field-body").is_visible() and not new.locator(".field-question").is_visible()
        new.locator("select[name$='-kind']").select_option("faq")
        assert new.locator(".field-question").is_visible() and "Answer" in new.locator(".field-body label").inner_text()
        new.locator("select[name$='-kind']").select_option("text")
        assert not new.locator(".field-question").is_visible() and not new.locator(".field-items").is_visible()
        new.locator("input[name$='-heading']").fill("SAMPLE: Questions to ask your doctor")
        new.locator("textarea[name$='-body']").fill("SAMPLE text. Ask how long a taper would take for you.")
        assert "Rich text" in new.locator(".section-toggle").inner_text()
        with page.expect_navigation():
            page.click('input[name="_continue"]')
        assert "was changed successfully" in page.inner_text(".messagelist")
        saved = list(benzo.sections.values_list("kind", "heading"))
        assert saved[total // 2 + 1][1] == "SAMPLE: Questions to ask your doctor"
        assert [k for k, _h in saved].index("faq") < [k for k, _h in saved].index("warning")

        # The preview beside the form, at a phone's width, shows the saved draft.
        page.get_by_role("link", name="Preview").click()
        frame = page.frame_locator("iframe.preview-frame")
        frame.get_by_role("heading", name="SAMPLE: Questions to ask your doctor").wait_for()
        assert page.locator("iframe.preview-frame").evaluate("f => f.style.width") == "375px"
        pane, form = page.locator("#preview-pane").bounding_box(), page.locator("#content-main").bounding_box()
        assert pane["x"] >= form["x"] + form["width"] - 1, "beside the form, not over or under it"
        page.screenshot(path="var/shots/page-editor-preview-1280.png", full_page=False)

        # Reviewed (the existing review path), then scheduled for tomorrow, 09:00 at the center.
        reviewer = ReviewerFactory(name="SAMPLE Dr. Review")
        services.record_review(page=benzo, user=reviewer.user)
        page.reload()
        assert "The current clinical review covers this draft." in page.inner_text(".publish-panel")
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        page.fill("#schedule-at", f"{tomorrow:%Y-%m-%d}T09:00")
        with page.expect_navigation():
            page.get_by_role("button", name="Schedule", exact=True).click()
        confirmation = page.inner_text(".messagelist")
        assert f"scheduled to go live on {tomorrow.day} {tomorrow:%b %Y}, 09:00 E" in confirmation
        assert "is scheduled to go live on" in page.inner_text(".publish-panel")
    finally:
        context.close()

    public = Client()
    assert "Questions to ask your doctor" not in public.get(BENZO).content.decode(), "unchanged until tomorrow"
    Page.objects.filter(pk=benzo.pk).update(scheduled_at=timezone.now() - datetime.timedelta(seconds=1))
    content_cache.invalidate()  # what the clock passing the time does to 'nothing due until then'
    html = public.get(BENZO).content.decode()
    assert "Questions to ask your doctor" in html


@pytest.mark.parametrize("width", [375, 1280, 1920])
def test_the_editor_fits_the_screen_with_the_preview_open(chromium, live_server, benzo, width):
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    context, page = signed_in(chromium, live_server, editor, width)
    try:
        page.goto(f"/admin/content/page/{benzo.pk}/change/")
        page.screenshot(path=f"var/shots/page-editor-{width}.png", full_page=True)
        cut = page.evaluate(FIELDS_CUT_OFF_JS)
        assert not cut, f"fields wider than their block (their right edge cut off): {cut[:5]}"
        page.get_by_role("button", name="Collapse all").click()
        page.get_by_role("link", name="Preview").click()
        page.frame_locator("iframe.preview-frame").locator("h1").wait_for()
        page.screenshot(path=f"var/shots/page-editor-collapsed-preview-{width}.png", full_page=True)
        page.assert_layout()
        panel = page.locator(".publish-panel").bounding_box()
        assert panel["width"] >= min(width, 1280) * 0.6, "the publish panel has the page's width"
        for name in ("Preview", "Publish now", "Schedule", "Unpublish"):
            box = page.get_by_role("link" if name == "Preview" else "button", name=name, exact=True).bounding_box()
            assert box["height"] >= 36 and box["width"] >= 60, f"{name} is a full-size button"
        assert not axe_violations_in(page, [".publish-panel", "#sections-group", "#preview-pane", ".versions"])
        assert not page.console_errors, page.console_errors
    finally:
        context.close()


def test_sections_move_by_drag_and_are_duplicated_and_removed_on_save(chromium, live_server):
    from tests.content.factories import PageFactory, SectionFactory

    draft = PageFactory(slug="drag", title="Drag")
    for heading in ("First", "Second", "Third"):
        SectionFactory(page=draft, heading=heading, body=f"{heading} text.")
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    context, page = signed_in(chromium, live_server, editor, 1280)
    try:
        page.goto(f"/admin/content/page/{draft.pk}/change/")
        blocks = page.locator(".section-list > [data-section]:not(.empty-form)")
        # Collapsed, all three are on the screen: a drag that scrolls would start from wherever
        # the press lands after the scroll.
        page.get_by_role("button", name="Collapse all").click()
        blocks.nth(2).locator(".section-handle").drag_to(blocks.nth(0), target_position={"x": 40, "y": 3})
        headings = page.eval_on_selector_all(
            ".section-list input[name$='-heading']:not([name*='__prefix__'])", "i => i.map(e => e.value)"
        )
        assert headings == ["Third", "First", "Second"]
        # Announced after a short pause (the live region is cleared first, so repeats are read).
        page.wait_for_function(
            "() => document.querySelector('.section-editor-status').textContent.includes('to position 1 of 3')"
        )
        blocks.nth(1).get_by_role("button", name="Duplicate").click()
        blocks.nth(0).get_by_text("Remove on save").click()
        assert "removed" in blocks.nth(0).get_attribute("class")
        page.wait_for_function("() => document.querySelector('.section-editor-status').textContent.includes('removed')")
        with page.expect_navigation():
            page.click('input[name="_continue"]')
        assert "was changed successfully" in page.inner_text(".messagelist")
    finally:
        context.close()
    assert list(draft.sections.values_list("heading", "body")) == [
        ("First", "First text."),
        ("First", "First text."),
        ("Second", "Second text."),
    ]
    assert list(draft.sections.values_list("anchor", flat=True)) == ["first", "first-2", "second"]


@pytest.mark.parametrize("width", [375, 1280])
def test_a_citation_of_a_missing_source_opens_its_section_with_the_error_and_the_layout_holds(
    chromium, live_server, width
):
    from tests.content.factories import PageFactory, SectionFactory

    draft = PageFactory(slug="cites", title="Cites")
    SectionFactory(page=draft, heading="Withdrawal", body="Slowly.")
    SectionFactory(page=draft, heading="Help", body="Call us.")
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    context, page = signed_in(chromium, live_server, editor, width)
    try:
        page.goto(f"/admin/content/page/{draft.pk}/change/")
        page.get_by_role("button", name="Collapse all").click()
        second = page.locator(".section-list > [data-section]").nth(1)
        second.locator(".section-toggle").click()
        second.locator("textarea[name$='-body']").fill("Call us.[^3]")
        with page.expect_navigation():
            page.click('input[name="_continue"]')
        error = page.locator(".section-block.has-errors")
        assert error.count() == 1 and error.locator(".section-body").is_visible()
        assert page.locator(".section-body:visible").count() == 1, "the others close, to find the error"
        assert "cites source [^3], but the page has 0 source(s)" in error.inner_text()
        page.get_by_role("link", name="Preview").click()
        page.get_by_role("button", name="Desktop").click()
        assert page.locator("iframe.preview-frame").evaluate("f => f.style.width") == "1280px"
        error.scroll_into_view_if_needed()
        page.screenshot(path=f"var/shots/page-editor-error-{width}.png", full_page=True)
        page.assert_layout()
        assert not axe_violations_in(page, ["#sections-group", "#preview-pane"])
    finally:
        context.close()
    assert draft.sections.get(heading="Help").body == "Call us."
