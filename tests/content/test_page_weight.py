"""The benzodiazepine page stays light: HTML, CSS and scripts compressed leave most of the 60 KB
first-view budget (issue 13) to its images. A size budget, not a timing."""

import gzip

import pytest
from django.contrib.staticfiles import finders

from content import demo
from tests.content.factories import committed

pytestmark = pytest.mark.django_db

BUDGET = 30_000  # bytes, gzip: half the page's 60 KB, the rest is for images


def test_benzodiazepine_page_html_css_and_js_stay_within_half_the_budget(client):
    with committed():
        demo.load()
    html = client.get(demo.BENZO_PATH).content.decode()
    assert "bootstrap" not in html
    assets = ["css/site.css", "css/content.css", "js/calls.js", "js/content.js"]
    for asset in assets:
        assert f"/static/{asset}" in html, asset
    sizes = {"html": len(gzip.compress(html.encode(), 9))}
    for asset in assets:
        with open(finders.find(asset), "rb") as file:
            sizes[asset] = len(gzip.compress(file.read(), 9))
    assert sum(sizes.values()) <= BUDGET, sizes
