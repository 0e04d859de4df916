"""The search results page at 375 and 1280 px: separate results, snippets that fit, axe clean."""

import pytest

from content import services
from tests.content.factories import PageFactory, SectionFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("page_fixture", ["phone_page", "browser_page"])
def test_results_are_separated_and_fit(request, page_fixture):
    for number, extra in enumerate(["Sweating\nTrembling", "Supercalifragilisticexpialidocious" * 4, "Café 離脱症状"]):
        page = PageFactory(slug=f"withdrawal-{number}", title=f"Withdrawal page {number}", summary="About withdrawal.")
        SectionFactory(
            page=page,
            heading="What withdrawal is",
            kind="list",
            items=f"{extra}\nWithdrawal signs",
            body="Withdrawal is how the **body** reacts when a medicine it is used to is stopped.",
        )
        services.publish(page=page, user=None)
    browser = request.getfixturevalue(page_fixture)
    browser.goto("/search/?q=withdrawal")
    results = browser.locator(".search-result")
    assert results.count() == 3
    boxes = [results.nth(i).bounding_box() for i in range(3)]
    for upper, lower in zip(boxes, boxes[1:], strict=False):
        assert lower["y"] >= upper["y"] + upper["height"] + 8, "results are apart"
    assert "**" not in browser.inner_text("main")
    width = browser.viewport_size["width"]
    browser.screenshot(path=f"var/shots/search-results-{width}.png", full_page=True)
    browser.assert_layout()
    browser.assert_clean()
