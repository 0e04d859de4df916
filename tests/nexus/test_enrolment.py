"""A first authenticator needs a one-time, expiring enrolment link from a lead or an operator."""

import re
from datetime import timedelta

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from nexus import roles, services
from nexus.models import AuditEvent, EnrolmentLink
from tests.intake.staff import make_staff
from tests.nexus.test_signin import PASSWORD, current_code, sign_in_password

pytestmark = pytest.mark.django_db
QR = '<figure class="qr">'
LINK = re.compile(r'readonly rows="3">(https?://[^/<"]+(/admin/two-factor/link/[^<"/]+/))</textarea>')


@pytest.fixture(autouse=True)
def require_2fa(settings):
    settings.NEXUS_REQUIRE_2FA = True


def staff(username, *groups, **flags):
    user = make_staff(username, *groups)
    user.set_password(PASSWORD)
    for flag, value in flags.items():
        setattr(user, flag, value)
    user.save()
    return user


@pytest.fixture
def nurse():
    return staff("nurse", roles.ADMISSIONS)


@pytest.fixture
def lead_client():
    """An Admissions lead signed in with password and code, as 2FA requires."""
    lead = staff("lead", roles.ADMISSIONS_LEAD)
    device = TOTPDevice.objects.create(user=lead, name="phone", confirmed=True)
    client = Client()
    sign_in_password(client, "lead")
    assert client.post("/admin/login/code/", {"code": current_code(device)}).status_code == 302
    return client


def issue(lead_client, user):
    response = lead_client.post("/admin/enrolment-links/", {"user": user.pk})
    assert response.status_code == 200
    match = LINK.search(response.content.decode())
    assert match, "the link is shown to the lead"
    assert match.group(1).startswith(settings.NEXUS_SITE_URL + "/"), "the site's own address, not the request's host"
    return match.group(2)


def open_and_sign_in(path, username="nurse"):
    """Open the link as the person it was given to, sign in with the password, land on enrolment."""
    client = Client()
    response = client.get(path)
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/", "the token leaves the URL"
    sign_in_password(client, username)
    return client


def test_the_password_alone_cannot_enrol_a_device(client, nurse):
    sign_in_password(client, "nurse")
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"] == "/admin/two-factor/"
    page = client.get("/admin/two-factor/").content.decode()
    assert "ask your Admissions lead for one" in page
    assert QR not in page, "no authenticator secret is shown"
    client.post("/admin/two-factor/", {"code": "123456"})
    assert not TOTPDevice.objects.filter(user=nurse).exists()
    assert client.get("/admin/").status_code == 302, "still only the enrolment page"


