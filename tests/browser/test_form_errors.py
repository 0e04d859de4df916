"""Each public form's error state in Chromium at 375 and 1280 px: the summary focused with one
border, every error between its label and its input, nothing squeezed, axe clean; screenshots
under var/shots/ (form-errors-<form>-<width>.png)."""

import pytest

from intake import spam

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FORMS = {
    "inquiry": ("/admissions/", "Send my inquiry"),
    "callback": ("/admissions/callback/", "Call me back"),
    "newsletter": ("/newsletter/", "Sign up"),
}

# For each field in error: the label's (or legend's) bottom, the error's top and bottom, and the
# top of the first input, in page pixels; and the width of every choice's label.
GEOMETRY_JS = """() => [...document.querySelectorAll('main .field--error')].map((field) => {
  const box = (e) => e ? e.getBoundingClientRect() : null;
  const label = box(field.querySelector('.field-label, legend'));
  const error = box(field.querySelector('.field-error'));
  const input = box(field.querySelector('input, select, textarea'));
  const choiceLabels = [...field.querySelectorAll('.form-check-label')]
    .map((l) => [l.textContent.trim(), l.getBoundingClientRect().width, l.scrollWidth]);
  return {id: field.id, label: label && label.bottom, errorTop: error.top, errorBottom: error.bottom,
          inputTop: input.top, single: !field.querySelector('.field-label, legend'), choiceLabels};
})"""


@pytest.fixture(autouse=True)
def no_minimum_form_time(monkeypatch):
    monkeypatch.setattr(spam, "MIN_SECONDS", 0)


@pytest.mark.parametrize("page_fixture", ["phone_page", "browser_page"])
@pytest.mark.parametrize("form", FORMS)
def test_the_error_state_reads_in_order_and_fits(request, page_fixture, form):
    page = request.getfixturevalue(page_fixture)
    path, button = FORMS[form]
    page.goto(path)
    with page.expect_navigation():
        page.locator("main").get_by_role("button", name=button).click()
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/form-errors-{form}-{width}.png", full_page=True)

    assert page.title().startswith("Error: ")
    summary = page.locator(".error-summary")
    assert summary.get_by_role("heading", name="There is a problem").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')"), "the summary has focus"
    # One border: no outline or shadow stacked on it while it has focus.
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.querySelector('.error-summary'));"
        " return [s.outlineStyle, s.outlineWidth, s.boxShadow]; }"
    )
    assert outline[0] == "none" or outline[1] == "0px", outline
    assert outline[2] == "none", outline

    fields = page.evaluate(GEOMETRY_JS)
    links = summary.get_by_role("link").all()
    assert len(fields) >= 2 and len(links) >= len(fields)
    for field in fields:
        if field["single"]:  # a lone box: the error above the box
            assert field["errorBottom"] <= field["inputTop"] + 1, field
        else:
            assert field["label"] <= field["errorTop"] + 1 and field["errorBottom"] <= field["inputTop"] + 1, field
        for text, shown, needed in field["choiceLabels"]:
            assert shown + 1 >= needed and shown > 40, f"{text!r} squeezed to {shown}px in {field['id']}"

    # Each link in the summary moves focus to the input it is about.
    for link in links:
        target = link.get_attribute("href").split("#", 1)[1]
        link.click()
        assert page.evaluate("document.activeElement.id") == target
    page.assert_layout()
    page.assert_clean()
