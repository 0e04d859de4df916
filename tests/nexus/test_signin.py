"""Staff sign-in: password then code, lockout at both steps, enrolment, session limits."""

import re
import time
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db.models import F
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus.staff_middleware import SIGNED_IN_AT
from tests.subprocess_django import run_django

pytestmark = pytest.mark.django_db
PASSWORD = "a-long-staff-password-123"


def current_code(device):
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("casey", password=PASSWORD, is_staff=True, is_superuser=True)


@pytest.fixture
def device(staff):
    return TOTPDevice.objects.create(user=staff, name="phone", confirmed=True)


def sign_in_password(client, username="casey", password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password, "next": "/admin/"})


def test_password_then_code_signs_staff_in(client, device):
    response = sign_in_password(client)
    assert response.status_code == 302 and response["Location"] == "/admin/login/code/"
    assert client.get("/admin/").status_code == 302, "not signed in after the password alone"
    response = client.post("/admin/login/code/", {"code": current_code(device)})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_the_same_message_for_a_wrong_password_and_an_unknown_user(client, staff):
    wrong = sign_in_password(client, password="not-it").content.decode()
    unknown = sign_in_password(client, username="nobody-here").content.decode()
    assert "Please enter the correct username and password for a staff account" in wrong
    error_note = re.compile(r'<p class="errornote"[^>]*>(.*?)</p>', re.S)
    assert error_note.findall(wrong) == error_note.findall(unknown)


def behind_proxy(address):
    """A browser at `address`, seen through one trusted proxy that appends what it received from."""
    return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=f"{address}, {address}")


def test_five_wrong_passwords_from_five_addresses_lock_the_username_everywhere(staff, settings):
    settings.NEXUS_TRUSTED_PROXY_COUNT = 1
    statuses = [sign_in_password(behind_proxy(f"203.0.113.{n}"), password="wrong").status_code for n in range(5)]
    assert statuses == [200, 200, 200, 200, 429], "the fifth failure locks"
    fresh = behind_proxy("198.51.100.77")
    response = sign_in_password(fresh)  # a new address, and the right password: still refused
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()
    assert fresh.get("/admin/").status_code == 302, "not signed in"


def test_odd_spellings_of_the_username_count_towards_the_same_lock(staff, settings):
    settings.NEXUS_TRUSTED_PROXY_COUNT = 1
    for n, spelling in enumerate(["casey", " casey", "casey ", "\uff43asey", "casey"]):  # fullwidth c: NFKC
        sign_in_password(behind_proxy(f"203.0.113.{n}"), username=spelling, password="wrong")
    assert sign_in_password(behind_proxy("198.51.100.1")).status_code == 429


def test_failures_for_one_username_do_not_lock_another(staff, settings):
    get_user_model().objects.create_user("robin", password=PASSWORD, is_staff=True)
    for n in range(5):
        sign_in_password(Client(REMOTE_ADDR=f"203.0.113.{n}"), password="wrong")
    assert sign_in_password(Client(REMOTE_ADDR="203.0.113.1"), username="robin").status_code == 302


def test_a_lead_unlocks_a_username_locked_from_many_addresses(staff, settings):
    from axes.models import AccessAttempt

    from nexus import roles
    from tests.intake.staff import make_staff

    for n in range(5):
        sign_in_password(Client(REMOTE_ADDR=f"203.0.113.{n}"), password="wrong")
    assert sign_in_password(Client(REMOTE_ADDR="198.51.100.1")).status_code == 429
    lead = Client()
    lead.force_login(make_staff("lead", roles.ADMISSIONS_LEAD))
    ids = list(AccessAttempt.objects.filter(username="casey").values_list("pk", flat=True))
    response = lead.post(
        "/admin/axes/accessattempt/", {"action": "delete_selected", "_selected_action": ids, "post": "yes"}
    )
    assert response.status_code == 302
    assert sign_in_password(Client(REMOTE_ADDR="198.51.100.1")).status_code == 302


