"""The editor's and the clinical reviewer's day in a real Chromium, on the benzodiazepine page:
request review, the email, the reviewer's queue, the difference, the review in one step; the checks
while typing; and each role's home. Every screen at 1280 and 375 px, looked at (var/shots/)."""

import re
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.test import Client

from content import demo
from content.models import Page, Review, ReviewRequest
from nexus import roles
from tests.browser.harness import AXE_SOURCE, PHONE, SMALL_TARGETS_JS, SQUEEZED_WORDS_JS, WCAG_TAGS, BrowserPage
from tests.content.factories import UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def demo_site(settings):
    settings.NEXUS_REQUIRE_2FA = False
    # A transactional test empties every table after it, the rows data migrations wrote included.
    import_module("content.migrations.0009_seed_stigma_terms").seed(apps, None)
    demo.load()


def sign_in(page, user):
    page.set_default_timeout(60_000)  # the benzodiazepine page's editor is long, and the machine shared
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def look(page, name):
    """Screenshot, then the checks every screen must pass."""
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/{name}-{width}.png", full_page=True)
    page.assert_layout()
    page.assert_accessible()
    assert not page.console_errors, page.console_errors


def look_at_panel(page, name, selector):
    """The page form around them is another change's (today its sources table is wider than 1280 px
    and a testimonial's name is cut short): shoot the screen whole, and hold the review and checks
    panels to the same rules as every screen, inside their boxes."""
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/{name}-{width}.png", full_page=True)
    for part in selector.split(","):
        box = page.locator(part.strip()).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{part} overflows: {box}"
    for part in selector.split(","):
        root = f"document.querySelector({part.strip()!r})"
        squeezed = page.evaluate(SQUEEZED_WORDS_JS.replace("document.body", root))
        assert not squeezed, f"words squeezed in {part}: {squeezed[:10]}"
        small = page.evaluate(
            SMALL_TARGETS_JS.replace("document.querySelectorAll(selector)", f"{root}.querySelectorAll(selector)"), 24
        )
        assert not small, f"controls under 24x24 px in {part}: {small[:10]}"
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "([sel, tags]) => axe.run({include: sel.split(',').map(s => [s.trim()])},"
        " {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        [selector, WCAG_TAGS],
    )
    assert not result["violations"], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert not page.console_errors, page.console_errors


def at_375(chromium, live_server, user, path, name):
    """The same screen on a phone, signed in as the same person."""
    context = chromium.new_context(**PHONE)
    try:
        phone = BrowserPage(context.new_page(), live_server.url)
        sign_in(phone, user)
        assert phone.goto(path).status == 200
        look(phone, name)
    finally:
        context.close()


def section_textarea(page, heading):
    """The body textarea of the section whose heading field holds `heading`."""
    name = page.eval_on_selector_all(
        "input[name^='sections-'][name$='-heading']",
        "(inputs, heading) => inputs.find(i => i.value === heading).name",
        heading,
    )
    return page.locator(f"textarea[name='{name.replace('-heading', '-body')}']")


def test_editor_requests_review_and_the_reviewer_records_it_from_the_difference(chromium, live_server, browser_page):
    benzo = Page.objects.get(url_path=demo.BENZO_PATH)
    reviewer_user = benzo.reviews.get().reviewer.user
    reviewer_user.email, reviewer_user.is_staff = "reviewer@nexus-recovery.example", True
    reviewer_user.save()
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    mail.outbox.clear()

    # The editor changes two words and asks for a review.
    sign_in(browser_page, editor)
    change_url = f"/admin/content/page/{benzo.pk}/change/"
    browser_page.goto(change_url)
    body = section_textarea(browser_page, "What benzodiazepines are")
    body.fill(body.input_value().replace("often called benzos", "sometimes called benzos"))
    with browser_page.expect_navigation():
        browser_page.click("input[name='_continue']")
    assert "was changed successfully" in browser_page.inner_text("body")
    assert "has not been reviewed" in browser_page.inner_text("#review-actions")
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name="Request review").click()
    assert "Review requested" in browser_page.inner_text("body")
    assert "Waiting for review since" in browser_page.inner_text("#review-actions")
    look_at_panel(browser_page, "editor-review-requested", "#review-actions, #editor-checks")

    # The reviewer's email: a link, the page's number, nothing of the page.
    [message] = mail.outbox
    assert message.to == ["reviewer@nexus-recovery.example"]
    link = re.search(r"https?://\S+/changes/", message.body).group(0)
    assert f"/admin/content/page/{benzo.pk}/changes/" in link
    for word in ("benzo", "Benzodiazepine", "sometimes", "sedative", "addiction"):
        assert word.lower() not in (message.subject + message.body).lower()

    # The reviewer opens their home and finds the page in the queue.
    browser_page.context.clear_cookies()
    sign_in(browser_page, reviewer_user)
    browser_page.goto("/admin/")
    queue = browser_page.locator("section.nexus-home-panel", has_text="Waiting for your review")
    assert queue.get_by_role("link", name="Benzodiazepine addiction treatment").count() == 1
    look(browser_page, "home-reviewer")
    at_375(chromium, live_server, reviewer_user, "/admin/", "home-reviewer")
    with browser_page.expect_navigation():
        queue.get_by_role("link", name="Benzodiazepine addiction treatment").click()

    # Exactly the difference since the last review.
    assert browser_page.url.endswith(f"/admin/content/page/{benzo.pk}/changes/")
    # The words themselves (without the "[added: ...]" said to screen readers) and the words heard.
    words = "els => els.map(e => [...e.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join(''))"
    assert browser_page.eval_on_selector_all(".nexus-diff-sections ins", words) == ["sometimes"]
    assert browser_page.eval_on_selector_all(".nexus-diff-sections del", words) == ["often"]
    heard = browser_page.eval_on_selector_all(
        ".nexus-diff-sections ins, .nexus-diff-sections del", "els => els.map(e => e.textContent)"
    )
    assert heard == ["[added: sometimes]", "[removed: often]"] or heard == ["[removed: often]", "[added: sometimes]"]
    changed = browser_page.locator(".nexus-diff-changed .nexus-diff-section-title").all_inner_texts()
    assert len(changed) == 1 and "What benzodiazepines are" in changed[0]
    assert browser_page.locator(".nexus-diff-added, .nexus-diff-removed, .nexus-diff-moved").count() == 0
    look(browser_page, "review-diff")
    at_375(chromium, live_server, reviewer_user, f"/admin/content/page/{benzo.pk}/changes/", "review-diff")

    # One step: the review is recorded, in the reviewer's name, today, and the queue is empty.
    with browser_page.expect_navigation():
        browser_page.get_by_role("button", name="Record my review").click()
    assert "Your review of this draft is recorded" in browser_page.inner_text("body")
    review = Review.objects.filter(page=benzo).latest("recorded_at")
    assert review.recorded_by == reviewer_user and "sometimes called benzos" in str(review.snapshot)
    assert not ReviewRequest.objects.waiting().exists()
    browser_page.goto("/admin/")
    assert "No review requests" in browser_page.inner_text("#work-home")


