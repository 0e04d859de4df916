"""Language on the admissions desk and the inquiry form's "prefers Spanish" question, in a real
Chromium at 375 and 1280 px: badges, filters, the lead page, the question and its errors; axe and
the layout checks; screenshots var/shots/desk-language-*.png and form-spanish-*.png."""

import re

import pytest

from intake import spam
from intake.models import Inquiry
from nexus.roles import ADMISSIONS
from tests.browser.desk import shot, sign_in
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
QUESTION = "Would you rather we speak Spanish with you? (optional)"
# For each field in error: its legend's bottom, the error's top and bottom, the first input's top.
GEOMETRY_JS = """(id) => { const field = document.getElementById(id);
  const box = (e) => e.getBoundingClientRect();
  return {legend: box(field.querySelector('legend')).bottom, errorTop: box(field.querySelector('.field-error')).top,
          errorBottom: box(field.querySelector('.field-error')).bottom, inputTop: box(field.querySelector('input')).top,
          labels: [...field.querySelectorAll('.form-check-label')].map((l) => [l.getBoundingClientRect().width,
                                                                             l.scrollWidth])}; }"""


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


@pytest.fixture(autouse=True)
def no_minimum_form_time(monkeypatch):
    monkeypatch.setattr(spam, "MIN_SECONDS", 0)


def shown_leads(page):
    hrefs = page.eval_on_selector_all(
        "a[href*='/admin/intake/inquiry/'][href$='/change/']", "els => els.map(e => e.href)"
    )
    return {int(re.search(r"/(\d+)/change/$", href).group(1)) for href in hrefs}


def test_the_desk_sees_who_to_speak_spanish_with_and_filters_by_it(page):
    coordinator = make_staff("coordinator", ADMISSIONS)
    spanish = InquiryFactory(name="Lucía Hernández-Villalobos", language="es", owner=coordinator, in_danger=True)
    prefers = InquiryFactory(name="Robin Prefers", language="en", prefers_spanish=True, owner=coordinator)
    InquiryFactory(name="Dana English", language="en", prefers_spanish=False, owner=coordinator)
    unowned = InquiryFactory(name="Mateo Sin Dueño", language="es")
    sign_in(page, coordinator)

    page.goto("/admin/intake/inquiry/my-work/")
    for lead, badge in [(spanish, "Spanish"), (prefers, "Prefers Spanish"), (unowned, "Spanish")]:
        row = page.locator("li.lead-work-item").filter(has=page.get_by_role("link", name=f"#{lead.pk} · {lead.name}"))
        assert row.locator(".lead-flag-language").inner_text() == badge
    english_row = page.locator("li.lead-work-item").filter(has_text="Dana English")
    assert english_row.locator(".lead-flag-language").count() == 0
    page.assert_layout()
    page.assert_accessible()
    shot(page, "language-my-work")

    with page.expect_navigation():
        page.get_by_role("navigation", name="Language:").get_by_role("link", name="Spanish", exact=True).click()
    assert page.url.endswith("?language=spanish")
    assert shown_leads(page) == {spanish.pk, prefers.pk, unowned.pk}
    assert page.get_by_role("link", name="Spanish", exact=True).get_attribute("aria-current") == "page"
    page.assert_layout()
    page.assert_accessible()
    shot(page, "language-my-work-spanish")

    page.goto("/admin/intake/inquiry/")
    for lead, badge in [(spanish, "Spanish"), (prefers, "Prefers Spanish")]:
        cell = page.locator("#result_list tr").filter(has=page.get_by_role("link", name=str(lead), exact=True))
        assert cell.locator(".lead-flag-language").inner_text() == badge
    page.assert_layout()
    page.assert_accessible()
    shot(page, "language-list")
    filters = page.locator("#changelist-filter")
    if not filters.get_by_role("link", name="Prefers Spanish", exact=True).is_visible():
        filters.get_by_text("By language").click()  # a closed <details> on a narrow screen
    with page.expect_navigation():
        filters.get_by_role("link", name="Prefers Spanish", exact=True).click()
    assert "language=prefers_spanish" in page.url
    assert shown_leads(page) == {prefers.pk}
    page.assert_layout()
    shot(page, "language-list-prefers")

    page.goto(f"/admin/intake/inquiry/{prefers.pk}/change/")
    facts = page.eval_on_selector_all(
        ".lead-card dl div",
        "els => Object.fromEntries(els.map(e => [e.querySelector('dt').innerText, e.querySelector('dd').innerText]))",
    )
    assert (facts["Language"], facts["Prefers Spanish"]) == ("English", "yes")
    page.assert_layout()
    page.assert_accessible()
    shot(page, "language-lead-page")


def test_the_inquiry_form_asks_and_keeps_the_answer_through_an_error(page):
    page.goto("/admissions/")
    question = page.get_by_role("group", name=re.compile(r"^Would you rather we speak Spanish with you\?"))
    assert question.locator("legend").inner_text() == QUESTION
    assert question.locator("[lang=es]").inner_text() == "¿Prefiere que le hablemos en español?"
    page.assert_layout()
    page.assert_clean()
    page.screenshot(path=f"var/shots/form-spanish-{page.viewport_size['width']}.png", full_page=True)

    question.get_by_label("Yes").check()
    page.get_by_label("Your name").fill("")
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Send my inquiry").click()
    assert page.title().startswith("Error: ")
    question = page.get_by_role("group", name=re.compile(r"^Would you rather we speak Spanish with you\?"))
    assert question.get_by_label("Yes").is_checked(), "the answer is kept when the form comes back"
    page.assert_layout()
    page.assert_clean()
    page.screenshot(path=f"var/shots/form-spanish-errors-{page.viewport_size['width']}.png", full_page=True)


def test_an_answer_that_is_not_yes_or_no_is_shown_as_an_error_on_the_question(page):
    page.goto("/admissions/")
    # What a tampered page or a broken client could send: the server says so on the question.
    page.evaluate("document.getElementById('id_prefers_spanish_0').value = 'maybe'")
    page.locator("#id_prefers_spanish_0").check()
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name="Send my inquiry").click()
    summary = page.locator(".error-summary")
    link = summary.get_by_role("link", name="Select yes or no, or leave this question unanswered")
    link.click()
    assert page.evaluate("document.activeElement.id") == "id_prefers_spanish_0"
    box = page.evaluate(GEOMETRY_JS, "div_id_prefers_spanish")
    assert box["legend"] <= box["errorTop"] + 1 and box["errorBottom"] <= box["inputTop"] + 1, box
    for shown, needed in box["labels"]:
        assert shown + 1 >= needed, box
    page.assert_layout()
    page.assert_clean()
    page.screenshot(path=f"var/shots/form-spanish-invalid-{page.viewport_size['width']}.png", full_page=True)
    assert not Inquiry.objects.exists()
