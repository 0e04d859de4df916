"""Check your insurance, in a real Chromium at 375 and 1280 px: a family sends a card photo with a GPS
tag; Admissions download it without the tag, work the check through the queue and see it on the lead."""

from pathlib import Path

import pytest
from django.test import Client

from intake import spam
from intake.models import BenefitsCheck
from nexus.models import AuditEvent
from nexus.roles import ADMISSIONS
from tests.intake.staff import make_staff
from tests.intake.vob_helpers import card_jpeg, has_gps

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
SHOTS = Path(__file__).resolve().parent.parent.parent / "var" / "shots"


@pytest.fixture(autouse=True)
def no_minimum_form_time(monkeypatch):
    """A browser fills the form faster than a person: the 3-second floor is tested elsewhere."""
    monkeypatch.setattr(spam, "MIN_SECONDS", 0)


@pytest.fixture(params=["phone_page", "browser_page"], ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"vob-{name}-{page.viewport_size['width']}.png"), full_page=True)


def sign_in(page, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])


def send_the_form(page):
    page.get_by_label("A loved one").check()
    page.get_by_label("Your name").fill("Jordan Example")
    page.get_by_label("Phone number").fill("202 555 0142")
    page.get_by_label("Best time to call").select_option("evening")
    page.get_by_label("Insurance company").fill("Example Health PPO")
    page.get_by_label("Member ID").fill("XE123456789")
    page.get_by_label("Group number (optional)").fill("G-4455")
    page.get_by_label("Policy holder's full name").fill("Casey Example")
    page.get_by_label("Policy holder's date of birth").fill("1971-03-27")
    photo = card_jpeg(orientation=6).getvalue()
    assert has_gps(photo)
    page.get_by_label("Photo of the front of the card (optional)").set_input_files(
        {"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": photo}
    )
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_label("Nexus Recovery may call or text me about this request").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Check my insurance").click()


def test_a_family_checks_their_insurance_with_a_card_photo(page):
    page.goto("/admissions/insurance/")
    assert page.get_by_role("heading", name="Check your insurance").is_visible()
    page.assert_layout()
    page.assert_clean()
    shot(page, "form")
    with page.expect_navigation():
        page.get_by_role("button", name="Check my insurance").click()
    assert page.title().startswith("Error: ")
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    summary.get_by_role("link", name="Enter the member ID from the card").click()
    assert page.evaluate("document.activeElement.id") == "id_member_id"
    page.assert_layout()
    page.assert_clean()
    shot(page, "form-errors")
    send_the_form(page)
    assert page.url.endswith("/admissions/thank-you/")
    assert page.get_by_text("We never send the result by email").is_visible()
    page.assert_layout()
    page.assert_clean()
    shot(page, "thanks")
    check = BenefitsCheck.objects.get()
    assert (check.payer, check.holder_birth_date, check.photos.count()) == ("Example Health PPO", "1971-03-27", 1)


def test_admissions_download_the_photo_without_gps_verify_the_check_and_see_it_on_the_lead(page):
    send_the_form_page = page.context.new_page()
    from tests.browser.harness import BrowserPage

    family = BrowserPage(send_the_form_page, page.base_url)
    family.goto("/admissions/insurance/")
    send_the_form(family)
    family.close()
    check = BenefitsCheck.objects.get()
    coordinator = make_staff("coordinator", ADMISSIONS)
    sign_in(page, coordinator)

    page.goto("/admin/intake/benefitscheck/")
    # Sorted by status, then by date: the rows' labels are the headings without the sort priority.
    assert page.locator("#result_list td.field-status_label").get_attribute("data-label") == "Status"
    page.assert_layout()
    page.assert_accessible()
    shot(page, "queue")
    with page.expect_navigation():
        page.get_by_role("link", name=str(check)).click()
    assert page.get_by_text("It is never emailed").is_visible()
    page.assert_layout()
    page.assert_accessible()
    shot(page, "check")

    with page.expect_download() as waiting:
        page.get_by_role("link", name="Download the front").click()
    download = waiting.value
    data = Path(download.path()).read_bytes()
    assert data.startswith(b"\xff\xd8") and not has_gps(data)
    assert download.suggested_filename == f"insurance-check-{check.pk}-front.jpg"

    page.get_by_label("In progress").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    page.get_by_label("Verified").check()
    page.get_by_label("In network").check()
    page.get_by_label("Deductible").fill("$1,500 ($400 met)")
    page.get_by_label("Out-of-pocket maximum").fill("$6,000")
    page.get_by_label("Medical detox").check()
    page.get_by_label("Residential (inpatient)").check()
    page.get_by_label("Required", exact=True).check()
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue editing").click()
    page.assert_layout()
    shot(page, "check-verified")
    check.refresh_from_db()
    assert (check.status, check.network, check.verified_by, check.started_by) == (
        "verified",
        "in_network",
        coordinator,
        coordinator,
    )

    with page.expect_navigation():
        page.get_by_role("link", name=f"Open lead #{check.inquiry_id}").first.click()
    block = page.locator(".vob-block")
    assert block.get_by_text("In network").is_visible()
    assert block.get_by_text("$1,500 ($400 met)").is_visible()
    assert block.get_by_text("coordinator").is_visible()
    page.assert_layout()
    shot(page, "lead")

    events = AuditEvent.objects.filter(actor=coordinator).order_by("pk")
    details = [(e.action, e.object_type, e.detail) for e in events]
    assert ("view", "intake.benefitscheck", "card photo (front) downloaded") in details
    assert ("change", "intake.benefitscheck", "changed status") in details
    assert any(a == "change" and d.startswith("changed status, network") for a, _t, d in details)
    assert any(t == "intake.inquiry" and a == "view" for a, t, _d in details)  # the lead page
    page.assert_same_origin()


def test_a_photo_too_large_to_send_is_caught_before_sending(phone_page):
    phone_page.goto("/admissions/insurance/")
    field = phone_page.get_by_label("Photo of the back of the card (optional)")
    field.set_input_files({"name": "huge.jpg", "mimeType": "image/jpeg", "buffer": b"\xff\xd8" + b"\0" * (9 << 20)})
    error = phone_page.get_by_text("Error: This photo is larger than 8 MB.")
    assert error.is_visible()
    assert phone_page.evaluate("document.querySelector('#id_card_back').files.length") == 0
    field.set_input_files({"name": "card.jpg", "mimeType": "image/jpeg", "buffer": card_jpeg().getvalue()})
    assert error.is_hidden()
    phone_page.assert_layout()
    phone_page.assert_clean()