def test_the_checks_flag_a_stigmatising_word_and_a_click_here_link_while_the_editor_types(
    chromium, live_server, browser_page
):
    benzo = Page.objects.get(url_path=demo.BENZO_PATH)
    editor = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
    sign_in(browser_page, editor)
    browser_page.goto(f"/admin/content/page/{benzo.pk}/change/")
    checks = browser_page.locator("#editor-checks")
    assert checks.get_attribute("open") is None, "advice alone leaves the checks closed"
    checks.locator("summary").click()
    # The saved demo page already has advice (a heading says "abuse"), listed before any typing.
    assert "abuse" in checks.inner_text()
    body = section_textarea(browser_page, "When use becomes a problem")
    body.fill(body.input_value() + "\n\nMany addicts wait too long. [Click here](/admissions/) to talk to us.")
    browser_page.wait_for_selector("#editor-checks-list :text('not saved yet')")
    text = checks.inner_text()
    assert '"addicts"' in text and "person with a substance use disorder" in text
    assert '"Click here" does not say where it leads' in text
    assert "When use becomes a problem" in text
    checks.scroll_into_view_if_needed()
    look_at_panel(browser_page, "editor-checks", "#review-actions, #editor-checks")
    checks.screenshot(path="var/shots/editor-checks-panel-1280.png")
    benzo.refresh_from_db()
    assert "addicts" not in benzo.sections.get(heading="When use becomes a problem").body
    context = chromium.new_context(**PHONE)
    try:
        phone = BrowserPage(context.new_page(), live_server.url)
        sign_in(phone, editor)
        phone.goto(f"/admin/content/page/{benzo.pk}/change/")
        phone.locator("#editor-checks summary").click()
        field = section_textarea(phone, "When use becomes a problem")
        field.fill(field.input_value() + "\n\n[click here](/admissions/)")
        phone.wait_for_selector("#editor-checks-list :text('not saved yet')")
        phone.locator("#editor-checks").scroll_into_view_if_needed()
        look_at_panel(phone, "editor-checks", "#review-actions, #editor-checks")
        phone.locator("#editor-checks").screenshot(path="var/shots/editor-checks-panel-375.png")
    finally:
        context.close()


@pytest.mark.parametrize("role", ["editor", "superuser"])
def test_each_roles_home_fits_the_screen(chromium, live_server, browser_page, role, django_user_model):
    if role == "superuser":
        user = django_user_model.objects.create_superuser("boss", "boss@nexus-recovery.example", "x" * 16)
    else:
        user = UserFactory(username="editor", roles=[roles.CONTENT_EDITORS])
        benzo = Page.objects.get(url_path=demo.BENZO_PATH)
        section = benzo.sections.first()
        section.body += "\n\nOne more sentence."
        section.save()
    sign_in(browser_page, user)
    browser_page.goto("/admin/")
    text = browser_page.text_content("#content")
    if role == "editor":
        drafts = browser_page.locator("section.nexus-home-panel", has_text="Drafts with unpublished changes")
        assert drafts.get_by_role("link", name="Benzodiazepine addiction treatment").count() == 1
        assert "Background tasks" not in text and "Sign-in lockouts" not in text
    else:
        assert "Background tasks" in text and "Sign-in lockouts" in text and "Tasks Database Backend" not in text
    look(browser_page, f"home-{role}")
    at_375(chromium, live_server, user, "/admin/", f"home-{role}")
