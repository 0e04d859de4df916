"""An Admissions lead picks a range, reads the figures and charts, and downloads the same figures."""

import csv
import io
from pathlib import Path

import pytest

from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS_LEAD
from tests.browser.desk import shot, sign_in
from tests.intake.staff import make_staff
from tests.intake.test_reports import lead, local

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def test_a_report_for_a_chosen_range_and_its_csv_agree(page):
    owner = make_staff("a.long.username.for.admissions")
    for day in range(1, 29, 3):
        lead(
            local(2026, 11, day, 9, 0),
            ["contacted", "admitted"] if day % 2 else ["contacted"],
            [(15 + day, "call", "reached")],
            utm_source="search" if day % 2 else "newsletter-december-2026",
            landing_path="/benzodiazepine-addiction-treatment/",
            utm_campaign="winter-outreach-2026",
            owner=owner if day > 10 else None,
        )
    lead(local(2026, 12, 2, 9, 0))  # outside the range chosen
    sign_in(page, make_staff("team.lead", ADMISSIONS_LEAD))
    page.goto("/admin/intake/inquiry/reports/")
    page.get_by_label("From").fill("2026-11-01")
    page.get_by_label("To (inclusive)").fill("2026-11-30")
    with page.expect_navigation():
        page.get_by_role("button", name="Show figures").click()
    assert "start=2026-11-01" in page.url
    figures = page.locator(".desk-figures")
    assert figures.get_by_text("Leads", exact=True).locator("xpath=..").inner_text().endswith("10")
    assert page.get_by_role("heading", name="By campaign").is_visible()
    page.assert_layout()
    page.assert_accessible()
    page.assert_same_origin()
    shot(page, "reports")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download the figures (CSV)").click()
    rows = list(csv.reader(io.StringIO(Path(download.value.path()).read_text(encoding="utf-8"))))
    table = {(row[0], row[1]): row[2:] for row in rows[1:]}
    assert table[("period", "2026-11-01 to 2026-11-30")][:3] == ["10", "5", "50.0"]
    assert table[("campaign", "winter-outreach-2026")][:2] == ["10", "5"]
    assert page.locator("tr", has_text="winter-outreach-2026").first.inner_text().split()[1:3] == ["10", "5"]
    assert AuditEvent.objects.filter(action="export", detail="report CSV 2026-11-01 to 2026-11-30").exists()


def test_a_reversed_range_says_what_is_wrong(page):
    sign_in(page, make_staff("team.lead", ADMISSIONS_LEAD))
    page.goto("/admin/intake/inquiry/reports/?start=2026-11-30&end=2026-11-01")
    assert page.get_by_role("alert").inner_text() == "The end date is before the start date."
    page.assert_layout()
    page.assert_accessible()
    shot(page, "reports-error")
