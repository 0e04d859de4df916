"""An Admissions lead compares a duplicate with its original and merges it, at 375 and 1280 px."""

import pytest

from intake.models import Activity, Inquiry, LeadMerge, StatusChange
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS_LEAD
from tests.browser.desk import shot, sign_in
from tests.intake.factories import InquiryFactory
from tests.intake.staff import make_staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def test_an_admissions_lead_merges_a_duplicate_and_both_timelines_are_on_the_original(page):
    original = InquiryFactory(
        name="Dana Example (SAMPLE)", phone="+12025550160", message="Detox for my brother", utm_source="search"
    )
    StatusChange.objects.create(inquiry=original, to_status="new")
    Activity.objects.create(inquiry=original, kind="call", outcome="no_answer", note="Rang at noon, no answer")
    duplicate = InquiryFactory(
        name="Dana Example (SAMPLE)",
        phone="+12025550160",
        email="dana.example.sample@example.com",
        message="Sent the form again, please call after 5pm",
        landing_path="/benzodiazepine-addiction-treatment/",
        utm_campaign="winter-outreach-2026",
        duplicate_of=original,
    )
    StatusChange.objects.create(inquiry=duplicate, to_status="new")
    Activity.objects.create(inquiry=duplicate, kind="text", outcome="sent", note="Texted the link to call us")
    sign_in(page, make_staff("team.lead", ADMISSIONS_LEAD))

    page.goto(f"/admin/intake/inquiry/{duplicate.pk}/change/")
    with page.expect_navigation():
        page.get_by_role("link", name="Compare and merge").click()
    table = page.get_by_role("table")
    assert table.get_by_role("columnheader", name=f"Duplicate #{duplicate.pk}").is_visible()
    assert table.get_by_role("columnheader", name=f"Original #{original.pk}").is_visible()
    assert table.get_by_text("Sent the form again, please call after 5pm").is_visible()
    page.assert_layout()
    page.assert_accessible()
    shot(page, "merge")

    with page.expect_navigation():
        page.get_by_role("button", name=f"Merge lead #{duplicate.pk} into lead #{original.pk}").click()
    assert page.url.endswith(f"/admin/intake/inquiry/{original.pk}/change/")
    page.get_by_text(f"Lead #{duplicate.pk} merged into this lead.").first.wait_for()
    for note in ["Rang at noon, no answer", "Texted the link to call us"]:
        assert page.get_by_text(note).is_visible()
    assert Inquiry.objects.get(pk=duplicate.pk).status == "merged"
    assert LeadMerge.objects.filter(original=original, duplicate_number=duplicate.pk).exists()
    audited = set(AuditEvent.objects.filter(action="change").values_list("object_id", "detail"))
    assert audited == {
        (str(original.pk), f"merged lead #{duplicate.pk} into this lead"),
        (str(duplicate.pk), f"merged into lead #{original.pk}"),
    }

    # The same merge again (a second tab, the back button): a clear refusal, nothing changes.
    page.goto(f"/admin/intake/inquiry/{duplicate.pk}/merge/?into={original.pk}")
    assert page.get_by_text(f"This lead was already merged into lead #{original.pk}.").is_visible()
    assert page.get_by_role("button", name="Merge lead").count() == 0
    page.assert_layout()
    page.assert_accessible()
    shot(page, "merge-already")