def test_lockout_does_not_reveal_whether_an_account_exists(client, staff):
    for _ in range(5):
        sign_in_password(client, username="nobody-here", password="wrong")
    response = sign_in_password(client, username="nobody-here", password="wrong")
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_wrong_codes_from_many_addresses_lock_the_account(device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # only django-axes here; the device's own throttle is tested below
    for n in range(5):
        browser = Client(REMOTE_ADDR=f"203.0.113.{n}")
        sign_in_password(browser)
        response = browser.post("/admin/login/code/", {"code": "000000"})
    assert response.status_code == 429
    assert sign_in_password(Client(REMOTE_ADDR="198.51.100.1")).status_code == 429


def test_a_wrong_code_in_one_session_makes_the_device_wait_in_every_session(device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    attacker, owner = Client(REMOTE_ADDR="203.0.113.9"), Client(REMOTE_ADDR="198.51.100.1")
    sign_in_password(attacker)
    sign_in_password(owner)
    assert attacker.post("/admin/login/code/", {"code": "000000"}).status_code == 200
    response = owner.post("/admin/login/code/", {"code": current_code(device)})
    page = response.content.decode()
    assert response.status_code == 200 and "Too many wrong codes" in page, "even the right code waits"
    assert re.search(r"Wait (59|60) seconds", page)
    assert owner.get("/admin/").status_code == 302, "not signed in"
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=F("throttling_failure_timestamp") - timedelta(seconds=61)
    )
    assert owner.post("/admin/login/code/", {"code": current_code(device)}).status_code == 302
    assert owner.get("/admin/").status_code == 200


def test_the_wait_doubles_with_each_wrong_code(device, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    sign_in_password(client := Client())
    for failures in (1, 2, 3):
        client.post("/admin/login/code/", {"code": "000000"})
        if failures < 3:  # wait out this failure's delay (60 s, then 120 s) before the next guess
            waited = F("throttling_failure_timestamp") - timedelta(seconds=60 * 2 ** (failures - 1))
            TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=waited)
    device.refresh_from_db()
    assert device.throttling_failure_count == 3
    page = client.post("/admin/login/code/", {"code": "000000"}).content.decode()
    assert re.search(r"Wait (239|240) seconds", page)


def test_a_backup_code_does_not_count_against_the_authenticator_and_back(client, device):
    backup = StaticDevice.objects.create(user=device.user, name="backup", confirmed=True)
    backup.token_set.create(token="abcd2345")
    sign_in_password(client)
    assert client.post("/admin/login/code/", {"code": "ABCD 2345"}).status_code == 302, "case and spaces do not matter"
    client.logout()
    sign_in_password(client)
    assert client.post("/admin/login/code/", {"code": current_code(device)}).status_code == 302
    device.refresh_from_db(), backup.refresh_from_db()
    assert (device.throttling_failure_count, backup.throttling_failure_count) == (0, 0)


def test_a_backup_code_works_once(client, staff):
    backup = StaticDevice.objects.create(user=staff, name="backup", confirmed=True)
    backup.token_set.create(token="abcd2345")
    sign_in_password(client)
    assert client.post("/admin/login/code/", {"code": "abcd2345"}).status_code == 302
    client.logout()
    sign_in_password(client)
    assert client.post("/admin/login/code/", {"code": "abcd2345"}).status_code == 200


def test_2fa_is_optional_when_not_required(client, staff, settings):
    settings.NEXUS_REQUIRE_2FA = False
    sign_in_password(client)
    assert client.get("/admin/").status_code == 200


def test_staff_sessions_end_after_the_absolute_limit(client, device):
    sign_in_password(client)
    client.post("/admin/login/code/", {"code": current_code(device)})
    session = client.session
    session[SIGNED_IN_AT] = time.time() - 12 * 60 * 60 - 1
    session.save()
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert client.get("/admin/").status_code == 302


def test_idle_sessions_expire_after_30_minutes(admin_client):
    response = admin_client.get("/admin/")
    cookie = response.cookies["sessionid"]
    assert cookie["max-age"] == 1800
    assert cookie["httponly"] and cookie["samesite"] == "Lax"


def test_a_password_change_ends_the_other_sessions(staff, settings):
    settings.NEXUS_REQUIRE_2FA = False
    laptop, phone = Client(), Client()
    for browser in (laptop, phone):
        sign_in_password(browser)
        assert browser.get("/admin/").status_code == 200
    new = "another-long-password-456"
    laptop.post("/admin/password_change/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new})
    assert laptop.get("/admin/").status_code == 200, "the session that changed it stays signed in"
    assert phone.get("/admin/").status_code == 302, "every other session is signed out"


def test_client_address_trusts_only_the_configured_proxies(rf, settings):
    from nexus.clientip import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7", REMOTE_ADDR="10.0.0.2")
    settings.NEXUS_TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "10.0.0.2"
    settings.NEXUS_TRUSTED_PROXY_COUNT = 1
    assert client_ip(request) == "203.0.113.7", "the forged left-most entry is ignored"


def test_the_admin_path_is_a_setting():
    result = run_django(
        "from django.urls import reverse\nprint(reverse('admin:index'), reverse('admin:login'))",
        env={"NEXUS_ADMIN_PATH": "staff-desk/"},
    )
    assert result.stdout.split()[-2:] == ["/staff-desk/", "/staff-desk/login/"], result.stderr


def test_an_over_long_username_is_refused_before_anything_is_stored(client):
    response = sign_in_password(client, username="x" * 100_000)
    assert response.status_code == 200
    assert "That username is too long." in response.content.decode()


def test_the_sign_in_page_says_what_comes_after_the_password(client, settings):
    settings.NEXUS_REQUIRE_2FA = False
    page = client.get("/admin/login/").content.decode()
    assert "This server does not require two-factor sign-in" in page
    assert "Next we ask for a code" not in page, "no promise of a code step that never comes"
    settings.NEXUS_REQUIRE_2FA = True
    page = client.get("/admin/login/").content.decode()
    assert "Next we ask for a code from your authenticator app" in page
    assert "ask your Admissions lead for an enrolment link" in page