def test_a_lead_issues_a_link_and_the_colleague_enrols_with_it(lead_client, nurse):
    path = issue(lead_client, nurse)
    token = path.rstrip("/").rsplit("/", 1)[1]
    link = EnrolmentLink.objects.get(user=nurse)
    assert link.token_hash != token and token not in str(EnrolmentLink.objects.values().get())
    client = Client()
    response = client.get(path)
    assert response["Location"] == "/admin/two-factor/"
    response = client.get("/admin/two-factor/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert sign_in_password(client, "nurse")["Location"] == "/admin/"
    page = client.get("/admin/two-factor/").content.decode()
    assert QR in page, "the QR code is drawn on our own page"
    device = TOTPDevice.objects.get(user=nurse, confirmed=False)
    page = client.post("/admin/two-factor/", {"code": current_code(device)}).content.decode()
    assert "Your backup codes" in page
    assert client.get("/admin/").status_code == 200
    details = list(AuditEvent.objects.order_by("pk").values_list("actor__username", "detail"))
    assert details == [
        ("lead", f"enrolment link issued for staff user #{nurse.pk}"),
        ("nurse", "enrolment link used"),
        ("nurse", "authenticator set up"),
    ]


def test_a_used_link_does_not_work_again_even_with_the_password(lead_client, nurse):
    path = issue(lead_client, nurse)
    owner = open_and_sign_in(path)
    assert QR in owner.get("/admin/two-factor/").content.decode()
    attacker = open_and_sign_in(path)
    page = attacker.get("/admin/two-factor/").content.decode()
    assert "already been used" in page and QR not in page
    device = TOTPDevice.objects.get(user=nurse, confirmed=False)
    assert "Your backup codes" in owner.post("/admin/two-factor/", {"code": current_code(device)}).content.decode()
    assert AuditEvent.objects.filter(actor=nurse, detail="enrolment link refused: used").exists()


def test_an_expired_link_does_not_work(nurse):
    issued = timezone.now() - timedelta(hours=24, seconds=1)
    _, token = services.issue_enrolment_link(user=nurse, now=issued)
    page = open_and_sign_in(f"/admin/two-factor/link/{token}/").get("/admin/two-factor/").content.decode()
    assert "has expired" in page and QR not in page
    assert not TOTPDevice.objects.filter(user=nurse).exists()


def test_a_link_for_another_account_does_not_work_and_is_not_spent(nurse):
    staff("porter", roles.ADMISSIONS)
    _, token = services.issue_enrolment_link(user=nurse)
    page = open_and_sign_in(f"/admin/two-factor/link/{token}/", "porter").get("/admin/two-factor/").content.decode()
    assert "issued for another account" in page and QR not in page
    page = open_and_sign_in(f"/admin/two-factor/link/{token}/").get("/admin/two-factor/").content.decode()
    assert QR in page, "the right person can still use it"


def test_a_made_up_or_replaced_link_does_not_work(lead_client, nurse):
    first = issue(lead_client, nurse)
    issue(lead_client, nurse)
    for path in (first, "/admin/two-factor/link/made-up/"):
        page = open_and_sign_in(path).get("/admin/two-factor/").content.decode()
        assert "does not work" in page and QR not in page
    assert EnrolmentLink.objects.filter(user=nurse).count() == 1


def test_wrong_codes_at_enrolment_make_the_new_device_wait(lead_client, nurse, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60
    client = open_and_sign_in(issue(lead_client, nurse))
    client.get("/admin/two-factor/")
    client.post("/admin/two-factor/", {"code": "000000"})
    device = TOTPDevice.objects.get(user=nurse, confirmed=False)
    page = client.post("/admin/two-factor/", {"code": current_code(device)}).content.decode()
    assert "Too many wrong codes" in page
    assert not TOTPDevice.objects.filter(user=nurse, confirmed=True).exists()


@pytest.mark.parametrize(
    ("username", "groups", "flags"),
    [
        ("marketer", [roles.MARKETING], {}),
        ("both", [roles.ADMISSIONS, roles.MARKETING], {}),
        ("other-lead", [roles.ADMISSIONS, roles.ADMISSIONS_LEAD], {}),
        ("root", [roles.ADMISSIONS], {"is_superuser": True}),
        ("former", [roles.ADMISSIONS], {"is_active": False}),
    ],
)
def test_a_lead_issues_links_for_admissions_staff_only(lead_client, username, groups, flags):
    user = staff(username, *groups, **flags)
    response = lead_client.post("/admin/enrolment-links/", {"user": user.pk})
    assert "You cannot issue a link for that account." in response.content.decode()
    assert not EnrolmentLink.objects.exists()
    assert username not in lead_client.get("/admin/enrolment-links/").content.decode()


def test_nobody_issues_a_link_for_themselves_or_an_enrolled_account(nurse):
    root = staff("root", is_superuser=True)
    with pytest.raises(PermissionDenied):
        services.issue_enrolment_link(user=root, issuer=root)
    TOTPDevice.objects.create(user=nurse, name="phone", confirmed=True)
    with pytest.raises(PermissionDenied):
        services.issue_enrolment_link(user=nurse, issuer=root)


def test_a_superuser_issues_links_for_anyone(nurse):
    root = staff("root", is_superuser=True)
    marketer = staff("marketer", roles.MARKETING)
    services.issue_enrolment_link(user=marketer, issuer=root)
    assert EnrolmentLink.objects.get().issued_by == root


def test_an_operator_issues_a_link_from_the_command_line(nurse, capsys):
    call_command("enrolment_link", "nurse")
    url = capsys.readouterr().out.split()[0]
    assert re.fullmatch(r"http://127\.0\.0\.1:8000/admin/two-factor/link/[\w-]{43}/", url)
    event = AuditEvent.objects.get()
    assert event.actor is None and event.detail.endswith("from the command line")


def test_without_required_2fa_nobody_is_sent_to_enrol(client, nurse, settings):
    settings.NEXUS_REQUIRE_2FA = False
    sign_in_password(client, "nurse")
    assert client.get("/admin/").status_code == 200
