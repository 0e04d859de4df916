"""Staff sign-in, the code step, enrolment and issuing enrolment links, in a real Chromium at
375 and 1280 px: axe, same origin, no sideways scroll, no squeezed words, controls of 24x24 px."""

import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus import roles, services
from tests.intake.staff import make_staff
from tests.nexus.test_signin import PASSWORD, current_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTHS = ["phone_page", "browser_page"]


@pytest.fixture(params=WIDTHS, ids=["375px", "1280px"])
def page(request):
    return request.getfixturevalue(request.param)


def staff(username, *groups):
    user = make_staff(username, *groups)
    user.set_password(PASSWORD)
    user.save()
    return user


def check(page, name):
    page.assert_clean()
    page.assert_layout()
    width = page.viewport_size["width"]
    page.screenshot(path=f"var/shots/signin-{name}-{width}.png", full_page=True)


def sign_in(page, username, next_path=""):
    page.goto("/admin/login/" + next_path)
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_load_state("load")


def test_the_password_page_and_its_error(page, settings):
    settings.NEXUS_REQUIRE_2FA = True
    staff("casey", roles.ADMISSIONS)
    page.goto("/admin/login/")
    assert page.get_by_text("Next we ask for a code from your authenticator app").is_visible()
    check(page, "password")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("alert").is_visible()
    check(page, "password-error")


def test_the_code_step_and_its_wait(page, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    user = staff("casey", roles.ADMISSIONS)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(page, "casey")
    assert page.url.endswith("/admin/login/code/")
    check(page, "code")
    code = page.get_by_label("Code from your authenticator app, or a backup code")
    code.fill("000000")
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").inner_text().startswith("That code did not work")
    code.fill(current_code(device))
    page.get_by_role("button", name="Sign in").click()
    assert "Too many wrong codes for this account. Wait" in page.get_by_role("alert").inner_text()
    check(page, "code-wait")


def test_without_a_link_the_enrolment_page_says_whom_to_ask(page, settings):
    settings.NEXUS_REQUIRE_2FA = True
    staff("casey", roles.ADMISSIONS)
    sign_in(page, "casey")
    assert page.url.endswith("/admin/two-factor/")
    assert page.get_by_text("ask your Admissions lead for one").is_visible()
    assert page.locator("figure.qr").count() == 0
    check(page, "need-link")


def test_enrolment_with_a_link_from_qr_code_to_backup_codes(page, settings):
    settings.NEXUS_REQUIRE_2FA = True
    user = staff("casey", roles.ADMISSIONS)
    _, token = services.issue_enrolment_link(user=user)
    page.goto(f"/admin/two-factor/link/{token}/")
    assert token not in page.url, "the token leaves the address bar"
    sign_in_form = page.get_by_label("Username")
    sign_in_form.fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Continue").click()
    assert page.locator("figure.qr svg").is_visible()
    check(page, "enrol")
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    page.get_by_label("Six-digit code").fill(current_code(device))
    page.get_by_role("button", name="Turn on two-factor sign-in").click()
    assert page.get_by_role("heading", name="Your backup codes").count() == 1
    check(page, "backup-codes")
    page.goto("/admin/two-factor/")
    assert page.get_by_role("heading", name="Two-factor sign-in is on").count() == 1
    check(page, "enrolled")


def test_a_lead_issues_a_link_and_sees_it_once(page, settings):
    nurse = staff("admissions.coordinator", roles.ADMISSIONS)  # a long name must not widen the page
    nurse.first_name, nurse.last_name = "Maximiliana", "Featherstonehaugh"
    nurse.save()
    staff("a.second.colleague", roles.ADMISSIONS)
    lead = make_staff("lead", roles.ADMISSIONS_LEAD)
    client = Client()
    client.force_login(lead)
    page.context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": page.base_url}])
    page.goto("/admin/")
    page.get_by_role("link", name="Issue an enrolment link").click()
    assert page.get_by_role("row", name="admissions.coordinator").is_visible()
    check(page, "issue-links")
    page.get_by_role("button", name="Issue a link for admissions.coordinator").click()
    link = page.get_by_label("Enrolment link").input_value()
    assert "/admin/two-factor/link/" in link
    check(page, "link-issued")
